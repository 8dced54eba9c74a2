// The SCIM Users dock of the real main window against anadesk-sandbox (2,000 seeded users): page-by-page
// listing, filters checked against the sandbox's own count, add (found via the sandbox's SCIM API), edit that
// keeps the workspaces, deactivate after confirming (and not without), a missing role explained inline.
#include "AdminTestEnv.h"
#include "browser/InlineBanner.h"
#include "users/UserDetailsPanel.h"
#include "users/UserEditDialog.h"
#include "users/UserListModel.h"
#include "users/UserQuery.h"
#include "users/UsersView.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QTableView>
#include <QtTest>

using namespace anadesk;
using namespace admintest;

namespace {
const QString kUsersPath = QStringLiteral("/scim/1/0/v2/Users");

QString encoded(const QString &filter)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(filter));
}
} // namespace

class TestUsersSandbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsPageByPage();
    void filtersMatchTheSandbox();
    void addUserIsFoundViaScim();
    void editKeepsWorkspaces();
    void deactivateOnlyAfterConfirming();
    void missingRoleIsExplainedInline();
    void cleanupTestCase();

private:
    bool waitIdle() const
    {
        return QTest::qWaitFor([this] { return !m_view->model()->isLoading(); }, kWaitMs);
    }
    // The sandbox's own answer for a filter (wire level, not through core).
    QJsonObject sandboxUsers(const QString &filter, int count = 100) const
    {
        const QString query = filter.isEmpty()
                                  ? QStringLiteral("?count=%1").arg(count)
                                  : QStringLiteral("?filter=%1&count=%2").arg(encoded(filter)).arg(count);
        return m_env.probe->get(kUsersPath + query).json();
    }
    // Keyboard focus on the users table in the active main window (a closed dialog may have taken the
    // activation with it), so the view's shortcuts reach it.
    bool focusTable() const
    {
        QApplication::setActiveWindow(m_env.window.get());
        if (!QTest::qWaitForWindowActive(m_env.window.get()))
            return false;
        m_view->table()->setFocus(Qt::OtherFocusReason);
        return QApplication::focusWidget() == m_view->table();
    }
    void setFilter(UserQuery::Field field, UserQuery::Match match, const QString &text,
                   UserQuery::Activity activity = UserQuery::Activity::Any)
    {
        m_view->fieldCombo()->setCurrentIndex(m_view->fieldCombo()->findData(int(field)));
        m_view->matchCombo()->setCurrentIndex(m_view->matchCombo()->findData(int(match)));
        m_view->activityCombo()->setCurrentIndex(m_view->activityCombo()->findData(int(activity)));
        m_view->filterEdit()->setFocus();
        m_view->filterEdit()->clear();
        QTest::keyClicks(m_view->filterEdit(), text);
        QTest::keyClick(m_view->filterEdit(), Qt::Key_Return); // applies at once
    }

    AdminEnv m_env;
    UsersView *m_view = nullptr;
    QString m_addedId;
};

void TestUsersSandbox::initTestCase()
{
    const QString error = m_env.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_view = m_env.window->findChild<UsersView *>(QStringLiteral("usersView"));
    QVERIFY(m_view);
    auto *dock = m_env.window->findChild<QDockWidget *>(QStringLiteral("usersDock"));
    QVERIFY(dock);
    QVERIFY(dock->isHidden()); // nothing is read until the dock is opened
    QCOMPARE(m_env.requests("GET", kUsersPath).size(), 0);
    auto *toggle = m_env.window->findChild<QAction *>(QStringLiteral("actionToggleUsers"));
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    QVERIFY(m_env.window->viewMenu()->actions().contains(toggle));
    toggle->trigger();
    QVERIFY(dock->isVisible());
    // Shortcuts need the main window to be the active one.
    QApplication::setActiveWindow(m_env.window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_env.window.get()));
}

