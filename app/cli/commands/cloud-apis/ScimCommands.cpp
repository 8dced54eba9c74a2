// The 'scim' command group: Anaplan's SCIM API (/scim/1/0/v2, User Admin role) — discovery documents,
// users listed with the full filter language (every page read by core), and add / replace / patch
// with inputs from a JSON file.
#include "../../BulkApi.h"
#include "../../Command.h"
#include "../../CommandHelpers.h"
#include "../../Session.h"
#include "CloudCli.h"
#include "CloudJsonViews.h"
#include "ScimInput.h"
#include "scim/ScimClient.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::ScimCommands", text);
}

ScimClient scimOf(CommandContext &c)
{
    return c.session.connection()->scim();
}

QString inputPath(const CommandContext &c)
{
    return c.args.value(u"from"_s);
}

// USER is a SCIM id (32 hex characters) or a user name (the e-mail), found with a filter.
ApiError resolveUser(CommandContext &c, const QString &idOrUserName, QString *id)
{
    const QString wanted = idOrUserName.trimmed();
    if (cloud::looksLikeHexId(wanted)) {
        *id = wanted;
        return {};
    }
    if (!wanted.contains(QLatin1Char('@')))
        return usage(tr("'%1' is neither a user id nor a user name").arg(wanted),
                     tr("Give the user's id (32 hex characters) or user name (e-mail address); find them "
                        "with 'anadesk-cli scim users --filter 'userName eq \"…\"''."));
    auto job = Session::own(scimOf(c).getUsers(scim::field(scim::Attribute::UserName).eq(wanted)));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    if (job->users().isEmpty()) {
        ApiError e;
        e.category = ErrorCategory::NotFound;
        e.message = tr("No SCIM user has the user name '%1'").arg(wanted);
        e.hint = tr("Check the spelling; visiting users (of other tenants) are not visible through SCIM.");
        return e;
    }
    *id = job->users().first().id;
    return {};
}

// Workspaces given on the command line by id or name (ids without a request).
ApiError resolveWorkspaces(CommandContext &c, const QString &list, QStringList *ids)
{
    const QStringList wanted = cloud::splitList(list);
    if (wanted.isEmpty())
        return usage(tr("The list of workspaces is empty"),
                     tr("Give workspace ids or names, separated by commas."));
    for (const QString &w : wanted) {
        if (cloud::looksLikeHexId(w)) {
            ids->append(w);
            continue;
        }
        NamedObject object;
        if (ApiError e = c.session.resolve(ObjectKind::Workspace, w, &object); e.isError())
            return e;
        ids->append(object.id);
    }
    return {};
}

const QList<Column> &userColumns()
{
    static const QList<Column> columns{{tr("ID"), u"id"_s},
                                       {tr("USER NAME"), u"userName"_s},
                                       {tr("NAME"), u"name"_s},
                                       {tr("ACTIVE"), u"active"_s},
                                       {tr("EXTERNAL ID"), u"externalId"_s},
                                       {tr("WORKSPACES"), u"workspaceCount"_s, true}};
    return columns;
}

QJsonObject userJson(const scim::User &user)
{
    QJsonObject o = cloudjson::toJson(user);
    o.insert(u"workspaceCount"_s, int(user.workspaceIds().size()));
    return o;
}

void printUser(CommandContext &c, const QJsonObject &user)
{
    c.session.out().object(user, {{u"id"_s, tr("Id")},
                                  {u"userName"_s, tr("User name")},
                                  {u"name"_s, tr("Name")},
                                  {u"externalId"_s, tr("External id")},
                                  {u"active"_s, tr("Active")},
                                  {u"workspaceIds"_s, tr("Workspaces")},
                                  {u"created"_s, tr("Created")},
                                  {u"lastModified"_s, tr("Last modified")}});
}

ApiError config(CommandContext &c)
{
    auto job = Session::own(scimOf(c).getServiceProviderConfig());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QJsonObject o = cloudjson::toJson(job->config());
    if (!c.session.out().isJson()) {
        QStringList schemes;
        for (const scim::AuthenticationScheme &s : job->config().authenticationSchemes)
            schemes.append(s.name.isEmpty() ? s.type : s.name);
        o.insert(u"schemeNames"_s, QJsonArray::fromStringList(schemes));
    }
    c.session.out().object(o, {{u"documentationUri"_s, tr("Documentation")},
                               {u"patchSupported"_s, tr("PATCH supported")},
                               {u"filterSupported"_s, tr("Filter supported")},
                               {u"filterMaxResults"_s, tr("Largest page (count)")},
                               {u"sortSupported"_s, tr("Sort supported")},
                               {u"etagSupported"_s, tr("ETag supported")},
                               {u"bulkSupported"_s, tr("Bulk supported")},
                               {u"changePasswordSupported"_s, tr("Change password supported")},
                               {u"schemeNames"_s, tr("Authentication")}});
    return {};
}

