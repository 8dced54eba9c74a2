#include "KeychainCredentialStore.h"

#include "CredentialsLogging.h"
#include "KeychainErrorMapping.h"
#include "SecretServiceCheck.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>
#include <algorithm>
#include <qt6keychain/keychain.h>

namespace anadesk {

Q_LOGGING_CATEGORY(lcCredentials, "anadesk.credentials", QtInfoMsg)

namespace {

const char *jobName(int type)
{
    static const char *const names[] = {"read", "write", "delete"};
    return names[type];
}

} // namespace

struct KeychainCredentialStore::Removal
{
    QString profileId;
    QStringList pending; // kind names still to delete
    CallbackContext context;
    Done done;
};

KeychainCredentialStore::KeychainCredentialStore(KeychainOptions options, QObject *parent)
    : CredentialStore(parent)
    , m_options(std::move(options))
    , m_index(m_options.indexSettingsFile)
    , m_plainText(m_options.plainTextFile)
    , m_optIn(m_options.indexSettingsFile)
{
    if (m_options.allowPlainTextFallback) {
        qCWarning(lcCredentials).noquote()
            << "plain-text fallback is ON: without a system keychain, secrets are written unencrypted to"
            << m_plainText.filePath();
    }
}

KeychainCredentialStore::~KeychainCredentialStore() = default;

QString KeychainCredentialStore::keychainKey(const QString &profileId, const QString &kindName) const
{
    return m_options.keyPrefix + QLatin1Char('/') + profileId + QLatin1Char('/') + kindName;
}

QString KeychainCredentialStore::storageDescription() const
{
    if (m_options.allowPlainTextFallback)
        return tr("the system keychain (or, without one, the plain-text file %1)")
            .arg(m_plainText.filePath());
    return tr("the system keychain");
}

bool KeychainCredentialStore::usesPlainText(const QString &profileId, CredentialStatus status) const
{
    if (status == CredentialStatus::NoBackend)
        return m_options.allowPlainTextFallback || m_optIn.isOptedIn(profileId);
    if (status == CredentialStatus::KeychainLocked)
        return m_optIn.isOptedIn(profileId);
    return false;
}

bool KeychainCredentialStore::isPlainTextOptIn(const QString &profileId) const
{
    return isValidProfileId(profileId) && m_optIn.isOptedIn(profileId);
}

QStringList KeychainCredentialStore::plainTextKinds(const QString &profileId) const
{
    QStringList kinds;
    if (!isValidProfileId(profileId) || !m_plainText.exists())
        return kinds;
    for (const SecretKind kind : allSecretKinds()) {
        QString error;
        if (m_plainText.read(keychainKey(profileId, secretKindName(kind)), &error))
            kinds << secretKindName(kind);
    }
    return kinds;
}

bool KeychainCredentialStore::setPlainTextOptIn(const QString &profileId, bool optedIn, QString *error)
{
    error->clear();
    if (!isValidProfileId(profileId)) {
        *error = tr("the profile id is empty or contains characters other than letters, digits, '-' and '_'");
        return false;
    }
    if (!m_optIn.setOptedIn(profileId, optedIn)) {
        *error = tr("the settings file could not be written");
        return false;
    }
    if (optedIn) {
        qCWarning(lcCredentials).noquote() << "profile" << profileId
                                           << "may keep its secrets UNENCRYPTED in" << m_plainText.filePath()
                                           << "while the keychain is missing or locked (opted in)";
        return true;
    }
    // Opting out: nothing of the profile stays in the plain-text file.
    for (const QString &kindName : plainTextKinds(profileId)) {
        if (!m_plainText.remove(keychainKey(profileId, kindName), error))
            return false;
        indexRemove(profileId, kindName); // it was only there: a keychain write removes the plain copy
    }
    return true;
}

QList<SecretKind> KeychainCredentialStore::storedKinds(const QString &profileId) const
{
    QList<SecretKind> kinds;
    if (!isValidProfileId(profileId))
        return kinds;
    for (const QString &name : m_index.kindNames(profileId)) {
        if (const auto kind = secretKindFromName(name))
            kinds.append(*kind);
    }
    std::sort(kinds.begin(), kinds.end());
    return kinds;
}

QStringList KeychainCredentialStore::profilesWithSecrets() const
{
    QStringList ids = m_index.profileIds();
    ids.sort();
    return ids;
}

void KeychainCredentialStore::indexAdd(const QString &profileId, const QString &kindName)
{
    if (!m_index.add(profileId, kindName))
        qCWarning(lcCredentials) << "could not record" << kindName << "of profile" << profileId
                                 << "in the credential index (settings file not writable)";
    Q_EMIT storedKindsChanged(profileId);
}

void KeychainCredentialStore::indexRemove(const QString &profileId, const QString &kindName)
{
    if (!m_index.kindNames(profileId).contains(kindName))
        return;
    if (!m_index.remove(profileId, kindName))
        qCWarning(lcCredentials) << "could not drop" << kindName << "of profile" << profileId
                                 << "from the credential index (settings file not writable)";
    Q_EMIT storedKindsChanged(profileId);
}

void KeychainCredentialStore::runJob(JobType type, const QString &key, const SecretBytes &data,
                                     JobFinished finished)
{
    // Jobs get no parent: destroying a job while its backend call is in flight is unsafe, so they always
    // run to completion and delete themselves; `this` as the connection context drops the answer if the
    // store is gone by then.
    QKeychain::Job *job = nullptr;
    switch (type) {
    case JobType::Read:
        job = new QKeychain::ReadPasswordJob(m_options.service);
        break;
    case JobType::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_options.service);
        write->setBinaryData(data.bytes());
        job = write;
        break;
    }
    case JobType::Delete:
        job = new QKeychain::DeletePasswordJob(m_options.service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);

