#pragma once
// One logical write split into requests Anaplan accepts: at most maxItems entries and (when set)
// maxBytes of body per request. Used for list item inserts/updates/deletes (≤ 100,000 items) and
// module cell writes (≤ 100,000 cells and ≤ 15 MB).
//
//   [plan]  on a worker thread (QtConcurrent): check every entry, serialise it, pack entries greedily
//           into bodies "<prefix>e1,e2,…<suffix>" within both limits. An invalid entry, or one that
//           alone exceeds maxBytes, fails the job with BadInput naming its index — nothing is sent.
//   [send]  batches one after the other (never in parallel: Anaplan applies them in order and a
//           busy model would refuse concurrent writes); each answer is summed by the subclass.
//   [stop]  on the first failed batch: the job fails, naming the batch and what was already written;
//           results() keeps the sums of the batches that succeeded. A batch whose request may have
//           reached Anaplan (timeout, connection lost, 5xx) is reported as possibly applied.
// Empty input: succeeds at once, no request (as the reference client does).
#include "api/Job.h"
#include "net/ApiRequest.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <functional>

namespace anadesk {

class ApiJob;
class Transport;

struct BatchLimits
{
    int maxItems = 100'000;
    qint64 maxBytes = 0; // 0: no byte limit
};

// The packed request bodies of one write (computed off the GUI thread).
struct BatchPlan
{
    QList<QByteArray> bodies;
    QList<qint64> offsets; // index of each batch's first entry in the whole input
    QList<int> counts;     // entries per batch
    QString error;         // non-empty: the input is invalid (nothing may be sent)
    qint64 errorIndex = -1;

    // validator: "" when the entry is fine, else what is wrong with it (called on the worker thread:
    // it must not touch shared state).
    static BatchPlan make(const QJsonArray &entries, const BatchLimits &limits, const QByteArray &prefix,
                          const QByteArray &suffix,
                          const std::function<QString(const QJsonObject &)> &validator);
};

class BatchedWriteJob : public Job
{
    Q_OBJECT
public:
    ~BatchedWriteJob() override;

    qint64 entryCount() const { return m_entries.size(); }
    int batchCount() const { return int(m_plan.counts.size()); } // known once planned
    int batchesDone() const { return m_done; }
    qint64 entriesDone() const { return m_entriesDone; }
    const BatchLimits &limits() const { return m_limits; }

Q_SIGNALS:
    // After each successful batch: entries written so far (of entryCount()).
    void batchFinished(int batchIndex, int batchCount, qint64 entriesDone);

protected:
    BatchedWriteJob(Transport *transport, const QJsonArray &entries, const BatchLimits &limits,
                    QObject *parent);

    // Set by subclasses in their constructors.
    void setBodyFrame(const QByteArray &prefix, const QByteArray &suffix);
    void setValidator(std::function<QString(const QJsonObject &)> validator)
    {
        m_validator = std::move(validator);
    }
    // The request of one batch (method, URL, idempotency, object); the body is filled in here.
    virtual ApiRequest batchRequest() const = 0;
    // Adds one batch's answer to the sums; an error makes the batch (and the job) fail.
    virtual ApiError acceptAnswer(const QJsonObject &answer, qint64 offset, int count) = 0;
    // One line for error messages: what the finished batches did ("120,000 added, 3 ignored").
    virtual QString progressSummary() const = 0;

    Transport *transport() const { return m_transport; }
    void doStart() override;
    void doAbort() override;

private:
    void onPlanned();
    void sendNext();
    void onBatchFinished(ApiJob *job);

    Transport *m_transport;
    QJsonArray m_entries;
    BatchLimits m_limits;
    QByteArray m_prefix = "[";
    QByteArray m_suffix = "]";
    std::function<QString(const QJsonObject &)> m_validator;
    BatchPlan m_plan;
    QFutureWatcher<BatchPlan> *m_watcher = nullptr;
    QPointer<ApiJob> m_current;
    int m_done = 0;
    qint64 m_entriesDone = 0;
};

} // namespace anadesk
