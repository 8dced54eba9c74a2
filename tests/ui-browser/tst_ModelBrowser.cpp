// The ModelBrowser widget driven like a user against a real anadesk-sandbox (offscreen): browse, the five
// tabs, sort/filter, copy id, double-click to run, open/close, delete with a scripted confirmation, stale
// replies, and errors shown inline. Every item model in the browser runs under QAbstractItemModelTester
// (Fatal) for the whole test.
#include "BrowserTestEnv.h"
#include "HttpProbe.h"
#include "api/JobWait.h"
#include "browser/BrowserRoles.h"
#include "browser/InlineBanner.h"
#include "browser/ModelBrowser.h"
#include "browser/ModelDeleter.h"
#include "browser/ModelHeader.h"
#include "browser/ModelTreeFilter.h"
#include "browser/ObjectTab.h"
#include "browser/WorkspaceTreeModel.h"
#include "common/ScriptedMessageBoxes.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace anadesk;
using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 30'000;
const QList<ObjectKind> kKinds{ObjectKind::File, ObjectKind::Import, ObjectKind::Export, ObjectKind::Process,
                               ObjectKind::Action};

QStringList columnOf(const QAbstractItemModel *model, int column)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row)
        values.append(model->index(row, column).data().toString());
    return values;
}
} // namespace

