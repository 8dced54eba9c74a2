#include "ProfileStore.h"

#include "ProfileCodec.h"
#include "credentials/SettingsFile.h"

#include <QTimer>
#include <algorithm>

namespace anadesk {

namespace {
const QString kGroup = QStringLiteral("profiles");
}

ProfileStore::ProfileStore(CredentialStore *credentials, QString settingsFile, QObject *parent)
    : QObject(parent)
    , m_credentials(credentials)
    , m_settingsFile(std::move(settingsFile))
{
    Q_ASSERT(credentials);
    // Messages of the credential store name profiles, not ids.
    QPointer<ProfileStore> self(this);
    m_credentials->setProfileLabeler([self](const QString &id) {
        if (!self)
            return QString();
        const auto found = self->profile(id);
        return found ? found->name : QString();
    });
}

ProfileStore::~ProfileStore()
{
    if (m_credentials)
        m_credentials->setProfileLabeler({});
}

QString ProfileStore::settingsFilePath() const
{
    return openAnadeskSettings(m_settingsFile)->fileName();
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    QList<ConnectionProfile> result;
    const auto settings = openAnadeskSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    const QStringList ids = settings->childGroups();
    for (const QString &id : ids) {
        settings->beginGroup(id);
        result.append(readProfile(*settings, id));
        settings->endGroup();
    }
    std::sort(result.begin(), result.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    return result;
}

std::optional<ConnectionProfile> ProfileStore::profile(const QString &id) const
{
    if (!CredentialStore::isValidProfileId(id))
        return std::nullopt;
    const auto settings = openAnadeskSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    if (!settings->childGroups().contains(id))
        return std::nullopt;
    settings->beginGroup(id);
    return readProfile(*settings, id);
}

std::optional<ConnectionProfile> ProfileStore::find(const QString &idOrName, QString *error) const
{
    const QString wanted = idOrName.trimmed();
    if (auto byId = profile(wanted))
        return byId;
    QList<ConnectionProfile> matches;
    const QList<ConnectionProfile> all = profiles();
    for (const ConnectionProfile &candidate : all) {
        if (candidate.name.compare(wanted, Qt::CaseInsensitive) == 0)
            matches.append(candidate);
    }
    if (matches.size() == 1)
        return matches.first();
    if (error) {
        QStringList names;
        for (const ConnectionProfile &candidate : all)
            names << candidate.name;
        if (matches.isEmpty())
            *error = all.isEmpty()
                         ? tr("There is no connection profile '%1': no profiles are saved yet").arg(wanted)
                         : tr("There is no connection profile '%1'; saved profiles: %2")
                               .arg(wanted, names.join(QStringLiteral(", ")));
        else
            *error = tr("More than one connection profile is called '%1'; use its id instead").arg(wanted);
    }
    return std::nullopt;
}

QStringList ProfileStore::save(const ConnectionProfile &profile)
{
    QStringList problems = profile.validate();
    const QList<ConnectionProfile> all = profiles();
    for (const ConnectionProfile &other : all) {
        if (other.id != profile.id && other.name.compare(profile.name.trimmed(), Qt::CaseInsensitive) == 0)
            problems << tr("Another connection profile is already called '%1'; choose another name")
                            .arg(other.name);
    }
    if (!problems.isEmpty())
        return problems;

    const auto settings = openAnadeskSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    settings->remove(profile.id); // no stale keys from an older layout survive a save
    settings->beginGroup(profile.id);
    ConnectionProfile normalized = profile;
    normalized.name = profile.name.trimmed();
    writeProfile(*settings, normalized);
    settings->endGroup();
    settings->endGroup();
    settings->sync();
    if (settings->status() != QSettings::NoError)
        return {tr("The connection profile could not be saved: the settings file %1 cannot be written")
                    .arg(settings->fileName())};
    Q_EMIT profilesChanged();
    return {};
}

bool ProfileStore::eraseFromSettings(const QString &id)
{
    const auto settings = openAnadeskSettings(m_settingsFile);
    settings->beginGroup(kGroup);
    settings->remove(id);
    settings->endGroup();
    settings->sync();
    return settings->status() == QSettings::NoError;
}

void ProfileStore::finish(const CallbackContext &context, const CredentialStore::Done &done,
                          const CredentialOutcome &outcome)
{
    // Called from a credential-store callback (already from the event loop), so calling on is allowed.
    if (done && context.target(this))
        done(outcome);
}

void ProfileStore::remove(const QString &id, QObject *context, CredentialStore::Done done,
                          RemovalPolicy policy)
{
    const CallbackContext target(context);
    const std::optional<ConnectionProfile> existing = profile(id);
    const bool hasSecrets = m_credentials->profilesWithSecrets().contains(id);
    if (!existing && !hasSecrets) {
        CredentialOutcome outcome;
        outcome.status = CredentialStatus::NotFound;
        outcome.message = tr("There is no connection profile with id '%1'").arg(id.left(64));
        outcome.hint = tr("Reload the list of profiles");
        QTimer::singleShot(0, this, [this, target, done, outcome]() { finish(target, done, outcome); });
        return;
    }
    m_credentials->removeProfile(
        id, this, [this, id, target, done, policy, hasSecrets](const CredentialOutcome &result) {
            CredentialOutcome secrets = result;
            // No keychain on this computer and nothing was ever saved for the profile: there is nothing to
            // leave behind, and refusing would make profiles impossible to remove without a keychain.
            if (secrets.status == CredentialStatus::NoBackend && !hasSecrets)
                secrets = CredentialOutcome::ok();
            if (secrets.isOk() || policy == RemovalPolicy::RemoveAnyway) {
                if (!eraseFromSettings(id)) {
                    CredentialOutcome failed;
                    failed.status = CredentialStatus::OtherError;
                    failed.message = tr("The connection profile could not be removed");
                    failed.hint = tr("Check that the settings file %1 is writable").arg(settingsFilePath());
                    return finish(target, done, failed);
                }
                Q_EMIT profilesChanged();
                if (secrets.isOk())
                    return finish(target, done, secrets);
                CredentialOutcome partial = secrets;
                partial.message =
                    tr("The profile was removed, but its saved secrets could not be deleted: %1")
                        .arg(secrets.message);
                partial.hint =
                    tr("They will be deleted the next time the keychain can be used (remove orphaned "
                       "secrets). %1")
                        .arg(secrets.hint);
                return finish(target, done, partial);
            }
            CredentialOutcome kept = secrets;
            kept.message = tr("The profile was kept because its saved secrets could not be deleted: %1")
                               .arg(secrets.message);
            finish(target, done, kept);
        });
}

void ProfileStore::removeOrphanedSecrets(QObject *context, CredentialStore::Done done)
{
    QStringList orphans;
    const QStringList withSecrets = m_credentials->profilesWithSecrets();
    for (const QString &id : withSecrets) {
        if (!profile(id))
            orphans << id;
    }
    const CallbackContext target(context);
    QTimer::singleShot(0, this, [this, orphans, target, done]() { removeOrphans(orphans, target, done); });
}

void ProfileStore::removeOrphans(QStringList ids, const CallbackContext &context, CredentialStore::Done done)
{
    if (ids.isEmpty())
        return finish(context, done, CredentialOutcome::ok());
    const QString id = ids.takeFirst();
    m_credentials->removeProfile(id, this, [this, ids, context, done](const CredentialOutcome &outcome) {
        if (!outcome.isOk())
            return finish(context, done, outcome);
        removeOrphans(ids, context, done);
    });
}

} // namespace anadesk
