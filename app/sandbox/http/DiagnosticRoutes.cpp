#include "DiagnosticRoutes.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QHash>
#include <QIODevice>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QWaitCondition>
#include <cstring>

namespace sandbox {

namespace {

constexpr qint64 kPeriod = 65521;
constexpr qint64 kMaxBlobBytes = qint64(64) << 30; // 64 GiB

// Produces patternByte(i, seed) for i in [0, size) without storing the body.
class PatternDevice : public QIODevice
{
public:
    PatternDevice(qint64 size, quint32 seed)
        : m_size(size)
    {
        m_period.resize(kPeriod);
        for (qint64 i = 0; i < kPeriod; ++i)
            m_period[i] = char(patternByte(i, seed));
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 start = pos();
        const qint64 count = qMin(maxSize, m_size - start);
        qint64 done = 0;
        while (done < count) {
            const qint64 offset = (start + done) % kPeriod;
            const qint64 piece = qMin(count - done, kPeriod - offset);
            std::memcpy(data + done, m_period.constData() + offset, size_t(piece));
            done += piece;
        }
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 m_size;
    QByteArray m_period;
};

struct Barrier
{
    int arrived = 0;
    quint64 generation = 0;
};

QMutex barrierMutex;
QWaitCondition barrierReleased;
QHash<QString, Barrier> barriers;

HttpResponse waitOnBarrier(const HttpRequest &request)
{
    const QString name = request.queryValue(QStringLiteral("name"));
    bool partiesOk = false;
    const int parties = request.queryValue(QStringLiteral("parties")).toInt(&partiesOk);
    bool timeoutGiven = false;
    int timeoutMs = request.queryValue(QStringLiteral("timeoutMs")).toInt(&timeoutGiven);
    if (!timeoutGiven)
        timeoutMs = 10'000;
    if (name.isEmpty() || !partiesOk || parties < 1 || parties > 1'000 || timeoutMs < 0 || timeoutMs > 60'000)
        return HttpResponse::v2Error(
            400, QStringLiteral("barrier needs ?name=X&parties=1..1000[&timeoutMs=0..60000]"),
            request.path());
    QMutexLocker lock(&barrierMutex);
    Barrier &barrier = barriers[name];
    const quint64 generation = barrier.generation;
    if (++barrier.arrived >= parties) {
        barrier.arrived = 0;
        ++barrier.generation;
        barrierReleased.wakeAll();
    } else {
        const QDeadlineTimer deadline(timeoutMs);
        while (barriers[name].generation == generation) {
            if (!barrierReleased.wait(&barrierMutex, deadline)) {
                if (barriers[name].generation != generation)
                    break;
                --barriers[name].arrived;
                return HttpResponse::v2Error(
                    504,
                    QStringLiteral("barrier '%1': fewer than %2 requests arrived within %3 ms")
                        .arg(name)
                        .arg(parties)
                        .arg(timeoutMs),
                    request.path());
            }
        }
    }
    return HttpResponse::json(
        200, QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("parties"), parties}});
}

HttpResponse echo(const HttpRequest &request)
{
    return HttpResponse::json(
        200,
        QJsonObject{
            {QStringLiteral("bytes"), qint64(request.body.size())},
            {QStringLiteral("sha256"),
             QString::fromLatin1(QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex())},
            {QStringLiteral("contentType"), QString::fromLatin1(request.header("content-type"))}});
}

HttpResponse blob(const HttpRequest &request)
{
    bool ok = false;
    const qint64 bytes = request.queryValue(QStringLiteral("bytes")).toLongLong(&ok);
    if (!ok || bytes < 0 || bytes > kMaxBlobBytes)
        return HttpResponse::v2Error(400, QStringLiteral("blob needs ?bytes=0..%1").arg(kMaxBlobBytes),
                                     request.path());
    const quint32 seed = request.queryValue(QStringLiteral("seed")).toUInt();
    HttpResponse response;
    response.setHeader("Content-Type", "application/octet-stream");
    response.bodyDevice = std::make_shared<PatternDevice>(bytes, seed);
    response.bodyLength = bytes;
    return response;
}

} // namespace

void registerDiagnosticRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/__sandbox/echo"),
               [](const HttpRequest &r, const RouteMatch &) { return echo(r); });
    router.add("PUT", QStringLiteral("/__sandbox/echo"),
               [](const HttpRequest &r, const RouteMatch &) { return echo(r); });
    router.add("GET", QStringLiteral("/__sandbox/blob"),
               [](const HttpRequest &r, const RouteMatch &) { return blob(r); });
    router.add("GET", QStringLiteral("/__sandbox/barrier"),
               [](const HttpRequest &r, const RouteMatch &) { return waitOnBarrier(r); });
}

} // namespace sandbox
