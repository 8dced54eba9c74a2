#include "ModelObjectJobs.h"

#include "ListHelpers.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk {

ModelObjectListJob::ModelObjectListJob(Transport *transport, const ModelRef &model, const QString &collection,
                                       const ListQuery &query, QObject *parent)
    : PagedListJob(transport, {}, collection,
                   QCoreApplication::translate("anadesk", "%1 of %2").arg(collection, modelLabel(model.modelId)),
                   parent)
{
    setDescription(tr("List %1").arg(collection));
    if (!model.isComplete()) {
        failOnStart(badInput(missingModelMessage(model), {}, tr("Select a workspace and a model first.")));
        return;
    }
    const auto q = detail::listQuery({}, query, {u"id"_s, u"name"_s}, false);
    if (!q.error.isEmpty()) {
        failOnStart(badInput(q.error, collection));
        return;
    }
    setUrl(bulkUrl(detail::endpointsOf(transport), model, {collection}, q.query));
}

ListFilesJob::ListFilesJob(Transport *transport, const ModelRef &model, const ListQuery &query, QObject *parent)
    : ModelObjectListJob(transport, model, u"files"_s, query, parent)
{
}

QList<File> ListFilesJob::files() const
{
    return detail::parseAll<File>(items());
}

ListImportsJob::ListImportsJob(Transport *transport, const ModelRef &model, const ListQuery &query,
                               QObject *parent)
    : ModelObjectListJob(transport, model, u"imports"_s, query, parent)
{
}

QList<Import> ListImportsJob::imports() const
{
    return detail::parseAll<Import>(items());
}

ListExportsJob::ListExportsJob(Transport *transport, const ModelRef &model, const ListQuery &query,
                               QObject *parent)
    : ModelObjectListJob(transport, model, u"exports"_s, query, parent)
{
}

QList<Export> ListExportsJob::exports() const
{
    return detail::parseAll<Export>(items());
}

ListProcessesJob::ListProcessesJob(Transport *transport, const ModelRef &model, const ListQuery &query,
                                   QObject *parent)
    : ModelObjectListJob(transport, model, u"processes"_s, query, parent)
{
}

QList<Process> ListProcessesJob::processes() const
{
    return detail::parseAll<Process>(items());
}

ListActionsJob::ListActionsJob(Transport *transport, const ModelRef &model, const ListQuery &query,
                               QObject *parent)
    : ModelObjectListJob(transport, model, u"actions"_s, query, parent)
{
}

QList<Action> ListActionsJob::actions() const
{
    return detail::parseAll<Action>(items());
}

} // namespace anadesk
