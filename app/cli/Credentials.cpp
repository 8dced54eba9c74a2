#include "Credentials.h"

#include "CertificateCredentials.h"
#include "auth/BasicAuthenticator.h"
#include "auth/SecretBytes.h"
#include "auth/TokenAuthenticator.h"

#include <QCoreApplication>

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::Credentials", text);
}

ApiError missing(const QString &what, const QString &howTo)
{
    ApiError e;
    e.category = ErrorCategory::BadInput;
    e.message = tr("No %1 was given").arg(what);
    e.hint = howTo.isEmpty() ? QString() : tr("To provide it, %1.").arg(howTo);
    return e;
}

} // namespace

SignInMethod chooseSignInMethod(const GlobalOptions &options, QString *error)
{
    const bool certificate = !options.certificate.isEmpty();
    if (certificate && options.tokenOnCommandLine) {
        *error = tr("--certificate and --token exclude each other: choose one way to sign in");
        return SignInMethod::None;
    }
    if (options.tokenOnCommandLine && !options.user.isEmpty()) {
        *error = tr("--token and --user exclude each other: a token already names its user");
        return SignInMethod::None;
    }
    if (certificate)
        return SignInMethod::Certificate;
    if (options.tokenOnCommandLine)
        return SignInMethod::Token;
    if (!options.user.isEmpty())
        return SignInMethod::Basic;
    if (!qgetenv("ANADESK_TOKEN").isEmpty())
        return SignInMethod::TokenFromEnvironment;
    *error = tr("no credentials: give --user EMAIL (password in ANADESK_PASSWORD or asked on the terminal), "
                "--certificate PEM --private-key PEM, or set ANADESK_TOKEN");
    return SignInMethod::None;
}

ApiError makeAuthenticator(const GlobalOptions &options, const QByteArray &commandLineToken,
                           SecretChain &secrets, std::shared_ptr<Authenticator> *out)
{
    QString error;
    const SignInMethod method = chooseSignInMethod(options, &error);
    switch (method) {
    case SignInMethod::None: {
        ApiError e;
        e.category = ErrorCategory::BadInput;
        e.message = error;
        return e;
    }
    case SignInMethod::Basic: {
        QString howTo;
        std::optional<QByteArray> password = secrets.secret(SecretKind::Password, options.user, &howTo);
        if (!password)
            return missing(tr("password for %1").arg(options.user), howTo);
        *out = std::make_shared<BasicAuthenticator>(options.user, *password);
        wipe(*password);
        return {};
    }
    case SignInMethod::Token: {
        if (commandLineToken.trimmed().isEmpty())
            return missing(tr("token"), tr("pass a non-empty --token, or set ANADESK_TOKEN"));
        *out = std::make_shared<TokenAuthenticator>(commandLineToken.trimmed());
        return {};
    }
    case SignInMethod::TokenFromEnvironment: {
        QString howTo;
        std::optional<QByteArray> token = secrets.secret(SecretKind::Token, QString(), &howTo);
        if (!token || token->trimmed().isEmpty())
            return missing(tr("token"), howTo);
        *out = std::make_shared<TokenAuthenticator>(token->trimmed());
        wipe(*token);
        return {};
    }
    case SignInMethod::Certificate:
        return makeCertificateAuthenticator(options.certificate, options.privateKey, secrets, out);
    }
    return {};
}

} // namespace anadesk::cli
