#pragma once
// What the window shows while no connection is open: "Try the sandbox" (a local anadesk-sandbox with demo
// data, no account needed), "Add a connection", the saved connections to open, and the state of the last
// attempt (starting, connecting, what failed).
#include "ConnectionState.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace anadesk {

class ProfileStore;

class FirstRunPage : public QWidget
{
    Q_OBJECT

public:
    explicit FirstRunPage(ProfileStore *profiles, QWidget *parent = nullptr);

    void setState(ConnectionState state, const QString &detail);
    QString statusText() const;

Q_SIGNALS:
    void trySandboxRequested();
    void addConnectionRequested();
    void openProfileRequested(const QString &profileId);
    void retryRequested();
    void enterSecretsRequested();

private:
    void reloadProfiles();

    ProfileStore *m_profiles;
    QPushButton *m_trySandbox;
    QPushButton *m_addConnection;
    QComboBox *m_savedProfiles;
    QPushButton *m_openProfile;
    QWidget *m_savedRow;
    QLabel *m_status;
    QPushButton *m_retry;
    QPushButton *m_enterSecrets;
};

} // namespace anadesk
