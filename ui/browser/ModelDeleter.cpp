#include "ModelDeleter.h"

#include "InlineBanner.h"
#include "common/MessageBoxes.h"

#include <QMap>

namespace anadesk {

ModelDeleter::ModelDeleter(MessageBoxes *messages, QObject *parent)
    : QObject(parent)
    , m_messages(messages)
{}

ModelDeleter::~ModelDeleter()
{
    for (const QPointer<DeleteModelsJob> &job : std::as_const(m_jobs)) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->abort();
        }
    }
}

bool ModelDeleter::confirmAndDelete(QWidget *dialogParent, const BulkClient &client,
                                    const QList<Model> &models)
{
    if (models.isEmpty() || !client.isValid() || isRunning() || !m_messages)
        return false;
    QStringList lines;
    QStringList ids;
    for (const Model &model : models) {
        lines.append(
            tr("• %1 (workspace %2)")
                .arg(model.name, model.workspaceName.isEmpty() ? model.workspaceId : model.workspaceName));
        ids.append(tr("%1: %2").arg(model.name, model.id));
    }
    MessageRequest request;
    request.kind = MessageRequest::Kind::Question;
    request.objectName = confirmationObjectName();
    request.title = tr("Delete models");
    request.text = tr("Delete %n model(s)? This cannot be undone.", nullptr, int(models.size())) +
                   QLatin1Char('\n') + lines.join(QLatin1Char('\n'));
    request.informativeText = tr("Only closed models can be deleted; open models are refused and reported.");
    request.detailedText = ids.join(QLatin1Char('\n'));
    request.buttons = QMessageBox::Yes | QMessageBox::Cancel;
    request.defaultButton = QMessageBox::Cancel;
    if (m_messages->ask(dialogParent, request) != QMessageBox::Yes)
        return false;

    m_models = models;
    m_outcome = {};
    m_jobs.clear();
    QMap<QString, QList<Model>> byWorkspace;
    for (const Model &model : models)
        byWorkspace[model.workspaceId].append(model);
    m_pending = int(byWorkspace.size());
    for (auto it = byWorkspace.cbegin(); it != byWorkspace.cend(); ++it) {
        QStringList modelIds;
        for (const Model &model : it.value())
            modelIds.append(model.id);
        DeleteModelsJob *job = client.withModel(QString(), it.key()).deleteModels(modelIds);
        m_jobs.append(job);
        const QList<Model> group = it.value();
        connect(job, &Job::finished, this, [this, job, group] { onWorkspaceDone(job, group); });
    }
    return true;
}

QString ModelDeleter::nameOf(const QString &modelId) const
{
    for (const Model &model : m_models) {
        if (model.id.compare(modelId, Qt::CaseInsensitive) == 0)
            return model.name;
    }
    return modelId;
}

void ModelDeleter::onWorkspaceDone(DeleteModelsJob *job, const QList<Model> &models)
{
    if (job->isSucceeded()) {
        const QList<ModelDeletionFailure> &failures = job->result().failures;
        for (const Model &model : models) {
            bool failed = false;
            for (const ModelDeletionFailure &failure : failures) {
                if (failure.modelId.compare(model.id, Qt::CaseInsensitive) == 0) {
                    failed = true;
                    m_outcome.failures.append(
                        tr("'%1' (%2) was not deleted: %3").arg(model.name, model.id, failure.message));
                }
            }
            if (!failed) {
                m_outcome.deletedIds.append(model.id);
                m_outcome.deletedNames.append(model.name);
            }
        }
        // A failure about a model we did not ask for is still worth showing.
        for (const ModelDeletionFailure &failure : failures) {
            if (nameOf(failure.modelId) == failure.modelId)
                m_outcome.failures.append(tr("%1 was not deleted: %2").arg(failure.modelId, failure.message));
        }
    } else {
        for (const Model &model : models) {
            m_outcome.failures.append(
                InlineBanner::describe(tr("Deleting '%1' (%2)").arg(model.name, model.id), job->error()));
        }
    }
    if (--m_pending == 0) {
        m_jobs.clear();
        Q_EMIT finished(m_outcome);
    }
}

} // namespace anadesk
