#pragma once
// FileDialogs for tests: records every request and answers with queued paths at once (no modal loop).
// Without a queued answer the dialog counts as cancelled (empty answer) and its object name is listed
// in unanswered().
#include "FileDialogs.h"

#include <QHash>
#include <QList>
#include <QObject>

namespace anadesk {

class ScriptedFileDialogs final : public QObject, public FileDialogs
{
    Q_OBJECT

public:
    explicit ScriptedFileDialogs(QObject *parent = nullptr);

    QStringList ask(QWidget *parent, const FileDialogRequest &request) override;

    // The next dialog (of any name) answers `paths`; an empty list = the user cancelled.
    void answerNext(const QStringList &paths) { m_queue.append(paths); }
    void answerNext(const QString &path) { m_queue.append(QStringList{path}); }
    // Every dialog with that object name answers `paths` (after the queue is used up).
    void answerFor(const QString &objectName, const QStringList &paths) { m_byName.insert(objectName, paths); }

    const QList<FileDialogRequest> &requests() const { return m_requests; }
    int count(const QString &objectName) const;
    const QStringList &unanswered() const { return m_unanswered; }
    void clear();

Q_SIGNALS:
    void asked(const anadesk::FileDialogRequest &request);

private:
    QList<FileDialogRequest> m_requests;
    QList<QStringList> m_queue;
    QHash<QString, QStringList> m_byName;
    QStringList m_unanswered;
};

} // namespace anadesk
