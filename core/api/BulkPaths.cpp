#include "BulkPaths.h"

#include "net/UrlBuilder.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk {

QUrl apiUrl(const Endpoints &endpoints, const QStringList &segments, const QUrlQuery &query)
{
    return buildUrl(endpoints.api, QStringList{u"2"_s, u"0"_s} + segments, query);
}

QUrl bulkUrl(const Endpoints &endpoints, const ModelRef &model, const QStringList &segments,
             const QUrlQuery &query)
{
    return apiUrl(endpoints, QStringList{u"workspaces"_s, model.workspaceId, u"models"_s, model.modelId} + segments,
                  query);
}

QUrl withPaging(const QUrl &url, int limit, std::optional<qint64> offset)
{
    QString query = url.query(QUrl::FullyEncoded);
    if (!query.isEmpty())
        query += u'&';
    query += u"limit="_s + QString::number(limit);
    if (offset)
        query += u"&offset="_s + QString::number(*offset);
    QUrl result = url;
    result.setQuery(query, QUrl::StrictMode);
    return result;
}

std::optional<QString> normaliseSortField(const QString &field, const QStringList &allowedCamel)
{
    QString camel;
    bool upperNext = false;
    for (const QChar c : field.trimmed()) {
        if (c == u'_') {
            upperNext = true;
            continue;
        }
        camel += upperNext ? c.toUpper() : c;
        upperNext = false;
    }
    for (const QString &allowed : allowedCamel) {
        if (allowed.compare(camel, Qt::CaseInsensitive) == 0)
            return allowed;
    }
    return std::nullopt;
}

QString workspaceLabel(const QString &workspaceId)
{
    return QCoreApplication::translate("anadesk", "workspace %1").arg(workspaceId);
}

QString modelLabel(const QString &modelId)
{
    return QCoreApplication::translate("anadesk", "model %1").arg(modelId);
}

QString fileLabel(const QString &fileId)
{
    return QCoreApplication::translate("anadesk", "file %1").arg(fileId);
}

QString actionLabel(const QString &actionId)
{
    return actionKindNoun(actionKindFromId(actionId)) + u' ' + actionId;
}

QString taskLabel(const QString &actionId, const QString &taskId)
{
    return QCoreApplication::translate("anadesk", "task %1 of %2").arg(taskId, actionLabel(actionId));
}

QString missingModelMessage(const ModelRef &model)
{
    if (model.workspaceId.isEmpty() && model.modelId.isEmpty())
        return QCoreApplication::translate("anadesk", "No workspace and model selected");
    if (model.workspaceId.isEmpty())
        return QCoreApplication::translate("anadesk", "No workspace selected");
    return QCoreApplication::translate("anadesk", "No model selected");
}

} // namespace anadesk
