#include "CredentialStore.h"

#include <QMetaObject>

namespace anadesk {

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{}

CredentialStore::~CredentialStore() = default;

void CredentialStore::setProfileLabeler(std::function<QString(const QString &profileId)> labeler)
{
    m_labeler = std::move(labeler);
}

bool CredentialStore::isValidProfileId(const QString &profileId)
{
    if (profileId.isEmpty() || profileId.size() > 64)
        return false;
    for (QChar c : profileId) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                        (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
                        c == QLatin1Char('_');
        if (!ok)
            return false;
    }
    return true;
}

QString CredentialStore::subject(const QString &profileId, std::optional<SecretKind> kind) const
{
    QString label = m_labeler ? m_labeler(profileId) : QString();
    if (label.isEmpty())
        label = profileId;
    if (kind)
        return tr("the %1 of profile '%2'").arg(secretKindLabel(*kind), label);
    return tr("the saved secrets of profile '%1'").arg(label);
}

std::optional<CredentialOutcome> CredentialStore::checkRequest(CredentialOperation operation,
                                                               const QString &profileId,
                                                               std::optional<SecretKind> kind,
                                                               const SecretBytes *secret) const
{
    QString problem;
    if (!isValidProfileId(profileId))
        problem =
            tr("the profile id is empty or contains characters other than letters, digits, '-' and '_'");
    else if (secret && secret->isEmpty())
        problem = tr("the secret is empty (use remove to delete a saved secret)");
    else if (secret && secret->bytes().size() > kMaxSecretBytes)
        problem = tr("the secret is %1 bytes long; at most %2 bytes can be saved")
                      .arg(secret->bytes().size())
                      .arg(kMaxSecretBytes);
    if (problem.isEmpty())
        return std::nullopt;
    // The (invalid) id is not echoed: it may be anything the caller passed.
    const QString what =
        kind ? tr("the %1 of a profile").arg(secretKindLabel(*kind)) : tr("the profile's secrets");
    CredentialOutcome outcome = CredentialOutcome::failure(CredentialStatus::InvalidRequest, operation, what);
    outcome.detail = problem;
    return outcome;
}

void CredentialStore::deliver(const CallbackContext &context, Done done, const CredentialOutcome &outcome)
{
    QObject *target = context.target(this);
    if (!done || !target)
        return;
    QMetaObject::invokeMethod(
        target, [done = std::move(done), outcome]() { done(outcome); }, Qt::QueuedConnection);
}

void CredentialStore::deliverRead(const CallbackContext &context, ReadDone done,
                                  const CredentialOutcome &outcome, const SecretBytes &secret)
{
    QObject *target = context.target(this);
    if (!done || !target)
        return;
    QMetaObject::invokeMethod(
        target, [done = std::move(done), outcome, secret]() { done(outcome, secret); }, Qt::QueuedConnection);
}

} // namespace anadesk