void TestUsersSandbox::listsPageByPage()
{
    UserListModel *model = m_view->model();
    QVERIFY(QTest::qWaitFor([model] { return model->totalResults() >= 0 && !model->isLoading(); }, kWaitMs));
    const QJsonObject all = sandboxUsers(QString(), 1);
    const qint64 sandboxTotal = all.value(QStringLiteral("totalResults")).toInteger();
    QCOMPARE(model->totalResults(), sandboxTotal);
    QVERIFY(sandboxTotal >= 2000);
    QCOMPARE(model->rowCount(), 100); // one page, not every user
    QList<QJsonObject> pages = m_env.requests("GET", kUsersPath, QStringLiteral("&count=100"));
    QCOMPARE(pages.size(), 1);
    QVERIFY(pages.first()
                .value(QStringLiteral("query"))
                .toString()
                .contains(QStringLiteral("startIndex=1&count=100")));
    QVERIFY(m_view->countLabel()->text().contains(QLocale().toString(sandboxTotal)));

    // Scrolling to the end asks for the next page, and only that.
    m_view->table()->scrollToBottom();
    QVERIFY(QTest::qWaitFor([model] { return model->rowCount() >= 200 && !model->isLoading(); }, kWaitMs));
    pages = m_env.requests("GET", kUsersPath, QStringLiteral("&count=100"));
    QVERIFY(pages.size() >= 2);
    QVERIFY(pages.at(1)
                .value(QStringLiteral("query"))
                .toString()
                .contains(QStringLiteral("startIndex=101&count=100")));
    // The rows are the sandbox's users in its order: compare the 101st with the sandbox's page 2.
    const QJsonObject page2 = m_env.probe->get(kUsersPath + QStringLiteral("?startIndex=101&count=1")).json();
    QCOMPARE(model->userAt(100)->id, page2.value(QStringLiteral("Resources"))
                                         .toArray()
                                         .first()
                                         .toObject()
                                         .value(QStringLiteral("id"))
                                         .toString());
    // The first row is selected and its details shown.
    QVERIFY(m_view->details()->user().has_value());
    figure(QStringLiteral("ui_users_rows_after_two_pages=%1 total=%2 list_requests=%3")
               .arg(model->rowCount())
               .arg(sandboxTotal)
               .arg(pages.size()));
    // From here on the model runs under QAbstractItemModelTester. (Not before: the tester calls fetchMore()
    // after every change, so with it the model reads every page — which it then must do correctly.)
    m_env.addTester(model);
    QVERIFY(QTest::qWaitFor(
        [model, sandboxTotal] { return !model->isLoading() && model->rowCount() == sandboxTotal; }, kWaitMs));
    QVERIFY(!model->canFetchMore({}));
    QCOMPARE(m_env.requests("GET", kUsersPath, QStringLiteral("&count=100")).size(),
             int((sandboxTotal + 99) / 100));
}

void TestUsersSandbox::filtersMatchTheSandbox()
{
    UserListModel *model = m_view->model();
    // Exact user name.
    setFilter(UserQuery::Field::UserName, UserQuery::Match::Equals, QStringLiteral("planner@anadesk.test"));
    QVERIFY(waitIdle());
    QCOMPARE(m_view->filterLabel()->text(),
             QStringLiteral("SCIM filter: userName eq \"planner@anadesk.test\""));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->userAt(0)->userName, QStringLiteral("planner@anadesk.test"));

    // "Starts with" on the family name, combined with the state: the same count as the sandbox's.
    setFilter(UserQuery::Field::FamilyName, UserQuery::Match::StartsWith, QStringLiteral("Sch"),
              UserQuery::Activity::Active);
    QVERIFY(waitIdle());
    const QString sent = model->filter().toString();
    QCOMPARE(sent,
             QStringLiteral("name.familyName ge \"sch\" and name.familyName lt \"sci\" and active eq true"));
    const qint64 expected = sandboxUsers(sent, 1).value(QStringLiteral("totalResults")).toInteger();
    QCOMPARE(model->totalResults(), expected);
    QVERIFY(expected > 0);
    for (int row = 0; row < model->rowCount(); ++row) {
        QVERIFY(model->userAt(row)->name.familyName.startsWith(QStringLiteral("sch"), Qt::CaseInsensitive));
        QVERIFY(model->userAt(row)->active);
    }

    // Inactive users only.
    setFilter(UserQuery::Field::UserName, UserQuery::Match::StartsWith, QString(),
              UserQuery::Activity::Inactive);
    QVERIFY(waitIdle());
    const qint64 inactive =
        sandboxUsers(QStringLiteral("active eq false"), 1).value(QStringLiteral("totalResults")).toInteger();
    QCOMPARE(model->totalResults(), inactive);
    QVERIFY(inactive > 0);
    figure(QStringLiteral("ui_users_filter_sch_active=%1 inactive=%2").arg(expected).arg(inactive));
    setFilter(UserQuery::Field::UserName, UserQuery::Match::StartsWith, QString());
    QVERIFY(waitIdle());
}