ApiError resourceTypes(CommandContext &c)
{
    auto job = Session::own(scimOf(c).getResourceTypes());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(cloudjson::array(job->resourceTypes()), {{tr("ID"), u"id"_s},
                                                                  {tr("NAME"), u"name"_s},
                                                                  {tr("ENDPOINT"), u"endpoint"_s},
                                                                  {tr("SCHEMA"), u"schema"_s}});
    return {};
}

ApiError schemas(CommandContext &c)
{
    auto job = Session::own(scimOf(c).getResourceSchemas());
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    c.session.out().list(cloudjson::array(job->schemas()), {{tr("ID"), u"id"_s},
                                                            {tr("NAME"), u"name"_s},
                                                            {tr("ATTRIBUTES"), u"attributeCount"_s, true},
                                                            {tr("DESCRIPTION"), u"description"_s}});
    return {};
}

ApiError users(CommandContext &c)
{
    int pageSize = scim::kMaxPageSize;
    if (c.args.isSet(u"page-size"_s))
        if (ApiError e = cloud::intOption(c, u"page-size"_s, 1, scim::kMaxPageSize, &pageSize); e.isError())
            return e;
    // The filter text goes to the server as it is: it knows the whole language and says what is wrong.
    const scim::Filter filter = scim::Filter::raw(c.args.value(u"filter"_s));
    auto job = Session::own(scimOf(c).getUsers(filter, pageSize));
    ProgressLine line(c.session.out());
    if (line.isEnabled())
        QObject::connect(job.get(), &scim::ListUsersJob::progress, job.get(), [&line](int done, int count) {
            line.update(tr("Reading SCIM users: page %1 of %2").arg(done).arg(count));
        });
    ApiError error = c.session.wait(job);
    line.finish();
    if (error.isError()) {
        if (error.category == ErrorCategory::BadInput && !filter.isEmpty() && error.hint.isEmpty())
            error.hint =
                tr("Anaplan filters on id, externalId, userName, name.familyName, name.givenName and "
                   "active with eq ne gt ge lt le pr, and/or and parentheses (no co, sw, ew or not).");
        return error;
    }
    QJsonArray list;
    for (const scim::User &u : job->users())
        list.append(userJson(u));
    c.session.out().list(list, userColumns());
    return {};
}

ApiError user(CommandContext &c)
{
    QString id;
    if (ApiError e = resolveUser(c, c.args.positionals.at(0), &id); e.isError())
        return e;
    auto job = Session::own(scimOf(c).getUser(id));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    printUser(c, userJson(job->user()));
    return {};
}

ApiError add(CommandContext &c)
{
    QJsonObject object;
    if (ApiError e = cloud::requireFromObject(c, tr("the SCIM user"), &object); e.isError())
        return e;
    scim::UserInput input;
    if (ApiError e = cloud::scimUserFromJson(object, inputPath(c), &input); e.isError())
        return e;
    auto job = Session::own(scimOf(c).addUser(input));
    if (ApiError e = c.session.wait(job); e.isError()) {
        if (e.httpStatus == 409)
            e.hint = tr("A user with this user name exists already; change it with 'anadesk-cli scim replace "
                        "%1' or 'scim patch'.")
                         .arg(input.userName);
        return e;
    }
    printUser(c, userJson(job->user()));
    return {};
}

