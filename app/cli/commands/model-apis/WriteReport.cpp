#include "WriteReport.h"

#include "../../Session.h"
#include "ModelApiJson.h"
#include "ModelApiSupport.h"

#include <QEventLoop>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace anadesk::cli {

void reportBatchProgress(BatchedWriteJob *job, ProgressLine &line, const QString &verb)
{
    if (!line.isEnabled())
        return;
    QObject::connect(job, &BatchedWriteJob::batchFinished, job,
                     [&line, verb, job](int batchIndex, int batchCount, qint64 done) {
                         const QLocale locale;
                         line.update(modelApiTr("%1: %2 of %3 (batch %4 of %5)")
                                         .arg(verb, locale.toString(done), locale.toString(job->entryCount()))
                                         .arg(batchIndex + 1)
                                         .arg(batchCount));
                     });
}

ApiError waitForWrite(Session &session, BatchedWriteJob *job, ProgressLine &line)
{
    Output &out = session.out();
    bool interrupted = false;
    session.setInterruptHandler([job, &out, &line, &interrupted] {
        line.finish();
        interrupted = true;
        out.info(
            modelApiTr("Stopping: the requests already answered stay written; press Ctrl-C again to quit "
                       "at once."));
        job->abort();
    });
    job->setAutoDelete(false);
    ApiError error;
    if (!job->isFinished()) {
        QEventLoop loop;
        QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    error = job->error();
    session.clearInterruptHandler();
    line.finish();
    if (interrupted && error.category == ErrorCategory::Cancelled) {
        error.message =
            modelApiTr("Stopped after %1 of %2 requests").arg(job->batchesDone()).arg(job->batchCount());
        error.hint = modelApiTr("The request that was under way may or may not have been applied; check the "
                                "data before sending the rest.");
    }
    return error;
}

QJsonArray failuresWithLines(const QList<ItemFailure> &failures, const RequestInput &input)
{
    QJsonArray array;
    for (const ItemFailure &f : failures) {
        QJsonObject o = json::toJson(f);
        if (!input.isJson && f.requestIndex >= 0 && f.requestIndex < input.csv.lines.size())
            o.insert(u"line"_s, double(input.csv.lines.at(f.requestIndex)));
        array.append(o);
    }
    return array;
}

ApiError writeOutcome(const ApiError &jobError, const QList<ItemFailure> &failures, qint64 entries,
                      const QString &noun, const QString &object, const RequestInput &input)
{
    if (jobError.isError() || failures.isEmpty())
        return jobError;
    ApiError e;
    e.category = ErrorCategory::ActionFailed;
    e.message = modelApiTr("%1 of %2 %3 were rejected").arg(failures.size()).arg(entries).arg(noun);
    e.object = object;
    const ItemFailure &first = failures.first();
    QString where = modelApiTr("entry %1").arg(first.requestIndex);
    if (!input.isJson && first.requestIndex >= 0 && first.requestIndex < input.csv.lines.size())
        where = modelApiTr("line %1").arg(input.csv.lines.at(first.requestIndex));
    e.serverMessage = where + u": "_s + first.failureType + u" "_s + first.failureMessageDetails;
    e.hint =
        (failures.size() < entries ? modelApiTr("The other entries were written. ")
                                   : modelApiTr("Nothing was written. ")) +
        modelApiTr("Each rejection is listed with its requestIndex (0-based index in the input) and, for CSV "
                   "input, its line.");
    return e;
}

void printWriteResult(Output &out, QJsonObject result, const QList<std::pair<QString, QString>> &fields,
                      const ApiError &error)
{
    if (out.isJson()) {
        if (error.isError())
            result.insert(u"error"_s, Output::errorJson(error));
        out.object(result, {});
        return;
    }
    out.object(result, fields);
    QStringList lines;
    const QJsonArray failures = result.value(u"failures"_s).toArray();
    for (qsizetype i = 0; i < failures.size() && i < 10; ++i) {
        const QJsonObject f = failures.at(i).toObject();
        const QString where = f.contains(u"line"_s)
                                  ? modelApiTr("line %1").arg(qint64(f.value(u"line"_s).toDouble()))
                                  : modelApiTr("entry %1").arg(qint64(f.value(u"requestIndex"_s).toDouble()));
        lines.append(u"  "_s + where + u": "_s + f.value(u"failureType"_s).toString() + u" "_s +
                     f.value(u"failureMessageDetails"_s).toString());
    }
    if (failures.size() > 10)
        lines.append(modelApiTr("  … and %1 more (see --json)").arg(failures.size() - 10));
    out.humanLines(lines);
}

} // namespace anadesk::cli
