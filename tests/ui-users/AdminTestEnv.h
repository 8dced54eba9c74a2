#pragma once
// The real main window (ALM tab and Users dock mounted by the shell), connected by "Try the sandbox" to a
// fresh anadesk-sandbox child, with scripted dialogs — plus HttpProbe, signed in as the demo user, to read
// the sandbox's state on the wire independently of the UI. Shared by tests/ui-users and tests/ui-alm.
#include "HttpProbe.h"
#include "SandboxProcess.h"
#include "common/ScriptedFileDialogs.h"
#include "common/ScriptedMessageBoxes.h"
#include "credentials/MemoryCredentialStore.h"
#include "profiles/ProfileStore.h"
#include "shell/MainWindow.h"
#include "shell/SandboxLauncher.h"
#include "shell/SessionController.h"
#include "shell/ShellServices.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <cstdio>
#include <memory>
#include <vector>

namespace admintest {

using namespace anadesk;

inline const QString kDemoWorkspace = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c01");
inline const QString kDevModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10");  // Sales Planning Demo
inline const QString kProdModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A11"); // its PRODUCTION copy
inline const QString kRelease10 = QStringLiteral("4A1C7E2B9D3F48A6B5C0E1F2A3B4C501");
inline const QString kRelease11 = QStringLiteral("4A1C7E2B9D3F48A6B5C0E1F2A3B4C502");
constexpr int kWaitMs = 60'000;

inline void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

struct AdminEnv
{
    QTemporaryDir dir;
    MemoryCredentialStore keychain;
    MemoryCredentialStore session;
    std::unique_ptr<ProfileStore> profiles;
    ScriptedMessageBoxes messages;
    ScriptedFileDialogs files;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<test::HttpProbe> probe;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;

    ~AdminEnv()
    {
        testers.clear();
        if (window)
            window->close(); // stops the sandbox child
        window.reset();
    }

    void addTester(QAbstractItemModel *model)
    {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::Fatal));
    }

    // Starts the window and the sandbox (tasks of taskDurationMs); returns an error text, empty on success.
    QString start(int taskDurationMs = 600)
    {
        if (!dir.isValid())
            return QStringLiteral("no temporary directory");
        const QString settingsFile = dir.filePath(QStringLiteral("Anadesk.ini"));
        {
            QSettings settings(settingsFile, QSettings::IniFormat);
            settings.setValue(QStringLiteral("client/statusPollDelayMs"), 250);
        }
        profiles = std::make_unique<ProfileStore>(&keychain, settingsFile);
        ShellServices services;
        services.profiles = profiles.get();
        services.sessionSecrets = &session;
        services.messages = &messages;
        services.files = &files;
        services.settingsFile = settingsFile;
        services.sandboxBinary = test::SandboxProcess::binaryPath();
        services.sandboxArguments = {QStringLiteral("--task-duration"), QString::number(taskDurationMs)};
        window = std::make_unique<MainWindow>(services);
        window->show();
        window->resize(1400, 1000);
        if (!QTest::qWaitForWindowExposed(window.get()))
            return QStringLiteral("window not exposed");
        window->trySandbox();
        if (!QTest::qWaitFor(
                [this] {
                    const ConnectionState state = window->session()->state();
                    return state == ConnectionState::Connected || state == ConnectionState::Failed;
                },
                kWaitMs))
            return QStringLiteral("no connection within the deadline");
        if (window->session()->state() != ConnectionState::Connected)
            return QStringLiteral("connection failed: ") + window->session()->detail();
        probe = std::make_unique<test::HttpProbe>(window->sandbox()->url());
        const test::ProbeReply login =
            probe->loginBasic(test::SandboxProcess::demoUser(), test::SandboxProcess::demoPassword());
        if (login.status != 201 && login.status != 200)
            return QStringLiteral("probe login failed: %1").arg(login.status);
        return {};
    }

    // The sandbox's request log (admin API, no token).
    QJsonArray requestLog() const
    {
        test::HttpProbe admin(window->sandbox()->url());
        return admin.get(QStringLiteral("/__sandbox/requests"))
            .json()
            .value(QStringLiteral("requests"))
            .toArray();
    }
    void clearRequestLog() const
    {
        test::HttpProbe admin(window->sandbox()->url());
        admin.request("DELETE", QStringLiteral("/__sandbox/requests"));
    }
    // Requests with this method whose path starts with prefix (and whose query contains queryPart).
    QList<QJsonObject> requests(const QByteArray &method, const QString &prefix,
                                const QString &queryPart = {}) const
    {
        QList<QJsonObject> found;
        for (const QJsonValue &value : requestLog()) {
            const QJsonObject request = value.toObject();
            if (request.value(QStringLiteral("method")).toString() == QLatin1String(method) &&
                request.value(QStringLiteral("path")).toString().startsWith(prefix) &&
                request.value(QStringLiteral("query")).toString().contains(queryPart))
                found.append(request);
        }
        return found;
    }
    int addFault(const QJsonObject &rule) const
    {
        test::HttpProbe admin(window->sandbox()->url());
        return admin.postJson(QStringLiteral("/__sandbox/faults"), rule).status;
    }
    void clearFaults() const
    {
        test::HttpProbe admin(window->sandbox()->url());
        admin.request("DELETE", QStringLiteral("/__sandbox/faults"));
    }
};

} // namespace admintest
