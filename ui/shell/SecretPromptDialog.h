#pragma once
// Asks for the secrets a connection needs when nothing is saved, the keychain could not answer, the server
// rejected the credentials, or the proxy wants a user name and password: one password field per kind (and a
// user field for the proxy), and "remember in the system keychain" when the request offers it. Shown with
// open() (by DialogSecretPrompts); secretsEntered()/answerGiven() carry the typed secrets.
#include "ProfileSecrets.h"
#include "SecretPrompts.h"
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
    explicit SecretPromptDialog(const SecretRequest &request, QWidget *parent = nullptr);
    // A sign-in prompt; "remember" (on by default) when the profile remembers secrets.
    // `explanation`: why we ask (e.g. the keychain is locked); may be empty.
    SecretPromptDialog(const ConnectionProfile &profile, const QList<SecretKind> &kinds, const QString &explanation,
                       QWidget *parent = nullptr);

    QLineEdit *field(SecretKind kind) const { return m_fields.value(kind); }
    QLineEdit *proxyUserField() const { return m_proxyUser; }
    QCheckBox *rememberBox() const { return m_remember; }
    bool remember() const;
    ProfileSecrets secrets() const;

    void accept() override;

Q_SIGNALS:
    void secretsEntered(const anadesk::ProfileSecrets &secrets, bool remember);
    void answerGiven(const anadesk::SecretAnswer &answer);

private:
    static SecretRequest signInRequest(const ConnectionProfile &profile, const QList<SecretKind> &kinds,
                                       const QString &explanation);

    QHash<SecretKind, QLineEdit *> m_fields;
    QLineEdit *m_proxyUser = nullptr;
    QCheckBox *m_remember = nullptr;
};

} // namespace anadesk
