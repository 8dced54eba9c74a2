#include "CredentialIndex.h"

#include "SettingsFile.h"

namespace anadesk {

namespace {
const QString kGroup = QStringLiteral("credentialIndex");
}

CredentialIndex::CredentialIndex(QString settingsFile)
    : m_settingsFile(std::move(settingsFile))
{}

QStringList CredentialIndex::kindNames(const QString &profileId) const
{
    const auto settings = openAnadeskSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    QStringList names = settings->value(profileId).toStringList();
    names.removeAll(QString());
    names.sort();
    names.removeDuplicates();
    return names;
}

QStringList CredentialIndex::profileIds() const
{
    const auto settings = openAnadeskSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    return settings->childKeys();
}

bool CredentialIndex::add(const QString &profileId, const QString &kindName)
{
    QStringList names = kindNames(profileId);
    if (names.contains(kindName))
        return true;
    names.append(kindName);
    names.sort();
    return store(profileId, names);
}

bool CredentialIndex::remove(const QString &profileId, const QString &kindName)
{
    QStringList names = kindNames(profileId);
    if (!names.removeAll(kindName))
        return true;
    return store(profileId, names);
}

bool CredentialIndex::store(const QString &profileId, const QStringList &kindNames)
{
    const auto settings = openAnadeskSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    if (kindNames.isEmpty())
        settings->remove(profileId);
    else
        settings->setValue(profileId, kindNames);
    settings->endGroup();
    settings->sync();
    return settings->status() == QSettings::NoError;
}

} // namespace anadesk
