#include "BatchedWriteJob.h"

#include "api/ApiJob.h"
#include "net/Transport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace anadesk {

namespace {
bool mayHaveBeenApplied(ErrorCategory category)
{
    return category == ErrorCategory::Network || category == ErrorCategory::Timeout ||
           category == ErrorCategory::Server || category == ErrorCategory::Protocol ||
           category == ErrorCategory::Cancelled;
}
} // namespace

BatchPlan BatchPlan::make(const QJsonArray &entries, const BatchLimits &limits, const QByteArray &prefix,
                          const QByteArray &suffix,
                          const std::function<QString(const QJsonObject &)> &validator)
{
    BatchPlan plan;
    const int maxItems = qMax(1, limits.maxItems);
    const qint64 frame = prefix.size() + suffix.size();
    QByteArray body;
    int count = 0;
    qint64 offset = 0;
    auto close = [&] {
        if (count == 0)
            return;
        body += suffix;
        plan.bodies.append(body);
        plan.offsets.append(offset);
        plan.counts.append(count);
        body.clear();
        count = 0;
    };
    for (qint64 i = 0; i < entries.size(); ++i) {
        const QJsonValue value = entries.at(i);
        if (!value.isObject()) {
            plan.error = QCoreApplication::translate("anadesk", "entry %1 is not a JSON object").arg(i);
            plan.errorIndex = i;
            return BatchPlan{{}, {}, {}, plan.error, plan.errorIndex};
        }
        const QJsonObject object = value.toObject();
        if (validator) {
            const QString problem = validator(object);
            if (!problem.isEmpty()) {
                plan.error = QCoreApplication::translate("anadesk", "entry %1: %2").arg(i).arg(problem);
                plan.errorIndex = i;
                return BatchPlan{{}, {}, {}, plan.error, plan.errorIndex};
            }
        }
        const QByteArray serialised = QJsonDocument(object).toJson(QJsonDocument::Compact);
        if (limits.maxBytes > 0 && frame + serialised.size() > limits.maxBytes) {
            plan.error = QCoreApplication::translate("anadesk",
                                                     "entry %1 alone is %2 bytes, over the %3-byte limit of "
                                                     "one request")
                             .arg(i)
                             .arg(serialised.size())
                             .arg(limits.maxBytes);
            plan.errorIndex = i;
            return BatchPlan{{}, {}, {}, plan.error, plan.errorIndex};
        }
        const bool full =
            count >= maxItems || (limits.maxBytes > 0 && count > 0 &&
                                  body.size() + 1 + serialised.size() + suffix.size() > limits.maxBytes);
        if (full)
            close();
        if (count == 0) {
            body.reserve(limits.maxBytes > 0 ? int(qMin<qint64>(limits.maxBytes, 64 << 20)) : 1 << 16);
            body = prefix;
            offset = i;
        } else {
            body += ',';
        }
        body += serialised;
        ++count;
    }
    close();
    return plan;
}

BatchedWriteJob::BatchedWriteJob(Transport *transport, const QJsonArray &entries, const BatchLimits &limits,
                                 QObject *parent)
    : Job(parent)
    , m_transport(transport)
    , m_entries(entries)
    , m_limits(limits)
{
    if (!transport)
        failOnStart(badInput(tr("No connection to send the request through")));
}

BatchedWriteJob::~BatchedWriteJob()
{
    doAbort();
}

void BatchedWriteJob::setBodyFrame(const QByteArray &prefix, const QByteArray &suffix)
{
    m_prefix = prefix;
    m_suffix = suffix;
}

void BatchedWriteJob::doStart()
{
    if (m_entries.isEmpty()) {
        finishSuccess(); // nothing to write, nothing sent
        return;
    }
    // Serialising up to millions of entries is payload work: off the caller's (GUI) thread.
    m_watcher = new QFutureWatcher<BatchPlan>(this);
    connect(m_watcher, &QFutureWatcher<BatchPlan>::finished, this, &BatchedWriteJob::onPlanned);
    m_watcher->setFuture(
        QtConcurrent::run(&BatchPlan::make, m_entries, m_limits, m_prefix, m_suffix, m_validator));
}

void BatchedWriteJob::doAbort()
{
    if (m_watcher) {
        disconnect(m_watcher, nullptr, this, nullptr);
        m_watcher->deleteLater(); // the planning thread finishes on its own; its result is dropped
        m_watcher = nullptr;
    }
    if (ApiJob *job = m_current.data()) {
        m_current.clear();
        disconnect(job, nullptr, this, nullptr);
        job->abort();
        job->deleteLater();
    }
}

void BatchedWriteJob::onPlanned()
{
    m_plan = m_watcher->result();
    m_watcher->deleteLater();
    m_watcher = nullptr;
    if (!m_plan.error.isEmpty()) {
        const ApiRequest request = batchRequest();
        finishFailure(badInput(
            tr("%1: invalid input, nothing was sent (%2)").arg(description(), m_plan.error), request.object,
            tr("Correct entry %1 of the input and try again.").arg(m_plan.errorIndex)));
        return;
    }
    m_entries = QJsonArray(); // the bodies hold everything from here on
    sendNext();
}

void BatchedWriteJob::sendNext()
{
    if (m_done >= m_plan.bodies.size()) {
        m_plan.bodies.clear();
        finishSuccess();
        return;
    }
    ApiRequest request = batchRequest();
    request.body = std::exchange(m_plan.bodies[m_done], QByteArray()); // each body is sent once, then freed
    auto *job = new ApiJob(m_transport, request, this);
    job->setAutoDelete(false);
    m_current = job;
    connect(job, &Job::finished, this, [this, job] { onBatchFinished(job); });
    job->start();
}

void BatchedWriteJob::onBatchFinished(ApiJob *job)
{
    m_current.clear();
    job->deleteLater();
    const int index = m_done;
    const int total = int(m_plan.counts.size());
    ApiError error = job->error();
    if (!error.isError())
        error = acceptAnswer(job->json(), m_plan.offsets.at(index), m_plan.counts.at(index));
    if (error.isError()) {
        const QLocale locale;
        const QString batch =
            total > 1 ? tr("Batch %1 of %2 (entries %3–%4)")
                            .arg(index + 1)
                            .arg(total)
                            .arg(locale.toString(m_plan.offsets.at(index)))
                            .arg(locale.toString(m_plan.offsets.at(index) + m_plan.counts.at(index) - 1))
                      : tr("The request");
        const QString before =
            index == 0
                ? tr("nothing was written before it")
                : tr("the %n batch(es) before it were written: %1", nullptr, index).arg(progressSummary());
        error.message = tr("%1 failed: %2 — %3")
                            .arg(description(), batch,
                                 error.message.isEmpty() ? categoryName(error.category) : error.message);
        error.message += u"; "_s + before;
        if (batchRequest().idempotency == Idempotency::NotRepeatable && mayHaveBeenApplied(error.category))
            error.hint =
                tr("This batch may have been applied by Anaplan although no answer arrived; check the data "
                   "before sending it again (a repeat reports such entries as ignored).");
        else if (index + 1 < total)
            error.hint =
                tr("Later batches were not sent. Fix the cause and send the remaining entries from %1 on.")
                    .arg(m_plan.offsets.at(index));
        finishFailure(error);
        return;
    }
    ++m_done;
    m_entriesDone += m_plan.counts.at(index);
    Q_EMIT batchFinished(index, total, m_entriesDone);
    if (isFinished())
        return; // a slot aborted us
    sendNext();
}

} // namespace anadesk
