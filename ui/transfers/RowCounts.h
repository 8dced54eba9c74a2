#pragma once
// How many rows an import took, failed and ignored, read from a task result's details. Anaplan reports
// them twice: as name/value pairs in `values` ("successRowCount", "failedCount", "ignoredCount",
// "totalRowCount"…) and in the summary sentence ("Sales: 18 (0/18) rows successful, 2 ignored"). The pairs
// win; the sentence is the fallback; failures not reported are total − succeeded − ignored when known.
#include "types/Task.h"

#include <QCoreApplication>
#include <optional>

namespace anadesk {

struct RowCounts
{
    std::optional<int> succeeded;
    std::optional<int> failed;
    std::optional<int> ignored;
    std::optional<int> total;

    bool isKnown() const { return succeeded.has_value() || failed.has_value() || ignored.has_value(); }
    // Sums over every import detail of `result` (not its nested results).
    static RowCounts fromResult(const TaskResult &result);
    // "18 succeeded, 4 failed, 1 ignored" (translated); "" when nothing is known.
    QString describe() const;

    Q_DECLARE_TR_FUNCTIONS(anadesk::RowCounts)
};

} // namespace anadesk