    struct State
    {
        bool timedOut = false;
        QElapsedTimer clock;
        QPointer<QTimer> timer;
    };
    auto state = std::make_shared<State>();
    state->clock.start();
    const int typeIndex = static_cast<int>(type);

    if (m_options.timeoutMs > 0) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        state->timer = timer;
        connect(timer, &QTimer::timeout, this, [this, state, finished, key, typeIndex]() {
            state->timedOut = true;
            state->timer->deleteLater();
            qCWarning(lcCredentials) << "keychain" << jobName(typeIndex) << "of" << key
                                     << "did not answer within" << m_options.timeoutMs << "ms";
            JobResult result;
            result.status = CredentialStatus::KeychainLocked;
            result.detail = tr("no answer from the keychain within %1 s").arg(m_options.timeoutMs / 1000.0);
            finished(result);
        });
        timer->start(m_options.timeoutMs);
    }

    connect(job, &QKeychain::Job::finished, this,
            [this, state, finished, key, typeIndex](QKeychain::Job *done) {
                if (state->timer) {
                    state->timer->stop();
                    state->timer->deleteLater();
                }
                JobResult result;
                result.late = state->timedOut;
                result.status = classifyKeychainError(done->error(), done->errorString());
                if (result.status != CredentialStatus::Ok)
                    result.detail = done->errorString();
                else if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(done))
                    result.data = SecretBytes(read->binaryData());
                qCDebug(lcCredentials).noquote()
                    << "keychain" << jobName(typeIndex) << key << "->" << credentialStatusName(result.status)
                    << "in" << state->clock.elapsed() << "ms" << (result.late ? "(after its timeout)" : "");
                finished(result);
            });
    job->start();
}

void KeychainCredentialStore::readSecret(const QString &profileId, SecretKind kind, QObject *context,
                                         ReadDone done)
{
    read(profileId, kind, context, std::move(done), true);
}

void KeychainCredentialStore::read(const QString &profileId, SecretKind kind, QObject *context, ReadDone done,
                                   bool mayRetry)
{
    const CallbackContext target(context);
    if (auto invalid = checkRequest(CredentialOperation::Read, profileId, kind))
        return deliverRead(target, std::move(done), *invalid, {});
    const QString kindName = secretKindName(kind);
    runJob(JobType::Read, keychainKey(profileId, kindName), {},
           [this, profileId, kind, kindName, target, done, mayRetry](const JobResult &result) {
               if (result.late)
                   return; // the timeout was reported; a read has nothing to bring up to date
               const bool firstRead = !m_firstReadDone;
               m_firstReadDone = true;
               if (result.status == CredentialStatus::Ok)
                   return deliverRead(target, done, CredentialOutcome::ok(), result.data);
               if (usesPlainText(profileId, result.status))
                   return readFromPlainText(profileId, kind, target, done);
               const bool maybeNotStartedYet = result.status == CredentialStatus::NoBackend ||
                                               result.status == CredentialStatus::OtherError;
               if (mayRetry && firstRead && maybeNotStartedYet && m_options.startupRetryDelayMs > 0) {
                   qCInfo(lcCredentials) << "no keychain answer on the first read; retrying once in"
                                         << m_options.startupRetryDelayMs << "ms (it may still be starting)";
                   QObject *retryContext = target.target(this);
                   if (!retryContext)
                       return;
                   QTimer::singleShot(m_options.startupRetryDelayMs, retryContext,
                                      [this, profileId, kind, retryContext, done]() {
                                          read(profileId, kind, retryContext == this ? nullptr : retryContext,
                                               done, false);
                                      });
                   return;
               }
               if (result.status == CredentialStatus::NotFound) {
                   // libsecret reports a locked entry whose unlock prompt failed as "not found": ask the
                   // Secret Service before telling anyone there is no secret.
                   const QString key = keychainKey(profileId, kindName);
                   return checkSecretServiceEntry(
                       m_options.service, key, this,
                       [this, profileId, kind, kindName, target, done, result](EntryPresence presence) {
                           JobResult checked = result;
                           applySecondOpinion(checked, presence, CredentialOperation::Read);
                           if (checked.status == CredentialStatus::NotFound)
                               indexRemove(profileId, kindName); // the keychain answered: the index was stale
                           finishRead(profileId, kind, checked, target, done);
                       });
               }
               finishRead(profileId, kind, result, target, done);
           });
}

