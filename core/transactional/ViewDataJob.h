#pragma once
// GET …/views/{viewId}/data: a view's cells (≤ 1,000,000 per call, else Anaplan answers 400) as
// CSV bytes or as JSON parsed into ViewData. The JSON of a large view is parsed on a worker thread
// (QtConcurrent), never on the thread that started the job; the raw body is freed once parsed.
#include "ViewData.h"
#include "api/Job.h"

#include <QFutureWatcher>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QUrl>
#include <atomic>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace anadesk {

class ApiJob;
class Transport;

enum class ViewDataFormat
{
    Csv,        // Accept: text/csv
    CsvEscaped, // Accept: text/csv;escaped=true (some tenants require it)
    Json,       // Accept: application/json + format=v1
};

enum class ViewExportType
{
    Default,
    GridCurrentPage,
    GridAllPages,
    TabularSingleColumn,
    TabularMultiColumn
};
QString viewExportTypeName(ViewExportType type); // "GRID_ALL_PAGES"…; "" for Default
// From "GRID_ALL_PAGES" or "grid_all_pages"; std::nullopt when unknown.
std::optional<ViewExportType> viewExportTypeFromName(const QString &name);

// The options of get_view_data; empty values are not sent.
struct ViewDataQuery
{
    QList<QPair<QString, QString>> pages; // (dimensionId, itemId), sent as pages=d1:i1,d2:i2
    QString moduleId;                     // the view's module (used with exportType)
    int maxRows = 0;                      // 0: all rows
    ViewExportType exportType = ViewExportType::Default;
};

class ViewDataJob : public Job
{
    Q_OBJECT
public:
    ViewDataJob(Transport *transport, const QString &modelId, const QString &viewId, ViewDataFormat format,
                const ViewDataQuery &query = {}, QObject *parent = nullptr);
    ~ViewDataJob() override;

    ViewDataFormat format() const { return m_format; }
    const QByteArray &csv() const { return m_csv; } // CSV formats
    const ViewData &data() const { return m_data; } // Json
    qint64 bytesReceived() const { return m_bytes; }
    const QUrl &url() const { return m_url; }
    // The thread the JSON was parsed on (nullptr for CSV) — lets tests check it was not the caller's.
    const QThread *parseThread() const { return m_parseThread; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void onReply(ApiJob *job);
    void onParsed();

    Transport *m_transport;
    ViewDataFormat m_format;
    QUrl m_url;
    QString m_object;
    QPointer<ApiJob> m_request;
    QFutureWatcher<QString> *m_watcher = nullptr;
    std::shared_ptr<ViewData> m_parsed; // filled by the worker, moved into m_data on this thread
    QByteArray m_csv;
    ViewData m_data;
    qint64 m_bytes = 0;
    std::shared_ptr<std::atomic<QThread *>> m_worker = std::make_shared<std::atomic<QThread *>>(nullptr);
    const QThread *m_parseThread = nullptr;
};

} // namespace anadesk
