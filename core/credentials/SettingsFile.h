#pragma once
// The one settings file of Anadesk (profiles and the credential index; never a secret). INI format on
// every platform so that it can be inspected (and scanned by the secret-leak test); by default
// <user config dir>/Anadesk/Anadesk.ini, e.g. ~/.config/Anadesk/Anadesk.ini on Linux.
#include <QSettings>
#include <QString>
#include <memory>

namespace anadesk {

inline constexpr char kSettingsOrganization[] = "Anadesk";
inline constexpr char kSettingsApplication[] = "Anadesk";

// `filePath` empty: the default file above (tests redirect it with QSettings::setPath(IniFormat, …)).
std::unique_ptr<QSettings> openAnadeskSettings(const QString &filePath = {});

} // namespace anadesk
