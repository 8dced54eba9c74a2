#pragma once
// The real main window with the transfer features installed, connected by "Try the sandbox" to a fresh
// anadesk-sandbox child process, browsing the demo model — plus the test's own signed-in Connection to the
// same sandbox (to fetch files back and read task states independently of the UI), and helpers to drop
// files, activate rows and hash files.
#include "BulkClient.h"
#include "Connection.h"
#include "HttpProbe.h"
#include "LoopWatch.h"
#include "SandboxProcess.h"
#include "api/JobWait.h"
#include "auth/BasicAuthenticator.h"
#include "browser/ModelBrowser.h"
#include "browser/ObjectTab.h"
#include "browser/ObjectTableModel.h"
#include "common/ScriptedFileDialogs.h"
#include "common/ScriptedMessageBoxes.h"
#include "credentials/MemoryCredentialStore.h"
#include "profiles/ProfileStore.h"
#include "shell/MainWindow.h"
#include "shell/SandboxLauncher.h"
#include "shell/SessionController.h"
#include "shell/ShellServices.h"
#include "transfers/TaskMonitor.h"
#include "transfers/TaskMonitorModel.h"
#include "transfers/TaskTracker.h"
#include "transfers/TransfersController.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCryptographicHash>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QMimeData>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdio>
#include <memory>
#include <vector>

namespace transferstest {

using anadesk::test::LoopWatch;

using namespace anadesk;

inline const QString kDemoWorkspace = QStringLiteral("8a868cfd7c2a4c1e9d3b5f6a7e8d9c01");
inline const QString kDemoModel = QStringLiteral("75A40874E6B64FA3AE0743278B9E3A10");
inline const QString kSalesFile = QStringLiteral("113000000001");
inline const QString kSalesImport = QStringLiteral("112000000001");
inline const QString kSalesExport = QStringLiteral("116000000000");
constexpr int kWaitMs = 60'000;

inline void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

// With ANADESK_TEST_SCREENSHOTS=<dir> set, saves a picture of `widget` there (for looking at the UI of a
// run).
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("ANADESK_TEST_SCREENSHOTS");
    if (!dir.isEmpty() && widget)
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

inline QString sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

inline QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

struct TransfersEnv
{
    QTemporaryDir dir;
    MemoryCredentialStore keychain;
    MemoryCredentialStore session;
    std::unique_ptr<ProfileStore> profiles;
    ScriptedMessageBoxes messages;
    ScriptedFileDialogs files;
    std::unique_ptr<MainWindow> window;
    TransfersController *controller = nullptr;
    ModelBrowser *browser = nullptr;
    std::unique_ptr<Connection> probe;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;

    ~TransfersEnv()
    {
        testers.clear();
        if (window)
            window->close(); // stops the sandbox child
        window.reset();
    }

    QString settingsFile() const { return dir.filePath(QStringLiteral("Anadesk.ini")); }
    TaskMonitor *monitor() const { return controller->monitor(); }
    TaskMonitorModel *monitorModel() const { return controller->tracker()->model(); }
    QUrl sandboxUrl() const { return window->sandbox()->url(); }
    BulkClient probeClient() const { return BulkClient(probe.get(), ModelRef{kDemoWorkspace, kDemoModel}); }

