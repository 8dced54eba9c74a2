// ui/common seams and the shell's parts that need no server: log model and capture (redaction), log view
// filter, client settings (file round trip, limits, options), settings dialog, main window (settings applied,
// layout remembered, shortcuts), profile list model, sandbox launcher errors.
#include "ShellTestKit.h"
#include "net/ClientOptions.h"
#include "net/Redaction.h"
#include "profiles/ConnectionProfile.h"
#include "shell/ClientSettings.h"
#include "shell/ConnectionState.h"
#include "shell/FirstRunPage.h"
#include "shell/LogView.h"
#include "shell/MainWindow.h"
#include "shell/ProfileListModel.h"
#include "shell/SandboxLauncher.h"
#include "shell/SessionController.h"
#include "shell/SettingsDialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QComboBox>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QRandomGenerator>
#include <QtTest>

using namespace anadesk;
using namespace shelltest;

class TestShellUnits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void scriptedMessageBoxesRecordAndAnswer();
    void scriptedFileDialogsRecordAndAnswer();
    void logModelPassesModelTesterAndCaps();
    void logCaptureRedactsSecrets();
    void logViewFiltersByLevelAndText();
    void clientSettingsRoundTrip();
    void clientSettingsRejectOutOfRangeValues();
    void clientSettingsBuildOptions();
    void settingsDialogRoundTripAndValidation();
    void mainWindowAppliesAndRemembersSettings();
    void mainWindowRemembersLayout();
    void mainWindowMenusHaveShortcuts();
    void profileListModelPassesModelTester();
    void sandboxLauncherReportsMissingBinary();
};

void TestShellUnits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestShellUnits::scriptedMessageBoxesRecordAndAnswer()
{
    ScriptedMessageBoxes boxes;
    boxes.answerFor(QStringLiteral("confirmA"), QMessageBox::Yes);
    boxes.answerNext(QMessageBox::Discard);
    QCOMPARE(boxes.question(nullptr, QStringLiteral("confirmA"), QStringLiteral("t"), QStringLiteral("text")),
             QMessageBox::Discard); // the queue goes first
    QCOMPARE(boxes.question(nullptr, QStringLiteral("confirmA"), QStringLiteral("t"), QStringLiteral("again")),
             QMessageBox::Yes);
    // Unscripted: the default button (No for question()), and listed as unanswered.
    QCOMPARE(boxes.question(nullptr, QStringLiteral("other"), QStringLiteral("t"), QStringLiteral("x")),
             QMessageBox::No);
    boxes.warning(nullptr, QStringLiteral("warnB"), QStringLiteral("t"), QStringLiteral("w"), QStringLiteral("hint"));
    QCOMPARE(boxes.requests().size(), 4);
    QCOMPARE(boxes.count(QStringLiteral("confirmA")), 2);
    QCOMPARE(boxes.requestsNamed(QStringLiteral("warnB")).constFirst().informativeText, QStringLiteral("hint"));
    QCOMPARE(boxes.requestsNamed(QStringLiteral("warnB")).constFirst().kind, MessageRequest::Kind::Warning);
    QCOMPARE(boxes.unanswered(), (QStringList{QStringLiteral("other"), QStringLiteral("warnB")}));
}

void TestShellUnits::scriptedFileDialogsRecordAndAnswer()
{
    ScriptedFileDialogs dialogs;
    dialogs.answerNext(QStringLiteral("/tmp/a.csv"));
    dialogs.answerFor(QStringLiteral("multi"), {QStringLiteral("/x/1"), QStringLiteral("/x/2")});
    QCOMPARE(dialogs.saveFileName(nullptr, QStringLiteral("save"), QStringLiteral("Save")), QStringLiteral("/tmp/a.csv"));
    QCOMPARE(dialogs.openFileNames(nullptr, QStringLiteral("multi"), QStringLiteral("Open")).size(), 2);
    QVERIFY(dialogs.existingDirectory(nullptr, QStringLiteral("dir"), QStringLiteral("Dir")).isEmpty()); // cancelled
    QCOMPARE(dialogs.requests().at(0).kind, FileDialogRequest::Kind::SaveFile);
    QCOMPARE(dialogs.requests().at(2).kind, FileDialogRequest::Kind::Directory);
    QCOMPARE(dialogs.unanswered(), QStringList{QStringLiteral("dir")});
}

