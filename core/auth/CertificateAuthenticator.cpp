#include "CertificateAuthenticator.h"

#include "TokenResponse.h"
#include "net/Clock.h"
#include "net/Transport.h"
#include "net/UrlBuilder.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QtEndian>
#include <openssl/rand.h>

namespace anadesk {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::CertificateAuthenticator", text);
}

bool readFile(const QString &path, QByteArray *out, const QString &what, ApiError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error->category = ErrorCategory::LocalIo;
        error->object = path;
        error->message = tr("The %1 file could not be read").arg(what);
        error->serverMessage = file.errorString();
        error->hint = tr("Check the path and the file permissions.");
        return false;
    }
    *out = file.read(1 << 20); // certificates and keys are a few kB
    return true;
}
} // namespace

CertificateAuthenticator::CertificateAuthenticator(QByteArray certificatePem, const QByteArray &privateKeyPem,
                                                   const QByteArray &passphrase, Format format)
    : m_signer(std::move(certificatePem), privateKeyPem, passphrase)
    , m_format(format)
{
    CertificateInfo info;
    ApiError ignored;
    if (CertificateSigner::inspect(m_signer.certificatePem(), &info, &ignored))
        m_subject = !info.subjectEmail.isEmpty() ? info.subjectEmail : info.commonName;
}

std::shared_ptr<CertificateAuthenticator> CertificateAuthenticator::fromFiles(const QString &certificatePath,
                                                                              const QString &keyPath,
                                                                              const QByteArray &passphrase,
                                                                              Format format, ApiError *error)
{
    QByteArray certificate;
    QByteArray key;
    if (!readFile(certificatePath, &certificate, tr("certificate"), error) ||
        !readFile(keyPath, &key, tr("private key"), error))
        return nullptr;
    auto authenticator = std::make_shared<CertificateAuthenticator>(certificate, key, passphrase, format);
    wipe(key);
    return authenticator;
}

QString CertificateAuthenticator::description() const
{
    return m_subject.isEmpty() ? tr("certificate sign-in") : tr("certificate sign-in as %1").arg(m_subject);
}

QByteArray CertificateAuthenticator::authorizationHeader() const
{
    return "CACertificate " + m_signer.certificatePem().toBase64();
}

std::optional<CertificateAuthenticator::Payload> CertificateAuthenticator::buildPayload(qint64 nowMs,
                                                                                        ApiError *error) const
{
    Payload payload;
    QByteArray random(kRandomBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(random.data()), kRandomBytes) != 1) {
        error->category = ErrorCategory::LocalIo;
        error->object = description();
        error->message = tr("No random data available for the certificate sign-in");
        return std::nullopt;
    }
    if (m_format == Format::V2) {
        QByteArray stamp(8, Qt::Uninitialized);
        qToBigEndian<quint64>(quint64(qMax<qint64>(0, nowMs / 1000)), stamp.data());
        payload.data = stamp + random;
    } else {
        payload.data = random;
    }
    payload.signature = m_signer.sign(payload.data, error);
    if (payload.signature.isEmpty())
        return std::nullopt;
    QJsonObject body{
        {QStringLiteral("encodedData"), QString::fromLatin1(payload.data.toBase64())},
        {QStringLiteral("encodedSignedData"), QString::fromLatin1(payload.signature.toBase64())}};
    if (m_format == Format::V2)
        body.insert(QStringLiteral("encodedDataFormat"), QStringLiteral("v2"));
    payload.json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return payload;
}

void CertificateAuthenticator::authenticate(Transport &transport, QObject *context, Done done)
{
    ApiError error;
    const std::optional<Payload> payload = buildPayload(transport.clock().nowMs(), &error);
    if (!payload) {
        if (error.category == ErrorCategory::BadInput)
            error.category = ErrorCategory::Auth; // unusable credentials: stop, ask the user
        QTimer::singleShot(0, context, [done, error]() { done({}, error); });
        return;
    }
    ApiRequest request;
    request.method = "POST";
    request.url =
        buildUrl(transport.endpoints().auth, {QStringLiteral("token"), QStringLiteral("authenticate")});
    request.authenticated = false;
    // A v2 payload may be used once: never re-send the same body unless it provably never arrived.
    request.idempotency = Idempotency::NotRepeatable;
    request.contentType = "application/json";
    request.body = payload->json;
    request.object = description();
    request.extraHeaders.append({QByteArrayLiteral("Authorization"), authorizationHeader()});
    ApiReply *reply = transport.send(request);
    QPointer<QObject> guard(context);
    const QString what = description();
    QObject::connect(reply, &ApiReply::finished, reply, [reply, guard, done, what]() {
        reply->deleteLater();
        if (!guard)
            return;
        const TokenResult result = parseTokenReply(*reply, what);
        done(result.token, result.error);
    });
}

} // namespace anadesk
