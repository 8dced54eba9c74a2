#include "Sha256.h"

#include <openssl/evp.h>

namespace anadesk {

struct Sha256::Context
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256()
    : m_context(std::make_unique<Context>())
{
    EVP_DigestInit_ex(m_context->ctx, EVP_sha256(), nullptr);
}

Sha256::~Sha256() = default;

void Sha256::addData(const char *data, qint64 size)
{
    EVP_DigestUpdate(m_context->ctx, data, size_t(size));
}

void Sha256::copyFrom(const Sha256 &other)
{
    if (&other != this)
        EVP_MD_CTX_copy_ex(m_context->ctx, other.m_context->ctx);
}

QByteArray Sha256::result()
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->ctx, reinterpret_cast<unsigned char *>(digest.data()), &length);
    digest.resize(length);
    EVP_DigestInit_ex(m_context->ctx, EVP_sha256(), nullptr);
    return digest;
}

QByteArray Sha256::hash(const QByteArray &data)
{
    Sha256 sha;
    sha.addData(data);
    return sha.result();
}

} // namespace anadesk
