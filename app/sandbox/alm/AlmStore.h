#pragma once
// ALM of the sandbox (anaplan-api.md §9, alm-openapi.json): revisions (with the model structure they
// capture), the models each revision was applied to, sync tasks that apply a source revision to a target
// model, and comparison/summary report tasks with their reports. Tasks progress with the clock over
// SandboxConfig::taskDurationMs like bulk tasks; a task's work is done exactly once, by the first request
// that finds it due. Seeded with a DEV → PROD pair: the demo model (…3A10) is one revision ahead of
// "Sales Planning (Production)" (…3A11). Saved to DIR/alm.json with --data.
//
// Lock order: the ALM lock, then the tenant's, then the transactional store's.
#include "SandboxConfig.h"
#include "tenant/TenantState.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

namespace sandbox {

class Transactional;

namespace alm {

struct Application
{
    QString modelId;
    QString workspaceId;
    QString appliedBy;
    QString appliedOn; // ISO date-time
    QString method;    // "Created" in the model that made the revision, "Sync" elsewhere
};

struct Revision
{
    QString id; // 32 upper-case hex
    QString name;
    QString description;
    QString createdOn;
    QString createdBy;
    QString creationMethod = QStringLiteral("Create");
    qint64 createdMs = 0;
    QJsonObject structure;
    QList<Application> appliedTo; // first: the model it was created in
};

struct Task
{
    QString taskId;
    QString kind;    // "sync", "comparison", "summary"
    QString modelId; // the path model (the sync target)
    QString sourceRevisionId, sourceModelId, targetRevisionId;
    QString user;
    qint64 creationTime = 0;
    bool done = false;
    bool successful = false;
    QJsonObject error; // {title, messageText} when not successful
};

struct Report
{
    QByteArray comparison; // TSV
    QJsonObject summary;   // summaryReport
    qint64 createdMs = 0;
};

class AlmStore
{
public:
    AlmStore(const SandboxConfig &config, Transactional &transactional);

    // Every method: 404 for an unknown model, 422 for an archived one, 400 for bad input.
    Failure revisions(const QString &model, QJsonArray *out);
    Failure latestRevision(const QString &model, QJsonArray *out);
    Failure syncableRevisions(const QString &model, const QString &sourceModel, QJsonArray *out);
    Failure createRevision(const QString &model, const QString &name, const QString &description,
                           const QString &user, QJsonObject *out);
    Failure appliedToModels(const QString &model, const QString &revisionId, QJsonArray *out);
    Failure startTask(const QString &kind, const QString &model, const QJsonObject &body, const QString &user,
                      const QString &baseUrl, QJsonObject *out);
    Failure task(const QString &kind, const QString &model, const QString &taskId, const QString &baseUrl,
                 QJsonObject *out);
    Failure syncTasks(const QString &model, const QString &baseUrl, QJsonArray *out);
    Failure report(const QString &kind, const QString &model, const QString &targetRevision,
                   const QString &sourceRevision, Report *out);

private:
    Failure checkModel(const QString &model, ModelRecord *record);        // lock held
    QJsonObject currentStructure(const QString &model, Failure *failure); // lock held
    void seedLocked();
    void settleLocked(const QString &model);
    void runLocked(Task &task);
    QJsonObject revisionJson(const Revision &r, const QString &model) const;
    QJsonObject taskJson(const Task &t, const QString &baseUrl) const;
    const Revision *latestOf(const QString &model) const;
    QList<const Revision *> revisionsOf(const QString &model) const;
    void saveLocked();
    bool loadLocked();

    SandboxConfig m_config;
    Transactional &m_tx;
    QMutex m_mutex;
    bool m_ready = false;
    QList<Revision> m_revisions;
    QList<Task> m_tasks;
    QHash<QString, Report> m_reports; // "model|target|source"
};

} // namespace alm
} // namespace sandbox
