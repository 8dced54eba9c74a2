#include "AuditLog.h"

#include "auth/AuthService.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <limits>

namespace sandbox::audit {

namespace {

constexpr qint64 kDay = 24LL * 3600 * 1000;

// SplitMix64: deterministic on every platform, unlike std::uniform_int_distribution.
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : int(next() % quint64(n)); }
    qint64 belowMs(qint64 n) { return n <= 0 ? 0 : qint64(next() % quint64(n)); }

private:
    quint64 m_state;
};

const char *const kUserAgents[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
    "python-httpx/0.28.1",
    "AnaplanConnect/4.0.1 (Java 17)",
    "Anadesk/0.1 (Qt 6)"};

QString ipFor(Random &random)
{
    // Documentation ranges (RFC 5737), so nothing points at a real host.
    static const char *const nets[] = {"192.0.2.", "198.51.100.", "203.0.113."};
    return QString::fromLatin1(nets[random.below(3)]) + QString::number(1 + random.below(254));
}

QString checksumOf(const AuditEvent &e)
{
    // A short numeric string, as Anaplan sends (audit-openapi.json: "not a SHA-256 hash").
    const QByteArray text = QByteArray::number(e.id) + e.eventTypeId.toUtf8() + e.userId.toUtf8() +
                            e.objectId.toUtf8() + QByteArray::number(e.eventDate);
    quint32 h = 2166136261u;
    for (char c : text)
        h = (h ^ quint8(c)) * 16777619u;
    return QString::number(h & 0x7fffffff);
}

QString cefEscape(QString s, bool header)
{
    s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    if (header)
        s.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    else
        s.replace(QLatin1Char('='), QStringLiteral("\\="));
    s.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return s;
}

AuditEvent fromJson(const QJsonObject &o)
{
    AuditEvent e;
    e.id = qint64(o.value(QStringLiteral("id")).toDouble());
    e.eventTypeId = o.value(QStringLiteral("eventTypeId")).toString();
    e.userId = o.value(QStringLiteral("userId")).toString();
    e.objectId = o.value(QStringLiteral("objectId")).toString();
    e.objectTypeId = o.value(QStringLiteral("objectTypeId")).toString();
    e.message = o.value(QStringLiteral("message")).toString();
    e.success = o.value(QStringLiteral("success")).toBool(true);
    e.errorNumber = o.value(QStringLiteral("errorNumber")).toString();
    e.ipAddress = o.value(QStringLiteral("ipAddress")).toString();
    e.userAgent = o.value(QStringLiteral("userAgent")).toString();
    e.eventDate = qint64(o.value(QStringLiteral("eventDate")).toDouble());
    e.additionalAttributes = o.value(QStringLiteral("additionalAttributes")).toObject();
    return e;
}

bool earlier(const AuditEvent &a, const AuditEvent &b)
{
    return a.eventDate != b.eventDate ? a.eventDate < b.eventDate : a.id < b.id;
}

} // namespace

QJsonObject AuditEvent::toJson(const QString &tenantId) const
{
    QJsonObject o{{QStringLiteral("id"), double(id)},
                  {QStringLiteral("eventTypeId"), eventTypeId},
                  {QStringLiteral("userId"), userId},
                  {QStringLiteral("tenantId"), tenantId},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("success"), success},
                  {QStringLiteral("ipAddress"), ipAddress},
                  {QStringLiteral("userAgent"), userAgent},
                  {QStringLiteral("hostName"), QStringLiteral("audit-sandbox-01")},
                  {QStringLiteral("serviceVersion"), QStringLiteral("1.0.0")},
                  {QStringLiteral("eventDate"), double(eventDate)},
                  {QStringLiteral("eventTimeZone"), QStringLiteral("UTC")},
                  {QStringLiteral("createdDate"), double(eventDate + 20 + id % 180)},
                  {QStringLiteral("createdTimeZone"), QStringLiteral("UTC")},
                  {QStringLiteral("checksum"), checksumOf(*this)}};
    // The API sends an explicit null for events without attributes (seen on USR-8 logins).
    o.insert(QStringLiteral("additionalAttributes"),
             additionalAttributes.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(additionalAttributes));
    if (!objectId.isEmpty()) {
        o.insert(QStringLiteral("objectId"), objectId);
        o.insert(QStringLiteral("objectTypeId"), objectTypeId);
        o.insert(QStringLiteral("objectTenantId"), tenantId);
    }
    if (!success && !errorNumber.isEmpty())
        o.insert(QStringLiteral("errorNumber"), errorNumber);
    return o;
}

