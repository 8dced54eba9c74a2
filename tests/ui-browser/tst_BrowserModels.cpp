// The browser's item models against a real anadesk-sandbox: the workspaces → models tree (lazy loading per
// workspace), its filter proxy (text, state, recursive), and the object table models of the five tabs —
// every one under QAbstractItemModelTester in Fatal mode while its data loads.
#include "BrowserTestEnv.h"
#include "api/JobWait.h"
#include "browser/BrowserRoles.h"
#include "browser/InlineBanner.h"
#include "browser/ModelTreeFilter.h"
#include "browser/ObjectTab.h"
#include "browser/WorkspaceTreeModel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace anadesk;
using namespace anadesk::test;
using namespace Qt::StringLiterals;

namespace {
constexpr int kWaitMs = 30'000;

QStringList idsOf(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QStringList ids;
    for (int row = 0; row < model->rowCount(parent); ++row)
        ids.append(model->index(row, 0, parent).data(IdRole).toString());
    return ids;
}

QStringList namesOf(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QStringList names;
    for (int row = 0; row < model->rowCount(parent); ++row)
        names.append(model->index(row, 0, parent).data(NameRole).toString());
    return names;
}
} // namespace

class TestBrowserModels : public QObject
{
    Q_OBJECT
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<Connection> m_connection;

    BulkClient root() const { return BulkClient(m_connection.get(), ModelRef{}); }

