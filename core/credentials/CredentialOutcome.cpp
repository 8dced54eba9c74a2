#include "CredentialOutcome.h"

#include "net/Redaction.h"

namespace anadesk {

namespace {

QString verb(CredentialOperation operation)
{
    switch (operation) {
    case CredentialOperation::Read:
        return CredentialOutcome::tr("read");
    case CredentialOperation::Write:
        return CredentialOutcome::tr("save");
    case CredentialOperation::Remove:
        return CredentialOutcome::tr("delete");
    }
    return {};
}

} // namespace

bool CredentialOutcome::isKeychainUnavailable() const
{
    switch (status) {
    case CredentialStatus::KeychainLocked:
    case CredentialStatus::AccessDenied:
    case CredentialStatus::NoBackend:
    case CredentialStatus::OtherError:
        return true;
    case CredentialStatus::Ok:
    case CredentialStatus::NotFound:
    case CredentialStatus::InvalidRequest:
        return false;
    }
    return true;
}

QString CredentialOutcome::toString() const
{
    if (isOk())
        return tr("OK");
    QString line = message;
    if (!detail.isEmpty())
        line += QStringLiteral(" (") + detail + QLatin1Char(')');
    if (!hint.isEmpty())
        line += QStringLiteral(". ") + hint;
    return line;
}

CredentialOutcome CredentialOutcome::failure(CredentialStatus status, CredentialOperation operation,
                                             const QString &subject, const QString &detail)
{
    CredentialOutcome outcome;
    outcome.status = status;
    outcome.detail = redactAndTruncate(detail, 300);
    const QString couldNot = tr("Could not %1 %2").arg(verb(operation), subject);
    switch (status) {
    case CredentialStatus::Ok:
        return ok();
    case CredentialStatus::NotFound:
        outcome.message = tr("Nothing is saved as %1").arg(subject);
        outcome.hint = tr("Enter it to sign in; tick \"Remember\" to save it in the system keychain");
        break;
    case CredentialStatus::KeychainLocked:
        outcome.message = couldNot + tr(": the system keychain is locked or did not answer");
        outcome.hint =
            tr("Unlock your keychain (for example your desktop's login keyring) and retry, or enter "
               "the secret for this session only. Nothing was deleted");
        break;
    case CredentialStatus::AccessDenied:
        outcome.message = couldNot + tr(": access to the system keychain was denied");
        outcome.hint = tr("Allow Anadesk to use the keychain when the system asks, then retry; or enter the "
                          "secret for this session only. Nothing was deleted");
        break;
    case CredentialStatus::NoBackend:
        outcome.message = couldNot + tr(": no system keychain is available on this computer");
        outcome.hint =
            tr("Install and start a keychain service (a Secret Service such as GNOME Keyring or "
               "KeePassXC, or KWallet) and retry; until then enter the secret for this session only");
        break;
    case CredentialStatus::InvalidRequest:
        outcome.message = couldNot + tr(": the request is invalid");
        outcome.hint = tr("This is a defect in the caller; nothing was stored or deleted");
        break;
    case CredentialStatus::OtherError:
        outcome.message = couldNot + tr(": the system keychain reported an error");
        outcome.hint = tr("Retry; if it keeps failing, check that the keychain service is running. Nothing "
                          "was deleted");
        break;
    }
    return outcome;
}

QString credentialStatusName(CredentialStatus status)
{
    switch (status) {
    case CredentialStatus::Ok:
        return QStringLiteral("ok");
    case CredentialStatus::NotFound:
        return QStringLiteral("not-found");
    case CredentialStatus::KeychainLocked:
        return QStringLiteral("keychain-locked");
    case CredentialStatus::AccessDenied:
        return QStringLiteral("access-denied");
    case CredentialStatus::NoBackend:
        return QStringLiteral("no-backend");
    case CredentialStatus::InvalidRequest:
        return QStringLiteral("invalid-request");
    case CredentialStatus::OtherError:
        return QStringLiteral("other-error");
    }
    return QStringLiteral("other-error");
}

} // namespace anadesk
