#include "ScriptedMessageBoxes.h"

namespace anadesk {

ScriptedMessageBoxes::ScriptedMessageBoxes(QObject *parent)
    : QObject(parent)
{}

QMessageBox::StandardButton ScriptedMessageBoxes::ask(QWidget *parent, const MessageRequest &request)
{
    Q_UNUSED(parent)
    m_requests.append(request);
    Q_EMIT asked(request);
    if (!m_queue.isEmpty())
        return m_queue.takeFirst();
    const auto named = m_byName.constFind(request.objectName);
    if (named != m_byName.constEnd())
        return named.value();

    m_unanswered.append(request.objectName);
    if (request.defaultButton != QMessageBox::NoButton)
        return request.defaultButton;
    // The answer a user pressing Escape would give.
    for (const auto escape : {QMessageBox::Cancel, QMessageBox::No, QMessageBox::Close, QMessageBox::Ok}) {
        if (request.buttons.testFlag(escape))
            return escape;
    }
    return QMessageBox::NoButton;
}

QList<MessageRequest> ScriptedMessageBoxes::requestsNamed(const QString &objectName) const
{
    QList<MessageRequest> named;
    for (const MessageRequest &request : m_requests) {
        if (request.objectName == objectName)
            named.append(request);
    }
    return named;
}

void ScriptedMessageBoxes::clear()
{
    m_requests.clear();
    m_queue.clear();
    m_byName.clear();
    m_unanswered.clear();
}

} // namespace anadesk
