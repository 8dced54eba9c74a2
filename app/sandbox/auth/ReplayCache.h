#pragma once
// Remembers the digests of recently accepted v2 certificate payloads, so one signed payload cannot log in
// twice. Entries are kept only as long as a payload could still pass the freshness check.
#include <QByteArray>
#include <QHash>
#include <QMutex>

namespace sandbox {

class ReplayCache
{
public:
    // True if `digest` was not seen before (and is now remembered until `forgetAtSeconds`).
    bool insertIfNew(const QByteArray &digest, qint64 nowSeconds, qint64 forgetAtSeconds);

private:
    QMutex m_mutex;
    QHash<QByteArray, qint64> m_seen; // digest -> epoch second after which it may be forgotten
    qint64 m_lastPurge = 0;
};

} // namespace sandbox
