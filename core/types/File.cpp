#include "File.h"

#include "JsonRead.h"

using namespace Qt::StringLiterals;

namespace anadesk {

File File::fromJson(const QJsonObject &object)
{
    File f;
    f.id = json::idString(object.value("id"_L1));
    f.name = json::string(object, "name"_L1);
    f.chunkCount = static_cast<int>(json::int64(object, "chunkCount"_L1));
    f.delimiter = json::string(object, "delimiter"_L1);
    f.encoding = json::string(object, "encoding"_L1);
    f.firstDataRow = static_cast<int>(json::int64(object, "firstDataRow"_L1));
    f.format = json::string(object, "format"_L1);
    f.headerRow = static_cast<int>(json::int64(object, "headerRow"_L1));
    f.separator = json::string(object, "separator"_L1);
    return f;
}

} // namespace anadesk
