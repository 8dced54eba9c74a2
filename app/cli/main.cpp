// anadesk-cli: the scriptable twin of the desktop app (see docs/cli.md).
#include "CliApp.h"
#include "net/Redaction.h"

#include <QCoreApplication>
#include <QTranslator>
#include <cstring>

namespace {

// A --token value is visible in the process list while the program starts; overwrite it in argv as
// early as possible so it does not stay there for the whole run (best effort: documented as visible).
void scrubTokenFromArgv(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        char *arg = argv[i];
        if (std::strcmp(arg, "--") == 0)
            return;
        if (std::strcmp(arg, "--token") == 0 && i + 1 < argc) {
            std::memset(argv[i + 1], 'x', std::strlen(argv[i + 1]));
            ++i;
        } else if (std::strncmp(arg, "--token=", 8) == 0) {
            std::memset(arg + 8, 'x', std::strlen(arg + 8));
        }
    }
}

// The CLI speaks English whatever the locale (scripts parse it), with real plural forms: "1 workspace", not
// "1 workspace(s)" (cmake/AnadeskPlurals.cmake).
void installEnglishPlurals(QCoreApplication &app)
{
    auto *plurals = new QTranslator(&app);
    if (plurals->load(QStringLiteral(":/i18n/anadesk_en.qm")))
        QCoreApplication::installTranslator(plurals);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("anadesk-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ANADESK_VERSION_STRING));
    installEnglishPlurals(app);
    QStringList arguments = QCoreApplication::arguments();
    scrubTokenFromArgv(argc, argv);
    arguments.removeFirst();
    anadesk::installRedactingMessageHandler();
    return anadesk::cli::CliApp().run(arguments);
}
