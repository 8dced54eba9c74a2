#pragma once
// The tenant's audit trail as Anaplan's Audit API serves it (anaplan-api.md §10, audit-openapi.json,
// anaplan-limits-and-peers.md §2.9): 30 days of deterministic seeded events of many kinds (logins, models
// opened, imports run, permission changes, connections, comments…) plus the events the sandbox's own SCIM
// and CloudWorks APIs record as clients change things. Only the last 30 days are kept.
//
// Thread safety: every public method may be called from connection threads (one mutex). With
// SandboxConfig::dataDir the events recorded at run time and the seed anchor are saved to <dataDir>/audit.json.
#include "SandboxConfig.h"
#include "tenant/Records.h"

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

#include <functional>

namespace sandbox::audit {

using NowMs = std::function<qint64()>;

struct AuditEvent
{
    qint64 id = 0;         // Snowflake-like, below 2^53 so JSON numbers keep it exact
    QString eventTypeId;   // "USR-8", "AUTHZ-3", "INT-1", …
    QString userId;        // 32 lower-case hex, or INTERNAL_<n> for system processes
    QString objectId;      // empty: none
    QString objectTypeId;  // empty: none
    QString message;
    bool success = true;
    QString errorNumber;   // failures only
    QString ipAddress;
    QString userAgent;
    qint64 eventDate = 0;  // epoch ms UTC
    QJsonObject additionalAttributes; // empty: sent as null
    QJsonObject toJson(const QString &tenantId) const;
    QByteArray toCef(const QString &tenantId) const; // one CEF line
};

// Who and what the seeded events talk about.
struct AuditSeedInput
{
    struct User
    {
        QString id;
        bool active = true;
        qint64 lastLoginMs = -1;
    };
    QList<User> users;
    QList<WorkspaceRecord> workspaces;
    QList<ModelRecord> models;
    qint64 anchorMs = 0; // seeded events lie in the 30 days before this
};

class AuditLog
{
public:
    static constexpr qint64 kRetentionMs = 30LL * 24 * 3600 * 1000; // Anaplan keeps 30 days
    static constexpr qint64 kMaxIntervalHours = 720;                 // 30 days

    AuditLog(const SandboxConfig &config, const AuditSeedInput &seed, NowMs clock = {});
    ~AuditLog();
    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    // Records an event happening now, by `userId` (a 32-hex user id).
    void record(const QString &eventTypeId, const QString &userId, const QString &objectId,
                const QString &objectTypeId, const QString &message, const QJsonObject &attributes,
                bool success = true);

    // The `type` query values and the eventTypeId prefix each selects (unknown values mean all).
    static QString prefixForType(const QString &type);

    struct Result
    {
        qint64 totalSize = 0;
        QList<AuditEvent> events; // the page, oldest first
    };
    // Events with from <= eventDate <= to and the type's prefix; a page of `limit` (-1: all) from `offset`.
    Result query(const QString &type, qint64 fromMs, qint64 toMs, qint64 limit, qint64 offset) const;
    qint64 now() const;
    int size() const;

private:
    void seed(const AuditSeedInput &input);
    bool load();
    void saveLocked();

    SandboxConfig m_config;
    NowMs m_clock;
    mutable QMutex m_mutex;
    QList<AuditEvent> m_events; // sorted by (eventDate, id)
    QList<AuditEvent> m_recorded; // the run-time ones (persisted); the seeded ones are regenerated
    qint64 m_nextId = 0;
    qint64 m_anchor = 0;
};

} // namespace sandbox::audit
