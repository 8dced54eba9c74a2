#include "SafeFileName.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace anadesk {

namespace {

bool isReservedWindowsName(const QString &name)
{
    // Windows refuses these as file names with or without an extension ("NUL.csv").
    const QString stem = name.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QStringList reserved = {QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
                                         QStringLiteral("NUL")};
    if (reserved.contains(stem))
        return true;
    static const QRegularExpression device(QStringLiteral("^(COM|LPT)[0-9\u00B9\u00B2\u00B3]$"));
    return device.match(stem).hasMatch();
}

} // namespace

QString SafeFileName::sanitize(const QString &serverName)
{
    // Last path component only, whichever separator the server used.
    QString name = serverName;
    const qsizetype slash = qMax(name.lastIndexOf(QLatin1Char('/')), name.lastIndexOf(QLatin1Char('\\')));
    if (slash >= 0)
        name = name.mid(slash + 1);

    QString cleaned;
    cleaned.reserve(name.size());
    for (const QChar c : std::as_const(name)) {
        const bool control = c.unicode() < 0x20 || c.unicode() == 0x7F || c.category() == QChar::Other_Control;
        static const QString invalid = QStringLiteral("<>:\"/\\|?*");
        if (control)
            continue;
        cleaned.append(invalid.contains(c) ? QLatin1Char('_') : c);
    }
    // No leading dots (hidden files, "..") and no trailing dots or spaces (Windows strips them).
    while (cleaned.startsWith(QLatin1Char('.')) || cleaned.startsWith(QLatin1Char(' ')))
        cleaned.remove(0, 1);
    while (cleaned.endsWith(QLatin1Char('.')) || cleaned.endsWith(QLatin1Char(' ')))
        cleaned.chop(1);
    if (isReservedWindowsName(cleaned))
        cleaned.prepend(QLatin1Char('_'));
    if (cleaned.size() > kMaxLength) {
        // Keep the extension when there is a short one.
        const qsizetype dot = cleaned.lastIndexOf(QLatin1Char('.'));
        const QString ext = (dot > 0 && cleaned.size() - dot <= 16) ? cleaned.mid(dot) : QString();
        cleaned = cleaned.left(kMaxLength - ext.size()) + ext;
        if (cleaned.at(cleaned.size() - 1 - ext.size()).isHighSurrogate())
            cleaned.remove(cleaned.size() - 1 - ext.size(), 1);
    }
    if (cleaned.isEmpty())
        cleaned = QStringLiteral("download");
    return cleaned;
}

QString SafeFileName::resolveInside(const QString &directory, const QString &serverName, QString *error)
{
    const QFileInfo dirInfo(directory);
    if (!dirInfo.exists() || !dirInfo.isDir()) {
        if (error)
            *error = tr("The folder '%1' does not exist. Choose an existing folder to save into.").arg(directory);
        return {};
    }
    const QString canonicalDir = dirInfo.canonicalFilePath();
    const QString candidate = QDir(canonicalDir).filePath(sanitize(serverName));
    // Defence in depth: the joined path must still be a direct child of the chosen folder, also when
    // the name exists already as a symbolic link pointing elsewhere.
    const QFileInfo candidateInfo(candidate);
    const QString resolvedParent = QFileInfo(candidateInfo.absolutePath()).canonicalFilePath();
    const bool escapes = resolvedParent != canonicalDir
                         || (candidateInfo.isSymLink()
                             && QFileInfo(candidateInfo.symLinkTarget()).absolutePath() != canonicalDir);
    if (escapes) {
        if (error)
            *error = tr("The name '%1' from the server would be saved outside '%2'; refusing it.")
                         .arg(serverName, directory);
        return {};
    }
    return candidate;
}

} // namespace anadesk
