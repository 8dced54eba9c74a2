#include "AlmPanel.h"

#include "AlmErrors.h"
#include "AlmTaskRow.h"
#include "BulkClient.h"
#include "CreateRevisionDialog.h"
#include "RevisionListModel.h"
#include "SummaryTableModel.h"
#include "api/ModelJobs.h"
#include "browser/InlineBanner.h"
#include "common/FileDialogs.h"
#include "common/MessageBoxes.h"
#include "common/PanelActions.h"
#include "transfer/SafeFileName.h"
#include "transfers/TaskTracker.h"

#include <QAction>
#include <QDir>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace anadesk {

namespace {

QTableView *makeTable(const char *objectName, QAbstractItemModel *model, const QString &accessibleName,
                      QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(QLatin1String(objectName));
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAccessibleName(accessibleName);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

// Writes the report on a worker: the GUI thread only learns the outcome. Returns an error text, "" on
// success.
QString writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    if (file.write(bytes) != bytes.size())
        return file.errorString();
    if (!file.commit())
        return file.errorString();
    return {};
}

} // namespace

AlmPanel::AlmPanel(MessageBoxes *messages, FileDialogs *files, QWidget *parent)
    : QWidget(parent)
    , m_messages(messages)
    , m_files(files)
    , m_revisions(new RevisionListModel(this))
    , m_summary(new SummaryTableModel(this))
{
    setObjectName(QStringLiteral("almPanel"));
    m_revisions->setObjectName(QStringLiteral("revisionListModel"));
    m_summary->setObjectName(QStringLiteral("comparisonSummaryModel"));
    buildUi();
    buildActions();
    updateActions();
}

AlmPanel::~AlmPanel()
{
    abortLoads();
    // Syncs and reports go on in Anaplan; only stop following them here.
    if (m_reportRunner)
        m_reportRunner->abort();
    if (AlmTaskRunner *runner = m_taskRow->runner())
        disconnect(runner, nullptr, this, nullptr);
}

