#pragma once
// Certificate sign-in for anadesk-cli: reads the certificate and private-key PEM files, asks for the
// key's passphrase only when the key is encrypted (ANADESK_KEY_PASSWORD, else a terminal prompt),
// and hands everything to core's certificate authenticator (v2 payload).
#include "SecretSources.h"
#include "auth/Authenticator.h"
#include "net/ApiError.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace anadesk::cli {

// True for PEM keys that need a passphrase: PKCS#8 "ENCRYPTED PRIVATE KEY" or legacy
// "Proc-Type: 4,ENCRYPTED" headers.
bool isEncryptedPemKey(const QByteArray &pem);

// Reads a PEM file (at most 1 MiB) that must contain `marker` ("CERTIFICATE", "PRIVATE KEY").
// LocalIo/BadInput errors name the file and what is wrong with it.
ApiError readPemFile(const QString &path, const QByteArray &marker, const QString &what, QByteArray *out);

ApiError makeCertificateAuthenticator(const QString &certificatePath, const QString &privateKeyPath,
                                      SecretChain &secrets, std::shared_ptr<Authenticator> *out);

} // namespace anadesk::cli
