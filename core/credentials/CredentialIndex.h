#pragma once
// Which secret kinds are saved for which profile — the names only, never a secret — kept in the
// Anadesk settings file under [credentialIndex], one key per profile id.
//
// Why the index lives in QSettings and not in the keychain: keychains cannot be enumerated through
// QtKeychain, and the index must be readable exactly when the keychain is not — a locked or missing
// keychain must not make Anadesk forget which secrets it left there (removeProfile() would otherwise
// silently leave orphans), and the profile list must show "password saved" without an unlock prompt.
// The index reveals only that, say, a password exists for a profile, which the profile itself
// (auth method "basic") already implies.
#include <QString>
#include <QStringList>

namespace anadesk {

class CredentialIndex
{
public:
    // `settingsFile` empty: the default Anadesk settings file (SettingsFile.h).
    explicit CredentialIndex(QString settingsFile = {});

    // Kind names (SecretKind.h), sorted; may include names from a newer version of Anadesk.
    QStringList kindNames(const QString &profileId) const;
    QStringList profileIds() const;
    // Each returns false when the settings file could not be written.
    bool add(const QString &profileId, const QString &kindName);
    bool remove(const QString &profileId, const QString &kindName);

private:
    bool store(const QString &profileId, const QStringList &kindNames);

    QString m_settingsFile;
};

} // namespace anadesk
