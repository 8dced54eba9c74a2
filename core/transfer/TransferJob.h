#pragma once
// Common face of the upload and download jobs: one start(), one cancel(), progress, and exactly one
// finished() carrying either success or a typed ApiError. The caller owns the job (deleteLater()
// in the finished handler is fine). Jobs run on the thread that created them (normally the GUI or
// CLI main thread) and never block it: disk reads, hashing and gzip run on QtConcurrent workers.
#include "TransferManifest.h"
#include "net/ApiError.h"

#include <QObject>
#include <QString>

namespace anadesk {

class Transport;

// Which model a file lives in. Empty ids are taken from Transport::options() at start().
struct FileLocation
{
    QString workspaceId;
    QString modelId;
    QString fileId;
    QString displayName; // for messages ("'Sales.csv'"); optional
};

class TransferJob : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    ~TransferJob() override;

    State state() const { return m_state; }
    bool isFinished() const { return m_state == State::Succeeded || m_state == State::Failed
                                     || m_state == State::Cancelled; }
    bool isOk() const { return m_state == State::Succeeded; }
    const ApiError &error() const { return m_error; }
    // Chunk-by-chunk record (sizes, SHA-256, attempts). For uploads fileId is the file actually
    // written, which differs from the requested one when Anaplan created a new file.
    const TransferManifest &manifest() const { return m_manifest; }
    const FileLocation &location() const { return m_location; }

    // Starts the job (asynchronously). Calling it twice does nothing.
    virtual void start() = 0;
    // Aborts every request in flight, sends nothing more and finishes with a Cancelled error.
    // Safe to call at any time, also from a progress or finished handler; no-op once finished.
    void cancel();

Q_SIGNALS:
    // totalBytes / totalChunks are -1 while unknown (streams).
    void progress(qint64 doneBytes, qint64 totalBytes, int doneChunks, int totalChunks);
    // Human-readable phase ("Setting chunk count", "Uploading", "Verifying chunks", …) for a status line.
    void phaseChanged(const QString &phase);
    // Emitted exactly once.
    void finished();

protected:
    TransferJob(Transport *transport, FileLocation location, QObject *parent);

    Transport *transport() const { return m_transport; }
    bool isRunning() const { return m_state == State::Running; }
    // Moves to Running and fills empty location ids from the transport options; false (and finished
    // with BadInput) when an id is still missing.
    bool beginRunning();
    void finishOk();
    void finishWithError(const ApiError &error);
    void setPhase(const QString &phase);
    QString objectDescription() const; // "file 113000000001 'Sales.csv'"

    // Subclasses abort their replies and worker results here; called once, before finished().
    virtual void abortInFlight() = 0;

    TransferManifest m_manifest;
    FileLocation m_location;

private:
    void finishWithState(State state);

    Transport *m_transport;
    State m_state = State::Idle;
    ApiError m_error;
};

} // namespace anadesk
