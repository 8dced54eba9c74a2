#include "ReplayCache.h"

#include <QMutexLocker>

namespace sandbox {

bool ReplayCache::insertIfNew(const QByteArray &digest, qint64 nowSeconds, qint64 forgetAtSeconds)
{
    QMutexLocker lock(&m_mutex);
    if (nowSeconds - m_lastPurge >= 10) {
        m_lastPurge = nowSeconds;
        m_seen.removeIf(
            [nowSeconds](QHash<QByteArray, qint64>::iterator it) { return it.value() < nowSeconds; });
    }
    if (m_seen.contains(digest))
        return false;
    m_seen.insert(digest, forgetAtSeconds);
    return true;
}

} // namespace sandbox
