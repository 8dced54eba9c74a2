#pragma once
// Builds request URLs segment by segment, percent-encoding each segment on its own so an id or a
// name with '/', '?', '#', '%' or spaces can never change the path it lands in.
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace anadesk {

// base "https://api.anaplan.com" + {"2","0","workspaces",ws} -> https://api.anaplan.com/2/0/workspaces/<ws>
QUrl buildUrl(const QUrl &base, const QStringList &segments, const QUrlQuery &query = {});

// Anaplan's sort parameter value: "+name" / "-name". QUrlQuery leaves '+' alone, which servers read
// as a space, so the query is built with '+' percent-encoded (%2B) as httpx does.
QUrlQuery withSort(QUrlQuery query, const QString &camelField, bool descending);

} // namespace anadesk
