#include "DropUploadDialog.h"

#include "OperationListModel.h"
#include "TaskMonitor.h"
#include "TaskMonitorModel.h"
#include "TaskTracker.h"
#include "UploadPreviewTab.h"
#include "browser/InlineBanner.h"
#include "common/MessageBoxes.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace anadesk {

namespace {

enum PageIndex
{
    LoadingPage,
    PreviewPage,
    UploadPage,
    ImportsPage
};

bool isImportSource(const File &file)
{
    return file.id.startsWith(QLatin1String("113"));
}

} // namespace

DropUploadDialog::DropUploadDialog(const BulkClient &client, const QString &modelName,
                                   const QList<QUrl> &urls, const QString &dropTargetFileId,
                                   TaskMonitor *monitor, MessageBoxes *messages,
                                   const TransferSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_modelName(modelName)
    , m_dropTargetId(dropTargetFileId)
    , m_monitor(monitor)
    , m_messages(messages)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("dropUploadDialog"));
    setWindowTitle(tr("Upload to %1").arg(modelName.isEmpty() ? client.modelId() : modelName));
    resize(900, 600);

    QSet<QString> seen;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile()) {
            m_rejected.append(tr("%1: not a local file (only files from this computer can be uploaded)")
                                  .arg(url.toDisplayString()));
            continue;
        }
        const QFileInfo info(url.toLocalFile());
        const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
        if (!info.exists())
            m_rejected.append(tr("%1: the file does not exist").arg(shown));
        else if (info.isDir())
            m_rejected.append(tr("%1: a folder; drop the files inside it instead").arg(shown));
        else if (!info.isReadable())
            m_rejected.append(tr("%1: you may not read this file").arg(shown));
        else if (!seen.contains(info.absoluteFilePath())) {
            seen.insert(info.absoluteFilePath());
            m_localPaths.append(info.absoluteFilePath());
        }
    }
    buildUi();
    if (m_localPaths.isEmpty()) {
        m_loadingLabel->setText(tr("Nothing to upload.") + QLatin1Char('\n') +
                                m_rejected.join(QLatin1Char('\n')));
        return;
    }
    loadModelObjects();
}

DropUploadDialog::~DropUploadDialog()
{
    if (m_filesJob)
        m_filesJob->abort();
    if (m_importsJob)
        m_importsJob->abort();
}

