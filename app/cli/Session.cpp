#include "Session.h"

#include "BulkApi.h"
#include "Credentials.h"
#include "InterruptWatcher.h"
#include "SecretSources.h"
#include "api/ModelJobs.h"
#include "api/NameResolver.h"
#include "auth/SecretBytes.h"
#include "tasks/TaskRunnerOptions.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QRegularExpression>
#include <cstdlib>

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::Session", text);
}

QString listingCommandsFor(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Workspace:
        return QStringLiteral("anadesk-cli workspaces");
    case ObjectKind::Model:
        return QStringLiteral("anadesk-cli models");
    case ObjectKind::File:
        return QStringLiteral("anadesk-cli files");
    case ObjectKind::Import:
        return QStringLiteral("anadesk-cli imports");
    case ObjectKind::Export:
        return QStringLiteral("anadesk-cli exports");
    case ObjectKind::Process:
        return QStringLiteral("anadesk-cli processes");
    case ObjectKind::Action:
        return QStringLiteral("anadesk-cli actions");
    case ObjectKind::Runnable:
        return QStringLiteral("anadesk-cli imports | exports | processes | actions");
    }
    return QString();
}

bool looksLikeHexId(const QString &text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9A-Fa-f]{32}$"));
    return hex.match(text).hasMatch();
}

} // namespace

Session::Session(const GlobalOptions &options, QByteArray commandLineToken, Output &output)
    : m_options(options)
    , m_commandLineToken(std::move(commandLineToken))
    , m_output(output)
{}

Session::~Session()
{
    delete m_connection.data();
    wipe(m_commandLineToken);
}

ApiError Session::connect()
{
    if (m_connection)
        return {};
    Endpoints endpoints;
    QString error;
    if (!endpointsFor(m_options, &endpoints, &error)) {
        ApiError e;
        e.category = ErrorCategory::BadInput;
        e.message = error;
        return e;
    }
    SecretChain secrets;
    std::shared_ptr<Authenticator> authenticator;
    if (ApiError e = makeAuthenticator(m_options, m_commandLineToken, secrets, &authenticator); e.isError())
        return e;
    wipe(m_commandLineToken);

    ClientOptions client = m_options.client;
    m_connection = new Connection(endpoints, client, std::move(authenticator));
    installSignalHandling(); // after any password prompt, which handles Ctrl-C itself
    return {};
}

Connection *Session::connection() const
{
    return m_connection.data();
}

BulkClient Session::client() const
{
    return BulkClient(m_connection, ModelRef{m_workspaceId, m_modelId});
}

ApiError Session::waitForJob(Job *job)
{
    job->setAutoDelete(false);
    if (!job->isFinished()) {
        QEventLoop loop;
        QObject::connect(job, &Job::finished, &loop, &QEventLoop::quit);
        if (!job->isStarted())
            job->start();
        loop.exec();
    }
    return job->error();
}

ApiError Session::requireWorkspace(bool required)
{
    if (m_workspaceResolved)
        return {};
    if (m_options.workspace.isEmpty()) {
        if (!required)
            return {};
        ApiError e;
        e.category = ErrorCategory::BadInput;
        e.message = tr("This command needs a workspace");
        e.hint = tr("Pass --workspace ID|NAME (list them with 'anadesk-cli workspaces').");
        return e;
    }
    auto job = own(client().resolve(ObjectKind::Workspace, m_options.workspace));
    if (ApiError e = wait(job); e.isError())
        return e;
    m_workspaceId = job->id();
    m_workspaceName = job->name();
    m_workspaceResolved = true;
    return {};
}

