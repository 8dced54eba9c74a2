#include "ObjectColumns.h"

#include <QCoreApplication>

namespace anadesk {

namespace {
struct ObjectColumns
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::ObjectColumns)
};

constexpr Qt::Alignment kRight = Qt::AlignRight | Qt::AlignVCenter;

// "MODULE_DATA" → "Module data": Anaplan's enum words made readable, unknown values kept recognisable.
QString readable(const QString &raw)
{
    if (raw.isEmpty())
        return raw;
    QString text = raw.toLower();
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    text[0] = text[0].toUpper();
    return text;
}

// Separators are often invisible characters; show them by name.
QString separatorText(const QString &separator)
{
    if (separator == QLatin1String("\t"))
        return ObjectColumns::tr("Tab");
    if (separator == QLatin1String(" "))
        return ObjectColumns::tr("Space");
    return separator;
}
} // namespace

QList<ObjectColumn> objectColumns(ObjectKind kind)
{
    QList<ObjectColumn> columns{{ObjectColumns::tr("Name")}, {ObjectColumns::tr("Id")}};
    switch (kind) {
    case ObjectKind::File:
        columns += QList<ObjectColumn>{
            {ObjectColumns::tr("Chunks"), kRight},     {ObjectColumns::tr("Format")},
            {ObjectColumns::tr("Separator")},          {ObjectColumns::tr("Encoding")},
            {ObjectColumns::tr("Header row"), kRight}, {ObjectColumns::tr("First data row"), kRight}};
        break;
    case ObjectKind::Import:
        columns += QList<ObjectColumn>{{ObjectColumns::tr("Type")}, {ObjectColumns::tr("Source file id")}};
        break;
    case ObjectKind::Export:
        columns += QList<ObjectColumn>{
            {ObjectColumns::tr("Layout")}, {ObjectColumns::tr("Format")}, {ObjectColumns::tr("Encoding")}};
        break;
    case ObjectKind::Action:
        columns += QList<ObjectColumn>{{ObjectColumns::tr("Type")}};
        break;
    default:
        break;
    }
    return columns;
}

QString objectKindTitle(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::File:
        return ObjectColumns::tr("Files");
    case ObjectKind::Import:
        return ObjectColumns::tr("Imports");
    case ObjectKind::Export:
        return ObjectColumns::tr("Exports");
    case ObjectKind::Process:
        return ObjectColumns::tr("Processes");
    case ObjectKind::Action:
        return ObjectColumns::tr("Actions");
    default:
        return {};
    }
}

QString objectKindPlural(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::File:
        //: Plural noun inside sentences such as "Filter files by name or id", "This model has no files."
        return ObjectColumns::tr("files");
    case ObjectKind::Import:
        //: Plural noun inside sentences such as "Filter imports by name or id", "This model has no imports."
        return ObjectColumns::tr("imports");
    case ObjectKind::Export:
        //: Plural noun inside sentences such as "Filter exports by name or id", "This model has no exports."
        return ObjectColumns::tr("exports");
    case ObjectKind::Process:
        //: Plural noun inside sentences such as "Filter processes by name or id", "This model has no
        //: processes."
        return ObjectColumns::tr("processes");
    case ObjectKind::Action:
        //: Plural noun inside sentences such as "Filter actions by name or id", "This model has no actions."
        return ObjectColumns::tr("actions");
    default:
        return {};
    }
}

ObjectRow objectRow(const File &file)
{
    ObjectRow row{file.id, file.name, {}, {}, {}};
    row.extra = {file.chunkCount, file.format,    file.separator,
                 file.encoding,   file.headerRow, file.firstDataRow};
    row.extraText = {QString(), QString(), separatorText(file.separator), QString(), QString(), QString()};
    return row;
}

ObjectRow objectRow(const Import &import)
{
    ObjectRow row{import.id, import.name, {}, {}, import.importDataSourceId};
    row.extra = {import.importTypeRaw, import.importDataSourceId};
    row.extraText = {readable(import.importTypeRaw),
                     import.hasDataSource() ? QString() : ObjectColumns::tr("(none)")};
    return row;
}

ObjectRow objectRow(const Export &exportDefinition)
{
    ObjectRow row{exportDefinition.id, exportDefinition.name, {}, {}, {}};
    const QString layout =
        exportDefinition.layoutRaw.isEmpty() ? exportDefinition.exportTypeRaw : exportDefinition.layoutRaw;
    row.extra = {layout, exportDefinition.exportFormat, exportDefinition.encoding.value_or(QString())};
    row.extraText = {readable(layout), QString(),
                     exportDefinition.encoding ? QString() : ObjectColumns::tr("(not applicable)")};
    return row;
}

ObjectRow objectRow(const Process &process)
{
    return ObjectRow{process.id, process.name, {}, {}, {}};
}

ObjectRow objectRow(const Action &action)
{
    ObjectRow row{action.id, action.name, {}, {}, {}};
    row.extra = {action.actionType};
    row.extraText = {readable(action.actionType)};
    return row;
}

} // namespace anadesk
