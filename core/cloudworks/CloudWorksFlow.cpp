#include "CloudWorksFlow.h"

#include "types/JsonRead.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace anadesk::cloudworks {

FlowStep FlowStep::fromJson(const QJsonObject &object)
{
    FlowStep s;
    s.referrer = json::idString(object.value("referrer"_L1));
    s.name = json::string(object, "name"_L1);
    s.type = json::string(object, "type"_L1);
    s.createdBy = json::string(object, "createdBy"_L1);
    s.createdDate = json::string(object, "createdDate"_L1);
    s.modifiedDate = json::string(object, "modifiedDate"_L1);
    s.modifiedBy = json::string(object, "modifiedBy"_L1);
    s.modelId = json::string(object, "modelId"_L1);
    s.workspaceId = json::string(object, "workspaceId"_L1);
    s.dependsOn = json::stringList(object, "dependsOn"_L1);
    s.isSkipped = json::boolean(object, "isSkipped"_L1);
    for (const QJsonObject &b : json::objectList(object, "exceptionBehavior"_L1)) {
        const QString type = json::string(b, "type"_L1);
        if (type == "failure"_L1)
            s.onFailure = json::string(b, "strategy"_L1);
        else if (type == "partial_success"_L1)
            s.onPartialSuccess = json::string(b, "strategy"_L1);
    }
    s.latestRun = LatestRun::fromJson(object.value("latestRun"_L1));
    return s;
}

Flow Flow::fromJson(const QJsonObject &object)
{
    Flow f;
    f.id = json::idString(object.value("id"_L1));
    if (f.id.isEmpty())
        f.id = json::idString(object.value("integrationFlowId"_L1));
    f.name = json::string(object, "name"_L1);
    f.notificationId = json::idString(object.value("notificationId"_L1));
    f.nuxVisible = json::boolean(object, "nuxVisible"_L1);
    f.latestRun = LatestRun::fromJson(object.value("latestRun"_L1));
    for (const QJsonObject &s : json::objectList(object, "steps"_L1))
        f.steps.append(FlowStep::fromJson(s));
    f.stepsCount = int(json::int64(object, "stepsCount"_L1, f.steps.size()));
    f.versioned = Versioned::fromJson(object);
    return f;
}

FlowInput FlowInput::chain(const QString &name, const QStringList &integrationIds)
{
    FlowInput f;
    f.name = name;
    for (qsizetype i = 0; i < integrationIds.size(); ++i) {
        FlowStepInput s;
        s.integrationId = integrationIds.at(i);
        if (i > 0)
            s.dependsOn = {integrationIds.at(i - 1)};
        f.steps.append(s);
    }
    return f;
}

QJsonObject FlowInput::toJson() const
{
    QJsonArray steps;
    for (const FlowStepInput &s : this->steps) {
        QJsonObject o{{u"type"_s, u"Integration"_s}, {u"referrer"_s, s.integrationId}};
        if (!s.dependsOn.isEmpty())
            o.insert(u"dependsOn"_s, QJsonArray::fromStringList(s.dependsOn));
        o.insert(u"isSkipped"_s, s.isSkipped);
        o.insert(
            u"exceptionBehavior"_s,
            QJsonArray{QJsonObject{{u"type"_s, u"failure"_s}, {u"strategy"_s, s.onFailure}},
                       QJsonObject{{u"type"_s, u"partial_success"_s}, {u"strategy"_s, s.onPartialSuccess}}});
        steps.append(o);
    }
    return {
        {u"name"_s, name}, {u"version"_s, u"2.0"_s}, {u"type"_s, u"IntegrationFlow"_s}, {u"steps"_s, steps}};
}

QString FlowInput::validationError() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("anadesk::cloudworks", text); };
    if (name.trimmed().isEmpty())
        return tr("The flow needs a name");
    if (steps.size() < 2 || steps.size() > 100)
        return tr("A flow has 2 to 100 steps, not %1").arg(steps.size());
    QSet<QString> ids;
    int active = 0;
    for (const FlowStepInput &s : steps) {
        if (s.integrationId.isEmpty())
            return tr("Every step needs an integration id");
        if (ids.contains(s.integrationId))
            return tr("Integration %1 appears twice in the flow").arg(s.integrationId);
        ids.insert(s.integrationId);
        if (!s.isSkipped)
            ++active;
        for (const QString &strategy : {s.onFailure, s.onPartialSuccess}) {
            if (strategy != "stop"_L1 && strategy != "continue"_L1)
                return tr("A step's strategy is stop or continue, not '%1'").arg(strategy);
        }
    }
    for (const FlowStepInput &s : steps) {
        for (const QString &d : s.dependsOn) {
            if (!ids.contains(d) || d == s.integrationId)
                return tr("Step %1 depends on %2, which is not another step of the flow")
                    .arg(s.integrationId, d);
        }
    }
    if (active < 2)
        return tr("A flow needs at least two steps that are not skipped");
    return {};
}

} // namespace anadesk::cloudworks