void TestUsersSandbox::addUserIsFoundViaScim()
{
    const QString userName = QStringLiteral("ui.admin.test@anadesk.test");
    QVERIFY(QMetaObject::invokeMethod(m_view, "addUser"));
    UserEditDialog *dialog = m_view->openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("addUserDialog"));
    QVERIFY(QTest::qWaitFor([dialog] { return dialog->workspaceList()->count() > 0; }, kWaitMs));
    // Validation is inline and sends nothing.
    m_env.clearRequestLog();
    dialog->accept();
    QVERIFY(dialog->banner()->isShowing());
    QCOMPARE(m_env.requests("POST", kUsersPath).size(), 0);

    QTest::keyClicks(dialog->userNameEdit(), userName);
    QTest::keyClicks(dialog->givenNameEdit(), QStringLiteral("Ada"));
    QTest::keyClicks(dialog->familyNameEdit(), QStringLiteral("Lovelace"));
    int tickedRow = -1;
    for (int row = 0; row < dialog->workspaceList()->count(); ++row) {
        if (dialog->workspaceList()->item(row)->toolTip() == kDemoWorkspace)
            tickedRow = row;
    }
    QVERIFY(tickedRow >= 0);
    dialog->workspaceList()->item(tickedRow)->setCheckState(Qt::Checked);
    QSignalSpy saved(m_view, &UsersView::userSaved);
    dialog->accept();
    QVERIFY(saved.wait(kWaitMs));
    m_addedId = saved.first().first().toString();
    QVERIFY(!m_addedId.isEmpty());

    const QJsonObject found = sandboxUsers(QStringLiteral("userName eq \"%1\"").arg(userName));
    QCOMPARE(found.value(QStringLiteral("totalResults")).toInt(), 1);
    const QJsonObject user = found.value(QStringLiteral("Resources")).toArray().first().toObject();
    QCOMPARE(user.value(QStringLiteral("id")).toString(), m_addedId);
    QCOMPARE(user.value(QStringLiteral("name")).toObject().value(QStringLiteral("givenName")).toString(),
             QStringLiteral("Ada"));
    QVERIFY(user.value(QStringLiteral("active")).toBool());
    bool hasWorkspace = false;
    for (const QJsonValue &e : user.value(QStringLiteral("entitlements")).toArray())
        hasWorkspace = hasWorkspace ||
                       (e.toObject().value(QStringLiteral("type")).toString() == QLatin1String("WORKSPACE") &&
                        e.toObject().value(QStringLiteral("value")).toString() == kDemoWorkspace);
    QVERIFY(hasWorkspace);
    QCOMPARE(m_env.requests("POST", kUsersPath).size(), 1);

    // The view finds it with its filter.
    setFilter(UserQuery::Field::UserName, UserQuery::Match::Equals, userName);
    QVERIFY(waitIdle());
    QCOMPARE(m_view->model()->rowCount(), 1);
    QCOMPARE(m_view->model()->userAt(0)->id, m_addedId);
}

void TestUsersSandbox::editKeepsWorkspaces()
{
    const QString planner = QStringLiteral("planner@anadesk.test");
    setFilter(UserQuery::Field::UserName, UserQuery::Match::Equals, planner);
    QVERIFY(waitIdle());
    QCOMPARE(m_view->model()->rowCount(), 1);
    const scim::User before = *m_view->model()->userAt(0);
    QCOMPARE(before.workspaceIds().size(), 2);
    QVERIFY(m_view->selectUser(before.id));
    QCOMPARE(m_view->details()->workspaceList()->count(), 2);

    QVERIFY(focusTable());
    QTest::keyClick(m_view->table(), Qt::Key_F2); // Edit…
    UserEditDialog *dialog = m_view->openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("editUserDialog"));
    QVERIFY(dialog->userNameEdit()->isReadOnly());
    dialog->givenNameEdit()->setText(QStringLiteral("Paulina"));
    m_env.clearRequestLog();
    QSignalSpy saved(m_view, &UsersView::userSaved);
    dialog->accept();
    QVERIFY(saved.wait(kWaitMs));
    QCOMPARE(m_env.requests("PUT", kUsersPath).size(), 1);

    const QJsonObject user = m_env.probe->get(kUsersPath + QLatin1Char('/') + before.id).json();
    QCOMPARE(user.value(QStringLiteral("name")).toObject().value(QStringLiteral("givenName")).toString(),
             QStringLiteral("Paulina"));
    QStringList after;
    for (const QJsonValue &e : user.value(QStringLiteral("entitlements")).toArray()) {
        if (e.toObject().value(QStringLiteral("type")).toString() == QLatin1String("WORKSPACE"))
            after.append(e.toObject().value(QStringLiteral("value")).toString());
    }
    after.sort();
    QStringList expected = before.workspaceIds();
    expected.sort();
    QCOMPARE(after, expected); // a replace that did not drop the workspaces
    QCOMPARE(m_view->model()->userAt(0)->name.givenName, QStringLiteral("Paulina"));
}

