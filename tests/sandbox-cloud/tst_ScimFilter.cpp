// The SCIM filter parser and evaluator (app/sandbox/scim/ScimFilter): every operator, and/or/not with
// precedence and parentheses, value paths, case rules, malformed filters (invalidFilter) and what the
// Anaplan dialect refuses (invalidValue; scim-openapi.json, anaplan-limits-and-peers.md §2.8).
#include "scim/ScimFilter.h"

#include <QJsonArray>
#include <QTest>

using namespace sandbox::scim;

namespace {

std::optional<AttributeType> types(const QString &path)
{
    if (path == QLatin1String("id") || path == QLatin1String("externalid"))
        return AttributeType::CaseExactString;
    if (path == QLatin1String("active"))
        return AttributeType::Boolean;
    if (path == QLatin1String("username") || path.startsWith(QLatin1String("name.")) ||
        path.startsWith(QLatin1String("emails")))
        return AttributeType::String;
    return std::nullopt;
}

QJsonObject user()
{
    return {{QStringLiteral("id"), QStringLiteral("abc123")},
            {QStringLiteral("externalId"), QStringLiteral("EMP42")},
            {QStringLiteral("userName"), QStringLiteral("Jane.Doe@Example.com")},
            {QStringLiteral("name"), QJsonObject{{QStringLiteral("givenName"), QStringLiteral("Jane")},
                                                 {QStringLiteral("familyName"), QStringLiteral("Doe")}}},
            {QStringLiteral("active"), true},
            {QStringLiteral("emails"), QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("jane@example.com")},
                                                              {QStringLiteral("type"), QStringLiteral("work")}},
                                                  QJsonObject{{QStringLiteral("value"), QStringLiteral("jd@home.example")},
                                                              {QStringLiteral("type"), QStringLiteral("home")}}}}};
}

} // namespace

class TestScimFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluates_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("expected");
        // each operator, both outcomes
        QTest::newRow("eq ci") << "userName eq \"jane.doe@example.com\"" << true;
        QTest::newRow("eq miss") << "userName eq \"john@example.com\"" << false;
        QTest::newRow("eq caseExact id") << "id eq \"ABC123\"" << false;
        QTest::newRow("eq id") << "id eq \"abc123\"" << true;
        QTest::newRow("ne") << "name.familyName ne \"Smith\"" << true;
        QTest::newRow("ne same") << "name.familyName ne \"doe\"" << false;
        QTest::newRow("co") << "userName co \"DOE@\"" << true;
        QTest::newRow("co miss") << "userName co \"smith\"" << false;
        QTest::newRow("sw") << "userName sw \"jane\"" << true;
        QTest::newRow("sw miss") << "userName sw \"doe\"" << false;
        QTest::newRow("ew") << "userName ew \".COM\"" << true;
        QTest::newRow("gt") << "name.familyName gt \"Ca\"" << true;
        QTest::newRow("gt miss") << "name.familyName gt \"Doe\"" << false;
        QTest::newRow("ge equal") << "name.familyName ge \"doe\"" << true;
        QTest::newRow("lt") << "name.givenName lt \"K\"" << true;
        QTest::newRow("le") << "name.givenName le \"jane\"" << true;
        QTest::newRow("le miss") << "name.givenName le \"Ja\"" << false;
        QTest::newRow("pr") << "externalId pr" << true;
        QTest::newRow("pr absent") << "title pr" << false;
        QTest::newRow("eq null absent") << "title eq null" << true;
        QTest::newRow("ne null present") << "userName ne null" << true;
        QTest::newRow("bool eq") << "active eq true" << true;
        QTest::newRow("bool ne") << "active ne true" << false;
        // attribute names and operators are case-insensitive; URN prefix allowed
        QTest::newRow("case names") << "USERNAME EQ \"jane.doe@example.com\"" << true;
        QTest::newRow("urn") << "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"" << true;
        // logic and precedence: and binds tighter than or
        QTest::newRow("and") << "active eq true and name.givenName eq \"Jane\"" << true;
        QTest::newRow("and false") << "active eq true and name.givenName eq \"John\"" << false;
        QTest::newRow("or") << "name.givenName eq \"John\" or name.familyName eq \"Doe\"" << true;
        QTest::newRow("precedence") << "name.givenName eq \"John\" and active eq false or id eq \"abc123\"" << true;
        QTest::newRow("parentheses") << "name.givenName eq \"John\" and (active eq false or id eq \"abc123\")" << false;
        QTest::newRow("nested") << "((id eq \"abc123\") and ((active eq true)))" << true;
        QTest::newRow("not") << "not (active eq false)" << true;
        QTest::newRow("not and") << "not (userName co \"doe\") or active eq false" << false;
        // multi-valued and value paths
        QTest::newRow("multi") << "emails.value eq \"jd@home.example\"" << true;
        QTest::newRow("valuePath") << "emails[type eq \"work\" and value co \"jane\"]" << true;
        QTest::newRow("valuePath miss") << "emails[type eq \"home\" and value co \"jane\"]" << false;
        QTest::newRow("escaped string") << "userName ne \"a\\\"b\"" << true;
    }
    void evaluates()
    {
        QFETCH(QString, filter);
        QFETCH(bool, expected);
        FilterError error;
        const FilterPtr parsed = parseFilter(filter, FilterDialect::Rfc7644, types, &error);
        QVERIFY2(parsed, qPrintable(error.detail));
        QCOMPARE(matches(*parsed, JsonFilterSubject(user()), types), expected);
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << "" << "empty";
        QTest::newRow("no operator") << "userName" << "operator";
        QTest::newRow("unknown operator") << "userName like \"x\"" << "operator";
        QTest::newRow("no value") << "userName eq" << "value";
        QTest::newRow("unquoted") << "userName eq jane" << "quoted";
        QTest::newRow("unterminated") << "userName eq \"jane" << "Unterminated";
        QTest::newRow("unclosed paren") << "(userName eq \"a\"" << "not closed";
        QTest::newRow("stray paren") << "userName eq \"a\")" << "Unexpected";
        QTest::newRow("dangling and") << "userName eq \"a\" and" << "attribute";
        QTest::newRow("not without paren") << "not userName eq \"a\"" << "parenthesised";
        QTest::newRow("bool gt") << "active gt true" << "boolean";
        QTest::newRow("bool vs string") << "active eq \"yes\"" << "boolean";
        QTest::newRow("gt null") << "userName gt null" << "null";
        QTest::newRow("bad char") << "userName eq \"a\" & id pr" << "Unexpected character";
        QTest::newRow("bad name") << "1abc eq \"a\"" << "attribute";
    }
    void rejectsMalformed()
    {
        QFETCH(QString, filter);
        QFETCH(QString, mentions);
        FilterError error;
        QVERIFY(!parseFilter(filter, FilterDialect::Rfc7644, types, &error));
        QCOMPARE(error.scimType, QStringLiteral("invalidFilter"));
        QVERIFY2(error.detail.contains(mentions, Qt::CaseInsensitive), qPrintable(error.detail));
    }

    void anaplanDialect_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("scimType"); // empty: accepted
        QTest::newRow("eq") << "userName eq \"a@b.c\"" << "";
        QTest::newRow("grouped and/or") << "(userName eq \"a@b.c\") and (active eq true or id pr)" << "";
        QTest::newRow("library rendering") << "(active eq true and id eq \"123\") or userName eq null" << "";
        QTest::newRow("co") << "userName co \"a\"" << "invalidValue";
        QTest::newRow("sw") << "userName sw \"a\"" << "invalidValue";
        QTest::newRow("ew") << "userName ew \"a\"" << "invalidValue";
        QTest::newRow("not") << "not (active eq true)" << "invalidValue";
        QTest::newRow("attribute") << "displayName eq \"x\"" << "invalidValue";
        QTest::newRow("value path") << "emails[type eq \"work\"]" << "invalidValue";
        QTest::newRow("malformed stays invalidFilter") << "userName eq" << "invalidFilter";
    }
    void anaplanDialect()
    {
        QFETCH(QString, filter);
        QFETCH(QString, scimType);
        const auto anaplanTypes = [](const QString &path) -> std::optional<AttributeType> {
            return path == QLatin1String("displayname") || path.startsWith(QLatin1String("emails")) ? std::nullopt
                                                                                                 : types(path);
        };
        FilterError error;
        const FilterPtr parsed = parseFilter(filter, FilterDialect::Anaplan, anaplanTypes, &error);
        if (scimType.isEmpty())
            QVERIFY2(parsed, qPrintable(error.detail));
        else {
            QVERIFY(!parsed);
            QCOMPARE(error.scimType, scimType);
        }
    }

    void figure() { qInfo("FIGURE: scim_filter_cases=%d", 37 + 15 + 10); }
};

QTEST_GUILESS_MAIN(TestScimFilter)
#include "tst_ScimFilter.moc"
