#include "AlmSourceDialog.h"

#include "AlmErrors.h"
#include "api/ModelJobs.h"
#include "browser/InlineBanner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace anadesk {

namespace {
constexpr int kRevisionIdRole = Qt::UserRole + 1;
constexpr int kRevisionNameRole = Qt::UserRole + 2;
} // namespace

AlmSourceDialog::AlmSourceDialog(Purpose purpose, const AlmClient &target, const QString &targetName,
                                 const Revision &targetLatest, QWidget *parent)
    : QDialog(parent)
    , m_purpose(purpose)
    , m_target(target)
    , m_targetName(targetName)
    , m_targetLatest(targetLatest)
    , m_models(new QComboBox(this))
    , m_revisions(new QListWidget(this))
    , m_revisionNote(new QLabel(this))
    , m_banner(new InlineBanner(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const bool sync = purpose == Purpose::Sync;
    setObjectName(sync ? QStringLiteral("almSyncDialog") : QStringLiteral("almCompareDialog"));
    setWindowTitle(sync ? tr("Sync into %1").arg(targetName)
                        : tr("Compare %1 with a Revision").arg(targetName));
    m_models->setObjectName(QStringLiteral("sourceModelCombo"));
    m_models->setAccessibleName(tr("Source model"));
    m_revisions->setObjectName(QStringLiteral("syncableRevisionList"));
    m_revisions->setAccessibleName(tr("Revisions the target can take"));
    m_revisionNote->setObjectName(QStringLiteral("syncableRevisionNote"));
    m_revisionNote->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("almSourceBanner"));
    m_buttons->setObjectName(QStringLiteral("almSourceButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(sync ? tr("&Sync") : tr("&Compare"));

    auto *intro =
        new QLabel(sync ? tr("Applies a revision of a source model to %1, whose latest revision is '%2'. "
                             "Structure changes; "
                             "production data stays.")
                              .arg(targetName, targetLatest.name)
                        : tr("Compares a revision of a source model with '%2', the latest revision of %1.")
                              .arg(targetName, targetLatest.name),
                   this);
    intro->setWordWrap(true);
    auto *modelLabel = new QLabel(tr("Source &model:"), this);
    modelLabel->setBuddy(m_models);
    auto *revisionLabel = new QLabel(tr("Source &revision:"), this);
    revisionLabel->setBuddy(m_revisions);
    auto *form = new QFormLayout;
    form->addRow(modelLabel, m_models);
    form->addRow(revisionLabel, m_revisions);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(m_revisionNote);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AlmSourceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AlmSourceDialog::reject);
    connect(m_models, &QComboBox::currentIndexChanged, this, &AlmSourceDialog::loadRevisions);
    connect(m_revisions, &QListWidget::currentRowChanged, this, &AlmSourceDialog::updateOk);
    connect(m_revisions, &QListWidget::itemActivated, this, &AlmSourceDialog::accept);
    resize(520, 420);
    updateOk();
    loadModels();
}

AlmSourceDialog::~AlmSourceDialog()
{
    for (Job *job : {m_modelsJob.data(), m_revisionsJob.data()}) {
        if (job)
            job->abort();
    }
}

void AlmSourceDialog::loadModels()
{
    m_revisionNote->setText(tr("Listing the models…"));
    ListModelsJob *job = BulkClient(m_target.connection(), ModelRef{}).getModels();
    m_modelsJob = job;
    connect(job, &Job::finished, this, [this, job] {
        m_modelsJob = nullptr;
        if (!job->isSucceeded()) {
            m_banner->showMessage(InlineBanner::Level::Error,
                                  almErrorText(tr("Listing the models"), job->error()));
            m_revisionNote->clear();
            return;
        }
        QList<Model> models = job->models();
        std::sort(models.begin(), models.end(), [](const Model &a, const Model &b) {
            return QString::localeAwareCompare(a.name, b.name) < 0;
        });
        const QSignalBlocker blocker(m_models);
        m_models->clear();
        for (const Model &model : std::as_const(models)) {
            if (model.id.compare(m_target.modelId(), Qt::CaseInsensitive) == 0)
                continue; // a model is never its own source
            m_models->addItem(tr("%1 (%2)").arg(model.name, model.workspaceName), model.id);
            m_models->setItemData(m_models->count() - 1, model.name, Qt::UserRole + 1);
        }
        m_models->setCurrentIndex(m_models->count() > 0 ? 0 : -1);
        if (m_models->count() == 0)
            m_revisionNote->setText(
                tr("No other model is visible to you: nothing can be synced into %1.").arg(m_targetName));
        loadRevisions();
    });
}

void AlmSourceDialog::loadRevisions()
{
    if (m_revisionsJob)
        m_revisionsJob->abort();
    m_revisions->clear();
    updateOk();
    const QString source = m_models->currentData().toString();
    if (source.isEmpty())
        return;
    m_banner->clear();
    m_revisionNote->setText(tr("Reading the revisions %1 can take…").arg(m_targetName));
    ListSyncableRevisionsJob *job = m_target.getSyncableRevisions(source);
    m_revisionsJob = job;
    connect(job, &Job::finished, this, [this, job] {
        if (m_revisionsJob != job)
            return;
        m_revisionsJob = nullptr;
        if (!job->isSucceeded()) {
            if (job->error().category == ErrorCategory::Cancelled)
                return;
            m_banner->showMessage(InlineBanner::Level::Error,
                                  almErrorText(tr("Reading the syncable revisions"), job->error()));
            m_revisionNote->clear();
            return;
        }
        for (const Revision &revision : job->revisions()) {
            auto *item = new QListWidgetItem(
                revision.createdOn.isEmpty() ? revision.name
                                             : tr("%1 — created %2").arg(revision.name, revision.createdOn),
                m_revisions);
            item->setData(kRevisionIdRole, revision.id);
            item->setData(kRevisionNameRole, revision.name);
            item->setToolTip(revision.description.value_or(revision.id));
        }
        if (m_revisions->count() > 0) {
            m_revisions->setCurrentRow(0); // newest first
            m_revisionNote->setText(
                tr("%n revision(s) of the source are newer than '%1'.", nullptr, m_revisions->count())
                    .arg(m_targetLatest.name));
        } else {
            m_revisionNote->setText(
                tr("This model has no revision %1 can take: either %1 is up to date with it, "
                   "or they do not share a revision history.")
                    .arg(m_targetName));
        }
        updateOk();
        Q_EMIT revisionsListed();
    });
}

bool AlmSourceDialog::selectSourceModel(const QString &modelId)
{
    const int index = m_models->findData(modelId);
    if (index < 0)
        return false;
    m_models->setCurrentIndex(index);
    return true;
}

bool AlmSourceDialog::selectRevision(const QString &revisionId)
{
    for (int row = 0; row < m_revisions->count(); ++row) {
        if (m_revisions->item(row)
                ->data(kRevisionIdRole)
                .toString()
                .compare(revisionId, Qt::CaseInsensitive) == 0) {
            m_revisions->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

AlmTaskChoice AlmSourceDialog::choice() const
{
    AlmTaskChoice result;
    result.sourceModelId = m_models->currentData().toString();
    result.sourceModelName = m_models->currentData(Qt::UserRole + 1).toString();
    if (const QListWidgetItem *item = m_revisions->currentItem()) {
        result.sourceRevisionId = item->data(kRevisionIdRole).toString();
        result.sourceRevisionName = item->data(kRevisionNameRole).toString();
    }
    result.targetRevisionId = m_targetLatest.id;
    return result;
}

void AlmSourceDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_revisions->currentItem() != nullptr);
}

void AlmSourceDialog::accept()
{
    const AlmTaskChoice selected = choice();
    if (selected.sourceModelId.isEmpty() || selected.sourceRevisionId.isEmpty()) {
        m_banner->showMessage(InlineBanner::Level::Warning,
                              tr("Choose a source model and one of its revisions first."));
        return;
    }
    Q_EMIT chosen(selected);
    QDialog::accept();
}

} // namespace anadesk
