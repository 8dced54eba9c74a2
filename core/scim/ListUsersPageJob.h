#pragma once
// GET Users?startIndex=…&count=…[&filter=…]: ONE page of a SCIM user listing, for views that load users as
// the user scrolls (ui/users) instead of reading every page up front (ListUsersJob). startIndex is SCIM's
// 1-based position; count 1..100 (Anaplan errors above 100). An invalid filter, a startIndex below 1 or a
// count outside 1..100 fails with BadInput before anything is sent. An echoed startIndex that differs from
// the one asked for, or more Resources than asked for, is a Protocol error.
#include "ScimFilter.h"
#include "ScimPaths.h"
#include "ScimUser.h"
#include "api/ApiJob.h"

#include <QList>

namespace anadesk::scim {

class ListUsersPageJob : public ApiJob
{
    Q_OBJECT
public:
    ListUsersPageJob(Transport *transport, const Filter &filter, qint64 startIndex, int count,
                     QObject *parent = nullptr);

    qint64 startIndex() const { return m_startIndex; }
    int count() const { return m_count; }
    QString filterText() const { return m_filterText; }
    const QList<User> &users() const { return m_users; }
    // The number of users matching the filter, as the server counted them for this page.
    qint64 totalResults() const { return m_total; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    qint64 m_startIndex;
    int m_count;
    QString m_filterText;
    QList<User> m_users;
    qint64 m_total = 0;
};

} // namespace anadesk::scim