void DropUploadDialog::buildUi()
{
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("dropUploadPages"));

    // Loading.
    auto *loading = new QWidget(m_pages);
    m_loadingLabel = new QLabel(tr("Reading the files and imports of the model…"), loading);
    m_loadingLabel->setObjectName(QStringLiteral("loadingLabel"));
    m_loadingLabel->setWordWrap(true);
    m_retry = new QPushButton(tr("&Retry"), loading);
    m_retry->setObjectName(QStringLiteral("retryLoadButton"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &DropUploadDialog::loadModelObjects);
    auto *loadingLayout = new QVBoxLayout(loading);
    loadingLayout->addWidget(m_loadingLabel);
    loadingLayout->addWidget(m_retry, 0, Qt::AlignLeft);
    loadingLayout->addStretch(1);
    m_pages->addWidget(loading);

    // Preview.
    auto *preview = new QWidget(m_pages);
    m_previewTabs = new QTabWidget(preview);
    m_previewTabs->setObjectName(QStringLiteral("previewTabs"));
    m_problem = new QLabel(preview);
    m_problem->setObjectName(QStringLiteral("previewProblemLabel"));
    m_problem->setWordWrap(true);
    auto *previewLayout = new QVBoxLayout(preview);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewTabs, 1);
    previewLayout->addWidget(m_problem);
    m_pages->addWidget(preview);

    // Uploading: one row per file (name, progress, cancel).
    auto *uploadPage = new QWidget(m_pages);
    m_uploadRows = new QVBoxLayout(uploadPage);
    m_pages->addWidget(uploadPage);

    // Imports to run.
    m_importsPage = new QWidget(m_pages);
    m_importRows = new QVBoxLayout(m_importsPage);
    auto *importsIntro =
        new QLabel(tr("These imports read the files you uploaded. Run them now?"), m_importsPage);
    importsIntro->setObjectName(QStringLiteral("importsIntroLabel"));
    importsIntro->setWordWrap(true);
    m_importRows->addWidget(importsIntro);
    m_pages->addWidget(m_importsPage);

    // Running and done: a summary above the table of operations (the pages are hidden then).
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("resultsSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->hide();

    // The operations of this drop (uploads, then import runs) with their outcome, from the upload on.
    m_operations = new OperationListModel(m_monitor->model(), this);
    m_operationsView = new QTableView(this);
    m_operationsView->setObjectName(QStringLiteral("resultsTable"));
    m_operationsView->setModel(m_operations);
    m_operationsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_operationsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_operationsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_operationsView->horizontalHeader()->setStretchLastSection(true);
    m_operationsView->setColumnWidth(OperationListModel::OperationColumn, 280);
    m_operationsView->setAccessibleName(tr("Uploads and imports"));
    m_operationsView->hide();
    connect(m_operationsView, &QTableView::activated, this, [this] { openFailureDump(); });

    auto *buttons = new QDialogButtonBox(this);
    m_uploadButton = buttons->addButton(tr("&Upload"), QDialogButtonBox::AcceptRole);
    m_uploadButton->setObjectName(QStringLiteral("uploadButton"));
    m_runImportsButton = buttons->addButton(tr("&Run imports"), QDialogButtonBox::AcceptRole);
    m_runImportsButton->setObjectName(QStringLiteral("runImportsButton"));
    m_skipImportsButton = buttons->addButton(tr("&Skip"), QDialogButtonBox::ActionRole);
    m_skipImportsButton->setObjectName(QStringLiteral("skipImportsButton"));
    m_openDumpButton = buttons->addButton(tr("Open failure &dump"), QDialogButtonBox::ActionRole);
    m_openDumpButton->setObjectName(QStringLiteral("openDumpButton"));
    m_closeButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    // The dialog decides itself what Enter does on each page.
    for (QPushButton *button :
         {m_uploadButton, m_runImportsButton, m_skipImportsButton, m_openDumpButton, m_closeButton})
        button->setAutoDefault(false);
    connect(m_uploadButton, &QPushButton::clicked, this, &DropUploadDialog::startUploads);
    connect(m_runImportsButton, &QPushButton::clicked, this, &DropUploadDialog::runSelectedImports);
    connect(m_skipImportsButton, &QPushButton::clicked, this, &DropUploadDialog::skipImports);
    connect(m_openDumpButton, &QPushButton::clicked, this, [this] { openFailureDump(); });
    connect(m_closeButton, &QPushButton::clicked, this, &DropUploadDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_operationsView, 1);
    layout->addWidget(buttons);

    connect(m_monitor->tracker(), &TaskTracker::taskFinished, this, [this](int id) {
        if (id == m_runningImportTask) {
            m_runningImportTask = 0;
            runNextImport();
        }
        bool dump = false;
        for (int row = 0; row < m_operations->rowCount(); ++row)
            dump = dump || m_operations->index(row, 0).data(OperationListModel::DumpAvailableRole).toBool();
        m_openDumpButton->setEnabled(dump);
    });
    setStage(Stage::Loading);
}

void DropUploadDialog::setStage(Stage stage)
{
    m_stage = stage;
    switch (stage) {
    case Stage::Loading:
        m_pages->setCurrentIndex(LoadingPage);
        break;
    case Stage::Preview:
        m_pages->setCurrentIndex(PreviewPage);
        break;
    case Stage::Uploading:
        m_pages->setCurrentIndex(UploadPage);
        break;
    case Stage::Imports:
        m_pages->setCurrentIndex(ImportsPage);
        break;
    case Stage::Running:
    case Stage::Done:
        break;
    }
    const bool finishing = stage == Stage::Running || stage == Stage::Done;
    m_pages->setVisible(!finishing);
    m_summary->setVisible(finishing);
    m_uploadButton->setVisible(stage == Stage::Preview);
    m_runImportsButton->setVisible(stage == Stage::Imports);
    m_skipImportsButton->setVisible(stage == Stage::Imports);
    m_openDumpButton->setVisible(stage == Stage::Running || stage == Stage::Done);
    m_operationsView->setVisible(stage != Stage::Loading && stage != Stage::Preview);
    m_closeButton->setText(stage == Stage::Done || stage == Stage::Running ? tr("&Close") : tr("&Cancel"));
    if (stage == Stage::Preview)
        m_uploadButton->setDefault(true);
    else if (stage == Stage::Imports)
        m_runImportsButton->setDefault(true);
    Q_EMIT stageChanged(stage);
}