ApiError replace(CommandContext &c)
{
    QString id;
    if (ApiError e = resolveUser(c, c.args.positionals.at(0), &id); e.isError())
        return e;
    QJsonObject object;
    if (ApiError e = cloud::requireFromObject(c, tr("the SCIM user"), &object); e.isError())
        return e;
    scim::UserInput input;
    if (ApiError e = cloud::scimUserFromJson(object, inputPath(c), &input); e.isError())
        return e;
    const bool clear = c.args.isSet(u"clear-workspaces"_s);
    if (clear && input.entitlements.has_value())
        return usage(tr("--clear-workspaces contradicts the workspaces in the input file"),
                     tr("Remove workspaceIds/entitlements from the file, or drop --clear-workspaces."));
    // Core keeps the current workspaces unless told to clear them: a bare SCIM PUT would drop them all.
    auto job = Session::own(scimOf(c).replaceUser(
        id, input, clear ? scim::EntitlementPolicy::Clear : scim::EntitlementPolicy::KeepCurrent));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QJsonObject result = userJson(job->user());
    const QString workspaces = job->input().entitlements ? u"given"_s : (clear ? u"cleared"_s : u"kept"_s);
    result.insert(u"workspaces"_s, job->carriedOver() ? u"kept"_s : workspaces);
    result.insert(u"keptWorkspaceIds"_s, QJsonArray::fromStringList(job->carriedWorkspaceIds()));
    if (job->carriedOver())
        c.session.out().info(
            QCoreApplication::translate("anadesk::cli::ScimCommands",
                                        "The input names no workspaces, so the user's current "
                                        "%n workspace(s) were kept. Pass --clear-workspaces "
                                        "to remove them.",
                                        nullptr, int(job->carriedWorkspaceIds().size())));
    else if (clear)
        c.session.out().warning(tr("Removed every workspace of the user (--clear-workspaces)."));
    printUser(c, result);
    return {};
}

ApiError patch(CommandContext &c)
{
    QString id;
    if (ApiError e = resolveUser(c, c.args.positionals.at(0), &id); e.isError())
        return e;
    QList<scim::PatchOperation> operations;
    if (c.args.isSet(u"from"_s)) {
        QJsonValue value;
        if (ApiError e = cloud::readJsonInput(inputPath(c), tr("the PATCH operations"), &value); e.isError())
            return e;
        if (ApiError e = cloud::scimPatchFromJson(value, inputPath(c), &operations); e.isError())
            return e;
    }
    if (c.args.isSet(u"active"_s)) {
        const QString v = c.args.value(u"active"_s).trimmed().toLower();
        if (v != "true"_L1 && v != "false"_L1)
            return usage(tr("--active '%1' must be true or false").arg(c.args.value(u"active"_s)));
        operations.append(scim::PatchOperation::setActive(v == "true"_L1));
    }
    QStringList ids;
    if (c.args.isSet(u"set-workspaces"_s)) {
        if (ApiError e = resolveWorkspaces(c, c.args.value(u"set-workspaces"_s), &ids); e.isError())
            return e;
        operations.append(scim::PatchOperation::replaceWorkspaces(ids));
    }
    if (c.args.isSet(u"add-workspaces"_s)) {
        ids.clear();
        if (ApiError e = resolveWorkspaces(c, c.args.value(u"add-workspaces"_s), &ids); e.isError())
            return e;
        operations.append(scim::PatchOperation::addWorkspaces(ids));
    }
    if (c.args.isSet(u"remove-workspaces"_s)) {
        ids.clear();
        if (ApiError e = resolveWorkspaces(c, c.args.value(u"remove-workspaces"_s), &ids); e.isError())
            return e;
        for (const QString &w : ids)
            operations.append(scim::PatchOperation::removeWorkspace(w));
    }
    if (operations.isEmpty())
        return usage(
            tr("Nothing to change"),
            tr("Pass --from PATH (PatchOp operations) or --active, --set-workspaces, --add-workspaces, "
               "--remove-workspaces."));
    auto job = Session::own(scimOf(c).patchUser(id, operations));
    if (ApiError e = c.session.wait(job); e.isError())
        return e;
    QJsonObject result = userJson(job->user());
    result.insert(u"operations"_s, int(operations.size()));
    printUser(c, result);
    return {};
}

Command make(const char *name, const char *usageText, const char *summary, int minArgs, int maxArgs,
             ApiError (*runFunction)(CommandContext &))
{
    return commandEntry(u"scim "_s + QLatin1String(name), tr("SCIM (User Admin role)"),
                        QLatin1String(usageText), tr(summary), minArgs, maxArgs, runFunction);
}

} // namespace

