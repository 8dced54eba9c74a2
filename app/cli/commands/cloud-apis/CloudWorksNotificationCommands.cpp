// cw notifications: who hears about which outcome of an integration's runs. One configuration per
// integration (a new integration gets a default one); get or delete it by its id or by the integration.
#include "../../BulkApi.h"
#include "../../CommandHelpers.h"
#include "../../Session.h"
#include "CloudCli.h"
#include "CloudJsonViews.h"
#include "CloudWorksCli.h"
#include "CloudWorksGroup.h"
#include "CloudWorksInput.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk::cli::cw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::CloudWorksNotifications", text);
}

QString section()
{
    return tr("CloudWorks notifications");
}

// NOTIFICATION_ID, or --integration ID|NAME — exactly one of them.
ApiError target(CommandContext &c, QString *notificationId, NamedObject *integration)
{
    const bool byIntegration = c.args.isSet(u"integration"_s);
    const bool byId = !c.args.positionals.isEmpty();
    if (byIntegration == byId)
        return usage(tr("Give either a NOTIFICATION_ID or --integration ID|NAME"),
                     tr("An integration's notification id is in 'anadesk-cli cw integration INTEGRATION'."));
    if (byId) {
        *notificationId = c.args.positionals.first().trimmed();
        return {};
    }
    return resolveIntegration(c, c.args.value(u"integration"_s), integration);
}

void printConfig(CommandContext &c, const cloudworks::NotificationConfig &config, const QString &operation)
{
    QJsonObject o = cloudjson::toJson(config);
    if (!operation.isEmpty())
        o.insert(u"operation"_s, operation);
    Output &out = c.session.out();
    out.object(o, {{u"id"_s, tr("Id")},
                   {u"integrationIds"_s, tr("Integrations")},
                   {u"channels"_s, tr("Channels")},
                   {u"types"_s, tr("Outcomes")}});
    QStringList lines;
    for (const cloudworks::NotificationRule &r : config.rules) {
        QStringList users;
        for (const cloudworks::NotificationUser &u : r.users)
            users.append(u"%1 %2 (%3)"_s.arg(u.firstName, u.lastName, u.userGuid).trimmed());
        lines.append(u"  "_s + r.type + u": "_s + users.join(u", "_s));
    }
    out.humanLines(lines);
}

ApiError fetchAndPrint(CommandContext &c, const QString &notificationId, const QString &operation)
{
    auto job = Session::own(client(c).getNotificationConfig(notificationId));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    printConfig(c, job->config(), operation);
    return {};
}

ApiError show(CommandContext &c)
{
    QString id;
    NamedObject integration;
    if (ApiError e = target(c, &id, &integration); e.isError())
        return e;
    if (!id.isEmpty())
        return fetchAndPrint(c, id, {});
    auto job = Session::own(client(c).getNotificationConfigOfIntegration(integration.id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    printConfig(c, job->config(), {});
    return {};
}

ApiError create(CommandContext &c)
{
    QJsonObject file;
    if (ApiError e = cloud::requireFromObject(c, tr("the notification configuration"), &file); e.isError())
        return e;
    cloudworks::NotificationInput input;
    if (ApiError e = notificationInput(c, file, &input); e.isError())
        return e;
    auto job = Session::own(client(c).createNotificationConfig(input));
    if (ApiError e = c.session.wait(job); e.isError()) {
        if (e.category == ErrorCategory::BadInput)
            e.hint = tr("An integration has one configuration (a new one gets a default): change it with "
                        "'cw notification-update', or delete it first.");
        return e;
    }
    return fetchAndPrint(c, job->notificationId(), u"created"_s);
}

ApiError update(CommandContext &c)
{
    const QString id = c.args.positionals.at(0).trimmed();
    QJsonObject file;
    if (ApiError e = cloud::requireFromObject(c, tr("the notification configuration"), &file); e.isError())
        return e;
    cloudworks::NotificationInput input;
    if (ApiError e = notificationInput(c, file, &input); e.isError())
        return e;
    auto job = Session::own(client(c).updateNotificationConfig(id, input));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    return fetchAndPrint(c, id, u"updated"_s);
}

ApiError remove(CommandContext &c)
{
    QString id;
    NamedObject integration;
    if (ApiError e = target(c, &id, &integration); e.isError())
        return e;
    if (!id.isEmpty()) {
        auto job = Session::own(client(c).deleteNotificationConfig(id));
        if (ApiError e = c.session.wait(job); e.isError())
            return e;
    } else {
        auto job = Session::own(client(c).deleteNotificationConfigOfIntegration(integration.id));
        if (ApiError e = c.session.wait(job); e.isError())
            return e;
        id = job->notificationId();
    }
    QJsonObject result{{u"id"_s, id}, {u"notificationId"_s, id}, {u"deleted"_s, true}};
    if (!integration.id.isEmpty())
        result.insert(u"integrationId"_s, integration.id);
    c.session.out().scalar(tr("Deleted notification configuration %1").arg(id), result);
    return {};
}

} // namespace

QList<Command> notificationCommands()
{
    const QString format = tr(
        "The --from file (JSON; - reads standard input), Anaplan's NotificationInput:\n"
        "  {\"integrationIds\": [\"<integration id or name>\"], \"channels\": [\"email\", \"in_app\"],\n"
        "   \"notifications\": {\"config\": [{\"type\": \"full_failure\", \"users\": [\"<user id or "
        "e-mail>\"]}]}}\n"
        "Outcomes: success, partial_failure, full_failure, each with 1 to 5 users (ids, or e-mail addresses "
        "looked up among the tenant's users). One integration per configuration; --integration may name it "
        "instead of the file. Lists may not be empty (to remove an outcome, delete and create again).");
    const OptionSpec integrationOption{u"integration"_s,
                                       {},
                                       u"INTEGRATION"_s,
                                       tr("The integration (id or name) instead of a notification id.")};

    Command showCommand =
        makeCommand(section(), "notification", "[NOTIFICATION_ID] [--integration INTEGRATION]",
                    tr("Show a notification configuration."), 0, 1, show);
    showCommand.options = {integrationOption};

    Command createCommand =
        makeCommand(section(), "notification-create", "--from PATH [--integration INTEGRATION]",
                    tr("Create a notification configuration."), 0, 0, create);
    createCommand.details = format;
    createCommand.options = {cloud::fromOption(tr("The configuration as JSON.")),
                             {u"integration"_s, {}, u"INTEGRATION"_s, tr("The integration (id or name).")}};

    Command updateCommand = makeCommand(section(), "notification-update", "NOTIFICATION_ID --from PATH",
                                        tr("Replace a notification configuration."), 1, 1, update);
    updateCommand.details = format;
    updateCommand.options = createCommand.options;

    Command deleteCommand =
        makeCommand(section(), "notification-delete", "[NOTIFICATION_ID] [--integration INTEGRATION]",
                    tr("Delete a notification configuration."), 0, 1, remove);
    deleteCommand.options = {integrationOption};

    return {showCommand, createCommand, updateCommand, deleteCommand};
}

} // namespace anadesk::cli::cw
