#include "ImportEngine.h"

#include "Csv.h"

#include <QHash>
#include <QJsonObject>

#include <functional>

namespace sandbox {

namespace {

QJsonObject detail(const QString &text, const QString &type, int occurrences, const QStringList &values)
{
    return {{QStringLiteral("localMessageText"), text},
            {QStringLiteral("occurrences"), occurrences},
            {QStringLiteral("type"), type},
            {QStringLiteral("values"), QJsonArray::fromStringList(values)}};
}

ImportOutcome failWhole(const QString &message)
{
    ImportOutcome o;
    o.successful = false;
    o.details.append(detail(message, QStringLiteral("importFailed"), 1, {}));
    return o;
}

// One import kind: which columns it needs and how one row changes the data.
struct Mapping
{
    QStringList required;
    QStringList optional;
    QString targetName; // shown in the summary ("Products: 3 (1/2) rows successful, …")
    QString summaryType;
    // Applies a row: returns an error text for a failed row, or sets *created/*updated.
    std::function<QString(const QHash<QString, QString> &, bool *created)> apply;
};

QString columnValue(const QHash<QString, QString> &row, const QString &column)
{
    return row.value(column.toLower());
}

Mapping hierarchyMapping(ModelData &data, const QString &listId, QString *error)
{
    Mapping m;
    ListData *list = data.list(listId);
    if (!list) {
        *error = QStringLiteral("The import's target list %1 does not exist in the model.").arg(listId);
        return m;
    }
    m.required = {QStringLiteral("Name")};
    m.optional = {QStringLiteral("Code")};
    if (!list->parentListId.isEmpty())
        m.optional.append(QStringLiteral("Parent"));
    m.optional += list->propertyNames;
    m.targetName = list->name;
    m.summaryType = QStringLiteral("hierarchyRowsProcessed");
    m.apply = [&data, listId](const QHash<QString, QString> &row, bool *created) -> QString {
        ListData *l = data.list(listId);
        const QString name = columnValue(row, QStringLiteral("Name")).trimmed();
        const QString code = columnValue(row, QStringLiteral("Code")).trimmed();
        const QString parent = columnValue(row, QStringLiteral("Parent")).trimmed();
        if (name.isEmpty())
            return QStringLiteral("Item name is empty");
        if (name.size() > 60)
            return QStringLiteral("Item name is longer than 60 characters: %1").arg(name);
        if (!parent.isEmpty()) {
            const ListData *parentList = data.list(l->parentListId);
            if (!parentList || parentList->indexOf(parent) < 0)
                return QStringLiteral("Parent not found in list %1: %2")
                    .arg(parentList ? parentList->name : l->parentListId, parent);
        }
        const int codeOwner = l->indexOfCode(code);
        if (codeOwner >= 0 && l->items.at(codeOwner).name != name)
            return QStringLiteral("Code %1 is already used by item %2").arg(code, l->items.at(codeOwner).name);
        int index = l->indexOf(name);
        *created = index < 0;
        if (index < 0) {
            l->items.append(ListItem{name, {}, {}, {}});
            index = int(l->items.size()) - 1;
        }
        ListItem &item = l->items[index];
        if (row.contains(QStringLiteral("code")))
            item.code = code;
        if (row.contains(QStringLiteral("parent")))
            item.parent = parent;
        for (const QString &property : l->propertyNames)
            if (row.contains(property.toLower()))
                item.properties.insert(property, columnValue(row, property).trimmed());
        return {};
    };
    return m;
}

Mapping usersMapping(ModelData &data, QString *error)
{
    Mapping m;
    const QString usersId = QStringLiteral("101999999999");
    if (!data.list(usersId)) {
        *error = QStringLiteral("The model has no Users list.");
        return m;
    }
    m.required = {QStringLiteral("Email")};
    m.optional = {QStringLiteral("First Name"), QStringLiteral("Last Name"), QStringLiteral("Role")};
    m.targetName = QStringLiteral("Users");
    m.summaryType = QStringLiteral("hierarchyRowsProcessed");
    m.apply = [&data, usersId](const QHash<QString, QString> &row, bool *created) -> QString {
        ListData *l = data.list(usersId);
        const QString email = columnValue(row, QStringLiteral("Email")).trimmed().toLower();
        const int at = email.indexOf(QLatin1Char('@'));
        if (at <= 0 || email.indexOf(QLatin1Char('.'), at) < 0 || email.contains(QLatin1Char(' ')))
            return QStringLiteral("Invalid email address: %1").arg(email);
        const QString role = columnValue(row, QStringLiteral("Role")).trimmed();
        static const QStringList roles = {QStringLiteral("Full Access"), QStringLiteral("Read Only"),
                                          QStringLiteral("No Access"), QStringLiteral("Modeler")};
        if (!role.isEmpty() && !roles.contains(role, Qt::CaseInsensitive))
            return QStringLiteral("Unknown role %1 (expected one of: %2)").arg(role, roles.join(QStringLiteral(", ")));
        int index = l->indexOf(email);
        *created = index < 0;
        if (index < 0) {
            l->items.append(ListItem{email, email, {}, {}});
            index = int(l->items.size()) - 1;
        }
        ListItem &item = l->items[index];
        for (const QString &p : {QStringLiteral("First Name"), QStringLiteral("Last Name"), QStringLiteral("Role")})
            if (row.contains(p.toLower()))
                item.properties.insert(p, columnValue(row, p).trimmed());
        return {};
    };
    return m;
}

Mapping versionsMapping(ModelData &data, QString *error)
{
    Mapping m;
    const QString versionsId = QStringLiteral("20000000020");
    if (!data.list(versionsId)) {
        *error = QStringLiteral("The model has no Versions dimension.");
        return m;
    }
    m.required = {QStringLiteral("Name")};
    m.optional = {QStringLiteral("Code"), QStringLiteral("Current")};
    m.targetName = QStringLiteral("Versions");
    m.summaryType = QStringLiteral("hierarchyRowsProcessed");
    m.apply = [&data, versionsId](const QHash<QString, QString> &row, bool *created) -> QString {
        ListData *l = data.list(versionsId);
        const QString name = columnValue(row, QStringLiteral("Name")).trimmed();
        if (name.isEmpty())
            return QStringLiteral("Version name is empty");
        QString current;
        const QString currentText = columnValue(row, QStringLiteral("Current"));
        if (!currentText.trimmed().isEmpty() && !normaliseBoolean(currentText, &current))
            return QStringLiteral("Invalid boolean for Current: %1").arg(currentText);
        int index = l->indexOf(name);
        *created = index < 0;
        if (index < 0) {
            l->items.append(ListItem{name, {}, {}, {}});
            index = int(l->items.size()) - 1;
        }
        ListItem &item = l->items[index];
        if (row.contains(QStringLiteral("code")))
            item.code = columnValue(row, QStringLiteral("Code")).trimmed();
        if (!current.isEmpty()) {
            if (current == QLatin1String("TRUE")) // only one current version
                for (ListItem &other : l->items)
                    other.properties.insert(QStringLiteral("Current"), QStringLiteral("FALSE"));
            item.properties.insert(QStringLiteral("Current"), current);
        }
        return {};
    };
    return m;
}

Mapping lineItemMapping(ModelData &data, const QString &moduleId, QString *error)
{
    Mapping m;
    if (!data.module(moduleId)) {
        *error = QStringLiteral("The import's target module %1 does not exist in the model.").arg(moduleId);
        return m;
    }
    m.required = {QStringLiteral("Name"), QStringLiteral("Format")};
    m.targetName = data.module(moduleId)->name;
    m.summaryType = QStringLiteral("lineItemRowsProcessed");
    m.apply = [&data, moduleId](const QHash<QString, QString> &row, bool *created) -> QString {
        ModuleData *module = data.module(moduleId);
        const QString name = columnValue(row, QStringLiteral("Name")).trimmed();
        const QString format = columnValue(row, QStringLiteral("Format")).trimmed().toUpper();
        if (name.isEmpty())
            return QStringLiteral("Line item name is empty");
        static const QStringList formats = {QStringLiteral("NUMBER"), QStringLiteral("TEXT"),
                                            QStringLiteral("BOOLEAN"), QStringLiteral("DATE")};
        if (!formats.contains(format))
            return QStringLiteral("Unknown line item format %1 (expected NUMBER, TEXT, BOOLEAN or DATE)")
                .arg(columnValue(row, QStringLiteral("Format")));
        const int index = module->lineItemIndex(name);
        *created = index < 0;
        if (index < 0)
            module->lineItems.append({QString::number(data.nextLineItemId++), name, format});
        else
            module->lineItems[index].format = format;
        return {};
    };
    return m;
}

Mapping moduleMapping(ModelData &data, const QString &moduleId, const QStringList &header, QString *error)
{
    Mapping m;
    const ModuleData *module = data.module(moduleId);
    if (!module) {
        *error = QStringLiteral("The import's target module %1 does not exist in the model.").arg(moduleId);
        return m;
    }
    const ListData *rows = data.list(module->rowListId);
    const ListData *columns = data.list(module->columnListId);
    if (!rows || !columns) {
        *error = QStringLiteral("The module %1 refers to a list that does not exist.").arg(module->name);
        return m;
    }
    m.required = {rows->name, columns->name};
    for (const LineItem &li : module->lineItems)
        m.optional.append(li.name);
    m.targetName = module->name;
    m.summaryType = QStringLiteral("moduleRowsProcessed");
    // Only line items that are present in the file are written.
    QStringList present;
    for (const LineItem &li : module->lineItems)
        if (header.isEmpty() || header.contains(li.name, Qt::CaseInsensitive))
            present.append(li.name);
    m.apply = [&data, moduleId, present](const QHash<QString, QString> &row, bool *created) -> QString {
        ModuleData *mod = data.module(moduleId);
        const ListData *r = data.list(mod->rowListId);
        const ListData *c = data.list(mod->columnListId);
        const QString rowItem = columnValue(row, r->name).trimmed();
        const QString columnItem = columnValue(row, c->name).trimmed();
        if (r->indexOf(rowItem) < 0)
            return QStringLiteral("Item not located in %1 list: %2").arg(r->name, rowItem);
        if (c->indexOf(columnItem) < 0)
            return QStringLiteral("Item not located in %1 list: %2").arg(c->name, columnItem);
        // Validate every value before writing any, so a failed row changes nothing.
        QList<QPair<QString, QString>> writes;
        for (const QString &lineItemName : present) {
            const LineItem &li = mod->lineItems.at(mod->lineItemIndex(lineItemName));
            const QString text = columnValue(row, li.name);
            QString value = text;
            if (!text.trimmed().isEmpty()) {
                if (li.format == QLatin1String("NUMBER") && !normaliseNumber(text, &value))
                    return QStringLiteral("Invalid number for line item %1: %2").arg(li.name, text);
                if (li.format == QLatin1String("BOOLEAN") && !normaliseBoolean(text, &value))
                    return QStringLiteral("Invalid boolean for line item %1: %2").arg(li.name, text);
            }
            writes.append({ModuleData::cellKey(rowItem, columnItem, li.name), value});
        }
        bool existed = false;
        for (const auto &[key, value] : writes) {
            existed = existed || mod->cells.contains(key);
            if (value.trimmed().isEmpty())
                mod->cells.remove(key);
            else
                mod->cells.insert(key, value);
        }
        *created = !existed;
        return {};
    };
    return m;
}

} // namespace

ImportOutcome runImport(const ImportRecord &import, const FileRecord &file, const QStringList &chunkPaths,
                        ModelData &data)
{
    const CsvSettings settings = CsvSettings::fromFile(file.separator, file.delimiter, file.encoding);
    if (!settings.encodingSupported())
        return failWhole(QStringLiteral("File %1 uses encoding %2, which the sandbox cannot read (UTF-8, "
                                        "ISO-8859-1 and UTF-16LE are supported).")
                             .arg(file.name, file.encoding));

    // First pass over the header row only, to build the column mapping.
    QStringList header;
    if (file.headerRow > 0) {
        CsvReader headerReader(settings, chunkPaths);
        CsvRecord record;
        while (headerReader.next(&record))
            if (record.number == file.headerRow) {
                header = record.fields;
                break;
            }
        if (!headerReader.error().isEmpty())
            return failWhole(headerReader.error());
        if (header.isEmpty())
            return failWhole(QStringLiteral("File %1 has no header row %2.").arg(file.name).arg(file.headerRow));
        for (QString &h : header)
            h = h.trimmed();
    }

    QString error;
    Mapping mapping;
    if (import.importType == QLatin1String("HIERARCHY_DATA"))
        mapping = hierarchyMapping(data, import.target, &error);
    else if (import.importType == QLatin1String("MODULE_DATA"))
        mapping = moduleMapping(data, import.target, header, &error);
    else if (import.importType == QLatin1String("LINE_ITEM_DEFINITION"))
        mapping = lineItemMapping(data, import.target, &error);
    else if (import.importType == QLatin1String("USERS"))
        mapping = usersMapping(data, &error);
    else if (import.importType == QLatin1String("VERSIONS"))
        mapping = versionsMapping(data, &error);
    else
        error = QStringLiteral("Unknown import type %1").arg(import.importType);
    if (!error.isEmpty())
        return failWhole(error);

    // Column name (lower case) -> index in the record.
    QStringList columns = header;
    if (columns.isEmpty())
        columns = mapping.required + mapping.optional; // no header row: by position
    QHash<QString, int> index;
    for (int i = 0; i < columns.size(); ++i)
        if (!index.contains(columns.at(i).toLower()))
            index.insert(columns.at(i).toLower(), i);
    for (const QString &required : mapping.required)
        if (!index.contains(required.toLower()))
            return failWhole(QStringLiteral("Column %1 is missing from the header row of file %2 (found: %3).")
                                 .arg(required, file.name, header.join(QStringLiteral(", "))));

    ImportOutcome outcome;
    QString dump;
    QString firstFailure;
    const int expectedColumns = int(columns.size());
    auto fail = [&](const CsvRecord &record, const QString &message) {
        ++outcome.failedRows;
        if (firstFailure.isEmpty())
            firstFailure = QStringLiteral("line %1: %2").arg(record.number).arg(message);
        if (dump.isEmpty()) {
            QStringList dumpHeader{QStringLiteral("_Status_")};
            dumpHeader += columns;
            dumpHeader << QStringLiteral("_Line_") << QStringLiteral("_Error_1_");
            dump += csvLine(dumpHeader, QLatin1Char(','), QLatin1Char('"'), true);
        }
        QStringList fields{QStringLiteral("E")};
        fields += record.fields;
        while (fields.size() < expectedColumns + 1)
            fields.append(QString());
        fields << QString::number(record.number) << message;
        dump += csvLine(fields, QLatin1Char(','), QLatin1Char('"'), true);
    };

    CsvReader reader(settings, chunkPaths);
    CsvRecord record;
    while (reader.next(&record)) {
        if (file.firstDataRow <= 0 || record.number < file.firstDataRow || record.number == file.headerRow)
            continue;
        ++outcome.totalRows;
        if (record.blank()) {
            ++outcome.ignoredRows;
            continue;
        }
        if (record.badEncoding) {
            fail(record, QStringLiteral("Row is not valid %1 text").arg(file.encoding));
            continue;
        }
        if (record.fields.size() != expectedColumns) {
            fail(record, QStringLiteral("Expected %1 columns but found %2").arg(expectedColumns).arg(record.fields.size()));
            continue;
        }
        QHash<QString, QString> row;
        for (auto it = index.cbegin(); it != index.cend(); ++it)
            row.insert(it.key(), record.fields.at(it.value()));
        bool created = false;
        const QString message = mapping.apply(row, &created);
        if (!message.isEmpty()) {
            fail(record, message);
            continue;
        }
        ++outcome.successRows;
        ++(created ? outcome.created : outcome.updated);
    }
    if (!reader.error().isEmpty())
        return failWhole(reader.error());

    outcome.successful = outcome.failedRows == 0;
    outcome.dump = dump.toUtf8();
    const QString summary = QStringLiteral("%1: %2 (%3/%4) rows successful, %5 ignored ")
                                .arg(mapping.targetName)
                                .arg(outcome.successRows)
                                .arg(outcome.created)
                                .arg(outcome.updated)
                                .arg(outcome.ignoredRows);
    auto n = [](int v) { return QString::number(v); };
    outcome.details.append(detail(
        summary, mapping.summaryType, 0,
        {QStringLiteral("hierarchyName"), mapping.targetName, QStringLiteral("successRowCount"), n(outcome.successRows),
         QStringLiteral("successCreateCount"), n(outcome.created), QStringLiteral("successUpdateCount"),
         n(outcome.updated), QStringLiteral("warningsRowCount"), n(0), QStringLiteral("warningsCreateCount"), n(0),
         QStringLiteral("warningsUpdateCount"), n(0), QStringLiteral("failedCount"), n(outcome.failedRows),
         QStringLiteral("ignoredCount"), n(outcome.ignoredRows), QStringLiteral("totalRowCount"), n(outcome.totalRows),
         QStringLiteral("totalCreateCount"), n(outcome.created), QStringLiteral("totalUpdateCount"), n(outcome.updated),
         QStringLiteral("invalidCount"), n(outcome.failedRows), QStringLiteral("updatedCount"), n(outcome.updated),
         QStringLiteral("renamedCount"), n(0), QStringLiteral("createdCount"), n(outcome.created)}));
    if (outcome.failedRows > 0)
        outcome.details.append(detail(QStringLiteral("%1 rows failed; download the failure dump for every row. "
                                                     "First failure: %2")
                                          .arg(outcome.failedRows)
                                          .arg(firstFailure),
                                      QStringLiteral("rowsFailed"), outcome.failedRows,
                                      {QStringLiteral("failedCount"), n(outcome.failedRows)}));
    return outcome;
}

} // namespace sandbox
