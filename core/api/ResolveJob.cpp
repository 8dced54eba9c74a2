#include "ResolveJob.h"

#include "ModelJobs.h"
#include "ModelObjectJobs.h"
#include "WorkspaceJobs.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
bool looksLikeHexId(const QString &text)
{
    static const QRegularExpression hex(u"^[0-9A-Fa-f]{32}$"_s);
    return hex.match(text).hasMatch();
}

bool looksLikeId(ObjectKind kind, const QString &text)
{
    switch (kind) {
    case ObjectKind::Workspace:
    case ObjectKind::Model:
        return looksLikeHexId(text);
    case ObjectKind::File:
        return text.size() == 12 && (text.startsWith("113"_L1) || text.startsWith("116"_L1))
               && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
    case ObjectKind::Import:
        return actionKindFromId(text) == ActionKind::Import;
    case ObjectKind::Export:
        return actionKindFromId(text) == ActionKind::Export;
    case ObjectKind::Process:
        return actionKindFromId(text) == ActionKind::Process;
    case ObjectKind::Action:
        return actionKindFromId(text) == ActionKind::Action;
    case ObjectKind::Runnable:
        return actionKindFromId(text) != ActionKind::Invalid;
    }
    return false;
}

template <typename T>
QList<NamedObject> named(const QList<T> &objects, const QString &kind)
{
    QList<NamedObject> result;
    for (const T &object : objects)
        result.append({object.id, object.name, kind});
    return result;
}
} // namespace

QString objectKindNoun(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Workspace:
        return QCoreApplication::translate("anadesk", "workspace");
    case ObjectKind::Model:
        return QCoreApplication::translate("anadesk", "model");
    case ObjectKind::File:
        return QCoreApplication::translate("anadesk", "file");
    case ObjectKind::Import:
        return QCoreApplication::translate("anadesk", "import");
    case ObjectKind::Export:
        return QCoreApplication::translate("anadesk", "export");
    case ObjectKind::Process:
        return QCoreApplication::translate("anadesk", "process");
    case ObjectKind::Action:
        return QCoreApplication::translate("anadesk", "action");
    case ObjectKind::Runnable:
        return QCoreApplication::translate("anadesk", "runnable action");
    }
    return QString();
}

ResolveJob::ResolveJob(Transport *transport, const ModelRef &model, ObjectKind kind, const QString &idOrName,
                       QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_model(model)
    , m_kind(kind)
    , m_wanted(idOrName.trimmed())
{
    setDescription(tr("Find %1 '%2'").arg(objectKindNoun(kind), m_wanted));
    if (m_wanted.isEmpty())
        failOnStart(badInput(tr("No %1 id or name given").arg(objectKindNoun(kind))));
    else if (!transport)
        failOnStart(badInput(tr("No connection to send the request through")));
    if (kind == ObjectKind::Runnable)
        m_pending = {ObjectKind::Import, ObjectKind::Export, ObjectKind::Action, ObjectKind::Process};
    else
        m_pending = {kind};
}

ResolveJob::~ResolveJob()
{
    doAbort();
}

void ResolveJob::doStart()
{
    if (looksLikeId(m_kind, m_wanted)) {
        m_resolved = {m_wanted, QString(), objectKindNoun(m_kind)};
        finishSuccess();
        return;
    }
    m_listed = true;
    listNext();
}

void ResolveJob::doAbort()
{
    if (Job *child = m_child.data()) {
        m_child.clear();
        disconnect(child, nullptr, this, nullptr);
        child->abort();
        child->deleteLater();
    }
}

void ResolveJob::listNext()
{
    if (m_pending.isEmpty()) {
        const Resolution resolution = resolveByIdOrName(m_candidates, m_wanted, objectKindNoun(m_kind));
        if (!resolution.isOk()) {
            finishFailure(resolution.error);
            return;
        }
        m_resolved = resolution.object;
        finishSuccess();
        return;
    }
    const ObjectKind kind = m_pending.takeFirst();
    const QString noun = objectKindNoun(kind);
    Job *job = nullptr;
    std::function<QList<NamedObject>()> collect;
    switch (kind) {
    case ObjectKind::Workspace: {
        auto *list = new ListWorkspacesJob(m_transport, {}, this);
        collect = [list, noun] { return named(list->workspaces(), noun); };
        job = list;
        break;
    }
    case ObjectKind::Model: {
        auto *list = new ListModelsJob(m_transport, m_model.workspaceId, {}, this);
        collect = [list, noun] { return named(list->models(), noun); };
        job = list;
        break;
    }
    case ObjectKind::File: {
        auto *list = new ListFilesJob(m_transport, m_model, {}, this);
        collect = [list, noun] { return named(list->files(), noun); };
        job = list;
        break;
    }
    case ObjectKind::Import: {
        auto *list = new ListImportsJob(m_transport, m_model, {}, this);
        collect = [list, noun] { return named(list->imports(), noun); };
        job = list;
        break;
    }
    case ObjectKind::Export: {
        auto *list = new ListExportsJob(m_transport, m_model, {}, this);
        collect = [list, noun] { return named(list->exports(), noun); };
        job = list;
        break;
    }
    case ObjectKind::Process: {
        auto *list = new ListProcessesJob(m_transport, m_model, {}, this);
        collect = [list, noun] { return named(list->processes(), noun); };
        job = list;
        break;
    }
    case ObjectKind::Action:
    case ObjectKind::Runnable: {
        auto *list = new ListActionsJob(m_transport, m_model, {}, this);
        collect = [list, noun = objectKindNoun(ObjectKind::Action)] { return named(list->actions(), noun); };
        job = list;
        break;
    }
    }
    job->setAutoDelete(false);
    m_child = job;
    connect(job, &Job::finished, this, [this, job, collect] {
        m_child.clear();
        job->deleteLater();
        if (!job->isSucceeded()) {
            finishFailure(job->error());
            return;
        }
        m_candidates += collect();
        listNext();
    });
    job->start();
}

} // namespace anadesk
