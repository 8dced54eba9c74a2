#pragma once
// Values of the ALM API (anaplan-api.md §9, alm-openapi.json): revisions, the models a revision was
// applied to, sync / comparison-report / summary-report tasks and the summary report. Tolerant like
// every core type: ids kept as sent, times kept as the strings sent (ISO date-times; epoch numbers
// rendered), unknown task states kept raw.
#include "types/Task.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace anadesk {

struct Revision
{
    QString id; // 32 hex, upper-case
    QString name;
    std::optional<QString> description;
    QString createdOn;
    QString createdBy;
    QString creationMethod;
    QString appliedOn;
    QString appliedBy;
    static Revision fromJson(const QJsonObject &object);
};

// One entry of …/alm/revisions/{id}/appliedToModels (the reference client's ModelRevision).
struct AppliedModel
{
    QString modelId;   // omitted by Anaplan for deleted models
    QString modelName; // "" when the caller is not in the model (or it was deleted)
    QString workspaceId;
    QString appliedBy;
    QString appliedOn;
    QString appliedMethod;
    bool modelDeleted = false;
    static AppliedModel fromJson(const QJsonObject &object);
};

enum class AlmTaskKind
{
    Sync,
    ComparisonReport,
    SummaryReport
};
QString almTaskKindNoun(AlmTaskKind kind); // "sync task", "comparison report task", "summary report task"

struct AlmTaskResult
{
    bool successful = false;
    QString sourceRevisionId;
    QString targetRevisionId;
    QString reportFileUrl; // successful report tasks
    QString errorTitle;    // unsuccessful tasks: result.error.title
    QString errorMessage;  // result.error.messageText
    static AlmTaskResult fromJson(const QJsonObject &object);
};

// A sync or report task (…/alm/syncTasks/{id}, …/comparisonReportTasks/{id}, …/summaryReportTasks/{id}).
// Anaplan knows NOT_STARTED, IN_PROGRESS and COMPLETE here; anything else is kept raw (Unknown).
struct AlmTask
{
    QString taskId;
    TaskState state = TaskState::Unknown;
    QString stateRaw;
    QString creationTime; // as sent (date-time string, or epoch ms rendered)
    QString currentStep;
    std::optional<double> progress;
    QString taskUrl;
    std::optional<AlmTaskResult> result; // once COMPLETE
    static AlmTask fromJson(const QJsonObject &object);
};

struct ChangeCounts
{
    qint64 created = 0;
    qint64 modified = 0;
    qint64 deleted = 0;
    static ChangeCounts fromJson(const QJsonObject &object);
};

// …/alm/summaryReports/{target}/{source} → summaryReport. Categories without changes are omitted by
// Anaplan; differences holds every category sent ("lineItems", "lists", "modules", "rolesContents"…).
struct SummaryReport
{
    QString targetRevisionId;
    QString sourceRevisionId;
    ChangeCounts totals;
    QMap<QString, ChangeCounts> differences;
    QJsonObject raw; // the whole summaryReport object (per-property details included)
    static SummaryReport fromJson(const QJsonObject &object);
};

} // namespace anadesk
