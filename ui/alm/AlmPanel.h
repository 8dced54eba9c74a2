#pragma once
// The "ALM" tab of the model browser, for the selected model:
// - its revisions (latest marked), refreshed on demand (Ctrl+R) and after every change;
// - Create revision… (Ctrl+N), Sync… into this model from a revision of another model (Ctrl+Y), Compare…
//   (Ctrl+M: a comparison summary — totals and differences per area in a table), Save full report… (the TSV
//   comparison report, through the file dialog seam), and Take offline… / Bring online (asked first);
// - one progress row for the sync or comparison being followed (AlmTaskRow), and the same task in the task
//   monitor when the window has one (TaskTracker::trackAlm listens to the same AlmTaskRunner: one poller).
// Nothing is read until the tab is shown; every request is an asynchronous core job (AlmClient).
#include "AlmClient.h"
#include "AlmSourceDialog.h"
#include "Connection.h" // AlmClient keeps a QPointer<Connection>: copies need the full type
#include "transfers/MonitoredTask.h"
#include "types/Model.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QTableView;

namespace anadesk {

class AlmTaskRow;
class CreateRevisionDialog;
class FileDialogs;
class InlineBanner;
class MessageBoxes;
class RevisionListModel;
class SummaryTableModel;
class TaskTracker;

class AlmPanel : public QWidget
{
    Q_OBJECT
public:
    AlmPanel(MessageBoxes *messages, FileDialogs *files, QWidget *parent = nullptr);
    ~AlmPanel() override;

    // The model shown (empty modelId: none). Read when the panel is (or becomes) visible.
    void setModel(Connection *connection, const QString &modelId, const QString &modelName);
    QString modelId() const { return m_client.modelId(); }
    // Where the task monitor's tracker is, asked each time a task starts (the monitor may be installed after
    // the panel, or not at all: then only the progress row follows the task).
    using TrackerLookup = std::function<TaskTracker *()>;
    void setTrackerLookup(TrackerLookup lookup) { m_trackerLookup = std::move(lookup); }
    // The task monitor row of the last sync, comparison or report started here (0: none, or no monitor).
    int lastMonitorId() const { return m_lastMonitorId; }

    RevisionListModel *revisionModel() const { return m_revisions; }
    SummaryTableModel *summaryModel() const { return m_summary; }
    QTableView *revisionTable() const { return m_revisionTable; }
    QTableView *summaryTable() const { return m_summaryTable; }
    AlmTaskRow *taskRow() const { return m_taskRow; }
    InlineBanner *banner() const { return m_banner; }
    QLabel *onlineLabel() const { return m_onlineLabel; }
    QLabel *summaryLabel() const { return m_summaryLabel; }
    QList<QAction *> almActions() const { return m_actions; }
    bool isLoading() const;
    // The model's details as last read (state: online or offline).
    const std::optional<Model> &modelDetails() const { return m_details; }
    bool isOffline() const;
    // The last comparison shown (its target is the model that was selected then).
    const std::optional<AlmTaskChoice> &lastComparison() const { return m_compared; }
    QPointer<AlmSourceDialog> sourceDialog() const { return m_sourceDialog; }
    QPointer<CreateRevisionDialog> createDialog() const { return m_createDialog; }

public Q_SLOTS:
    void reload();
    void createRevision();
    void syncIntoModel();
    void compareWithRevision();
    void saveFullReport();
    void toggleOnline();

Q_SIGNALS:
    void revisionsLoaded();
    void syncFinished(bool succeeded);
    void comparisonFinished(bool succeeded);
    void reportSaved(const QString &path);
    void onlineStatusChanged(bool online);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void buildActions();
    void updateActions();
    void abortLoads();
    void onListed();
    AlmSourceDialog *openSourceDialog(AlmSourceDialog::Purpose purpose);
    void startSync(const AlmTaskChoice &choice);
    void startCompare(const AlmTaskChoice &choice);
    void writeReport(const QByteArray &report, const QString &path, int monitorId);
    // Shows the runner's task in the task monitor too (when there is one); returns the row's id or 0.
    int track(AlmTaskRunner *runner, MonitoredKind kind, const QString &title, const AlmTaskChoice &choice,
              const QString &modelId, const QString &modelName, const QString &localPath = {});
    void showSummary(const SummaryReport &summary, const AlmTaskChoice &choice, const QString &targetName);

    MessageBoxes *m_messages;
    FileDialogs *m_files;
    AlmClient m_client;
    QString m_modelName;
    bool m_stale = false;
    RevisionListModel *m_revisions;
    SummaryTableModel *m_summary;
    QLabel *m_title = nullptr;
    QLabel *m_onlineLabel = nullptr;
    InlineBanner *m_banner = nullptr;
    QTableView *m_revisionTable = nullptr;
    AlmTaskRow *m_taskRow = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QTableView *m_summaryTable = nullptr;
    QList<QAction *> m_actions;
    QAction *m_reloadAction = nullptr;
    QAction *m_createAction = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_saveReportAction = nullptr;
    QAction *m_onlineAction = nullptr;

    QPointer<ListRevisionsJob> m_listJob;
    QPointer<GetLatestRevisionJob> m_latestJob;
    QPointer<Job> m_detailsJob;
    QPointer<Job> m_statusJob;
    QPointer<AlmTaskRunner> m_reportRunner;
    QList<Revision> m_listed;
    std::optional<Revision> m_latest;
    bool m_latestRead = false;
    std::optional<Model> m_details;
    std::optional<AlmTaskChoice> m_compared;
    QString m_comparedTargetId;
    QString m_comparedTargetName;
    QPointer<AlmSourceDialog> m_sourceDialog;
    QPointer<CreateRevisionDialog> m_createDialog;
    TrackerLookup m_trackerLookup;
    QPointer<TaskTracker> m_reportTracker; // the tracker following the report being generated
    int m_lastMonitorId = 0;
};

} // namespace anadesk
