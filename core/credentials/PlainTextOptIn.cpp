#include "PlainTextOptIn.h"

#include "SettingsFile.h"

namespace anadesk {

namespace {
const QString kGroup = QStringLiteral("plainTextSecrets");
}

PlainTextOptIn::PlainTextOptIn(QString settingsFile)
    : m_settingsFile(std::move(settingsFile))
{}

bool PlainTextOptIn::isOptedIn(const QString &profileId) const
{
    if (profileId.isEmpty())
        return false;
    const auto settings = openAnadeskSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    return settings->value(profileId, false).toBool();
}

bool PlainTextOptIn::setOptedIn(const QString &profileId, bool optedIn)
{
    if (profileId.isEmpty())
        return false;
    const auto settings = openAnadeskSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    if (optedIn)
        settings->setValue(profileId, true);
    else
        settings->remove(profileId);
    settings->endGroup();
    settings->sync();
    return settings->status() == QSettings::NoError;
}

QStringList PlainTextOptIn::profileIds() const
{
    const auto settings = openAnadeskSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    QStringList ids;
    for (const QString &id : settings->childKeys()) {
        if (settings->value(id).toBool())
            ids << id;
    }
    return ids;
}

} // namespace anadesk