    bool waitWorkspaces(WorkspaceTreeModel &model)
    {
        return QTest::qWaitFor([&] { return !model.isLoadingWorkspaces(); }, kWaitMs) &&
               model.workspaceCount() > 0;
    }
    bool waitLoaded(WorkspaceTreeModel &model, const QString &workspaceId)
    {
        return QTest::qWaitFor(
            [&] { return model.workspaceLoadState(workspaceId) == WorkspaceTreeModel::LoadState::Loaded; },
            kWaitMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = startSandbox(m_sandbox, m_connection);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_connection.reset();
        if (m_sandbox)
            m_sandbox->stop();
    }

    // Models are fetched per workspace, only when asked (expand → canFetchMore/fetchMore).
    void treeLoadsModelsLazily()
    {
        WorkspaceTreeModel model(root());
        model.reload();
        QVERIFY(waitWorkspaces(model));
        QCOMPARE(model.workspaceCount(), 4);
        QCOMPARE(namesOf(&model).first(), u"Archive 2021"_s); // sorted by name on the server
        const QModelIndex ws = model.workspaceIndex(kDemoWorkspace);
        QVERIFY(ws.isValid());
        QCOMPARE(model.rowCount(ws), 0);
        QVERIFY(model.hasChildren(ws)); // an expander before loading
        QVERIFY(model.canFetchMore(ws));
        for (int row = 0; row < model.workspaceCount(); ++row)
            QCOMPARE(model.workspaceLoadState(model.index(row, 0).data(IdRole).toString()),
                     WorkspaceTreeModel::LoadState::NotLoaded);
        model.fetchMore(ws);
        QVERIFY(!model.canFetchMore(ws)); // no second fetch while loading
        QVERIFY(model.data(ws, LoadingRole).toBool());
        QVERIFY(waitLoaded(model, kDemoWorkspace));
        QCOMPARE(model.rowCount(ws), 5);
        QVERIFY(namesOf(&model, ws).contains(u"Sales Planning Demo"_s));
        // the other workspaces were not fetched
        QCOMPARE(model.workspaceLoadState(u"8a868cfd7c2a4c1e9d3b5f6a7e8d9c02"_s),
                 WorkspaceTreeModel::LoadState::NotLoaded);
        const QModelIndex demo = model.modelIndex(kDemoModel);
        QCOMPARE(demo.parent(), ws);
        QCOMPARE(demo.siblingAtColumn(WorkspaceTreeModel::IdColumn).data().toString(), kDemoModel);
        QCOMPARE(demo.siblingAtColumn(WorkspaceTreeModel::StateColumn).data().toString(), u"Unlocked"_s);
        QVERIFY(demo.siblingAtColumn(WorkspaceTreeModel::SizeColumn).data(SortRole).toLongLong() > 0);
        QVERIFY(ws.siblingAtColumn(WorkspaceTreeModel::AllowanceColumn).data(SortRole).toLongLong() ==
                10LL * 1024 * 1024 * 1024);
        QVERIFY(!ws.siblingAtColumn(WorkspaceTreeModel::AllowanceColumn).data().toString().isEmpty());
    }

    void treePassesModelTesterWhileLoading()
    {
        WorkspaceTreeModel model(root());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        ModelTreeFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.reload();
        QVERIFY(waitWorkspaces(model));
        model.fetchAll();
        for (int row = 0; row < model.workspaceCount(); ++row)
            QVERIFY(waitLoaded(model, model.index(row, 0).data(IdRole).toString()));
        int models = 0;
        for (int row = 0; row < model.workspaceCount(); ++row)
            models += model.rowCount(model.index(row, 0));
        QCOMPARE(models, 11);
        // reload a workspace (rows replaced) and delete-from-view (rows removed) under the tester too
        model.reloadWorkspace(kDemoWorkspace);
        QVERIFY(QTest::qWaitFor(
            [&] { return model.workspaceLoadState(kDemoWorkspace) == WorkspaceTreeModel::LoadState::Loaded; },
            kWaitMs));
        model.removeModels({kScratchModel});
        QVERIFY(!model.modelIndex(kScratchModel).isValid());
        filter.setText(u"sales"_s);
        filter.sort(WorkspaceTreeModel::SizeColumn, Qt::DescendingOrder);
        model.reload();
        QVERIFY(waitWorkspaces(model));
        figure(u"ui-browser-tree workspaces=%1 models=%2"_s.arg(model.workspaceCount()).arg(models));
    }

    // Archived and locked models carry an icon, a state word and an explaining tooltip — not colour alone.
    void restrictedModelsAreMarked()
    {
        WorkspaceTreeModel model(root());
        model.reload();
        QVERIFY(waitWorkspaces(model));
        model.fetchAll();
        QVERIFY(waitLoaded(model, kDemoWorkspace));
        const QModelIndex locked = model.modelIndex(kLockedModel);
        const QModelIndex archived = model.modelIndex(kArchivedModel);
        const QModelIndex demo = model.modelIndex(kDemoModel);
        QVERIFY(locked.isValid() && archived.isValid() && demo.isValid());
        QCOMPARE(locked.data(NameRole).toString(), u"FP&A Consolidation"_s);
        QVERIFY(!locked.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!archived.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!demo.data(Qt::DecorationRole).isValid());
        QCOMPARE(locked.siblingAtColumn(WorkspaceTreeModel::StateColumn).data().toString(), u"Locked"_s);
        QCOMPARE(archived.siblingAtColumn(WorkspaceTreeModel::StateColumn).data().toString(), u"Archived"_s);
        QVERIFY(locked.data(Qt::ToolTipRole).toString().contains(u"Locked:"_s));
        QVERIFY(archived.data(Qt::ToolTipRole).toString().contains(u"unarchives"_s));
        QVERIFY(!demo.data(Qt::ToolTipRole).toString().contains(u"Locked:"_s));
    }

    void filterByTextAndState()
    {
        WorkspaceTreeModel model(root());
        ModelTreeFilter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.reload();
        QVERIFY(waitWorkspaces(model));
        model.fetchAll();
        for (int row = 0; row < model.workspaceCount(); ++row)
            QVERIFY(waitLoaded(model, model.index(row, 0).data(IdRole).toString()));

        filter.setText(u"scratch"_s);
        QCOMPARE(filter.rowCount(), 1); // only the workspace holding it
        QModelIndex ws = filter.index(0, 0);
        QCOMPARE(ws.data(IdRole).toString(), kDemoWorkspace);
        QCOMPARE(idsOf(&filter, ws), QStringList{kScratchModel});

        filter.setText(u"3A12"_s); // by id
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(idsOf(&filter, filter.index(0, 0)), QStringList{kLockedModel});

        filter.setText({});
        filter.setState(ModelState::Archived);
        QStringList archived;
        for (int row = 0; row < filter.rowCount(); ++row)
            archived += namesOf(&filter, filter.index(row, 0));
        archived.sort();
        QCOMPARE(archived, (QStringList{u"FY2021 Budget"_s, u"Legacy Plan 2020"_s}));

        filter.setState(std::nullopt);
        filter.setText(u"Sales Operations"_s); // a workspace's name lists its models
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.rowCount(filter.index(0, 0)), 3);

        // sorting by memory sorts numbers, not text
        filter.setText({});
        filter.sort(WorkspaceTreeModel::SizeColumn, Qt::AscendingOrder);
        const QModelIndex demoWs = filter.mapFromSource(model.workspaceIndex(kDemoWorkspace));
        qint64 previous = -1;
        for (int row = 0; row < filter.rowCount(demoWs); ++row) {
            const qint64 size =
                filter.index(row, WorkspaceTreeModel::SizeColumn, demoWs).data(SortRole).toLongLong();
            QVERIFY(size >= previous);
            previous = size;
        }
    }

