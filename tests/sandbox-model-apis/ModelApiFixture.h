#pragma once
// Shared by the transactional and ALM wire tests: a real anadesk-sandbox on loopback (tasks last
// 300 ms), logged in as the demo user, and small helpers for JSON calls and spec checklists.
#include "HttpProbe.h"
#include "SandboxProcess.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTest>
#include <QThread>
#include <memory>

namespace modelapis {

using anadesk::test::HttpProbe;
using anadesk::test::ProbeReply;
using anadesk::test::SandboxProcess;

inline const QString kWs = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c01");
inline const QString kDev = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10");  // demo model, ALM DEV
inline const QString kProd = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A11"); // PRODUCTION, ALM PROD
inline const QString kLocked = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A12");
inline const QString kArchived = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A13");
inline const QString kCapacity = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A19"); // UNLOCKED, no revisions
inline const QString kR1 = QStringLiteral("4A1C7E2B9D3F48A6B5C0E1F2A3B4C501");
inline const QString kR2 = QStringLiteral("4A1C7E2B9D3F48A6B5C0E1F2A3B4C502");

inline QString model(const QString &id, const QString &rest)
{
    return QStringLiteral("/2/0/models/") + id + rest;
}

inline QStringList values(const QJsonArray &array, const char *key)
{
    QStringList out;
    for (const QJsonValue &v : array)
        out.append(v.toObject().value(QLatin1String(key)).toVariant().toString());
    return out;
}

// The keys of `object` missing from `required` (a spec / library checklist).
inline QStringList missing(const QJsonObject &object, const QStringList &required)
{
    QStringList out;
    for (const QString &key : required)
        if (!object.contains(key))
            out.append(key);
    return out;
}

class Sandbox
{
public:
    bool start(QString *error, const QStringList &extra = {})
    {
        m_probe.reset();
        m_process.reset(); // a restart (same --data) stops the old process first
        m_process = std::make_unique<SandboxProcess>(
            QStringList{QStringLiteral("--task-duration"), QStringLiteral("300")} + extra);
        if (!m_process->start(error))
            return false;
        m_probe = std::make_unique<HttpProbe>(m_process->url());
        const ProbeReply login =
            m_probe->loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword());
        if (login.status != 201 && login.status != 200) {
            *error =
                QStringLiteral("login failed: %1 %2").arg(login.status).arg(QString::fromUtf8(login.body));
            return false;
        }
        return true;
    }
    HttpProbe &probe() { return *m_probe; }
    ProbeReply get(const QString &path, const QByteArray &accept = {})
    {
        if (accept.isEmpty())
            return m_probe->get(path);
        return m_probe->request("GET", path, {}, {{"Accept", accept}});
    }
    ProbeReply send(const QByteArray &method, const QString &path, const QJsonValue &body,
                    int timeoutMs = 60'000)
    {
        const QByteArray bytes = body.isArray()
                                     ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                     : QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        return m_probe->request(method, path, bytes, {{"Content-Type", "application/json"}}, timeoutMs);
    }
    // Polls an ALM task until COMPLETE (generous deadline; no timing luck needed).
    QJsonObject waitTask(const QString &path, int *polls = nullptr)
    {
        QDeadlineTimer deadline(30'000);
        int n = 0;
        for (;;) {
            const QJsonObject task = get(path).json().value(QStringLiteral("task")).toObject();
            ++n;
            if (task.value(QStringLiteral("taskState")).toString() == QLatin1String("COMPLETE") ||
                deadline.hasExpired()) {
                if (polls)
                    *polls = n;
                return task;
            }
            QThread::msleep(100);
        }
    }

private:
    std::unique_ptr<SandboxProcess> m_process;
    std::unique_ptr<HttpProbe> m_probe;
};

} // namespace modelapis
