#include "TokenStore.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QUuid>

namespace sandbox {

namespace {
constexpr qint64 kKeepExpiredMs = 60 * 60 * 1000;

QByteArray newTokenValue()
{
    quint32 words[8];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof words)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

TokenStore::TokenStore(int lifetimeSeconds, EpochMsClock clock)
    : m_lifetimeSeconds(lifetimeSeconds)
    , m_clock(clock ? std::move(clock) : EpochMsClock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

TokenRecord TokenStore::issue(const QString &user)
{
    const qint64 now = m_clock();
    TokenRecord record;
    record.value = newTokenValue();
    record.tokenId = newUuid();
    record.refreshTokenId = newUuid();
    record.user = user;
    record.expiresAtMs = now + qint64(m_lifetimeSeconds) * 1000;
    QMutexLocker lock(&m_mutex);
    purgeLocked(now);
    m_tokens.insert(record.value, record);
    return record;
}

TokenStore::Check TokenStore::check(const QByteArray &value, TokenRecord *record) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_tokens.constFind(value);
    if (it == m_tokens.cend())
        return Check::Unknown;
    if (record)
        *record = it.value();
    return m_clock() >= it->expiresAtMs ? Check::Expired : Check::Valid;
}

std::optional<TokenRecord> TokenStore::refresh(const QByteArray &value, Check *why)
{
    TokenRecord old;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_tokens.find(value);
        if (it == m_tokens.end()) {
            *why = Check::Unknown;
            return std::nullopt;
        }
        if (m_clock() >= it->expiresAtMs) {
            *why = Check::Expired;
            return std::nullopt;
        }
        old = it.value();
        m_tokens.erase(it);
    }
    *why = Check::Valid;
    TokenRecord fresh = issue(old.user);
    return fresh;
}

bool TokenStore::revoke(const QByteArray &value)
{
    QMutexLocker lock(&m_mutex);
    return m_tokens.remove(value) > 0;
}

void TokenStore::purgeLocked(qint64 now)
{
    if (now - m_lastPurgeMs < 60'000)
        return;
    m_lastPurgeMs = now;
    m_tokens.removeIf([now](QHash<QByteArray, TokenRecord>::iterator it) {
        return now >= it.value().expiresAtMs + kKeepExpiredMs;
    });
}

} // namespace sandbox