QByteArray AuditEvent::toCef(const QString &tenantId) const
{
    QString extension = QStringLiteral("id=%1 userId=%2 tenantId=%3 success=%4 eventDate=%5")
                            .arg(QString::number(id), cefEscape(userId, false), tenantId,
                                 success ? QStringLiteral("true") : QStringLiteral("false"), QString::number(eventDate));
    if (!objectId.isEmpty())
        extension += QStringLiteral(" objectId=%1 objectTypeId=%2").arg(cefEscape(objectId, false), objectTypeId);
    if (!ipAddress.isEmpty())
        extension += QStringLiteral(" ipAddress=") + ipAddress;
    extension += QStringLiteral(" additionalAttributes=") +
                 (additionalAttributes.isEmpty()
                      ? QStringLiteral("null")
                      : cefEscape(QString::fromUtf8(QJsonDocument(additionalAttributes).toJson(QJsonDocument::Compact)),
                                  false));
    const QString line = QDateTime::fromMSecsSinceEpoch(eventDate, Qt::UTC).toString(Qt::ISODateWithMs) +
                         QStringLiteral("  CEF:0|Anaplan, Inc.||null|") + cefEscape(eventTypeId, true) +
                         QLatin1Char('|') + cefEscape(message, true) + QLatin1Char('|') + extension;
    return line.toUtf8();
}

AuditLog::AuditLog(const SandboxConfig &config, const AuditSeedInput &seedInput, NowMs clock)
    : m_config(config)
    , m_clock(std::move(clock))
{
    seed(seedInput);
    load();
    std::sort(m_events.begin(), m_events.end(), earlier);
}

AuditLog::~AuditLog() = default;

qint64 AuditLog::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QString AuditLog::prefixForType(const QString &type)
{
    static const QList<QPair<QString, QString>> prefixes = {
        {QStringLiteral("user_activity"), QStringLiteral("USR-")},
        {QStringLiteral("access_control"), QStringLiteral("AUTHZ-")},
        {QStringLiteral("int"), QStringLiteral("INT-")},
        {QStringLiteral("conn_mgmt"), QStringLiteral("CONN-")},
        {QStringLiteral("comment"), QStringLiteral("COMMENT-")},
        {QStringLiteral("byok"), QStringLiteral("BYOK-")},
        {QStringLiteral("plan_iq"), QStringLiteral("PLANIQ-")},
        {QStringLiteral("forecaster"), QStringLiteral("FCST-")}};
    for (const auto &[name, prefix] : prefixes)
        if (name == type)
            return prefix;
    return {}; // "all", absent, or unknown (audit-openapi.json: an unknown value is treated as all)
}

