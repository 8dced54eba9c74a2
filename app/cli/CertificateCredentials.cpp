#include "CertificateCredentials.h"

#include "auth/CertificateAuthenticator.h"
#include "auth/SecretBytes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::CertificateCredentials", text);
}

constexpr qint64 kMaxPemBytes = 1 << 20;

} // namespace

bool isEncryptedPemKey(const QByteArray &pem)
{
    return pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || pem.contains("Proc-Type: 4,ENCRYPTED");
}

ApiError readPemFile(const QString &path, const QByteArray &marker, const QString &what, QByteArray *out)
{
    ApiError e;
    e.object = QDir::toNativeSeparators(path);
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists()) {
        e.category = ErrorCategory::LocalIo;
        e.message = tr("The %1 file does not exist").arg(what);
        e.hint = tr("Check the path.");
        return e;
    }
    if (info.size() > kMaxPemBytes) {
        e.category = ErrorCategory::BadInput;
        e.message = tr("The %1 file is too large to be a PEM file").arg(what);
        e.hint = tr("Give the PEM file itself (text starting with -----BEGIN).");
        return e;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        e.category = ErrorCategory::LocalIo;
        e.message = tr("The %1 file cannot be read").arg(what);
        e.serverMessage = file.errorString();
        e.hint = tr("Check the file's permissions.");
        return e;
    }
    QByteArray content = file.readAll();
    if (!content.contains("-----BEGIN ") || !content.contains(marker)) {
        wipe(content);
        e.category = ErrorCategory::BadInput;
        e.message = tr("The %1 file is not in PEM format").arg(what);
        e.hint =
            tr("Convert it to PEM (e.g. openssl pkcs12 -in cert.p12 -nodes -out cert.pem) and try again.");
        return e;
    }
    *out = content;
    wipe(content);
    return {};
}

ApiError makeCertificateAuthenticator(const QString &certificatePath, const QString &privateKeyPath,
                                      SecretChain &secrets, std::shared_ptr<Authenticator> *out)
{
    QByteArray certificate;
    if (ApiError e = readPemFile(certificatePath, "CERTIFICATE", tr("certificate"), &certificate);
        e.isError())
        return e;
    QByteArray key;
    if (ApiError e = readPemFile(privateKeyPath, "PRIVATE KEY", tr("private key"), &key); e.isError())
        return e;

    QByteArray passphrase;
    if (isEncryptedPemKey(key)) {
        QString howTo;
        std::optional<QByteArray> secret =
            secrets.secret(SecretKind::KeyPassphrase, QDir::toNativeSeparators(privateKeyPath), &howTo);
        if (!secret) {
            wipe(key);
            ApiError e;
            e.category = ErrorCategory::BadInput;
            e.message = tr("The private key is encrypted and no passphrase was given");
            e.object = QDir::toNativeSeparators(privateKeyPath);
            e.hint = tr("To provide it, %1.").arg(howTo);
            return e;
        }
        passphrase = *secret;
        wipe(*secret);
    }
    auto authenticator = std::make_shared<CertificateAuthenticator>(certificate, key, passphrase);
    wipe(key);
    wipe(passphrase);
    // Checked offline first: a wrong passphrase or a key that does not match the certificate is
    // reported before anything is sent, and never counts as a failed sign-in at the server.
    if (ApiError e = authenticator->validate(); e.isError()) {
        if (e.object.isEmpty())
            e.object = QDir::toNativeSeparators(privateKeyPath);
        return e;
    }
    *out = std::move(authenticator);
    return {};
}

} // namespace anadesk::cli
