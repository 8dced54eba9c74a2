#pragma once
// Every request that reached the sandbox (except the admin API's own control calls), with what happened
// to it on the wire, so tests can count arrivals and see which fault fired.
#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QMutex>
#include <QString>

namespace sandbox {

struct RequestRecord
{
    qint64 sequence = 0;
    qint64 connection = 0;  // which TCP connection carried it (1, 2, …): shows keep-alive reuse
    qint64 timestampMs = 0; // arrival (epoch ms)
    qint64 durationMs = 0;
    QByteArray method;
    QString path;        // decoded path
    QByteArray query;    // raw query string
    int status = 0;      // status sent (0: no status line was sent)
    qint64 bytesIn = 0;  // request head + body bytes read
    qint64 bytesOut = 0; // response bytes written
    QString fault;       // fault kind that fired, empty when none
    int faultRuleId = 0;
    QString outcome; // "complete", "reset", "closed", "hang", "client-gone", "timeout", "bad-request"
    QString user;    // the token's user on authenticated paths
};

class RequestLog
{
public:
    explicit RequestLog(int capacity = 100'000);
    qint64 append(RequestRecord record); // assigns and returns the sequence number
    // Replaces the record `sequence` (kept) with `record`, if it is still in the log.
    void amend(qint64 sequence, RequestRecord record);
    void clear();
    QJsonArray toJson() const;
    qint64 totalCount() const;

private:
    mutable QMutex m_mutex;
    QList<RequestRecord> m_records;
    int m_capacity;
    qint64 m_nextSequence = 1;
};

} // namespace sandbox
