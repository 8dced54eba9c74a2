#include "LogView.h"

#include "LogModel.h"
#include "common/FileDialogs.h"
#include "common/MessageBoxes.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace anadesk {

namespace {
// QtMsgType's numeric order is not by severity (QtInfoMsg = 4).
int severityOf(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 1;
}
} // namespace

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setFilterCaseSensitivity(Qt::CaseInsensitive);
}

void LogFilterProxy::setMinimumType(QtMsgType type)
{
    m_minimum = type;
    invalidateFilter();
}

void LogFilterProxy::setFilterText(const QString &text)
{
    m_text = text;
    invalidateFilter();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex messageIndex = sourceModel()->index(sourceRow, LogModel::MessageColumn, sourceParent);
    const auto type = QtMsgType(messageIndex.data(LogModel::TypeRole).toInt());
    if (severityOf(type) < severityOf(m_minimum))
        return false;
    if (m_text.isEmpty())
        return true;
    const QString category = sourceModel()->index(sourceRow, LogModel::CategoryColumn, sourceParent).data().toString();
    return messageIndex.data().toString().contains(m_text, Qt::CaseInsensitive)
           || category.contains(m_text, Qt::CaseInsensitive);
}

LogView::LogView(LogModel *model, FileDialogs *files, MessageBoxes *messages, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_files(files)
    , m_messages(messages)
    , m_proxy(new LogFilterProxy(this))
{
    setObjectName(QStringLiteral("logView"));
    m_proxy->setSourceModel(model);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_filter->setPlaceholderText(tr("Filter messages"));
    m_filter->setClearButtonEnabled(true);
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);

    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("logLevel"));
    m_level->addItem(tr("Debug and above"), int(QtDebugMsg));
    m_level->addItem(tr("Info and above"), int(QtInfoMsg));
    m_level->addItem(tr("Warnings and errors"), int(QtWarningMsg));
    m_level->addItem(tr("Errors only"), int(QtCriticalMsg));
    m_level->setCurrentIndex(1);
    m_proxy->setMinimumType(QtInfoMsg);
    auto *levelLabel = new QLabel(tr("&Show:"), this);
    levelLabel->setBuddy(m_level);

    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(QStringLiteral("logCopy"));
    m_save = new QPushButton(tr("Sa&ve…"), this);
    m_save->setObjectName(QStringLiteral("logSave"));
    m_clear = new QPushButton(tr("C&lear"), this);
    m_clear->setObjectName(QStringLiteral("logClear"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(LogModel::TimeColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(LogModel::LevelColumn, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(LogModel::CategoryColumn, 160);
    auto *copyAction = new QAction(tr("Copy"), m_table);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(copyAction);
    connect(copyAction, &QAction::triggered, this, &LogView::copySelection);

    auto *bar = new QHBoxLayout;
    bar->addWidget(filterLabel);
    bar->addWidget(m_filter, 1);
    bar->addWidget(levelLabel);
    bar->addWidget(m_level);
    bar->addWidget(m_copy);
    bar->addWidget(m_save);
    bar->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    setTabOrder(m_filter, m_level);
    setTabOrder(m_level, m_copy);
    setTabOrder(m_copy, m_save);
    setTabOrder(m_save, m_clear);
    setTabOrder(m_clear, m_table);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &LogFilterProxy::setFilterText);
    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_proxy->setMinimumType(QtMsgType(m_level->itemData(index).toInt())); });
    connect(m_copy, &QPushButton::clicked, this, &LogView::copySelection);
    connect(m_save, &QPushButton::clicked, this, &LogView::saveToFile);
    connect(m_clear, &QPushButton::clicked, m_model, &LogModel::clear);
    // Follow new lines while the view is at the bottom.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        const QScrollBar *scrollBar = m_table->verticalScrollBar();
        if (scrollBar->value() >= scrollBar->maximum() - 2)
            QMetaObject::invokeMethod(m_table, &QTableView::scrollToBottom, Qt::QueuedConnection);
    });
}

QString LogView::visibleText() const
{
    QString text;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex source = m_proxy->mapToSource(m_proxy->index(row, 0));
        text += LogModel::formatLine(m_model->entries().at(source.row())) % QLatin1Char('\n');
    }
    return text;
}

void LogView::copySelection()
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : selected)
        rows << m_proxy->mapToSource(index).row();
    std::sort(rows.begin(), rows.end());
    QString text;
    if (rows.isEmpty()) {
        text = visibleText();
    } else {
        for (const int row : std::as_const(rows))
            text += LogModel::formatLine(m_model->entries().at(row)) % QLatin1Char('\n');
    }
    QApplication::clipboard()->setText(text);
}

void LogView::saveToFile()
{
    const QString path =
        m_files->saveFileName(this, QStringLiteral("saveLogDialog"), tr("Save Log"),
                              QDir::home().filePath(QStringLiteral("anadesk-log.txt")), tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(visibleText().toUtf8()) < 0 || !file.commit()) {
        m_messages->warning(this, QStringLiteral("saveLogFailed"), tr("Save Log"),
                            tr("The log could not be saved to %1.").arg(QDir::toNativeSeparators(path)),
                            tr("Choose another folder or file name. (%1)").arg(file.errorString()));
    }
}

} // namespace anadesk
