#include "FaultInjector.h"

#include <QMutexLocker>

namespace sandbox {

int FaultInjector::add(FaultRule rule)
{
    QMutexLocker lock(&m_mutex);
    rule.id = m_nextId++;
    Entry entry;
    entry.remaining = rule.times;
    entry.rule = std::move(rule);
    m_entries.append(std::move(entry));
    return m_entries.constLast().rule.id;
}

bool FaultInjector::remove(int id)
{
    QMutexLocker lock(&m_mutex);
    return m_entries.removeIf([id](const Entry &entry) { return entry.rule.id == id; }) > 0;
}

void FaultInjector::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

std::optional<FaultRule> FaultInjector::take(const QByteArray &method, const QStringList &segments)
{
    QMutexLocker lock(&m_mutex);
    for (Entry &entry : m_entries) {
        if (entry.remaining == 0 || !entry.rule.matches(method, segments))
            continue;
        if (entry.remaining > 0)
            --entry.remaining;
        ++entry.fired;
        return entry.rule;
    }
    return std::nullopt;
}

QJsonArray FaultInjector::toJson() const
{
    QMutexLocker lock(&m_mutex);
    QJsonArray rules;
    for (const Entry &entry : m_entries) {
        QJsonObject object = entry.rule.toJson();
        if (entry.remaining < 0)
            object.insert(QStringLiteral("remaining"), QStringLiteral("unlimited"));
        else
            object.insert(QStringLiteral("remaining"), entry.remaining);
        object.insert(QStringLiteral("fired"), entry.fired);
        rules.append(object);
    }
    return rules;
}

} // namespace sandbox
