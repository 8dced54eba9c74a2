#pragma once
// The task monitor dock: every operation of the session (runs, uploads, downloads, export-and-save, ALM) with
// progress, current step, elapsed time and Cancel; finished runs expand to their result details and
// nested process results; failure dumps open in a filterable table; the task history of an action.
//
// Keyboard: Delete cancels the selected operation, Enter opens its failure dump, Ctrl+H shows the task
// history, Ctrl+S saves an export's file. Every action is also a tool button (reachable with Tab).
// ALM tasks (syncs, comparisons) show here too; the ALM API cannot cancel them, so Cancel is disabled for
// their rows and its tooltip says why.
#include "TransferSettings.h"

#include <QDockWidget>
#include <QPointer>

class QAction;
class QLabel;
class QTreeView;

namespace anadesk {

class FailureDumpDialog;
class FileDialogs;
class MessageBoxes;
class TaskHistoryDialog;
class TaskMonitorModel;
class TaskTracker;

class TaskMonitor : public QDockWidget
{
    Q_OBJECT
public:
    // tracker, files and messages are not owned and must outlive the monitor.
    TaskMonitor(TaskTracker *tracker, FileDialogs *files, MessageBoxes *messages,
                const TransferSettings &settings, QWidget *parent = nullptr);
    ~TaskMonitor() override;

    TaskTracker *tracker() const { return m_tracker; }
    TaskMonitorModel *model() const;
    QTreeView *view() const { return m_view; }
    // The operation of the current row (0 when none).
    int currentTaskId() const;
    void selectTask(int id);

    // Open the failure dump of operation `id`: of `objectId` (a nested action of a process) or, empty, the
    // first one available. Fetches it when it was not downloaded with the result. Returns false when the
    // operation has no dump.
    bool openFailureDump(int id, const QString &objectId = {});
    // The task history of the operation's action (runs only).
    TaskHistoryDialog *showHistory(int id);
    // Asks where to save the output file of a finished export run and downloads it (tracked).
    int saveExportOutput(int id);

    FailureDumpDialog *lastDumpDialog() const;

public Q_SLOTS:
    void cancelCurrent();
    void openCurrentDump();
    void showCurrentHistory();
    void saveCurrentOutput();
    void clearFinished();

Q_SIGNALS:
    void dumpOpened(anadesk::FailureDumpDialog *dialog);
    // A dump could not be shown (fetch failed, no longer available): the sentence shown to the user.
    void dumpUnavailable(const QString &message);

private:
    void buildUi();
    void updateActions();
    void updateSummary();
    void onTaskFinished(int id);
    void showDump(int id, const QString &objectId, const QByteArray &data);

    TaskTracker *m_tracker;
    FileDialogs *m_files;
    MessageBoxes *m_messages;
    TransferSettings m_settings;
    QTreeView *m_view = nullptr;
    QLabel *m_summary = nullptr;
    QAction *m_cancel = nullptr;
    QString m_cancelTip; // Cancel's tooltip for tasks that can be cancelled
    QAction *m_openDump = nullptr;
    QAction *m_history = nullptr;
    QAction *m_saveOutput = nullptr;
    QAction *m_clear = nullptr;
    QPointer<FailureDumpDialog> m_lastDump;
};

} // namespace anadesk
