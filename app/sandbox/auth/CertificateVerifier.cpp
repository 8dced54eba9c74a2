#include "CertificateVerifier.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <ctime>
#include <memory>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace sandbox {

namespace {

struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct X509Free
{
    void operator()(X509 *certificate) const { X509_free(certificate); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

constexpr int kMinimumDataBytes = 100;

CertificateLogin failure(const QString &message, bool badHeader = false)
{
    CertificateLogin result;
    result.badHeader = badHeader;
    result.message = message;
    return result;
}

std::unique_ptr<X509, X509Free> parseCertificate(const QByteArray &bytes)
{
    ERR_clear_error();
    if (bytes.contains("-----BEGIN CERTIFICATE-----")) {
        std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
        if (!bio)
            return nullptr;
        return std::unique_ptr<X509, X509Free>(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    }
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    return std::unique_ptr<X509, X509Free>(d2i_X509(nullptr, &data, long(bytes.size())));
}

QString subjectEntry(X509 *certificate, int nid)
{
    X509_NAME *subject = X509_get_subject_name(certificate);
    const int index = subject ? X509_NAME_get_index_by_NID(subject, nid, -1) : -1;
    if (index < 0)
        return {};
    ASN1_STRING *value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, index));
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, value);
    if (length < 0)
        return {};
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

bool decodeBase64(const QJsonValue &value, QByteArray *out)
{
    if (!value.isString())
        return false;
    const auto decoded =
        QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    *out = *decoded;
    return true;
}

} // namespace

CertificateVerifier::CertificateVerifier(QString trustedUser, int v2MaxSkewSeconds, EpochMsClock clock)
    : m_trustedUser(std::move(trustedUser))
    , m_maxSkewSeconds(v2MaxSkewSeconds)
    , m_clock(std::move(clock))
{}

CertificateLogin CertificateVerifier::verify(const QByteArray &certificateBase64, const QByteArray &jsonBody)
{
    const auto pem =
        QByteArray::fromBase64Encoding(certificateBase64.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!pem || pem.decoded.isEmpty())
        return failure(
            QStringLiteral("The CACertificate value is not valid base64. Send the base64 encoding of "
                           "the whole PEM certificate file."),
            true);
    const auto certificate = parseCertificate(*pem);
    if (!certificate)
        return failure(QStringLiteral("The CACertificate value does not decode to a PEM (or DER) X.509 "
                                      "certificate."),
                       true);

    const time_t now = time_t(m_clock() / 1000);
    time_t checkTime = now;
    if (X509_cmp_time(X509_get0_notBefore(certificate.get()), &checkTime) > 0)
        return failure(QStringLiteral("The certificate is not valid yet (check its notBefore date)."));
    if (X509_cmp_time(X509_get0_notAfter(certificate.get()), &checkTime) < 0)
        return failure(QStringLiteral("The certificate has expired; renew it and register the new one."));

    const QString email = subjectEntry(certificate.get(), NID_pkcs9_emailAddress);
    const QString commonName = subjectEntry(certificate.get(), NID_commonName);
    if (email.compare(m_trustedUser, Qt::CaseInsensitive) != 0 &&
        commonName.compare(m_trustedUser, Qt::CaseInsensitive) != 0)
        return failure(
            QStringLiteral("The certificate (subject CN '%1', emailAddress '%2') is not registered "
                           "for any sandbox user; the sandbox accepts certificates whose subject "
                           "emailAddress or CN is '%3'.")
                .arg(commonName, email, m_trustedUser));

    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(jsonBody, &parseError);
    if (!document.isObject())
        return failure(
            QStringLiteral("Certificate login needs a JSON object body {\"encodedData\": …, "
                           "\"encodedSignedData\": …}; the body is %1.")
                .arg(jsonBody.isEmpty()
                         ? QStringLiteral("empty")
                         : QStringLiteral("not a JSON object (%1)").arg(parseError.errorString())));
    const QJsonObject body = document.object();
    QByteArray data;
    QByteArray signature;
    if (!decodeBase64(body.value(QStringLiteral("encodedData")), &data))
        return failure(QStringLiteral("'encodedData' is missing or not base64."));
    if (!decodeBase64(body.value(QStringLiteral("encodedSignedData")), &signature) || signature.isEmpty())
        return failure(QStringLiteral("'encodedSignedData' is missing or not base64."));
    const QJsonValue format = body.value(QStringLiteral("encodedDataFormat"));
    const bool v2 = format.toString() == QLatin1String("v2");
    if (!format.isUndefined() && !v2 && format.toString() != QLatin1String("v1"))
        return failure(QStringLiteral("'encodedDataFormat' must be \"v2\" (or absent for the v1 format)."));
    if (data.size() < kMinimumDataBytes)
        return failure(
            QStringLiteral("'encodedData' decodes to %1 bytes; at least %2 random bytes are required.")
                .arg(data.size())
                .arg(kMinimumDataBytes));

    EVP_PKEY *key = X509_get0_pubkey(certificate.get());
    if (!key || !EVP_PKEY_is_a(key, "RSA"))
        return failure(QStringLiteral("The certificate's public key is not an RSA key (SHA512withRSA is "
                                      "required)."));
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> context(EVP_MD_CTX_new());
    const bool verified =
        context && EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha512(), nullptr, key) == 1 &&
        EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                         size_t(signature.size()), reinterpret_cast<const unsigned char *>(data.constData()),
                         size_t(data.size())) == 1;
    ERR_clear_error();
    if (!verified)
        return failure(QStringLiteral("'encodedSignedData' is not a SHA512withRSA (PKCS#1 v1.5) signature of "
                                      "'encodedData' made with this certificate's private key."));

    if (v2) {
        quint64 stamp = 0;
        for (int i = 0; i < 8; ++i)
            stamp = (stamp << 8) | quint8(data.at(i));
        const qint64 skew = qint64(stamp) - qint64(now);
        if (stamp > quint64(1) << 40 || skew > m_maxSkewSeconds || skew < -m_maxSkewSeconds)
            return failure(QStringLiteral("The v2 timestamp (first 8 bytes, big-endian Unix seconds: %1) is "
                                          "%2 s away from the server time %3; at most %4 s are allowed. Sign "
                                          "fresh data with the current time.")
                               .arg(stamp)
                               .arg(skew)
                               .arg(qint64(now))
                               .arg(m_maxSkewSeconds));
        const QByteArray digest = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
        if (!m_replays.insertIfNew(digest, now, qint64(stamp) + m_maxSkewSeconds + 1))
            return failure(
                QStringLiteral("This v2 payload was already used to log in; every v2 login must sign "
                               "freshly generated data."));
    }

    CertificateLogin result;
    result.ok = true;
    result.user = m_trustedUser;
    return result;
}

} // namespace sandbox
