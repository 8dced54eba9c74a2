// cw connections: list, create, update (full replacement), patch, delete. Credentials come from the
// input file, --secret-file or ANADESK_CW_SECRET (CloudWorksInput.h) and are never printed: Anaplan
// does not return them, and core registers them for redaction while a request lives.
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
    return QCoreApplication::translate("anadesk::cli::CloudWorksConnections", text);
}

QString section()
{
    return tr("CloudWorks connections");
}

void printConnection(CommandContext &c, const QJsonObject &o)
{
    c.session.out().object(o, {{u"id"_s, tr("Id")},
                               {u"name"_s, tr("Name")},
                               {u"type"_s, tr("Type")},
                               {u"location"_s, tr("Location")},
                               {u"valid"_s, tr("Valid")},
                               {u"integrationErrorCode"_s, tr("Error code")},
                               {u"workspaceId"_s, tr("Workspace")},
                               {u"modificationDate"_s, tr("Modified")}});
}

// The connection as the server lists it after a write (the write answers carry no details).
ApiError printFresh(CommandContext &c, const QString &id, const QString &operation)
{
    cloudworks::CloudConnection fresh;
    if (ApiError e = resolveConnection(c, id, &fresh); e.isError())
        return e;
    QJsonObject o = cloudjson::toJson(fresh);
    o.insert(u"operation"_s, operation);
    printConnection(c, o);
    if (!fresh.isValid())
        c.session.out().warning(
            tr("CloudWorks could not use the credentials of connection '%1' (status 0): check them.")
                .arg(fresh.name));
    return {};
}

ApiError list(CommandContext &c)
{
    auto job = Session::own(client(c).getConnections());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(cloudjson::array(job->connections()), {{tr("ID"), u"id"_s},
                                                                {tr("NAME"), u"name"_s},
                                                                {tr("TYPE"), u"type"_s},
                                                                {tr("LOCATION"), u"location"_s},
                                                                {tr("VALID"), u"valid"_s}});
    return {};
}

ApiError create(CommandContext &c)
{
    QJsonObject file;
    if (ApiError e = cloud::requireFromObject(c, tr("the connection"), &file); e.isError())
        return e;
    cloudworks::CloudConnectionInput input;
    if (ApiError e = connectionInput(c, file, cloudworks::ConnectionType::Unknown, &input); e.isError())
        return e;
    auto job = Session::own(client(c).createConnection(input));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    return printFresh(c, job->connectionId(), u"created"_s);
}

ApiError update(CommandContext &c)
{
    cloudworks::CloudConnection existing;
    if (ApiError e = resolveConnection(c, c.args.positionals.at(0), &existing); e.isError())
        return e;
    QJsonObject file;
    if (ApiError e = cloud::requireFromObject(c, tr("the connection"), &file); e.isError())
        return e;
    cloudworks::CloudConnectionInput input;
    if (ApiError e = connectionInput(c, file, existing.type, &input); e.isError())
        return e;
    auto job = Session::own(client(c).updateConnection(existing.id, input));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    return printFresh(c, existing.id, u"updated"_s);
}

ApiError patch(CommandContext &c)
{
    cloudworks::CloudConnection existing;
    if (ApiError e = resolveConnection(c, c.args.positionals.at(0), &existing); e.isError())
        return e;
    QJsonObject file;
    if (c.args.isSet(u"from"_s))
        if (ApiError e =
                cloud::readJsonObjectInput(c.args.value(u"from"_s), tr("the connection fields"), &file);
            e.isError())
            return e;
    QJsonObject fields;
    if (ApiError e = connectionPatch(c, file, existing.type, &fields); e.isError())
        return e;
    auto job = Session::own(client(c).patchConnection(existing.id, fields));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    return printFresh(c, existing.id, u"patched"_s);
}

