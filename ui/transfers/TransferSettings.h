#pragma once
// What the transfer features remember between sessions, in the Anadesk settings file (group "transfers"):
// the folder downloads and dumps were last saved to, and where dropped files were last picked from.
// Never anything secret.
#include <QString>

namespace anadesk {

class TransferSettings
{
public:
    // settingsFile empty: the default Anadesk settings file.
    explicit TransferSettings(QString settingsFile = {})
        : m_settingsFile(std::move(settingsFile))
    {}

    // The last folder a file was saved to; the user's Downloads folder at first.
    QString downloadFolder() const;
    // Remembers the folder of `savedPath` (a file) for the next save dialog.
    void rememberSavedFile(const QString &savedPath) const;
    QString uploadFolder() const;
    void rememberUploadedFile(const QString &localPath) const;

    const QString &settingsFile() const { return m_settingsFile; }

private:
    QString folder(const char *key) const;
    void remember(const char *key, const QString &filePath) const;
    QString m_settingsFile;
};

} // namespace anadesk
