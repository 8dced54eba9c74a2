#include "TaskRunner.h"

#include "ExportEngine.h"
#include "ImportEngine.h"

#include <QJsonArray>

#include <algorithm>

namespace sandbox {

namespace {

QJsonObject detail(const QString &text, const QString &type, int occurrences = 0, const QStringList &values = {})
{
    return {{QStringLiteral("localMessageText"), text},
            {QStringLiteral("occurrences"), occurrences},
            {QStringLiteral("type"), type},
            {QStringLiteral("values"), QJsonArray::fromStringList(values)}};
}

QJsonObject result(const QString &objectId, bool successful, bool dump, const QJsonArray &details)
{
    return {{QStringLiteral("objectId"), objectId},
            {QStringLiteral("successful"), successful},
            {QStringLiteral("failureDumpAvailable"), dump},
            {QStringLiteral("details"), details}};
}

template <typename T>
const T *findById(const QList<T> &list, const QString &id)
{
    for (const T &item : list)
        if (item.id == id)
            return &item;
    return nullptr;
}

class Runner
{
public:
    explicit Runner(const RunSnapshot &s) : m_s(s) { m_out.data = s.data; }

    RunOutput run()
    {
        if (m_s.kind == QLatin1String("processes"))
            m_out.result = runProcess(m_s.objectId);
        else
            m_out.result = runStep(m_s.objectId);
        return m_out;
    }

private:
    QJsonObject runStep(const QString &id)
    {
        if (const ImportRecord *i = findById(m_s.imports, id))
            return runImportStep(*i);
        if (const ExportRecord *e = findById(m_s.exports, id))
            return runExportStep(*e);
        if (const ActionRecord *a = findById(m_s.actions, id))
            return runActionStep(*a);
        return result(id, false, false,
                      {detail(QStringLiteral("The action %1 no longer exists in the model.").arg(id),
                              QStringLiteral("actionMissing"))});
    }

    QJsonObject runImportStep(const ImportRecord &import)
    {
        const FileRecord *file = findById(m_s.files, import.dataSourceId);
        if (!file)
            return result(import.id, false, false,
                          {detail(QStringLiteral("The data source file %1 of import %2 does not exist.")
                                      .arg(import.dataSourceId, import.name),
                                  QStringLiteral("importFailed"))});
        if (m_s.fileProblems.contains(file->id))
            return result(import.id, false, false,
                          {detail(m_s.fileProblems.value(file->id), QStringLiteral("importFailed"))});
        ImportOutcome outcome = runImport(import, *file, m_s.chunkPaths.value(file->id), m_out.data);
        const bool dump = !outcome.dump.isEmpty();
        if (dump)
            m_out.dumps.insert(import.id, outcome.dump);
        else if (outcome.successful)
            m_out.successfulImports.append(import.id);
        return result(import.id, outcome.successful, dump, outcome.details);
    }

    QJsonObject runExportStep(const ExportRecord &e)
    {
        const ExportOutput output = runExport(e, m_out.data);
        if (!output.error.isEmpty())
            return result(e.id, false, false, {detail(output.error, QStringLiteral("exportFailed"))});
        m_out.exportFiles.insert(e.id, output.bytes);
        return result(e.id, true, false,
                      {detail(QStringLiteral("%1: %2 rows exported").arg(e.name).arg(output.rowCount),
                              QStringLiteral("exportRowsProcessed"), 0,
                              {QStringLiteral("rowCount"), QString::number(output.rowCount)})});
    }

    QJsonObject runActionStep(const ActionRecord &a)
    {
        ListData *list = m_out.data.list(a.target);
        if (a.actionType == QLatin1String("DELETE_BY_SELECTION")) {
            if (!list)
                return missingTarget(a);
            // Selection: items of the list that hold no data in any module.
            QStringList unused;
            for (const ListItem &item : list->items) {
                bool used = false;
                for (const ModuleData &m : m_out.data.modules) {
                    if (m.rowListId != a.target && m.columnListId != a.target)
                        continue;
                    for (auto it = m.cells.cbegin(); it != m.cells.cend() && !used; ++it) {
                        const QStringList parts = it.key().split(QChar(0x1f));
                        used = (m.rowListId == a.target && parts.value(0) == item.name)
                               || (m.columnListId == a.target && parts.value(1) == item.name);
                    }
                }
                if (!used)
                    unused.append(item.name);
            }
            for (const QString &name : unused)
                m_out.data.removeListItem(a.target, name);
            return result(a.id, true, false,
                          {detail(QStringLiteral("%1: %2 items deleted").arg(list->name).arg(unused.size()),
                                  QStringLiteral("deleteItemsProcessed"), 0,
                                  {QStringLiteral("listName"), list->name, QStringLiteral("deletedCount"),
                                   QString::number(unused.size())})});
        }
        if (a.actionType == QLatin1String("ORDER_HIERARCHY")) {
            if (!list)
                return missingTarget(a);
            std::stable_sort(list->items.begin(), list->items.end(), [](const ListItem &x, const ListItem &y) {
                return x.name.compare(y.name, Qt::CaseInsensitive) < 0;
            });
            return result(a.id, true, false,
                          {detail(QStringLiteral("%1: %2 items sorted by name").arg(list->name).arg(list->items.size()),
                                  QStringLiteral("orderHierarchyProcessed"))});
        }
        if (a.actionType == QLatin1String("OPTIMIZER"))
            return runOptimizer(a);
        return result(a.id, false, false,
                      {detail(QStringLiteral("The sandbox cannot run actions of type %1.").arg(a.actionType),
                              QStringLiteral("actionFailed"))});
    }

