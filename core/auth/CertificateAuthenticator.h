#pragma once
// Certificate sign-in: POST {auth}/token/authenticate with
//   Authorization: CACertificate <base64 of the whole PEM certificate text>
//   {"encodedData": base64(data), "encodedSignedData": base64(SHA512withRSA(data)), "encodedDataFormat":
//   "v2"}
// v2 (default): data = 8-byte big-endian Unix time in seconds + 150 random bytes, built fresh for
// every sign-in (Anaplan rejects reused v2 payloads). v1: 150 random bytes, no format field.
// The key passphrase lives only in memory; the key is decrypted only while signing.
#include "Authenticator.h"
#include "CertificateSigner.h"

#include <optional>

namespace anadesk {

class CertificateAuthenticator final : public Authenticator
{
public:
    enum class Format
    {
        V1,
        V2
    };

    CertificateAuthenticator(QByteArray certificatePem, const QByteArray &privateKeyPem,
                             const QByteArray &passphrase = {}, Format format = Format::V2);

    // Reads both PEM files; a missing/unreadable file gives a LocalIo error naming the path.
    static std::shared_ptr<CertificateAuthenticator> fromFiles(const QString &certificatePath,
                                                               const QString &keyPath,
                                                               const QByteArray &passphrase, Format format,
                                                               ApiError *error);

    // Offline check of the material (certificate parses, passphrase right, key matches, RSA).
    ApiError validate() const { return m_signer.validate(); }

    struct Payload
    {
        QByteArray data;      // what was signed (v2: timestamp prefix + random)
        QByteArray signature; // SHA512withRSA
        QByteArray json;      // the request body
    };
    // A fresh payload for a sign-in at nowMs (exposed for tests).
    std::optional<Payload> buildPayload(qint64 nowMs, ApiError *error) const;
    QByteArray authorizationHeader() const; // "CACertificate <base64 PEM>"

    Format format() const { return m_format; }
    void setFormat(Format format) { m_format = format; }

    void authenticate(Transport &transport, QObject *context, Done done) override;
    QString description() const override;

    static constexpr int kRandomBytes = 150; // Anaplan requires ≥ 100

private:
    CertificateSigner m_signer;
    Format m_format;
    QString m_subject;
};

} // namespace anadesk