class TestModelBrowser : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<Connection> m_connection;
    std::unique_ptr<ScriptedMessageBoxes> m_boxes;
    std::unique_ptr<ModelBrowser> m_browser;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;

    ObjectTab *tab(ObjectKind kind) const
    {
        return m_browser->findChild<ObjectTab *>(ObjectTab::stem(kind) + QStringLiteral("Tab"));
    }
    QAction *action(const char *name) const { return m_browser->findChild<QAction *>(QLatin1String(name)); }

    // Shortcuts need the browser's window to be the active one (it is not after a hide/show).
    bool activate()
    {
        QApplication::setActiveWindow(m_browser.get());
        return QTest::qWaitForWindowActive(m_browser.get()) &&
               QApplication::activeWindow() == m_browser.get();
    }

    // QTest::mouseDClick on a widget sends only the double-click event; a view needs the press before it.
    static void doubleClick(QAbstractItemView *view, const QModelIndex &index)
    {
        const QPoint at = view->visualRect(index).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    }

    bool tabsLoaded() const
    {
        for (ObjectKind kind : kKinds) {
            if (tab(kind)->isLoading() || !tab(kind)->hasLoaded())
                return false;
        }
        return true;
    }

    // Expands the workspace in the tree view (which fetches its models) and selects the model like a click.
    bool selectInTree(const QString &modelId,
                      QItemSelectionModel::SelectionFlags flags = QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows)
    {
        WorkspaceTreeModel *model = m_browser->treeModel();
        QTreeView *tree = m_browser->modelTreeView();
        if (!QTest::qWaitFor([&] { return model->workspaceCount() > 0; }, kWaitMs))
            return false;
        const QModelIndex ws = m_browser->treeFilter()->mapFromSource(model->workspaceIndex(kDemoWorkspace));
        tree->expand(ws);
        if (!QTest::qWaitFor([&] { return model->modelIndex(modelId).isValid(); }, kWaitMs))
            return false;
        const QModelIndex row = m_browser->treeFilter()->mapFromSource(model->modelIndex(modelId));
        tree->selectionModel()->setCurrentIndex(row, flags);
        return true;
    }

    QStringList listedModelIds()
    {
        std::unique_ptr<ListModelsJob> job(
            m_connection->bulk().getModels({}, WorkspaceFilter::of(kDemoWorkspace)));
        job->setAutoDelete(false);
        if (!waitFor(job.get(), kWaitMs) || !job->isSucceeded())
            return {u"<listing failed>"_s};
        QStringList ids;
        const QList<Model> models = job->models();
        for (const Model &model : models)
            ids.append(model.id);
        return ids;
    }

    int bulkDeleteRequests()
    {
        HttpProbe probe(m_sandbox->url());
        const QJsonArray requests = probe.get(u"/__sandbox/requests"_s).json().value(u"requests"_s).toArray();
        int count = 0;
        for (const QJsonValue &request : requests) {
            if (request.toObject().value(u"path"_s).toString().endsWith(u"/bulkDeleteModels"_s))
                ++count;
        }
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Tasks of 2 s: long enough for the header to see a run in progress.
        const QString error = startSandbox(m_sandbox, m_connection, 2'000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_boxes = std::make_unique<ScriptedMessageBoxes>();
        m_browser = std::make_unique<ModelBrowser>(m_connection.get(), m_boxes.get());
        // Attached before the first reply can arrive (replies need the event loop).
        const auto fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(m_browser->treeModel(), fatal));
        m_testers.push_back(std::make_unique<QAbstractItemModelTester>(m_browser->treeFilter(), fatal));
        for (ObjectKind kind : kKinds) {
            m_testers.push_back(
                std::make_unique<QAbstractItemModelTester>(m_browser->objectModel(kind), fatal));
            m_testers.push_back(
                std::make_unique<QAbstractItemModelTester>(m_browser->objectProxy(kind), fatal));
        }
        m_browser->setStatusRefreshInterval(0); // polled explicitly in statusPollsOnlyWhileVisible
        m_browser->resize(1280, 800);
        m_browser->show();
        QApplication::setActiveWindow(m_browser.get());
        QVERIFY(QTest::qWaitForWindowExposed(m_browser.get()));
    }

    void cleanupTestCase()
    {
        m_testers.clear();
        m_browser.reset();
        m_connection.reset();
        if (m_sandbox)
            m_sandbox->stop();
    }

    void browseToDemoModel()
    {
        QSignalSpy changed(m_browser.get(), &ModelBrowser::currentModelChanged);
        QVERIFY(selectInTree(kDemoModel));
        QCOMPARE(m_browser->currentModel().modelId, kDemoModel);
        QCOMPARE(m_browser->currentModel().workspaceId, kDemoWorkspace);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(m_browser->findChild<QLabel *>(u"modelTitle"_s)->text(), u"Sales Planning Demo"_s);
        QCOMPARE(m_browser->findChild<QLabel *>(u"modelIdValue"_s)->text(), kDemoModel);
        QVERIFY(m_browser->findChild<QLabel *>(u"modelWorkspaceValue"_s)
                    ->text()
                    .contains(u"Financial Planning"_s));
        QVERIFY(!m_browser->findChild<QLabel *>(u"modelMemoryValue"_s)->text().isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return tabsLoaded(); }, kWaitMs));

        const QStringList fileIds = columnOf(m_browser->objectModel(ObjectKind::File), 1);
        for (const QString &id : seededFileIds())
            QVERIFY2(fileIds.contains(id), qPrintable(id));
        QVERIFY(columnOf(m_browser->objectModel(ObjectKind::File), 0).contains(u"Sales with errors.csv"_s));
        QCOMPARE(columnOf(m_browser->objectModel(ObjectKind::Import), 1).size(), 7);
        QVERIFY(columnOf(m_browser->objectModel(ObjectKind::Import), 1).contains(u"112000000006"_s));
        QCOMPARE(columnOf(m_browser->objectModel(ObjectKind::Export), 1).size(), 7);
        QVERIFY(columnOf(m_browser->objectModel(ObjectKind::Export), 0).contains(u"Sales - All Pages.xls"_s));
        QCOMPARE(columnOf(m_browser->objectModel(ObjectKind::Process), 1).size(), 5);
        QVERIFY(columnOf(m_browser->objectModel(ObjectKind::Process), 0).contains(u"Load Master Data"_s));
        QStringList actionIds = columnOf(m_browser->objectModel(ObjectKind::Action), 1);
        actionIds.sort();
        QCOMPARE(actionIds, (QStringList{u"117000000000"_s, u"117000000001"_s, u"117000000002"_s}));
        // every tab: name then id, side by side, visible in the view
        for (ObjectKind kind : kKinds) {
            QTableView *view = m_browser->tableView(kind);
            QCOMPARE(view->model()->headerData(0, Qt::Horizontal).toString(), u"Name"_s);
            QCOMPARE(view->model()->headerData(1, Qt::Horizontal).toString(), u"Id"_s);
            QVERIFY(!view->isColumnHidden(1));
            QVERIFY(!tab(kind)->banner()->isVisibleTo(tab(kind)));
        }
    }

    void sortAndFilter()
    {
        ObjectTab *imports = tab(ObjectKind::Import);
        QTableView *view = imports->view();
        view->sortByColumn(ObjectTableModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(view->model()->index(0, 1).data().toString(), u"112000000006"_s);
        view->sortByColumn(ObjectTableModel::IdColumn, Qt::AscendingOrder);
        QCOMPARE(view->model()->index(0, 1).data().toString(), u"112000000000"_s);
        view->sortByColumn(ObjectTableModel::NameColumn, Qt::AscendingOrder);
        const QStringList names = columnOf(view->model(), 0);
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        QCOMPARE(names, sorted);

        QTest::keyClicks(imports->filterEdit(), u"with errors"_s);
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, 1).data().toString(), u"112000000006"_s);
        imports->filterEdit()->clear();
        QCOMPARE(view->model()->rowCount(), 7);

        // the model tree filters too (text and state)
        auto *filterEdit = m_browser->findChild<QLineEdit *>(u"modelFilterEdit"_s);
        filterEdit->setText(u"Scratch"_s);
        ModelTreeFilter *treeFilter = m_browser->treeFilter();
        QCOMPARE(treeFilter->rowCount(), 1);
        QCOMPARE(treeFilter->rowCount(treeFilter->index(0, 0)), 1);
        filterEdit->clear();
        QCOMPARE(treeFilter->rowCount(), 4);
        QCOMPARE(m_browser->currentModel().modelId, kDemoModel); // filtering kept the selection
    }

    void copyIdPutsExactIdOnClipboard()
    {
        m_browser->showObject(ObjectKind::File, u"113000000001"_s);
        QTableView *view = m_browser->tableView(ObjectKind::File);
        QCOMPARE(m_browser->selectedObjectIds(ObjectKind::File), QStringList{u"113000000001"_s});
        QApplication::clipboard()->clear();
        QVERIFY(activate());
        view->setFocus();
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), u"113000000001"_s);
        action("filesCopyNameAction")->trigger(); // the context menu's "Copy name"
        QCOMPARE(QApplication::clipboard()->text(), u"Sales.csv"_s);
        // the model tree copies model ids
        m_browser->modelTreeView()->setFocus();
        QTest::keyClick(m_browser->modelTreeView(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), kDemoModel);
    }

    void importShowsItsSourceFile()
    {
        m_browser->showObject(ObjectKind::Import, u"112000000005"_s);
        QAction *showSource = action("importsShowSourceAction");
        QVERIFY(showSource->isEnabled());
        showSource->trigger();
        QCOMPARE(m_browser->findChild<QTabWidget *>(u"objectTabs"_s)->currentWidget(), tab(ObjectKind::File));
        QCOMPARE(m_browser->selectedObjectIds(ObjectKind::File), QStringList{u"113000000005"_s});
    }

    void doubleClickEmitsRunRequested()
    {
        QSignalSpy run(m_browser.get(), &ModelBrowser::runRequested);
        m_browser->showObject(ObjectKind::Process);
        QTableView *view = m_browser->tableView(ObjectKind::Process);
        const int row = columnOf(view->model(), 1).indexOf(u"118000000000"_s);
        QVERIFY(row >= 0);
        doubleClick(view, view->model()->index(row, 0));
        QCOMPARE(run.size(), 1);
        QCOMPARE(run.at(0).at(0).toString(), kDemoWorkspace);
        QCOMPARE(run.at(0).at(1).toString(), kDemoModel);
        QCOMPARE(run.at(0).at(2).toString(), u"118000000000"_s);
        QCOMPARE(run.at(0).at(3).toString(), u"Load Sales Data"_s);
        // Enter on the current row runs too
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(run.size(), 2);
        QCOMPARE(m_boxes->count(u"actionRunResult"_s), 0); // someone listened: no fallback run
    }

    // With nobody listening to runRequested, the browser runs the action itself and reports the result.
    void doubleClickRunsWhenNobodyListens()
    {
        m_browser->showObject(ObjectKind::Action);
        QTableView *view = m_browser->tableView(ObjectKind::Action);
        const int row = columnOf(view->model(), 1).indexOf(u"117000000001"_s);
        QVERIFY(row >= 0);
        m_browser->setStatusRefreshInterval(100);
        doubleClick(view, view->model()->index(row, 0));
        // the live status shows what the model is busy with while the action runs
        ModelHeader *header = m_browser->header();
        QVERIFY2(QTest::qWaitFor([&] { return header->statusText().startsWith(u"Busy:"_s); }, kWaitMs),
                 qPrintable(header->statusText()));
        QVERIFY2(header->statusText().contains(u"Sort Products by Name"_s), qPrintable(header->statusText()));
        QVERIFY(QTest::qWaitFor([&] { return m_boxes->count(u"actionRunResult"_s) == 1; }, kWaitMs));
        QVERIFY(QTest::qWaitFor([&] { return header->statusText() == u"Open (idle)"_s; }, kWaitMs));
        m_browser->setStatusRefreshInterval(0);
        const MessageRequest result = m_boxes->requestsNamed(u"actionRunResult"_s).first();
        QCOMPARE(result.kind, MessageRequest::Kind::Information);
        QVERIFY2(result.text.contains(u"Sort Products by Name"_s), qPrintable(result.text));
        QVERIFY2(result.text.contains(u"finished successfully"_s), qPrintable(result.text));
    }

    // Local files dropped on a file row are reported with that row's id (uploads are the transfers' job).
    void fileDropIsReported()
    {
        m_browser->setFileDropsEnabled(true);
        m_browser->showObject(ObjectKind::File);
        QTableView *view = m_browser->tableView(ObjectKind::File);
        const int row = columnOf(view->model(), 1).indexOf(u"113000000001"_s);
        QVERIFY(row >= 0);
        const QPoint at = view->visualRect(view->model()->index(row, 0)).center();
        QSignalSpy dropped(m_browser.get(), &ModelBrowser::fileDropRequested);
        QMimeData mime;
        const QUrl local = QUrl::fromLocalFile(u"/tmp/Sales.csv"_s);
        mime.setUrls({local, QUrl(u"https://example.invalid/x.csv"_s)});
        QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(view->viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(view->viewport(), &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(dropped.size(), 1);
        QCOMPARE(dropped.at(0).at(0).value<QList<QUrl>>(), QList<QUrl>{local}); // only local files
        QCOMPARE(dropped.at(0).at(1).toString(), u"113000000001"_s);
        m_browser->setFileDropsEnabled(false);
        QDragEnterEvent refused(at, Qt::CopyAction, &mime, Qt::LeftButton, {});
        QApplication::sendEvent(view->viewport(), &refused);
        QCOMPARE(dropped.size(), 1);
    }

    void restrictedModelsMarkedAndNotListed()
    {
        QVERIFY(selectInTree(kArchivedModel));
        const QModelIndex archived =
            m_browser->treeFilter()->mapFromSource(m_browser->treeModel()->modelIndex(kArchivedModel));
        QVERIFY(!archived.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(archived.siblingAtColumn(WorkspaceTreeModel::StateColumn).data().toString(), u"Archived"_s);
        QCOMPARE(m_browser->findChild<QLabel *>(u"modelStateValue"_s)->text(), u"Archived"_s);
        for (ObjectKind kind : kKinds) {
            QVERIFY(!tab(kind)->isLoading());
            QCOMPARE(m_browser->objectModel(kind)->rowCount(), 0);
            QVERIFY(tab(kind)
                        ->findChild<QLabel *>(ObjectTab::stem(kind) + u"Status"_s)
                        ->text()
                        .contains(u"archived"_s));
        }
        QVERIFY(!action("openModelAction")->isEnabled());
        QVERIFY(!action("closeModelAction")->isEnabled());

        QVERIFY(selectInTree(kLockedModel));
        const QModelIndex locked =
            m_browser->treeFilter()->mapFromSource(m_browser->treeModel()->modelIndex(kLockedModel));
        QVERIFY(!locked.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(locked.data(Qt::ToolTipRole).toString().contains(u"Locked"_s));
        QVERIFY(!m_browser->findChild<QLabel *>(u"modelStateIcon"_s)->pixmap().isNull());
        QVERIFY(QTest::qWaitFor([&] { return tabsLoaded(); }, kWaitMs)); // a locked model can still be read
        QCOMPARE(m_browser->objectModel(ObjectKind::Import)->rowCount(), 7);
    }

    void openAndCloseChangeTheStatus()
    {
        QVERIFY(selectInTree(kDemoModel));
        ModelHeader *header = m_browser->header();
        auto *live = m_browser->findChild<QLabel *>(u"modelLiveStatus"_s);
        QVERIFY(QTest::qWaitFor([&] { return header->status().has_value(); }, kWaitMs));
        QCOMPARE(live->text(), u"Open (idle)"_s);
        action("closeModelAction")->trigger();
        QVERIFY2(QTest::qWaitFor([&] { return live->text() == u"Closed"_s; }, kWaitMs),
                 qPrintable(live->text()));
        QVERIFY(header->banner()->text().contains(u"closing"_s));
        action("openModelAction")->trigger();
        QVERIFY2(QTest::qWaitFor([&] { return live->text() == u"Open (idle)"_s; }, kWaitMs),
                 qPrintable(live->text()));
        // independent check through core: the sandbox really has it open
        std::unique_ptr<GetModelStatusJob> status(m_connection->bulk().modelStatus(kDemoModel));
        status->setAutoDelete(false);
        QVERIFY(waitFor(status.get(), kWaitMs) && status->isSucceeded());
        QCOMPARE(status->status().currentStep, u"Open"_s);
    }

    void statusPollsOnlyWhileVisible()
    {
        ModelHeader *header = m_browser->header();
        QVERIFY(header->hasModel());
        m_browser->setStatusRefreshInterval(100);
        int reads = header->statusReads();
        QVERIFY(QTest::qWaitFor([&] { return header->statusReads() >= reads + 3; }, kWaitMs));
        m_browser->hide();
        QVERIFY(!header->isReadingStatus()); // a running read is abandoned
        reads = header->statusReads();
        QTest::qWait(800); // eight intervals: none may read while hidden
        QCOMPARE(header->statusReads(), reads);
        m_browser->show();
        QVERIFY(QTest::qWaitFor([&] { return header->statusReads() >= reads + 2; }, kWaitMs));
        m_browser->setStatusRefreshInterval(0);
        figure(u"ui-browser-status reads_while_hidden=0 interval_ms=100"_s);
    }

    // A reply for a model that is no longer selected never fills the tables.
    void staleRepliesIgnored()
    {
        HttpProbe probe(m_sandbox->url());
        QJsonObject rule{{u"kind"_s, u"latency"_s},
                         {u"ms"_s, 700},
                         {u"method"_s, u"GET"_s},
                         {u"path"_s, u"/2/0/workspaces/*/models/%1/**"_s.arg(kProductionModel)},
                         {u"times"_s, u"unlimited"_s}};
        QCOMPARE(probe.postJson(u"/__sandbox/faults"_s, rule).status, 201);
        QVERIFY(selectInTree(kProductionModel));
        QVERIFY(tab(ObjectKind::File)->isLoading());
        QVERIFY(selectInTree(kArchivedModel));
        QTest::qWait(1500); // the delayed replies for the production model have arrived (or been dropped)
        for (ObjectKind kind : kKinds)
            QCOMPARE(m_browser->objectModel(kind)->rowCount(), 0);
        QCOMPARE(m_browser->findChild<QLabel *>(u"modelTitle"_s)->text(), u"FY2021 Budget"_s);
        QCOMPARE(probe.request("DELETE", u"/__sandbox/faults"_s).status, 204);
    }

    void deleteCancelledDeletesNothing()
    {
        QVERIFY(selectInTree(kScratchModel));
        const int before = bulkDeleteRequests();
        m_boxes->answerNext(QMessageBox::Cancel);
        action("deleteModelsAction")->trigger();
        QCOMPARE(m_boxes->count(ModelDeleter::confirmationObjectName()), 1);
        const MessageRequest ask = m_boxes->requestsNamed(ModelDeleter::confirmationObjectName()).first();
        QVERIFY2(ask.text.contains(u"Scratch Model"_s), qPrintable(ask.text));
        QCOMPARE(ask.kind, MessageRequest::Kind::Question);
        QTest::qWait(200);
        QCOMPARE(bulkDeleteRequests(), before);
        QVERIFY(listedModelIds().contains(kScratchModel));
        QVERIFY(m_browser->treeModel()->modelIndex(kScratchModel).isValid());
    }

    // Two models: the closed one is deleted, the open one is refused and reported by name.
    void deleteAfterConfirmingReportsFailures()
    {
        m_boxes->clear();
        QVERIFY(selectInTree(kScratchModel));
        QVERIFY(selectInTree(kProductionModel, QItemSelectionModel::Select | QItemSelectionModel::Rows));
        QCOMPARE(m_browser->selectedModels().size(), 2);
        QSignalSpy deleted(m_browser.get(), &ModelBrowser::modelsDeleted);
        m_boxes->answerNext(QMessageBox::Yes);
        action("deleteModelsAction")->trigger();
        QCOMPARE(m_boxes->count(ModelDeleter::confirmationObjectName()), 1);
        const MessageRequest ask = m_boxes->requestsNamed(ModelDeleter::confirmationObjectName()).first();
        QVERIFY2(ask.text.contains(u"Scratch Model"_s) && ask.text.contains(u"Sales Planning (Production)"_s),
                 qPrintable(ask.text));
        QVERIFY(deleted.wait(kWaitMs));
        QCOMPARE(deleted.at(0).at(0).toStringList(), QStringList{kScratchModel});
        InlineBanner *banner = m_browser->header()->banner();
        qInfo().noquote() << "banner:" << banner->text();
        QCOMPARE(banner->level(), InlineBanner::Level::Warning);
        QVERIFY2(banner->text().contains(u"'Sales Planning (Production)'"_s) &&
                     banner->text().contains(u"not deleted"_s),
                 qPrintable(banner->text()));
        QVERIFY(banner->text().contains(u"Deleted: Scratch Model"_s));
        QVERIFY(!m_browser->treeModel()->modelIndex(kScratchModel).isValid());
        QVERIFY(m_browser->treeModel()->modelIndex(kProductionModel).isValid());
        const QStringList fresh = listedModelIds();
        QVERIFY(!fresh.contains(kScratchModel));
        QVERIFY(fresh.contains(kProductionModel));
        figure(u"ui-browser-delete asked=2 deleted=1 refused=1"_s);
    }

    // The sandbox goes away: refreshing shows what failed, where, and what to do — inline, no crash.
    void errorsShownInline()
    {
        QVERIFY(selectInTree(kDemoModel));
        QVERIFY(QTest::qWaitFor([&] { return tabsLoaded(); }, kWaitMs));
        m_sandbox->stop();
        m_browser->showObject(ObjectKind::File);
        ObjectTab *files = tab(ObjectKind::File);
        QVERIFY(activate());
        files->view()->setFocus();
        QTest::keyClick(files->view(), Qt::Key_F5);
        QVERIFY(files->isLoading());
        QVERIFY(QTest::qWaitFor([&] { return !files->isLoading(); }, kWaitMs));
        QVERIFY(files->banner()->isVisible());
        QCOMPARE(files->banner()->level(), InlineBanner::Level::Error);
        const QString text = files->banner()->text();
        qInfo().noquote() << "banner:" << text;
        QVERIFY2(text.contains(u"Listing the files of the model failed"_s), qPrintable(text));
        QVERIFY2(text.contains(u"What to do:"_s), qPrintable(text));
        QCOMPARE(files->model()->rowCount(), 0);
        // the tree reports a failed reload the same way
        m_browser->reload();
        auto *treeBanner = m_browser->findChild<InlineBanner *>(u"modelTreeBanner"_s);
        QVERIFY(QTest::qWaitFor([&] { return treeBanner->isVisible(); }, kWaitMs));
        QVERIFY2(treeBanner->text().contains(u"Listing workspaces and models"_s),
                 qPrintable(treeBanner->text()));
        figure(u"ui-browser-error banner_chars=%1"_s.arg(text.size()));
    }
};

QTEST_MAIN(TestModelBrowser)
#include "tst_ModelBrowser.moc"
