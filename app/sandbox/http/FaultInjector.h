#pragma once
// The sandbox's list of fault rules with their remaining counts. Connection threads ask it, once per
// request, whether a fault fires; the admin API and the command line add and list rules.
#include "FaultRule.h"

#include <QJsonArray>
#include <QList>
#include <QMutex>
#include <optional>

namespace sandbox {

class FaultInjector
{
public:
    // Adds a rule, gives it the next id and returns that id.
    int add(FaultRule rule);
    bool remove(int id);
    void clear();

    // The first rule (in the order added) that matches and has firings left: consumed once and returned.
    std::optional<FaultRule> take(const QByteArray &method, const QStringList &segments);

    // Every rule with "remaining" (a number, or "unlimited") and "fired" (how often it fired).
    QJsonArray toJson() const;

private:
    struct Entry
    {
        FaultRule rule;
        int remaining = 0; // -1: unlimited
        int fired = 0;
    };
    mutable QMutex m_mutex;
    QList<Entry> m_entries;
    int m_nextId = 1;
};

} // namespace sandbox
