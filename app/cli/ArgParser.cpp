#include "ArgParser.h"

#include <QCoreApplication>

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::ArgParser", text);
}

const OptionSpec *findLong(const QList<OptionSpec> &a, const QList<OptionSpec> &b, const QString &name)
{
    for (const QList<OptionSpec> *list : {&a, &b})
        for (const OptionSpec &spec : *list)
            if (spec.name == name)
                return &spec;
    return nullptr;
}

const OptionSpec *findShort(const QList<OptionSpec> &a, const QList<OptionSpec> &b, QChar name)
{
    for (const QList<OptionSpec> *list : {&a, &b})
        for (const OptionSpec &spec : *list)
            if (!spec.shortName.isNull() && spec.shortName == name)
                return &spec;
    return nullptr;
}

} // namespace

ArgParser::ArgParser(QList<OptionSpec> globalOptions)
    : m_global(std::move(globalOptions))
{}

bool ArgParser::parse(const QStringList &arguments, CommandOptions commandOptions, IsGroup isGroup,
                      ParsedArgs *out, QString *error) const
{
    *out = ParsedArgs{};
    QList<OptionSpec> local; // the command's own options, known once the command name is read
    bool optionsEnded = false;
    bool awaitingGroupCommand = false; // the first word was a group: the next word is its command

    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        const bool looksLikeOption = !optionsEnded && arg.size() > 1 && arg.startsWith(QLatin1Char('-'));
        if (!optionsEnded && arg == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        if (!looksLikeOption) {
            if (out->command.isEmpty()) {
                out->command = arg;
                awaitingGroupCommand = isGroup && isGroup(arg);
                if (commandOptions && !awaitingGroupCommand)
                    local = commandOptions(arg);
            } else if (awaitingGroupCommand) {
                out->command += QLatin1Char(' ') + arg;
                awaitingGroupCommand = false;
                if (commandOptions)
                    local = commandOptions(out->command);
            } else {
                out->positionals.append(arg);
            }
            continue;
        }

        const OptionSpec *spec = nullptr;
        QString inlineValue;
        bool hasInlineValue = false;
        QString shown = arg;
        if (arg.startsWith(QLatin1String("--"))) {
            QString name = arg.mid(2);
            const qsizetype eq = name.indexOf(QLatin1Char('='));
            if (eq >= 0) {
                inlineValue = name.mid(eq + 1);
                hasInlineValue = true;
                name.truncate(eq);
                shown = QStringLiteral("--") + name;
            }
            spec = findLong(m_global, local, name);
        } else {
            spec = findShort(m_global, local, arg.at(1));
            shown = arg.left(2);
            if (spec && arg.size() > 2) {
                inlineValue = arg.mid(2);
                if (inlineValue.startsWith(QLatin1Char('=')))
                    inlineValue.remove(0, 1);
                hasInlineValue = true;
            }
        }

        if (!spec) {
            *error = out->command.isEmpty()
                         ? tr("unknown option '%1'").arg(shown)
                         : tr("unknown option '%1' for command '%2'").arg(shown, out->command);
            return false;
        }
        if (!spec->takesValue()) {
            if (hasInlineValue) {
                *error = tr("option '--%1' does not take a value").arg(spec->name);
                return false;
            }
            out->values.insert(spec->name, QString());
            continue;
        }
        if (hasInlineValue) {
            out->values.insert(spec->name, inlineValue);
            continue;
        }
        if (i + 1 >= arguments.size()) {
            *error = tr("option '--%1' needs a value (%2)").arg(spec->name, spec->valueName);
            return false;
        }
        out->values.insert(spec->name, arguments.at(++i));
    }
    return true;
}

QString ArgParser::describe(const QList<OptionSpec> &options)
{
    QStringList heads;
    qsizetype width = 0;
    for (const OptionSpec &spec : options) {
        QString head = spec.shortName.isNull()
                           ? QStringLiteral("      ")
                           : QStringLiteral("  -") + spec.shortName + QStringLiteral(", ");
        head += QStringLiteral("--") + spec.name;
        if (spec.takesValue())
            head += QLatin1Char(' ') + spec.valueName;
        width = qMax(width, head.size());
        heads.append(head);
    }
    QString text;
    for (qsizetype i = 0; i < options.size(); ++i) {
        const QString indent(width + 2, QLatin1Char(' '));
        QString help = options.at(i).help;
        help.replace(QLatin1Char('\n'), QLatin1Char('\n') + indent);
        text += heads.at(i).leftJustified(width + 2) + help + QLatin1Char('\n');
    }
    return text;
}

} // namespace anadesk::cli
