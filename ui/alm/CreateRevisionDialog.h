#pragma once
// Creates an ALM revision of a model (name ≤ 60, description ≤ 250 characters). The dialog sends the request
// itself and shows a refusal inline (it stays open); on success it emits revisionCreated() and closes.
#include "AlmClient.h"

#include <QDialog>
#include <QPointer>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace anadesk {

class InlineBanner;

class CreateRevisionDialog : public QDialog
{
    Q_OBJECT
public:
    CreateRevisionDialog(const AlmClient &client, const QString &modelName, QWidget *parent = nullptr);
    ~CreateRevisionDialog() override;

    QLineEdit *nameEdit() const { return m_name; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    InlineBanner *banner() const { return m_banner; }
    bool isCreating() const { return !m_job.isNull(); }

    void accept() override;

Q_SIGNALS:
    void revisionCreated(const anadesk::Revision &revision);

private:
    void updateCounts();

    AlmClient m_client;
    QString m_modelName;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QLabel *m_counts;
    InlineBanner *m_banner;
    QDialogButtonBox *m_buttons;
    QPointer<CreateRevisionJob> m_job;
};

} // namespace anadesk
