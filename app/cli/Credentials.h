#pragma once
// Chooses how anadesk-cli signs in and builds core's Authenticator for it:
//   1. --certificate PEM --private-key PEM   certificate sign-in (passphrase: ANADESK_KEY_PASSWORD or prompt)
//   2. --token TOKEN                         a token from elsewhere (visible in the process list!)
//   3. --user EMAIL                          basic sign-in (password: ANADESK_PASSWORD or prompt)
//   4. ANADESK_TOKEN                         a token from the environment, when none of the above is given
// Explicit options win over the environment. Secrets live only in core's SecretBytes afterwards.
#include "GlobalOptions.h"
#include "SecretSources.h"
#include "auth/Authenticator.h"
#include "net/ApiError.h"

#include <memory>

namespace anadesk::cli {

enum class SignInMethod
{
    None,
    Basic,
    Certificate,
    Token,
    TokenFromEnvironment
};

// Which method the options select (no secret is read). Conflicting options give None with *error.
SignInMethod chooseSignInMethod(const GlobalOptions &options, QString *error);

// Builds the authenticator, reading secrets through `secrets`. `commandLineToken` is the value of
// --token (empty when not given). A missing secret is a BadInput error that says how to provide it.
ApiError makeAuthenticator(const GlobalOptions &options, const QByteArray &commandLineToken,
                           SecretChain &secrets, std::shared_ptr<Authenticator> *out);

} // namespace anadesk::cli
