#pragma once
// The OpenSSL 3 part of certificate sign-in: parse the PEM certificate, decrypt the PEM private key
// with an in-memory passphrase, check they belong together, and sign with SHA512withRSA
// (RSA PKCS#1 v1.5 over SHA-512). The decrypted key exists only for the duration of sign().
#include "SecretBytes.h"
#include "net/ApiError.h"

#include <QByteArray>
#include <QString>

namespace anadesk {

struct CertificateInfo
{
    QString subjectEmail; // emailAddress or e-mail SAN, if present
    QString commonName;
    qint64 notAfterSecs = 0;
    bool isRsa = false;
};

class CertificateSigner
{
public:
    CertificateSigner(QByteArray certificatePem, const QByteArray &privateKeyPem,
                      const QByteArray &passphrase);
    ~CertificateSigner();
    CertificateSigner(const CertificateSigner &) = delete;
    CertificateSigner &operator=(const CertificateSigner &) = delete;

    // Parses the certificate only (no key): for descriptions and early checks.
    static bool inspect(const QByteArray &certificatePem, CertificateInfo *info, ApiError *error);

    // Loads both, checks the key decrypts, is RSA and matches the certificate. No network.
    ApiError validate() const;

    // Signs `data`; on failure returns an empty signature and sets *error (never mentions secrets).
    QByteArray sign(const QByteArray &data, ApiError *error) const;

    const QByteArray &certificatePem() const { return m_certificatePem; }

private:
    QByteArray m_certificatePem;
    SecretBytes m_keyPem;
    SecretBytes m_passphrase;
};

} // namespace anadesk
