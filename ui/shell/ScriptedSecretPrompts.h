#pragma once
// SecretPrompts for tests: records every request and answers from a queue (in order) from the event loop;
// with nothing queued the request is cancelled and counted as unanswered.
#include "SecretPrompts.h"

#include <QObject>

namespace anadesk {

class ScriptedSecretPrompts final : public QObject, public SecretPrompts
{
    Q_OBJECT

public:
    explicit ScriptedSecretPrompts(QObject *parent = nullptr);

    void ask(QWidget *parent, const SecretRequest &request, Answer answer) override;

    // Queues the answer to the next request; nullopt cancels it.
    void answerNext(const std::optional<SecretAnswer> &answer) { m_queue.append(answer); }
    const QList<SecretRequest> &requests() const { return m_requests; }
    int count(SecretPurpose purpose) const;
    int unanswered() const { return m_unanswered; }

Q_SIGNALS:
    void asked(int index);

private:
    QList<SecretRequest> m_requests;
    QList<std::optional<SecretAnswer>> m_queue;
    int m_unanswered = 0;
};

} // namespace anadesk
