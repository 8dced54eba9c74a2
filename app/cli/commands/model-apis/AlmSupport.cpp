#include "AlmSupport.h"

#include "../../BulkApi.h"
#include "api/BulkPaths.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

bool isHex32(const QString &text)
{
    static const QRegularExpression hex(u"^[0-9A-Fa-f]{32}$"_s);
    return hex.match(text).hasMatch();
}

QString kindCommand(AlmTaskKind kind)
{
    switch (kind) {
    case AlmTaskKind::Sync:
        return u"sync-task"_s;
    case AlmTaskKind::ComparisonReport:
        return u"compare-task"_s;
    case AlmTaskKind::SummaryReport:
        return u"summary-task"_s;
    }
    return QString();
}

} // namespace

ApiError resolveAnyModel(CommandContext &c, const QString &idOrName, NamedObject *out)
{
    const QString wanted = idOrName.trimmed();
    if (isHex32(wanted)) {
        *out = {wanted.toUpper(), {}, modelApiTr("model")};
        return {};
    }
    auto job = Session::own(c.session.client().getModels({}, WorkspaceFilter::all()));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QList<NamedObject> models;
    for (const Model &m : job->models())
        models.append({m.id, m.name, modelApiTr("model")});
    return resolveAmong(models, wanted, modelApiTr("model"), {}, u"anadesk-cli models"_s, out);
}

ApiError resolveRevision(CommandContext &c, const AlmClient &alm, const QString &idOrName, NamedObject *out)
{
    const QString wanted = idOrName.trimmed();
    if (isHex32(wanted)) {
        *out = {wanted.toUpper(), {}, modelApiTr("revision")};
        return {};
    }
    auto job = Session::own(alm.getRevisions());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QList<NamedObject> revisions;
    for (const Revision &r : job->revisions())
        revisions.append({r.id, r.name, modelApiTr("revision")});
    return resolveAmong(revisions, wanted, modelApiTr("revision"), modelLabel(alm.modelId()),
                        u"anadesk-cli --model "_s + alm.modelId() + u" alm revisions"_s, out);
}

void reportAlmProgress(AlmTaskRunner *runner, ProgressLine &line, const Output &output, const QString &label)
{
    QObject::connect(runner, &AlmTaskRunner::warning, runner, [&output, &line](const QString &message) {
        line.finish();
        output.warning(message);
    });
    if (!line.isEnabled())
        return;
    QObject::connect(runner, &AlmTaskRunner::taskStarted, runner, [&line, label](const QString &taskId) {
        line.update(modelApiTr("%1: task %2 started").arg(label, taskId));
    });
    QObject::connect(runner, &AlmTaskRunner::progress, runner, [&line, label, runner](const QString &step) {
        const AlmTask &t = runner->task();
        QString text = label + u": "_s + t.stateRaw;
        if (t.progress)
            text += u" %1%"_s.arg(qRound(*t.progress * 100.0));
        if (!step.isEmpty())
            text += u' ' + step;
        line.update(text);
    });
}

QStringList almTaskLines(const AlmTask &task, AlmTaskKind kind)
{
    QString noun = almTaskKindNoun(kind);
    if (!noun.isEmpty())
        noun[0] = noun.at(0).toUpper();
    QString head = modelApiTr("%1 %2: %3").arg(noun, task.taskId, task.stateRaw);
    if (task.result)
        head += task.result->successful ? modelApiTr(", successful") : modelApiTr(", failed");
    else if (!task.currentStep.isEmpty())
        head += u" ("_s + task.currentStep + u')';
    QStringList lines{head};
    if (task.result) {
        lines.append(modelApiTr("  Source revision: %1").arg(task.result->sourceRevisionId));
        lines.append(modelApiTr("  Target revision: %1").arg(task.result->targetRevisionId));
        if (!task.result->successful)
            lines.append(u"  "_s + task.result->errorTitle + u": "_s + task.result->errorMessage);
    }
    return lines;
}

QString followCommand(const QString &modelId, AlmTaskKind kind, const QString &taskId)
{
    return u"anadesk-cli --model %1 alm %2 %3 --wait"_s.arg(modelId, kindCommand(kind), taskId);
}

ApiError waitForAlmTask(CommandContext &c, Owned<AlmTaskRunner> &runner, AlmTaskKind kind,
                        const QString &label)
{
    ProgressLine line(c.session.out());
    reportAlmProgress(runner.get(), line, c.session.out(), label);
    Output &out = c.session.out();
    bool interrupted = false;
    c.session.setInterruptHandler([&runner, &out, &line, &interrupted] {
        line.finish();
        interrupted = true;
        out.info(
            modelApiTr("Stopped following the task; it goes on in Anaplan (the ALM API has no cancel)."));
        runner->abort();
    });
    ApiError error = c.session.wait(runner);
    c.session.clearInterruptHandler();
    line.finish();
    if (interrupted && error.category == ErrorCategory::Cancelled) {
        error.message =
            modelApiTr("Stopped following the %1; it goes on in Anaplan").arg(almTaskKindNoun(kind));
        if (!runner->taskId().isEmpty()) {
            error.object = almTaskKindNoun(kind) + u' ' + runner->taskId();
            error.hint = modelApiTr("Follow it again with: %1")
                             .arg(followCommand(c.session.modelId(), kind, runner->taskId()));
        }
    }
    return error;
}

} // namespace anadesk::cli
