#include "ModelBrowser.h"

#include "BrowserRoles.h"
#include "Connection.h"
#include "InlineBanner.h"
#include "ModelDeleter.h"
#include "ModelHeader.h"
#include "ModelTreeFilter.h"
#include "ObjectColumns.h"
#include "ObjectTab.h"
#include "StateDisplay.h"
#include "WorkspaceTreeModel.h"
#include "common/MessageBoxes.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMetaMethod>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace anadesk {

namespace {
const QList<ObjectKind> kTabKinds{ObjectKind::File, ObjectKind::Import, ObjectKind::Export,
                                  ObjectKind::Process, ObjectKind::Action};
}

ModelBrowser::ModelBrowser(Connection *connection, MessageBoxes *messages, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_messages(messages)
{
    setObjectName(QStringLiteral("modelBrowser"));
    BulkClient root = connection ? BulkClient(connection, ModelRef{}) : BulkClient();
    m_treeModel = new WorkspaceTreeModel(root, this);
    m_treeModel->setObjectName(QStringLiteral("workspaceTreeModel"));
    m_treeFilter = new ModelTreeFilter(this);
    m_treeFilter->setObjectName(QStringLiteral("workspaceTreeFilter"));
    m_treeFilter->setSourceModel(m_treeModel);
    m_deleter = new ModelDeleter(messages, this);
    buildUi();
    buildActions();
    connect(m_deleter, &ModelDeleter::finished, this, [this](const ModelDeletionOutcome &outcome) {
        m_treeModel->removeModels(outcome.deletedIds);
        if (outcome.deletedIds.contains(m_current.modelId, Qt::CaseInsensitive))
            setCurrentModel({});
        QString text;
        if (!outcome.deletedNames.isEmpty())
            text = tr("Deleted: %1.").arg(outcome.deletedNames.join(QStringLiteral(", ")));
        if (outcome.hasFailures()) {
            if (!text.isEmpty())
                text += QLatin1Char('\n');
            text += tr("Not deleted:") + QLatin1Char('\n') + outcome.failures.join(QLatin1Char('\n')) +
                    QLatin1Char('\n') + tr("What to do: close open models (Close model) and try again.");
        }
        m_header->banner()->showMessage(
            outcome.hasFailures() ? InlineBanner::Level::Warning : InlineBanner::Level::Info, text);
        updateActions();
        if (!outcome.deletedIds.isEmpty())
            Q_EMIT modelsDeleted(outcome.deletedIds);
    });
    reload();
}

ModelBrowser::~ModelBrowser() = default;

void ModelBrowser::buildUi()
{
    // Left: filter, state filter, tree.
    auto *left = new QWidget(this);
    left->setObjectName(QStringLiteral("modelTreePanel"));
    m_treeFilterEdit = new QLineEdit(left);
    m_treeFilterEdit->setObjectName(QStringLiteral("modelFilterEdit"));
    m_treeFilterEdit->setPlaceholderText(tr("Filter models by name or id (Ctrl+Shift+F)"));
    m_treeFilterEdit->setClearButtonEnabled(true);
    m_treeFilterEdit->setAccessibleName(tr("Filter models"));
    m_stateFilter = new QComboBox(left);
    m_stateFilter->setObjectName(QStringLiteral("modelStateFilter"));
    m_stateFilter->setAccessibleName(tr("Filter models by state"));
    m_stateFilter->addItem(tr("All states"), -1);
    const QList<ModelState> states = knownModelStates();
    for (ModelState state : states)
        m_stateFilter->addItem(modelStateIcon(state), modelStateText(state, {}), int(state));
    m_treeBanner = new InlineBanner(left);
    m_treeBanner->setObjectName(QStringLiteral("modelTreeBanner"));
    m_treeBanner->setActionText(tr("Retry"));
    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("modelTree"));
    m_tree->setModel(m_treeFilter);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(WorkspaceTreeModel::NameColumn, Qt::AscendingOrder);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAccessibleName(tr("Workspaces and models"));
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnWidth(WorkspaceTreeModel::NameColumn, 240);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_treeFilterEdit, 1);
    filterRow->addWidget(m_stateFilter);
    leftLayout->addLayout(filterRow);
    leftLayout->addWidget(m_treeBanner);
    leftLayout->addWidget(m_tree, 1);

    // Right: header and the object tabs.
    auto *right = new QWidget(this);
    right->setObjectName(QStringLiteral("modelDetailsPanel"));
    m_header = new ModelHeader(right);
    m_tabs = new QTabWidget(right);
    m_tabs->setObjectName(QStringLiteral("objectTabs"));
    for (ObjectKind kind : kTabKinds) {
        auto *objectTab = new ObjectTab(kind, m_tabs);
        m_objectTabs.append(objectTab);
        const int index = m_tabs->addTab(objectTab, objectKindTitle(kind));
        m_tabs->setTabToolTip(index, tr("%1 (Alt+%2)").arg(objectKindTitle(kind)).arg(index + 1));
        connect(objectTab, &ObjectTab::runRequested, this,
                [this, kind](const QString &id, const QString &name) { onRunRequested(kind, id, name); });
        connect(objectTab, &ObjectTab::activated, this, [this, kind](const QString &id, const QString &name) {
            if (kind == ObjectKind::File)
                Q_EMIT fileActivated(m_current.workspaceId, m_current.modelId, id, name);
        });
        connect(objectTab, &ObjectTab::showSourceRequested, this,
                [this](const QString &fileId) { showObject(ObjectKind::File, fileId); });
        if (kind == ObjectKind::File)
            connect(objectTab, &ObjectTab::filesDropped, this, &ModelBrowser::fileDropRequested);
    }
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_header);
    rightLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("modelBrowserSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    setTabOrder(m_treeFilterEdit, m_stateFilter);
    setTabOrder(m_stateFilter, m_tree);
    setTabOrder(m_tree, m_tabs);

    connect(m_treeFilterEdit, &QLineEdit::textChanged, this, &ModelBrowser::onFilterChanged);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &ModelBrowser::onFilterChanged);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ModelBrowser::onTreeSelectionChanged);
    connect(m_treeModel, &WorkspaceTreeModel::loadFailed, this, [this](const ApiError &error) {
        m_treeBanner->showError(tr("Listing workspaces and models"), error);
    });
    connect(m_treeBanner, &InlineBanner::actionTriggered, this, [this] {
        m_treeBanner->clear();
        if (m_treeModel->workspaceCount() == 0) {
            reload();
            return;
        }
        for (int row = 0; row < m_treeModel->workspaceCount(); ++row) {
            const QString id = m_treeModel->index(row, 0).data(IdRole).toString();
            if (m_treeModel->workspaceLoadState(id) == WorkspaceTreeModel::LoadState::Failed)
                m_treeModel->reloadWorkspace(id);
        }
    });
    connect(m_treeModel, &WorkspaceTreeModel::workspacesLoaded, this, [this] {
        if (m_treeFilter->isFiltering())
            m_treeModel->fetchAll();
        if (!m_pendingSelection.modelId.isEmpty())
            selectModel(m_pendingSelection.workspaceId, m_pendingSelection.modelId);
    });
    connect(m_treeModel, &WorkspaceTreeModel::workspaceModelsLoaded, this,
            &ModelBrowser::onWorkspaceModelsLoaded);
    connect(m_header, &ModelHeader::modelDetailsLoaded, m_treeModel, &WorkspaceTreeModel::updateModel);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, [this](const QPoint &position) {
        QMenu menu(this);
        menu.setObjectName(QStringLiteral("modelTreeContextMenu"));
        for (QAction *action : std::as_const(m_modelActions)) {
            if (action->property("inTreeMenu").toBool())
                menu.addAction(action);
        }
        menu.exec(m_tree->viewport()->mapToGlobal(position));
    });
}