bool DropUploadDialog::connectionLost()
{
    if (m_client.isValid())
        return false;
    const QString text =
        tr("The connection to Anaplan was closed. Connect again, then drop the files again.");
    m_loadingLabel->setText(text);
    m_summary->setText(text);
    m_importQueue.clear();
    for (Upload &upload : m_uploads) {
        if (upload.queued) {
            upload.queued = false;
            upload.skipped = true;
            upload.cancel->setEnabled(false);
            upload.bar->setFormat(tr("Not uploaded"));
        }
    }
    if (m_stage != Stage::Loading)
        setStage(Stage::Done);
    return true;
}

void DropUploadDialog::loadModelObjects()
{
    if (connectionLost())
        return;
    m_retry->hide();
    m_loadingLabel->setText(tr("Reading the files and imports of the model…"));
    m_filesLoaded = m_importsLoaded = false;
    auto failed = [this](const QString &what, const ApiError &error) {
        if (m_filesJob)
            m_filesJob->abort();
        if (m_importsJob)
            m_importsJob->abort();
        m_loadingLabel->setText(InlineBanner::describe(what, error));
        m_retry->show();
    };
    ListFilesJob *files = m_client.getFiles();
    m_filesJob = files;
    connect(files, &Job::succeeded, this, [this, files] {
        m_files.clear();
        for (const File &file : files->files()) {
            if (isImportSource(file))
                m_files.append(file);
        }
        m_filesLoaded = true;
        onModelObjectsLoaded();
    });
    connect(files, &Job::failed, this,
            [failed](const ApiError &error) { failed(tr("Listing the model's files"), error); });
    ListImportsJob *imports = m_client.getImports();
    m_importsJob = imports;
    connect(imports, &Job::succeeded, this, [this, imports] {
        m_imports = imports->imports();
        m_importsLoaded = true;
        onModelObjectsLoaded();
    });
    connect(imports, &Job::failed, this,
            [failed](const ApiError &error) { failed(tr("Listing the model's imports"), error); });
}

void DropUploadDialog::onModelObjectsLoaded()
{
    if (!m_filesLoaded || !m_importsLoaded || m_stage != Stage::Loading)
        return;
    buildPreview();
    setStage(Stage::Preview);
}

QString DropUploadDialog::initialTargetFor(const QString &localPath, const QSet<QString> &taken) const
{
    const QString name = QFileInfo(localPath).fileName();
    for (const File &file : m_files) {
        if (file.name.compare(name, Qt::CaseInsensitive) == 0 && !taken.contains(file.id))
            return file.id;
    }
    const bool dropTargetKnown = std::any_of(m_files.cbegin(), m_files.cend(),
                                             [this](const File &file) { return file.id == m_dropTargetId; });
    if (dropTargetKnown && !taken.contains(m_dropTargetId))
        return m_dropTargetId;
    return {};
}

void DropUploadDialog::buildPreview()
{
    QSet<QString> taken;
    // A single file dropped on a row goes to that row, whatever its name.
    const bool oneOnRow = m_localPaths.size() == 1 && !m_dropTargetId.isEmpty();
    for (const QString &path : std::as_const(m_localPaths)) {
        const QString target = oneOnRow ? m_dropTargetId : initialTargetFor(path, taken);
        if (!target.isEmpty())
            taken.insert(target);
        auto *tab = new UploadPreviewTab(path, m_files, target, m_previewTabs);
        m_tabs.append(tab);
        m_previewTabs->addTab(tab, QFileInfo(path).fileName());
        connect(tab, &UploadPreviewTab::targetChanged, this, &DropUploadDialog::updateUploadButton);
    }
    updateUploadButton();
}

