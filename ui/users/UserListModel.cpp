#include "UserListModel.h"

#include "Connection.h"

namespace anadesk {

UserListModel::UserListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

UserListModel::~UserListModel()
{
    abortJob();
}

void UserListModel::setConnection(Connection *connection)
{
    m_connection = connection;
    reload();
}

Connection *UserListModel::connection() const
{
    return m_connection.data();
}

void UserListModel::setFilter(const scim::Filter &filter)
{
    m_filter = filter;
    reload();
}

void UserListModel::setPageSize(int users)
{
    m_pageSize = qBound(1, users, scim::kMaxPageSize);
}

void UserListModel::abortJob()
{
    if (m_job) {
        scim::ListUsersPageJob *job = m_job;
        m_job = nullptr;
        disconnect(job, nullptr, this, nullptr);
        job->abort();
    }
}

void UserListModel::reload()
{
    const bool wasLoading = isLoading();
    abortJob();
    beginResetModel();
    m_users.clear();
    m_rowById.clear();
    m_total = -1;
    m_pagesLoaded = 0;
    m_failed = false;
    m_exhausted = false;
    endResetModel();
    if (m_connection)
        startPage();
    else if (wasLoading)
        Q_EMIT loadingChanged(false);
}

const scim::User *UserListModel::userAt(int row) const
{
    return row >= 0 && row < m_users.size() ? &m_users[row] : nullptr;
}

int UserListModel::rowOf(const QString &userId) const
{
    return m_rowById.value(userId, -1);
}

bool UserListModel::updateUser(const scim::User &user)
{
    const int row = rowOf(user.id);
    if (row < 0)
        return false;
    m_users[row] = user;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UserListModel::displayName(const scim::User &user)
{
    if (!user.displayName.isEmpty())
        return user.displayName;
    if (!user.name.formatted.isEmpty())
        return user.name.formatted;
    return QString(user.name.givenName + QLatin1Char(' ') + user.name.familyName).trimmed();
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const scim::User &user = m_users[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case UserNameColumn:
            return user.userName;
        case NameColumn:
            return displayName(user);
        case StateColumn:
            return user.active ? tr("Active") : tr("Inactive");
        case WorkspacesColumn:
            return QString::number(user.workspaceIds().size());
        case ExternalIdColumn:
            return user.externalId;
        case IdColumn:
            return user.id;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == StateColumn)
            return user.active ? tr("The user can sign in.")
                               : tr("The user is deactivated and cannot sign in.");
        if (index.column() == WorkspacesColumn)
            return tr("Workspaces this user may access (see the details panel).");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == WorkspacesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case UserIdRole:
        return user.id;
    case ActiveRole:
        return user.active;
    default:
        break;
    }
    return {};
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UserNameColumn:
        return tr("User name");
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case WorkspacesColumn:
        return tr("Workspaces");
    case ExternalIdColumn:
        return tr("External id");
    case IdColumn:
        return tr("Id");
    }
    return {};
}

bool UserListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_connection || isLoading() || m_failed || m_exhausted)
        return false;
    return m_total < 0 || qint64(m_pagesLoaded) * m_pageSize < m_total;
}

void UserListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startPage();
}

void UserListModel::startPage()
{
    if (!m_connection || isLoading())
        return;
    // Positions count what the server sent, duplicates included, so the next page starts where it should.
    const qint64 startIndex = 1 + qint64(m_pagesLoaded) * m_pageSize;
    auto *job = new scim::ListUsersPageJob(m_connection->transport(), m_filter, startIndex, m_pageSize, this);
    m_job = job;
    connect(job, &Job::finished, this, [this, job] { onPage(job); });
    job->start();
    Q_EMIT loadingChanged(true);
}

void UserListModel::onPage(scim::ListUsersPageJob *job)
{
    if (m_job != job)
        return;
    m_job = nullptr;
    if (!job->isSucceeded()) {
        m_failed = true;
        Q_EMIT loadingChanged(false);
        Q_EMIT loadFailed(job->error());
        return;
    }
    m_total = job->totalResults();
    ++m_pagesLoaded;
    QList<scim::User> fresh;
    for (const scim::User &user : job->users()) {
        if (!user.id.isEmpty() && m_rowById.contains(user.id))
            continue;
        fresh.append(user);
    }
    if (job->users().isEmpty() && qint64(m_pagesLoaded - 1) * m_pageSize < m_total)
        m_exhausted = true; // fewer users than announced: stop rather than ask for empty pages forever
    if (!fresh.isEmpty()) {
        const int first = int(m_users.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const scim::User &user : std::as_const(fresh)) {
            m_rowById.insert(user.id, int(m_users.size()));
            m_users.append(user);
        }
        endInsertRows();
    }
    // A view (or a model tester) may have asked for the next page while the rows went in.
    Q_EMIT loadingChanged(isLoading());
    Q_EMIT pageLoaded(int(m_users.size()), m_total);
}

} // namespace anadesk
