#pragma once
// The connection manager's list: the profiles of a ProfileStore sorted by name, refreshed when the store
// changes. Display: name; tool tip: hosts and sign-in; IdRole: the profile id.
#include "profiles/ConnectionProfile.h"

#include <QAbstractListModel>
#include <QPointer>

namespace anadesk {

class ProfileStore;

class ProfileListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ProfileListModel(ProfileStore *store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    ConnectionProfile profileAt(int row) const { return m_profiles.value(row); }
    // -1 when absent.
    int rowOf(const QString &id) const;
    void reload();

    // "eu1 · basic sign-in as a@b.com" (translated)
    static QString describe(const ConnectionProfile &profile);

private:
    QPointer<ProfileStore> m_store;
    QList<ConnectionProfile> m_profiles;
};

} // namespace anadesk
