#include "MonitoredTask.h"

namespace anadesk {

bool MonitoredTask::hasFailureDump() const
{
    if (!result)
        return false;
    if (result->failureDumpAvailable)
        return true;
    for (const TaskResult &nested : result->nestedResults) {
        if (nested.failureDumpAvailable)
            return true;
    }
    return false;
}

QString MonitoredTask::kindName(MonitoredKind kind)
{
    switch (kind) {
    case MonitoredKind::Run:
        return tr("Run");
    case MonitoredKind::Upload:
        return tr("Upload");
    case MonitoredKind::Download:
        return tr("Download");
    case MonitoredKind::ExportAndSave:
        return tr("Export and save");
    case MonitoredKind::AlmSync:
        return tr("Model sync");
    case MonitoredKind::AlmComparisonReport:
        return tr("Comparison report");
    case MonitoredKind::AlmComparisonSummary:
        return tr("Comparison summary");
    }
    return {};
}

QString MonitoredTask::stateName(MonitoredState state)
{
    switch (state) {
    case MonitoredState::Queued:
        return tr("Queued");
    case MonitoredState::Running:
        return tr("Running");
    case MonitoredState::Cancelling:
        return tr("Cancelling");
    case MonitoredState::Succeeded:
        return tr("Succeeded");
    case MonitoredState::Failed:
        return tr("Failed");
    case MonitoredState::Cancelled:
        return tr("Cancelled");
    case MonitoredState::NotFollowed:
        return tr("No longer followed");
    }
    return {};
}

} // namespace anadesk
