#include "Icons.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcIcons, "anadesk.ui.icons")

namespace anadesk {

QIcon icon(const QString &name)
{
    const QString path = QStringLiteral(":/icons/") + name + QStringLiteral(".svg");
    if (!QFile::exists(path)) {
        static QSet<QString> warned;
        if (!warned.contains(name)) {
            warned.insert(name);
            qCWarning(lcIcons) << "no icon" << path;
        }
        return {};
    }
    return QIcon(path);
}

} // namespace anadesk