QString DropUploadDialog::uploadProblem() const
{
    if (m_tabs.isEmpty())
        return tr("Nothing to upload.");
    QStringList problems;
    QHash<QString, QString> byTarget;
    for (const UploadPreviewTab *tab : m_tabs) {
        const QString local = QFileInfo(tab->localPath()).fileName();
        if (tab->targetId().isEmpty()) {
            problems.append(tr("Choose the model file that '%1' goes to.").arg(local));
            continue;
        }
        if (byTarget.contains(tab->targetId()))
            problems.append(tr("'%1' and '%2' both go to '%3': choose another file for one of them.")
                                .arg(byTarget.value(tab->targetId()), local, tab->target()->name));
        byTarget.insert(tab->targetId(), local);
    }
    if (!m_dropTargetId.isEmpty() && std::none_of(m_files.cbegin(), m_files.cend(), [this](const File &file) {
            return file.id == m_dropTargetId;
        }))
        problems.prepend(
            tr("The row you dropped on (%1) is not a file imports read from (an export's output?).")
                .arg(m_dropTargetId));
    return problems.join(QLatin1Char('\n'));
}

void DropUploadDialog::updateUploadButton()
{
    const QString problem = uploadProblem();
    QStringList lines;
    if (!problem.isEmpty())
        lines.append(problem);
    else
        lines.append(tr("Uploading replaces the content of the chosen model files."));
    if (!m_rejected.isEmpty())
        lines.append(tr("Not uploaded: %1").arg(m_rejected.join(QStringLiteral("; "))));
    m_problem->setText(lines.join(QLatin1Char('\n')));
    m_uploadButton->setEnabled(problem.isEmpty());
}

QProgressBar *DropUploadDialog::progressBar(int fileIndex) const
{
    return fileIndex >= 0 && fileIndex < m_uploads.size() ? m_uploads.at(fileIndex).bar : nullptr;
}

void DropUploadDialog::startUploads()
{
    if (m_stage != Stage::Preview || !uploadProblem().isEmpty())
        return;
    auto *grid = new QGridLayout;
    for (int i = 0; i < m_tabs.size(); ++i) {
        UploadPreviewTab *tab = m_tabs.at(i);
        Upload upload;
        upload.tab = tab;
        upload.queued = true;
        auto *name =
            new QLabel(tr("%1 → %2").arg(QFileInfo(tab->localPath()).fileName(), tab->target()->name), this);
        upload.bar = new QProgressBar(this);
        upload.bar->setObjectName(QStringLiteral("uploadProgress_%1").arg(i));
        upload.bar->setRange(0, 1000);
        upload.bar->setValue(0);
        upload.bar->setFormat(tr("Waiting"));
        upload.bar->setAccessibleName(tr("Progress of %1").arg(QFileInfo(tab->localPath()).fileName()));
        upload.status = new QLabel(this);
        upload.status->setObjectName(QStringLiteral("uploadStatus_%1").arg(i));
        upload.cancel = new QPushButton(tr("Cancel"), this);
        upload.cancel->setObjectName(QStringLiteral("cancelUpload_%1").arg(i));
        upload.cancel->setAutoDefault(false);
        connect(upload.cancel, &QPushButton::clicked, this, [this, i] { cancelUpload(i); });
        grid->addWidget(name, i * 2, 0);
        grid->addWidget(upload.bar, i * 2, 1);
        grid->addWidget(upload.cancel, i * 2, 2);
        grid->addWidget(upload.status, i * 2 + 1, 0, 1, 3);
        m_uploads.append(upload);
        m_settings.rememberUploadedFile(tab->localPath());
    }
    grid->setColumnStretch(1, 1);
    m_uploadRows->addLayout(grid);
    m_uploadRows->addStretch(1);
    setStage(Stage::Uploading);
    uploadNext();
}

