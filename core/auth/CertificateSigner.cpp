#include "CertificateSigner.h"

#include "net/Redaction.h"

#include <QCoreApplication>
#include <cstring>
#include <memory>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace anadesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::CertificateSigner", text);
}

struct BioFree
{
    void operator()(BIO *p) const { BIO_free(p); }
};
struct X509Free
{
    void operator()(X509 *p) const { X509_free(p); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

ApiError certError(const QString &message, const QString &hint,
                   ErrorCategory category = ErrorCategory::BadInput)
{
    ApiError error;
    error.category = category;
    error.object = tr("certificate sign-in");
    error.message = message;
    error.hint = hint;
    return error;
}

BioPtr memoryBio(const QByteArray &bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

X509Ptr readCertificate(const QByteArray &pem)
{
    BioPtr bio = memoryBio(pem);
    X509Ptr cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    ERR_clear_error();
    return cert;
}

struct PassphraseState
{
    const QByteArray *passphrase;
    bool asked = false;
};

int passphraseCallback(char *buffer, int size, int, void *userData)
{
    auto *state = static_cast<PassphraseState *>(userData);
    state->asked = true;
    const int length = int(state->passphrase->size());
    if (length == 0 || length > size)
        return 0; // no passphrase: decryption fails and is reported as "passphrase needed"
    std::memcpy(buffer, state->passphrase->constData(), size_t(length));
    return length;
}

PkeyPtr readKey(const QByteArray &pem, const QByteArray &passphrase, ApiError *error)
{
    BioPtr bio = memoryBio(pem);
    PassphraseState state{&passphrase};
    PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, passphraseCallback, &state) : nullptr);
    ERR_clear_error();
    if (key)
        return key;
    if (!state.asked)
        *error = certError(tr("The private key could not be read"),
                           tr("Choose the PEM file with the private key (\"-----BEGIN PRIVATE KEY-----\" or "
                              "\"-----BEGIN RSA PRIVATE KEY-----\")."));
    else if (passphrase.isEmpty())
        *error = certError(tr("The private key is encrypted and no passphrase was given"),
                           tr("Enter the key's passphrase."), ErrorCategory::Auth);
    else
        *error = certError(tr("The passphrase does not unlock the private key"),
                           tr("Check the passphrase (it is case-sensitive)."), ErrorCategory::Auth);
    return nullptr;
}

QString nameEntry(X509_NAME *name, int nid)
{
    const int index = X509_NAME_get_index_by_NID(name, nid, -1);
    if (index < 0)
        return QString();
    ASN1_STRING *data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
    unsigned char *utf8 = nullptr;
    const int length = ASN1_STRING_to_UTF8(&utf8, data);
    if (length < 0)
        return QString();
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(utf8), length);
    OPENSSL_free(utf8);
    return text;
}

} // namespace

CertificateSigner::CertificateSigner(QByteArray certificatePem, const QByteArray &privateKeyPem,
                                     const QByteArray &passphrase)
    : m_certificatePem(std::move(certificatePem))
    , m_keyPem(privateKeyPem)
    , m_passphrase(passphrase)
{
    registerSecret(m_passphrase.bytes());
}

CertificateSigner::~CertificateSigner()
{
    forgetSecret(m_passphrase.bytes());
}

bool CertificateSigner::inspect(const QByteArray &certificatePem, CertificateInfo *info, ApiError *error)
{
    const X509Ptr cert = readCertificate(certificatePem);
    if (!cert) {
        *error =
            certError(tr("The certificate could not be read"),
                      tr("Choose the PEM certificate file (\"-----BEGIN CERTIFICATE-----\") registered in "
                         "Anaplan for this user."));
        return false;
    }
    X509_NAME *subject = X509_get_subject_name(cert.get());
    info->commonName = nameEntry(subject, NID_commonName);
    info->subjectEmail = nameEntry(subject, NID_pkcs9_emailAddress);
    EVP_PKEY *publicKey = X509_get0_pubkey(cert.get());
    info->isRsa = publicKey && EVP_PKEY_is_a(publicKey, "RSA");
    const ASN1_TIME *notAfter = X509_get0_notAfter(cert.get());
    struct tm when
    {
    };
    if (notAfter && ASN1_TIME_to_tm(notAfter, &when) == 1)
        info->notAfterSecs = qint64(timegm(&when));
    ERR_clear_error();
    return true;
}

// Loads the certificate and key and checks they belong together; the key is returned for signing.
static ApiError loadChecked(const QByteArray &certificatePem, const QByteArray &keyPem,
                            const QByteArray &passphrase, PkeyPtr *keyOut)
{
    ApiError error;
    const X509Ptr cert = readCertificate(certificatePem);
    if (!cert)
        return certError(tr("The certificate could not be read"),
                         tr("Choose the PEM certificate file (\"-----BEGIN CERTIFICATE-----\")."));
    PkeyPtr key = readKey(keyPem, passphrase, &error);
    if (!key)
        return error;
    if (!EVP_PKEY_is_a(key.get(), "RSA"))
        return certError(tr("The private key is not an RSA key"),
                         tr("Anaplan certificate sign-in needs an RSA key (2048 bits or more)."));
    const bool matches = X509_check_private_key(cert.get(), key.get()) == 1;
    ERR_clear_error();
    if (!matches)
        return certError(tr("The private key does not belong to the certificate"),
                         tr("Choose the key file that was created together with this certificate."));
    if (keyOut)
        *keyOut = std::move(key);
    return ApiError{};
}

ApiError CertificateSigner::validate() const
{
    return loadChecked(m_certificatePem, m_keyPem.bytes(), m_passphrase.bytes(), nullptr);
}

QByteArray CertificateSigner::sign(const QByteArray &data, ApiError *error) const
{
    PkeyPtr key;
    *error = loadChecked(m_certificatePem, m_keyPem.bytes(), m_passphrase.bytes(), &key);
    if (error->isError())
        return QByteArray();
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> context(EVP_MD_CTX_new());
    size_t length = 0;
    QByteArray signature;
    bool ok =
        key && context && EVP_DigestSignInit(context.get(), nullptr, EVP_sha512(), nullptr, key.get()) == 1 &&
        EVP_DigestSign(context.get(), nullptr, &length,
                       reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size())) == 1;
    if (ok) {
        signature.resize(qsizetype(length));
        ok = EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                            reinterpret_cast<const unsigned char *>(data.constData()),
                            size_t(data.size())) == 1;
        signature.resize(qsizetype(length));
    }
    ERR_clear_error();
    if (!ok) {
        *error = certError(tr("Signing with the private key failed"), tr("Check the key file."),
                           ErrorCategory::LocalIo);
        return QByteArray();
    }
    return signature;
}

} // namespace anadesk
