#pragma once
// Turning a name chosen by someone else (an export or dump name from the model) into a local path
// that cannot escape the directory the user chose (reliability §4.5): last path component only,
// no control characters, no "..", no leading dots, no trailing dots/spaces, no characters invalid on
// Windows (<>:"/\|?*), no reserved device names (CON, NUL, COM1, …), capped length.
#include <QCoreApplication>
#include <QString>

namespace anadesk {

class SafeFileName
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::SafeFileName)
public:
    static constexpr int kMaxLength = 200; // characters; leaves room for ".partial.manifest"

    // A safe file name for `serverName`; never empty ("download" when nothing usable remains).
    static QString sanitize(const QString &serverName);

    // `directory` joined with sanitize(serverName), checked to be inside the canonical `directory`.
    // Empty with *error set when the directory does not exist or the result would leave it.
    static QString resolveInside(const QString &directory, const QString &serverName, QString *error);
};

} // namespace anadesk
