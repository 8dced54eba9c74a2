#include "Transport.h"

#include "Logging.h"
#include "TransportPrivate.h"
#include "TransportReply.h"
#include "auth/TokenKeeper.h"

#include <QMetaObject>

#ifndef ANADESK_VERSION_STRING
#define ANADESK_VERSION_STRING "0"
#endif

namespace anadesk {

Q_LOGGING_CATEGORY(lcNet, "anadesk.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNetHttp, "anadesk.net.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "anadesk.auth", QtInfoMsg)

namespace {
void applyOptions(QNetworkAccessManager *manager, const ClientOptions &options)
{
    if (manager && options.proxy)
        manager->setProxy(*options.proxy);
}
} // namespace

Transport::Transport(const Endpoints &endpoints, const ClientOptions &options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    qRegisterMetaType<anadesk::ApiError>();
    d->endpoints = endpoints;
    d->options = options;
    d->clock = Clock::system();
    d->ownManager = std::make_unique<QNetworkAccessManager>();
    d->manager = d->ownManager.get();
    // Redirects are handled per request (same origin only); never let QNAM reuse credentials.
    d->manager->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
    applyOptions(d->manager, options);
    d->pacer = new Pacer(d->clock, this);
    d->keeper = new TokenKeeper(*this);
    connect(d->keeper, &TokenKeeper::credentialsRejected, this, &Transport::credentialsRejected);
    d->userAgent = QByteArrayLiteral("Anadesk/" ANADESK_VERSION_STRING " (Qt ") + qVersion() + ')';
}

Transport::~Transport()
{
    const auto live = d->live;
    for (const QPointer<TransportReply> &reply : live) {
        if (reply)
            reply->detach();
    }
    delete d->keeper; // before the manager and clock it uses
    d->keeper = nullptr;
}

const Endpoints &Transport::endpoints() const
{
    return d->endpoints;
}

const ClientOptions &Transport::options() const
{
    return d->options;
}

void Transport::setOptions(const ClientOptions &options)
{
    d->options = options;
    applyOptions(d->manager, options);
}

void Transport::setAuthenticator(std::shared_ptr<Authenticator> authenticator)
{
    d->keeper->setAuthenticator(std::move(authenticator));
}

void Transport::setHoldOnRejection(bool hold)
{
    d->keeper->setHoldOnRejection(hold);
}

void Transport::releaseHeldRequests()
{
    d->keeper->releaseHeld();
}

int Transport::heldRequestCount() const
{
    return d->keeper->heldCount();
}

Authenticator *Transport::authenticator() const
{
    return d->keeper->authenticator();
}

void Transport::setNetworkAccessManager(QNetworkAccessManager *manager)
{
    d->manager = manager ? manager : d->ownManager.get();
    applyOptions(d->manager, d->options);
}

QNetworkAccessManager *Transport::networkAccessManager() const
{
    return d->manager;
}

void Transport::setClock(std::shared_ptr<Clock> clock)
{
    d->clock = clock ? std::move(clock) : Clock::system();
    d->pacer->setClock(d->clock);
}

Clock &Transport::clock() const
{
    return *d->clock;
}

void Transport::setRandomSource(std::function<double()> uniform01)
{
    d->uniform01 = std::move(uniform01);
}

qint64 Transport::pausedUntilMs() const
{
    return d->pacer->isPaused() ? d->pacer->pausedUntilMs() : 0;
}

ApiReply *Transport::send(const ApiRequest &request)
{
    auto *reply = new TransportReply(this, request, ++d->serial);
    d->live.append(reply);
    QMetaObject::invokeMethod(reply, &TransportReply::start, Qt::QueuedConnection);
    return reply;
}

} // namespace anadesk
