#pragma once
// Where anadesk-cli gets a secret (password, token, private-key passphrase), asked in order:
//   1. the environment (ANADESK_PASSWORD, ANADESK_TOKEN, ANADESK_KEY_PASSWORD) — for scripts;
//   2. a prompt on the terminal without echo — only when stdin is a terminal.
// Never the command line (other local users can read it), except --token, which is documented as
// visible. Saved connection profiles with keychain entries (the desktop's profiles) will add a
// source in front of these, reading core/credentials; nothing else has to change.
#include "credentials/SecretKind.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <memory>
#include <optional>

namespace anadesk::cli {

class SecretSource
{
public:
    virtual ~SecretSource();
    // The secret, or std::nullopt when this source has none (the next one is asked).
    // `subject` names what it is for, e.g. "demo@anadesk.test".
    virtual std::optional<QByteArray> secret(SecretKind kind, const QString &subject) = 0;
    // For the error message when no source had it: "set ANADESK_PASSWORD".
    virtual QString howToProvide(SecretKind kind) const = 0;
};

class EnvironmentSecrets final : public SecretSource
{
public:
    std::optional<QByteArray> secret(SecretKind kind, const QString &subject) override;
    QString howToProvide(SecretKind kind) const override;
    // The variable for a kind ("ANADESK_PASSWORD"); empty when there is none.
    static QByteArray variableFor(SecretKind kind);
};

class TerminalPrompt final : public SecretSource
{
public:
    std::optional<QByteArray> secret(SecretKind kind, const QString &subject) override;
    QString howToProvide(SecretKind kind) const override;
};

class SecretChain
{
public:
    SecretChain(); // environment, then terminal
    void prepend(std::unique_ptr<SecretSource> source);
    // The first source's answer; std::nullopt with *howTo listing every way to provide it.
    std::optional<QByteArray> secret(SecretKind kind, const QString &subject, QString *howTo);

private:
    QList<std::shared_ptr<SecretSource>> m_sources;
};

} // namespace anadesk::cli
