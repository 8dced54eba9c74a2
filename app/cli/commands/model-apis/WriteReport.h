#pragma once
// How the batched writes (list items, module cells) are followed and reported: a progress line per
// batch on a terminal, failures with the input line they came from (CSV), exit 12 when Anaplan
// rejected entries, and the summed result printed also when a later batch failed.
#include "../../Output.h"
#include "RequestInput.h"
#include "transactional/BatchedWriteJob.h"
#include "transactional/ListTypes.h"

#include <QJsonObject>

namespace anadesk::cli {

class Session;

// Shows "<verb>: 100,000 of 150,000 (batch 1 of 2)" while the job runs (terminal only).
void reportBatchProgress(BatchedWriteJob *job, ProgressLine &line, const QString &verb);

// Waits for the write; the first Ctrl-C stops it after telling what happens (the batches done stay
// written; the one in flight may or may not have been applied), so the sums can still be printed.
ApiError waitForWrite(Session &session, BatchedWriteJob *job, ProgressLine &line);

// The failures as JSON, each with "line" (the CSV line of the entry) when the input was CSV.
QJsonArray failuresWithLines(const QList<ItemFailure> &failures, const RequestInput &input);

// The command's error: the job's own error when a batch failed, else ActionFailed when some entries
// were rejected (message names the counts; serverMessage quotes the first rejection).
ApiError writeOutcome(const ApiError &jobError, const QList<ItemFailure> &failures, qint64 entries,
                      const QString &noun, const QString &object, const RequestInput &input);

// Prints `result` (JSON: with "error" when failed) and human lines for the first rejections.
void printWriteResult(Output &out, QJsonObject result, const QList<std::pair<QString, QString>> &fields,
                      const ApiError &error);

} // namespace anadesk::cli
