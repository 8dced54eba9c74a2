#pragma once
// Deleting models: a confirmation through MessageBoxes that names every model, then one bulkDeleteModels
// request per workspace (the endpoint is per workspace). Anaplan deletes what it can and lists the others in
// bulkDeleteModelsFailures; finished() reports both, by model name.
#include "BulkClient.h"
#include "Connection.h" // BulkClient keeps a QPointer<Connection>: copies need the full type
#include "types/Model.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;

namespace anadesk {

class MessageBoxes;

struct ModelDeletionOutcome
{
    QStringList deletedIds;
    QStringList deletedNames;
    QStringList failures; // one sentence per model that was not deleted ("'Demo' (75A4…): model is open")
    bool hasFailures() const { return !failures.isEmpty(); }
};

class ModelDeleter : public QObject
{
    Q_OBJECT
public:
    ModelDeleter(MessageBoxes *messages, QObject *parent = nullptr);
    ~ModelDeleter() override;

    // Asks, then deletes. false when the user declined (nothing is sent) or nothing was given.
    bool confirmAndDelete(QWidget *dialogParent, const BulkClient &client, const QList<Model> &models);
    bool isRunning() const { return m_pending > 0; }

    static QString confirmationObjectName() { return QStringLiteral("deleteModelsConfirm"); }

Q_SIGNALS:
    void finished(const anadesk::ModelDeletionOutcome &outcome);

private:
    void onWorkspaceDone(DeleteModelsJob *job, const QList<Model> &models);
    QString nameOf(const QString &modelId) const;

    MessageBoxes *m_messages;
    QList<Model> m_models;
    QList<QPointer<DeleteModelsJob>> m_jobs;
    ModelDeletionOutcome m_outcome;
    int m_pending = 0;
};

} // namespace anadesk
