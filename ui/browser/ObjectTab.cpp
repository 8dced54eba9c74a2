#include "ObjectTab.h"

#include "BrowserRoles.h"
#include "InlineBanner.h"
#include "ObjectColumns.h"

#include <QAction>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace anadesk {

namespace {
QList<QUrl> localFileUrls(const QMimeData *mime)
{
    QList<QUrl> urls;
    if (!mime || !mime->hasUrls())
        return urls;
    const QList<QUrl> all = mime->urls();
    for (const QUrl &url : all) {
        if (url.isLocalFile())
            urls.append(url);
    }
    return urls;
}

// Whole sentences per kind: the article and adjective agree with the noun's gender in other languages.
QString runToolTip(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Import:
        return ObjectTab::tr("Run the selected import (Enter or double-click)");
    case ObjectKind::Export:
        return ObjectTab::tr("Run the selected export (Enter or double-click)");
    case ObjectKind::Process:
        return ObjectTab::tr("Run the selected process (Enter or double-click)");
    case ObjectKind::Action:
        return ObjectTab::tr("Run the selected action (Enter or double-click)");
    default:
        return {};
    }
}
} // namespace

ObjectTab::ObjectTab(ObjectKind kind, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_model(new ObjectTableModel(kind, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(stem(kind) + QStringLiteral("Tab"));
    m_model->setObjectName(stem(kind) + QStringLiteral("Model"));
    m_proxy->setObjectName(stem(kind) + QStringLiteral("Proxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1); // name, id and the other columns
    buildUi();
    buildActions();
    clear();
}

ObjectTab::~ObjectTab()
{
    abortJob();
}

QString ObjectTab::stem(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::File:
        return QStringLiteral("files");
    case ObjectKind::Import:
        return QStringLiteral("imports");
    case ObjectKind::Export:
        return QStringLiteral("exports");
    case ObjectKind::Process:
        return QStringLiteral("processes");
    case ObjectKind::Action:
        return QStringLiteral("actions");
    default:
        return QStringLiteral("objects");
    }
}

void ObjectTab::buildUi()
{
    const QString name = stem(m_kind);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(name + QStringLiteral("Filter"));
    m_filter->setPlaceholderText(tr("Filter %1 by name or id (Ctrl+F)").arg(objectKindPlural(m_kind)));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter %1").arg(objectKindTitle(m_kind)));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_banner = new InlineBanner(this);
    m_banner->setObjectName(name + QStringLiteral("Banner"));
    m_banner->setActionText(tr("Retry"));
    connect(m_banner, &InlineBanner::actionTriggered, this, &ObjectTab::refresh);

    m_status = new QLabel(this);
    m_status->setObjectName(name + QStringLiteral("Status"));
    m_status->setTextFormat(Qt::PlainText);

    m_view = new QTableView(this);
    m_view->setObjectName(name + QStringLiteral("Table"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ObjectTableModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->setColumnWidth(ObjectTableModel::NameColumn, 260);
    m_view->setColumnWidth(ObjectTableModel::IdColumn, 120);
    m_view->setAccessibleName(objectKindTitle(m_kind));
    m_view->viewport()->installEventFilter(this);
    connect(m_view, &QTableView::activated, this, &ObjectTab::onActivated);
    connect(m_view, &QTableView::customContextMenuRequested, this, &ObjectTab::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ObjectTab::updateActions);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_filter);
    layout->addWidget(m_banner);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    setTabOrder(m_filter, m_view);
}

void ObjectTab::buildActions()
{
    const QString name = stem(m_kind);
    auto make = [this, &name](const QString &text, const char *id, const QKeySequence &key = {}) {
        auto *action = new QAction(text, this);
        action->setObjectName(name + QLatin1String(id));
        if (!key.isEmpty()) {
            action->setShortcut(key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            addAction(action); // active while focus is anywhere in this tab
        }
        return action;
    };
    m_run = make(tr("&Run"), "RunAction");
    m_run->setToolTip(runToolTip(m_kind));
    m_copyId = make(tr("Copy &id"), "CopyIdAction", QKeySequence::Copy);
    m_copyName = make(tr("Copy &name"), "CopyNameAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_refresh = make(tr("Re&fresh"), "RefreshAction", QKeySequence::Refresh);
    m_showSource = make(tr("Show &source file"), "ShowSourceAction");
    auto *focusFilter = make(tr("Filter"), "FocusFilterAction", QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(m_run, &QAction::triggered, this, [this] {
        const QList<ObjectRow> rows = selectedRows();
        if (rows.size() == 1)
            Q_EMIT runRequested(rows.first().id, rows.first().name);
    });
    connect(m_copyId, &QAction::triggered, this, &ObjectTab::copySelectedIds);
    connect(m_copyName, &QAction::triggered, this, &ObjectTab::copySelectedNames);
    connect(m_refresh, &QAction::triggered, this, &ObjectTab::refresh);
    connect(m_showSource, &QAction::triggered, this, [this] {
        const QList<ObjectRow> rows = selectedRows();
        if (rows.size() == 1 && !rows.first().linkedId.isEmpty())
            Q_EMIT showSourceRequested(rows.first().linkedId);
    });
    updateActions();
}

void ObjectTab::updateActions()
{
    const QList<ObjectRow> rows = selectedRows();
    m_run->setEnabled(isRunnable(m_kind) && rows.size() == 1);
    m_copyId->setEnabled(!rows.isEmpty());
    m_copyName->setEnabled(!rows.isEmpty());
    m_refresh->setEnabled(m_client.isValid());
    m_showSource->setEnabled(rows.size() == 1 && !rows.first().linkedId.isEmpty());
}

void ObjectTab::abortJob()
{
    if (Job *job = m_job) {
        m_job.clear();
        disconnect(job, nullptr, this, nullptr); // abort() would report a Cancelled failure
        job->abort();
    }
}

void ObjectTab::load(const BulkClient &client)
{
    abortJob();
    m_client = client;
    m_loaded = false;
    m_banner->clear();
    m_model->clear();
    if (!client.isValid() || !client.model().isComplete()) {
        clear();
        return;
    }
    const ListQuery byName{QStringLiteral("name"), false, {}};
    Job *job = nullptr;
    std::function<QList<ObjectRow>()> rows;
    switch (m_kind) {
    case ObjectKind::File: {
        auto *list = client.getFiles(byName);
        rows = [list] { return objectRows(list->files()); };
        job = list;
        break;
    }
    case ObjectKind::Import: {
        auto *list = client.getImports(byName);
        rows = [list] { return objectRows(list->imports()); };
        job = list;
        break;
    }
    case ObjectKind::Export: {
        auto *list = client.getExports(byName);
        rows = [list] { return objectRows(list->exports()); };
        job = list;
        break;
    }
    case ObjectKind::Process: {
        auto *list = client.getProcesses(byName);
        rows = [list] { return objectRows(list->processes()); };
        job = list;
        break;
    }
    case ObjectKind::Action: {
        auto *list = client.getActions(byName);
        rows = [list] { return objectRows(list->actions()); };
        job = list;
        break;
    }
    default:
        return;
    }
    m_job = job;
    setStatus(tr("Loading %1…").arg(objectKindPlural(m_kind)));
    connect(job, &Job::succeeded, this, [this, job, rows] { onListed(job, rows()); });
    connect(job, &Job::failed, this, [this, job](const ApiError &error) {
        if (job != m_job)
            return;
        m_job.clear();
        m_loaded = true;
        setStatus({});
        m_banner->showError(tr("Listing the %1 of the model").arg(objectKindPlural(m_kind)), error);
        updateActions();
        Q_EMIT loadFailed(error);
    });
    updateActions();
}

void ObjectTab::onListed(Job *job, const QList<ObjectRow> &rows)
{
    if (job != m_job)
        return; // a reply for a previous selection
    m_job.clear();
    m_loaded = true;
    m_model->setRows(rows);
    setStatus(rows.isEmpty() ? tr("This model has no %1.").arg(objectKindPlural(m_kind)) : QString());
    updateActions();
    Q_EMIT loaded(int(rows.size()));
}

void ObjectTab::refresh()
{
    if (m_client.isValid())
        load(m_client);
}

void ObjectTab::clear(const QString &reason)
{
    abortJob();
    m_client = BulkClient();
    m_loaded = false;
    m_model->clear();
    m_banner->clear();
    setStatus(reason.isEmpty() ? tr("Select a model to see its %1.").arg(objectKindPlural(m_kind)) : reason);
    updateActions();
}

void ObjectTab::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QList<ObjectRow> ObjectTab::selectedRows() const
{
    QList<ObjectRow> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows(ObjectTableModel::NameColumn);
    for (const QModelIndex &proxyIndex : selected) {
        if (const ObjectRow *row = m_model->rowAt(m_proxy->mapToSource(proxyIndex).row()))
            rows.append(*row);
    }
    return rows;
}

QStringList ObjectTab::selectedIds() const
{
    QStringList ids;
    const QList<ObjectRow> rows = selectedRows();
    for (const ObjectRow &row : rows)
        ids.append(row.id);
    return ids;
}

bool ObjectTab::selectObject(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex proxyIndex = m_proxy->mapFromSource(m_model->index(row, ObjectTableModel::NameColumn));
    if (!proxyIndex.isValid())
        return false;
    m_view->selectionModel()->setCurrentIndex(proxyIndex, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
    m_view->scrollTo(proxyIndex);
    return true;
}

void ObjectTab::copySelectedIds() const
{
    const QStringList ids = selectedIds();
    if (!ids.isEmpty())
        QGuiApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
}

void ObjectTab::copySelectedNames() const
{
    QStringList names;
    const QList<ObjectRow> rows = selectedRows();
    for (const ObjectRow &row : rows)
        names.append(row.name);
    if (!names.isEmpty())
        QGuiApplication::clipboard()->setText(names.join(QLatin1Char('\n')));
}

void ObjectTab::onActivated(const QModelIndex &proxyIndex)
{
    const ObjectRow *row = m_model->rowAt(m_proxy->mapToSource(proxyIndex).row());
    if (!row)
        return;
    Q_EMIT activated(row->id, row->name);
    if (isRunnable(m_kind))
        Q_EMIT runRequested(row->id, row->name);
}

void ObjectTab::showContextMenu(const QPoint &position)
{
    const QModelIndex at = m_view->indexAt(position);
    if (at.isValid() && !m_view->selectionModel()->isRowSelected(at.row(), at.parent()))
        m_view->selectionModel()->setCurrentIndex(at, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    updateActions();
    QMenu menu(this);
    menu.setObjectName(stem(m_kind) + QStringLiteral("ContextMenu"));
    if (isRunnable(m_kind))
        menu.addAction(m_run);
    if (m_kind == ObjectKind::Import)
        menu.addAction(m_showSource);
    menu.addSeparator();
    menu.addAction(m_copyId);
    menu.addAction(m_copyName);
    menu.addSeparator();
    menu.addAction(m_refresh);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void ObjectTab::setDropsEnabled(bool enabled)
{
    m_dropsEnabled = enabled;
    m_view->viewport()->setAcceptDrops(enabled);
    m_view->setAcceptDrops(enabled);
}

bool ObjectTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport() || !m_dropsEnabled)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDropEvent *>(event);
        if (!localFileUrls(drag->mimeData()).isEmpty()) {
            drag->setDropAction(Qt::CopyAction);
            drag->accept();
        } else {
            drag->ignore();
        }
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QList<QUrl> urls = localFileUrls(drop->mimeData());
        if (urls.isEmpty()) {
            drop->ignore();
            return true;
        }
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        const QModelIndex at = m_view->indexAt(drop->position().toPoint());
        const ObjectRow *row = at.isValid() ? m_model->rowAt(m_proxy->mapToSource(at).row()) : nullptr;
        Q_EMIT filesDropped(urls, row ? row->id : QString());
        return true;
    }
    default:
        return QWidget::eventFilter(watched, event);
    }
}

} // namespace anadesk
