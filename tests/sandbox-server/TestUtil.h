#pragma once
// Small helpers shared by the sandbox-server tests.
#include "HttpProbe.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <cstdio>
#include <functional>

namespace anadesk::test {

// Polls `condition` (processing events in between) until it holds or `timeoutMs` passed.
inline bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 15'000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(50);
    }
    return true;
}

// The sandbox's /__sandbox/blob pattern, re-derived here from its documented formula.
inline QByteArray patternBytes(qint64 offset, qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i) {
        const qint64 at = offset + i;
        bytes[i] = char(quint8((quint64(at % 65521) * 40503u + quint64(seed) * 977u) >> 7));
    }
    return bytes;
}

inline QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

inline void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

// The sandbox's admin views.
inline QJsonArray faultRules(HttpProbe &probe)
{
    return probe.get(QStringLiteral("/__sandbox/faults")).json().value(QStringLiteral("rules")).toArray();
}
inline QJsonArray requestLog(HttpProbe &probe)
{
    return probe.get(QStringLiteral("/__sandbox/requests"))
        .json()
        .value(QStringLiteral("requests"))
        .toArray();
}
// Adds one rule; returns its id (0 on failure).
inline int addFault(HttpProbe &probe, const QJsonObject &rule)
{
    const ProbeReply reply = probe.postJson(QStringLiteral("/__sandbox/faults"), rule);
    if (reply.status != 201)
        return 0;
    return reply.json()
        .value(QStringLiteral("rules"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("id"))
        .toInt();
}
inline QJsonObject faultById(HttpProbe &probe, int id)
{
    const QJsonArray rules = faultRules(probe);
    for (const QJsonValue &rule : rules) {
        if (rule.toObject().value(QStringLiteral("id")).toInt() == id)
            return rule.toObject();
    }
    return {};
}
// The log entries for one path (decoded), in arrival order.
inline QList<QJsonObject> requestsFor(HttpProbe &probe, const QString &path)
{
    QList<QJsonObject> found;
    const QJsonArray log = requestLog(probe);
    for (const QJsonValue &entry : log) {
        if (entry.toObject().value(QStringLiteral("path")).toString() == path)
            found.append(entry.toObject());
    }
    return found;
}

} // namespace anadesk::test
