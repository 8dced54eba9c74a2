#pragma once
// Secrets in the operating system's keychain through QtKeychain: macOS Keychain, Windows Credential
// Manager, Secret Service (GNOME Keyring, KeePassXC, …) or KWallet on Linux.
//
// Entries: service "Anadesk", key "Anadesk/<profileId>/<kind>" (e.g. "Anadesk/3f2c…/password"). The key
// repeats the application name because the Windows credential store ignores the service, so the key
// alone must be unique on the machine. Values are stored as binary data, read back byte-exact.
//
// QtKeychain's own "insecure fallback" is never enabled (on Linux it does not even apply to the
// libsecret backend). The only plain-text paths are opt-ins: KeychainOptions::allowPlainTextFallback
// below (every profile, no keychain at all) and the per-profile opt-in (setPlainTextOptIn(): that
// profile's secrets go to the plain-text file while the keychain is missing or locked).
#include "CredentialIndex.h"
#include "CredentialStore.h"
#include "PlainTextOptIn.h"
#include "PlainTextSecretFile.h"
#include "SecretServiceCheck.h"

#include <memory>

namespace anadesk {

struct KeychainOptions
{
    QString service = QStringLiteral("Anadesk");
    QString keyPrefix = QStringLiteral("Anadesk");
    // The settings file holding the credential index (no secrets); empty = the Anadesk settings file.
    QString indexSettingsFile;
    // A keychain job that has not answered by then is reported as KeychainLocked (it is typically waiting
    // for the user to unlock the keychain); if it finishes later, only the index is brought up to date.
    int timeoutMs = 60'000;
    // At login the Secret Service or KWallet may start after Anadesk. The first read that finds no
    // keychain (NoBackend / OtherError) is retried once after this delay (0 = never), as Nextcloud does.
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    int startupRetryDelayMs = 10'000;
#else
    int startupRetryDelayMs = 0;
#endif
    // WARNING — PLAIN TEXT. Off by default; switch on only when the user explicitly asks for it after
    // being told the consequence. When on and the computer has NO keychain at all (NoBackend), secrets
    // are written UNENCRYPTED to `plainTextFile` (default PlainTextSecretFile::defaultFilePath(), e.g.
    // ~/.local/share/Anadesk/Anadesk/plaintext-secrets.json, owner-only permissions), and read from there.
    // A keychain that is merely locked or refuses access never triggers it (the per-profile opt-in,
    // setPlainTextOptIn(), also covers a locked keychain).
    bool allowPlainTextFallback = false;
    QString plainTextFile;
};

class KeychainCredentialStore final : public CredentialStore
{
    Q_OBJECT

public:
    explicit KeychainCredentialStore(KeychainOptions options = {}, QObject *parent = nullptr);
    ~KeychainCredentialStore() override;

    void readSecret(const QString &profileId, SecretKind kind, QObject *context, ReadDone done) override;
    void writeSecret(const QString &profileId, SecretKind kind, const SecretBytes &secret, QObject *context,
                     Done done) override;
    void removeSecret(const QString &profileId, SecretKind kind, QObject *context, Done done) override;
    void removeProfile(const QString &profileId, QObject *context, Done done) override;
    QList<SecretKind> storedKinds(const QString &profileId) const override;
    QStringList profilesWithSecrets() const override;
    QString storageDescription() const override;

    const KeychainOptions &options() const { return m_options; }
    // "Anadesk/<profileId>/<kindName>"
    QString keychainKey(const QString &profileId, const QString &kindName) const;
    // Where the opt-in plain-text fallback writes (whether or not it is enabled).
    QString plainTextFilePath() const { return m_plainText.filePath(); }

    // The per-profile opt-in (a flag in the settings file): while the keychain is missing or locked, the
    // profile's secrets are read from and written to the plain-text file. Opting out deletes the profile's
    // secrets from that file (and the file with its last secret). False with *error when that failed.
    bool setPlainTextOptIn(const QString &profileId, bool optedIn, QString *error);
    bool isPlainTextOptIn(const QString &profileId) const;
    // Kinds of the profile that are in the plain-text file right now (names; none when there is no file).
    QStringList plainTextKinds(const QString &profileId) const;

private:
    enum class JobType
    {
        Read,
        Write,
        Delete
    };
    struct JobResult
    {
        CredentialStatus status = CredentialStatus::Ok;
        QString detail;
        SecretBytes data;
        bool late = false; // the job answered after its timeout had already been reported
    };
    using JobFinished = std::function<void(const JobResult &)>;
    struct Removal;

    void runJob(JobType type, const QString &key, const SecretBytes &data, JobFinished finished);
    void read(const QString &profileId, SecretKind kind, QObject *context, ReadDone done, bool mayRetry);
    void finishRead(const QString &profileId, SecretKind kind, const JobResult &result,
                    const CallbackContext &context, const ReadDone &done);
    // Corrects QtKeychain's "not found" / "deleted" with what the Secret Service says (SecretServiceCheck.h).
    static void applySecondOpinion(JobResult &result, EntryPresence presence, CredentialOperation operation);
    void finishRemoveEntry(const QString &profileId, const QString &kindName, const JobResult &keychain,
                           const std::function<void(const JobResult &)> &done);
    void readFromPlainText(const QString &profileId, SecretKind kind, const CallbackContext &context,
                           ReadDone done);
    // Deletes one entry (keychain, and the plain-text file when it has it) and updates the index.
    void removeEntry(const QString &profileId, const QString &kindName,
                     std::function<void(const JobResult &)> done);
    void removeNext(const std::shared_ptr<Removal> &removal);
    // Whether a keychain answer of `status` sends this profile's secret to the plain-text file.
    bool usesPlainText(const QString &profileId, CredentialStatus status) const;
    void indexAdd(const QString &profileId, const QString &kindName);
    void indexRemove(const QString &profileId, const QString &kindName);

    KeychainOptions m_options;
    CredentialIndex m_index;
    PlainTextSecretFile m_plainText;
    PlainTextOptIn m_optIn;
    bool m_firstReadDone = false;
};

} // namespace anadesk
