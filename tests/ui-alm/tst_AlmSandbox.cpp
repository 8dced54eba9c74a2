// The ALM tab of the real main window against anadesk-sandbox: revisions listed with the latest marked;
// create a revision and see it listed (the sandbox's latest revision is it); compare it with the production
// model (summary counts equal the sandbox's summary report, the saved full report equals the sandbox's
// bytes); sync it into the production model (the sandbox's latest revision of the target changes); take the
// model offline and back after confirming (and not without).
#include "AdminTestEnv.h"
#include "AlmTestSteps.h"
#include "alm/AlmPanel.h"
#include "alm/AlmSourceDialog.h"
#include "alm/AlmTaskRow.h"
#include "alm/CreateRevisionDialog.h"
#include "alm/RevisionListModel.h"
#include "alm/SummaryTableModel.h"
#include "browser/InlineBanner.h"
#include "browser/ModelBrowser.h"

#include <QAction>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

using namespace anadesk;
using namespace admintest;

namespace {
QString almPath(const QString &model, const QString &rest)
{
    return QStringLiteral("/2/0/models/%1/alm/%2").arg(model, rest);
}
QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}
} // namespace

class TestAlmSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsRevisionsWithLatestMarked();
    void createRevisionIsListed();
    void compareMatchesTheSandbox();
    void syncChangesTheTargetRevision();
    void offlineOnlyAfterConfirming();
    void cleanupTestCase();

private:
    bool showModel(const QString &modelId) { return admintest::showModel(m_browser, m_panel, modelId); }
    QString sandboxLatest(const QString &model) const
    {
        return m_env.probe->get(almPath(model, QStringLiteral("latestRevision")))
            .json()
            .value(QStringLiteral("revisions"))
            .toArray()
            .first()
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    }
    // Opens the sync/compare dialog through its action and picks DEV's revision `revisionId`.
    AlmSourceDialog *chooseSource(const char *action, const QString &revisionId)
    {
        m_panel->findChild<QAction *>(QLatin1String(action))->trigger();
        AlmSourceDialog *dialog = m_panel->sourceDialog();
        if (!dialog)
            return nullptr;
        if (!QTest::qWaitFor([dialog] { return !dialog->isLoading() && dialog->modelCombo()->count() > 0; },
                             kWaitMs))
            return nullptr;
        QSignalSpy listed(dialog, &AlmSourceDialog::revisionsListed);
        if (dialog->modelCombo()->currentData().toString() != kDevModel) {
            if (!dialog->selectSourceModel(kDevModel))
                return nullptr;
        }
        if (!QTest::qWaitFor([dialog] { return !dialog->isLoading(); }, kWaitMs))
            return nullptr;
        return dialog->selectRevision(revisionId) ? dialog : nullptr;
    }

    AdminEnv m_env;
    ModelBrowser *m_browser = nullptr;
    AlmPanel *m_panel = nullptr;
    QString m_newRevision;
};

void TestAlmSandbox::initTestCase()
{
    const QString error = m_env.start(800);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_browser = qobject_cast<ModelBrowser *>(m_env.window->browserWidget());
    QVERIFY(m_browser);
    m_panel = m_browser->findChild<AlmPanel *>(QStringLiteral("almPanel"));
    QVERIFY(m_panel);
    m_env.addTester(m_panel->revisionModel());
    m_env.addTester(m_panel->summaryModel());
    auto *tabs = m_browser->findChild<QTabWidget *>(QStringLiteral("objectTabs"));
    QCOMPARE(tabs->tabText(tabs->indexOf(m_panel)), QStringLiteral("ALM"));
    QSignalSpy loaded(m_panel, &AlmPanel::revisionsLoaded);
    m_browser->selectModel(kDemoWorkspace, kDevModel);
    QVERIFY(QTest::qWaitFor([this] { return m_panel->modelId() == kDevModel; }, kWaitMs));
    // Nothing is read while the tab is hidden.
    QTest::qWait(300);
    QCOMPARE(m_env.requests("GET", QStringLiteral("/2/0/models/%1/alm").arg(kDevModel)).size(), 0);
    QCOMPARE(loaded.count(), 0);
    // Alt+6 shows the tab (keyboard only).
    QApplication::setActiveWindow(m_env.window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_env.window.get()));
    m_browser->modelTreeView()->setFocus();
    QTest::keyClick(m_browser->modelTreeView(), Qt::Key_6, Qt::AltModifier);
    QCOMPARE(tabs->currentWidget(), m_panel);
    QVERIFY(loaded.wait(kWaitMs));
}

void TestAlmSandbox::listsRevisionsWithLatestMarked()
{
    const QJsonObject listed = m_env.probe->get(almPath(kDevModel, QStringLiteral("revisions"))).json();
    const QJsonArray revisions = listed.value(QStringLiteral("revisions")).toArray();
    QCOMPARE(m_panel->revisionModel()->rowCount(), int(revisions.size()));
    QVERIFY(revisions.size() >= 2);
    const QString latest = sandboxLatest(kDevModel);
    QCOMPARE(latest, kRelease11);
    const int row = m_panel->revisionModel()->rowOf(latest);
    QVERIFY(row >= 0);
    QVERIFY(m_panel->revisionModel()->index(row, 0).data(RevisionListModel::LatestRole).toBool());
    QVERIFY(m_panel->revisionModel()->index(row, 0).data().toString().endsWith(QStringLiteral("(latest)")));
    QVERIFY(QTest::qWaitFor([this] { return m_panel->modelDetails().has_value(); }, kWaitMs));
    QVERIFY(!m_panel->isOffline());
}

