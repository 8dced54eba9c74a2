#pragma once
// Best-effort wiping of secrets held in QByteArray: overwrite the bytes before the buffer is freed.
// (Copies made by Qt's implicit sharing elsewhere are not reached; keep secrets in few places.)
#include <QByteArray>

namespace anadesk {

inline void wipe(QByteArray &secret)
{
    if (!secret.isEmpty() && secret.isDetached()) { // shared: the last owner wipes it
        volatile char *p = secret.data();
        for (qsizetype i = 0; i < secret.size(); ++i)
            p[i] = 0;
    }
    secret.clear();
}

// A QByteArray that wipes itself when destroyed or reassigned.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {}
    SecretBytes(const SecretBytes &) = default;
    SecretBytes &operator=(const SecretBytes &other)
    {
        if (this != &other) {
            wipe(m_bytes);
            m_bytes = other.m_bytes;
        }
        return *this;
    }
    ~SecretBytes() { wipe(m_bytes); }

    const QByteArray &bytes() const { return m_bytes; }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    void clear() { wipe(m_bytes); }

private:
    QByteArray m_bytes;
};

} // namespace anadesk
