#include "ProfileSecrets.h"

#include "credentials/CredentialStore.h"
#include "profiles/ConnectionProfile.h"

#include <QMetaObject>

namespace anadesk {

void ProfileSecrets::set(SecretKind kind, const SecretBytes &secret)
{
    if (secret.isEmpty())
        m_secrets.remove(kind);
    else
        m_secrets.insert(kind, secret);
}

void ProfileSecrets::mergeMissingFrom(const ProfileSecrets &other)
{
    for (const SecretKind kind : other.kinds()) {
        if (!has(kind) && other.has(kind))
            set(kind, other.get(kind));
    }
}

SecretLoader::SecretLoader(CredentialStore *keychain, CredentialStore *session, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_session(session)
{}

void SecretLoader::load(const ConnectionProfile &profile, const ProfileSecrets &known, Done done)
{
    ++m_generation;
    m_profileId = profile.id;
    m_done = std::move(done);
    m_result = {};
    m_result.secrets = known;
    m_pending.clear();
    for (const SecretKind kind : profile.secretKinds()) {
        if (!known.has(kind))
            m_pending << kind;
    }
    // Always asynchronous, even when nothing needs reading (the callback contract).
    const int generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation] {
            if (generation == m_generation)
                next();
        },
        Qt::QueuedConnection);
}

void SecretLoader::cancel()
{
    ++m_generation;
    m_done = nullptr;
}

void SecretLoader::next()
{
    if (m_pending.isEmpty()) {
        finish();
        return;
    }
    const SecretKind kind = m_pending.constFirst();
    const int generation = m_generation;
    auto fromKeychain = [this, kind, generation] {
        if (!m_keychain) {
            m_result.missing << kind;
            m_pending.removeFirst();
            next();
            return;
        }
        m_keychain->readSecret(m_profileId, kind, this,
                               [this, kind, generation](const CredentialOutcome &outcome, const SecretBytes &secret) {
                                   if (generation != m_generation)
                                       return;
                                   m_pending.removeFirst();
                                   if (outcome.isOk()) {
                                       m_result.secrets.set(kind, secret);
                                   } else if (outcome.isNotFound()) {
                                       m_result.missing << kind;
                                   } else {
                                       // Keep asking for the remaining kinds would prompt the user once per
                                       // kind at a locked keychain: stop at the first failure.
                                       m_result.missing << kind << m_pending;
                                       m_pending.clear();
                                       m_result.unavailable = outcome;
                                   }
                                   next();
                               });
    };
    if (!m_session) {
        fromKeychain();
        return;
    }
    m_session->readSecret(m_profileId, kind, this,
                          [this, kind, generation, fromKeychain](const CredentialOutcome &outcome,
                                                                 const SecretBytes &secret) {
                              if (generation != m_generation)
                                  return;
                              if (outcome.isOk()) {
                                  m_result.secrets.set(kind, secret);
                                  m_pending.removeFirst();
                                  next();
                                  return;
                              }
                              fromKeychain();
                          });
}

void SecretLoader::finish()
{
    Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(m_result);
}

} // namespace anadesk