void TestShellUnits::logModelPassesModelTesterAndCaps()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaxLines(5);
    for (int i = 0; i < 12; ++i)
        model.append({QDateTime::currentDateTime(), i % 2 ? QtWarningMsg : QtInfoMsg, QStringLiteral("cat"),
                      QStringLiteral("line %1").arg(i)});
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0, LogModel::MessageColumn).data().toString(), QStringLiteral("line 7"));
    QCOMPARE(model.index(4, LogModel::MessageColumn).data().toString(), QStringLiteral("line 11"));
    QCOMPARE(model.index(4, LogModel::LevelColumn).data().toString(), LogModel::levelName(QtWarningMsg));
    QCOMPARE(model.index(4, 0).data(LogModel::TypeRole).toInt(), int(QtWarningMsg));
    model.setMaxLines(2);
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestShellUnits::logCaptureRedactsSecrets()
{
    ShellKit kit;
    const QByteArray liveSecret = "Planted-Live-Secret-" + QByteArray::number(QRandomGenerator::global()->generate());
    const QByteArray token = "tok" + QByteArray::number(QRandomGenerator::global()->generate64()) + "abcdefXYZ";
    registerSecret(liveSecret);
    qWarning("a library echoed the password %s here", liveSecret.constData());
    qInfo("Authorization: AnaplanAuthToken %s", token.constData());
    qInfo("{\"tokenValue\":\"%s\"}", token.constData());
    forgetSecret(liveSecret);
    QTRY_VERIFY(kit.log.rowCount() >= 3);

    const QString text = kit.log.toText();
    QVERIFY2(!text.contains(QString::fromLatin1(liveSecret)), qPrintable(text));
    QVERIFY2(!text.contains(QString::fromLatin1(token)), qPrintable(text));
    QVERIFY(text.contains(QLatin1String(kRedacted)));
    QVERIFY(text.contains(QStringLiteral("a library echoed the password")));
    QVERIFY(!kit.allFileBytes().contains(liveSecret));
    const auto echoed = std::find_if(kit.log.entries().cbegin(), kit.log.entries().cend(), [](const LogEntry &e) {
        return e.message.contains(QStringLiteral("a library echoed"));
    });
    QVERIFY(echoed != kit.log.entries().cend());
    QCOMPARE(echoed->type, QtWarningMsg);
    std::printf("FIGURE: ui_log_secrets_found=0 planted=2 lines=%d\n", int(kit.log.rowCount()));
}

void TestShellUnits::logViewFiltersByLevelAndText()
{
    ShellKit kit;
    kit.capture.uninstall(); // only the lines added here
    LogView view(&kit.log, &kit.files, &kit.messages);
    QAbstractItemModelTester tester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = QDateTime::currentDateTime();
    kit.log.append({now, QtDebugMsg, QStringLiteral("anadesk.net"), QStringLiteral("debug detail")});
    kit.log.append({now, QtInfoMsg, QStringLiteral("anadesk.ui"), QStringLiteral("connected to sandbox")});
    kit.log.append({now, QtWarningMsg, QStringLiteral("anadesk.net"), QStringLiteral("retrying after 503")});
    kit.log.append({now, QtCriticalMsg, QStringLiteral("anadesk.ui"), QStringLiteral("upload failed")});
    QCOMPARE(view.proxy()->rowCount(), 3); // default: info and above

    auto *level = view.findChild<QComboBox *>(QStringLiteral("logLevel"));
    QVERIFY(level);
    level->setCurrentIndex(level->findData(int(QtWarningMsg)));
    QCOMPARE(view.proxy()->rowCount(), 2);
    level->setCurrentIndex(level->findData(int(QtDebugMsg)));
    QCOMPARE(view.proxy()->rowCount(), 4);

    auto *filter = view.findChild<QLineEdit *>(QStringLiteral("logFilter"));
    QVERIFY(filter);
    filter->setText(QStringLiteral("ANADESK.NET"));
    QCOMPARE(view.proxy()->rowCount(), 2); // category match, case-insensitive
    filter->setText(QStringLiteral("upload"));
    QCOMPARE(view.proxy()->rowCount(), 1);
    QVERIFY(view.visibleText().contains(QStringLiteral("upload failed")));

    // Save goes through FileDialogs; the file holds the visible lines.
    const QString path = kit.dir.filePath(QStringLiteral("saved-log.txt"));
    kit.files.answerNext(path);
    view.findChild<QPushButton *>(QStringLiteral("logSave"))->click();
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(saved.readAll()), view.visibleText());
    QCOMPARE(kit.files.count(QStringLiteral("saveLogDialog")), 1);

    view.findChild<QPushButton *>(QStringLiteral("logClear"))->click();
    QCOMPARE(kit.log.rowCount(), 0);
}

