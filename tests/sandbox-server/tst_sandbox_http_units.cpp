// Unit checks of the sandbox HTTP layer's pure parts: request-head parsing, per-segment percent-decoding,
// chunk sizes, path globs, query decoding, the router's choice of route, and fault-rule JSON.
#include "http/FaultInjector.h"
#include "http/FaultRule.h"
#include "http/HttpParsing.h"
#include "http/Router.h"

#include <QJsonDocument>
#include <QTest>

using namespace sandbox;

class TestSandboxHttpUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRequestHead()
    {
        http::RequestHead head;
        QVERIFY(http::parseRequestHead("PUT /a/b?x=1 HTTP/1.1\r\nHost: h\r\nX-One: 1\r\nx-one: 2\r\n"
                                       "Content-Length: 5\r\n\r\n",
                                       &head)
                    .isEmpty());
        QCOMPARE(head.method, QByteArray("PUT"));
        QCOMPARE(head.target, QByteArray("/a/b?x=1"));
        QCOMPARE(head.minorVersion, 1);
        QCOMPARE(head.headers.value("x-one"), QByteArray("1, 2"));
        QCOMPARE(head.headers.value("content-length"), QByteArray("5"));
    }

    void rejectsMalformedHeads_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n");
        QTest::newRow("bad version") << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n");
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n");
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : h\r\n\r\n");
        QTest::newRow("folding") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n continued\r\n\r\n");
        QTest::newRow("two lengths") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\n"
                                                   "Content-Length: 2\r\n\r\n");
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\nHost: h\r\n\r\n");
    }
    void rejectsMalformedHeads()
    {
        QFETCH(QByteArray, head);
        http::RequestHead parsed;
        QVERIFY(!http::parseRequestHead(head, &parsed).isEmpty());
    }

    void decodesEachSegmentOnItsOwn()
    {
        QStringList segments;
        QUrlQuery query;
        QVERIFY(http::splitTarget("/2/0/files/a%2Fb/x%20y?sort=%2Bname", &segments, &query).isEmpty());
        QCOMPARE(segments, (QStringList{QStringLiteral("2"), QStringLiteral("0"), QStringLiteral("files"),
                                        QStringLiteral("a/b"), QStringLiteral("x y")}));
        QVERIFY(!http::splitTarget("/bad%zz", &segments, &query).isEmpty());
        QVERIFY(!http::splitTarget("/bad%2", &segments, &query).isEmpty());
        QVERIFY(http::splitTarget("http://host:1/abs/path", &segments, &query).isEmpty());
        QCOMPARE(segments, (QStringList{QStringLiteral("abs"), QStringLiteral("path")}));
        QVERIFY(!http::splitTarget("relative", &segments, &query).isEmpty());
    }

    void decodesQueryValuesLikeAForm()
    {
        HttpRequest request;
        QStringList segments;
        QVERIFY(http::splitTarget("/x?sort=%2Bname&s=a+b&raw=plus+&k%20ey=v%26w", &request.segments,
                                  &request.query)
                    .isEmpty());
        QCOMPARE(request.queryValue(QStringLiteral("sort")), QStringLiteral("+name"));
        QCOMPARE(request.queryValue(QStringLiteral("s")), QStringLiteral("a b")); // '+' is a space
        QCOMPARE(request.queryValue(QStringLiteral("k ey")), QStringLiteral("v&w"));
        QVERIFY(request.hasQuery(QStringLiteral("sort")));
        QCOMPARE(request.queryValue(QStringLiteral("absent")), QString());
    }

    void framesBodies()
    {
        http::RequestHead head;
        http::BodyFraming framing;
        head.headers.insert("content-length", "12");
        QVERIFY(http::bodyFraming(head, &framing).isEmpty());
        QCOMPARE(framing.kind, http::BodyFraming::Length);
        QCOMPARE(framing.length, 12);
        head.headers.insert("transfer-encoding", "chunked");
        QVERIFY(!http::bodyFraming(head, &framing).isEmpty()); // both: request smuggling guard
        head.headers.remove("content-length");
        QVERIFY(http::bodyFraming(head, &framing).isEmpty());
        QCOMPARE(framing.kind, http::BodyFraming::Chunked);
        head.headers.insert("transfer-encoding", "gzip");
        QVERIFY(!http::bodyFraming(head, &framing).isEmpty());
        head.headers.clear();
        head.headers.insert("content-length", "-1");
        QVERIFY(!http::bodyFraming(head, &framing).isEmpty());
        head.headers.insert("content-length", "1e3");
        QVERIFY(!http::bodyFraming(head, &framing).isEmpty());
    }

    void parsesChunkSizes()
    {
        QCOMPARE(http::parseChunkSize("1a"), 26);
        QCOMPARE(http::parseChunkSize("FF;name=value"), 255);
        QCOMPARE(http::parseChunkSize("0"), 0);
        QCOMPARE(http::parseChunkSize(""), -1);
        QCOMPARE(http::parseChunkSize("xyz"), -1);
        QCOMPARE(http::parseChunkSize("1234567890abcdef0"), -1);
    }

    void matchesPathGlobs()
    {
        const QStringList chunk2 =
            QStringLiteral("2/0/workspaces/*/models/*/files/*/chunks/2").split(QLatin1Char('/'));
        QVERIFY(http::pathGlobMatches(
            chunk2, QStringLiteral("2/0/workspaces/w/models/m/files/113/chunks/2").split(QLatin1Char('/'))));
        QVERIFY(!http::pathGlobMatches(
            chunk2, QStringLiteral("2/0/workspaces/w/models/m/files/113/chunks/3").split(QLatin1Char('/'))));
        QVERIFY(!http::pathGlobMatches(
            chunk2,
            QStringLiteral("2/0/workspaces/w/x/models/m/files/113/chunks/2").split(QLatin1Char('/'))));
        const QStringList any = QStringList{QStringLiteral("2"), QStringLiteral("**")};
        QVERIFY(http::pathGlobMatches(any, QStringList{QStringLiteral("2")}));
        QVERIFY(http::pathGlobMatches(any, QStringLiteral("2/0/a/b").split(QLatin1Char('/'))));
        QVERIFY(http::segmentGlobMatches(u"chunk*", u"chunks"));
        QVERIFY(http::segmentGlobMatches(u"a?c", u"abc"));
        QVERIFY(!http::segmentGlobMatches(u"a?c", u"abbc"));
        QVERIFY(http::segmentGlobMatches(u"*", u""));
    }

    void routerPrefersLiteralSegmentsAndReports405()
    {
        Router router;
        router.add("GET", QStringLiteral("/files/{id}"), [](const HttpRequest &, const RouteMatch &m) {
            return HttpResponse::bytes(200, m.param(QStringLiteral("id")).toUtf8(), "text/plain");
        });
        router.add("POST", QStringLiteral("/files/complete"), [](const HttpRequest &, const RouteMatch &) {
            return HttpResponse::bytes(200, "complete", "text/plain");
        });
        router.add("GET", QStringLiteral("/files/complete"), [](const HttpRequest &, const RouteMatch &) {
            return HttpResponse::bytes(200, "literal", "text/plain");
        });
        HttpRequest request;
        request.method = "GET";
        request.segments = QStringList{QStringLiteral("files"), QStringLiteral("complete")};
        auto found = router.find(request);
        QVERIFY(found);
        QCOMPARE(found->handler(request, found->match).body, QByteArray("literal"));
        request.segments = QStringList{QStringLiteral("files"), QStringLiteral("a/b")};
        found = router.find(request);
        QVERIFY(found);
        QCOMPARE(found->match.param(QStringLiteral("id")), QStringLiteral("a/b"));
        QCOMPARE(found->match.routeName, QStringLiteral("GET /files/{id}"));
        request.method = "HEAD"; // falls back to GET
        QVERIFY(router.find(request));
        request.method = "DELETE";
        bool known = false;
        QVERIFY(!router.find(request, &known));
        QVERIFY(known);
        QCOMPARE(router.allowedMethods(request), (QList<QByteArray>{"GET", "HEAD"}));
        request.segments = QStringList{QStringLiteral("nothing")};
        QVERIFY(!router.find(request, &known));
        QVERIFY(!known);
        QCOMPARE(router.routeNames().size(), 3);
    }

    void parsesFaultRules()
    {
        FaultRule rule;
        QString error;
        const QByteArray statusRule =
            "{\"kind\":\"status\",\"status\":429,\"retryAfter\":2,\"method\":\"put\","
            "\"path\":\"/2/0/**\",\"times\":\"unlimited\",\"body\":{\"a\":1}}";
        const bool parsed = FaultRule::fromJson(QJsonDocument::fromJson(statusRule).object(), &rule, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(rule.kind, FaultKind::Status);
        QCOMPARE(rule.status, 429);
        QCOMPARE(rule.retryAfter, QByteArray("2"));
        QCOMPARE(rule.method, QByteArray("PUT"));
        QCOMPARE(rule.times, -1);
        QVERIFY(rule.matches("PUT", QStringLiteral("2/0/x").split(QLatin1Char('/'))));
        QVERIFY(!rule.matches("GET", QStringLiteral("2/0/x").split(QLatin1Char('/'))));

        const char *bad[] = {
            "{\"kind\":\"nope\"}",
            "{\"status\":500}",
            "{\"kind\":\"status\",\"status\":99}",
            "{\"kind\":\"status\",\"times\":0}",
            "{\"kind\":\"latency\"}",
            "{\"kind\":\"reset\",\"phase\":\"middle\"}",
            "{\"kind\":\"truncate-json\",\"phase\":\"request\"}",
            "{\"kind\":\"reset\",\"status\":500}",
            "{\"kind\":\"status\",\"path\":\"no-slash\"}",
            "{\"kind\":\"status\",\"colour\":\"red\"}",
            "{\"kind\":\"reset\",\"afterBytes\":-5}",
        };
        for (const char *text : bad) {
            error.clear();
            QVERIFY2(!FaultRule::fromJson(QJsonDocument::fromJson(text).object(), &rule, &error), text);
            QVERIFY2(!error.isEmpty(), text);
        }
    }

    void injectorConsumesInOrder()
    {
        FaultInjector injector;
        FaultRule twice;
        QString error;
        const QByteArray twiceRule = "{\"kind\":\"status\",\"status\":503,\"times\":2,\"path\":\"/a/*\"}";
        QVERIFY(FaultRule::fromJson(QJsonDocument::fromJson(twiceRule).object(), &twice, &error));
        FaultRule always;
        const QByteArray alwaysRule = "{\"kind\":\"latency\",\"ms\":1,\"times\":\"unlimited\"}";
        QVERIFY(FaultRule::fromJson(QJsonDocument::fromJson(alwaysRule).object(), &always, &error));
        const int first = injector.add(twice);
        const int second = injector.add(always);
        const QStringList path{QStringLiteral("a"), QStringLiteral("b")};
        QCOMPARE(injector.take("GET", path)->id, first);
        QCOMPARE(injector.take("GET", path)->id, first);
        QCOMPARE(injector.take("GET", path)->id, second);
        QCOMPARE(injector.take("GET", QStringList{QStringLiteral("z")})->id, second);
        const QJsonArray listed = injector.toJson();
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("remaining")).toInt(), 0);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("fired")).toInt(), 2);
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("remaining")).toString(),
                 QStringLiteral("unlimited"));
        QCOMPARE(listed.at(1).toObject().value(QStringLiteral("fired")).toInt(), 2);
        QVERIFY(injector.remove(second));
        QVERIFY(!injector.take("GET", path));
    }
};

QTEST_GUILESS_MAIN(TestSandboxHttpUnits)
#include "tst_sandbox_http_units.moc"