QList<Command> scimCommands()
{
    const QString userArg = tr("USER is the user's id (32 hex characters) or user name (e-mail address).");
    const QString userFile =
        tr("The --from file (JSON; - reads standard input):\n"
           "  {\"userName\": \"ann.lee@example.com\", \"name\": {\"givenName\": \"Ann\", \"familyName\": "
           "\"Lee\"},\n"
           "   \"externalId\": \"EMP1\", \"active\": true, \"workspaceIds\": [\"<workspace id>\", …]}\n"
           "\"entitlements\": [{\"value\": \"<workspace id>\", \"type\": \"WORKSPACE\"}] may replace "
           "workspaceIds. "
           "The output of 'scim user --json' is accepted too (its read-only fields are ignored); any other "
           "field is "
           "refused.");

    Command configCommand = make("config", "", "Show the SCIM service provider configuration.", 0, 0, config);
    Command typesCommand = make("resource-types", "", "List the SCIM resource types.", 0, 0, resourceTypes);
    Command schemasCommand =
        make("schemas", "", "List the SCIM schemas (JSON: with every attribute).", 0, 0, schemas);

    Command usersCommand = make("users", "[--filter EXPR] [--page-size N]",
                                "List users (every page), optionally filtered.", 0, 0, users);
    usersCommand.details = tr(
        "--filter takes Anaplan's SCIM filter language as it is, e.g.\n"
        "  'active eq false'\n"
        "  'userName eq \"ann.lee@example.com\"'\n"
        "  '(name.familyName eq \"Lee\" or name.familyName eq \"Li\") and active eq true'\n"
        "  'externalId pr'\n"
        "Attributes: id, externalId, userName, name.familyName, name.givenName, active. Operators: eq ne gt "
        "ge "
        "lt le pr, and, or, parentheses. Every page is read (1-based startIndex, --page-size users each, at "
        "most 100), so the list is complete; visiting users are not visible through SCIM.");
    usersCommand.options = {
        {u"filter"_s, {}, u"EXPR"_s, tr("A SCIM filter expression (quote it for the shell).")},
        {u"page-size"_s, {}, u"N"_s, tr("Users per request, 1 to 100 (default 100).")}};

    Command userCommand = make("user", "USER", "Show one user.", 1, 1, user);
    userCommand.details = userArg;

    Command addCommand = make("add", "--from PATH", "Create a user from a JSON file.", 0, 0, add);
    addCommand.details = userFile;
    addCommand.options = {cloud::fromOption(tr("The user as JSON (a file, or - for standard input)."))};

    Command replaceCommand =
        make("replace", "USER --from PATH [--clear-workspaces]",
             "Replace a user (PUT) from a JSON file, keeping its workspaces.", 1, 1, replace);
    replaceCommand.details =
        userArg + u"\n\n"_s + userFile + u"\n\n"_s +
        tr("A SCIM replace clears every attribute it does not carry; on Anaplan that would silently remove "
           "all of "
           "the user's workspace access. So when the file names no workspaces, the user's current workspaces "
           "are "
           "read first and sent with the replacement (a note on stderr lists how many; JSON: \"workspaces\": "
           "\"kept\" and keptWorkspaceIds). Only --clear-workspaces removes them all. A missing externalId "
           "is "
           "cleared, as Anaplan does; userName cannot change.");
    replaceCommand.options = {
        cloud::fromOption(tr("The user as JSON (a file, or - for standard input).")),
        {u"clear-workspaces"_s, {}, {}, tr("Remove every workspace when the file names none.")}};

    Command patchCommand =
        make("patch", "USER [--from PATH] [--active true|false] [--add-workspaces LIST] ...",
             "Change parts of a user (PATCH), all operations or none.", 1, 1, patch);
    patchCommand.details =
        userArg + u"\n\n"_s +
        tr("--from reads SCIM PatchOp operations: {\"Operations\": [{\"op\": \"replace\", \"path\": "
           "\"active\", "
           "\"value\": false}, {\"op\": \"remove\", \"path\": \"entitlements[value eq \\\"<id>\\\"]\"}]} (or "
           "just "
           "the list). The options add operations after those of the file; workspaces are ids or names, "
           "separated by commas. Anaplan applies all operations or none.");
    patchCommand.options = {
        cloud::fromOption(tr("PatchOp operations as JSON (a file, or - for standard input).")),
        {u"active"_s, {}, u"true|false"_s, tr("Activate or deactivate the user.")},
        {u"set-workspaces"_s, {}, u"LIST"_s, tr("Give access to exactly these workspaces.")},
        {u"add-workspaces"_s, {}, u"LIST"_s, tr("Give access to these workspaces as well.")},
        {u"remove-workspaces"_s, {}, u"LIST"_s, tr("Remove access to these workspaces.")}};

    return {configCommand, typesCommand, schemasCommand, usersCommand,
            userCommand,   addCommand,   replaceCommand, patchCommand};
}

} // namespace anadesk::cli
