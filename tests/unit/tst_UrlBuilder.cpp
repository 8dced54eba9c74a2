#include "net/UrlBuilder.h"

#include <QTest>

using namespace anadesk;

class TestUrlBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encodesEachSegmentOnItsOwn()
    {
        const QUrl url = buildUrl(QUrl(QStringLiteral("https://api.anaplan.com")),
                                  {QStringLiteral("2"), QStringLiteral("0"), QStringLiteral("files"),
                                   QStringLiteral("a/b?c#d %")});
        QCOMPARE(url.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://api.anaplan.com/2/0/files/a%2Fb%3Fc%23d%20%25"));
    }
    void keepsBasePath()
    {
        const QUrl url = buildUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/prefix/")), {QStringLiteral("x")});
        QCOMPARE(url.toString(QUrl::FullyEncoded), QStringLiteral("http://127.0.0.1:8080/prefix/x"));
    }
    void sortPlusIsPercentEncoded()
    {
        const QUrl url = buildUrl(QUrl(QStringLiteral("https://h")), {QStringLiteral("w")},
                                  withSort({}, QStringLiteral("name"), false));
        QCOMPARE(url.toString(QUrl::FullyEncoded), QStringLiteral("https://h/w?sort=%2Bname"));
        const QUrl down = buildUrl(QUrl(QStringLiteral("https://h")), {QStringLiteral("w")},
                                   withSort({}, QStringLiteral("name"), true));
        QCOMPARE(down.toString(QUrl::FullyEncoded), QStringLiteral("https://h/w?sort=-name"));
    }
};

QTEST_GUILESS_MAIN(TestUrlBuilder)
#include "tst_UrlBuilder.moc"
