#pragma once
// The seam through which the shell asks the user for a secret (sign-in, re-authentication after the server
// rejected the credentials, proxy credentials after a 407). The app shows a SecretPromptDialog
// (DialogSecretPrompts); tests answer from a script (ScriptedSecretPrompts) and count how often they were
// asked. Answers always come back later from the event loop, never inside ask().
#include "ProfileSecrets.h"
#include "profiles/ConnectionProfile.h"

#include <QList>
#include <QString>
#include <functional>
#include <optional>

class QWidget;

namespace anadesk {

enum class SecretPurpose
{
    SignIn,           // nothing saved (or the keychain could not answer)
    Reauthentication, // the server no longer accepts the saved/typed secret
    Proxy,            // the proxy answered 407: its user name and password
};

struct SecretRequest
{
    SecretPurpose purpose = SecretPurpose::SignIn;
    ConnectionProfile profile;
    QList<SecretKind> kinds;
    QString explanation;            // why we ask; shown above the fields
    bool offerRemember = false;     // show "remember in the system keychain"
    bool rememberByDefault = false; // its initial state (re-authentication: off, the user decides)
    bool askProxyUser = false;      // Proxy: also a user-name field
    QString proxyUser;              // Proxy: its initial text
};

struct SecretAnswer
{
    ProfileSecrets secrets;
    QString proxyUser;
    bool remember = false;
};

class SecretPrompts
{
public:
    // nullopt: the user cancelled.
    using Answer = std::function<void(const std::optional<SecretAnswer> &answer)>;
    virtual ~SecretPrompts() = default;
    virtual void ask(QWidget *parent, const SecretRequest &request, Answer answer) = 0;
};

// Opens a (window-modal) SecretPromptDialog per request.
class DialogSecretPrompts final : public SecretPrompts
{
public:
    void ask(QWidget *parent, const SecretRequest &request, Answer answer) override;
};

} // namespace anadesk
