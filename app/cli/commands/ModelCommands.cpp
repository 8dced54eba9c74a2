// Model management commands: delete-models, model-status, open-model, close-model.
#include "../BulkApi.h"
#include "../Command.h"
#include "../CommandHelpers.h"
#include "../JsonViews.h"
#include "../Session.h"
#include "api/NameResolver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QMap>
#include <QTimer>

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::ModelCommands", text);
}

const QList<std::pair<QString, QString>> kStatusFields = {
    {QStringLiteral("modelId"), QStringLiteral("Model")},
    {QStringLiteral("currentStep"), QStringLiteral("Step")},
    {QStringLiteral("idle"), QStringLiteral("Idle")},
    {QStringLiteral("progress"), QStringLiteral("Progress")},
    {QStringLiteral("tooltip"), QStringLiteral("Busy with")},
    {QStringLiteral("taskId"), QStringLiteral("Task")}};

ApiError deleteModels(CommandContext &c)
{
    if (ApiError e = c.session.requireWorkspace(false); e.isError())
        return e;
    const QString ws = c.session.workspaceId();
    // One listing resolves every id or name and tells which workspace each model is in.
    auto list = Session::own(
        c.session.client().getModels({}, ws.isEmpty() ? WorkspaceFilter::all() : WorkspaceFilter::of(ws)));
    if (ApiError e = c.session.wait(list); e.isError())
        return e;
    QList<NamedObject> named;
    QMap<QString, QString> workspaceOf;
    for (const Model &m : list->models()) {
        named.append({m.id, m.name, tr("model")});
        workspaceOf.insert(m.id, m.workspaceId);
    }
    QMap<QString, QStringList> byWorkspace; // workspace → model ids, in the order given
    int requested = 0;
    for (const QString &wanted : c.args.positionals) {
        const Resolution r = resolveByIdOrName(named, wanted, tr("model"));
        if (!r.isOk())
            return r.error;
        QStringList &ids = byWorkspace[workspaceOf.value(r.object.id)];
        if (!ids.contains(r.object.id)) {
            ids.append(r.object.id);
            ++requested;
        }
    }

    int deleted = 0;
    QJsonArray failures;
    for (auto it = byWorkspace.cbegin(); it != byWorkspace.cend(); ++it) {
        auto job = Session::own(c.session.client().withModel({}, it.key()).deleteModels(it.value()));
        if (ApiError e = c.session.wait(job); e.isError())
            return e;
        deleted += job->result().modelsDeleted;
        for (const ModelDeletionFailure &f : job->result().failures)
            failures.append(QJsonObject{{QStringLiteral("modelId"), f.modelId},
                                        {QStringLiteral("workspaceId"), it.key()},
                                        {QStringLiteral("message"), f.message}});
    }

    ApiError error;
    if (!failures.isEmpty()) {
        error.category = ErrorCategory::ActionFailed;
        error.message = tr("%1 of %2 models could not be deleted").arg(failures.size()).arg(requested);
        QStringList reasons;
        for (const QJsonValue &f : std::as_const(failures))
            reasons.append(f[QStringLiteral("modelId")].toString() + QStringLiteral(": ") +
                           f[QStringLiteral("message")].toString());
        error.serverMessage = reasons.join(QStringLiteral("; "));
        error.hint = tr("Models must be closed before they can be deleted (anadesk-cli close-model).");
    }
    Output &out = c.session.out();
    QJsonObject result{{QStringLiteral("requested"), requested},
                       {QStringLiteral("modelsDeleted"), deleted},
                       {QStringLiteral("failures"), failures}};
    if (out.isJson()) {
        if (error.isError())
            result.insert(QStringLiteral("error"), Output::errorJson(error));
        out.object(result, {});
    } else {
        out.object(result, {{QStringLiteral("requested"), tr("Requested")},
                            {QStringLiteral("modelsDeleted"), tr("Deleted")}});
        QStringList lines;
        for (const QJsonValue &f : std::as_const(failures))
            lines.append(
                tr("Not deleted: %1 (%2)")
                    .arg(f[QStringLiteral("modelId")].toString(), f[QStringLiteral("message")].toString()));
        out.humanLines(lines);
    }
    return error;
}

ApiError readStatus(CommandContext &c, ModelStatus *status)
{
    auto job = Session::own(c.session.client().modelStatus());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    *status = job->status();
    return {};
}