void DropUploadDialog::uploadNext()
{
    m_current = -1;
    for (int i = 0; i < m_uploads.size(); ++i) {
        if (m_uploads.at(i).queued) {
            m_current = i;
            break;
        }
    }
    if (m_current < 0) {
        offerImports();
        return;
    }
    if (connectionLost())
        return;
    const int index = m_current;
    Upload &upload = m_uploads[index];
    upload.queued = false;
    const File *target = upload.tab->target();
    UploadFileJob *job = m_client.uploadFileFromPath(target->id, upload.tab->localPath());
    upload.taskId = m_monitor->tracker()->trackUpload(
        job, {m_client, target->id, target->name, m_modelName, upload.tab->localPath()});
    m_uploadIds.append(upload.taskId);
    m_operations->append(upload.taskId);
    upload.bar->setFormat(tr("Starting…"));
    connect(job, &UploadFileJob::progress, this,
            [this, index](qint64 done, qint64 total, int doneChunks, int totalChunks) {
                if (index != m_current)
                    return; // already finished (a late signal)
                Upload &current = m_uploads[index];
                current.bar->setFormat(QStringLiteral("%p%"));
                current.status->setText(
                    tr("%1 of %2 · chunk %3 of %4")
                        .arg(QLocale().formattedDataSize(done), QLocale().formattedDataSize(total))
                        .arg(doneChunks)
                        .arg(totalChunks));
                // Last: a slot on the bar may cancel (and finish) the upload right here.
                current.bar->setValue(total > 0 ? int(done * 1000 / total) : 0);
            });
    connect(job, &Job::finished, this, [this, index] { onUploadFinished(index); });
}

void DropUploadDialog::onUploadFinished(int index)
{
    Upload &upload = m_uploads[index];
    upload.cancel->setEnabled(false);
    const MonitoredTask *task = m_monitor->model()->task(upload.taskId);
    upload.succeeded = task && task->state == MonitoredState::Succeeded;
    if (upload.succeeded) {
        upload.bar->setValue(1000);
        upload.bar->setFormat(tr("Done"));
        upload.status->setText(task->message);
    } else {
        upload.bar->setFormat(task && task->state == MonitoredState::Cancelled ? tr("Cancelled")
                                                                               : tr("Failed"));
        upload.status->setText(task ? task->message : QString());
    }
    uploadNext();
}

void DropUploadDialog::cancelUpload(int fileIndex)
{
    if (fileIndex < 0 || fileIndex >= m_uploads.size())
        return;
    Upload &upload = m_uploads[fileIndex];
    if (upload.queued) {
        upload.queued = false;
        upload.skipped = true;
        upload.cancel->setEnabled(false);
        upload.bar->setFormat(tr("Cancelled"));
        upload.status->setText(tr("Not uploaded."));
        return;
    }
    if (fileIndex == m_current && upload.taskId)
        m_monitor->tracker()->cancel(upload.taskId); // finishes → onUploadFinished → next
}

void DropUploadDialog::cancelUploads()
{
    for (int i = 0; i < m_uploads.size(); ++i) {
        if (m_uploads.at(i).queued)
            cancelUpload(i);
    }
    if (m_current >= 0)
        cancelUpload(m_current);
}

void DropUploadDialog::offerImports()
{
    QHash<QString, QString> uploadedNames; // file id → name
    for (const Upload &upload : std::as_const(m_uploads)) {
        if (upload.succeeded)
            uploadedNames.insert(upload.tab->targetId(), upload.tab->target()->name);
    }
    for (const Import &import : std::as_const(m_imports)) {
        if (!import.hasDataSource() || !uploadedNames.contains(import.importDataSourceId))
            continue;
        auto *check =
            new QCheckBox(tr("%1 (%2) — reads %3")
                              .arg(import.name, import.id, uploadedNames.value(import.importDataSourceId)),
                          m_importsPage);
        check->setObjectName(QStringLiteral("importCheck_%1").arg(import.id));
        check->setChecked(true);
        check->setProperty("importName", import.name);
        m_importChecks.insert(import.id, check);
        m_importRows->addWidget(check);
    }
    m_importRows->addStretch(1);
    if (m_importChecks.isEmpty()) {
        showDone();
        return;
    }
    setStage(Stage::Imports);
}

