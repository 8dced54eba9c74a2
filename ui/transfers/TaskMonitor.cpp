#include "TaskMonitor.h"

#include "FailureDumpDialog.h"
#include "ProgressDelegate.h"
#include "TaskHistoryDialog.h"
#include "TaskMonitorModel.h"
#include "TaskTracker.h"
#include "browser/InlineBanner.h"
#include "common/FileDialogs.h"
#include "common/MessageBoxes.h"
#include "transfer/SafeFileName.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace anadesk {

namespace {

QToolButton *toolButtonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setFocusPolicy(Qt::StrongFocus);
    return button;
}

} // namespace

TaskMonitor::TaskMonitor(TaskTracker *tracker, FileDialogs *files, MessageBoxes *messages,
                         const TransferSettings &settings, QWidget *parent)
    : QDockWidget(tr("Tasks"), parent)
    , m_tracker(tracker)
    , m_files(files)
    , m_messages(messages)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("taskMonitorDock"));
    buildUi();
    connect(m_tracker, &TaskTracker::taskAdded, this, [this](int id) {
        const QModelIndex index = model()->indexOfTask(id);
        m_view->scrollTo(index);
        if (!m_view->currentIndex().isValid())
            m_view->setCurrentIndex(index);
        updateSummary();
        updateActions();
    });
    connect(m_tracker, &TaskTracker::taskFinished, this, &TaskMonitor::onTaskFinished);
    connect(model(), &QAbstractItemModel::dataChanged, this, &TaskMonitor::updateActions);
    updateSummary();
    updateActions();
}

TaskMonitor::~TaskMonitor() = default;

TaskMonitorModel *TaskMonitor::model() const
{
    return m_tracker->model();
}

void TaskMonitor::buildUi()
{
    auto *body = new QWidget(this);
    m_view = new QTreeView(body);
    m_view->setObjectName(QStringLiteral("taskMonitorView"));
    m_view->setModel(model());
    m_view->setItemDelegateForColumn(TaskMonitorModel::ProgressColumn,
                                     new ProgressDelegate(TaskMonitorModel::ProgressRole, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAccessibleName(tr("Tasks of this session"));
    m_view->header()->setStretchLastSection(true);
    m_view->setColumnWidth(TaskMonitorModel::NameColumn, 280);
    m_view->setColumnWidth(TaskMonitorModel::ProgressColumn, 110);
    m_view->setColumnWidth(TaskMonitorModel::StepColumn, 200);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto makeAction = [this](const char *name, const QString &text, const QKeySequence &shortcut,
                             const QString &tip, void (TaskMonitor::*slot)()) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(
            shortcut.isEmpty() ? tip : tr("%1 (%2)").arg(tip, shortcut.toString(QKeySequence::NativeText)));
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_view->addAction(action);
        return action;
    };
    m_cancel = makeAction("cancelTaskAction", tr("&Cancel"), QKeySequence(Qt::Key_Delete),
                          tr("Cancel the selected task (runs are cancelled on the server)"),
                          &TaskMonitor::cancelCurrent);
    m_cancelTip = m_cancel->toolTip();
    m_openDump = makeAction("openDumpAction", tr("Failure &dump"), QKeySequence(Qt::CTRL | Qt::Key_D),
                            tr("Show the rows that failed"), &TaskMonitor::openCurrentDump);
    m_history =
        makeAction("taskHistoryAction", tr("&History"), QKeySequence(Qt::CTRL | Qt::Key_H),
                   tr("Show every task Anaplan lists for this action"), &TaskMonitor::showCurrentHistory);
    m_saveOutput = makeAction("saveTaskFileAction", tr("&Save file…"), QKeySequence::Save,
                              tr("Save the file this export wrote"), &TaskMonitor::saveCurrentOutput);
    m_clear = makeAction("clearFinishedAction", tr("C&lear finished"), QKeySequence(),
                         tr("Remove finished tasks from the list"), &TaskMonitor::clearFinished);

    m_summary = new QLabel(body);
    m_summary->setObjectName(QStringLiteral("taskMonitorSummary"));
    auto *buttons = new QHBoxLayout;
    for (QAction *action : {m_cancel, m_openDump, m_history, m_saveOutput, m_clear})
        buttons->addWidget(toolButtonFor(action, body));
    buttons->addStretch(1);
    buttons->addWidget(m_summary);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
    setWidget(body);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TaskMonitor::updateActions);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(TaskMonitorModel::DumpAvailableRole).toBool())
            openCurrentDump();
    });
}

