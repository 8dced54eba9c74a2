#pragma once
// The JSON shapes the scim, audit, cw and flows groups print with --json (docs/cli.md, "Command groups scim,
// audit, cw and flows"). Keys are camelCase like Anaplan's own; listed objects carry "id" and, where the
// object has one, a string "name"; raw enum strings are printed as the server sent them. Secrets never
// appear: Anaplan does not return connection credentials, and nothing here reads an input.
#include "audit/AuditTypes.h"
#include "cloudworks/CloudWorksConnection.h"
#include "cloudworks/CloudWorksFlow.h"
#include "cloudworks/CloudWorksIntegration.h"
#include "cloudworks/CloudWorksNotification.h"
#include "cloudworks/CloudWorksRun.h"
#include "cloudworks/CloudWorksSchedule.h"
#include "scim/ScimServiceTypes.h"
#include "scim/ScimUser.h"

#include <QJsonArray>
#include <QJsonObject>

namespace anadesk::cli::cloudjson {

// SCIM. A user: id, name ("Given Family"), userName, givenName, familyName, displayName, externalId,
// active, emails[], workspaceIds[], entitlements[] (as sent), created, lastModified.
QJsonObject toJson(const scim::User &user);
QJsonObject toJson(const scim::ServiceProviderConfig &config);
QJsonObject toJson(const scim::ResourceType &type);
QJsonObject toJson(const scim::Schema &schema);
QJsonObject toJson(const scim::SchemaAttribute &attribute);

// Audit. A tenant user: id, name, email, firstName, lastName, active, emailOptIn, lastLoginDate.
QJsonObject toJson(const audit::TenantUser &user);
// An event: the object exactly as the server sent it, plus "date" (ISO 8601 UTC of eventDate).
QJsonObject toJson(const audit::Event &event);

// CloudWorks.
QJsonObject toJson(const cloudworks::CloudConnection &connection);
QJsonObject toJson(const cloudworks::Integration &integration);
QJsonObject toJson(const cloudworks::Schedule &schedule);
QJsonObject toJson(const cloudworks::LatestRun &run);
QJsonObject toJson(const cloudworks::JobEndpoint &endpoint);
QJsonObject toJson(const cloudworks::IntegrationJob &job);
QJsonObject toJson(const cloudworks::RunSummary &run);
QJsonObject toJson(const cloudworks::RunStatus &run);
QJsonObject toJson(const cloudworks::RunError &error);
QJsonObject toJson(const cloudworks::NotificationConfig &config);
QJsonObject toJson(const cloudworks::Flow &flow);
QJsonObject toJson(const cloudworks::FlowStep &step);

// "running", "succeeded", "partial-success" (success with an execution error code, e.g. 38), "failed".
QString runOutcome(bool running, bool success, std::optional<int> executionErrorCode);

template <typename T> QJsonArray array(const QList<T> &items)
{
    QJsonArray result;
    for (const T &item : items)
        result.append(toJson(item));
    return result;
}

} // namespace anadesk::cli::cloudjson