void DropUploadDialog::runSelectedImports()
{
    if (m_stage != Stage::Imports)
        return;
    m_importQueue.clear();
    // In the order the model lists them: a later import may depend on an earlier one.
    for (const Import &import : std::as_const(m_imports)) {
        QCheckBox *check = m_importChecks.value(import.id);
        if (check && check->isChecked())
            m_importQueue.append(import.id);
        if (check)
            check->setEnabled(false);
    }
    setStage(Stage::Running);
    m_summary->setText(
        tr("Running %n import(s)… They also appear in the task monitor; closing this window does "
           "not stop the one running.",
           nullptr, int(m_importQueue.size())));
    runNextImport();
}

void DropUploadDialog::skipImports()
{
    m_importQueue.clear();
    showDone();
}

void DropUploadDialog::runNextImport()
{
    if (m_stage != Stage::Running)
        return;
    if (connectionLost())
        return;
    if (m_importQueue.isEmpty()) {
        showDone();
        return;
    }
    const QString importId = m_importQueue.takeFirst();
    const QString name = m_importChecks.value(importId)->property("importName").toString();
    // One at a time: Anaplan refuses a second task on a model while one runs (409).
    m_runningImportTask = m_monitor->tracker()->run({m_client, importId, name, m_modelName, {}});
    m_importIds.append(m_runningImportTask);
    m_operations->append(m_runningImportTask);
}

void DropUploadDialog::showDone()
{
    int uploaded = 0;
    for (const Upload &upload : std::as_const(m_uploads))
        uploaded += upload.succeeded ? 1 : 0;
    int importsOk = 0;
    int importsFailed = 0;
    bool dump = false;
    for (int id : std::as_const(m_importIds)) {
        const MonitoredTask *task = m_monitor->model()->task(id);
        if (!task)
            continue;
        importsOk += task->state == MonitoredState::Succeeded ? 1 : 0;
        importsFailed += task->state != MonitoredState::Succeeded ? 1 : 0;
        dump = dump || task->hasFailureDump();
    }
    QStringList lines{tr("%1 of %n file(s) uploaded.", nullptr, int(m_uploads.size())).arg(uploaded)};
    if (!m_importIds.isEmpty())
        lines.append(tr("Imports: %1 succeeded, %2 failed.").arg(importsOk).arg(importsFailed));
    if (dump)
        lines.append(tr("Some rows failed: select the import and press \"Open failure dump\" to see why."));
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_openDumpButton->setEnabled(dump);
    setStage(Stage::Done);
}

bool DropUploadDialog::openFailureDump()
{
    int id = 0;
    const QModelIndexList selected = m_operationsView->selectionModel()->selectedRows();
    if (!selected.isEmpty() && selected.first().data(OperationListModel::DumpAvailableRole).toBool())
        id = selected.first().data(OperationListModel::TaskIdRole).toInt();
    for (int row = 0; id == 0 && row < m_operations->rowCount(); ++row) {
        const QModelIndex index = m_operations->index(row, 0);
        if (index.data(OperationListModel::DumpAvailableRole).toBool())
            id = index.data(OperationListModel::TaskIdRole).toInt();
    }
    return id != 0 && m_monitor->openFailureDump(id);
}

void DropUploadDialog::reject()
{
    if (m_stage == Stage::Uploading) {
        const auto answer =
            m_messages
                ? m_messages->question(this, QStringLiteral("cancelUploadsConfirm"), tr("Stop uploading?"),
                                       tr("Stop the uploads and close this window?"),
                                       tr("A file whose upload is stopped is left incomplete in "
                                          "the model: upload it again before running the imports "
                                          "that read it."))
                : QMessageBox::Yes;
        if (answer != QMessageBox::Yes)
            return;
        cancelUploads();
    }
    QDialog::reject();
}

} // namespace anadesk
