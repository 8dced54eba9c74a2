#include "SettingsFile.h"

namespace anadesk {

std::unique_ptr<QSettings> openAnadeskSettings(const QString &filePath)
{
    if (!filePath.isEmpty())
        return std::make_unique<QSettings>(filePath, QSettings::IniFormat);
    return std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                       QLatin1String(kSettingsOrganization),
                                       QLatin1String(kSettingsApplication));
}

} // namespace anadesk
