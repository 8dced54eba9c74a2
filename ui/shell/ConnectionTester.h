#pragma once
// "Test connection": checks a profile step by step and says exactly which step failed and why:
//   1. settings      — the profile is complete and the hosts resolve to URLs;
//   2. reach         — DNS and a TCP connection to each host (through the configured proxy);
//   3. tls           — a verified TLS handshake (https only; plain http is reported as such);
//   4. sign-in       — the authenticator signs in (rejected credentials are reported as such);
//   5. access        — the user may list workspaces and models (a 403 means a missing role).
// Every step has a timeout; nothing blocks. The connection made for the test is discarded afterwards.
#include "ClientSettings.h"
#include "ProfileSecrets.h"
#include "net/ApiError.h"
#include "profiles/ConnectionProfile.h"

#include <QAbstractSocket>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;

namespace anadesk {

class Connection;

class ConnectionTester : public QObject
{
    Q_OBJECT

public:
    enum class Step
    {
        Settings,
        Reach,
        Tls,
        SignIn,
        Access
    };
    Q_ENUM(Step)
    enum class Outcome
    {
        Passed,
        Warning, // usable, but something the user should know (no workspaces, plain http)
        Skipped,
        Failed
    };
    Q_ENUM(Outcome)
    // What failed, for code and tests; None when every step passed.
    enum class Failure
    {
        None,
        InvalidSettings,
        HostUnreachable,
        Tls,
        Credentials,
        MissingRole,
        Timeout,
        Other
    };
    Q_ENUM(Failure)

    struct StepResult
    {
        Step step = Step::Settings;
        Outcome outcome = Outcome::Passed;
        QString message; // translated, one sentence
        QString hint;    // what to do; empty when passed
    };
    struct Result
    {
        Failure failure = Failure::None;
        QList<StepResult> steps;
        QString summary; // one translated sentence: "Connection works" or what failed
        bool ok() const { return failure == Failure::None; }
    };

    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    // Starts the test; finished() follows. A running test is aborted first.
    void start(const ConnectionProfile &profile, const ProfileSecrets &secrets, const ClientSettings &settings);
    void abort();
    bool isRunning() const { return m_running; }
    const Result &result() const { return m_result; }

    static QString stepTitle(Step step);

Q_SIGNALS:
    void stepStarted(anadesk::ConnectionTester::Step step);
    void stepFinished(const anadesk::ConnectionTester::StepResult &result);
    void finished(const anadesk::ConnectionTester::Result &result);

private:
    void runSettings();
    void runReach();
    void reachNextHost();
    void runTls();
    void runSignIn();
    void runAccess();
    void pass(Step step, const QString &message, Outcome outcome = Outcome::Passed);
    void fail(Step step, Failure failure, const QString &message, const QString &hint);
    void failWithApiError(Step step, const ApiError &error);
    void done();
    void cleanup();
    void armTimeout(int milliseconds, std::function<void()> onTimeout);
    QNetworkProxy proxyFor(const QUrl &url) const;

    ConnectionProfile m_profile;
    ProfileSecrets m_secrets;
    ClientSettings m_settings;
    ClientOptions m_options;
    Result m_result;
    QList<QUrl> m_hosts; // distinct scheme://host:port to reach
    int m_hostIndex = 0;
    QPointer<QTcpSocket> m_socket;
    QPointer<Connection> m_connection;
    QTimer m_timeout;
    std::function<void()> m_onTimeout;
    bool m_running = false;
    int m_generation = 0;
};

} // namespace anadesk

Q_DECLARE_METATYPE(anadesk::ConnectionTester::StepResult)
Q_DECLARE_METATYPE(anadesk::ConnectionTester::Result)
