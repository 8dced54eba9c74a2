#pragma once
// An "other action" (delete by selection, optimizer…) from GET …/actions.
#include <QJsonObject>
#include <QString>

namespace anadesk {

struct Action
{
    QString id; // 117…
    QString name;
    QString actionType; // "DELETE_BY_SELECTION", "OPTIMIZER"…; empty when not sent

    static Action fromJson(const QJsonObject &object);
};

} // namespace anadesk
