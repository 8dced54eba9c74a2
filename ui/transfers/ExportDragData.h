#pragma once
// Mime data for dragging export rows out of the browser to the desktop or a file manager. When the drag
// starts, the export files (an export's output file has the export's id) start downloading into a
// temporary folder; the file URLs are handed out only when the drop target asks for them (retrieveData),
// and if a download is still running then, a local event loop waits for it (bounded) — the GUI keeps
// repainting and the transfer keeps running meanwhile, since both are driven by that loop.
#include "BulkClient.h"
#include "Connection.h"

#include <QList>
#include <QMimeData>
#include <QPointer>
#include <QStringList>

namespace anadesk {

class TaskTracker;

class ExportDragData : public QMimeData
{
    Q_OBJECT
public:
    struct Item
    {
        QString exportId;
        QString exportName;
    };
    // Downloads start at once into `directory` (which must exist and outlive the drag). `tracker` (may be
    // null) shows them in the task monitor.
    ExportDragData(const BulkClient &client, const QString &modelName, const QList<Item> &items,
                   const QString &directory, TaskTracker *tracker);
    ~ExportDragData() override;

    QStringList formats() const override;
    // Local paths of the files (they exist once the downloads succeeded).
    QStringList localPaths() const { return m_paths; }
    bool isReady() const;
    bool hasFailed() const;
    // How long retrieveData() waits at most for running downloads.
    void setWaitLimit(int milliseconds) { m_waitLimitMs = milliseconds; }

protected:
    QVariant retrieveData(const QString &mimeType, QMetaType type) const override;

private:
    bool waitForDownloads() const;

    QList<QPointer<DownloadFileJob>> m_jobs;
    QStringList m_paths;
    mutable QList<bool> m_done;
    mutable QList<bool> m_ok;
    int m_waitLimitMs = 120'000;
};

} // namespace anadesk