    QJsonObject missingTarget(const ActionRecord &a)
    {
        return result(a.id, false, false,
                      {detail(QStringLiteral("The list %1 that action %2 works on does not exist.").arg(a.target, a.name),
                              QStringLiteral("actionFailed"))});
    }

    // A deterministic "solver" over the module's data, logged in the style of a Gurobi solution log.
    QJsonObject runOptimizer(const ActionRecord &a)
    {
        const ModuleData *module = m_out.data.module(a.target);
        if (!module)
            return result(a.id, false, false,
                          {detail(QStringLiteral("The module %1 that optimizer %2 reads does not exist.")
                                      .arg(a.target, a.name),
                                  QStringLiteral("actionFailed"))});
        int variables = 0;
        double objective = 0;
        for (auto it = module->cells.cbegin(); it != module->cells.cend(); ++it) {
            bool ok = false;
            const double v = it.value().toDouble(&ok);
            if (ok) {
                ++variables;
                objective += v;
            }
        }
        const int rows = int(m_out.data.list(module->rowListId) ? m_out.data.list(module->rowListId)->items.size() : 0);
        QString log;
        log += QStringLiteral("Non-default parameters:\nTimeLimit  299\nMemLimit  105\nLogToConsole  0\nThreads  4\n\n");
        log += QStringLiteral("Optimize a model with %1 rows, %2 columns and %3 nonzeros (Max)\n")
                   .arg(rows)
                   .arg(variables)
                   .arg(variables * 2);
        log += QStringLiteral("Model fingerprint: 0x%1\n").arg(qHash(m_s.taskId) & 0xffffffffu, 8, 16, QLatin1Char('0'));
        log += QStringLiteral("Variable types: 0 continuous, %1 integer (0 binary)\n").arg(variables);
        log += QStringLiteral("Presolve time: 0.00s\nFound heuristic solution: objective %1\n\n")
                   .arg(objective, 0, 'f', 6);
        log += QStringLiteral("Explored 1 nodes (%1 simplex iterations) in 0.01 seconds (0.00 work units)\n\n")
                   .arg(variables + rows);
        log += QStringLiteral("Optimal solution found (tolerance 1.00e-04)\n");
        log += QStringLiteral("Best objective %1, best bound %1, gap 0.0000%\n").arg(objective, 0, 'e', 12);
        m_out.logs.insert(a.id, log.toUtf8());
        return result(a.id, true, false,
                      {detail(QStringLiteral("%1: optimal solution found, objective %2").arg(a.name).arg(objective),
                              QStringLiteral("optimizerCompleted"))});
    }

    QJsonObject runProcess(const QString &processId)
    {
        const ProcessRecord *process = findById(m_s.processes, processId);
        if (!process)
            return result(processId, false, false,
                          {detail(QStringLiteral("The process %1 no longer exists.").arg(processId),
                                  QStringLiteral("actionMissing"))});
        // Anaplan processes are not atomic: every step runs, failures are reported per step.
        QJsonArray nested;
        bool successful = true;
        bool dump = false;
        for (const QString &step : process->steps) {
            const QJsonObject r = runStep(step);
            successful = successful && r.value(QStringLiteral("successful")).toBool();
            dump = dump || r.value(QStringLiteral("failureDumpAvailable")).toBool();
            nested.append(r);
        }
        QJsonObject r = result(processId, successful, dump,
                               {detail(QStringLiteral("%1: %2 of %3 actions successful")
                                           .arg(process->name)
                                           .arg(std::count_if(nested.begin(), nested.end(),
                                                              [](const QJsonValue &v) {
                                                                  return v.toObject()
                                                                      .value(QStringLiteral("successful"))
                                                                      .toBool();
                                                              }))
                                           .arg(nested.size()),
                                       QStringLiteral("processCompleted"))});
        r.insert(QStringLiteral("nestedResults"), nested);
        return r;
    }

    const RunSnapshot &m_s;
    RunOutput m_out;
};

} // namespace

RunOutput runTask(const RunSnapshot &snapshot)
{
    return Runner(snapshot).run();
}

} // namespace sandbox
