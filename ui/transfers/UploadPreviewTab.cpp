#include "UploadPreviewTab.h"

#include "CsvTableModel.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace anadesk {

UploadPreviewTab::UploadPreviewTab(const QString &localPath, const QList<File> &modelFiles,
                                   const QString &initialTargetId, QWidget *parent)
    : QWidget(parent)
    , m_localPath(localPath)
    , m_size(QFileInfo(localPath).size())
    , m_files(modelFiles)
    , m_combo(new QComboBox(this))
    , m_format(new QLabel(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
    , m_model(new CsvTableModel(this))
{
    setObjectName(QStringLiteral("uploadPreviewTab"));
    m_combo->setObjectName(QStringLiteral("targetFileCombo"));
    m_combo->setAccessibleName(tr("Model file to upload to"));
    m_combo->addItem(tr("Choose a file of the model…"), QString());
    for (const File &file : m_files)
        m_combo->addItem(tr("%1 (%2)").arg(file.name, file.id), file.id);
    m_format->setObjectName(QStringLiteral("previewFormatLabel"));
    m_format->setWordWrap(true);
    m_view->setObjectName(QStringLiteral("previewTable"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAccessibleName(tr("First rows of %1").arg(QFileInfo(localPath).fileName()));
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_status->setObjectName(QStringLiteral("previewStatusLabel"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *source = new QLabel(QStringLiteral("%1 · %2").arg(QDir::toNativeSeparators(localPath),
                                                            QLocale().formattedDataSize(m_size)),
                              this);
    source->setObjectName(QStringLiteral("previewSourceLabel"));
    source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Local file:"), source);
    auto *targetLabel = new QLabel(tr("&Upload to:"), this);
    targetLabel->setBuddy(m_combo);
    form->addRow(targetLabel, m_combo);
    form->addRow(tr("Read as:"), m_format);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(&m_watcher, &QFutureWatcher<CsvTable>::finished, this, &UploadPreviewTab::onPreviewFinished);
    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        startPreview();
        Q_EMIT targetChanged(targetId());
    });
    setTargetId(initialTargetId);
    startPreview();
}

UploadPreviewTab::~UploadPreviewTab()
{
    m_watcher.waitForFinished(); // reads at most the preview's bytes: short
}

QString UploadPreviewTab::targetId() const
{
    return m_combo->currentData().toString();
}

const File *UploadPreviewTab::target() const
{
    const QString id = targetId();
    for (const File &file : m_files) {
        if (file.id == id)
            return &file;
    }
    return nullptr;
}

void UploadPreviewTab::setTargetId(const QString &fileId)
{
    const int index = m_combo->findData(fileId);
    m_combo->setCurrentIndex(index < 0 ? 0 : index);
}

void UploadPreviewTab::startPreview()
{
    const File *file = target();
    // Without a target the rows are read as plain UTF-8 CSV; the chosen file's metadata replaces that.
    const CsvFormat format = file ? CsvFormat::forFile(*file) : CsvFormat{};
    m_format->setText(file ? format.describe() : tr("%1 (no file chosen yet)").arg(format.describe()));
    m_ready = false;
    m_status->setText(tr("Reading the first rows…"));
    const QString path = m_localPath;
    m_watcher.setFuture(
        QtConcurrent::run([path, format] { return CsvReader::previewFile(path, format, kPreviewRows); }));
}

void UploadPreviewTab::onPreviewFinished()
{
    const CsvTable table = m_watcher.result();
    m_model->setTable(table);
    m_view->resizeColumnsToContents();
    if (!table.error.isEmpty()) {
        m_status->setText(table.error);
    } else {
        QString text = table.truncated ? tr("First %n row(s) of the file.", nullptr, int(table.rows.size()))
                                       : tr("All %n row(s) of the file.", nullptr, int(table.rows.size()));
        text += QLatin1Char(' ') + tr("%n column(s).", nullptr, table.columnCount());
        if (!table.warning.isEmpty())
            text += QLatin1Char(' ') + table.warning;
        m_status->setText(text);
    }
    m_ready = true;
    Q_EMIT previewReady();
}

} // namespace anadesk
