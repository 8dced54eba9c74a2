#include "TransferSettings.h"

#include "credentials/SettingsFile.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace anadesk {

QString TransferSettings::folder(const char *key) const
{
    auto settings = openAnadeskSettings(m_settingsFile);
    const QString stored = settings->value(QLatin1String(key)).toString();
    if (!stored.isEmpty() && QFileInfo(stored).isDir())
        return stored;
    const QString downloads = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    return downloads.isEmpty() ? QDir::homePath() : downloads;
}

void TransferSettings::remember(const char *key, const QString &filePath) const
{
    if (filePath.isEmpty())
        return;
    auto settings = openAnadeskSettings(m_settingsFile);
    settings->setValue(QLatin1String(key), QFileInfo(filePath).absolutePath());
}

QString TransferSettings::downloadFolder() const
{
    return folder("transfers/downloadFolder");
}

void TransferSettings::rememberSavedFile(const QString &savedPath) const
{
    remember("transfers/downloadFolder", savedPath);
}

QString TransferSettings::uploadFolder() const
{
    return folder("transfers/uploadFolder");
}

void TransferSettings::rememberUploadedFile(const QString &localPath) const
{
    remember("transfers/uploadFolder", localPath);
}

} // namespace anadesk
