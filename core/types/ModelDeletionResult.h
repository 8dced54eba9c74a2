#pragma once
// The answer of POST /2/0/workspaces/{ws}/bulkDeleteModels: some deletions may fail while others succeed.
#include <QJsonObject>
#include <QList>
#include <QString>

namespace anadesk {

struct ModelDeletionFailure
{
    QString modelId;
    QString message;
};

struct ModelDeletionResult
{
    int modelsDeleted = 0;
    QList<ModelDeletionFailure> failures; // bulkDeleteModelsFailures; omitted by the server when empty

    static ModelDeletionResult fromJson(const QJsonObject &object);
};

} // namespace anadesk