void printStatus(CommandContext &c, const ModelStatus &status, const QString &operation = {})
{
    QJsonObject o = json::toJson(status, c.session.modelId());
    if (!c.session.modelName().isEmpty())
        o.insert(QStringLiteral("modelName"), c.session.modelName());
    if (!operation.isEmpty())
        o.insert(QStringLiteral("operation"), operation);
    c.session.out().object(o, kStatusFields);
}

ApiError modelStatus(CommandContext &c)
{
    if (ApiError e = c.session.requireModel(); e.isError())
        return e;
    ModelStatus status;
    if (ApiError e = readStatus(c, &status); e.isError())
        return e;
    printStatus(c, status);
    return {};
}

// Sleeps on the event loop (a wait the user asked for through --poll-delay; never cut short).
void pause(int ms)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QDeadlineTimer deadline(ms, Qt::PreciseTimer);
    while (!deadline.hasExpired()) {
        timer.start(int(qMax<qint64>(1, deadline.remainingTime())));
        loop.exec();
    }
}

ApiError power(CommandContext &c, bool open)
{
    if (ApiError e = c.session.requireModel(); e.isError())
        return e;
    const QString operation = open ? QStringLiteral("open") : QStringLiteral("close");
    const QString goal = open ? QStringLiteral("Open") : QStringLiteral("Closed");
    ModelStatus status;
    if (ApiError e = readStatus(c, &status); e.isError())
        return e;
    if (status.isIdle() && status.currentStep == goal) {
        c.session.out().info(open ? tr("The model is already open.") : tr("The model is already closed."));
        printStatus(c, status, operation);
        return {};
    }
    BulkClient client = c.session.client();
    auto job = Session::own(open ? client.openModel() : client.closeModel());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    // The request returns before the transition ends: follow the status unless told not to.
    const bool wait = !c.args.isSet(QStringLiteral("no-wait"));
    QDeadlineTimer deadline(30 * 60 * 1000);
    for (;;) {
        if (ApiError e = readStatus(c, &status); e.isError())
            return e;
        if (!wait || (status.isIdle() && status.currentStep == goal))
            break;
        if (deadline.hasExpired()) {
            ApiError e;
            e.category = ErrorCategory::Timeout;
            e.message = open ? tr("The model did not finish opening within 30 minutes")
                             : tr("The model did not finish closing within 30 minutes");
            e.object = modelLabel(c.session.modelId());
            e.hint = tr("Check it later with 'anadesk-cli model-status'.");
            return e;
        }
        pause(c.session.options().client.statusPollDelayMs);
    }
    printStatus(c, status, operation);
    return {};
}

ApiError openModel(CommandContext &c)
{
    return power(c, true);
}

ApiError closeModel(CommandContext &c)
{
    return power(c, false);
}

} // namespace

QList<Command> modelCommands()
{
    Command del;
    del.name = QStringLiteral("delete-models");
    del.group = tr("Models");
    del.usage = QStringLiteral("MODEL...");
    del.summary = tr("Delete models (ids or names); they must be closed.");
    del.details =
        tr("Models are looked up in --workspace, or among all your models. One deletion failing does "
           "not stop the others; the command then exits 12 (action-failed) and lists the failures. "
           "There is no confirmation prompt: check the ids first.");
    del.minArgs = 1;
    del.maxArgs = -1;
    del.run = deleteModels;

    Command status;
    status.name = QStringLiteral("model-status");
    status.group = tr("Models");
    status.summary = tr("Show whether the model is open, closed or busy (and with what).");
    status.run = modelStatus;

    const OptionSpec noWait{QStringLiteral("no-wait"),
                            {},
                            {},
                            tr("Return once the request was accepted, without following the status.")};
    Command open;
    open.name = QStringLiteral("open-model");
    open.group = tr("Models");
    open.usage = QStringLiteral("[--no-wait]");
    open.summary =
        tr("Open (load) the model and wait until it is open. Needs workspace-administrator rights.");
    open.options = {noWait};
    open.run = openModel;

    Command close = open;
    close.name = QStringLiteral("close-model");
    close.summary =
        tr("Close (unload) the model and wait until it is closed. Needs workspace-administrator rights.");
    close.run = closeModel;

    return {del, status, open, close};
}

} // namespace anadesk::cli
