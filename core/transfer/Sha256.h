#pragma once
// SHA-256 through OpenSSL (hardware-accelerated where the CPU allows, several times faster than a
// portable implementation: it runs over every byte of every transfer). Safe on any thread; one
// Sha256 object per thread.
#include <QByteArray>
#include <memory>

namespace anadesk {

class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(const char *data, qint64 size);
    void addData(const QByteArray &data) { addData(data.constData(), data.size()); }
    // Makes this object's state a copy of `other`'s (a snapshot to go back to).
    void copyFrom(const Sha256 &other);
    // The raw 32-byte digest; the object is reset and can be reused afterwards.
    QByteArray result();

    static QByteArray hash(const QByteArray &data);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace anadesk
