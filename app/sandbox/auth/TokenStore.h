#pragma once
// The sandbox's AnaplanAuthToken registry: issue, check, refresh (rotating: a new value, the old one
// stops working), revoke. Thread-safe; the clock is injectable so expiry can be tested without waiting.
#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <functional>
#include <optional>

namespace sandbox {

using EpochMsClock = std::function<qint64()>;

struct TokenRecord
{
    QByteArray value;       // the secret sent as "AnaplanAuthToken <value>"; never logged
    QString tokenId;        // uuid, safe to show
    QString refreshTokenId; // uuid
    QString user;           // email of the authenticated user
    qint64 expiresAtMs = 0; // epoch ms
};

class TokenStore
{
public:
    enum class Check
    {
        Valid,
        Unknown,
        Expired
    };

    explicit TokenStore(int lifetimeSeconds, EpochMsClock clock = {});

    TokenRecord issue(const QString &user);
    Check check(const QByteArray &value, TokenRecord *record = nullptr) const;
    // A valid token is replaced by a new one for the same user; the old value stops working at once.
    std::optional<TokenRecord> refresh(const QByteArray &value, Check *why);
    bool revoke(const QByteArray &value);
    qint64 nowMs() const { return m_clock(); }

private:
    void purgeLocked(qint64 now);

    int m_lifetimeSeconds;
    EpochMsClock m_clock;
    mutable QMutex m_mutex;
    QHash<QByteArray, TokenRecord> m_tokens; // expired ones kept an hour, to say "expired" not "unknown"
    qint64 m_lastPurgeMs = 0;
};

} // namespace sandbox
