#pragma once
// What the cw and flows commands read from their --from files (and options), checked before anything is
// sent; the formats are in docs/cli.md, "Command groups scim, audit, cw and flows". Ids may be written as
// JSON strings or numbers (CloudWorks wants strings; core sends strings); connections, integrations, imports,
// exports and processes may be given by name and are looked up.
//
// Connection secrets (S3 secretAccessKey, Azure sasToken or clientSecret, the BigQuery service account
// key) come from exactly one of: the --from file's field, --secret-file PATH, or the environment
// variable ANADESK_CW_SECRET — never from the command line.
#include "../../Command.h"
#include "cloudworks/CloudWorksConnection.h"
#include "cloudworks/CloudWorksFlow.h"
#include "cloudworks/CloudWorksIntegration.h"
#include "cloudworks/CloudWorksNotification.h"
#include "cloudworks/CloudWorksSchedule.h"
#include "net/ApiError.h"

#include <QJsonObject>

namespace anadesk::cli::cw {

inline constexpr char kSecretVariable[] = "ANADESK_CW_SECRET";

// A full connection (create, update). `knownType` (update): the existing connection's type, used when
// the file has none. The environment variable is read only when neither the file nor --secret-file
// has the secret.
ApiError connectionInput(CommandContext &c, const QJsonObject &file, cloudworks::ConnectionType knownType,
                         cloudworks::CloudConnectionInput *out);
// A partial connection body (patch): the file as it is, plus --secret-file under the type's secret key.
ApiError connectionPatch(CommandContext &c, const QJsonObject &file, cloudworks::ConnectionType type,
                         QJsonObject *out);

// An integration (create, update). workspaceId/modelId default to --model (and its workspace).
ApiError integrationInput(CommandContext &c, const QJsonObject &file, cloudworks::IntegrationInput *out);

// A schedule from the --from file (the Schedule JSON) and/or the schedule options (which win).
ApiError scheduleInput(CommandContext &c, const QString &defaultName, cloudworks::ScheduleInput *out);

// A notification configuration; integrationIds default to --integration; users may be e-mail addresses.
ApiError notificationInput(CommandContext &c, const QJsonObject &file, cloudworks::NotificationInput *out);

// A flow from the --from file, or from --name and --chain (integrations in order, each depending on the
// one before).
ApiError flowInput(CommandContext &c, cloudworks::FlowInput *out);

} // namespace anadesk::cli::cw