void KeychainCredentialStore::finishRead(const QString &profileId, SecretKind kind, const JobResult &result,
                                         const CallbackContext &context, const ReadDone &done)
{
    const CredentialOutcome outcome = CredentialOutcome::failure(result.status, CredentialOperation::Read,
                                                                 subject(profileId, kind), result.detail);
    if (outcome.isKeychainUnavailable())
        qCWarning(lcCredentials).noquote() << outcome.toString();
    deliverRead(context, done, outcome, {});
}

void KeychainCredentialStore::applySecondOpinion(JobResult &result, EntryPresence presence,
                                                 CredentialOperation operation)
{
    switch (presence) {
    case EntryPresence::Unknown:
    case EntryPresence::Absent:
        return; // QtKeychain's answer stands
    case EntryPresence::Locked:
        result.status = CredentialStatus::KeychainLocked;
        result.detail = operation == CredentialOperation::Read
                            ? tr("the entry exists in a locked keychain collection")
                            : tr("the entry is still there, in a locked keychain collection");
        return;
    case EntryPresence::Unlocked:
        result.status = CredentialStatus::OtherError;
        result.detail = operation == CredentialOperation::Read
                            ? tr("the keychain holds the entry but did not return it")
                            : tr("the keychain reported the entry deleted, but it is still there");
        return;
    }
}

void KeychainCredentialStore::readFromPlainText(const QString &profileId, SecretKind kind,
                                                const CallbackContext &context, ReadDone done)
{
    QString error;
    const auto secret = m_plainText.read(keychainKey(profileId, secretKindName(kind)), &error);
    if (secret)
        return deliverRead(context, std::move(done), CredentialOutcome::ok(), *secret);
    if (!error.isEmpty()) {
        return deliverRead(context, std::move(done),
                           CredentialOutcome::failure(CredentialStatus::OtherError, CredentialOperation::Read,
                                                      subject(profileId, kind), error),
                           {});
    }
    deliverRead(context, std::move(done),
                CredentialOutcome::failure(CredentialStatus::NotFound, CredentialOperation::Read,
                                           subject(profileId, kind)),
                {});
}

void KeychainCredentialStore::writeSecret(const QString &profileId, SecretKind kind,
                                          const SecretBytes &secret, QObject *context, Done done)
{
    const CallbackContext target(context);
    if (auto invalid = checkRequest(CredentialOperation::Write, profileId, kind, &secret))
        return deliver(target, std::move(done), *invalid);
    const QString kindName = secretKindName(kind);
    const QString key = keychainKey(profileId, kindName);
    runJob(JobType::Write, key, secret,
           [this, profileId, kind, kindName, key, secret, target, done](const JobResult &result) {
               if (result.late) {
                   if (result.status == CredentialStatus::Ok)
                       indexAdd(profileId, kindName);
                   return;
               }
               if (result.status == CredentialStatus::Ok) {
                   indexAdd(profileId, kindName);
                   // A plain-text copy from a time without keychain is now obsolete.
                   QString ignored;
                   if (m_plainText.exists())
                       m_plainText.remove(key, &ignored);
                   return deliver(target, done, CredentialOutcome::ok());
               }
               if (usesPlainText(profileId, result.status)) {
                   QString error;
                   if (m_plainText.write(key, secret, &error)) {
                       qCWarning(lcCredentials).noquote()
                           << "no system keychain: the" << kindName << "of profile" << profileId
                           << "was written UNENCRYPTED to" << m_plainText.filePath()
                           << "(plain-text fallback opted in;" << credentialStatusName(result.status) << ")";
                       indexAdd(profileId, kindName);
                       return deliver(target, done, CredentialOutcome::ok());
                   }
                   return deliver(target, done,
                                  CredentialOutcome::failure(CredentialStatus::OtherError,
                                                             CredentialOperation::Write,
                                                             subject(profileId, kind), error));
               }
               const CredentialOutcome outcome = CredentialOutcome::failure(
                   result.status, CredentialOperation::Write, subject(profileId, kind), result.detail);
               qCWarning(lcCredentials).noquote() << outcome.toString();
               deliver(target, done, outcome);
           });
}

