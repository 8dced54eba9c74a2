#pragma once
// A process (a sequence of imports, exports and actions) from GET …/processes.
#include <QJsonObject>
#include <QString>

namespace anadesk {

struct Process
{
    QString id; // 118…
    QString name;

    static Process fromJson(const QJsonObject &object);
};

} // namespace anadesk