void TestShellUnits::clientSettingsRoundTrip()
{
    ShellKit kit;
    ClientSettings custom;
    custom.timeoutSeconds = 45;
    custom.retryCount = 5;
    custom.backoffMs = 1'500;
    custom.backoffFactor = 3.0;
    custom.maxBackoffSeconds = 90;
    custom.pageSize = 1'000;
    custom.statusPollDelayMs = 2'000;
    custom.uploadChunkSizeMb = 10;
    custom.compressionLevel = 6;
    custom.proxyMode = ClientSettings::ProxyMode::Manual;
    custom.proxyHost = QStringLiteral("proxy.example.com");
    custom.proxyPort = 3128;
    {
        QSettings settings(kit.settingsFile(), QSettings::IniFormat);
        custom.save(settings);
    }
    QSettings settings(kit.settingsFile(), QSettings::IniFormat);
    QCOMPARE(ClientSettings::load(settings), custom);
    // A file without the group gives the defaults.
    QSettings empty(kit.dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
    QCOMPARE(ClientSettings::load(empty), ClientSettings{});
}

void TestShellUnits::clientSettingsRejectOutOfRangeValues()
{
    ShellKit kit;
    {
        QSettings settings(kit.settingsFile(), QSettings::IniFormat);
        settings.setValue(QStringLiteral("client/timeoutSeconds"), 0);
        settings.setValue(QStringLiteral("client/pageSize"), 99'999);
        settings.setValue(QStringLiteral("client/compressionLevel"), QStringLiteral("high"));
        settings.setValue(QStringLiteral("client/uploadChunkSizeMb"), 500);
        settings.setValue(QStringLiteral("client/proxyMode"), QStringLiteral("carrier-pigeon"));
        settings.setValue(QStringLiteral("client/retryCount"), 4);
    }
    QSettings settings(kit.settingsFile(), QSettings::IniFormat);
    const ClientSettings loaded = ClientSettings::load(settings);
    const ClientSettings defaults;
    QCOMPARE(loaded.timeoutSeconds, defaults.timeoutSeconds);
    QCOMPARE(loaded.pageSize, defaults.pageSize);
    QCOMPARE(loaded.compressionLevel, defaults.compressionLevel);
    QCOMPARE(loaded.uploadChunkSizeMb, defaults.uploadChunkSizeMb);
    QCOMPARE(loaded.proxyMode, defaults.proxyMode);
    QCOMPARE(loaded.retryCount, 4); // valid values survive

    ClientSettings bad;
    bad.pageSize = 0;
    bad.proxyMode = ClientSettings::ProxyMode::Manual;
    const QStringList problems = bad.validate();
    QCOMPARE(problems.size(), 3); // page size, proxy host, proxy port
    QVERIFY(problems.join(QLatin1Char(' ')).contains(QStringLiteral("page size")));
}

void TestShellUnits::clientSettingsBuildOptions()
{
    ClientSettings s;
    s.timeoutSeconds = 12;
    s.retryCount = 4;
    s.pageSize = 700;
    s.statusPollDelayMs = 500;
    s.uploadChunkSizeMb = 8;
    s.compressionLevel = 9;
    s.proxyMode = ClientSettings::ProxyMode::Manual;
    s.proxyHost = QStringLiteral("app-proxy.example.com");
    s.proxyPort = 8080;

    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("P"));
    profile.defaultWorkspaceId = QStringLiteral("ws1");
    ClientOptions options = s.optionsFor(profile, {});
    QCOMPARE(options.timeoutMs, 12'000);
    QCOMPARE(options.retryCount, 4);
    QCOMPARE(options.pageSize, 700);
    QCOMPARE(options.statusPollDelayMs, 500);
    QCOMPARE(options.uploadChunkSize, qint64(8'000'000));
    QCOMPARE(options.compressionLevel, 9);
    QCOMPARE(options.workspaceId, QStringLiteral("ws1"));
    QVERIFY(options.proxy);
    QCOMPARE(options.proxy->hostName(), QStringLiteral("app-proxy.example.com")); // profile says "application proxy"

    profile.proxy = {ProxySettings::Mode::Manual, QStringLiteral("own-proxy"), 3128, QStringLiteral("u")};
    options = s.optionsFor(profile, SecretBytes(QByteArrayLiteral("proxy-pass")));
    QCOMPARE(options.proxy->hostName(), QStringLiteral("own-proxy")); // the profile's own proxy wins
    QCOMPARE(options.proxy->password(), QStringLiteral("proxy-pass"));

    profile.proxy.mode = ProxySettings::Mode::None;
    QCOMPARE(s.optionsFor(profile, {}).proxy->type(), QNetworkProxy::NoProxy);
    s.proxyMode = ClientSettings::ProxyMode::System;
    profile.proxy.mode = ProxySettings::Mode::System;
    QVERIFY(!s.optionsFor(profile, {}).proxy); // the transport uses the system configuration
}

void TestShellUnits::settingsDialogRoundTripAndValidation()
{
    ClientSettings s;
    s.timeoutSeconds = 77;
    s.compressionLevel = 4;
    SettingsDialog dialog(s);
    QCOMPARE(dialog.settings(), s);
    QSignalSpy accepted(&dialog, &SettingsDialog::settingsAccepted);

    auto *mode = dialog.findChild<QComboBox *>(QStringLiteral("proxyMode"));
    mode->setCurrentIndex(mode->findData(int(ClientSettings::ProxyMode::Manual)));
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("proxyHost"))->isEnabled());
    dialog.accept(); // manual proxy without host and port: refused, the problems are shown
    QCOMPARE(accepted.count(), 0);
    auto *problems = dialog.findChild<QLabel *>(QStringLiteral("settingsProblems"));
    QVERIFY(!problems->isHidden());
    QVERIFY(problems->text().contains(QStringLiteral("proxy")));

    dialog.findChild<QLineEdit *>(QStringLiteral("proxyHost"))->setText(QStringLiteral("p.example.com"));
    dialog.findChild<QSpinBox *>(QStringLiteral("proxyPort"))->setValue(8080);
    dialog.findChild<QSpinBox *>(QStringLiteral("pageSize"))->setValue(2'500);
    dialog.accept();
    QCOMPARE(accepted.count(), 1);
    const auto got = accepted.at(0).at(0).value<ClientSettings>();
    QCOMPARE(got.pageSize, 2'500);
    QCOMPARE(got.timeoutSeconds, 77);
    QCOMPARE(got.proxyHost, QStringLiteral("p.example.com"));

    dialog.findChild<QPushButton *>(QStringLiteral("restoreDefaults"))->click();
    QCOMPARE(dialog.settings(), ClientSettings{});
}

void TestShellUnits::mainWindowAppliesAndRemembersSettings()
{
    ShellKit kit;
    {
        MainWindow window(kit.services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction *>(QStringLiteral("actionSettings"))->trigger();
        SettingsDialog *dialog = window.settingsDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        dialog->findChild<QSpinBox *>(QStringLiteral("timeoutSeconds"))->setValue(99);
        dialog->findChild<QSpinBox *>(QStringLiteral("uploadChunkSizeMb"))->setValue(7);
        dialog->accept();
        QCOMPARE(window.clientSettings().timeoutSeconds, 99);
        QCOMPARE(window.session()->clientSettings().uploadChunkSizeMb, 7);
    }
    QSettings file(kit.settingsFile(), QSettings::IniFormat);
    QCOMPARE(file.value(QStringLiteral("client/timeoutSeconds")).toInt(), 99);
    MainWindow again(kit.services());
    QCOMPARE(again.clientSettings().timeoutSeconds, 99);
    QCOMPARE(again.session()->clientSettings().uploadChunkSizeMb, 7);
}

void TestShellUnits::mainWindowRemembersLayout()
{
    ShellKit kit;
    {
        MainWindow window(kit.services());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(720, 530);
        window.logDock()->show();
        QTRY_VERIFY(window.logDock()->isVisible());
        window.close(); // saves geometry and dock state
    }
    MainWindow again(kit.services());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(720, 530));
    QVERIFY(again.logDock()->isVisible());
    // The state is where the settings file says, not somewhere else.
    QSettings file(kit.settingsFile(), QSettings::IniFormat);
    QVERIFY(!file.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
}

void TestShellUnits::mainWindowMenusHaveShortcuts()
{
    ShellKit kit;
    MainWindow window(kit.services());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QCOMPARE(window.centralStack()->currentWidget(), window.firstRunPage());
    QCOMPARE(window.connectionStatusLabel()->text(), ConnectionStateText::label(ConnectionState::Disconnected));

    const char *withShortcut[] = {"actionConnections", "actionTrySandbox", "actionDisconnect", "actionQuit",
                                  "actionRefresh",     "actionSettings",   "actionToggleLog"};
    QSet<QKeySequence> seen;
    for (const char *name : withShortcut) {
        auto *action = window.findChild<QAction *>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->shortcut().isEmpty(), name);
        QVERIFY2(!seen.contains(action->shortcut()), name); // no clashes
        seen.insert(action->shortcut());
    }
    // Every menu title has a mnemonic.
    for (QAction *menu : window.menuBar()->actions())
        QVERIFY2(menu->text().contains(QLatin1Char('&')), qPrintable(menu->text()));

    // The shortcut really opens the dialog (keyboard only).
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_Comma));
    QTRY_VERIFY(window.settingsDialog() && window.settingsDialog()->isVisible());
    window.settingsDialog()->reject();
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_L));
    QTRY_VERIFY(window.logDock()->isVisible());
}

