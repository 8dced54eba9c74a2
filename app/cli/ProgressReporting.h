#pragma once
// Shows what long work is doing on stderr — only when stderr is a terminal (ProgressLine) — and
// always passes warnings on. Connected to a job's signals for as long as the job lives.
#include "Output.h"

#include <QObject>
#include <QString>

namespace anadesk {
class TaskRunner;
}

namespace anadesk::cli {

// "Import 'Sales from Sales.csv': IN_PROGRESS 40% Loading rows"; model-busy waits and warnings too.
void reportTaskProgress(TaskRunner *runner, ProgressLine &line, const Output &output, const QString &label);

// "Uploading 'Sales.csv': 12.5 MB of 40.0 MB, chunk 1 of 2" for any job with a
// progress(qint64 done, qint64 total, int doneChunks, int totalChunks) signal.
template <typename J, typename Signal>
void reportTransferProgress(J *job, Signal signal, ProgressLine &line, const QString &verb)
{
    if (!line.isEnabled())
        return;
    QObject::connect(job, signal, job,
                     [&line, verb](qint64 done, qint64 total, int doneChunks, int totalChunks) {
                         QString text = verb + QStringLiteral(": ") + ProgressLine::bytes(done);
                         if (total >= 0)
                             text += QStringLiteral(" of ") + ProgressLine::bytes(total);
                         if (totalChunks > 0)
                             text += QStringLiteral(", chunk %1 of %2").arg(doneChunks).arg(totalChunks);
                         line.update(text);
                     });
}

} // namespace anadesk::cli