void TestAlmSandbox::createRevisionIsListed()
{
    auto *create = m_panel->findChild<QAction *>(QStringLiteral("createRevisionAction"));
    QVERIFY(create && create->isEnabled());
    create->trigger();
    CreateRevisionDialog *dialog = m_panel->createDialog();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("UI Release 1.2"));
    QTest::keyClicks(dialog->descriptionEdit(), QStringLiteral("Created by the ALM tab test"));
    QSignalSpy loaded(m_panel, &AlmPanel::revisionsLoaded);
    QSignalSpy created(dialog, &CreateRevisionDialog::revisionCreated);
    dialog->accept();
    QVERIFY(created.wait(kWaitMs));
    m_newRevision = created.first().first().value<Revision>().id;
    QVERIFY(loaded.wait(kWaitMs));
    QVERIFY(!m_newRevision.isEmpty());
    QCOMPARE(sandboxLatest(kDevModel), m_newRevision);
    const int row = m_panel->revisionModel()->rowOf(m_newRevision);
    QVERIFY(row >= 0);
    QCOMPARE(m_panel->revisionModel()->latestId(), m_newRevision);
    QCOMPARE(m_panel->revisionModel()->index(row, 0).data().toString(),
             QStringLiteral("UI Release 1.2 (latest)"));

    // A second revision without structural change is refused: said inline, the dialog stays open.
    create->trigger();
    QPointer<CreateRevisionDialog> again = m_panel->createDialog();
    QVERIFY(again);
    QTest::keyClicks(again->nameEdit(), QStringLiteral("UI Release 1.3"));
    again->accept();
    QVERIFY(QTest::qWaitFor([&again] { return !again->isCreating(); }, kWaitMs));
    QVERIFY(again->banner()->isShowing());
    std::printf("banner: %s\n", qPrintable(again->banner()->text()));
    QVERIFY(again->banner()->text().contains(QStringLiteral("What to do")));
    QVERIFY(again->isVisible());
    again->reject();
    QCOMPARE(sandboxLatest(kDevModel), m_newRevision);
}