void TestShellUnits::profileListModelPassesModelTester()
{
    ShellKit kit;
    ProfileListModel model(kit.profiles.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    for (const QString &name : {QStringLiteral("Zeta"), QStringLiteral("alpha"), QStringLiteral("Mid")}) {
        ConnectionProfile profile = ConnectionProfile::create(name);
        profile.userEmail = QStringLiteral("a@b.com");
        QVERIFY(kit.profiles->save(profile).isEmpty());
    }
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("alpha"));
    QVERIFY(model.index(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("a@b.com")));
    const QString id = model.index(2).data(ProfileListModel::IdRole).toString();
    QCOMPARE(model.rowOf(id), 2);
}

void TestShellUnits::sandboxLauncherReportsMissingBinary()
{
    SandboxLauncher launcher;
    launcher.setBinary(QStringLiteral("/nonexistent/anadesk-sandbox"));
    qputenv("ANADESK_SANDBOX_BIN", "/also/nonexistent");
    QSignalSpy failed(&launcher, &SandboxLauncher::failed);
    launcher.start();
    // Found elsewhere (next to the test, PATH) would be a surprise here; the message lists where it looked.
    if (!SandboxLauncher::findBinary(QStringLiteral("/nonexistent/anadesk-sandbox")).isEmpty())
        QSKIP("an anadesk-sandbox is on PATH or next to the test");
    QTRY_COMPARE(failed.count(), 1);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("/nonexistent/anadesk-sandbox")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("ANADESK_SANDBOX_BIN")));
    QCOMPARE(launcher.state(), SandboxLauncher::State::Failed);
    qunsetenv("ANADESK_SANDBOX_BIN");
}

QTEST_MAIN(TestShellUnits)
#include "tst_ShellUnits.moc"