void ModelBrowser::buildActions()
{
    auto make = [this](const QString &text, const QString &objectName, const QKeySequence &key,
                       QWidget *scope, bool inTreeMenu) {
        auto *action = new QAction(text, this);
        action->setObjectName(objectName);
        action->setProperty("inTreeMenu", inTreeMenu);
        if (!key.isEmpty()) {
            action->setShortcut(key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        // Added to its scope only: added to the browser as well, a tree-only key (F5, Ctrl+C) would clash
        // with the same key of the tabs and Qt would trigger neither.
        scope->addAction(action);
        m_modelActions.append(action);
        return action;
    };
    QAction *open = make(tr("&Open model"), QStringLiteral("openModelAction"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, true);
    open->setToolTip(tr("Open (load into memory) the selected model"));
    connect(open, &QAction::triggered, this, &ModelBrowser::openSelectedModel);
    QAction *close = make(tr("&Close model"), QStringLiteral("closeModelAction"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W), this, true);
    close->setToolTip(tr("Close (unload from memory) the selected model"));
    connect(close, &QAction::triggered, this, &ModelBrowser::closeSelectedModel);
    QAction *remove = make(tr("&Delete models…"), QStringLiteral("deleteModelsAction"),
                           QKeySequence(QKeySequence::Delete), m_tree, true);
    remove->setToolTip(tr("Delete the models selected in the tree (asks first)"));
    connect(remove, &QAction::triggered, this, &ModelBrowser::deleteSelectedModels);
    QAction *copyId =
        make(tr("Copy model &id"), QStringLiteral("copyModelIdAction"), QKeySequence::Copy, m_tree, true);
    connect(copyId, &QAction::triggered, this, [this] {
        QStringList ids;
        const QList<ModelRef> models = selectedModels();
        for (const ModelRef &model : models)
            ids.append(model.modelId);
        if (!ids.isEmpty())
            QGuiApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
    });
    QAction *refreshTree = make(tr("&Refresh workspaces"), QStringLiteral("refreshTreeAction"),
                                QKeySequence::Refresh, m_tree, true);
    connect(refreshTree, &QAction::triggered, this, &ModelBrowser::reload);
    QAction *findModel = make(tr("Filter models"), QStringLiteral("focusModelFilterAction"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), this, false);
    connect(findModel, &QAction::triggered, this, [this] {
        m_treeFilterEdit->setFocus(Qt::ShortcutFocusReason);
        m_treeFilterEdit->selectAll();
    });
    for (int i = 0; i < m_objectTabs.size(); ++i) {
        QAction *showTab = make(tr("Show %1").arg(objectKindTitle(m_objectTabs[i]->kind())),
                                QStringLiteral("show%1TabAction").arg(i + 1),
                                QKeySequence(Qt::ALT | (Qt::Key_1 + i)), this, false);
        connect(showTab, &QAction::triggered, this, [this, i] {
            m_tabs->setCurrentIndex(i);
            m_objectTabs[i]->view()->setFocus(Qt::ShortcutFocusReason);
        });
    }
    m_header->addActionButton(open);
    m_header->addActionButton(close);
    m_header->addActionButton(remove);
    updateActions();
}

void ModelBrowser::reload()
{
    setCurrentModel({});
    m_treeBanner->clear();
    m_treeModel->reload();
}

void ModelBrowser::refreshCurrentTab()
{
    if (auto *current = qobject_cast<ObjectTab *>(m_tabs->currentWidget()))
        current->refresh();
}

ObjectTab *ModelBrowser::tab(ObjectKind kind) const
{
    for (ObjectTab *objectTab : m_objectTabs) {
        if (objectTab->kind() == kind)
            return objectTab;
    }
    return nullptr;
}

QTableView *ModelBrowser::tableView(ObjectKind kind) const
{
    ObjectTab *objectTab = tab(kind);
    return objectTab ? objectTab->view() : nullptr;
}

ObjectTableModel *ModelBrowser::objectModel(ObjectKind kind) const
{
    ObjectTab *objectTab = tab(kind);
    return objectTab ? objectTab->model() : nullptr;
}

QSortFilterProxyModel *ModelBrowser::objectProxy(ObjectKind kind) const
{
    ObjectTab *objectTab = tab(kind);
    return objectTab ? objectTab->proxy() : nullptr;
}

QStringList ModelBrowser::selectedObjectIds(ObjectKind kind) const
{
    ObjectTab *objectTab = tab(kind);
    return objectTab ? objectTab->selectedIds() : QStringList();
}

void ModelBrowser::showObject(ObjectKind kind, const QString &objectId)
{
    ObjectTab *objectTab = tab(kind);
    if (!objectTab)
        return;
    m_tabs->setCurrentWidget(objectTab);
    if (objectId.isEmpty())
        return;
    if (objectTab->selectObject(objectId))
        return;
    if (!objectTab->filterEdit()->text().isEmpty()) { // filtered out: show everything rather than nothing
        objectTab->filterEdit()->clear();
        if (objectTab->selectObject(objectId))
            return;
    }
    if (objectTab->isLoading()) { // select it once listed
        auto *once = new QObject(objectTab);
        connect(objectTab, &ObjectTab::loaded, once, [objectTab, objectId, once] {
            objectTab->selectObject(objectId);
            once->deleteLater();
        });
        connect(objectTab, &ObjectTab::loadFailed, once, &QObject::deleteLater);
        return;
    }
    objectTab->banner()->showMessage(
        InlineBanner::Level::Warning,
        tr("%1 is not listed in this model. What to do: refresh (F5); it may have "
           "been deleted.")
            .arg(fileLabel(objectId)));
}

QString ModelBrowser::currentModelName() const
{
    return m_header->hasModel() ? m_header->model().name : QString();
}

BulkClient ModelBrowser::currentClient() const
{
    if (!m_connection || !m_current.isComplete())
        return {};
    return BulkClient(m_connection, m_current);
}

QList<ModelRef> ModelBrowser::selectedModels() const
{
    QList<ModelRef> models;
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows(WorkspaceTreeModel::NameColumn);
    for (const QModelIndex &proxyIndex : rows) {
        if (const Model *model = m_treeModel->modelAt(m_treeFilter->mapToSource(proxyIndex)))
            models.append(ModelRef{model->workspaceId, model->id});
    }
    return models;
}

void ModelBrowser::onTreeSelectionChanged()
{
    const QList<ModelRef> models = selectedModels();
    // An empty selection (a filter hid the row, a click beside the rows) keeps the model shown: the user did
    // not pick another one. Deletions and reloads clear it explicitly.
    if (!models.isEmpty()) {
        const Model *current = m_treeModel->modelAt(m_treeFilter->mapToSource(m_tree->currentIndex()));
        bool currentSelected = false;
        for (const ModelRef &ref : models)
            currentSelected = currentSelected || (current && ref.modelId == current->id);
        setCurrentModel(currentSelected ? ModelRef{current->workspaceId, current->id} : models.first());
    }
    updateActions();
}

void ModelBrowser::setCurrentModel(const ModelRef &ref)
{
    if (ref.modelId == m_current.modelId && ref.workspaceId == m_current.workspaceId)
        return;
    m_current = ref;
    const QModelIndex source = ref.modelId.isEmpty() ? QModelIndex() : m_treeModel->modelIndex(ref.modelId);
    const Model *model = m_treeModel->modelAt(source);
    if (!model || !m_connection) {
        m_current = {};
        m_header->clear();
        for (ObjectTab *objectTab : std::as_const(m_objectTabs))
            objectTab->clear();
    } else {
        const BulkClient client(m_connection, m_current);
        m_header->setModel(*model, client);
        for (ObjectTab *objectTab : std::as_const(m_objectTabs)) {
            if (model->activeState == ModelState::Archived) {
                // Every listing would be refused (422); say why instead of showing five errors.
                objectTab->clear(
                    tr("'%1' is archived: its %2 cannot be listed until a workspace administrator "
                       "unarchives it in Anaplan.")
                        .arg(model->name, objectKindPlural(objectTab->kind())));
            } else {
                objectTab->load(client);
            }
        }
    }
    updateActions();
    Q_EMIT currentModelChanged(m_current.workspaceId, m_current.modelId);
}

void ModelBrowser::selectModel(const QString &workspaceId, const QString &modelId)
{
    const QModelIndex source = m_treeModel->modelIndex(modelId);
    if (source.isValid()) {
        m_pendingSelection = {};
        QModelIndex proxyIndex = m_treeFilter->mapFromSource(source);
        if (!proxyIndex.isValid()) { // hidden by the filter: clear it rather than select nothing
            m_treeFilterEdit->clear();
            m_stateFilter->setCurrentIndex(0);
            proxyIndex = m_treeFilter->mapFromSource(source);
        }
        m_tree->expand(proxyIndex.parent());
        m_tree->selectionModel()->setCurrentIndex(proxyIndex, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
        m_tree->scrollTo(proxyIndex);
        return;
    }
    m_pendingSelection = ModelRef{workspaceId, modelId};
    const QModelIndex wsSource = m_treeModel->workspaceIndex(workspaceId);
    if (!wsSource.isValid())
        return; // the workspaces are still being listed: workspacesLoaded() tries again
    const QModelIndex wsProxy = m_treeFilter->mapFromSource(wsSource);
    if (wsProxy.isValid())
        m_tree->expand(wsProxy); // fetches its models (fetchMore)
    if (m_treeModel->canFetchMore(wsSource))
        m_treeModel->fetchMore(wsSource);
}

void ModelBrowser::onWorkspaceModelsLoaded(const QString &workspaceId)
{
    if (m_treeFilter->isFiltering()) {
        const QModelIndex wsProxy = m_treeFilter->mapFromSource(m_treeModel->workspaceIndex(workspaceId));
        if (wsProxy.isValid())
            m_tree->expand(wsProxy);
    }
    if (!m_pendingSelection.modelId.isEmpty() &&
        m_pendingSelection.workspaceId.compare(workspaceId, Qt::CaseInsensitive) == 0)
        selectModel(m_pendingSelection.workspaceId, m_pendingSelection.modelId);
    updateActions(); // the selection may have changed with the rows (reloadWorkspace)
}

void ModelBrowser::onFilterChanged()
{
    m_treeFilter->setText(m_treeFilterEdit->text());
    const int state = m_stateFilter->currentData().toInt();
    m_treeFilter->setState(state < 0 ? std::nullopt : std::optional<ModelState>(ModelState(state)));
    if (m_treeFilter->isFiltering()) {
        m_treeModel->fetchAll(); // a filter searches every workspace, not only the expanded ones
        m_tree->expandAll();
    }
    // The shown model becomes visible again (filter cleared): select its row again.
    if (!m_current.modelId.isEmpty() && !m_tree->selectionModel()->hasSelection()) {
        const QModelIndex row = m_treeFilter->mapFromSource(m_treeModel->modelIndex(m_current.modelId));
        if (row.isValid()) {
            m_tree->expand(row.parent());
            m_tree->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
        }
    }
}

void ModelBrowser::updateActions()
{
    const bool hasModel = m_header->hasModel();
    const bool archived = hasModel && m_header->model().activeState == ModelState::Archived;
    for (QAction *action : std::as_const(m_modelActions)) {
        const QString name = action->objectName();
        if (name == QLatin1String("openModelAction") || name == QLatin1String("closeModelAction"))
            action->setEnabled(hasModel && !archived);
        else if (name == QLatin1String("deleteModelsAction"))
            action->setEnabled(!selectedModels().isEmpty() && !m_deleter->isRunning());
        else if (name == QLatin1String("copyModelIdAction"))
            action->setEnabled(!selectedModels().isEmpty());
    }
}

void ModelBrowser::openSelectedModel()
{
    const BulkClient client = currentClient();
    if (!client.isValid())
        return;
    const QString name = currentModelName();
    const QString modelId = m_current.modelId;
    ModelPowerJob *job = client.openModel();
    m_header->banner()->showMessage(InlineBanner::Level::Info, tr("Opening '%1'…").arg(name));
    connect(job, &Job::finished, this, [this, job, name, modelId] {
        if (modelId != m_current.modelId)
            return; // the user moved on; the status of the new model is read anyway
        if (job->isSucceeded())
            m_header->banner()->showMessage(InlineBanner::Level::Info,
                                            job->wasAlreadyOpen() ? tr("'%1' was already open.").arg(name)
                                                                  : tr("'%1' is opening.").arg(name));
        else
            m_header->banner()->showError(tr("Opening '%1'").arg(name), job->error());
        m_header->refreshStatus();
    });
}

void ModelBrowser::closeSelectedModel()
{
    const BulkClient client = currentClient();
    if (!client.isValid())
        return;
    const QString name = currentModelName();
    const QString modelId = m_current.modelId;
    ModelPowerJob *job = client.closeModel();
    m_header->banner()->showMessage(InlineBanner::Level::Info, tr("Closing '%1'…").arg(name));
    connect(job, &Job::finished, this, [this, job, name, modelId] {
        if (modelId != m_current.modelId)
            return;
        if (job->isSucceeded())
            m_header->banner()->showMessage(InlineBanner::Level::Info, tr("'%1' is closing.").arg(name));
        else
            m_header->banner()->showError(tr("Closing '%1'").arg(name), job->error());
        m_header->refreshStatus();
    });
}

void ModelBrowser::deleteSelectedModels()
{
    QList<Model> models;
    const QList<ModelRef> refs = selectedModels();
    for (const ModelRef &ref : refs) {
        if (const Model *model = m_treeModel->modelAt(m_treeModel->modelIndex(ref.modelId)))
            models.append(*model);
    }
    if (models.isEmpty() || !m_connection)
        return;
    if (m_deleter->confirmAndDelete(this, BulkClient(m_connection, ModelRef{}), models))
        m_header->banner()->showMessage(InlineBanner::Level::Info,
                                        tr("Deleting %n model(s)…", nullptr, int(models.size())));
    updateActions();
}

void ModelBrowser::setFileDropsEnabled(bool enabled)
{
    if (ObjectTab *files = tab(ObjectKind::File))
        files->setDropsEnabled(enabled);
}

void ModelBrowser::setStatusRefreshInterval(int milliseconds)
{
    m_header->setRefreshInterval(milliseconds);
}

void ModelBrowser::onRunRequested(ObjectKind kind, const QString &id, const QString &name)
{
    Q_UNUSED(kind);
    if (!m_current.isComplete())
        return;
    static const QMetaMethod signal = QMetaMethod::fromSignal(&ModelBrowser::runRequested);
    if (isSignalConnected(signal)) {
        Q_EMIT runRequested(m_current.workspaceId, m_current.modelId, id, name);
        return;
    }
    runWithoutMonitor(id, name);
}

void ModelBrowser::runWithoutMonitor(const QString &actionId, const QString &actionName)
{
    // Fallback while no task monitor listens: run it, say so in the header, report the result in a box.
    const BulkClient client = currentClient();
    if (!client.isValid())
        return;
    const QString modelName = currentModelName();
    TaskRunner *runner = client.runAction(actionId);
    const QString running =
        tr("Running %1 '%2' in '%3'…").arg(actionKindNoun(actionKindFromId(actionId)), actionName, modelName);
    m_header->banner()->showMessage(InlineBanner::Level::Info, running);
    connect(runner, &Job::finished, this, [this, runner, actionName, modelName, running] {
        const QString what =
            tr("%1 '%2' in '%3'")
                .arg(actionKindNoun(actionKindFromId(runner->actionId())), actionName, modelName);
        QString details;
        if (runner->taskResult())
            details = runner->taskResult()->summaryLines(40).join(QLatin1Char('\n'));
        if (m_header->banner()->text() == running)
            m_header->banner()->clear();
        if (runner->isSucceeded()) {
            if (m_messages)
                m_messages->information(this, QStringLiteral("actionRunResult"), tr("Run finished"),
                                        tr("%1 finished successfully.").arg(what), details);
        } else if (m_messages) {
            m_messages->warning(this, QStringLiteral("actionRunResult"), tr("Run failed"),
                                InlineBanner::describe(tr("Running %1").arg(what), runner->error()), details);
        }
    });
}

} // namespace anadesk
