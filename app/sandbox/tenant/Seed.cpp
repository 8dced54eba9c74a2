// The seeded tenant: four workspaces, eleven models (every activeState), and in each model a small
// sales-planning application — lists, a Sales module, files, imports of every importType, exports in
// several layouts, other actions (delete-by-selection, order hierarchy, optimizer) and processes.
// The demo model is "Sales Planning Demo" (Tenant::demoModelId()) in "Financial Planning".
#include "Csv.h"
#include "TenantData.h"

#include <QJsonArray>

namespace sandbox {

namespace {

const QString kDemoUserGuid = QStringLiteral("8a868cd97c1d4f2b017c2b6f7a2e0001");

QString wsId(int n)
{
    return QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c%1").arg(n, 2, 10, QLatin1Char('0'));
}
QString modelId(int n)
{
    return QStringLiteral("75A40874E6B64FA3AE0743278B9E3A%1").arg(n, 2, 16, QLatin1Char('0')).toUpper();
}

ModelData demoData()
{
    ModelData d;
    ListData regions{QStringLiteral("101000000000"), QStringLiteral("Regions"), {}, {}, {}};
    for (const auto &[name, code] : {std::pair{"North", "R-N"}, {"South", "R-S"}, {"East", "R-E"}, {"West", "R-W"}})
        regions.items.append({QString::fromLatin1(name), QString::fromLatin1(code), {}, {}});
    ListData families{QStringLiteral("101000000001"), QStringLiteral("Product Families"), {}, {}, {}};
    for (const auto &[name, code] : {std::pair{"Hardware", "F-HW"}, {"Software", "F-SW"}, {"Services", "F-SV"}})
        families.items.append({QString::fromLatin1(name), QString::fromLatin1(code), {}, {}});
    ListData products{QStringLiteral("101000000002"), QStringLiteral("Products"), QStringLiteral("101000000001"), {}, {}};
    const struct
    {
        const char *name, *code, *family;
    } productRows[] = {{"Laptop", "P-100", "Hardware"},        {"Monitor", "P-110", "Hardware"},
                       {"Docking Station", "P-120", "Hardware"}, {"Office Suite", "P-200", "Software"},
                       {"Security Pack", "P-210", "Software"},  {"Installation", "P-300", "Services"},
                       {"Support Plan", "P-310", "Services"},   {"Legacy Printer", "P-900", "Hardware"}};
    for (const auto &p : productRows)
        products.items.append(
            {QString::fromLatin1(p.name), QString::fromLatin1(p.code), QString::fromLatin1(p.family), {}});
    ListData versions{QStringLiteral("20000000020"), QStringLiteral("Versions"), {}, {QStringLiteral("Current")}, {}};
    for (const auto &[name, current] : {std::pair{"Actual", "FALSE"}, {"Budget", "FALSE"}, {"Forecast", "TRUE"}})
        versions.items.append({QString::fromLatin1(name), {}, {}, {{QStringLiteral("Current"), QString::fromLatin1(current)}}});
    ListData users{QStringLiteral("101999999999"),
                   QStringLiteral("Users"),
                   {},
                   {QStringLiteral("First Name"), QStringLiteral("Last Name"), QStringLiteral("Role")},
                   {}};
    const struct
    {
        const char *email, *first, *last, *role;
    } userRows[] = {{"demo@anadesk.test", "Demo", "Administrator", "Full Access"},
                    {"planner@anadesk.test", "Paula", "Planner", "Full Access"},
                    {"viewer@anadesk.test", "Victor", "Viewer", "Read Only"}};
    for (const auto &u : userRows)
        users.items.append({QString::fromLatin1(u.email),
                            QString::fromLatin1(u.email),
                            {},
                            {{QStringLiteral("First Name"), QString::fromLatin1(u.first)},
                             {QStringLiteral("Last Name"), QString::fromLatin1(u.last)},
                             {QStringLiteral("Role"), QString::fromLatin1(u.role)}}});
    d.lists = {regions, families, products, versions, users};

    ModuleData sales{QStringLiteral("102000000000"), QStringLiteral("Sales"), products.id, regions.id, {}, {}};
    sales.lineItems = {{QStringLiteral("206000000000"), QStringLiteral("Units"), QStringLiteral("NUMBER")},
                       {QStringLiteral("206000000001"), QStringLiteral("Price"), QStringLiteral("NUMBER")},
                       {QStringLiteral("206000000002"), QStringLiteral("Notes"), QStringLiteral("TEXT")}};
    // Every product except the last two sells in some regions; "Legacy Printer" has no data.
    int k = 0;
    for (int p = 0; p < 7; ++p)
        for (int r = 0; r < 4; ++r) {
            if ((p + r) % 3 == 2)
                continue;
            const QString product = products.items.at(p).name;
            const QString region = regions.items.at(r).name;
            sales.cells.insert(ModuleData::cellKey(product, region, QStringLiteral("Units")), QString::number(10 + 7 * k));
            sales.cells.insert(ModuleData::cellKey(product, region, QStringLiteral("Price")),
                               QString::number(49.5 + 25 * p, 'g', 15));
            if (k % 4 == 0)
                sales.cells.insert(ModuleData::cellKey(product, region, QStringLiteral("Notes")),
                                   QStringLiteral("Promotion, Q%1").arg(k % 4 + 1));
            ++k;
        }
    d.modules = {sales};
    return d;
}

// Lists the transactional API's modules use (app/sandbox/transactional): Stores (2,000, children of
// Regions) and SKUs (50, children of Product Families) dimension the 1,200,000-cell "DAT01 Store Sales";
// Customers (empty, production data) takes list-item inserts. Channels exists only in the demo model
// (the ALM "DEV" model, one revision ahead of the others).
void addTransactionalLists(ModelData &d, bool withChannels)
{
    const QStringList regionNames{QStringLiteral("North"), QStringLiteral("South"), QStringLiteral("East"),
                                  QStringLiteral("West")};
    const QStringList familyNames{QStringLiteral("Hardware"), QStringLiteral("Software"), QStringLiteral("Services")};
    if (withChannels) {
        ListData channels{QStringLiteral("101000000003"), QStringLiteral("Channels"), {}, {}, {}};
        for (const auto &[name, code] : {std::pair{"Online", "CH-ON"}, {"Retail", "CH-RE"}, {"Partner", "CH-PA"}})
            channels.items.append({QString::fromLatin1(name), QString::fromLatin1(code), {}, {}});
        d.lists.append(channels);
    }
    ListData stores{QStringLiteral("101000000004"), QStringLiteral("Stores"), QStringLiteral("101000000000"),
                    {QStringLiteral("Opened")}, {}};
    for (int i = 1; i <= 2000; ++i)
        stores.items.append({QStringLiteral("Store %1").arg(i, 4, 10, QLatin1Char('0')),
                             QStringLiteral("ST%1").arg(i, 4, 10, QLatin1Char('0')), regionNames.at(i % 4),
                             {{QStringLiteral("Opened"), QStringLiteral("%1-%2-01").arg(2000 + i % 24).arg(
                                                              1 + i % 12, 2, 10, QLatin1Char('0'))}}});
    ListData skus{QStringLiteral("101000000005"), QStringLiteral("SKUs"), QStringLiteral("101000000001"), {}, {}};
    for (int i = 1; i <= 50; ++i)
        skus.items.append({QStringLiteral("SKU %1").arg(i, 2, 10, QLatin1Char('0')),
                           QStringLiteral("K%1").arg(i, 3, 10, QLatin1Char('0')), familyNames.at(i % 3), {}});
    ListData customers{QStringLiteral("101000000006"), QStringLiteral("Customers"), {},
                       {QStringLiteral("Segment"), QStringLiteral("Credit Limit")}, {}};
    d.lists.append(stores);
    d.lists.append(skus);
    d.lists.append(customers);
}

FileRecord file(const char *id, const char *name, const char *separator, const char *encoding)
{
    FileRecord f;
    f.id = QString::fromLatin1(id);
    f.name = QString::fromUtf8(name);
    f.separator = QString::fromLatin1(separator);
    f.encoding = QString::fromLatin1(encoding);
    f.delimiter = QStringLiteral("\"");
    f.format = QStringLiteral("txt");
    f.headerRow = 1;
    f.firstDataRow = 2;
    f.declaredChunkCount = 1;
    f.complete = true;
    return f;
}

ModelContent demoContent()
{
    ModelContent c;
    c.data = demoData();
    c.files = {file("113000000000", "Products.csv", ",", "UTF-8"),
               file("113000000001", "Sales.csv", ",", "UTF-8"),
               file("113000000002", "Line Items.txt", "\t", "ISO-8859-1"),
               file("113000000003", "Users.csv", ",", "UTF-8"),
               file("113000000004", "Versions.csv", ",", "UTF-8"),
               file("113000000005", "Regions.txt", "\t", "ISO-8859-1"),
               file("113000000006", "Sales with errors.csv", ",", "UTF-8")};
    const QString products = QStringLiteral("101000000002");
    const QString regions = QStringLiteral("101000000000");
    const QString sales = QStringLiteral("102000000000");
    c.imports = {
        {QStringLiteral("112000000000"), QStringLiteral("Products from Products.csv"), QStringLiteral("HIERARCHY_DATA"),
         QStringLiteral("113000000000"), products},
        {QStringLiteral("112000000001"), QStringLiteral("Sales from Sales.csv"), QStringLiteral("MODULE_DATA"),
         QStringLiteral("113000000001"), sales},
        {QStringLiteral("112000000002"), QStringLiteral("Sales line items from Line Items.txt"),
         QStringLiteral("LINE_ITEM_DEFINITION"), QStringLiteral("113000000002"), sales},
        {QStringLiteral("112000000003"), QStringLiteral("Users from Users.csv"), QStringLiteral("USERS"),
         QStringLiteral("113000000003"), QStringLiteral("101999999999")},
        {QStringLiteral("112000000004"), QStringLiteral("Versions from Versions.csv"), QStringLiteral("VERSIONS"),
         QStringLiteral("113000000004"), QStringLiteral("20000000020")},
        {QStringLiteral("112000000005"), QStringLiteral("Regions from Regions.txt"), QStringLiteral("HIERARCHY_DATA"),
         QStringLiteral("113000000005"), regions},
        {QStringLiteral("112000000006"), QStringLiteral("Sales from Sales with errors.csv"),
         QStringLiteral("MODULE_DATA"), QStringLiteral("113000000006"), sales}};
    const QString csv = QStringLiteral("text/csv");
    const QString utf8 = QStringLiteral("UTF-8");
    c.exports = {
        {QStringLiteral("116000000000"), QStringLiteral("Sales - Tabular.csv"), QStringLiteral("TABULAR_MULTI_COLUMN"),
         csv, utf8, sales, {}},
        {QStringLiteral("116000000001"), QStringLiteral("Products - List.csv"), QStringLiteral("TABULAR_MULTI_COLUMN"),
         csv, utf8, products, {}},
        {QStringLiteral("116000000002"), QStringLiteral("Sales Units - Grid.csv"), QStringLiteral("GRID_CURRENT_PAGE"),
         csv, utf8, sales, QStringLiteral("Units")},
        {QStringLiteral("116000000003"), QStringLiteral("Sales - All Pages.xls"), QStringLiteral("GRID_ALL_PAGES"),
         QStringLiteral("application/vnd.ms-excel"), {}, sales, {}},
        {QStringLiteral("116000000004"), QStringLiteral("Sales - Single Column.txt"),
         QStringLiteral("TABULAR_SINGLE_COLUMN"), QStringLiteral("text/plain"), utf8, sales, {}},
        {QStringLiteral("116000000005"), QStringLiteral("Sales - All Line Items.csv"),
         QStringLiteral("TABULAR_ALL_LINE_ITEMS"), csv, QStringLiteral("ISO-8859-1"), sales, {}},
        {QStringLiteral("116000000006"), QStringLiteral("Sales Price - Current Line Item.csv"),
         QStringLiteral("TABULAR_CURRENT_LINE_ITEM"), csv, utf8, sales, QStringLiteral("Price")}};
    c.actions = {{QStringLiteral("117000000000"), QStringLiteral("Delete Products without Sales"),
                  QStringLiteral("DELETE_BY_SELECTION"), products},
                 {QStringLiteral("117000000001"), QStringLiteral("Sort Products by Name"),
                  QStringLiteral("ORDER_HIERARCHY"), products},
                 {QStringLiteral("117000000002"), QStringLiteral("Optimize Sales Mix"), QStringLiteral("OPTIMIZER"),
                  sales}};
    c.processes = {
        {QStringLiteral("118000000000"), QStringLiteral("Load Sales Data"),
         {QStringLiteral("112000000000"), QStringLiteral("112000000001"), QStringLiteral("116000000000")}},
        {QStringLiteral("118000000001"), QStringLiteral("Clean Up Products"),
         {QStringLiteral("117000000000"), QStringLiteral("117000000001"), QStringLiteral("116000000001")}},
        {QStringLiteral("118000000002"), QStringLiteral("Run Sales Optimizer"),
         {QStringLiteral("117000000002"), QStringLiteral("116000000000")}},
        {QStringLiteral("118000000003"), QStringLiteral("Load Master Data"),
         {QStringLiteral("112000000005"), QStringLiteral("112000000004"), QStringLiteral("112000000003")}},
        {QStringLiteral("118000000004"), QStringLiteral("Load Sales with Errors"),
         {QStringLiteral("112000000000"), QStringLiteral("112000000006"), QStringLiteral("116000000000")}}};
    return c;
}

QByteArray lines(const QList<QStringList> &rows, QChar separator, const QString &encoding)
{
    QString text;
    for (const QStringList &r : rows)
        text += csvLine(r, separator, QLatin1Char('"'));
    return encodeText(text, encoding);
}

void seedFileContents(const QString &model, SeedFiles *files)
{
    auto put = [&](const char *id, const QByteArray &bytes) { files->insert({model, QString::fromLatin1(id)}, bytes); };
    const QChar comma = QLatin1Char(',');
    const QChar tab = QLatin1Char('\t');
    const QString utf8 = QStringLiteral("UTF-8");
    const QString latin1 = QStringLiteral("ISO-8859-1");
    put("113000000000", lines({{QStringLiteral("Name"), QStringLiteral("Code"), QStringLiteral("Parent")},
                               {QStringLiteral("Laptop"), QStringLiteral("P-100"), QStringLiteral("Hardware")},
                               {QStringLiteral("Tablet"), QStringLiteral("P-130"), QStringLiteral("Hardware")},
                               {QStringLiteral("Cloud Backup"), QStringLiteral("P-220"), QStringLiteral("Software")}},
                              comma, utf8));
    put("113000000001", lines({{QStringLiteral("Products"), QStringLiteral("Regions"), QStringLiteral("Units"),
                                QStringLiteral("Price"), QStringLiteral("Notes")},
                               {QStringLiteral("Laptop"), QStringLiteral("North"), QStringLiteral("120"),
                                QStringLiteral("899"), QStringLiteral("Back to school")},
                               {QStringLiteral("Monitor"), QStringLiteral("South"), QStringLiteral("75"),
                                QStringLiteral("229.9"), QString()},
                               {QStringLiteral("Support Plan"), QStringLiteral("West"), QStringLiteral("40"),
                                QStringLiteral("120"), QStringLiteral("Renewals, \"gold\" tier")}},
                              comma, utf8));
    put("113000000002", lines({{QStringLiteral("Name"), QStringLiteral("Format")},
                               {QStringLiteral("Discount"), QStringLiteral("NUMBER")},
                               {QStringLiteral("Approved"), QStringLiteral("BOOLEAN")}},
                              tab, latin1));
    put("113000000003", lines({{QStringLiteral("Email"), QStringLiteral("First Name"), QStringLiteral("Last Name"),
                                QStringLiteral("Role")},
                               {QStringLiteral("analyst@anadesk.test"), QStringLiteral("Ana"), QStringLiteral("Lyst"),
                                QStringLiteral("Read Only")}},
                              comma, utf8));
    put("113000000004", lines({{QStringLiteral("Name"), QStringLiteral("Code"), QStringLiteral("Current")},
                               {QStringLiteral("Forecast"), QStringLiteral("FC"), QStringLiteral("TRUE")},
                               {QStringLiteral("Scenario A"), QStringLiteral("SA"), QStringLiteral("FALSE")}},
                              comma, utf8));
    put("113000000005", lines({{QStringLiteral("Name"), QStringLiteral("Code")},
                               {QStringLiteral("North"), QStringLiteral("R-N")},
                               {QStringLiteral("Île-de-France"), QStringLiteral("R-IDF")}},
                              tab, latin1));
    put("113000000006", lines({{QStringLiteral("Products"), QStringLiteral("Regions"), QStringLiteral("Units"),
                                QStringLiteral("Price"), QStringLiteral("Notes")},
                               {QStringLiteral("Laptop"), QStringLiteral("East"), QStringLiteral("12"),
                                QStringLiteral("899"), QString()},
                               {QStringLiteral("Laptop"), QStringLiteral("Atlantis"), QStringLiteral("5"),
                                QStringLiteral("899"), QString()},
                               {QStringLiteral("Hoverboard"), QStringLiteral("North"), QStringLiteral("1"),
                                QStringLiteral("5000"), QString()},
                               {QStringLiteral("Monitor"), QStringLiteral("East"), QStringLiteral("twelve"),
                                QStringLiteral("229.9"), QString()},
                               {QStringLiteral("Monitor"), QStringLiteral("West")}},
                              comma, utf8));
}

QJsonArray categories(const char *attribute)
{
    return {QJsonObject{{QStringLiteral("id"), QStringLiteral("8a868cd97c1d4f2b017c2b6f7a2e1001")},
                        {QStringLiteral("attribute"), QString::fromLatin1(attribute)},
                        {QStringLiteral("categoryId"), QStringLiteral("8a868cd97c1d4f2b017c2b6f7a2e1000")},
                        {QStringLiteral("categoryName"), QStringLiteral("Business Function")},
                        {QStringLiteral("customerId"), QStringLiteral("8a868cd97c1d4f2b017c2b6f7a2e0000")}}};
}

} // namespace

TenantData seededTenant(SeedFiles *files)
{
    TenantData t;
    t.workspaces = {{wsId(1), QStringLiteral("Financial Planning"), true, 10'737'418'240, 0},
                    {wsId(2), QStringLiteral("Sales Operations"), true, 5'368'709'120, 0},
                    {wsId(3), QStringLiteral("Supply Chain"), true, 21'474'836'480, 0},
                    {wsId(4), QStringLiteral("Archive 2021"), false, 1'073'741'824, 0}};
    const struct
    {
        int n;
        const char *name;
        int ws;
        const char *state;
        bool open;
        qint64 memory;
        const char *created;
        const char *category;
    } models[] = {
        {0x10, "Sales Planning Demo", 1, "UNLOCKED", true, 412'090'368, "2022-02-10T19:14:23.000+0000", "Sales"},
        {0x11, "Sales Planning (Production)", 1, "PRODUCTION", true, 1'288'490'188, "2021-11-03T08:01:12.000+0000",
         "Sales"},
        {0x12, "FP&A Consolidation", 1, "LOCKED", false, 2'147'483'648, "2020-06-22T12:40:00.000+0000", "Finance"},
        {0x13, "FY2021 Budget", 1, "ARCHIVED", false, 0, "2020-09-01T09:00:00.000+0000", "Finance"},
        {0x14, "Workforce Planning", 2, "MAINTENANCE", false, 733'741'824, "2023-01-15T10:30:45.000+0000", "HR"},
        {0x15, "Territory & Quota", 2, "PRODUCTION_MAINTENANCE", true, 943'718'400, "2022-07-07T07:07:07.000+0000",
         "Sales"},
        {0x16, "Demand Forecast", 3, "ACTIVE", true, 3'221'225'472, "2023-05-30T16:45:10.000+0000", "Supply Chain"},
        {0x17, "Scratch Model", 1, "UNLOCKED", false, 52'428'800, "2024-03-12T11:11:11.000+0000", "Sales"},
        {0x18, "Pilot Model (old)", 2, "UNLOCKED", false, 104'857'600, "2021-02-02T14:20:00.000+0000", "Sales"},
        {0x19, "Capacity Planning", 3, "UNLOCKED", true, 629'145'600, "2023-10-01T06:00:00.000+0000", "Supply Chain"},
        {0x1A, "Legacy Plan 2020", 4, "ARCHIVED", false, 0, "2019-12-01T00:00:00.000+0000", "Finance"}};
    qint64 serial = 2'000'015;
    for (const auto &m : models) {
        ModelRecord r;
        r.id = modelId(m.n);
        r.name = QString::fromUtf8(m.name);
        r.workspaceId = wsId(m.ws);
        r.activeState = QString::fromLatin1(m.state);
        r.lastSavedSerialNumber = serial;
        serial += 1'337;
        r.lastModifiedByUserGuid = kDemoUserGuid;
        r.memoryUsage = m.memory;
        r.categoryValues = categories(m.category);
        r.isoCreationDate = QString::fromLatin1(m.created);
        r.lastModified = QStringLiteral("2024-06-18T09:12:44.000+0000");
        r.open = m.open;
        t.models.append(r);
        ModelContent content = demoContent();
        addTransactionalLists(content.data, m.n == 0x10);
        t.content.insert(r.id, content);
        seedFileContents(r.id, files);
        for (WorkspaceRecord &w : t.workspaces)
            if (w.id == r.workspaceId)
                w.currentSize += m.memory;
    }
    return t;
}

} // namespace sandbox
