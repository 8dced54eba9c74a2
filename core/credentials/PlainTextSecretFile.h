#pragma once
// The explicit, opt-in, UNENCRYPTED fallback for computers without any keychain (KeychainOptions::
// allowPlainTextFallback, off by default). Secrets are written readable to anyone who can read the
// file: a JSON object {"warning": …, "secrets": {"<key>": "<base64>"}} (base64 is an encoding, not
// protection). The directory is created owner-only (0700) and the file is owner-only (0600) before
// any secret is written into it. Default location: <app data dir>/plaintext-secrets.json, e.g.
// ~/.local/share/Anadesk/Anadesk/plaintext-secrets.json on Linux.
#include "auth/SecretBytes.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace anadesk {

class PlainTextSecretFile
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::PlainTextSecretFile)

public:
    explicit PlainTextSecretFile(QString filePath = {});

    static QString defaultFilePath();
    QString filePath() const { return m_filePath; }
    bool exists() const;

    // nullopt with an empty error: not in the file. nullopt with an error: the file could not be read.
    std::optional<SecretBytes> read(const QString &key, QString *error) const;
    bool write(const QString &key, const SecretBytes &secret, QString *error);
    // Deleting a key that is not there (or a file that does not exist) succeeds. The file is deleted
    // when its last secret goes.
    bool remove(const QString &key, QString *error);

private:
    QString m_filePath;
};

} // namespace anadesk
