#pragma once
// Asks for the secrets a connection needs when nothing is saved (or the keychain could not answer):
// one password field per kind, and "remember in the keychain" when the profile remembers secrets.
// Shown with open(); secretsEntered() carries the typed secrets.
#include "ProfileSecrets.h"
#include "profiles/ConnectionProfile.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLineEdit;

namespace anadesk {

class SecretPromptDialog : public QDialog
{
    Q_OBJECT

public:
    // `explanation`: why we ask (e.g. the keychain is locked); may be empty.
    SecretPromptDialog(const ConnectionProfile &profile, const QList<SecretKind> &kinds, const QString &explanation,
                       QWidget *parent = nullptr);

    QLineEdit *field(SecretKind kind) const { return m_fields.value(kind); }
    bool remember() const;
    ProfileSecrets secrets() const;

    void accept() override;

Q_SIGNALS:
    void secretsEntered(const anadesk::ProfileSecrets &secrets, bool remember);

private:
    QHash<SecretKind, QLineEdit *> m_fields;
    QCheckBox *m_remember = nullptr;
};

} // namespace anadesk
