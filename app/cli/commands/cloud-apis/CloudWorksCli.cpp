#include "CloudWorksCli.h"

#include "../../BulkApi.h"
#include "../../CommandHelpers.h"
#include "../../Session.h"
#include "CloudCli.h"
#include "CloudJsonViews.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace anadesk::cli::cw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::CloudWorks", text);
}

ApiError pick(const QList<NamedObject> &objects, const QString &wanted, const QString &noun,
              const QString &listCommand, NamedObject *out)
{
    const Resolution r = resolveByIdOrName(objects, wanted, noun);
    if (!r.isOk()) {
        ApiError e = r.error;
        if (e.category == ErrorCategory::NotFound && e.hint.isEmpty())
            e.hint = tr("See the ids and names with: anadesk-cli %1.").arg(listCommand);
        else if (e.category == ErrorCategory::NotFound && !e.hint.contains(listCommand))
            e.hint += u" "_s + tr("See the ids and names with: anadesk-cli %1.").arg(listCommand);
        return e;
    }
    *out = r.object;
    return {};
}

bool isTransient(ErrorCategory category)
{
    return category == ErrorCategory::Network || category == ErrorCategory::Timeout ||
           category == ErrorCategory::Server || category == ErrorCategory::RateLimited;
}

} // namespace

CloudWorksClient client(CommandContext &c)
{
    return c.session.connection()->cloudWorks();
}

ApiError resolveConnection(CommandContext &c, const QString &idOrName, cloudworks::CloudConnection *out)
{
    auto job = Session::own(client(c).getConnections());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    const QList<cloudworks::CloudConnection> all = job->connections();
    QList<NamedObject> named;
    for (const cloudworks::CloudConnection &conn : all)
        named.append({conn.id, conn.name, tr("connection")});
    NamedObject found;
    if (ApiError e = pick(named, idOrName.trimmed(), tr("connection"), u"cw connections"_s, &found);
        e.isError())
        return e;
    for (const cloudworks::CloudConnection &conn : all)
        if (conn.id == found.id)
            *out = conn;
    return {};
}

ApiError resolveIntegration(CommandContext &c, const QString &idOrName, NamedObject *out)
{
    const QString wanted = idOrName.trimmed();
    if (cloud::looksLikeHexId(wanted)) {
        *out = {wanted, QString(), tr("integration")};
        return {};
    }
    auto job = Session::own(client(c).getIntegrations({QString(), false, false}));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QList<NamedObject> named;
    for (const cloudworks::Integration &i : job->integrations())
        named.append({i.id, i.name, tr("integration")});
    return pick(named, wanted, tr("integration"), u"cw integrations"_s, out);
}

ApiError resolveFlow(CommandContext &c, const QString &idOrName, NamedObject *out)
{
    const QString wanted = idOrName.trimmed();
    if (cloud::looksLikeHexId(wanted)) {
        *out = {wanted, QString(), tr("flow")};
        return {};
    }
    auto job = Session::own(client(c).flows().getFlows());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QList<NamedObject> named;
    for (const cloudworks::Flow &f : job->flows())
        named.append({f.id, f.name, tr("flow")});
    return pick(named, wanted, tr("flow"), u"flows list"_s, out);
}

QString label(const QString &kind, const NamedObject &object)
{
    if (object.name.isEmpty())
        return u"%1 %2"_s.arg(kind, object.id);
    return u"%1 '%2' (%3)"_s.arg(kind, object.name, object.id);
}

