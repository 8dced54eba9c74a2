#pragma once
// Checks an Anaplan certificate login: "Authorization: CACertificate <base64 of the PEM text>" plus the
// JSON body {encodedData, encodedSignedData[, encodedDataFormat:"v2"]}. The signature must be
// SHA512withRSA (PKCS#1 v1.5) over the decoded data, made with the certificate's key; the data must be at
// least 100 bytes; a v2 payload starts with an 8-byte big-endian Unix time (seconds) that must be fresh
// and may be used only once. The sandbox "registers" every certificate whose subject emailAddress or CN
// equals the sandbox user (there is no upload of certificates to a local tenant).
#include "ReplayCache.h"
#include "TokenStore.h"

#include <QByteArray>
#include <QString>

namespace sandbox {

struct CertificateLogin
{
    bool ok = false;
    bool badHeader = false; // the Authorization header itself was unusable
    QString message;        // why it failed, for the 401 body (never contains key material)
    QString user;           // the sandbox user, on success
};

class CertificateVerifier
{
public:
    CertificateVerifier(QString trustedUser, int v2MaxSkewSeconds, EpochMsClock clock);
    CertificateLogin verify(const QByteArray &certificateBase64, const QByteArray &jsonBody);

private:
    QString m_trustedUser;
    int m_maxSkewSeconds;
    EpochMsClock m_clock;
    ReplayCache m_replays;
};

} // namespace sandbox
