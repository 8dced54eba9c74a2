#pragma once
// A small command-line tokenizer for "anadesk-cli [GLOBAL OPTIONS] COMMAND [ARGS and OPTIONS]".
// QCommandLineParser knows one option set per program; here every command adds its own options,
// global options are also accepted after the command name (`anadesk-cli files --json`), and
// positional arguments are checked per command. Accepted forms: --name VALUE, --name=VALUE,
// -x VALUE, -xVALUE, flags without values, and "--" to end the options.
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace anadesk::cli {

struct OptionSpec
{
    QString name;      // long name without dashes: "workspace"
    QChar shortName;   // optional: 'o'
    QString valueName; // empty for a flag; otherwise shown in help: "PATH"
    QString help;

    bool takesValue() const { return !valueName.isEmpty(); }
};

struct ParsedArgs
{
    QString command;                // empty when none was given; "tr modules" for a group's command
    QStringList positionals;        // after the command
    QHash<QString, QString> values; // option name → value (flags map to "")

    bool isSet(const QString &name) const { return values.contains(name); }
    QString value(const QString &name) const { return values.value(name); }
};

class ArgParser
{
public:
    ArgParser(QList<OptionSpec> globalOptions);

    // Options a command accepts besides the global ones; asked for once the command name is known.
    using CommandOptions = QList<OptionSpec> (*)(const QString &command);

    // Whether a first word names a command group ("tr", "scim"): then the next word completes the
    // command name ("tr modules") and only that full name's options are known.
    using IsGroup = bool (*)(const QString &word);

    // Parses argv[1..]. False with *error set (a one-line message) on an unknown option or a missing value.
    bool parse(const QStringList &arguments, CommandOptions commandOptions, IsGroup isGroup, ParsedArgs *out,
               QString *error) const;

    const QList<OptionSpec> &globalOptions() const { return m_global; }

    // "  -o, --output PATH      help text" lines, aligned.
    static QString describe(const QList<OptionSpec> &options);

private:
    QList<OptionSpec> m_global;
};

} // namespace anadesk::cli
