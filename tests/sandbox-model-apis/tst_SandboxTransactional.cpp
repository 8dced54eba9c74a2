// The sandbox's transactional API over real HTTP (anaplan-api.md §8, integration-openapi.json): shapes
// and status codes of every route, list items (200,000 inserted in two batches, the 100,000 limit,
// update, delete, reset index), view data as CSV and JSON (equal), the 1,000,000-cell limit, cell writes
// with per-cell failures, current period and fiscal year, dimensions and lookups, offline models.
#include "ModelApiFixture.h"

#include <QDate>
#include <QElapsedTimer>
#include <QSet>

using namespace modelapis;

namespace {

QList<QStringList> parseCsv(const QByteArray &bytes)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    const QString text = QString::fromUtf8(bytes);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
        } else if (c == QLatin1Char('\n')) {
            row.append(field);
            rows.append(row);
            row.clear();
            field.clear();
        } else {
            field += c;
        }
    }
    return rows;
}

QJsonArray customers(int from, int count)
{
    QJsonArray items;
    for (int i = from; i < from + count; ++i)
        items.append(QJsonObject{{QStringLiteral("name"), i},
                                 {QStringLiteral("code"), i}}); // numbers, as the library's test
    return items;
}

const QString kProducts = QStringLiteral("101000000002");
const QString kCustomers = QStringLiteral("101000000006");
const QString kRev01 = QStringLiteral("102000000001");

} // namespace

class TestSandboxTransactional : public QObject
{
    Q_OBJECT

    Sandbox m_sbx;