    void objectTablesListEveryKind_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("expectedIds");
        QTest::addColumn<QString>("expectedName");
        QTest::newRow("files") << int(ObjectKind::File) << seededFileIds() << u"Sales.csv"_s;
        QTest::newRow("imports") << int(ObjectKind::Import) << seededIds("112", 7)
                                 << u"Sales from Sales.csv"_s;
        QTest::newRow("exports") << int(ObjectKind::Export) << seededIds("116", 7)
                                 << u"Sales - Tabular.csv"_s;
        QTest::newRow("processes") << int(ObjectKind::Process) << seededIds("118", 5) << u"Load Sales Data"_s;
        QTest::newRow("actions") << int(ObjectKind::Action) << seededIds("117", 3)
                                 << u"Delete Products without Sales"_s;
    }

    void objectTablesListEveryKind()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, expectedIds);
        QFETCH(QString, expectedName);
        ObjectTab tab{ObjectKind(kind)};
        QAbstractItemModelTester tester(tab.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        QAbstractItemModelTester proxyTester(tab.proxy(),
                                             QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy loaded(&tab, &ObjectTab::loaded);
        tab.load(m_connection->bulk().withModel(kDemoModel, kDemoWorkspace));
        QVERIFY(tab.isLoading());
        QVERIFY(QTest::qWaitFor([&] { return !tab.isLoading(); }, kWaitMs));
        QCOMPARE(loaded.size(), 1);
        QVERIFY2(!tab.banner()->isVisibleTo(&tab), qPrintable(tab.banner()->text()));
        const QStringList ids = idsOf(tab.model());
        for (const QString &id : expectedIds)
            QVERIFY2(ids.contains(id), qPrintable(id));
        const int row = tab.model()->rowOf(expectedIds.at(1));
        QVERIFY(row >= 0);
        // name and id side by side
        QCOMPARE(tab.model()->headerData(0, Qt::Horizontal).toString(), u"Name"_s);
        QCOMPARE(tab.model()->headerData(1, Qt::Horizontal).toString(), u"Id"_s);
        QCOMPARE(tab.model()->index(row, 1).data().toString(), expectedIds.at(1));
        QVERIFY(namesOf(tab.model()).contains(expectedName));
        // filter and sort through the proxy
        tab.filterEdit()->setText(expectedIds.at(1));
        QCOMPARE(tab.proxy()->rowCount(), 1);
        QCOMPARE(tab.proxy()->index(0, 1).data().toString(), expectedIds.at(1));
        tab.filterEdit()->clear();
        tab.proxy()->sort(ObjectTableModel::IdColumn, Qt::DescendingOrder);
        QCOMPARE(tab.proxy()->index(0, 1).data().toString(), *std::max_element(ids.begin(), ids.end()));
        // a second load under the tester (reset while rows exist)
        tab.refresh();
        QVERIFY(QTest::qWaitFor([&] { return !tab.isLoading(); }, kWaitMs));
        QCOMPARE(idsOf(tab.model()).size(), ids.size());
        figure(u"ui-browser-table kind=%1 rows=%2"_s.arg(ObjectTab::stem(ObjectKind(kind))).arg(ids.size()));
    }

    // Imports name the file they read; the files tab shows chunk counts as numbers.
    void importLinksItsSourceFile()
    {
        ObjectTab tab{ObjectKind::Import};
        tab.load(m_connection->bulk().withModel(kDemoModel, kDemoWorkspace));
        QVERIFY(QTest::qWaitFor([&] { return !tab.isLoading() && tab.hasLoaded(); }, kWaitMs));
        const ObjectRow *row = tab.model()->rowAt(tab.model()->rowOf(u"112000000001"_s));
        QVERIFY(row);
        QCOMPARE(row->linkedId, u"113000000001"_s);
    }
};

QTEST_MAIN(TestBrowserModels)
#include "tst_BrowserModels.moc"
