#include "ExportDragData.h"

#include "TaskTracker.h"
#include "transfer/SafeFileName.h"

#include <QCursor>
#include <QDir>
#include <QEventLoop>
#include <QGuiApplication>
#include <QTimer>
#include <QUrl>
#include <algorithm>

namespace anadesk {

ExportDragData::ExportDragData(const BulkClient &client, const QString &modelName, const QList<Item> &items,
                               const QString &directory, TaskTracker *tracker)
{
    for (const Item &item : items) {
        QString error;
        // Each drag gets its own sub-folder so that two drags of the same export never share a file.
        const QString folder = QDir(directory).filePath(QStringLiteral("drag-%1").arg(quintptr(this), 0, 16));
        QDir().mkpath(folder);
        const QString path = SafeFileName::resolveInside(
            folder, item.exportName.isEmpty() ? item.exportId : item.exportName, &error);
        const int index = int(m_paths.size());
        m_paths.append(path);
        m_done.append(path.isEmpty());
        m_ok.append(false);
        if (path.isEmpty()) {
            m_jobs.append(nullptr);
            continue;
        }
        DownloadFileJob *job = client.downloadFile(item.exportId, path, true);
        m_jobs.append(job);
        connect(job, &Job::finished, this, [this, index, job] {
            m_done[index] = true;
            m_ok[index] = job->isSucceeded();
        });
        // Deleted unfinished (the connection closed): done, not ok.
        connect(job, &QObject::destroyed, this, [this, index] { m_done[index] = true; });
        if (tracker)
            tracker->trackDownload(job, {client, item.exportId, item.exportName, modelName, path});
    }
}

ExportDragData::~ExportDragData()
{
    // The drag is over: a download nobody asked for is useless.
    for (const QPointer<DownloadFileJob> &job : std::as_const(m_jobs)) {
        if (job && !job->isFinished())
            job->abort();
    }
}

QStringList ExportDragData::formats() const
{
    return {QStringLiteral("text/uri-list")};
}

bool ExportDragData::isReady() const
{
    return std::all_of(m_done.cbegin(), m_done.cend(), [](bool done) { return done; });
}

bool ExportDragData::hasFailed() const
{
    for (qsizetype i = 0; i < m_done.size(); ++i) {
        if (m_done.at(i) && !m_ok.at(i))
            return true;
    }
    return false;
}

bool ExportDragData::waitForDownloads() const
{
    if (isReady())
        return !hasFailed();
    QEventLoop loop;
    QTimer limit;
    limit.setSingleShot(true);
    QObject::connect(&limit, &QTimer::timeout, &loop, &QEventLoop::quit);
    for (const QPointer<DownloadFileJob> &job : std::as_const(m_jobs)) {
        if (job && !job->isFinished())
            QObject::connect(job, &QObject::destroyed, &loop, [this, &loop] {
                if (isReady())
                    loop.quit();
            });
    }
    QGuiApplication::setOverrideCursor(QCursor(Qt::BusyCursor));
    limit.start(m_waitLimitMs);
    if (!isReady())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    QGuiApplication::restoreOverrideCursor();
    return isReady() && !hasFailed();
}

QVariant ExportDragData::retrieveData(const QString &mimeType, QMetaType type) const
{
    if (mimeType != QLatin1String("text/uri-list"))
        return QMimeData::retrieveData(mimeType, type);
    waitForDownloads();
    QVariantList urls;
    for (qsizetype i = 0; i < m_paths.size(); ++i) {
        // Only complete files: a failed download leaves nothing under the final name (core's rule).
        if (m_done.at(i) && m_ok.at(i))
            urls.append(QUrl::fromLocalFile(m_paths.at(i)));
    }
    return urls;
}

} // namespace anadesk
