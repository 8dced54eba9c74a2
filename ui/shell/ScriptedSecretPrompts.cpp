#include "ScriptedSecretPrompts.h"

#include <QMetaObject>

namespace anadesk {

ScriptedSecretPrompts::ScriptedSecretPrompts(QObject *parent)
    : QObject(parent)
{}

void ScriptedSecretPrompts::ask(QWidget *, const SecretRequest &request, Answer answer)
{
    m_requests.append(request);
    std::optional<SecretAnswer> reply;
    if (m_queue.isEmpty())
        ++m_unanswered;
    else
        reply = m_queue.takeFirst();
    Q_EMIT asked(int(m_requests.size()) - 1);
    QMetaObject::invokeMethod(
        this, [answer = std::move(answer), reply] { answer(reply); }, Qt::QueuedConnection);
}

int ScriptedSecretPrompts::count(SecretPurpose purpose) const
{
    int n = 0;
    for (const SecretRequest &request : m_requests)
        n += request.purpose == purpose ? 1 : 0;
    return n;
}

} // namespace anadesk
