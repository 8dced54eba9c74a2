#include "RequestLog.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMutexLocker>

namespace sandbox {

RequestLog::RequestLog(int capacity)
    : m_capacity(capacity)
{}

qint64 RequestLog::append(RequestRecord record)
{
    QMutexLocker lock(&m_mutex);
    record.sequence = m_nextSequence++;
    if (m_records.size() >= m_capacity)
        m_records.removeFirst(); // bounded: a long demo session must not grow without end
    m_records.append(std::move(record));
    return m_records.constLast().sequence;
}

void RequestLog::amend(qint64 sequence, RequestRecord record)
{
    QMutexLocker lock(&m_mutex);
    for (qsizetype i = m_records.size() - 1; i >= 0; --i) {
        if (m_records.at(i).sequence == sequence) {
            record.sequence = sequence;
            m_records[i] = std::move(record);
            return;
        }
    }
}

void RequestLog::clear()
{
    QMutexLocker lock(&m_mutex);
    m_records.clear();
}

qint64 RequestLog::totalCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_nextSequence - 1;
}

QJsonArray RequestLog::toJson() const
{
    QMutexLocker lock(&m_mutex);
    QJsonArray array;
    for (const RequestRecord &r : m_records) {
        QJsonObject object{
            {QStringLiteral("sequence"), r.sequence},
            {QStringLiteral("connection"), r.connection},
            {QStringLiteral("timestamp"),
             QDateTime::fromMSecsSinceEpoch(r.timestampMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("timestampMs"), r.timestampMs},
            {QStringLiteral("durationMs"), r.durationMs},
            {QStringLiteral("method"), QString::fromLatin1(r.method)},
            {QStringLiteral("path"), r.path},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("bytesIn"), r.bytesIn},
            {QStringLiteral("bytesOut"), r.bytesOut},
            {QStringLiteral("outcome"), r.outcome},
        };
        if (!r.query.isEmpty())
            object.insert(QStringLiteral("query"), QString::fromLatin1(r.query));
        if (!r.fault.isEmpty()) {
            object.insert(QStringLiteral("fault"), r.fault);
            object.insert(QStringLiteral("faultRuleId"), r.faultRuleId);
        } else {
            object.insert(QStringLiteral("fault"), QJsonValue::Null);
        }
        if (!r.user.isEmpty())
            object.insert(QStringLiteral("user"), r.user);
        array.append(object);
    }
    return array;
}

} // namespace sandbox
