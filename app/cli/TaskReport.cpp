#include "TaskReport.h"

#include "JsonViews.h"
#include "types/ActionKind.h"

#include <QCoreApplication>

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::TaskReport", text);
}

bool anyNestedDump(const TaskResult &result)
{
    for (const TaskResult &nested : result.nestedResults)
        if (nested.failureDumpAvailable || anyNestedDump(nested))
            return true;
    return false;
}

QString quoted(const QString &text)
{
    if (!text.isEmpty() && !text.contains(QLatin1Char(' ')) && !text.contains(QLatin1Char('\'')))
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

QString ActionRef::label() const
{
    const QString noun = actionKindNoun(actionKindFromId(id));
    const QString kind = noun.isEmpty() ? tr("action") : noun;
    if (name.isEmpty())
        return kind + QLatin1Char(' ') + id;
    return QStringLiteral("%1 '%2' (%3)").arg(kind, name, id);
}

QJsonObject taskReportJson(const TaskStatus &status, const ActionRef &action, const ApiError &error)
{
    QJsonObject o = json::toJson(status, action.id);
    if (!action.name.isEmpty())
        o.insert(QStringLiteral("actionName"), action.name);
    o.insert(QStringLiteral("actionKind"), actionKindNoun(actionKindFromId(action.id)));
    if (error.isError())
        o.insert(QStringLiteral("error"), Output::errorJson(error));
    return o;
}

QStringList taskReportLines(const TaskStatus &status, const ActionRef &action)
{
    QString head = tr("Task %1 of %2: %3").arg(status.id, action.label(), status.stateRaw);
    if (status.result && status.state == TaskState::Complete)
        head += status.result->successful ? tr(", successful") : tr(", failed");
    else if (status.state != TaskState::Complete && status.state != TaskState::Cancelled)
        head += QStringLiteral(" %1%").arg(qRound(status.progress * 100.0));
    if (!status.currentStep.isEmpty() && status.state != TaskState::Complete)
        head += QStringLiteral(" (") + status.currentStep + QLatin1Char(')');
    QStringList lines{head};
    if (status.result)
        for (const QString &line : status.result->summaryLines(50))
            lines.append(QStringLiteral("  ") + line);
    return lines;
}

ApiError withDumpHint(ApiError error, const TaskStatus &status, const ActionRef &action,
                      const QString &modelArg)
{
    if (error.category != ErrorCategory::ActionFailed || !status.result)
        return error;
    const ActionKind kind = actionKindFromId(action.id);
    const bool dump = (kind == ActionKind::Import && status.result->failureDumpAvailable) ||
                      (kind == ActionKind::Process && anyNestedDump(*status.result));
    if (dump)
        error.hint = tr("Save the rejected rows with: anadesk-cli --model %1 dump %2 %3 -o failures.csv")
                         .arg(quoted(modelArg), action.id, status.id);
    return error;
}

} // namespace anadesk::cli