void AuditLog::seed(const AuditSeedInput &input)
{
    m_anchor = input.anchorMs;
    Random random(0xA0D1'7000ULL);
    QList<AuditEvent> events;
    QHash<qint64, int> perMs; // ids: eventDate * 1024 + sequence within the millisecond

    QStringList activeUsers;
    for (const auto &u : input.users)
        if (u.active)
            activeUsers.append(u.id);
    if (activeUsers.isEmpty())
        return;
    QStringList openModels;
    for (const ModelRecord &m : input.models)
        if (m.activeState != QLatin1String("ARCHIVED"))
            openModels.append(m.id);
    if (openModels.isEmpty())
        openModels.append(QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10"));

    const auto add = [&](qint64 when, const QString &type, const QString &user, const QString &objectId,
                         const QString &objectType, const QString &message, const QJsonObject &attributes,
                         bool success = true, const QString &errorNumber = QString()) {
        AuditEvent e;
        e.eventDate = when;
        e.id = when * 1024 + perMs[when]++;
        e.eventTypeId = type;
        e.userId = user;
        e.objectId = objectId;
        e.objectTypeId = objectType;
        e.message = message;
        e.success = success;
        e.errorNumber = errorNumber;
        e.ipAddress = ipFor(random);
        e.userAgent = QString::fromLatin1(kUserAgents[random.below(int(std::size(kUserAgents)))]);
        e.additionalAttributes = attributes;
        events.append(e);
    };
    const auto someone = [&] { return activeUsers.at(random.below(int(activeUsers.size()))); };
    const auto someModel = [&] { return openModels.at(random.below(int(openModels.size()))); };
    const qint64 windowStart = m_anchor - kRetentionMs;

    // The last login of every user who logged in within the window (so /2/0/users' lastLoginDate and the
    // audit trail agree).
    for (const auto &u : input.users)
        if (u.lastLoginMs > windowStart && u.lastLoginMs <= m_anchor)
            add(u.lastLoginMs, QStringLiteral("USR-8"), u.id, u.id, QStringLiteral("USER"),
                QStringLiteral("User login success"), {});

    for (int day = 0; day < 30; ++day) {
        const qint64 dayStart = windowStart + day * kDay;
        const auto at = [&] {
            const qint64 t = dayStart + random.belowMs(kDay);
            return std::min(t, m_anchor - 1);
        };
        const bool weekend = (day % 7) >= 5;
        const int scale = weekend ? 1 : 4;
        for (int i = 0; i < 15 * scale; ++i) {
            const QString u = someone();
            add(at(), QStringLiteral("USR-8"), u, u, QStringLiteral("USER"), QStringLiteral("User login success"),
                {{QStringLiteral("authenticationType"),
                  random.below(3) == 0 ? QStringLiteral("SAML") : QStringLiteral("BASIC")}});
        }
        for (int i = 0; i < 1 + scale / 2; ++i) {
            const QString u = someone();
            add(at(), QStringLiteral("USR-9"), u, u, QStringLiteral("USER"), QStringLiteral("User login failure"),
                {{QStringLiteral("reason"), QStringLiteral("Invalid credentials")}}, false, QStringLiteral("401"));
        }
        for (int i = 0; i < 8 * scale; ++i) {
            const QString m = someModel();
            add(at(), QStringLiteral("USR-20"), someone(), m, QStringLiteral("MODEL"), QStringLiteral("Model opened"),
                {{QStringLiteral("modelId"), m}});
        }
        const char *const runs[][3] = {{"INT-1", "Import run", "112000000001"},
                                       {"INT-1", "Import run", "112000000000"},
                                       {"INT-2", "Export run", "116000000000"},
                                       {"INT-3", "Process run", "118000000000"},
                                       {"INT-1", "Import run", "112000000006"}};
        for (int i = 0; i < 6 * scale; ++i) {
            const auto &r = runs[random.below(int(std::size(runs)))];
            const bool failed = QLatin1String(r[2]) == QLatin1String("112000000006");
            add(at(), QString::fromLatin1(r[0]), someone(), QString::fromLatin1(r[2]), QStringLiteral("ACTION"),
                QString::fromLatin1(r[1]) + (failed ? QStringLiteral(" completed with errors") : QString()),
                {{QStringLiteral("modelId"), someModel()}, {QStringLiteral("actionId"), QString::fromLatin1(r[2])}},
                !failed, failed ? QStringLiteral("IMPORT_ROWS_FAILED") : QString());
        }
        if (random.below(2) == 0) {
            const QString target = someone();
            add(at(), QStringLiteral("AUTHZ-1"), someone(), target, QStringLiteral("USER"),
                QStringLiteral("Workspace access changed"),
                {{QStringLiteral("workspaceId"),
                  input.workspaces.isEmpty() ? QString() : input.workspaces.at(random.below(int(input.workspaces.size()))).id}});
        }
        if (random.below(3) == 0)
            add(at(), QStringLiteral("AUTHZ-2"), someone(), someModel(), QStringLiteral("MODEL"),
                QStringLiteral("Model role changed"), {{QStringLiteral("role"), QStringLiteral("Planner")}});
        for (int i = 0; i < scale; ++i)
            add(at(), QStringLiteral("COMMENT-1"), someone(), someModel(), QStringLiteral("MODEL"),
                QStringLiteral("Comment added"), {});
        if (day % 5 == 1)
            add(at(), QStringLiteral("CONN-2"), someone(), QStringLiteral("con_P7JGok4rAnkvJArx"),
                QStringLiteral("CONNECTION"), QStringLiteral("SAML connection updated"), {});
        if (day % 7 == 3)
            add(at(), QStringLiteral("BYOK-1"), QStringLiteral("INTERNAL_1001"), someModel(), QStringLiteral("MODEL"),
                QStringLiteral("Encryption key rotated"), {});
        if (day % 3 == 0)
            add(at(), QStringLiteral("PLANIQ-1"), someone(), someModel(), QStringLiteral("MODEL"),
                QStringLiteral("PlanIQ forecast run"), {{QStringLiteral("algorithm"), QStringLiteral("DeepAR")}});
        if (day % 4 == 2)
            add(at(), QStringLiteral("FCST-1"), someone(), someModel(), QStringLiteral("MODEL"),
                QStringLiteral("Forecaster model trained"), {});
    }
    m_events = events;
    m_nextId = 0;
}

bool AuditLog::load()
{
    if (m_config.dataDir.isEmpty())
        return false;
    QFile file(QDir(m_config.dataDir).filePath(QStringLiteral("audit.json")));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    if (root.value(QStringLiteral("format")).toInt() != 1)
        return false;
    for (const QJsonValue &v : root.value(QStringLiteral("recorded")).toArray()) {
        const AuditEvent e = fromJson(v.toObject());
        m_recorded.append(e);
        m_events.append(e);
    }
    return true;
}

void AuditLog::saveLocked()
{
    if (m_config.dataDir.isEmpty())
        return;
    const QString tenant = AuthService::customerGuid();
    QJsonArray recorded;
    for (const AuditEvent &e : std::as_const(m_recorded))
        recorded.append(e.toJson(tenant));
    QDir().mkpath(m_config.dataDir);
    QSaveFile file(QDir(m_config.dataDir).filePath(QStringLiteral("audit.json")));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("format"), 1}, {QStringLiteral("recorded"), recorded}})
                       .toJson(QJsonDocument::Compact)) < 0 ||
        !file.commit())
        qWarning("sandbox: cannot save the audit events to %s: %s", qPrintable(file.fileName()),
                 qPrintable(file.errorString()));
}

