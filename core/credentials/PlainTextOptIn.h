#pragma once
// Which profiles the user allowed to keep their secrets in the plain-text file when the system keychain is
// missing or locked (the per-profile opt-in of the connection manager). Only a flag per profile id is kept,
// in the Anadesk settings file under [plainTextSecrets] — never a secret; the secrets themselves go to
// PlainTextSecretFile (owner-only, in the app's data folder).
#include <QString>
#include <QStringList>

namespace anadesk {

class PlainTextOptIn
{
public:
    // `settingsFile` empty: the default Anadesk settings file (SettingsFile.h).
    explicit PlainTextOptIn(QString settingsFile = {});

    bool isOptedIn(const QString &profileId) const;
    // False when the settings file could not be written.
    bool setOptedIn(const QString &profileId, bool optedIn);
    QStringList profileIds() const;

private:
    QString m_settingsFile;
};

} // namespace anadesk