ApiError followRun(CommandContext &c, const RunFollow &follow, cloudworks::RunStatus *status,
                   bool *cancelRequested)
{
    *cancelRequested = false;
    Output &out = c.session.out();
    ProgressLine line(out);
    bool stopPause = false;
    c.session.setInterruptHandler([&] {
        line.finish();
        out.info(
            tr("Cancelling the run of %1 on the server; press Ctrl-C again to stop waiting (the run then "
               "keeps going).")
                .arg(follow.label));
        *cancelRequested = true;
        stopPause = true; // poll again at once to see the cancellation
        if (follow.cancelOnServer)
            follow.cancelOnServer();
    });
    const int baseDelay = c.session.options().client.statusPollDelayMs;
    QElapsedTimer elapsed;
    elapsed.start();
    int transientFailures = 0;
    ApiError result;
    for (int poll = 0;; ++poll) {
        auto job = Session::own(client(c).getRunStatus(follow.runId));
        const ApiError e = c.session.wait(job);
        if (e.isError()) {
            if (!isTransient(e.category) || ++transientFailures >= 30) {
                result = e;
                break;
            }
        } else {
            transientFailures = 0;
            *status = job->status();
            if (!status->isRunning())
                break;
            line.update(tr("Run %1 of %2: %3 (%4 s)")
                            .arg(follow.runId, follow.label, status->message)
                            .arg(elapsed.elapsed() / 1000));
        }
        if (follow.maxWaitMs > 0 && elapsed.elapsed() >= follow.maxWaitMs) {
            result.category = ErrorCategory::Timeout;
            result.message = tr("Stopped waiting after --max-wait; the run goes on");
            result.object = tr("run %1 of %2").arg(follow.runId, follow.label);
            result.hint = tr("Check it later with: anadesk-cli cw run-status %1").arg(follow.runId);
            break;
        }
        stopPause = false;
        cloud::pause(cloud::pollDelayMs(baseDelay, poll), &stopPause);
    }
    c.session.clearInterruptHandler();
    line.finish();
    return result;
}

ApiError runOutcomeError(const cloudworks::RunStatus &s, const QString &label, bool cancelRequested)
{
    if (s.isRunning())
        return {};
    ApiError e;
    e.object = tr("run %1 of %2").arg(s.id, label);
    e.serverMessage = s.message;
    if (s.success && (!s.executionErrorCode || *s.executionErrorCode == 0))
        return {};
    if (s.success) {
        // Anaplan's "partial success" (code 38): the run completed but rows were rejected.
        e.category = ErrorCategory::ActionFailed;
        e.message =
            tr("The run completed with rejected rows (partial success, code %1)").arg(*s.executionErrorCode);
        e.hint = tr("See what failed with 'anadesk-cli cw run-error %1' and save the rejected rows with "
                    "'anadesk-cli cw dump %1 -o failures.csv'.")
                     .arg(s.id);
        return e;
    }
    if (cancelRequested || s.message.contains(u"cancel"_s, Qt::CaseInsensitive)) {
        e.category = ErrorCategory::Cancelled;
        e.message = tr("The run was cancelled");
        return e;
    }
    e.category = ErrorCategory::ActionFailed;
    e.message = s.executionErrorCode ? tr("The run failed (code %1)").arg(*s.executionErrorCode)
                                     : tr("The run failed");
    e.hint = tr("See what failed with 'anadesk-cli cw run-error %1'.").arg(s.id);
    return e;
}

ApiError reportRun(CommandContext &c, const cloudworks::RunStatus &status, const QJsonObject &extra,
                   const QString &label, const ApiError &error)
{
    Output &out = c.session.out();
    QJsonObject o = cloudjson::toJson(status);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        o.insert(it.key(), it.value());
    if (error.isError())
        o.insert(u"error"_s, Output::errorJson(error));
    if (out.isJson()) {
        out.object(o, {});
    } else {
        QStringList lines{tr("Run %1 of %2: %3").arg(status.id, label, o.value(u"outcome"_s).toString())};
        if (!status.message.isEmpty())
            lines.append(u"  "_s + status.message);
        if (!status.startDate.isEmpty())
            lines.append(u"  "_s + tr("started %1, ended %2")
                                       .arg(status.startDate,
                                            status.endDate.isEmpty() ? tr("(running)") : status.endDate));
        out.humanLines(lines);
    }
    return error;
}

OptionSpec waitOption()
{
    return {u"wait"_s, {}, {}, tr("Follow the run until it has ended (exit 12 when it failed).")};
}

OptionSpec maxWaitOption()
{
    return {u"max-wait"_s,
            {},
            u"SECONDS"_s,
            tr("With --wait: stop waiting after this long (exit 9); the run goes on.")};
}

} // namespace anadesk::cli::cw
