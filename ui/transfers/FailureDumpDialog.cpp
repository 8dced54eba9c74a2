#include "FailureDumpDialog.h"

#include "common/FileDialogs.h"
#include "common/MessageBoxes.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace anadesk {

namespace {

// Runs on a worker: writes the bytes atomically; returns an error sentence or "".
QString writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return FailureDumpDialog::tr("Cannot write '%1': %2.").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return FailureDumpDialog::tr("Cannot write '%1': %2.").arg(path, file.errorString());
    return {};
}

} // namespace

FailureDumpDialog::FailureDumpDialog(const QByteArray &dump, const QString &title,
                                     const QString &suggestedName, FileDialogs *files, MessageBoxes *messages,
                                     const TransferSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_dump(dump)
    , m_suggestedName(suggestedName)
    , m_files(files)
    , m_messages(messages)
    , m_settings(settings)
    , m_model(new CsvTableModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_column(new QComboBox(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("failureDumpDialog"));
    setWindowTitle(tr("Failure dump — %1").arg(title));
    resize(900, 500);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(Qt::DisplayRole);

    m_view->setObjectName(QStringLiteral("dumpTable"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    // Unsorted at first: the dump's own order is the order of the rows in the file.
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Rows that failed"));

    m_filter->setObjectName(QStringLiteral("dumpFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter rows (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter rows"));
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    m_column->setObjectName(QStringLiteral("dumpFilterColumn"));
    m_column->setAccessibleName(tr("Column to filter"));
    m_column->addItem(tr("All columns"), -1);
    m_status->setObjectName(QStringLiteral("dumpStatusLabel"));
    m_status->setText(tr("Reading the dump…"));

    auto *filterShortcut = new QAction(this);
    filterShortcut->setShortcut(QKeySequence::Find);
    connect(filterShortcut, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(filterShortcut);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(QStringLiteral("saveDumpButton"));
    m_save->setToolTip(tr("Save the dump as it came from Anaplan (Ctrl+S)"));
    m_save->setShortcut(QKeySequence::Save);
    connect(m_save, &QPushButton::clicked, this, &FailureDumpDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_column);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &FailureDumpDialog::applyFilter);
    connect(m_column, &QComboBox::currentIndexChanged, this, &FailureDumpDialog::applyFilter);
    connect(&m_parse, &QFutureWatcher<CsvTable>::finished, this, &FailureDumpDialog::onParsed);
    connect(&m_write, &QFutureWatcher<QString>::finished, this, [this] {
        m_save->setEnabled(true);
        const QString error = m_write.result();
        const QString path = m_write.property("path").toString();
        if (error.isEmpty()) {
            m_settings.rememberSavedFile(path);
            m_status->setText(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
            Q_EMIT saved(path);
        } else {
            m_status->setText(error);
            if (m_messages)
                m_messages->warning(this, QStringLiteral("saveDumpFailed"), tr("Save failed"), error,
                                    tr("Choose another folder, or free space on the disk."));
            Q_EMIT saveFailed(error);
        }
    });

    const QByteArray bytes = m_dump;
    m_parse.setFuture(QtConcurrent::run(
        [bytes] { return CsvReader::parseDocument(bytes, CsvReader::sniffFormat(bytes)); }));
}

FailureDumpDialog::~FailureDumpDialog()
{
    // The workers only hold copies of the bytes; wait so that no result arrives at a dead object.
    m_parse.waitForFinished();
    m_write.waitForFinished();
}

void FailureDumpDialog::onParsed()
{
    const CsvTable table = m_parse.result();
    m_model->setTable(table);
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_column->addItem(m_model->headerData(column, Qt::Horizontal).toString(), column);
    m_view->resizeColumnsToContents();
    m_parsed = true;
    if (!table.error.isEmpty())
        m_status->setText(table.error);
    else
        updateStatus();
    Q_EMIT parsed();
}

void FailureDumpDialog::applyFilter()
{
    m_proxy->setFilterKeyColumn(m_column->currentData().toInt());
    m_proxy->setFilterFixedString(m_filter->text());
    if (m_parsed)
        updateStatus();
}

void FailureDumpDialog::updateStatus()
{
    const CsvTable &table = m_model->table();
    QString text =
        tr("Showing %1 of %n failed row(s)", nullptr, m_model->rowCount()).arg(m_proxy->rowCount());
    if (!table.warning.isEmpty())
        text += QStringLiteral(" · ") + table.warning;
    m_status->setText(text);
}

void FailureDumpDialog::save()
{
    if (!m_files || m_write.isRunning())
        return;
    const QString proposed = QDir(m_settings.downloadFolder()).filePath(m_suggestedName);
    const QString path =
        m_files->saveFileName(this, QStringLiteral("saveDumpDialog"), tr("Save failure dump"), proposed,
                              tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    m_save->setEnabled(false);
    m_status->setText(tr("Saving…"));
    m_write.setProperty("path", path);
    const QByteArray bytes = m_dump;
    m_write.setFuture(QtConcurrent::run([path, bytes] { return writeFile(path, bytes); }));
}

} // namespace anadesk
