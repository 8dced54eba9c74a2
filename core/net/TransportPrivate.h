#pragma once
// Transport's state shared with TransportReply (internal to core/net).
#include "Clock.h"
#include "Pacer.h"
#include "Transport.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QPointer>

namespace anadesk {

class TokenKeeper;
class TransportReply;

struct Transport::Private
{
    Endpoints endpoints;
    ClientOptions options;
    std::shared_ptr<Clock> clock;
    std::unique_ptr<QNetworkAccessManager> ownManager;
    QPointer<QNetworkAccessManager> manager;
    Pacer *pacer = nullptr;        // child of the Transport
    TokenKeeper *keeper = nullptr; // child of the Transport
    std::function<double()> uniform01;
    QList<QPointer<TransportReply>> live;
    quint64 serial = 0;
    QByteArray userAgent;
};

} // namespace anadesk