FailureDumpDialog *TaskMonitor::lastDumpDialog() const
{
    return m_lastDump.data();
}

int TaskMonitor::currentTaskId() const
{
    return model()->taskIdAt(m_view->currentIndex());
}

void TaskMonitor::selectTask(int id)
{
    const QModelIndex index = model()->indexOfTask(id);
    if (index.isValid()) {
        m_view->setCurrentIndex(index);
        m_view->scrollTo(index);
    }
}

void TaskMonitor::updateActions()
{
    const int id = currentTaskId();
    const MonitoredTask *task = model()->task(id);
    m_cancel->setEnabled(task && task->isCancellable());
    // A task the API cannot cancel (ALM): the action stays disabled and says why instead of pretending.
    const bool cannotCancel = task && !task->isFinished() && !task->noCancelReason.isEmpty();
    m_cancel->setToolTip(cannotCancel ? task->noCancelReason : m_cancelTip);
    m_cancel->setStatusTip(cannotCancel ? task->noCancelReason : QString());
    const QModelIndex current = m_view->currentIndex();
    m_openDump->setEnabled(
        task && (current.data(TaskMonitorModel::DumpAvailableRole).toBool() || task->hasFailureDump()));
    m_history->setEnabled(task && !isAlmKind(task->kind) &&
                          actionKindFromId(task->objectId) != ActionKind::Invalid);
    m_saveOutput->setEnabled(task && task->kind == MonitoredKind::Run &&
                             task->state == MonitoredState::Succeeded &&
                             actionKindFromId(task->objectId) == ActionKind::Export);
    updateSummary();
}

void TaskMonitor::updateSummary()
{
    int running = 0;
    int finished = 0;
    for (int id : model()->taskIds()) {
        if (model()->task(id)->isFinished())
            ++finished;
        else
            ++running;
    }
    m_summary->setText(tr("%1 running · %2 finished").arg(running).arg(finished));
    m_clear->setEnabled(finished > 0);
}

void TaskMonitor::onTaskFinished(int id)
{
    const MonitoredTask *task = model()->task(id);
    // Failed runs open up so their details and nested results are visible at once.
    if (task && task->state == MonitoredState::Failed && task->result)
        m_view->expand(model()->indexOfTask(id));
    updateSummary();
    updateActions();
}

void TaskMonitor::cancelCurrent()
{
    if (const int id = currentTaskId())
        m_tracker->cancel(id);
}

void TaskMonitor::openCurrentDump()
{
    const int id = currentTaskId();
    if (!id)
        return;
    const QModelIndex current = m_view->currentIndex();
    const bool nested =
        current.data(TaskMonitorModel::NodeTypeRole).toInt() == int(TaskMonitorModel::NodeType::Nested);
    openFailureDump(id, nested ? current.data(TaskMonitorModel::ObjectIdRole).toString() : QString());
}

