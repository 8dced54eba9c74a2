#pragma once
// MessageBoxes for tests: records every request and answers at once, without any modal loop.
// Queue replies with answerNext() (in order) or answerFor(objectName) (every time that box appears);
// without a reply, a box is answered with its default button (or Ok / No / Cancel) and counted as
// unanswered so a test can assert that nothing unexpected was asked.
#include "MessageBoxes.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace anadesk {

class ScriptedMessageBoxes final : public QObject, public MessageBoxes
{
    Q_OBJECT

public:
    explicit ScriptedMessageBoxes(QObject *parent = nullptr);

    QMessageBox::StandardButton ask(QWidget *parent, const MessageRequest &request) override;

    void answerNext(QMessageBox::StandardButton reply) { m_queue.append(reply); }
    void answerFor(const QString &objectName, QMessageBox::StandardButton reply) { m_byName.insert(objectName, reply); }

    const QList<MessageRequest> &requests() const { return m_requests; }
    // Requests with that object name, in order.
    QList<MessageRequest> requestsNamed(const QString &objectName) const;
    int count(const QString &objectName) const { return int(requestsNamed(objectName).size()); }
    // Object names of the requests answered by the fallback rule, not by a scripted reply.
    const QStringList &unanswered() const { return m_unanswered; }
    void clear();

Q_SIGNALS:
    // After recording, before answering: lets a test look at the UI while the box "is open".
    void asked(const anadesk::MessageRequest &request);

private:
    QList<MessageRequest> m_requests;
    QList<QMessageBox::StandardButton> m_queue;
    QHash<QString, QMessageBox::StandardButton> m_byName;
    QStringList m_unanswered;
};

} // namespace anadesk