ApiError Session::requireModel()
{
    if (m_modelResolved)
        return {};
    if (m_options.model.isEmpty()) {
        ApiError e;
        e.category = ErrorCategory::BadInput;
        e.message = tr("This command needs a model");
        e.hint = tr("Pass --model ID|NAME (list them with 'anadesk-cli models').");
        return e;
    }
    if (ApiError e = requireWorkspace(false); e.isError())
        return e;

    const QString wanted = m_options.model.trimmed();
    if (!looksLikeHexId(wanted))
        return resolveModelByName(wanted);

    if (m_workspaceId.isEmpty()) {
        // An id without its workspace: the model itself says where it lives.
        auto job = own(client().getModel(wanted));
        if (ApiError e = wait(job); e.isError())
            return e;
        m_workspaceId = job->model().workspaceId;
        m_workspaceName = job->model().workspaceName;
        m_modelName = job->model().name;
        if (m_workspaceId.isEmpty()) {
            ApiError e;
            e.category = ErrorCategory::Protocol;
            e.message = tr("The server did not say which workspace model %1 belongs to").arg(wanted);
            e.hint = tr("Pass --workspace ID as well.");
            return e;
        }
    }
    m_modelId = wanted;
    m_modelResolved = true;
    return {};
}

ApiError Session::resolveModelByName(const QString &wanted)
{
    // Listing keeps each model's workspace, which a bare name lookup would lose.
    const WorkspaceFilter filter =
        m_workspaceId.isEmpty() ? WorkspaceFilter::all() : WorkspaceFilter::of(m_workspaceId);
    auto job = own(client().getModels({}, filter));
    if (ApiError e = wait(job); e.isError())
        return e;
    const QList<Model> models = job->models();
    QList<NamedObject> named;
    for (const Model &m : models)
        named.append({m.id, m.name, tr("model")});
    const Resolution resolution = resolveByIdOrName(named, wanted, tr("model"));
    if (!resolution.isOk()) {
        ApiError e = resolution.error;
        if (m_workspaceId.isEmpty() && e.category == ErrorCategory::BadInput)
            e.hint = tr("Use the model's id, or narrow the search with --workspace.");
        if (!m_workspaceId.isEmpty())
            e.object = workspaceLabel(m_workspaceId);
        return e;
    }
    for (const Model &m : models)
        if (m.id == resolution.object.id) {
            m_modelId = m.id;
            m_modelName = m.name;
            if (m_workspaceId.isEmpty()) {
                m_workspaceId = m.workspaceId;
                m_workspaceName = m.workspaceName;
            }
            break;
        }
    m_modelResolved = true;
    return {};
}

ApiError Session::resolve(ObjectKind kind, const QString &idOrName, NamedObject *out)
{
    if (kind != ObjectKind::Workspace && kind != ObjectKind::Model)
        if (ApiError e = requireModel(); e.isError())
            return e;
    auto job = own(client().resolve(kind, idOrName));
    if (ApiError e = wait(job); e.isError()) {
        if (e.category == ErrorCategory::NotFound && job->listed() &&
            e.hint.startsWith(QLatin1String("List ")))
            e.hint = tr("See the ids and names with: %1.").arg(listingCommandsFor(kind));
        if (e.object.isEmpty() && kind != ObjectKind::Workspace)
            e.object = modelLabel(m_modelId);
        return e;
    }
    *out = job->object();
    return {};
}

TaskRunnerOptions Session::taskOptions(bool waitForCompletion) const
{
    TaskRunnerOptions options;
    options.waitForCompletion = waitForCompletion;
    options.pollDelayMs = m_options.client.statusPollDelayMs;
    return options;
}

void Session::setInterruptHandler(std::function<void()> handler)
{
    m_interruptHandler = std::move(handler);
    m_interrupts = 0;
}

void Session::installSignalHandling()
{
    new InterruptWatcher([this] { onInterrupt(); }, m_connection);
}

void Session::onInterrupt()
{
    ++m_interrupts;
    if (m_interrupts == 1 && m_interruptHandler) {
        m_interruptHandler();
        return;
    }
    m_output.info(tr("anadesk-cli: interrupted"));
    std::fflush(stdout);
    std::_Exit(130); // the conventional 128 + SIGINT
}

} // namespace anadesk::cli
