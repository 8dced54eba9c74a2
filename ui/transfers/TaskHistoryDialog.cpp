#include "TaskHistoryDialog.h"

#include "TaskHistoryModel.h"
#include "browser/InlineBanner.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace anadesk {

TaskHistoryDialog::TaskHistoryDialog(const BulkClient &client, const QString &actionId,
                                     const QString &actionName, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_actionId(actionId)
    , m_model(new TaskHistoryModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("taskHistoryDialog"));
    const QString shown =
        actionName.isEmpty() ? actionId : QStringLiteral("%1 (%2)").arg(actionName, actionId);
    setWindowTitle(tr("Task history — %1").arg(shown));
    resize(760, 480);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TaskHistoryModel::SortRole);
    m_view->setObjectName(QStringLiteral("taskHistoryView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(TaskHistoryModel::CreatedColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Tasks"));
    m_details->setObjectName(QStringLiteral("taskHistoryDetails"));
    m_details->setReadOnly(true);
    m_details->setAccessibleName(tr("Result of the selected task"));
    m_details->setPlaceholderText(tr("Select a task to see its result."));
    m_status->setObjectName(QStringLiteral("taskHistoryStatus"));
    m_status->setWordWrap(true);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    m_refresh->setObjectName(QStringLiteral("taskHistoryRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    connect(m_refresh, &QPushButton::clicked, this, &TaskHistoryDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TaskHistoryDialog::onSelectionChanged);
    refresh();
}

TaskHistoryDialog::~TaskHistoryDialog()
{
    if (m_listJob)
        m_listJob->abort();
    if (m_statusJob)
        m_statusJob->abort();
}

void TaskHistoryDialog::refresh()
{
    if (m_listJob)
        m_listJob->abort();
    if (!m_client.isValid()) {
        m_status->setText(tr("The connection to Anaplan was closed. Connect again to see the task history."));
        return;
    }
    m_status->setText(tr("Loading the task history…"));
    ListTaskSummariesJob *job = m_client.getTaskSummaries(m_actionId);
    m_listJob = job;
    connect(job, &Job::succeeded, this, [this, job] {
        m_model->setTasks(job->tasks());
        m_loaded = true;
        m_status->setText(tr("%n task(s) listed by Anaplan.", nullptr, m_model->rowCount()));
        Q_EMIT loaded(m_model->rowCount());
    });
    connect(job, &Job::failed, this, [this](const ApiError &error) {
        m_loaded = true;
        m_status->setText(InlineBanner::describe(tr("Listing the tasks"), error));
        Q_EMIT loaded(0);
    });
}

void TaskHistoryDialog::onSelectionChanged()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const QString taskId = rows.first().data(TaskHistoryModel::TaskIdRole).toString();
    if (m_statusJob)
        m_statusJob->abort();
    if (!m_client.isValid()) {
        m_details->setPlainText(tr("The connection to Anaplan was closed."));
        return;
    }
    m_details->setPlainText(tr("Loading task %1…").arg(taskId));
    GetTaskStatusJob *job = m_client.getTaskStatus(m_actionId, taskId);
    m_statusJob = job;
    connect(job, &Job::succeeded, this, [this, job, taskId] {
        const TaskStatus &status = job->status();
        QStringList lines{tr("Task %1").arg(taskId), tr("State: %1").arg(status.stateRaw)};
        if (!status.currentStep.isEmpty())
            lines.append(tr("Step: %1").arg(status.currentStep));
        if (status.result) {
            lines.append(status.result->successful ? tr("Result: successful") : tr("Result: failed"));
            if (status.result->failureDumpAvailable)
                lines.append(tr("A failure dump was available (it is kept only for the latest run)."));
            lines += status.result->summaryLines(60);
        }
        m_details->setPlainText(lines.join(QLatin1Char('\n')));
        Q_EMIT detailsShown(taskId);
    });
    connect(job, &Job::failed, this, [this, taskId](const ApiError &error) {
        m_details->setPlainText(InlineBanner::describe(tr("Reading task %1").arg(taskId), error));
        Q_EMIT detailsShown(taskId);
    });
}

} // namespace anadesk