void TestAlmSandbox::compareMatchesTheSandbox()
{
    QVERIFY(!m_newRevision.isEmpty());
    QVERIFY(showModel(kProdModel));
    QCOMPARE(m_panel->revisionModel()->latestId(), kRelease10);
    AlmSourceDialog *dialog = chooseSource("compareRevisionsAction", m_newRevision);
    QVERIFY(dialog);
    // The dialog lists exactly the sandbox's syncable revisions.
    const QJsonArray syncable =
        m_env.probe
            ->get(almPath(kProdModel, QStringLiteral("syncableRevisions?sourceModelId=%1").arg(kDevModel)))
            .json()
            .value(QStringLiteral("revisions"))
            .toArray();
    QCOMPARE(dialog->revisionList()->count(), int(syncable.size()));
    QSignalSpy compared(m_panel, &AlmPanel::comparisonFinished);
    dialog->accept();
    QVERIFY(m_panel->taskRow()->isVisible()); // the progress row follows the task
    QVERIFY(compared.wait(kWaitMs));
    QVERIFY(compared.first().first().toBool());
    QVERIFY(!m_panel->taskRow()->isVisible());

    const QJsonObject summary =
        m_env.probe
            ->get(almPath(kProdModel, QStringLiteral("summaryReports/%1/%2").arg(kRelease10, m_newRevision)))
            .json()
            .value(QStringLiteral("summaryReport"))
            .toObject();
    QVERIFY(!summary.isEmpty());
    SummaryTableModel *model = m_panel->summaryModel();
    const QJsonObject totals = summary.value(QStringLiteral("totals")).toObject();
    auto cell = [model](int row, int column) {
        return model->index(row, column).data(SummaryTableModel::CountRole).toLongLong();
    };
    QCOMPARE(cell(0, SummaryTableModel::CreatedColumn), totals.value(QStringLiteral("created")).toInteger());
    QCOMPARE(cell(0, SummaryTableModel::ModifiedColumn),
             totals.value(QStringLiteral("modified")).toInteger());
    QCOMPARE(cell(0, SummaryTableModel::DeletedColumn), totals.value(QStringLiteral("deleted")).toInteger());
    QVERIFY(totals.value(QStringLiteral("created")).toInteger() > 0);
    const QJsonObject differences = summary.value(QStringLiteral("differences")).toObject();
    QCOMPARE(model->rowCount(), int(differences.size()) + 1);
    for (auto it = differences.begin(); it != differences.end(); ++it) {
        const int row = model->rowOfArea(it.key());
        QVERIFY2(row > 0, qPrintable(it.key()));
        QCOMPARE(cell(row, SummaryTableModel::CreatedColumn),
                 it.value().toObject().value(QStringLiteral("created")).toInteger());
        QCOMPARE(cell(row, SummaryTableModel::ModifiedColumn),
                 it.value().toObject().value(QStringLiteral("modified")).toInteger());
        QCOMPARE(cell(row, SummaryTableModel::DeletedColumn),
                 it.value().toObject().value(QStringLiteral("deleted")).toInteger());
    }
    figure(QStringLiteral("ui_alm_summary_total_created=%1 areas=%2")
               .arg(totals.value(QStringLiteral("created")).toInteger())
               .arg(differences.size()));

    // The full report, saved through the file dialog, holds the sandbox's bytes.
    const QString path = m_env.dir.filePath(QStringLiteral("comparison.tsv"));
    m_env.files.answerFor(QStringLiteral("saveComparisonReportDialog"), {path});
    QSignalSpy saved(m_panel, &AlmPanel::reportSaved);
    m_panel->findChild<QAction *>(QStringLiteral("saveComparisonReportAction"))->trigger();
    QVERIFY(saved.wait(kWaitMs));
    QCOMPARE(saved.first().first().toString(), path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const QByteArray expected =
        m_env.probe
            ->get(
                almPath(kProdModel, QStringLiteral("comparisonReports/%1/%2").arg(kRelease10, m_newRevision)))
            .body;
    QVERIFY(!expected.isEmpty());
    QCOMPARE(sha256(bytes), sha256(expected));
    figure(QStringLiteral("ui_alm_report_bytes=%1").arg(bytes.size()));
}

void TestAlmSandbox::syncChangesTheTargetRevision()
{
    QCOMPARE(sandboxLatest(kProdModel), kRelease10);
    AlmSourceDialog *dialog = chooseSource("syncModelAction", m_newRevision);
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("almSyncDialog"));
    QSignalSpy synced(m_panel, &AlmPanel::syncFinished);
    QSignalSpy loaded(m_panel, &AlmPanel::revisionsLoaded);
    dialog->accept();
    QVERIFY(m_panel->taskRow()->isRunning());
    QVERIFY(synced.wait(kWaitMs));
    QVERIFY2(synced.first().first().toBool(), qPrintable(m_panel->banner()->text()));
    QCOMPARE(sandboxLatest(kProdModel), m_newRevision);
    QVERIFY(loaded.count() > 0 || loaded.wait(kWaitMs));
    QCOMPARE(m_panel->revisionModel()->latestId(), m_newRevision);
    QVERIFY(m_panel->banner()->text().contains(QStringLiteral("Synced")));
    QCOMPARE(m_env.requests("POST", almPath(kProdModel, QStringLiteral("syncTasks"))).size(), 1);
}

void TestAlmSandbox::offlineOnlyAfterConfirming()
{
    auto *toggle = m_panel->findChild<QAction *>(QStringLiteral("toggleOnlineAction"));
    QVERIFY(QTest::qWaitFor([toggle] { return toggle->isEnabled(); }, kWaitMs));
    QVERIFY(!m_panel->isOffline());
    const QString statusPath = QStringLiteral("/2/0/models/%1/onlineStatus").arg(kProdModel);
    m_env.clearRequestLog();
    m_env.messages.answerNext(QMessageBox::No);
    toggle->trigger();
    QCOMPARE(m_env.messages.count(QStringLiteral("takeModelOfflineConfirm")), 1);
    QTest::qWait(200);
    QCOMPARE(m_env.requests("PUT", statusPath).size() + m_env.requests("POST", statusPath).size(), 0);

    QSignalSpy changed(m_panel, &AlmPanel::onlineStatusChanged);
    m_env.messages.answerNext(QMessageBox::Yes);
    toggle->trigger();
    QVERIFY(changed.wait(kWaitMs));
    QCOMPARE(changed.first().first().toBool(), false);
    QVERIFY(QTest::qWaitFor([this] { return m_panel->isOffline(); }, kWaitMs));
    QCOMPARE(m_panel->modelDetails()->activeStateRaw, QStringLiteral("PRODUCTION_MAINTENANCE"));
    QVERIFY(toggle->text().contains(QStringLiteral("nline")));

    m_env.messages.answerNext(QMessageBox::Yes);
    toggle->trigger();
    QCOMPARE(m_env.messages.count(QStringLiteral("bringModelOnlineConfirm")), 1);
    QVERIFY(changed.wait(kWaitMs));
    QVERIFY(QTest::qWaitFor([this] { return m_panel->modelDetails() && !m_panel->isOffline(); }, kWaitMs));
    QCOMPARE(m_panel->modelDetails()->activeStateRaw, QStringLiteral("PRODUCTION"));
    QCOMPARE(m_env.requests("PUT", statusPath).size(), 2);
}

void TestAlmSandbox::cleanupTestCase()
{
    QVERIFY2(m_env.messages.unanswered().isEmpty(), qPrintable(m_env.messages.unanswered().join(u", ")));
}

QTEST_MAIN(TestAlmSandbox)
#include "tst_AlmSandbox.moc"
