#include "RowCounts.h"

#include <QRegularExpression>

namespace anadesk {

namespace {

// The value of the first of `keys` present in a detail's name/value pairs.
std::optional<int> pairValue(const TaskResultDetail &detail, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        for (qsizetype i = 0; i + 1 < detail.values.size(); i += 2) {
            if (detail.values.at(i) == QLatin1String(key)) {
                bool ok = false;
                const int value = detail.values.at(i + 1).toInt(&ok);
                if (ok)
                    return value;
            }
        }
    }
    return std::nullopt;
}

void add(std::optional<int> &sum, std::optional<int> value)
{
    if (value)
        sum = sum.value_or(0) + *value;
}

bool isRowSummary(const TaskResultDetail &detail)
{
    return detail.type.endsWith(QLatin1String("RowsProcessed"));
}

} // namespace

RowCounts RowCounts::fromResult(const TaskResult &result)
{
    static const QRegularExpression sentence(
        QStringLiteral("(\\d+) \\((\\d+)/(\\d+)\\) rows successful, (\\d+) ignored"));
    RowCounts counts;
    for (const TaskResultDetail &detail : result.details) {
        if (!isRowSummary(detail))
            continue;
        std::optional<int> succeeded = pairValue(detail, {"successRowCount"});
        std::optional<int> failed = pairValue(detail, {"failedCount", "failedRowCount", "invalidCount"});
        std::optional<int> ignored = pairValue(detail, {"ignoredCount", "ignoredRowCount"});
        const std::optional<int> total = pairValue(detail, {"totalRowCount"});
        const QRegularExpressionMatch match = sentence.match(detail.localMessageText);
        if (match.hasMatch()) {
            if (!succeeded)
                succeeded = match.captured(1).toInt();
            if (!ignored)
                ignored = match.captured(4).toInt();
        }
        if (!failed && total && succeeded)
            failed = std::max(0, *total - *succeeded - ignored.value_or(0));
        add(counts.succeeded, succeeded);
        add(counts.failed, failed);
        add(counts.ignored, ignored);
        add(counts.total, total);
    }
    // A failure detail without a row summary still tells how many failed.
    if (!counts.failed) {
        for (const TaskResultDetail &detail : result.details) {
            if (detail.type == QLatin1String("rowsFailed"))
                add(counts.failed, pairValue(detail, {"failedCount"}));
        }
    }
    return counts;
}

QString RowCounts::describe() const
{
    if (!isKnown())
        return {};
    return tr("%1 succeeded, %2 failed, %3 ignored")
        .arg(succeeded ? QString::number(*succeeded) : QStringLiteral("?"),
             failed ? QString::number(*failed) : QStringLiteral("?"),
             ignored ? QString::number(*ignored) : QStringLiteral("?"));
}

} // namespace anadesk