void KeychainCredentialStore::removeEntry(const QString &profileId, const QString &kindName,
                                          std::function<void(const JobResult &)> done)
{
    const QString key = keychainKey(profileId, kindName);
    runJob(JobType::Delete, key, {}, [this, profileId, kindName, key, done](const JobResult &keychain) {
        if (keychain.status != CredentialStatus::Ok && keychain.status != CredentialStatus::NotFound)
            return finishRemoveEntry(profileId, kindName, keychain, done);
        // libsecret reports a delete in a locked collection as done: check that the entry is gone.
        checkSecretServiceEntry(m_options.service, key, this,
                                [this, profileId, kindName, keychain, done](EntryPresence presence) {
                                    JobResult checked = keychain;
                                    applySecondOpinion(checked, presence, CredentialOperation::Remove);
                                    finishRemoveEntry(profileId, kindName, checked, done);
                                });
    });
}

void KeychainCredentialStore::finishRemoveEntry(const QString &profileId, const QString &kindName,
                                                const JobResult &keychain,
                                                const std::function<void(const JobResult &)> &done)
{
    const QString key = keychainKey(profileId, kindName);
    JobResult result = keychain;
    if (result.status == CredentialStatus::NotFound)
        result.status = CredentialStatus::Ok; // deleting what is not there is a success
    if (result.status == CredentialStatus::NoBackend && usesPlainText(profileId, result.status))
        result.status = CredentialStatus::Ok; // no keychain: the plain-text file is the only place
    if (m_plainText.exists()) {               // forgetting must be complete, whatever the option says today
        QString error;
        if (!m_plainText.remove(key, &error) && result.status == CredentialStatus::Ok) {
            result.status = CredentialStatus::OtherError;
            result.detail = error;
        }
    }
    if (result.status == CredentialStatus::Ok)
        indexRemove(profileId, kindName);
    if (!result.late)
        done(result);
}

void KeychainCredentialStore::removeSecret(const QString &profileId, SecretKind kind, QObject *context,
                                           Done done)
{
    const CallbackContext target(context);
    if (auto invalid = checkRequest(CredentialOperation::Remove, profileId, kind))
        return deliver(target, std::move(done), *invalid);
    removeEntry(profileId, secretKindName(kind),
                [this, profileId, kind, target, done](const JobResult &result) {
                    if (result.status == CredentialStatus::Ok)
                        return deliver(target, done, CredentialOutcome::ok());
                    const CredentialOutcome outcome = CredentialOutcome::failure(
                        result.status, CredentialOperation::Remove, subject(profileId, kind), result.detail);
                    qCWarning(lcCredentials).noquote() << outcome.toString();
                    deliver(target, done, outcome);
                });
}

void KeychainCredentialStore::removeProfile(const QString &profileId, QObject *context, Done done)
{
    const CallbackContext target(context);
    if (auto invalid = checkRequest(CredentialOperation::Remove, profileId, std::nullopt))
        return deliver(target, std::move(done), *invalid);
    auto removal =
        std::make_shared<Removal>(Removal{profileId, m_index.kindNames(profileId), target, std::move(done)});
    for (SecretKind kind : allSecretKinds()) { // the index may be stale: also every kind this version knows
        const QString name = secretKindName(kind);
        if (!removal->pending.contains(name))
            removal->pending.append(name);
    }
    qCDebug(lcCredentials) << "removing" << removal->pending.size() << "keychain entries of profile"
                           << profileId;
    removeNext(removal);
}

void KeychainCredentialStore::removeNext(const std::shared_ptr<Removal> &removal)
{
    if (removal->pending.isEmpty()) {
        m_optIn.setOptedIn(removal->profileId, false); // the profile is gone: so is its opt-in
        return deliver(removal->context, removal->done, CredentialOutcome::ok());
    }
    const QString kindName = removal->pending.takeFirst();
    removeEntry(removal->profileId, kindName, [this, removal](const JobResult &result) {
        if (result.status != CredentialStatus::Ok) {
            const CredentialOutcome outcome =
                CredentialOutcome::failure(result.status, CredentialOperation::Remove,
                                           subject(removal->profileId, std::nullopt), result.detail);
            qCWarning(lcCredentials).noquote() << outcome.toString();
            return deliver(removal->context, removal->done, outcome);
        }
        // Never start a keychain job from inside another job's finished handler (QtKeychain/KWallet
        // re-entrancy): continue from the event loop.
        QTimer::singleShot(0, this, [this, removal]() { removeNext(removal); });
    });
}

} // namespace anadesk
