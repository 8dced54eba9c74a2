#pragma once
// The objects of a model (all GET BASE/<collection>, paged, sortable by id or name):
// files, imports, exports, processes and "other actions".
#include "BulkPaths.h"
#include "ListQuery.h"
#include "PagedListJob.h"
#include "types/Action.h"
#include "types/Export.h"
#include "types/File.h"
#include "types/Import.h"
#include "types/Process.h"

namespace anadesk {

// The shared part: BASE/<collection>?[sort=±id|±name].
class ModelObjectListJob : public PagedListJob
{
    Q_OBJECT
public:
    ModelObjectListJob(Transport *transport, const ModelRef &model, const QString &collection,
                       const ListQuery &query, QObject *parent);
};

class ListFilesJob : public ModelObjectListJob
{
    Q_OBJECT
public:
    ListFilesJob(Transport *transport, const ModelRef &model, const ListQuery &query = {}, QObject *parent = nullptr);
    QList<File> files() const;
};

class ListImportsJob : public ModelObjectListJob
{
    Q_OBJECT
public:
    ListImportsJob(Transport *transport, const ModelRef &model, const ListQuery &query = {},
                   QObject *parent = nullptr);
    QList<Import> imports() const;
};

class ListExportsJob : public ModelObjectListJob
{
    Q_OBJECT
public:
    ListExportsJob(Transport *transport, const ModelRef &model, const ListQuery &query = {},
                   QObject *parent = nullptr);
    QList<Export> exports() const;
};

class ListProcessesJob : public ModelObjectListJob
{
    Q_OBJECT
public:
    ListProcessesJob(Transport *transport, const ModelRef &model, const ListQuery &query = {},
                     QObject *parent = nullptr);
    QList<Process> processes() const;
};

// Only the "Other actions" of Anaplan (imports, exports and processes have their own listings).
class ListActionsJob : public ModelObjectListJob
{
    Q_OBJECT
public:
    ListActionsJob(Transport *transport, const ModelRef &model, const ListQuery &query = {},
                   QObject *parent = nullptr);
    QList<Action> actions() const;
};

} // namespace anadesk
