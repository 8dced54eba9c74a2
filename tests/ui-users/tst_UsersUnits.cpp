// The Users view's pieces without a server: the SCIM filter each filter-row choice builds, the prefix range
// bound, and the user list model (QAbstractItemModelTester) without a connection.
#include "users/UserListModel.h"
#include "users/UserQuery.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace anadesk;

class TestUsersUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data();
    void filters();
    void prefixBound();
    void modelWithoutConnection();
};

void TestUsersUnits::filters_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<int>("match");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("activity");
    QTest::addColumn<QString>("expected");
    using F = UserQuery::Field;
    using M = UserQuery::Match;
    using A = UserQuery::Activity;
    QTest::newRow("none") << int(F::UserName) << int(M::StartsWith) << QString() << int(A::Any) << QString();
    QTest::newRow("blank") << int(F::UserName) << int(M::Equals) << QStringLiteral("   ") << int(A::Any)
                           << QString();
    QTest::newRow("user name is") << int(F::UserName) << int(M::Equals) << QStringLiteral(" a@b.c ")
                                  << int(A::Any) << QStringLiteral("userName eq \"a@b.c\"");
    QTest::newRow("user name starts")
        << int(F::UserName) << int(M::StartsWith) << QStringLiteral("Ann") << int(A::Any)
        << QStringLiteral("userName ge \"ann\" and userName lt \"ano\"");
    QTest::newRow("given, active") << int(F::GivenName) << int(M::Equals) << QStringLiteral("Paula")
                                   << int(A::Active)
                                   << QStringLiteral("name.givenName eq \"Paula\" and active eq true");
    QTest::newRow("inactive only") << int(F::FamilyName) << int(M::Equals) << QString() << int(A::Inactive)
                                   << QStringLiteral("active eq false");
    QTest::newRow("any name starts")
        << int(F::AnyName) << int(M::StartsWith) << QStringLiteral("Li") << int(A::Inactive)
        << QStringLiteral(
               "((name.familyName ge \"li\" and name.familyName lt \"lj\") or (name.givenName ge \"li\" and "
               "name.givenName lt \"lj\")) and active eq false");
    QTest::newRow("quotes escaped") << int(F::FamilyName) << int(M::Equals) << QStringLiteral("O\"Brien")
                                    << int(A::Any) << QStringLiteral("name.familyName eq \"O\\\"Brien\"");
}

void TestUsersUnits::filters()
{
    QFETCH(int, field);
    QFETCH(int, match);
    QFETCH(QString, text);
    QFETCH(int, activity);
    QFETCH(QString, expected);
    UserQuery query;
    query.field = UserQuery::Field(field);
    query.match = UserQuery::Match(match);
    query.text = text;
    query.activity = UserQuery::Activity(activity);
    const scim::Filter filter = query.toFilter();
    QVERIFY2(filter.isValid(), qPrintable(filter.error()));
    QCOMPARE(filter.toString(), expected);
    QCOMPARE(filter.isEmpty(), expected.isEmpty());
}

void TestUsersUnits::prefixBound()
{
    QCOMPARE(prefixUpperBound(QStringLiteral("abc")), QStringLiteral("abd"));
    QCOMPARE(prefixUpperBound(QStringLiteral("az")), QStringLiteral("a{"));
    QCOMPARE(prefixUpperBound(QString()), QString());
    QCOMPARE(prefixUpperBound(QString(QChar(0xFFFF))), QString());
    QCOMPARE(prefixUpperBound(QStringLiteral("a") + QChar(0xFFFF)), QStringLiteral("b"));
    QCOMPARE(prefixUpperBound(QStringLiteral("é")), QString(QChar(0xE9 + 1)));
}

void TestUsersUnits::modelWithoutConnection()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(UserListModel::ColumnCount));
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({}); // no connection: nothing happens
    QVERIFY(!model.isLoading());
    QCOMPARE(model.totalResults(), -1);
    QCOMPARE(model.headerData(UserListModel::UserNameColumn, Qt::Horizontal).toString(),
             QStringLiteral("User name"));
    model.setPageSize(500);
    QCOMPARE(model.pageSize(), 100);
    model.setPageSize(0);
    QCOMPARE(model.pageSize(), 1);
    scim::User user;
    user.id = QStringLiteral("x");
    QVERIFY(!model.updateUser(user));
}

QTEST_MAIN(TestUsersUnits)
#include "tst_UsersUnits.moc"
