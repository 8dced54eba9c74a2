// anadesk: the desktop administration console. Wires the stores, the dialog seams and the log capture
// into the main window; everything else lives in ui/ and core/.
#include "common/FileDialogs.h"
#include "common/MessageBoxes.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/MemoryCredentialStore.h"
#include "credentials/SettingsFile.h"
#include "net/Redaction.h"
#include "profiles/ProfileStore.h"
#include "shell/LogCapture.h"
#include "shell/LogModel.h"
#include "shell/MainWindow.h"
#include "shell/SessionController.h"

#ifdef ANADESK_HAVE_BROWSER
#include "browser/ModelBrowser.h"
#endif
#ifdef ANADESK_HAVE_TRANSFERS
#include "transfers/TransfersController.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QNetworkProxyFactory>
#include <QTimer>
#include <QTranslator>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

namespace {

// Secrets live in this process's memory: keep them out of core dumps (as KeePassXC does).
void disableCoreDumps()
{
#ifdef Q_OS_LINUX
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    prctl(PR_SET_DUMPABLE, 0);
#endif
}

void installTranslations(QApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtTranslator);
    // The locale's translation (German); otherwise English's plural forms ("1 file", not "1 file(s)"), which
    // is also what an English locale finds under the same name.
    auto *appTranslator = new QTranslator(&app);
    if (appTranslator->load(QLocale(), QStringLiteral("anadesk"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")) ||
        appTranslator->load(QStringLiteral(":/i18n/anadesk_en.qm")))
        QApplication::installTranslator(appTranslator);
}

} // namespace

int main(int argc, char *argv[])
{
    disableCoreDumps();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Anadesk"));
    QApplication::setOrganizationName(QStringLiteral("Anadesk"));
    QApplication::setApplicationVersion(QStringLiteral(ANADESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("anadesk"));

    // Redaction first: from here on no log line, of ours or of a library, carries a secret.
    anadesk::installRedactingMessageHandler();
    auto *logModel = new anadesk::LogModel(&app);
    anadesk::LogCapture logCapture(logModel);
    logCapture.install();

    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Desktop administration console for Anaplan (and the local anadesk-sandbox)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QApplication::translate("main", "Start anadesk-sandbox on a free loopback port and connect to it."));
    const QCommandLineOption sandboxBinOption(
        QStringLiteral("sandbox-bin"),
        QApplication::translate("main", "Path of the anadesk-sandbox executable."), QStringLiteral("path"));
    const QCommandLineOption settingsOption(
        QStringLiteral("settings"),
        QApplication::translate("main",
                                "Use this settings file instead of the default one (no secrets are stored "
                                "in it)."),
        QStringLiteral("file"));
    const QCommandLineOption selectModelOption(
        QStringLiteral("select-model"),
        QApplication::translate("main", "After connecting, select this model (WORKSPACE_ID/MODEL_ID)."),
        QStringLiteral("ids"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "After connecting, save a picture of the window to this PNG file and quit."),
        QStringLiteral("file"));
    const QCommandLineOption screenshotDelayOption(
        QStringLiteral("screenshot-delay"),
        QApplication::translate(
            "main", "Milliseconds to wait after connecting before the screenshot (default 4000)."),
        QStringLiteral("ms"), QStringLiteral("4000"));
    parser.addOptions({sandboxOption, sandboxBinOption, settingsOption, selectModelOption, screenshotOption,
                       screenshotDelayOption});
    parser.process(app);

    // The system proxy applies to profiles set to "application proxy" with Settings ▸ Proxy = system.
    QNetworkProxyFactory::setUseSystemConfiguration(true);

    const QString settingsFile = parser.isSet(settingsOption)
                                     ? QDir::current().absoluteFilePath(parser.value(settingsOption))
                                     : QString();
    anadesk::KeychainOptions keychainOptions;
    keychainOptions.indexSettingsFile = settingsFile;
    {
        // Plain-text storage only when the user opted in explicitly (and only where no keychain exists).
        auto settings = anadesk::openAnadeskSettings(settingsFile);
        keychainOptions.allowPlainTextFallback =
            settings->value(QStringLiteral("credentials/allowPlainTextFallback"), false).toBool();
    }
    anadesk::KeychainCredentialStore keychain(keychainOptions);
    anadesk::MemoryCredentialStore sessionSecrets;
    anadesk::ProfileStore profiles(&keychain, settingsFile);
    keychain.setProfileLabeler([&profiles](const QString &id) {
        const auto profile = profiles.profile(id);
        return profile ? profile->name : id;
    });
    anadesk::QtMessageBoxes messages;
    anadesk::QtFileDialogs files;

    anadesk::ShellServices services;
    services.profiles = &profiles;
    services.sessionSecrets = &sessionSecrets;
    services.messages = &messages;
    services.files = &files;
    services.log = logModel;
    services.settingsFile = settingsFile;
    services.sandboxBinary = parser.value(sandboxBinOption);

    anadesk::MainWindow window(services);
#ifdef ANADESK_HAVE_TRANSFERS
    anadesk::installTransfers(&window, services); // task monitor dock, Transfers menu, drops and downloads
#endif
    window.show();

    const QString selectModel = parser.value(selectModelOption);
    const QString screenshot = parser.value(screenshotOption);
    const int screenshotDelay = parser.value(screenshotDelayOption).toInt();
    QObject::connect(&window, &anadesk::MainWindow::browserCreated, &window,
                     [&window, selectModel, screenshot, screenshotDelay](QWidget *browser) {
#ifdef ANADESK_HAVE_BROWSER
                         const QStringList ids = selectModel.split(QLatin1Char('/'), Qt::SkipEmptyParts);
                         if (ids.size() == 2) {
                             if (auto *modelBrowser = qobject_cast<anadesk::ModelBrowser *>(browser))
                                 modelBrowser->selectModel(ids.at(0), ids.at(1));
                         }
#else
                         Q_UNUSED(browser)
                         Q_UNUSED(selectModel)
#endif
                         if (screenshot.isEmpty())
                             return;
                         QTimer::singleShot(screenshotDelay, &window, [&window, screenshot] {
                             const bool saved = window.grab().save(screenshot, "PNG");
                             qInfo("screenshot %s: %s", qUtf8Printable(screenshot),
                                   saved ? "saved" : "FAILED");
                             window.close();
                         });
                     });
    if (parser.isSet(sandboxOption))
        window.trySandbox();

    const int result = QApplication::exec();
    logCapture.uninstall();
    return result;
}
