#pragma once
// A workspace as listed by GET /2/0/workspaces?tenantDetails=true.
#include <QJsonObject>
#include <QList>
#include <QString>

namespace anadesk {

struct Workspace
{
    QString id;               // 32 hex, lower-case on Anaplan; kept exactly as sent
    QString name;
    bool active = false;
    qint64 sizeAllowance = 0; // bytes
    qint64 currentSize = 0;   // bytes

    static Workspace fromJson(const QJsonObject &object);
};

} // namespace anadesk