void AuditLog::record(const QString &eventTypeId, const QString &userId, const QString &objectId,
                      const QString &objectTypeId, const QString &message, const QJsonObject &attributes, bool success)
{
    QMutexLocker lock(&m_mutex);
    AuditEvent e;
    e.eventDate = now();
    // Keep ids unique and increasing even when several events share a millisecond.
    const qint64 base = e.eventDate * 1024;
    e.id = std::max(base, m_nextId);
    for (const AuditEvent &existing : std::as_const(m_events))
        if (existing.eventDate == e.eventDate)
            e.id = std::max(e.id, existing.id + 1);
    m_nextId = e.id + 1;
    e.eventTypeId = eventTypeId;
    e.userId = userId;
    e.objectId = objectId;
    e.objectTypeId = objectTypeId;
    e.message = message;
    e.success = success;
    e.errorNumber = success ? QString() : QStringLiteral("FAILED");
    e.ipAddress = QStringLiteral("127.0.0.1");
    e.userAgent = QStringLiteral("anadesk-sandbox client");
    e.additionalAttributes = attributes;
    m_events.insert(std::upper_bound(m_events.begin(), m_events.end(), e, earlier), e);
    // Keep only what the retention window still needs.
    const qint64 oldest = e.eventDate - kRetentionMs;
    m_recorded.erase(std::remove_if(m_recorded.begin(), m_recorded.end(),
                                    [oldest](const AuditEvent &r) { return r.eventDate < oldest; }),
                     m_recorded.end());
    m_recorded.append(e);
    saveLocked();
}

AuditLog::Result AuditLog::query(const QString &type, qint64 fromMs, qint64 toMs, qint64 limit, qint64 offset) const
{
    QMutexLocker lock(&m_mutex);
    const QString prefix = prefixForType(type);
    const qint64 retained = now() - kRetentionMs;
    const qint64 from = std::max(fromMs, retained);
    AuditEvent probe;
    probe.eventDate = from;
    probe.id = std::numeric_limits<qint64>::min();
    Result result;
    for (auto it = std::lower_bound(m_events.cbegin(), m_events.cend(), probe, earlier);
         it != m_events.cend() && it->eventDate <= toMs; ++it) {
        if (!prefix.isEmpty() && !it->eventTypeId.startsWith(prefix))
            continue;
        if (result.totalSize >= offset && (limit < 0 || result.events.size() < limit))
            result.events.append(*it);
        ++result.totalSize;
    }
    return result;
}

int AuditLog::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_events.size());
}

} // namespace sandbox::audit
