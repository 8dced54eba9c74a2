#include "SecretSources.h"

#include "PasswordPrompt.h"

#include <QCoreApplication>

namespace anadesk::cli {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::SecretSources", text);
}
} // namespace

SecretSource::~SecretSource() = default;

QByteArray EnvironmentSecrets::variableFor(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Password:
        return QByteArrayLiteral("ANADESK_PASSWORD");
    case SecretKind::Token:
        return QByteArrayLiteral("ANADESK_TOKEN");
    case SecretKind::KeyPassphrase:
        return QByteArrayLiteral("ANADESK_KEY_PASSWORD");
    case SecretKind::RefreshToken:
    case SecretKind::ProxyPassword:
        break;
    }
    return QByteArray();
}

std::optional<QByteArray> EnvironmentSecrets::secret(SecretKind kind, const QString &)
{
    const QByteArray name = variableFor(kind);
    if (name.isEmpty())
        return std::nullopt;
    QByteArray value = qgetenv(name.constData());
    if (value.isEmpty())
        return std::nullopt; // unset or empty: an empty password is never meant
    return value;
}

QString EnvironmentSecrets::howToProvide(SecretKind kind) const
{
    const QByteArray name = variableFor(kind);
    return name.isEmpty() ? QString() : tr("set the environment variable %1").arg(QString::fromLatin1(name));
}

std::optional<QByteArray> TerminalPrompt::secret(SecretKind kind, const QString &subject)
{
    if (!PasswordPrompt::isInteractive())
        return std::nullopt;
    QString prompt;
    switch (kind) {
    case SecretKind::Password:
        prompt = tr("Anaplan password for %1: ").arg(subject);
        break;
    case SecretKind::KeyPassphrase:
        prompt = tr("Passphrase of the private key %1: ").arg(subject);
        break;
    case SecretKind::Token:
        prompt = tr("Anaplan token: ");
        break;
    case SecretKind::RefreshToken:
    case SecretKind::ProxyPassword:
        return std::nullopt;
    }
    QByteArray value;
    if (!PasswordPrompt::read(prompt, &value) || value.isEmpty())
        return std::nullopt;
    return value;
}

QString TerminalPrompt::howToProvide(SecretKind) const
{
    return tr("run the command in a terminal to be asked for it");
}

SecretChain::SecretChain()
{
    m_sources = {std::make_shared<EnvironmentSecrets>(), std::make_shared<TerminalPrompt>()};
}

void SecretChain::prepend(std::unique_ptr<SecretSource> source)
{
    m_sources.prepend(std::shared_ptr<SecretSource>(std::move(source)));
}

std::optional<QByteArray> SecretChain::secret(SecretKind kind, const QString &subject, QString *howTo)
{
    QStringList ways;
    for (const auto &source : m_sources) {
        if (std::optional<QByteArray> value = source->secret(kind, subject))
            return value;
        const QString way = source->howToProvide(kind);
        if (!way.isEmpty())
            ways.append(way);
    }
    if (howTo)
        *howTo = ways.join(tr(", or "));
    return std::nullopt;
}

} // namespace anadesk::cli