void TestUsersSandbox::deactivateOnlyAfterConfirming()
{
    QVERIFY(!m_addedId.isEmpty());
    setFilter(UserQuery::Field::UserName, UserQuery::Match::Equals,
              QStringLiteral("ui.admin.test@anadesk.test"));
    QVERIFY(waitIdle());
    QVERIFY(m_view->selectUser(m_addedId));
    auto *deactivate = m_view->findChild<QAction *>(QStringLiteral("deactivateUserAction"));
    QVERIFY(deactivate && deactivate->isEnabled());

    // "No": nothing is sent.
    m_env.clearRequestLog();
    m_env.messages.answerNext(QMessageBox::No);
    QVERIFY(focusTable());
    QTest::keyClick(m_view->table(), Qt::Key_Delete, Qt::ControlModifier);
    QCOMPARE(m_env.messages.count(QStringLiteral("deactivateUserConfirm")), 1);
    QTest::qWait(200);
    QCOMPARE(m_env.requests("PATCH", kUsersPath).size(), 0);

    // "Yes": one PATCH of active, and the sandbox says inactive; the workspaces stay.
    m_env.messages.answerNext(QMessageBox::Yes);
    QSignalSpy changed(m_view, &UsersView::activeChanged);
    deactivate->trigger();
    QVERIFY(changed.wait(kWaitMs));
    QCOMPARE(m_env.messages.count(QStringLiteral("deactivateUserConfirm")), 2);
    QCOMPARE(m_env.requests("PATCH", kUsersPath).size(), 1);
    const QJsonObject user = m_env.probe->get(kUsersPath + QLatin1Char('/') + m_addedId).json();
    QCOMPARE(user.value(QStringLiteral("active")).toBool(true), false);
    QVERIFY(!user.value(QStringLiteral("entitlements")).toArray().isEmpty());
    QCOMPARE(m_view->model()->userAt(0)->active, false);
    QVERIFY(m_view->findChild<QAction *>(QStringLiteral("activateUserAction"))->isEnabled());
    QVERIFY(!deactivate->isEnabled());
}

void TestUsersSandbox::missingRoleIsExplainedInline()
{
    QJsonObject rule{{QStringLiteral("kind"), QStringLiteral("status")},
                     {QStringLiteral("status"), 403},
                     {QStringLiteral("path"), QStringLiteral("/scim/**")},
                     {QStringLiteral("times"), 1},
                     {QStringLiteral("body"),
                      QJsonObject{{QStringLiteral("schemas"),
                                   QJsonArray{QStringLiteral("urn:ietf:params:scim:api:messages:2.0:Error")}},
                                  {QStringLiteral("status"), QStringLiteral("403")},
                                  {QStringLiteral("detail"), QStringLiteral("User is not a User Admin")}}}};
    QCOMPARE(m_env.addFault(rule), 201);
    m_view->reload();
    QVERIFY(QTest::qWaitFor([this] { return m_view->banner()->isShowing() && !m_view->model()->isLoading(); },
                            kWaitMs));
    const QString text = m_view->banner()->text();
    std::printf("banner: %s\n", qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("User Admin role")), qPrintable(text));
    QCOMPARE(m_view->banner()->level(), InlineBanner::Level::Error);
    QCOMPARE(m_view->model()->rowCount(), 0);
    // Retry on the banner lists again once the role is there (the fault fired once).
    m_env.clearFaults();
    QVERIFY(QMetaObject::invokeMethod(m_view->banner(), "actionTriggered"));
    QVERIFY(QTest::qWaitFor([this] { return m_view->model()->rowCount() > 0; }, kWaitMs));
    QVERIFY(!m_view->banner()->isShowing());
}

void TestUsersSandbox::cleanupTestCase()
{
    QVERIFY2(m_env.messages.unanswered().isEmpty(), qPrintable(m_env.messages.unanswered().join(u", ")));
}

QTEST_MAIN(TestUsersSandbox)
#include "tst_UsersSandbox.moc"
