#pragma once
// The saved connection profiles, in the Anadesk settings file (SettingsFile.h; group "profiles").
// Never a secret: those go to the CredentialStore given here, keyed by profile id. Removing a profile
// removes its secrets first (CredentialStore::removeProfile).
#include "ConnectionProfile.h"
#include "credentials/CredentialStore.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace anadesk {

class ProfileStore : public QObject
{
    Q_OBJECT

public:
    enum class RemovalPolicy
    {
        // Default. If the secrets cannot be deleted (keychain locked, …) the profile stays, so nothing is
        // left behind unseen; the user unlocks the keychain and removes again.
        KeepProfileIfSecretsRemain,
        // The profile goes even then; its secrets stay listed in the credential index and are deleted by
        // a later removeOrphanedSecrets().
        RemoveAnyway,
    };

    // `credentials` must outlive this store. `settingsFile` empty: the default Anadesk settings file.
    explicit ProfileStore(CredentialStore *credentials, QString settingsFile = {}, QObject *parent = nullptr);
    ~ProfileStore() override;

    CredentialStore *credentials() const { return m_credentials; }
    // The file the profiles are kept in.
    QString settingsFilePath() const;

    // Sorted by name (case-insensitive).
    QList<ConnectionProfile> profiles() const;
    std::optional<ConnectionProfile> profile(const QString &id) const;
    // For the CLI's --profile: an exact id, else a name (case-insensitive). nullopt with `error` set when
    // nothing or more than one profile matches.
    std::optional<ConnectionProfile> find(const QString &idOrName, QString *error) const;

    // Inserts or replaces the profile. Returns what is wrong (validate(), a duplicate name, a settings
    // file that cannot be written); empty = saved.
    QStringList save(const ConnectionProfile &profile);

    // Deletes the profile's secrets, then the profile (see RemovalPolicy). `done` follows the
    // CredentialStore callback contract; NotFound when neither the profile nor secrets of it exist.
    void remove(const QString &id, QObject *context, CredentialStore::Done done,
                RemovalPolicy policy = RemovalPolicy::KeepProfileIfSecretsRemain);
    // Deletes the secrets of profiles that no longer exist (left by RemoveAnyway). Stops at the first
    // failure.
    void removeOrphanedSecrets(QObject *context, CredentialStore::Done done);

Q_SIGNALS:
    void profilesChanged();

private:
    bool eraseFromSettings(const QString &id);
    void removeOrphans(QStringList ids, const CallbackContext &context, CredentialStore::Done done);
    void finish(const CallbackContext &context, const CredentialStore::Done &done,
                const CredentialOutcome &outcome);

    QPointer<CredentialStore> m_credentials;
    QString m_settingsFile;
};

} // namespace anadesk