ApiError remove(CommandContext &c)
{
    cloudworks::CloudConnection existing;
    if (ApiError e = resolveConnection(c, c.args.positionals.at(0), &existing); e.isError())
        return e;
    auto job = Session::own(client(c).deleteConnection(existing.id));
    if (ApiError e = c.session.wait(job); e.isError()) {
        if (e.httpStatus == 409)
            e.hint = tr("Integrations still use this connection; delete or change them first "
                        "('anadesk-cli cw integrations').");
        return e;
    }
    c.session.out().scalar(tr("Deleted connection '%1' (%2)").arg(existing.name, existing.id),
                           {{u"id"_s, existing.id}, {u"name"_s, existing.name}, {u"deleted"_s, true}});
    return {};
}

} // namespace

QList<Command> connectionCommands()
{
    const QString connectionArg = tr("CONNECTION is the connection's id or name.");
    const QString secrets = tr(
        "The secret (S3 secretAccessKey, Azure sasToken or — with \"authMethod\": \"OAuth2\" — clientSecret, "
        "BigQuery serviceAccountKey) comes from exactly one place: the --from file, --secret-file PATH (the "
        "file's content; for BigQuery the key file Google created), or the environment variable "
        "ANADESK_CW_SECRET (read only when neither of the others has it). Never from the command line.");
    const QString format = tr(
        "The --from file (JSON; - reads standard input), one of:\n"
        "  {\"type\": \"AmazonS3\", \"name\": \"…\", \"bucketName\": \"…\", \"accessKeyId\": \"…\"}\n"
        "  {\"type\": \"AzureBlob\", \"name\": \"…\", \"storageAccountName\": \"…\", \"containerName\": "
        "\"…\"}\n"
        "  {\"type\": \"GoogleBigQuery\", \"name\": \"…\", \"dataset\": \"…\"}\n"
        "optionally with \"workspaceId\" (restricted integration users), \"roleArn\" (S3), \"authMethod\": "
        "\"OAuth2\" with \"clientId\" and \"tenantId\" (Azure). The wire shape {\"type\", \"body\": {…}} is "
        "accepted too.");
    const OptionSpec secretFile{
        u"secret-file"_s, {}, u"PATH"_s, tr("Read the connection's secret from this file.")};

    Command listCommand =
        makeCommand(section(), "connections", "", tr("List CloudWorks connections."), 0, 0, list);

    Command createCommand =
        makeCommand(section(), "connection-create", "--from PATH [--secret-file PATH]",
                    tr("Create a connection to Amazon S3, Azure Blob or Google BigQuery."), 0, 0, create);
    createCommand.details = format + u"\n\n"_s + secrets;
    createCommand.options = {cloud::fromOption(tr("The connection as JSON.")), secretFile};

    Command updateCommand =
        makeCommand(section(), "connection-update", "CONNECTION --from PATH [--secret-file PATH]",
                    tr("Replace a connection's details and credentials (PUT)."), 1, 1, update);
    updateCommand.details = connectionArg + u"\n\n"_s + format + u" "_s +
                            tr("\"type\" may be left out (it cannot change).") + u"\n\n"_s + secrets;
    updateCommand.options = createCommand.options;

    Command patchCommand =
        makeCommand(section(), "connection-patch", "CONNECTION [--from PATH] [--secret-file PATH]",
                    tr("Change some fields of a connection (PATCH)."), 1, 1, patch);
    patchCommand.details = connectionArg + u"\n\n"_s +
                           tr("--from gives the fields to change, e.g. {\"name\": \"New name\"}; "
                              "--secret-file adds a new secret "
                              "under the key of the connection's type. ANADESK_CW_SECRET is not read here.");
    patchCommand.options = {cloud::fromOption(tr("The fields to change as JSON.")), secretFile};

    Command deleteCommand =
        makeCommand(section(), "connection-delete", "CONNECTION", tr("Delete a connection."), 1, 1, remove);
    deleteCommand.details =
        connectionArg + u" "_s +
        tr("A connection that integrations use cannot be deleted (exit 6, with the reason).");

    return {listCommand, createCommand, updateCommand, patchCommand, deleteCommand};
}

} // namespace anadesk::cli::cw
