#pragma once
// The ApiReply the Transport hands out: one logical request through pacing, token, wire attempts,
// 401 replay and retries. Internal to core/net (jobs only see ApiReply).
#include "ApiReply.h"
#include "ApiRequest.h"
#include "Clock.h"
#include "RetryPolicy.h"
#include "auth/TokenKeeper.h"

#include <QPointer>

class QNetworkReply;

namespace anadesk {

class Transport;

class TransportReply final : public ApiReply
{
    Q_OBJECT
public:
    TransportReply(Transport *transport, ApiRequest request, quint64 serial);
    ~TransportReply() override;

    void start();
    void abort() override;
    // The transport is going away: stop everything and finish with Cancelled.
    void detach();

private:
    void attempt();
    void withToken();
    void sendWire(const QByteArray &token);
    void armIdleWatchdog();
    void onIdleWatchdog();
    void noteActivity();
    void onWireFinished();
    void drainToSink(QNetworkReply *wire);
    bool holdForProxy(const ApiError &error);
    enum class Pacing
    {
        AlreadyPaced,
        PaceAgain
    };
    TokenKeeper::Callback sendWhenAnswered(Pacing pacing);
    void handleFailure(const Failure &failure, const ApiError &error, const QByteArray &retryAfter);
    void finishWith(const ApiError &error);
    void finishOk();
    Clock &clock() const;
    int timeoutMs() const;

    QPointer<Transport> m_transport;
    ApiRequest m_request;
    quint64 m_serial;
    QPointer<QNetworkReply> m_wire;
    QByteArray m_tokenUsed;
    bool m_replayedAfter401 = false;
    bool m_replayedAfter407 = false;
    int m_retries = 0;
    Clock::TimerId m_retryTimer = 0;
    Clock::TimerId m_idleTimer = 0;
    qint64 m_lastActivityMs = 0;
    qint64 m_wireStartedMs = 0;
    qint64 m_sunkBytes = 0; // this attempt's body bytes handed to m_request.bodySink
    bool m_timedOut = false;
    bool m_stopping = false;
};

} // namespace anadesk
