#pragma once
// Settings (Tools ▸ Settings…): the ClientSettings tunables and the application proxy. Shown with open()
// (window-modal, no nested loop); settingsAccepted() carries valid settings, the caller saves and applies
// them. Nothing here is secret.
#include "ClientSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace anadesk {

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const ClientSettings &settings, QWidget *parent = nullptr);

    void setSettings(const ClientSettings &settings);
    // What the fields say now.
    ClientSettings settings() const;

    void accept() override;

Q_SIGNALS:
    void settingsAccepted(const anadesk::ClientSettings &settings);

private:
    void updateProxyFields();

    QSpinBox *m_timeout;
    QSpinBox *m_retries;
    QSpinBox *m_backoff;
    QDoubleSpinBox *m_backoffFactor;
    QSpinBox *m_maxBackoff;
    QSpinBox *m_pageSize;
    QSpinBox *m_pollDelay;
    QSpinBox *m_chunkSize;
    QSpinBox *m_compression;
    QComboBox *m_proxyMode;
    QLineEdit *m_proxyHost;
    QSpinBox *m_proxyPort;
    QLabel *m_problems;
};

} // namespace anadesk