void AlmPanel::buildUi()
{
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("almTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_onlineLabel = new QLabel(this);
    m_onlineLabel->setObjectName(QStringLiteral("almOnlineLabel"));
    m_onlineLabel->setTextFormat(Qt::PlainText);
    m_banner = new InlineBanner(this);
    m_banner->setObjectName(QStringLiteral("almBanner"));
    m_revisionTable = makeTable("revisionTable", m_revisions, tr("Revisions"), this);
    m_revisionTable->setColumnWidth(RevisionListModel::NameColumn, 240);
    m_taskRow = new AlmTaskRow(this);
    m_summaryLabel = new QLabel(tr("No comparison yet: use Compare… (Ctrl+M)."), this);
    m_summaryLabel->setObjectName(QStringLiteral("comparisonSummaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryTable = makeTable("comparisonSummaryTable", m_summary, tr("Comparison summary"), this);

    auto *top = new QHBoxLayout;
    top->setObjectName(QStringLiteral("almButtonRow"));
    top->addWidget(m_title);
    top->addWidget(m_onlineLabel, 1);

    auto *summaryBox = new QWidget(this);
    auto *summaryLayout = new QVBoxLayout(summaryBox);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->setObjectName(QStringLiteral("almSummaryRow"));
    summaryRow->addWidget(m_summaryLabel, 1);
    summaryLayout->addLayout(summaryRow);
    summaryLayout->addWidget(m_summaryTable, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("almSplitter"));
    splitter->addWidget(m_revisionTable);
    splitter->addWidget(summaryBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_taskRow);
    layout->addWidget(splitter, 1);
}

void AlmPanel::buildActions()
{
    auto *top = findChild<QHBoxLayout *>(QStringLiteral("almButtonRow"));
    auto *summaryRow = findChild<QHBoxLayout *>(QStringLiteral("almSummaryRow"));
    auto make = [this](QHBoxLayout *row, const char *name, const QString &text, const QKeySequence &key,
                       const QString &tip, void (AlmPanel::*slot)()) {
        QAction *action = addPanelAction(this, row, name, text, key, tip);
        connect(action, &QAction::triggered, this, slot);
        m_actions.append(action);
        return action;
    };
    m_reloadAction = make(top, "reloadRevisionsAction", tr("Reload"), QKeySequence(Qt::CTRL | Qt::Key_R),
                          tr("Read the revisions and the model's state again"), &AlmPanel::reload);
    m_createAction =
        make(top, "createRevisionAction", tr("Create revision…"), QKeySequence(Qt::CTRL | Qt::Key_N),
             tr("Tag the model's current structure as a new revision"), &AlmPanel::createRevision);
    m_syncAction = make(top, "syncModelAction", tr("Sync…"), QKeySequence(Qt::CTRL | Qt::Key_Y),
                        tr("Apply a revision of another model to this model"), &AlmPanel::syncIntoModel);
    m_compareAction = make(top, "compareRevisionsAction", tr("Compare…"), QKeySequence(Qt::CTRL | Qt::Key_M),
                           tr("Summarise what a revision of another model would change in this model"),
                           &AlmPanel::compareWithRevision);
    m_onlineAction = make(top, "toggleOnlineAction", tr("Take offli&ne…"), QKeySequence(),
                          tr("Take the model offline for maintenance, or bring it back online (asks first)"),
                          &AlmPanel::toggleOnline);
    m_saveReportAction =
        make(summaryRow, "saveComparisonReportAction", tr("Save full re&port…"), QKeySequence(),
             tr("Generate the full comparison report (TSV) and save it"), &AlmPanel::saveFullReport);
}

void AlmPanel::setModel(Connection *connection, const QString &modelId, const QString &modelName)
{
    abortLoads();
    m_client = AlmClient(connection, modelId);
    m_modelName = modelName.isEmpty() ? modelId : modelName;
    m_revisions->clear();
    m_listed.clear();
    m_latest.reset();
    m_latestRead = false;
    m_details.reset();
    m_banner->clear();
    m_onlineLabel->clear();
    m_title->setText(modelId.isEmpty() ? tr("No model selected.") : tr("Revisions of %1").arg(m_modelName));
    m_stale = !modelId.isEmpty();
    if (m_stale && isVisible())
        reload();
    updateActions();
}

void AlmPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

bool AlmPanel::isLoading() const
{
    return m_listJob || m_latestJob || m_detailsJob;
}

bool AlmPanel::isOffline() const
{
    return m_details && (m_details->activeState == ModelState::Maintenance ||
                         m_details->activeState == ModelState::ProductionMaintenance);
}

void AlmPanel::abortLoads()
{
    for (Job *job : {static_cast<Job *>(m_listJob.data()), static_cast<Job *>(m_latestJob.data()),
                     m_detailsJob.data()}) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->abort();
        }
    }
    m_listJob = nullptr;
    m_latestJob = nullptr;
    m_detailsJob = nullptr;
}

void AlmPanel::reload()
{
    if (!m_client.isValid() || m_client.modelId().isEmpty())
        return;
    m_stale = false;
    abortLoads();
    m_latestRead = false;
    ListRevisionsJob *list = m_client.getRevisions();
    GetLatestRevisionJob *latest = m_client.getLatestRevision();
    GetModelJob *details = BulkClient(m_client.connection(), ModelRef{}).getModel(m_client.modelId());
    m_listJob = list;
    m_latestJob = latest;
    m_detailsJob = details;
    connect(list, &Job::finished, this, [this, list] {
        m_listJob = nullptr;
        if (list->isSucceeded())
            m_listed = list->revisions();
        else
            m_banner->showMessage(
                InlineBanner::Level::Error,
                almErrorText(tr("Listing the revisions of %1").arg(m_modelName), list->error()));
        onListed();
    });
    connect(latest, &Job::finished, this, [this, latest] {
        m_latestJob = nullptr;
        m_latestRead = latest->isSucceeded();
        m_latest = latest->isSucceeded() ? latest->revision() : std::nullopt;
        onListed();
    });
    connect(details, &Job::finished, this, [this, details] {
        m_detailsJob = nullptr;
        if (details->isSucceeded())
            m_details = details->model();
        if (!m_details) {
            m_onlineLabel->setText(tr("State unknown"));
        } else {
            const QString state = m_details->activeStateRaw;
            m_onlineLabel->setText(isOffline() ? tr("Offline for maintenance (%1)").arg(state)
                                               : tr("Online (%1)").arg(state));
        }
        updateActions();
    });
    updateActions();
}

void AlmPanel::onListed()
{
    if (m_listJob || m_latestJob)
        return;
    m_revisions->setRevisions(m_listed, m_latest ? m_latest->id : QString());
    if (m_listed.isEmpty() && !m_banner->isShowing())
        m_banner->showMessage(
            InlineBanner::Level::Info,
            tr("%1 has no revision yet. Create one (Ctrl+N) to start using ALM.").arg(m_modelName));
    updateActions();
    Q_EMIT revisionsLoaded();
}

void AlmPanel::updateActions()
{
    const bool model = m_client.isValid() && !m_client.modelId().isEmpty();
    const bool running = m_taskRow->isRunning() || m_reportRunner;
    m_reloadAction->setEnabled(model);
    m_createAction->setEnabled(model);
    m_syncAction->setEnabled(model && m_latest.has_value() && !running);
    m_compareAction->setEnabled(model && m_latest.has_value() && !running);
    m_saveReportAction->setEnabled(m_compared.has_value() && !running);
    m_onlineAction->setEnabled(model && m_details.has_value() && !m_statusJob);
    m_onlineAction->setText(isOffline() ? tr("Bring o&nline…") : tr("Take offli&ne…"));
}

void AlmPanel::createRevision()
{
    if (!m_client.isValid() || m_client.modelId().isEmpty())
        return;
    auto *dialog = new CreateRevisionDialog(m_client, m_modelName, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_createDialog = dialog;
    connect(dialog, &CreateRevisionDialog::revisionCreated, this, [this](const Revision &revision) {
        m_banner->showMessage(InlineBanner::Level::Info,
                              tr("Created revision '%1' of %2.").arg(revision.name, m_modelName));
        reload();
    });
    dialog->open();
}

AlmSourceDialog *AlmPanel::openSourceDialog(AlmSourceDialog::Purpose purpose)
{
    if (!m_client.isValid() || !m_latest) {
        m_banner->showMessage(
            InlineBanner::Level::Warning,
            tr("%1 has no revision yet: a sync or comparison starts from the target's latest "
               "revision. What to do: create a revision first.")
                .arg(m_modelName));
        return nullptr;
    }
    if (m_sourceDialog)
        m_sourceDialog->reject();
    auto *dialog = new AlmSourceDialog(purpose, m_client, m_modelName, *m_latest, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_sourceDialog = dialog;
    dialog->open();
    return dialog;
}

void AlmPanel::syncIntoModel()
{
    if (AlmSourceDialog *dialog = openSourceDialog(AlmSourceDialog::Purpose::Sync))
        connect(dialog, &AlmSourceDialog::chosen, this, &AlmPanel::startSync);
}

void AlmPanel::compareWithRevision()
{
    if (AlmSourceDialog *dialog = openSourceDialog(AlmSourceDialog::Purpose::Compare))
        connect(dialog, &AlmSourceDialog::chosen, this, &AlmPanel::startCompare);
}

void AlmPanel::startSync(const AlmTaskChoice &choice)
{
    const QString target = m_modelName;
    AlmTaskRunner *runner =
        m_client.syncModels(choice.sourceRevisionId, choice.sourceModelId, choice.targetRevisionId);
    const QString title = tr("Sync of '%1' into %2").arg(choice.sourceRevisionName, target);
    m_taskRow->follow(runner, title);
    track(runner, MonitoredKind::AlmSync, title, choice, m_client.modelId(), target);
    m_banner->clear();
    connect(runner, &Job::finished, this, [this, runner, choice, target] {
        if (runner->isSucceeded()) {
            m_banner->showMessage(InlineBanner::Level::Info,
                                  tr("Synced revision '%1' of %2 into %3.")
                                      .arg(choice.sourceRevisionName, choice.sourceModelName, target));
        } else if (runner->error().category == ErrorCategory::Cancelled) {
            m_banner->showMessage(InlineBanner::Level::Warning,
                                  tr("No longer following the sync into %1 (task %2); it goes on in Anaplan. "
                                     "Reload later to see its result.")
                                      .arg(target, runner->taskId()));
        } else {
            m_banner->showMessage(
                InlineBanner::Level::Error,
                almErrorText(tr("Sync of '%1' into %2").arg(choice.sourceRevisionName, target),
                             runner->error()));
        }
        updateActions();
        reload();
        Q_EMIT syncFinished(runner->isSucceeded());
    });
    updateActions();
}

void AlmPanel::startCompare(const AlmTaskChoice &choice)
{
    const QString targetId = m_client.modelId();
    const QString targetName = m_modelName;
    AlmTaskRunner *runner = m_client.createComparisonSummary(choice.sourceRevisionId, choice.sourceModelId,
                                                             choice.targetRevisionId);
    const QString title = tr("Comparison of '%1' with %2").arg(choice.sourceRevisionName, targetName);
    m_taskRow->follow(runner, title);
    track(runner, MonitoredKind::AlmComparisonSummary, title, choice, targetId, targetName);
    m_banner->clear();
    connect(runner, &Job::finished, this, [this, runner, choice, targetId, targetName] {
        if (runner->isSucceeded() && runner->summary()) {
            m_compared = choice;
            m_comparedTargetId = targetId;
            m_comparedTargetName = targetName;
            showSummary(*runner->summary(), choice, targetName);
        } else if (runner->error().category != ErrorCategory::Cancelled) {
            m_banner->showMessage(
                InlineBanner::Level::Error,
                almErrorText(tr("Comparison of '%1' with %2").arg(choice.sourceRevisionName, targetName),
                             runner->error()));
        }
        updateActions();
        Q_EMIT comparisonFinished(runner->isSucceeded());
    });
    updateActions();
}

void AlmPanel::showSummary(const SummaryReport &summary, const AlmTaskChoice &choice,
                           const QString &targetName)
{
    m_summary->setSummary(summary);
    const qint64 all = summary.totals.created + summary.totals.modified + summary.totals.deleted;
    m_summaryLabel->setText(tr("Revision '%1' of %2 compared with the latest revision of %3: %n change(s) — "
                               "%4 created, %5 modified, %6 deleted.",
                               nullptr, int(qMin<qint64>(all, INT_MAX)))
                                .arg(choice.sourceRevisionName, choice.sourceModelName, targetName)
                                .arg(summary.totals.created)
                                .arg(summary.totals.modified)
                                .arg(summary.totals.deleted));
    m_summaryTable->resizeColumnsToContents();
}

void AlmPanel::saveFullReport()
{
    if (!m_compared || m_reportRunner)
        return;
    const AlmTaskChoice choice = *m_compared;
    const QString proposed = QDir::home().filePath(
        SafeFileName::sanitize(
            tr("Comparison %1 - %2").arg(m_comparedTargetName, choice.sourceRevisionName)) +
        QStringLiteral(".tsv"));
    const QString path = m_files->saveFileName(this, QStringLiteral("saveComparisonReportDialog"),
                                               tr("Save the Comparison Report"), proposed,
                                               tr("Tab-separated values (*.tsv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    const AlmClient target = m_client.withModel(m_comparedTargetId);
    AlmTaskRunner *runner =
        target.createComparisonReport(choice.sourceRevisionId, choice.sourceModelId, choice.targetRevisionId);
    m_reportRunner = runner;
    const QString title =
        tr("Full comparison report of '%1' with %2").arg(choice.sourceRevisionName, m_comparedTargetName);
    m_taskRow->follow(runner, title);
    const int monitorId = track(runner, MonitoredKind::AlmComparisonReport, title, choice, m_comparedTargetId,
                                m_comparedTargetName, path);
    connect(runner, &Job::finished, this, [this, runner, path, monitorId] {
        m_reportRunner = nullptr;
        updateActions();
        if (runner->isSucceeded()) {
            writeReport(runner->comparisonReport(), path, monitorId);
        } else if (runner->error().category != ErrorCategory::Cancelled) {
            m_banner->showMessage(InlineBanner::Level::Error,
                                  almErrorText(tr("Generating the comparison report"), runner->error()));
        }
    });
    updateActions();
}

int AlmPanel::track(AlmTaskRunner *runner, MonitoredKind kind, const QString &title,
                    const AlmTaskChoice &choice, const QString &modelId, const QString &modelName,
                    const QString &localPath)
{
    m_lastMonitorId = 0;
    TaskTracker *tracker = m_trackerLookup ? m_trackerLookup() : nullptr;
    if (!tracker)
        return 0;
    TaskTracker::AlmSubject subject;
    subject.kind = kind;
    subject.title = title;
    subject.modelId = modelId;
    subject.modelName = modelName;
    subject.sourceModelName = choice.sourceModelName;
    subject.sourceRevisionId = choice.sourceRevisionId;
    subject.sourceRevisionName = choice.sourceRevisionName;
    subject.targetRevisionId = choice.targetRevisionId;
    subject.localPath = localPath;
    if (kind == MonitoredKind::AlmComparisonReport)
        m_reportTracker = tracker;
    m_lastMonitorId = tracker->trackAlm(runner, subject);
    return m_lastMonitorId;
}

void AlmPanel::writeReport(const QByteArray &report, const QString &path, int monitorId)
{
    // No parent: the write finishes (and the task monitor learns its outcome) even if the tab goes first.
    auto *watcher = new QFutureWatcher<QString>;
    const QString shownPath = QDir::toNativeSeparators(path);
    const qsizetype size = report.size();
    auto failureText = [shownPath](const QString &error) {
        return tr("Saving the comparison report to %1 failed: %2. What to do: choose another "
                  "folder or free some space, then save again.")
            .arg(shownPath, error);
    };
    auto successText = [shownPath, size] {
        return tr("Saved the comparison report (%n byte(s)) to %1.", nullptr,
                  int(qMin<qsizetype>(size, INT_MAX)))
            .arg(shownPath);
    };
    // The monitor first: its row is final when reportSaved() is emitted.
    if (TaskTracker *tracker = m_reportTracker.data(); tracker && monitorId > 0) {
        connect(watcher, &QFutureWatcher<QString>::finished, tracker,
                [tracker, watcher, monitorId, failureText, successText] {
                    const QString error = watcher->result();
                    tracker->finishLocalStep(monitorId, error.isEmpty(),
                                             error.isEmpty() ? successText() : failureText(error));
                });
    }
    connect(watcher, &QFutureWatcher<QString>::finished, this,
            [this, watcher, path, failureText, successText] {
                const QString error = watcher->result();
                if (!error.isEmpty()) {
                    m_banner->showMessage(InlineBanner::Level::Error, failureText(error));
                    return;
                }
                m_banner->showMessage(InlineBanner::Level::Info, successText());
                Q_EMIT reportSaved(path);
            });
    connect(watcher, &QFutureWatcher<QString>::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(QtConcurrent::run(writeFile, path, report));
}

void AlmPanel::toggleOnline()
{
    if (!m_details || m_statusJob || !m_client.isValid())
        return;
    const bool goOnline = isOffline();
    const auto answer =
        goOnline
            ? m_messages->question(this, QStringLiteral("bringModelOnlineConfirm"), tr("Bring Model Online"),
                                   tr("Bring %1 back online?").arg(m_modelName),
                                   tr("Users can open it and its data can be read and written again."))
            : m_messages->question(this, QStringLiteral("takeModelOfflineConfirm"), tr("Take Model Offline"),
                                   tr("Take %1 offline for maintenance?").arg(m_modelName),
                                   tr("Users cannot work in it and its data can neither be read nor written "
                                      "until it is brought back online."));
    if (answer != QMessageBox::Yes)
        return;
    SetOnlineStatusJob *job = m_client.changeModelStatus(goOnline);
    m_statusJob = job;
    connect(job, &Job::finished, this, [this, job, goOnline] {
        m_statusJob = nullptr;
        if (!job->isSucceeded()) {
            m_banner->showMessage(InlineBanner::Level::Error,
                                  almErrorText(goOnline ? tr("Bringing %1 online").arg(m_modelName)
                                                        : tr("Taking %1 offline").arg(m_modelName),
                                               job->error()));
            updateActions();
            return;
        }
        m_banner->showMessage(InlineBanner::Level::Info, goOnline ? tr("%1 is online.").arg(m_modelName)
                                                                  : tr("%1 is offline.").arg(m_modelName));
        reload();
        Q_EMIT onlineStatusChanged(goOnline);
    });
    updateActions();
}

} // namespace anadesk
