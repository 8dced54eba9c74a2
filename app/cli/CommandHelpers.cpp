#include "CommandHelpers.h"

#include "transfer/SafeFileName.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace anadesk::cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::CommandHelpers", text);
}
} // namespace

ApiError usage(const QString &message, const QString &hint)
{
    ApiError e;
    e.category = ErrorCategory::BadInput;
    e.message = message;
    e.hint = hint;
    return e;
}

ApiError localIo(const QString &message, const QString &object, const QString &detail, const QString &hint)
{
    ApiError e;
    e.category = ErrorCategory::LocalIo;
    e.message = message;
    e.object = object;
    e.serverMessage = detail;
    e.hint = hint;
    return e;
}

ApiError targetPath(const QString &requested, const QString &serverName, bool force, QString *out)
{
    if (requested.isEmpty())
        return usage(tr("No output path given"), tr("Pass -o PATH (a file, or an existing directory)."));
    QString path = requested;
    const QFileInfo info(requested);
    if (info.isDir()) {
        QString error;
        path = SafeFileName::resolveInside(requested, serverName, &error);
        if (path.isEmpty())
            return localIo(tr("Cannot save into the directory"), QDir::toNativeSeparators(requested), error);
    } else {
        const QFileInfo parent(info.absolutePath());
        if (!parent.isDir())
            return localIo(tr("The directory to save into does not exist"),
                           QDir::toNativeSeparators(info.absolutePath()), {},
                           tr("Create it first, or choose another -o PATH."));
    }
    const QFileInfo target(path);
    if (target.exists() && target.isDir())
        return localIo(tr("The output path is a directory"), QDir::toNativeSeparators(path));
    if (target.exists() && !force)
        return localIo(tr("The file already exists"), QDir::toNativeSeparators(path), {},
                       tr("Pass --force to replace it, or choose another -o PATH."));
    *out = path;
    return {};
}

ApiError saveFile(const QString &path, const QByteArray &data, bool force)
{
    if (!force && QFileInfo::exists(path))
        return localIo(tr("The file already exists"), QDir::toNativeSeparators(path), {},
                       tr("Pass --force to replace it, or choose another -o PATH."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return localIo(tr("Cannot create the file"), QDir::toNativeSeparators(path), file.errorString(),
                       tr("Check the directory's permissions and free space."));
    if (file.write(data) != data.size() || !file.commit())
        return localIo(tr("Cannot write the file"), QDir::toNativeSeparators(path), file.errorString(),
                       tr("Check the free disk space."));
    return {};
}

QString hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

} // namespace anadesk::cli
