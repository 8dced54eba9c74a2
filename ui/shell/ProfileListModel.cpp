#include "ProfileListModel.h"

#include "Icons.h"
#include "profiles/ProfileStore.h"

namespace anadesk {

ProfileListModel::ProfileListModel(ProfileStore *store, QObject *parent)
    : QAbstractListModel(parent)
    , m_store(store)
{
    if (store)
        connect(store, &ProfileStore::profilesChanged, this, &ProfileListModel::reload);
    reload();
}

int ProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

QString ProfileListModel::describe(const ConnectionProfile &profile)
{
    QString where;
    switch (profile.endpointMode) {
    case EndpointMode::Region:
        where = tr("region %1").arg(profile.region);
        break;
    case EndpointMode::SingleOrigin:
        where = profile.singleOrigin.toString();
        break;
    case EndpointMode::Custom:
        where = tr("custom hosts (%1)").arg(profile.customEndpoints.api.host());
        break;
    }
    QString how;
    switch (profile.authMethod) {
    case AuthMethod::Basic:
        how = tr("basic sign-in as %1").arg(profile.userEmail);
        break;
    case AuthMethod::Certificate:
        how = tr("certificate sign-in");
        break;
    case AuthMethod::Token:
        how = tr("token sign-in");
        break;
    }
    return where + QStringLiteral(" · ") + how;
}

QVariant ProfileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionProfile &profile = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return profile.name;
    case Qt::ToolTipRole:
        return describe(profile);
    case Qt::DecorationRole:
        return icon(QStringLiteral("connection"));
    case IdRole:
        return profile.id;
    default:
        return {};
    }
}

int ProfileListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id == id)
            return row;
    }
    return -1;
}

void ProfileListModel::reload()
{
    beginResetModel();
    m_profiles = m_store ? m_store->profiles() : QList<ConnectionProfile>();
    endResetModel();
}

} // namespace anadesk
