#include "ModelHeader.h"

#include "InlineBanner.h"
#include "StateDisplay.h"

#include <QAction>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace anadesk {

namespace {
QLabel *valueLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

void silence(Job *job, QObject *receiver)
{
    if (!job)
        return;
    QObject::disconnect(job, nullptr, receiver, nullptr);
    job->abort();
}

// Anaplan sends ISO 8601 timestamps; shown in the user's locale when they parse.
QString readableTime(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    const QDateTime parsed = time.isValid() ? time : QDateTime::fromString(iso, Qt::ISODate);
    return parsed.isValid() ? QLocale().toString(parsed.toLocalTime(), QLocale::ShortFormat) : iso;
}
} // namespace

ModelHeader::ModelHeader(QWidget *parent)
    : QWidget(parent)
    , m_title(valueLabel(this, QStringLiteral("modelTitle")))
    , m_stateIcon(new QLabel(this))
    , m_id(valueLabel(this, QStringLiteral("modelIdValue")))
    , m_state(valueLabel(this, QStringLiteral("modelStateValue")))
    , m_memory(valueLabel(this, QStringLiteral("modelMemoryValue")))
    , m_modified(valueLabel(this, QStringLiteral("modelModifiedValue")))
    , m_workspace(valueLabel(this, QStringLiteral("modelWorkspaceValue")))
    , m_liveStatus(valueLabel(this, QStringLiteral("modelLiveStatus")))
    , m_buttons(new QHBoxLayout)
    , m_banner(new InlineBanner(this))
{
    setObjectName(QStringLiteral("modelHeader"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_stateIcon->setObjectName(QStringLiteral("modelStateIcon"));
    m_banner->setObjectName(QStringLiteral("modelBanner"));

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_stateIcon);
    titleRow->addWidget(m_title, 1);
    titleRow->addLayout(m_buttons);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Id:"), m_id);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("Memory:"), m_memory);
    form->addRow(tr("Last modified:"), m_modified);
    form->addRow(tr("Workspace:"), m_workspace);
    form->addRow(tr("Status now:"), m_liveStatus);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(titleRow);
    layout->addLayout(form);
    layout->addWidget(m_banner);

    m_timer.setSingleShot(false);
    connect(&m_timer, &QTimer::timeout, this, &ModelHeader::refreshStatus);
    clear();
}

ModelHeader::~ModelHeader()
{
    abortJobs();
}

void ModelHeader::abortJobs()
{
    silence(m_statusJob, this);
    silence(m_detailsJob, this);
}

void ModelHeader::addActionButton(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setObjectName(action->objectName() + QStringLiteral("Button"));
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_buttons->addWidget(button);
}

void ModelHeader::setModel(const Model &model, const BulkClient &client)
{
    abortJobs();
    m_model = model;
    m_client = client;
    m_status.reset();
    m_banner->clear();
    showDetails();
    m_liveStatus->setText(tr("Reading…"));
    GetModelJob *details = client.getModel(model.id);
    m_detailsJob = details;
    connect(details, &Job::succeeded, this, [this, details] {
        if (details != m_detailsJob || details->model().id.compare(m_model.id, Qt::CaseInsensitive) != 0)
            return;
        const QString workspaceName = m_model.workspaceName;
        m_model = details->model();
        if (m_model.workspaceName.isEmpty())
            m_model.workspaceName = workspaceName;
        showDetails();
        Q_EMIT modelDetailsLoaded(m_model);
    });
    // A failure here is not worth a banner of its own: the listed details stay and the status line (read
    // next) reports what is wrong with the model or the connection.
    refreshStatus();
    updateTimer();
}

void ModelHeader::clear()
{
    abortJobs();
    m_model = Model();
    m_client = BulkClient();
    m_status.reset();
    m_title->setText(tr("No model selected"));
    m_stateIcon->clear();
    for (QLabel *label : {m_id, m_state, m_memory, m_modified, m_workspace, m_liveStatus})
        label->clear();
    m_banner->clear();
    updateTimer();
    Q_EMIT statusChanged();
}

void ModelHeader::showDetails()
{
    m_title->setText(m_model.name);
    m_id->setText(m_model.id);
    const QString stateText = modelStateText(m_model.activeState, m_model.activeStateRaw);
    m_state->setText(stateText);
    m_state->setToolTip(modelStateExplanation(m_model.activeState));
    const QIcon icon = modelStateIcon(m_model.activeState);
    m_stateIcon->setPixmap(icon.isNull() ? QPixmap() : icon.pixmap(20, 20));
    m_stateIcon->setToolTip(icon.isNull() ? QString() : modelStateExplanation(m_model.activeState));
    m_stateIcon->setAccessibleName(icon.isNull() ? QString() : stateText);
    m_memory->setText(QLocale().formattedDataSize(m_model.memoryUsage, 1));
    m_modified->setText(m_model.lastModified.isEmpty() ? tr("(not sent)")
                                                       : readableTime(m_model.lastModified));
    m_workspace->setText(m_model.workspaceName.isEmpty()
                             ? m_model.workspaceId
                             : tr("%1 (%2)").arg(m_model.workspaceName, m_model.workspaceId));
}

void ModelHeader::refreshStatus()
{
    if (!m_client.isValid() || m_statusJob)
        return;
    GetModelStatusJob *job = m_client.modelStatus(m_model.id);
    m_statusJob = job;
    connect(job, &Job::finished, this, [this, job] { onStatus(job); });
}

void ModelHeader::onStatus(GetModelStatusJob *job)
{
    if (job != m_statusJob)
        return;
    m_statusJob.clear();
    ++m_statusReads;
    if (job->isSucceeded()) {
        m_status = job->status();
        m_liveStatus->setText(statusText());
        m_liveStatus->setToolTip(m_status->tooltip);
    } else {
        m_status.reset();
        m_liveStatus->setText(InlineBanner::describe(tr("Reading the model status"), job->error()));
        m_liveStatus->setToolTip({});
    }
    Q_EMIT statusChanged();
}

QString ModelHeader::statusText() const
{
    if (!m_status)
        return m_liveStatus->text();
    const ModelStatus &status = *m_status;
    if (status.isIdle()) {
        if (status.currentStep == QLatin1String("Open"))
            return tr("Open (idle)");
        if (status.currentStep == QLatin1String("Closed"))
            return tr("Closed");
        return status.currentStep.isEmpty() ? tr("Idle") : status.currentStep;
    }
    const QString percent = QLocale().toString(qBound(0.0, status.progress, 1.0) * 100.0, 'f', 0);
    const QString what = status.tooltip.isEmpty() ? status.currentStep : status.tooltip;
    return tr("Busy: %1 (%2 %)").arg(what, percent);
}

void ModelHeader::setRefreshInterval(int milliseconds)
{
    m_interval = milliseconds;
    updateTimer();
}

void ModelHeader::updateTimer()
{
    // Polling only makes sense while someone can see the result.
    if (m_client.isValid() && m_interval > 0 && isVisible())
        m_timer.start(m_interval);
    else
        m_timer.stop();
}

void ModelHeader::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateTimer();
    refreshStatus();
}

void ModelHeader::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    updateTimer();
    silence(m_statusJob, this);
    m_statusJob.clear();
}

} // namespace anadesk
