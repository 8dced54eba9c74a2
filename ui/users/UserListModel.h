#pragma once
// The tenant's SCIM users as a table that loads page by page (SCIM's 1-based paging, 100 users a request)
// as the view scrolls: canFetchMore()/fetchMore() ask for the next page, one request at a time. A new filter
// (setFilter) or reload() drops the rows and aborts the page in flight. Users the server sends twice (the
// list changed between pages) are shown once.
//
// Columns: User name · Name · State · Workspaces · External id · Id.
#include "scim/ListUsersPageJob.h"
#include "scim/ScimFilter.h"
#include "scim/ScimUser.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace anadesk {

class Connection;

class UserListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        UserNameColumn,
        NameColumn,
        StateColumn,
        WorkspacesColumn,
        ExternalIdColumn,
        IdColumn,
        ColumnCount
    };
    enum Role
    {
        UserIdRole = Qt::UserRole + 60, // the user's id
        ActiveRole,                     // bool
    };

    explicit UserListModel(QObject *parent = nullptr);
    ~UserListModel() override;

    // Not owned; null clears the list. Starts reading the first page.
    void setConnection(Connection *connection);
    Connection *connection() const;
    void setFilter(const scim::Filter &filter);
    const scim::Filter &filter() const { return m_filter; }
    void setPageSize(int users); // 1..100 (default 100)
    int pageSize() const { return m_pageSize; }
    // Drops every row and reads the first page again.
    void reload();

    bool isLoading() const { return !m_job.isNull(); }
    // The number of users matching the filter as the server reported it; -1 before the first page.
    qint64 totalResults() const { return m_total; }
    int pagesLoaded() const { return m_pagesLoaded; }
    const scim::User *userAt(int row) const;
    int rowOf(const QString &userId) const;
    // Replaces the row of user.id (after an edit); false when the user is not listed.
    bool updateUser(const scim::User &user);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static QString displayName(const scim::User &user);

Q_SIGNALS:
    void loadingChanged(bool loading);
    void pageLoaded(int rows, qint64 totalResults);
    void loadFailed(const anadesk::ApiError &error);

private:
    void startPage();
    void onPage(scim::ListUsersPageJob *job);
    void abortJob();

    QPointer<Connection> m_connection;
    scim::Filter m_filter;
    int m_pageSize = scim::kMaxPageSize;
    QList<scim::User> m_users;
    QHash<QString, int> m_rowById;
    qint64 m_total = -1;
    int m_pagesLoaded = 0;
    bool m_failed = false;    // the last page failed: no automatic retry (reload() or a new filter)
    bool m_exhausted = false; // the server sent an empty page before totalResults was reached
    QPointer<scim::ListUsersPageJob> m_job;
};

} // namespace anadesk