    QJsonObject itemByName(const QString &listId, const QString &name)
    {
        const QJsonArray items =
            m_sbx.get(model(kDev, QStringLiteral("/lists/%1/items?includeAll=true").arg(listId)))
                .json()
                .value(QStringLiteral("listItems"))
                .toArray();
        for (const QJsonValue &v : items)
            if (v.toObject().value(QStringLiteral("name")).toString() == name)
                return v.toObject();
        return {};
    }
    QString dimItemId(const QString &dim, const QString &name)
    {
        const QJsonArray items = m_sbx.get(model(kDev, QStringLiteral("/dimensions/%1/items").arg(dim)))
                                     .json()
                                     .value(QStringLiteral("items"))
                                     .toArray();
        for (const QJsonValue &v : items)
            if (v.toObject().value(QStringLiteral("name")).toString() == name)
                return v.toObject().value(QStringLiteral("id")).toString();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sbx.start(&error), qPrintable(error));
    }

    void modulesLineItemsAndViews()
    {
        const ProbeReply modules = m_sbx.get(model(kDev, QStringLiteral("/modules")));
        QCOMPARE(modules.status, 200);
        const QJsonObject paging = modules.json()
                                       .value(QStringLiteral("meta"))
                                       .toObject()
                                       .value(QStringLiteral("paging"))
                                       .toObject();
        QCOMPARE(paging.value(QStringLiteral("totalSize")).toInt(), 4);
        QCOMPARE(values(modules.json().value(QStringLiteral("modules")).toArray(), "id"),
                 (QStringList{QStringLiteral("102000000000"), kRev01, QStringLiteral("102000000002"),
                              QStringLiteral("102000000003")}));
        // The workspace form answers the same; PROD is one revision behind (no REV02).
        QCOMPARE(m_sbx.get(QStringLiteral("/2/0/workspaces/%1/models/%2/modules").arg(kWs, kDev)).json(),
                 modules.json());
        QCOMPARE(m_sbx.get(model(kProd, QStringLiteral("/modules")))
                     .json()
                     .value(QStringLiteral("modules"))
                     .toArray()
                     .size(),
                 3);

        // Line items with includeAll: every key the library's LineItem model requires.
        const QStringList required{QStringLiteral("id"),
                                   QStringLiteral("name"),
                                   QStringLiteral("moduleId"),
                                   QStringLiteral("moduleName"),
                                   QStringLiteral("format"),
                                   QStringLiteral("formatMetadata"),
                                   QStringLiteral("summary"),
                                   QStringLiteral("appliesTo"),
                                   QStringLiteral("timeScale"),
                                   QStringLiteral("timeRange"),
                                   QStringLiteral("version"),
                                   QStringLiteral("style"),
                                   QStringLiteral("notes"),
                                   QStringLiteral("isSummary"),
                                   QStringLiteral("formulaScope"),
                                   QStringLiteral("useSwitchover"),
                                   QStringLiteral("breakback"),
                                   QStringLiteral("broughtForward"),
                                   QStringLiteral("startOfSection"),
                                   QStringLiteral("cellCount")};
        const QJsonArray all = m_sbx.get(model(kDev, QStringLiteral("/lineItems?includeAll=true")))
                                   .json()
                                   .value(QStringLiteral("items"))
                                   .toArray();
        int perModule = 0;
        for (const QString &m : values(modules.json().value(QStringLiteral("modules")).toArray(), "id"))
            perModule +=
                int(m_sbx.get(model(kDev, QStringLiteral("/modules/%1/lineItems?includeAll=true").arg(m)))
                        .json()
                        .value(QStringLiteral("items"))
                        .toArray()
                        .size());
        QCOMPARE(int(all.size()), perModule);
        QSet<QString> formats;
        for (const QJsonValue &v : all) {
            const QJsonObject li = v.toObject();
            QVERIFY2(missing(li, required).isEmpty(),
                     qPrintable(missing(li, required).join(QLatin1Char(','))));
            formats.insert(li.value(QStringLiteral("format")).toString());
            const QString type = li.value(QStringLiteral("formatMetadata"))
                                     .toObject()
                                     .value(QStringLiteral("dataType"))
                                     .toString();
            if (li.value(QStringLiteral("format")) == QLatin1String("LIST"))
                QCOMPARE(type, QStringLiteral("ENTITY"));
        }
        for (const char *f : {"NUMBER", "TEXT", "BOOLEAN", "DATE", "LIST", "TIME PERIOD"})
            QVERIFY2(formats.contains(QLatin1String(f)), f);
        const QJsonObject revenue =
            all.at(int(values(all, "name").indexOf(QStringLiteral("Revenue")))).toObject();
        QCOMPARE(revenue.value(QStringLiteral("formula")).toString(), QStringLiteral("Volume * Price"));
        const QJsonObject brief = m_sbx.get(model(kDev, QStringLiteral("/lineItems")))
                                      .json()
                                      .value(QStringLiteral("items"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QVERIFY(!brief.contains(QStringLiteral("format"))); // default fields only without includeAll

        const QJsonArray views = m_sbx.get(model(kDev, QStringLiteral("/views?includesubsidiaryviews=true")))
                                     .json()
                                     .value(QStringLiteral("views"))
                                     .toArray();
        QCOMPARE(views.size(), 7);
        for (const QJsonValue &v : views)
            QVERIFY(missing(v.toObject(), {QStringLiteral("code"), QStringLiteral("id"),
                                           QStringLiteral("name"), QStringLiteral("moduleId")})
                        .isEmpty());
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/modules/102000000002/views")))
                     .json()
                     .value(QStringLiteral("views"))
                     .toArray()
                     .size(),
                 3);
        const QJsonObject info = m_sbx.get(model(kDev, QStringLiteral("/views/635000000000"))).json();
        QCOMPARE(info.value(QStringLiteral("viewName")).toString(),
                 QStringLiteral("REV01 Revenue Plan.Revenue by Region"));
        QCOMPARE(values(info.value(QStringLiteral("rows")).toArray(), "name"),
                 QStringList{QStringLiteral("Regions")});
        QCOMPARE(info.value(QStringLiteral("pages")).toArray().size(), 3);

        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/modules/102000000099/lineItems"))).status, 404);
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/views/635000000099"))).status, 404);
        QCOMPARE(m_sbx.get(model(kArchived, QStringLiteral("/modules"))).status, 422);
        QCOMPARE(
            m_sbx.get(model(QStringLiteral("0123456789ABCDEF0123456789ABCDEF"), QStringLiteral("/lists")))
                .status,
            404);
        qInfo("FIGURE: sandbox_tx_line_items=%d views=%d", int(all.size()), int(views.size()));
    }

    void listsAndListItems()
    {
        const QJsonArray lists =
            m_sbx.get(model(kDev, QStringLiteral("/lists"))).json().value(QStringLiteral("lists")).toArray();
        QVERIFY(values(lists, "id").contains(kCustomers));
        const QJsonObject meta = m_sbx.get(model(kDev, QStringLiteral("/lists/") + kProducts))
                                     .json()
                                     .value(QStringLiteral("metadata"))
                                     .toObject();
        const QStringList required{QStringLiteral("id"),
                                   QStringLiteral("name"),
                                   QStringLiteral("hasSelectiveAccess"),
                                   QStringLiteral("properties"),
                                   QStringLiteral("productionData"),
                                   QStringLiteral("managedBy"),
                                   QStringLiteral("numberedList"),
                                   QStringLiteral("useTopLevelAsPageDefault"),
                                   QStringLiteral("itemCount"),
                                   QStringLiteral("workflowEnabled"),
                                   QStringLiteral("permittedItems")};
        QVERIFY(missing(meta, required).isEmpty());
        QCOMPARE(meta.value(QStringLiteral("itemCount")).toInt(), 8);
        QCOMPARE(meta.value(QStringLiteral("parent")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Product Families"));

        const QJsonArray items =
            m_sbx.get(model(kDev, QStringLiteral("/lists/%1/items?includeAll=true").arg(kProducts)))
                .json()
                .value(QStringLiteral("listItems"))
                .toArray();
        QCOMPARE(items.size(), 8);
        const QJsonObject laptop = items.first().toObject();
        QCOMPARE(laptop.value(QStringLiteral("parent")).toString(), QStringLiteral("Hardware"));
        QCOMPARE(laptop.value(QStringLiteral("listName")).toString(), QStringLiteral("Product Families"));
        QVERIFY(laptop.contains(QStringLiteral("properties")) && laptop.contains(QStringLiteral("subsets")));
        QCOMPARE(itemByName(QStringLiteral("101000000001"), QStringLiteral("Hardware"))
                     .value(QStringLiteral("id"))
                     .toString(),
                 laptop.value(QStringLiteral("parentId")).toString());
        // CSV carries the same ids.
        const QList<QStringList> csv = parseCsv(
            m_sbx.get(model(kDev, QStringLiteral("/lists/%1/items").arg(kProducts)), "text/csv").body);
        QCOMPARE(csv.size(), 9);
        QCOMPARE(csv.at(1).at(0), laptop.value(QStringLiteral("id")).toString());
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/lists/101000009999/items"))).status, 404);
    }

    void insertTwoHundredThousandItems()
    {
        const QString path = model(kDev, QStringLiteral("/lists/%1/items?action=add").arg(kCustomers));
        QElapsedTimer timer;
        timer.start();
        const ProbeReply tooMany =
            m_sbx.send("POST", path, QJsonObject{{QStringLiteral("items"), customers(0, 100'001)}});
        QCOMPARE(tooMany.status, 400);
        QVERIFY(tooMany.json()
                    .value(QStringLiteral("status"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("100,000")));
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/lists/") + kCustomers))
                     .json()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("itemCount"))
                     .toInt(),
                 0);

        int added = 0, total = 0;
        for (int batch = 0; batch < 2; ++batch) {
            const ProbeReply r = m_sbx.send(
                "POST", path, QJsonObject{{QStringLiteral("items"), customers(batch * 100'000, 100'000)}},
                120'000);
            QCOMPARE(r.status, 200);
            added += r.json().value(QStringLiteral("added")).toInt();
            total += r.json().value(QStringLiteral("total")).toInt();
            QCOMPARE(r.json().value(QStringLiteral("failures")).toArray().size(), 0);
        }
        QCOMPARE(added, 200'000);
        QCOMPARE(total, 200'000);
        const qint64 insertMs = timer.elapsed();
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/lists/") + kCustomers))
                     .json()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("itemCount"))
                     .toInt(),
                 200'000);
        const ProbeReply all = m_sbx.get(model(kDev, QStringLiteral("/lists/%1/items").arg(kCustomers)));
        QCOMPARE(all.json().value(QStringLiteral("listItems")).toArray().size(), 200'000);

        // Inserting existing names again: ignored with one failure each.
        const ProbeReply again =
            m_sbx.send("POST", path, QJsonObject{{QStringLiteral("items"), customers(10, 3)}});
        QCOMPARE(again.json().value(QStringLiteral("added")).toInt(), 0);
        QCOMPARE(again.json().value(QStringLiteral("ignored")).toInt(), 3);
        QCOMPARE(values(again.json().value(QStringLiteral("failures")).toArray(), "requestIndex"),
                 (QStringList{QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2")}));

        // Delete in two batches of 100,000 by code; 100,001 at once is refused.
        const QString del = model(kDev, QStringLiteral("/lists/%1/items?action=delete").arg(kCustomers));
        QJsonArray codes;
        for (int i = 0; i < 100'001; ++i)
            codes.append(QJsonObject{{QStringLiteral("code"), QString::number(i)}});
        QCOMPARE(m_sbx.send("POST", del, QJsonObject{{QStringLiteral("items"), codes}}).status, 400);
        codes.removeLast();
        int deleted = m_sbx.send("POST", del, QJsonObject{{QStringLiteral("items"), codes}}, 120'000)
                          .json()
                          .value(QStringLiteral("deleted"))
                          .toInt();
        QJsonArray rest;
        for (int i = 100'000; i < 200'000; ++i)
            rest.append(QJsonObject{{QStringLiteral("code"), QString::number(i)}});
        deleted += m_sbx.send("POST", del, QJsonObject{{QStringLiteral("items"), rest}}, 120'000)
                       .json()
                       .value(QStringLiteral("deleted"))
                       .toInt();
        QCOMPARE(deleted, 200'000);
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/lists/") + kCustomers))
                     .json()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("itemCount"))
                     .toInt(),
                 0);
        qInfo("FIGURE: sandbox_tx_list_insert_items=200000 insert_ms=%lld total_ms=%lld", qlonglong(insertMs),
              qlonglong(timer.elapsed()));
    }

    void updateDeleteAndResetIndex()
    {
        const QString add = model(kDev, QStringLiteral("/lists/%1/items?action=add").arg(kCustomers));
        const QJsonArray items{
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Acme")},
                        {QStringLiteral("code"), QStringLiteral("C-1")},
                        {QStringLiteral("properties"),
                         QJsonObject{{QStringLiteral("Segment"), QStringLiteral("Enterprise")},
                                     {QStringLiteral("Credit Limit"), 5000}}}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Globex")}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Initech")},
                        {QStringLiteral("properties"),
                         QJsonObject{{QStringLiteral("Credit Limit"), QStringLiteral("lots")}}}},
            QJsonObject{{QStringLiteral("code"), QStringLiteral("C-9")}}};
        const QJsonObject added =
            m_sbx.send("POST", add, QJsonObject{{QStringLiteral("items"), items}}).json();
        QCOMPARE(added.value(QStringLiteral("added")).toInt(), 2);
        QCOMPARE(added.value(QStringLiteral("ignored")).toInt(), 2);
        QCOMPARE(values(added.value(QStringLiteral("failures")).toArray(), "failureType"),
                 (QStringList{QStringLiteral("INCORRECT_FORMAT"), QStringLiteral("INCOMPLETE_DATA")}));
        QCOMPARE(values(added.value(QStringLiteral("failures")).toArray(), "requestIndex"),
                 (QStringList{QStringLiteral("2"), QStringLiteral("3")}));

        const QString put = model(kDev, QStringLiteral("/lists/%1/items").arg(kCustomers));
        const QJsonArray updates{
            QJsonObject{{QStringLiteral("code"), QStringLiteral("C-1")},
                        {QStringLiteral("name"), QStringLiteral("Acme Corp")},
                        {QStringLiteral("properties"),
                         QJsonObject{{QStringLiteral("Credit Limit"), QStringLiteral("7500.50")}}}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Globex")},
                        {QStringLiteral("code"), QStringLiteral("C-2")}},
            QJsonObject{{QStringLiteral("name"), QStringLiteral("Acme Corp")},
                        {QStringLiteral("properties"),
                         QJsonObject{{QStringLiteral("Segment"), QStringLiteral("SMB")}}}},
            QJsonObject{{QStringLiteral("id"), QStringLiteral("1")},
                        {QStringLiteral("name"), QStringLiteral("Nobody")}}};
        const QJsonObject updated =
            m_sbx.send("PUT", put, QJsonObject{{QStringLiteral("items"), updates}}).json();
        QCOMPARE(updated.value(QStringLiteral("total")).toInt(), 4);
        QCOMPARE(updated.value(QStringLiteral("updated")).toInt(), 2);
        QCOMPARE(values(updated.value(QStringLiteral("failures")).toArray(), "failureType"),
                 (QStringList{QStringLiteral("INCOMPLETE_DATA"), QStringLiteral("ITEM_NOT_FOUND")}));
        const QJsonObject acme = itemByName(kCustomers, QStringLiteral("Acme Corp"));
        QCOMPARE(acme.value(QStringLiteral("code")).toString(), QStringLiteral("C-1"));
        QCOMPARE(acme.value(QStringLiteral("properties"))
                     .toObject()
                     .value(QStringLiteral("Credit Limit"))
                     .toString(),
                 QStringLiteral("7500.5"));
        QCOMPARE(
            acme.value(QStringLiteral("properties")).toObject().value(QStringLiteral("Segment")).toString(),
            QStringLiteral("Enterprise"));
        QCOMPARE(itemByName(kCustomers, QStringLiteral("Globex")).value(QStringLiteral("code")).toString(),
                 QStringLiteral("C-2"));

        // Reset index: refused while the list holds items (Products, Customers), accepted once empty.
        const QString reset = QStringLiteral("/lists/%1/resetIndex");
        QCOMPARE(m_sbx.probe().request("POST", model(kDev, reset.arg(kProducts))).status, 400);
        QCOMPARE(m_sbx.probe().request("POST", model(kDev, reset.arg(kCustomers))).status, 400);
        const QJsonArray both{QJsonObject{{QStringLiteral("id"), acme.value(QStringLiteral("id"))}},
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("Globex")}},
                              QJsonObject{{QStringLiteral("code"), QStringLiteral("C-2")},
                                          {QStringLiteral("id"), QStringLiteral("1")}}};
        const QJsonObject deleted =
            m_sbx
                .send("POST", model(kDev, QStringLiteral("/lists/%1/items?action=delete").arg(kCustomers)),
                      QJsonObject{{QStringLiteral("items"), both}})
                .json();
        QCOMPARE(deleted.value(QStringLiteral("deleted")).toInt(), 2);
        QCOMPARE(deleted.value(QStringLiteral("failures")).toArray().size(), 1);
        const ProbeReply ok = m_sbx.probe().request("POST", model(kDev, reset.arg(kCustomers)));
        QCOMPARE(ok.status, 200);
        QVERIFY(ok.body.isEmpty());
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/lists/") + kCustomers))
                     .json()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("nextItemIndex"))
                     .toInt(),
                 1);
        QCOMPARE(m_sbx
                     .send("POST",
                           model(kDev, QStringLiteral("/lists/%1/items?action=merge").arg(kCustomers)),
                           QJsonObject{{QStringLiteral("items"), QJsonArray()}})
                     .status,
                 400);
    }

    void viewDataCsvAndJsonAgree()
    {
        const QString south = dimItemId(QStringLiteral("101000000000"), QStringLiteral("South"));
        const QString budget = dimItemId(QStringLiteral("20000000020"), QStringLiteral("Budget"));
        QVERIFY(!south.isEmpty() && !budget.isEmpty());
        const auto read = [&](const QString &lineItem, bool json) {
            const QString pages =
                QStringLiteral("101000000000:%1,20000000020:%2,20000000000:%3").arg(south, budget, lineItem);
            return m_sbx.get(
                model(kDev, QStringLiteral("/views/%1/data?pages=%2%3")
                                .arg(kRev01, pages, json ? QStringLiteral("&format=v1") : QString())),
                json ? "application/json" : "text/csv");
        };
        const ProbeReply csvReply = read(QStringLiteral("206000000010"), false);
        QCOMPARE(csvReply.status, 200);
        const QList<QStringList> csv = parseCsv(csvReply.body);
        const QJsonObject json = read(QStringLiteral("206000000010"), true).json();
        QCOMPARE(csv.first(),
                 (QStringList{QStringLiteral("South"), QStringLiteral("Budget"), QStringLiteral("Volume")}));
        QCOMPARE(json.value(QStringLiteral("pages")).toArray().at(0).toString(), QStringLiteral("South"));
        const QJsonArray columns = json.value(QStringLiteral("columnCoordinates")).toArray();
        QCOMPARE(columns.size(), 12);
        QCOMPARE(csv.at(1).mid(1).size(), 12);
        const QJsonArray rows = json.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), csv.size() - 2);
        int cells = 0;
        for (int r = 0; r < rows.size(); ++r) {
            const QJsonObject row = rows.at(r).toObject();
            QCOMPARE(row.value(QStringLiteral("rowCoordinates")).toArray().at(0).toString(),
                     csv.at(r + 2).at(0));
            const QJsonArray values = row.value(QStringLiteral("cells")).toArray();
            for (int c = 0; c < values.size(); ++c, ++cells)
                QCOMPARE(values.at(c).toString(), csv.at(r + 2).at(c + 1));
        }
        // Revenue (a formula) is Volume x Price, cell by cell.
        const QJsonArray price =
            read(QStringLiteral("206000000011"), true).json().value(QStringLiteral("rows")).toArray();
        const QJsonArray revenue =
            read(QStringLiteral("206000000012"), true).json().value(QStringLiteral("rows")).toArray();
        for (int r = 0; r < rows.size(); ++r)
            for (int c = 0; c < 12; ++c) {
                const double v = rows.at(r)
                                     .toObject()
                                     .value(QStringLiteral("cells"))
                                     .toArray()
                                     .at(c)
                                     .toString()
                                     .toDouble();
                const double p = price.at(r)
                                     .toObject()
                                     .value(QStringLiteral("cells"))
                                     .toArray()
                                     .at(c)
                                     .toString()
                                     .toDouble();
                QCOMPARE(revenue.at(r)
                             .toObject()
                             .value(QStringLiteral("cells"))
                             .toArray()
                             .at(c)
                             .toString()
                             .toDouble(),
                         v * p);
            }

        const QString base = model(kDev, QStringLiteral("/views/%1/data").arg(kRev01));
        QCOMPARE(parseCsv(m_sbx.get(base + QStringLiteral("?maxRows=3"), "text/csv").body).size(), 3 + 2);
        QCOMPARE(m_sbx.get(base + QStringLiteral("?exportType=TABULAR_SINGLE_COLUMN"), "text/csv").status,
                 400); // needs moduleId
        const ProbeReply single = m_sbx.get(
            base + QStringLiteral("?exportType=TABULAR_SINGLE_COLUMN&moduleId=") + kRev01, "text/csv");
        QCOMPARE(single.status, 200);
        // Every page combination: 8 products x 12 months x 4 regions x 3 versions x 9 line items, plus a
        // header.
        QCOMPARE(parseCsv(single.body).size(), 8 * 12 * 4 * 3 * 9 + 1);
        QCOMPARE(m_sbx.get(base + QStringLiteral("?pages=101000000000:1"), "text/csv").status, 400);
        QCOMPARE(m_sbx.get(base + QStringLiteral("?pages=101000000002:") + south, "text/csv").status,
                 400); // not a page dimension
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/views/206000000012/data")), "text/csv").status,
                 200); // a line item id as view
        qInfo("FIGURE: sandbox_tx_view_cells_compared=%d", cells);
    }

    void millionCellLimit()
    {
        const ProbeReply tooBig =
            m_sbx.get(model(kDev, QStringLiteral("/views/102000000002/data")), "text/csv");
        QCOMPARE(tooBig.status, 400);
        QVERIFY(tooBig.json()
                    .value(QStringLiteral("status"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("1200000")));
        QCOMPARE(
            m_sbx.get(model(kDev, QStringLiteral("/views/102000000002/data?format=v1")), "application/json")
                .status,
            400);

        QElapsedTimer timer;
        timer.start();
        const ProbeReply csv = m_sbx.get(model(kDev, QStringLiteral("/views/635000000001/data")), "text/csv");
        const qint64 csvMs = timer.restart();
        QCOMPARE(csv.status, 200);
        const QList<QByteArray> lines = csv.body.split('\n');
        QCOMPARE(lines.size(),
                 1 + 2 + 2000 + 1); // page line, two column header lines, 2,000 stores, final newline
        QCOMPARE(lines.at(3).count(','), 500); // store name + 50 SKUs x 10 months
        const ProbeReply json =
            m_sbx.get(model(kDev, QStringLiteral("/views/635000000001/data?format=v1")), "application/json");
        const qint64 jsonMs = timer.elapsed();
        QCOMPARE(json.status, 200);
        const QJsonObject doc = json.json();
        QCOMPARE(doc.value(QStringLiteral("columnCoordinates")).toArray().size(), 500);
        QCOMPARE(doc.value(QStringLiteral("rows")).toArray().size(), 2000);
        QCOMPARE(doc.value(QStringLiteral("rows"))
                     .toArray()
                     .last()
                     .toObject()
                     .value(QStringLiteral("cells"))
                     .toArray()
                     .size(),
                 500);
        qInfo("FIGURE: sandbox_tx_view_read_cells=1000000 csv_bytes=%lld csv_ms=%lld json_bytes=%lld "
              "json_ms=%lld",
              qlonglong(csv.body.size()), qlonglong(csvMs), qlonglong(json.body.size()), qlonglong(jsonMs));
    }

    void cellWritesWithFailures()
    {
        const auto dims = [](const QString &product, const QString &region, const QString &month,
                             const QString &version) {
            return QJsonArray{QJsonObject{{QStringLiteral("dimensionName"), QStringLiteral("Products")},
                                          {QStringLiteral("itemName"), product}},
                              QJsonObject{{QStringLiteral("dimensionName"), QStringLiteral("Regions")},
                                          {QStringLiteral("itemCode"), region}},
                              QJsonObject{{QStringLiteral("dimensionId"), QStringLiteral("20000000003")},
                                          {QStringLiteral("itemName"), month}},
                              QJsonObject{{QStringLiteral("dimensionName"), QStringLiteral("Versions")},
                                          {QStringLiteral("itemName"), version}}};
        };
        const QDate today = QDate::currentDate();
        const QString mar = QStringLiteral("Mar %1").arg(today.year() % 100, 2, 10, QLatin1Char('0'));
        const QJsonArray cells{
            QJsonObject{{QStringLiteral("lineItemName"), QStringLiteral("Volume")},
                        {QStringLiteral("dimensions"), dims(QStringLiteral("Laptop"), QStringLiteral("R-N"),
                                                            mar, QStringLiteral("Actual"))},
                        {QStringLiteral("value"), 1000}},
            QJsonObject{{QStringLiteral("lineItemId"), QStringLiteral("206000000011")},
                        {QStringLiteral("dimensions"), dims(QStringLiteral("Laptop"), QStringLiteral("R-N"),
                                                            mar, QStringLiteral("Actual"))},
                        {QStringLiteral("value"), QStringLiteral("2.5")}},
            QJsonObject{{QStringLiteral("lineItemName"), QStringLiteral("Revenue")},
                        {QStringLiteral("dimensions"), dims(QStringLiteral("Laptop"), QStringLiteral("R-N"),
                                                            mar, QStringLiteral("Actual"))},
                        {QStringLiteral("value"), 1}},
            QJsonObject{{QStringLiteral("lineItemName"), QStringLiteral("Approved")},
                        {QStringLiteral("dimensions"), dims(QStringLiteral("Laptop"), QStringLiteral("R-N"),
                                                            mar, QStringLiteral("Actual"))},
                        {QStringLiteral("value"), QStringLiteral("maybe")}},
            QJsonObject{
                {QStringLiteral("lineItemName"), QStringLiteral("Volume")},
                {QStringLiteral("dimensions"),
                 dims(QStringLiteral("Hoverboard"), QStringLiteral("R-N"), mar, QStringLiteral("Actual"))},
                {QStringLiteral("value"), 1}},
            QJsonObject{{QStringLiteral("lineItemName"), QStringLiteral("Volume")},
                        {QStringLiteral("dimensions"), dims(QStringLiteral("Hardware"), QStringLiteral("R-N"),
                                                            mar, QStringLiteral("Actual"))},
                        {QStringLiteral("value"), 1}},
            QJsonObject{{QStringLiteral("lineItemName"), QStringLiteral("Volume")},
                        {QStringLiteral("dimensions"),
                         QJsonArray{dims(QStringLiteral("Laptop"), QStringLiteral("R-N"), mar,
                                         QStringLiteral("Actual"))
                                        .first()}},
                        {QStringLiteral("value"), 1}},
            QJsonObject{{QStringLiteral("lineItemName"), QStringLiteral("Margin")},
                        {QStringLiteral("dimensions"), QJsonArray()},
                        {QStringLiteral("value"), 1}}};
        const ProbeReply r =
            m_sbx.send("POST", model(kDev, QStringLiteral("/modules/%1/data").arg(kRev01)), cells);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("numberOfCellsChanged")).toInt(), 2);
        const QJsonArray failures = r.json().value(QStringLiteral("failures")).toArray();
        QCOMPARE(values(failures, "requestIndex"),
                 (QStringList{QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"),
                              QStringLiteral("5"), QStringLiteral("6"), QStringLiteral("7")}));
        QCOMPARE(values(failures, "failureType"),
                 (QStringList{QStringLiteral("READ_ONLY_CELL"), QStringLiteral("INVALID_VALUE"),
                              QStringLiteral("INVALID_ITEM"), QStringLiteral("AGGREGATE_CELL"),
                              QStringLiteral("MISSING_DIMENSION"), QStringLiteral("INVALID_LINE_ITEM")}));

        // The written cells show in the view, and the formula follows them.
        const QString north = dimItemId(QStringLiteral("101000000000"), QStringLiteral("North"));
        const QString actual = dimItemId(QStringLiteral("20000000020"), QStringLiteral("Actual"));
        const auto cell = [&](const QString &lineItem) {
            const QJsonObject doc =
                m_sbx
                    .get(model(kDev, QStringLiteral(
                                         "/views/%1/"
                                         "data?format=v1&pages=101000000000:%2,20000000020:%3,20000000000:%4")
                                         .arg(kRev01, north, actual, lineItem)),
                         "application/json")
                    .json();
            return doc.value(QStringLiteral("rows"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("cells"))
                .toArray()
                .at(2)
                .toString();
        };
        QCOMPARE(cell(QStringLiteral("206000000010")), QStringLiteral("1000"));
        QCOMPARE(cell(QStringLiteral("206000000011")), QStringLiteral("2.5"));
        QCOMPARE(cell(QStringLiteral("206000000012")), QStringLiteral("2500"));

        // The tenant-backed Sales module: a clean write has no "failures" key.
        const QJsonArray sales{QJsonObject{
            {QStringLiteral("lineItemName"), QStringLiteral("Units")},
            {QStringLiteral("dimensions"),
             QJsonArray{QJsonObject{{QStringLiteral("dimensionName"), QStringLiteral("Products")},
                                    {QStringLiteral("itemName"), QStringLiteral("Legacy Printer")}},
                        QJsonObject{{QStringLiteral("dimensionName"), QStringLiteral("Regions")},
                                    {QStringLiteral("itemName"), QStringLiteral("West")}}}},
            {QStringLiteral("value"), 42}}};
        const ProbeReply s =
            m_sbx.send("POST", model(kDev, QStringLiteral("/modules/102000000000/data")), sales);
        QCOMPARE(s.json().value(QStringLiteral("numberOfCellsChanged")).toInt(), 1);
        QVERIFY(!s.json().contains(QStringLiteral("failures")));
        QVERIFY(m_sbx
                    .get(model(kDev, QStringLiteral("/views/102000000000/data?pages=101000000000:") +
                                         dimItemId(QStringLiteral("101000000000"), QStringLiteral("West"))),
                         "text/csv")
                    .body.contains("Legacy Printer,42"));

        QJsonArray tooMany;
        for (int i = 0; i < 100'001; ++i)
            tooMany.append(QJsonObject{{QStringLiteral("lineItemName"), QStringLiteral("Units")},
                                       {QStringLiteral("value"), 1}});
        QCOMPARE(
            m_sbx.send("POST", model(kDev, QStringLiteral("/modules/102000000000/data")), tooMany).status,
            400);
        QCOMPARE(m_sbx.send("POST", model(kDev, QStringLiteral("/modules/102000000000/data")), QJsonObject{})
                     .status,
                 400);
        QCOMPARE(
            m_sbx.send("POST", model(kLocked, QStringLiteral("/modules/102000000000/data")), sales).status,
            423);
    }

    void currentPeriodAndFiscalYear()
    {
        const QJsonObject period = m_sbx.get(model(kDev, QStringLiteral("/currentPeriod")))
                                       .json()
                                       .value(QStringLiteral("currentPeriod"))
                                       .toObject();
        QVERIFY(missing(period, {QStringLiteral("periodText"), QStringLiteral("lastDay"),
                                 QStringLiteral("calendarType")})
                    .isEmpty());
        const QDate today = QDate::currentDate();
        const ProbeReply set = m_sbx.send("PUT", model(kDev, QStringLiteral("/currentPeriod")),
                                          QJsonObject{{QStringLiteral("date"), today.toString(Qt::ISODate)}});
        QCOMPARE(set.status, 200);
        QCOMPARE(set.json()
                     .value(QStringLiteral("currentPeriod"))
                     .toObject()
                     .value(QStringLiteral("lastDay"))
                     .toString(),
                 QDate(today.year(), today.month(), today.daysInMonth()).toString(Qt::ISODate));
        const QDate feb(today.year(), 2, 3);
        const QJsonObject febPeriod =
            m_sbx
                .send("PUT", model(kDev, QStringLiteral("/currentPeriod")),
                      QJsonObject{{QStringLiteral("date"), feb.toString(Qt::ISODate)}})
                .json()
                .value(QStringLiteral("currentPeriod"))
                .toObject();
        QCOMPARE(febPeriod.value(QStringLiteral("lastDay")).toString(),
                 QDate(today.year(), 2, feb.daysInMonth()).toString(Qt::ISODate));
        QCOMPARE(febPeriod.value(QStringLiteral("periodText")).toString(),
                 QStringLiteral("Feb %1").arg(today.year() % 100, 2, 10, QLatin1Char('0')));
        const ProbeReply bad =
            m_sbx.send("PUT", model(kDev, QStringLiteral("/currentPeriod")),
                       QJsonObject{{QStringLiteral("date"), QStringLiteral("03/02/2024")}});
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json()
                    .value(QStringLiteral("status"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .startsWith(QStringLiteral("Invalid ISO date format")));
        QCOMPARE(m_sbx
                     .send("PUT", model(kDev, QStringLiteral("/currentPeriod")),
                           QJsonObject{{QStringLiteral("date"), QStringLiteral("1999-01-01")}})
                     .status,
                 400);
        const QJsonObject blank = m_sbx
                                      .send("PUT", model(kDev, QStringLiteral("/currentPeriod")),
                                            QJsonObject{{QStringLiteral("date"), QString()}})
                                      .json();
        QCOMPARE(blank.value(QStringLiteral("currentPeriod"))
                     .toObject()
                     .value(QStringLiteral("lastDay"))
                     .toString(),
                 QString());

        const QString next = QStringLiteral("FY%1").arg((today.year() + 1) % 100, 2, 10, QLatin1Char('0'));
        const ProbeReply fy = m_sbx.send("PUT", model(kDev, QStringLiteral("/modelCalendar/fiscalYear")),
                                         QJsonObject{{QStringLiteral("year"), next}});
        QCOMPARE(fy.status, 200);
        const QJsonObject fiscal = fy.json()
                                       .value(QStringLiteral("modelCalendar"))
                                       .toObject()
                                       .value(QStringLiteral("fiscalYear"))
                                       .toObject();
        QCOMPARE(fiscal.value(QStringLiteral("year")).toString(), next);
        QCOMPARE(fiscal.value(QStringLiteral("startDate")).toString(),
                 QDate(today.year() + 1, 1, 1).toString(Qt::ISODate));
        const QJsonObject calendar = m_sbx.get(model(kDev, QStringLiteral("/modelCalendar")))
                                         .json()
                                         .value(QStringLiteral("modelCalendar"))
                                         .toObject();
        QVERIFY(missing(calendar, {QStringLiteral("calendarType"), QStringLiteral("currentPeriod"),
                                   QStringLiteral("fiscalYear"), QStringLiteral("pastYearsCount"),
                                   QStringLiteral("totalsSelection")})
                    .isEmpty());
        QCOMPARE(
            calendar.value(QStringLiteral("fiscalYear")).toObject().value(QStringLiteral("year")).toString(),
            next);
        QVERIFY(dimItemId(QStringLiteral("20000000003"),
                          QStringLiteral("Jan %1").arg((today.year() + 1) % 100, 2, 10, QLatin1Char('0'))) ==
                QStringLiteral("587000000000"));
        QCOMPARE(m_sbx
                     .send("PUT", model(kDev, QStringLiteral("/modelCalendar/fiscalYear")),
                           QJsonObject{{QStringLiteral("year"), QStringLiteral("FY1999")}})
                     .status,
                 400);
        QCOMPARE(m_sbx
                     .send("PUT", model(kDev, QStringLiteral("/modelCalendar/fiscalYear")),
                           QJsonObject{{QStringLiteral("year"), QStringLiteral("2025")}})
                     .status,
                 400);
        // Back to this year, so later tests see today's timescale.
        m_sbx.send("PUT", model(kDev, QStringLiteral("/modelCalendar/fiscalYear")),
                   QJsonObject{{QStringLiteral("year"), QStringLiteral("FY%1").arg(today.year())}});
    }

    void dimensionsAndLookups()
    {
        const QJsonArray versions = m_sbx.get(model(kDev, QStringLiteral("/dimensions/20000000020/items")))
                                        .json()
                                        .value(QStringLiteral("items"))
                                        .toArray();
        QCOMPARE(values(versions, "name"), (QStringList{QStringLiteral("Actual"), QStringLiteral("Budget"),
                                                        QStringLiteral("Forecast")}));
        for (const QJsonValue &v : versions)
            QVERIFY(v.toObject().contains(QStringLiteral("code")));
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/dimensions/20000000003/items")))
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 12);
        const QJsonArray found =
            m_sbx
                .send("POST", model(kDev, QStringLiteral("/dimensions/%1/items").arg(kProducts)),
                      QJsonObject{{QStringLiteral("names"),
                                   QJsonArray{QStringLiteral("Monitor"), QStringLiteral("Nope")}},
                                  {QStringLiteral("codes"), QJsonArray{QStringLiteral("P-100")}}})
                .json()
                .value(QStringLiteral("items"))
                .toArray();
        QCOMPARE(values(found, "name"), (QStringList{QStringLiteral("Monitor"), QStringLiteral("Laptop")}));
        QCOMPARE(m_sbx
                     .send("POST", model(kDev, QStringLiteral("/dimensions/20000000020/items")),
                           QJsonObject{{QStringLiteral("names"), QJsonValue()},
                                       {QStringLiteral("codes"), QJsonValue()}})
                     .status,
                 400);
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/dimensions/101000009999/items"))).status, 404);
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/dimensions/123/items"))).status, 400);

        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/views/635000000001/dimensions/20000000003/items")))
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .size(),
                 10);
        QCOMPARE(m_sbx.get(model(kDev, QStringLiteral("/views/635000000001/dimensions/101000000000/items")))
                     .status,
                 404);
        const QJsonArray liDims = m_sbx.get(model(kDev, QStringLiteral("/lineItems/206000000010/dimensions")))
                                      .json()
                                      .value(QStringLiteral("dimensions"))
                                      .toArray();
        QCOMPARE(values(liDims, "name"), (QStringList{QStringLiteral("Products"), QStringLiteral("Regions"),
                                                      QStringLiteral("Time"), QStringLiteral("Versions")}));
        QCOMPARE(
            m_sbx.get(model(kDev, QStringLiteral("/lineItems/206000000010/dimensions/101000000000/items")))
                .json()
                .value(QStringLiteral("items"))
                .toArray()
                .size(),
            4);
        QCOMPARE(
            m_sbx.get(model(kDev, QStringLiteral("/lineItems/206000000010/dimensions/101000000004/items")))
                .status,
            404);
    }

    void offlineModelRefusesData()
    {
        const QString status = model(kCapacity, QStringLiteral("/onlineStatus"));
        QCOMPARE(m_sbx.send("POST", status, QJsonObject{{QStringLiteral("status"), QStringLiteral("asleep")}})
                     .status,
                 400);
        QCOMPARE(
            m_sbx.send("POST", status, QJsonObject{{QStringLiteral("status"), QStringLiteral("offline")}})
                .status,
            204);
        QCOMPARE(m_sbx.get(model(kCapacity, QString()))
                     .json()
                     .value(QStringLiteral("model"))
                     .toObject()
                     .value(QStringLiteral("activeState"))
                     .toString(),
                 QStringLiteral("MAINTENANCE"));
        QCOMPARE(m_sbx.get(model(kCapacity, QStringLiteral("/views/102000000000/data")), "text/csv").status,
                 409);
        QCOMPARE(m_sbx.get(model(kCapacity, QStringLiteral("/lists/%1/items").arg(kProducts))).status, 409);
        QCOMPARE(
            m_sbx.send("POST", model(kCapacity, QStringLiteral("/modules/102000000000/data")), QJsonArray())
                .status,
            409);
        QCOMPARE(m_sbx.get(model(kCapacity, QStringLiteral("/modules"))).status,
                 200); // metadata still answers
        QCOMPARE(m_sbx.send("PUT", status, QJsonObject{{QStringLiteral("status"), QStringLiteral("online")}})
                     .status,
                 204);
        QCOMPARE(m_sbx.get(model(kCapacity, QStringLiteral("/views/102000000000/data")), "text/csv").status,
                 200);
        QCOMPARE(m_sbx
                     .send("POST", model(kLocked, QStringLiteral("/onlineStatus")),
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("offline")}})
                     .status,
                 400);
        QCOMPARE(m_sbx
                     .send("POST", model(kArchived, QStringLiteral("/onlineStatus")),
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("offline")}})
                     .status,
                 422);
        // PRODUCTION goes to PRODUCTION_MAINTENANCE and back.
        QCOMPARE(m_sbx
                     .send("POST", model(kProd, QStringLiteral("/onlineStatus")),
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("offline")}})
                     .status,
                 204);
        QCOMPARE(m_sbx.get(model(kProd, QString()))
                     .json()
                     .value(QStringLiteral("model"))
                     .toObject()
                     .value(QStringLiteral("activeState"))
                     .toString(),
                 QStringLiteral("PRODUCTION_MAINTENANCE"));
        QCOMPARE(m_sbx
                     .send("POST", model(kProd, QStringLiteral("/onlineStatus")),
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("online")}})
                     .status,
                 204);
        QCOMPARE(m_sbx.get(model(kProd, QString()))
                     .json()
                     .value(QStringLiteral("model"))
                     .toObject()
                     .value(QStringLiteral("activeState"))
                     .toString(),
                 QStringLiteral("PRODUCTION"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxTransactional)
#include "tst_SandboxTransactional.moc"
