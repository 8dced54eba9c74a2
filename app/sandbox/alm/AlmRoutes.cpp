#include "AlmRoutes.h"

#include "AlmStore.h"
#include "bulk/Envelope.h"
#include "transactional/Transactional.h"

namespace sandbox {

using bulk::failure;
using bulk::jsonBody;
using bulk::single;

namespace {

const QString kAlm = QStringLiteral("/2/0/models/{model}/alm");

QString baseUrl(const HttpRequest &request)
{
    const QByteArray host = request.header("host");
    return QStringLiteral("http://") + QString::fromLatin1(host.isEmpty() ? QByteArray("127.0.0.1") : host);
}

QString schema(const QString &model, const QString &object)
{
    return bulk::schemaUrl(model, object);
}

} // namespace

AlmService::AlmService(Transactional &transactional)
    : m_tx(transactional)
    , m_store(std::make_unique<alm::AlmStore>(transactional.config(), transactional))
{}

AlmService::~AlmService() = default;

void AlmService::registerRoutes(Router &router)
{
    alm::AlmStore *store = m_store.get();
    Transactional *tx = &m_tx;
    for (const char *method : {"POST", "PUT"})
        router.add(
            method, QStringLiteral("/2/0/models/{model}/onlineStatus"),
            [tx](const HttpRequest &request, const RouteMatch &m) {
                QJsonObject body;
                QString error;
                if (!jsonBody(request, &body, &error))
                    return failure(request, 400, error);
                const QString status = body.value(QStringLiteral("status")).toString();
                if (status != QLatin1String("online") && status != QLatin1String("offline"))
                    return failure(
                        request, 400,
                        QStringLiteral("status must be \"online\" or \"offline\" (got '%1').").arg(status));
                if (Failure f = tx->state().setModelOnline(m.param(QStringLiteral("model")),
                                                           status == QLatin1String("online")))
                    return failure(request, f);
                return HttpResponse::noContent();
            });

    router.add(
        "GET", kAlm + QStringLiteral("/revisions"), [store](const HttpRequest &request, const RouteMatch &m) {
            QJsonArray revisions;
            if (Failure f = store->revisions(m.param(QStringLiteral("model")), &revisions))
                return failure(request, f);
            bulk::ListRules rules;
            rules.sortable = {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("appliedOn"),
                              QStringLiteral("createdOn")};
            return bulk::listing(request, QStringLiteral("revisions"), revisions, rules,
                                 schema(m.param(QStringLiteral("model")), QStringLiteral("revision")), 5000);
        });
    router.add("POST", kAlm + QStringLiteral("/revisions"),
               [store](const HttpRequest &request, const RouteMatch &m) {
                   QJsonObject body;
                   QString error;
                   if (!jsonBody(request, &body, &error))
                       return failure(request, 400, error);
                   QJsonObject revision;
                   if (Failure f = store->createRevision(
                           m.param(QStringLiteral("model")), body.value(QStringLiteral("name")).toString(),
                           body.value(QStringLiteral("description")).toString(), request.user, &revision))
                       return failure(request, f);
                   // The library reads "revision"; the spec's RevisionResponse lists "revisions": both are
                   // sent.
                   HttpResponse response =
                       single({{QStringLiteral("revision"), revision},
                               {QStringLiteral("revisions"), QJsonArray{revision}}},
                              schema(m.param(QStringLiteral("model")), QStringLiteral("revision")));
                   response.status = 201;
                   return response;
               });
    router.add("GET", kAlm + QStringLiteral("/latestRevision"),
               [store](const HttpRequest &request, const RouteMatch &m) {
                   QJsonArray revisions;
                   if (Failure f = store->latestRevision(m.param(QStringLiteral("model")), &revisions))
                       return failure(request, f);
                   QJsonObject payload;
                   if (!revisions.isEmpty()) // no revision: only meta and status (spec)
                       payload.insert(QStringLiteral("revisions"), revisions);
                   return single(payload,
                                 schema(m.param(QStringLiteral("model")), QStringLiteral("revision")));
               });
    router.add("GET", kAlm + QStringLiteral("/syncableRevisions"),
               [store](const HttpRequest &request, const RouteMatch &m) {
                   QJsonArray revisions;
                   if (Failure f = store->syncableRevisions(
                           m.param(QStringLiteral("model")),
                           request.queryValue(QStringLiteral("sourceModelId")), &revisions))
                       return failure(request, f);
                   return single({{QStringLiteral("revisions"), revisions}},
                                 schema(m.param(QStringLiteral("model")), QStringLiteral("revision")));
               });
    router.add("GET", kAlm + QStringLiteral("/revisions/{revision}/appliedToModels"),
               [store](const HttpRequest &request, const RouteMatch &m) {
                   QJsonArray models;
                   if (Failure f = store->appliedToModels(m.param(QStringLiteral("model")),
                                                          m.param(QStringLiteral("revision")), &models))
                       return failure(request, f);
                   return single({{QStringLiteral("appliedToModels"), models}},
                                 schema(m.param(QStringLiteral("model")), QStringLiteral("appliedToModels")));
               });

    const std::pair<const char *, const char *> kinds[] = {
        {"sync", "syncTasks"}, {"comparison", "comparisonReportTasks"}, {"summary", "summaryReportTasks"}};
    for (const auto &[kindName, collectionName] : kinds) {
        const QString kind = QLatin1String(kindName);
        const QString collection = QLatin1String(collectionName);
        router.add("POST", kAlm + QLatin1Char('/') + collection,
                   [store, kind](const HttpRequest &request, const RouteMatch &m) {
                       QJsonObject body;
                       QString error;
                       if (!jsonBody(request, &body, &error))
                           return failure(request, 400, error);
                       QJsonObject task;
                       if (Failure f = store->startTask(kind, m.param(QStringLiteral("model")), body,
                                                        request.user, baseUrl(request), &task))
                           return failure(request, f);
                       HttpResponse response =
                           single({{QStringLiteral("task"), task}},
                                  schema(m.param(QStringLiteral("model")), QStringLiteral("task")));
                       response.status = 201;
                       return response;
                   });
        router.add("GET", kAlm + QLatin1Char('/') + collection + QStringLiteral("/{taskId}"),
                   [store, kind](const HttpRequest &request, const RouteMatch &m) {
                       QJsonObject task;
                       if (Failure f =
                               store->task(kind, m.param(QStringLiteral("model")),
                                           m.param(QStringLiteral("taskId")), baseUrl(request), &task))
                           return failure(request, f);
                       return single({{QStringLiteral("task"), task}},
                                     schema(m.param(QStringLiteral("model")), QStringLiteral("task")));
                   });
    }
    router.add(
        "GET", kAlm + QStringLiteral("/syncTasks"), [store](const HttpRequest &request, const RouteMatch &m) {
            QJsonArray tasks;
            if (Failure f = store->syncTasks(m.param(QStringLiteral("model")), baseUrl(request), &tasks))
                return failure(request, f);
            QJsonObject payload;
            if (!tasks.isEmpty()) // none in the last 48 hours: the key is omitted (spec)
                payload.insert(QStringLiteral("tasks"), tasks);
            return single(payload, schema(m.param(QStringLiteral("model")), QStringLiteral("task")));
        });
    router.add(
        "GET", kAlm + QStringLiteral("/comparisonReports/{target}/{source}"),
        [store](const HttpRequest &request, const RouteMatch &m) {
            alm::Report report;
            if (Failure f = store->report(QStringLiteral("comparison"), m.param(QStringLiteral("model")),
                                          m.param(QStringLiteral("target")),
                                          m.param(QStringLiteral("source")), &report))
                return failure(request, f);
            HttpResponse response = HttpResponse::bytes(200, report.comparison, "application/octet-stream");
            response.setHeader("Content-Disposition", "attachment; filename=\"comparison-report.tsv\"");
            return response;
        });
    router.add("GET", kAlm + QStringLiteral("/summaryReports/{target}/{source}"),
               [store](const HttpRequest &request, const RouteMatch &m) {
                   alm::Report report;
                   if (Failure f = store->report(QStringLiteral("summary"), m.param(QStringLiteral("model")),
                                                 m.param(QStringLiteral("target")),
                                                 m.param(QStringLiteral("source")), &report))
                       return failure(request, f);
                   return single({{QStringLiteral("summaryReport"), report.summary}},
                                 schema(m.param(QStringLiteral("model")), QStringLiteral("summaryReport")));
               });
}

} // namespace sandbox