bool TaskMonitor::openFailureDump(int id, const QString &requestedObjectId)
{
    const MonitoredTask *task = model()->task(id);
    if (!task || !task->result)
        return false;
    const TaskResult &result = *task->result;
    const bool isProcess = actionKindFromId(task->objectId) == ActionKind::Process;
    // Which object's dump: the import itself, or a nested action of a process.
    QString objectId = requestedObjectId;
    if (objectId.isEmpty()) {
        if (!isProcess && result.failureDumpAvailable)
            objectId = task->objectId;
        for (const TaskResult &nestedResult : result.nestedResults) {
            if (objectId.isEmpty() && nestedResult.failureDumpAvailable)
                objectId = nestedResult.objectId;
        }
    }
    if (objectId.isEmpty())
        return false;
    for (const TaskDump &dump : task->dumps) {
        if (dump.objectId != objectId)
            continue;
        if (!dump.error.isError()) {
            showDump(id, objectId, dump.data);
            return true;
        }
        break; // fetched with an error: try again (the error may have been transient)
    }
    const BulkClient client = m_tracker->clientOf(id);
    if (!client.isValid() || task->taskId.isEmpty())
        return false;
    DumpDownloadJob *job = isProcess ? client.getProcessDump(task->objectId, task->taskId, objectId)
                                     : client.getImportDump(task->objectId, task->taskId);
    connect(job, &Job::succeeded, this, [this, id, objectId, job] {
        const QByteArray data = job->data();
        model()->update(id, [&](MonitoredTask &changed) {
            changed.dumps.removeIf([&](const TaskDump &dump) { return dump.objectId == objectId; });
            changed.dumps.append(TaskDump{objectId, data, {}});
        });
        showDump(id, objectId, data);
    });
    connect(job, &Job::failed, this, [this](const ApiError &error) {
        const QString message = InlineBanner::describe(tr("Fetching the failure dump"), error);
        if (m_messages)
            m_messages->warning(
                this, QStringLiteral("failureDumpUnavailable"), tr("Failure dump"), message,
                tr("Anaplan keeps a dump only for the latest run of an import, for 48 hours. Run the "
                   "import again to get a new one."));
        Q_EMIT dumpUnavailable(message);
    });
    return true;
}

void TaskMonitor::showDump(int id, const QString &objectId, const QByteArray &data)
{
    const MonitoredTask *task = model()->task(id);
    if (!task)
        return;
    QString title = task->title;
    if (objectId != task->objectId)
        title += QStringLiteral(" — ") + actionLabel(objectId);
    const QString suggested =
        SafeFileName::sanitize(tr("Failure dump %1 %2.csv").arg(objectId, task->taskId.left(8)));
    auto *dialog = new FailureDumpDialog(data, title, suggested, m_files, m_messages, m_settings, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_lastDump = dialog;
    dialog->show();
    Q_EMIT dumpOpened(dialog);
}

void TaskMonitor::showCurrentHistory()
{
    if (const int id = currentTaskId())
        showHistory(id);
}

TaskHistoryDialog *TaskMonitor::showHistory(int id)
{
    const MonitoredTask *task = model()->task(id);
    const BulkClient client = m_tracker->clientOf(id);
    if (!task || !client.isValid() || actionKindFromId(task->objectId) == ActionKind::Invalid)
        return nullptr;
    auto *dialog = new TaskHistoryDialog(client, task->objectId, task->objectName, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void TaskMonitor::saveCurrentOutput()
{
    if (const int id = currentTaskId())
        saveExportOutput(id);
}

int TaskMonitor::saveExportOutput(int id)
{
    const MonitoredTask *task = model()->task(id);
    const BulkClient client = m_tracker->clientOf(id);
    if (!task || !client.isValid() || actionKindFromId(task->objectId) != ActionKind::Export || !m_files)
        return 0;
    const QString proposed =
        QDir(m_settings.downloadFolder())
            .filePath(SafeFileName::sanitize(task->objectName.isEmpty() ? task->objectId : task->objectName));
    const QString path = m_files->saveFileName(this, QStringLiteral("saveExportDialog"),
                                               tr("Save export file"), proposed, tr("All files (*)"));
    if (path.isEmpty())
        return 0;
    m_settings.rememberSavedFile(path);
    // The dialog already asked before replacing an existing file.
    DownloadFileJob *job = client.downloadFile(task->objectId, path, true);
    return m_tracker->trackDownload(job, {client, task->objectId, task->objectName, task->modelName, path});
}

void TaskMonitor::clearFinished()
{
    model()->removeFinished();
    updateSummary();
    updateActions();
}

} // namespace anadesk
