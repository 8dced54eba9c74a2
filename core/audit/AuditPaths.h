#pragma once
// Where the Audit client's calls go: events on the audit host, {audit}/audit/api/1/events; users on the
// Integration API, {api}/2/0/users.
#include "net/Endpoints.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace anadesk::audit {

QUrl eventsUrl(const Endpoints &endpoints, const QUrlQuery &query = {});
QUrl usersUrl(const Endpoints &endpoints, const QStringList &segments = {}, const QUrlQuery &query = {});

inline constexpr int kMaxDaysIntoPast = 30;          // Anaplan keeps 30 days and refuses wider windows
inline constexpr int kDefaultEventPageSize = 10'000; // the documented page (larger pages are honoured)

} // namespace anadesk::audit
