#pragma once
// Lists every chunk id of a file (GET …/files/{id}/chunks, following limit/offset pages until
// meta.paging.totalSize is reached). Internal to core/transfer; owned by a job, aborted with it.
#include "TransferJob.h"
#include "net/ApiError.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

namespace anadesk {

class ApiReply;

class ChunkLister : public QObject
{
    Q_OBJECT
public:
    ChunkLister(Transport *transport, FileLocation location, QObject *parent);
    ~ChunkLister() override;

    void start();
    void abort();

    const QStringList &ids() const { return m_ids; }
    const ApiError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }

Q_SIGNALS:
    void finished(); // check error().isError()

private:
    void fetch(int offset);

    Transport *m_transport;
    FileLocation m_location;
    QPointer<ApiReply> m_reply;
    QStringList m_ids;
    ApiError m_error;
    int m_httpStatus = 0;
    int m_pages = 0;
};

} // namespace anadesk
