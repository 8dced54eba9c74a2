#pragma once
// The QNetworkReply that FakeNetworkAccessManager hands out: plays one FakeResponse.
#include "FakeNetworkAccessManager.h"

#include <QNetworkReply>
#include <QPointer>

namespace anadesk::test {

class FakeReply final : public QNetworkReply
{
    Q_OBJECT
public:
    FakeReply(FakeNetworkAccessManager *manager, QNetworkAccessManager::Operation operation,
              const QNetworkRequest &request, const FakeResponse &response, qint64 uploadedBytes,
              std::shared_ptr<FakeClock> clock);
    ~FakeReply() override;

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }
    bool isHanging() const { return m_response.kind == FakeResponse::Kind::Hang; }
    bool isWaitingOnClock() const { return m_timer != 0; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void play();
    void deliverHead();
    void finishWithError(QNetworkReply::NetworkError error, const QString &message);

    QPointer<FakeNetworkAccessManager> m_manager;
    FakeResponse m_response;
    qint64 m_uploaded;
    std::shared_ptr<FakeClock> m_clock;
    Clock::TimerId m_timer = 0;
    QByteArray m_buffer;
    qint64 m_readPos = 0;
};

} // namespace anadesk::test
