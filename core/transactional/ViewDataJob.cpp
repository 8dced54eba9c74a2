#include "ViewDataJob.h"

#include "TxJobHelpers.h"
#include "api/ApiJob.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
// The request of a view read: the body is kept raw (CSV, or JSON parsed later on a worker).
class RawViewRequest : public ApiJob
{
public:
    using ApiJob::ApiJob;

protected:
    ApiError parseBody(const QByteArray &) override { return {}; }
};

const QList<QPair<ViewExportType, QString>> &exportTypeNames()
{
    static const QList<QPair<ViewExportType, QString>> names{
        {ViewExportType::GridCurrentPage, u"GRID_CURRENT_PAGE"_s},
        {ViewExportType::GridAllPages, u"GRID_ALL_PAGES"_s},
        {ViewExportType::TabularSingleColumn, u"TABULAR_SINGLE_COLUMN"_s},
        {ViewExportType::TabularMultiColumn, u"TABULAR_MULTI_COLUMN"_s},
    };
    return names;
}
} // namespace

QString viewExportTypeName(ViewExportType type)
{
    for (const auto &[value, name] : exportTypeNames()) {
        if (value == type)
            return name;
    }
    return QString();
}

std::optional<ViewExportType> viewExportTypeFromName(const QString &name)
{
    for (const auto &[value, known] : exportTypeNames()) {
        if (known.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

ViewDataJob::ViewDataJob(Transport *transport, const QString &modelId, const QString &viewId,
                         ViewDataFormat format, const ViewDataQuery &query, QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_format(format)
    , m_object(viewLabel(viewId))
{
    setDescription(format == ViewDataFormat::Json ? tr("Read view data as JSON")
                                                  : tr("Read view data as CSV"));
    QUrlQuery q;
    QStringList pages;
    QString pageProblem;
    for (const auto &[dimensionId, itemId] : query.pages) {
        if (dimensionId.trimmed().isEmpty() || itemId.trimmed().isEmpty())
            pageProblem = tr("a page selector needs both a dimension id and an item id");
        else if (dimensionId.contains(u':') || dimensionId.contains(u',') || itemId.contains(u','))
            pageProblem = tr("page selector '%1:%2' holds ':' or ','").arg(dimensionId, itemId);
        pages.append(dimensionId + u':' + itemId);
    }
    if (!pages.isEmpty())
        q.addQueryItem(u"pages"_s, pages.join(u','));
    if (!query.moduleId.isEmpty())
        q.addQueryItem(u"moduleId"_s, query.moduleId);
    if (query.maxRows > 0)
        q.addQueryItem(u"maxRows"_s, QString::number(query.maxRows));
    if (query.exportType != ViewExportType::Default)
        q.addQueryItem(u"exportType"_s, viewExportTypeName(query.exportType));
    if (format == ViewDataFormat::Json)
        q.addQueryItem(u"format"_s, u"v1"_s);
    m_url = txUrl(detail::endpointsOf(transport), modelId, {u"views"_s, viewId, u"data"_s}, q);

    if (!transport)
        failOnStart(badInput(tr("No connection to send the request through")));
    else if (const ApiError e = detail::missingId(modelId, {{viewId, tr("view")}}); e.isError())
        failOnStart(e);
    else if (!pageProblem.isEmpty())
        failOnStart(badInput(tr("Invalid page selector: %1").arg(pageProblem), m_object,
                             tr("Give pages as dimensionId:itemId pairs (ids from the view's metadata).")));
    else if (query.maxRows < 0)
        failOnStart(badInput(tr("maxRows cannot be negative"), m_object));
}

ViewDataJob::~ViewDataJob()
{
    doAbort();
}

void ViewDataJob::doStart()
{
    ApiRequest request;
    request.url = m_url;
    request.object = m_object;
    request.accept = m_format == ViewDataFormat::Json         ? QByteArray("application/json")
                     : m_format == ViewDataFormat::CsvEscaped ? QByteArray("text/csv;escaped=true")
                                                              : QByteArray("text/csv");
    auto *job = new RawViewRequest(m_transport, request, this);
    job->setAutoDelete(false);
    m_request = job;
    connect(job, &Job::finished, this, [this, job] { onReply(job); });
    job->start();
}

void ViewDataJob::doAbort()
{
    if (ApiJob *job = m_request.data()) {
        m_request.clear();
        disconnect(job, nullptr, this, nullptr);
        job->abort();
        job->deleteLater();
    }
    if (m_watcher) {
        disconnect(m_watcher, nullptr, this, nullptr);
        m_watcher->deleteLater(); // the worker ends on its own; its result is dropped with m_parsed
        m_watcher = nullptr;
    }
}

void ViewDataJob::onReply(ApiJob *job)
{
    m_request.clear();
    job->deleteLater();
    if (!job->isSucceeded()) {
        ApiError error = job->error();
        if (error.httpStatus == 400)
            error.hint =
                tr("Check the page selectors and options; Anaplan also refuses reads over 1,000,000 cells: "
                   "choose pages, or a smaller view.");
        finishFailure(error);
        return;
    }
    QByteArray body = job->body();
    m_bytes = body.size();
    if (m_format != ViewDataFormat::Json) {
        m_csv = std::move(body);
        finishSuccess();
        return;
    }
    // Parse where it cannot freeze the caller; the worker owns the bytes and frees them when done.
    m_parsed = std::make_shared<ViewData>();
    m_watcher = new QFutureWatcher<QString>(this);
    connect(m_watcher, &QFutureWatcher<QString>::finished, this, &ViewDataJob::onParsed);
    m_watcher->setFuture(QtConcurrent::run(
        [parsed = m_parsed, worker = m_worker](const QByteArray &bytes) {
            worker->store(QThread::currentThread());
            return ViewData::parse(bytes, parsed.get());
        },
        std::move(body)));
}

void ViewDataJob::onParsed()
{
    const QString problem = m_watcher->result();
    m_parseThread = m_worker->load();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    if (!problem.isEmpty()) {
        finishFailure(protocolError(
            tr("%1: unexpected answer from the server (%2)").arg(description(), problem), m_object));
        return;
    }
    m_data = std::move(*m_parsed);
    m_parsed.reset();
    finishSuccess();
}

} // namespace anadesk