    void addTester(QAbstractItemModel *model)
    {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::Fatal));
    }

    // Starts everything; returns an error text, empty on success.
    QString start(int taskDurationMs)
    {
        if (!dir.isValid())
            return QStringLiteral("no temporary directory");
        {
            QSettings settings(settingsFile(), QSettings::IniFormat);
            settings.setValue(QStringLiteral("client/statusPollDelayMs"),
                              250); // the smallest the settings allow
        }
        profiles = std::make_unique<ProfileStore>(&keychain, settingsFile());
        ShellServices services;
        services.profiles = profiles.get();
        services.sessionSecrets = &session;
        services.messages = &messages;
        services.files = &files;
        services.settingsFile = settingsFile();
        services.sandboxBinary = test::SandboxProcess::binaryPath();
        services.sandboxArguments = {QStringLiteral("--task-duration"), QString::number(taskDurationMs)};
        window = std::make_unique<MainWindow>(services);
        controller = installTransfers(window.get(), services);
        addTester(monitorModel());
        window->show();
        window->resize(1400, 1000); // room below the Files table's rows for a drop on "no row"
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
        browser = qobject_cast<ModelBrowser *>(window->browserWidget());
        if (!browser)
            return QStringLiteral("no model browser");
        if (controller->browser() != browser)
            return QStringLiteral("the transfers are not attached to the browser");
        browser->selectModel(kDemoWorkspace, kDemoModel);
        const bool loaded = QTest::qWaitFor(
            [this] {
                if (browser->currentModel().modelId != kDemoModel)
                    return false;
                for (ObjectKind kind : {ObjectKind::File, ObjectKind::Import, ObjectKind::Export}) {
                    ObjectTab *objectTab = tab(kind);
                    if (!objectTab || objectTab->isLoading() || !objectTab->hasLoaded())
                        return false;
                }
                return true;
            },
            kWaitMs);
        if (!loaded)
            return QStringLiteral("the demo model's tabs did not load");

        ClientOptions options;
        options.statusPollDelayMs = 250;
        probe = std::make_unique<Connection>(
            Endpoints::singleOrigin(sandboxUrl()), options,
            std::make_shared<BasicAuthenticator>(test::SandboxProcess::demoUser(),
                                                 test::SandboxProcess::demoPassword().toUtf8()));
        return {};
    }

    ObjectTab *tab(ObjectKind kind) const
    {
        return browser->findChild<ObjectTab *>(ObjectTab::stem(kind) + QStringLiteral("Tab"));
    }

    // The proxy index of an object's row (its tab shown, the row selected and current).
    QModelIndex showRow(ObjectKind kind, const QString &id) const
    {
        browser->showObject(kind, id);
        const int sourceRow = browser->objectModel(kind)->rowOf(id);
        if (sourceRow < 0)
            return {};
        const QModelIndex index =
            browser->objectProxy(kind)->mapFromSource(browser->objectModel(kind)->index(sourceRow, 0));
        QTableView *view = browser->tableView(kind);
        view->setCurrentIndex(index);
        view->scrollTo(index);
        return index;
    }

    // Gives the keyboard focus to `widget` in the (activated) main window, so shortcuts reach it.
    bool focus(QWidget *widget) const
    {
        QApplication::setActiveWindow(window.get());
        if (!QTest::qWaitForWindowActive(window.get()))
            return false;
        widget->setFocus(Qt::OtherFocusReason);
        return QApplication::focusWidget() == widget;
    }

    // Activates a row with the keyboard (Enter), as a user would.
    void activateRow(ObjectKind kind, const QString &id) const
    {
        const QModelIndex index = showRow(kind, id);
        QTableView *view = browser->tableView(kind);
        view->setFocus(Qt::OtherFocusReason);
        view->setCurrentIndex(index);
        QTest::keyClick(view, Qt::Key_Return);
    }

    // Simulates dragging local files over the Files table and dropping them at `position` (viewport
    // coordinates). Returns whether the drop was accepted.
    bool dropFiles(const QStringList &paths, const QPoint &position) const
    {
        QTableView *view = browser->tableView(ObjectKind::File);
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls.append(QUrl::fromLocalFile(path));
        mime.setUrls(urls);
        QDragEnterEvent enter(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &enter);
        if (!enter.isAccepted())
            return false;
        QDragMoveEvent move(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &move);
        QDropEvent drop(QPointF(position), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &drop);
        return drop.isAccepted();
    }

    QPoint rowCenter(ObjectKind kind, const QString &id) const
    {
        const QModelIndex index = showRow(kind, id);
        return browser->tableView(kind)->visualRect(index).center();
    }

    // Downloads a file of the demo model with the test's own connection; returns the SHA-256 of the bytes
    // as saved (hashed here, not by core), or "" on failure.
    QString sandboxFileSha(const QString &fileId, QString *error = nullptr)
    {
        const QString path = dir.filePath(QStringLiteral("fetched-%1").arg(fileId));
        DownloadFileJob *job = probeClient().downloadFile(fileId, path, true);
        job->setAutoDelete(false);
        const bool finished = waitFor(job, 5 * kWaitMs);
        const bool ok = finished && job->isSucceeded();
        if (!ok && error)
            *error = job->error().toString();
        delete job;
        return ok ? sha256OfFile(path) : QString();
    }

    // The sandbox's request log (admin API).
    QJsonArray requestLog() const
    {
        test::HttpProbe http(sandboxUrl());
        return http.get(QStringLiteral("/__sandbox/requests"))
            .json()
            .value(QStringLiteral("requests"))
            .toArray();
    }
    void clearRequestLog() const
    {
        test::HttpProbe http(sandboxUrl());
        http.request("DELETE", QStringLiteral("/__sandbox/requests"));
    }
    int countRequests(const QByteArray &method, const QString &pathPrefix,
                      const QString &pathSuffixRegex = {}) const
    {
        int count = 0;
        const QRegularExpression suffix(pathSuffixRegex);
        for (const QJsonValue &value : requestLog()) {
            const QJsonObject request = value.toObject();
            const QString path = request.value(QStringLiteral("path")).toString();
            if (request.value(QStringLiteral("method")).toString() == QLatin1String(method) &&
                path.startsWith(pathPrefix) &&
                (pathSuffixRegex.isEmpty() || suffix.match(path.mid(pathPrefix.size())).hasMatch()))
                ++count;
        }
        return count;
    }
    // Sum of `bytesIn` (request head + body as received) over the matching requests.
    qint64 bytesIn(const QByteArray &method, const QString &pathPrefix, const QString &pathSuffixRegex) const
    {
        qint64 sum = 0;
        const QRegularExpression suffix(pathSuffixRegex);
        for (const QJsonValue &value : requestLog()) {
            const QJsonObject request = value.toObject();
            const QString path = request.value(QStringLiteral("path")).toString();
            if (request.value(QStringLiteral("method")).toString() == QLatin1String(method) &&
                path.startsWith(pathPrefix) && suffix.match(path.mid(pathPrefix.size())).hasMatch())
                sum += request.value(QStringLiteral("bytesIn")).toInteger();
        }
        return sum;
    }
    QString modelPath() const
    {
        return QStringLiteral("/2/0/workspaces/%1/models/%2").arg(kDemoWorkspace, kDemoModel);
    }

    // Waits until monitor operation `id` finished.
    bool waitFinished(int id, int timeoutMs = kWaitMs) const
    {
        return QTest::qWaitFor(
            [this, id] {
                const MonitoredTask *task = monitorModel()->task(id);
                return task && task->isFinished();
            },
            timeoutMs);
    }
    // The newest monitor operation of a kind on an object (0 when none).
    int newestTask(MonitoredKind kind, const QString &objectId) const
    {
        int found = 0;
        for (int id : monitorModel()->taskIds()) {
            const MonitoredTask *task = monitorModel()->task(id);
            if (task->kind == kind && task->objectId == objectId)
                found = id;
        }
        return found;
    }
};

} // namespace transferstest
