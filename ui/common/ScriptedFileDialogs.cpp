#include "ScriptedFileDialogs.h"

namespace anadesk {

ScriptedFileDialogs::ScriptedFileDialogs(QObject *parent)
    : QObject(parent)
{}

QStringList ScriptedFileDialogs::ask(QWidget *parent, const FileDialogRequest &request)
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
    return {};
}

int ScriptedFileDialogs::count(const QString &objectName) const
{
    int n = 0;
    for (const FileDialogRequest &request : m_requests) {
        if (request.objectName == objectName)
            ++n;
    }
    return n;
}

void ScriptedFileDialogs::clear()
{
    m_requests.clear();
    m_queue.clear();
    m_byName.clear();
    m_unanswered.clear();
}

} // namespace anadesk
