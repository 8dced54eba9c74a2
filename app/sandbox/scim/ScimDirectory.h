#pragma once
// The tenant's users as Anaplan's SCIM API manages them (anaplan-api.md §12, scim-openapi.json): ~2,000
// seeded people (plus SandboxConfig::largeUserCount), their workspace entitlements, listing with the
// filter language and 1-based paging, create, replace (PUT) and PatchOp. The same people back the
// Integration API's /2/0/users and the user ids of audit events and CloudWorks notifications.
//
// Thread safety: every public method may be called from connection threads; one mutex guards the state.
// With SandboxConfig::dataDir the users are saved to <dataDir>/scim.json after each change.
#include "SandboxConfig.h"
#include "tenant/Records.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sandbox::audit {
class AuditLog;
}

namespace sandbox::scim {

using NowMs = std::function<qint64()>;

struct ScimFailure
{
    int status = 0; // 0: success
    QString scimType;
    QString detail;
    explicit operator bool() const { return status != 0; }
};

// What other APIs need to know about a person.
struct Person
{
    QString id; // 32 lower-case hex
    QString email;
    QString givenName;
    QString familyName;
    bool active = true;
    qint64 lastLoginMs = -1; // -1: never logged in
    bool emailOptIn = false;
    QString displayName() const { return givenName + QLatin1Char(' ') + familyName; }
};

struct UserRecord
{
    QString id;
    QString userName;
    QString externalId; // empty: none
    QString givenName;
    QString familyName;
    bool active = true;
    QStringList workspaceIds; // entitlements, in the order granted
    qint64 created = 0;       // epoch ms
    qint64 lastModified = 0;
    qint64 lastLoginMs = -1;
    bool emailOptIn = false;
};

class ScimDirectory
{
public:
    ScimDirectory(const SandboxConfig &config, QList<WorkspaceRecord> workspaces, NowMs clock = {});
    ~ScimDirectory();
    ScimDirectory(const ScimDirectory &) = delete;
    ScimDirectory &operator=(const ScimDirectory &) = delete;

    // Events about user changes go to this log from now on (it outlives the directory).
    void attachAudit(audit::AuditLog *audit);

    static constexpr int kMaxCount = 100;     // Anaplan: at most 100 users per call
    static constexpr int kMaxWorkspaces = 50; // Anaplan: at most 50 workspaces per call
    static constexpr int kSeedUsers = 2'000;

    struct Page
    {
        qint64 totalResults = 0;
        qint64 startIndex = 1;
        QList<QJsonObject> resources;
    };
    // `filter` empty and !hasFilter: every user. startIndex is 1-based, count 0..100 (checked by the caller).
    ScimFailure list(const QString &filter, bool hasFilter, qint64 startIndex, qint64 count, const QString &baseUrl,
                     Page *out) const;
    ScimFailure get(const QString &id, const QString &baseUrl, QJsonObject *out) const;
    ScimFailure create(const QJsonObject &body, const QString &actorEmail, const QString &baseUrl, QJsonObject *out);
    ScimFailure replace(const QString &id, const QJsonObject &body, const QString &actorEmail, const QString &baseUrl,
                        QJsonObject *out);
    ScimFailure patch(const QString &id, const QJsonObject &body, const QString &actorEmail, const QString &baseUrl,
                      QJsonObject *out);

    // For the Integration API users, audit events and CloudWorks.
    QList<Person> people() const;
    std::optional<Person> personById(const QString &id) const;
    std::optional<Person> personByEmail(const QString &email) const;
    qint64 seedAnchorMs() const; // the moment the seed was made ("now" of the first start)
    int size() const;

    // Stable id of a user name (32 lower-case hex), the same the auth service gives the token's user.
    static QString idForUserName(const QString &userName);

private:
    QJsonObject toJson(const UserRecord &user, const QString &baseUrl) const;
    ScimFailure parseEntitlements(const QJsonValue &value, QStringList *workspaceIds) const;
    ScimFailure applyOperation(UserRecord *user, const QJsonObject &operation) const;
    ScimFailure parseUserBody(const QJsonObject &body, UserRecord *user, bool *hasEntitlements,
                              bool *hasActive) const;
    void reindex();
    void seed();
    bool load();
    void saveLocked();
    void audit(const QString &type, const QString &actorEmail, const UserRecord &user, const QString &message,
               const QJsonObject &attributes) const;
    qint64 now() const;

    SandboxConfig m_config;
    QList<WorkspaceRecord> m_workspaces;
    NowMs m_clock;
    audit::AuditLog *m_audit = nullptr;
    mutable QMutex m_mutex;
    QList<UserRecord> m_users; // creation order: the stable order of listings
    QHash<QString, int> m_byId;
    QHash<QString, int> m_byUserName; // lower-cased
    qint64 m_anchor = 0;
};

} // namespace sandbox::scim
