#pragma once
// The header above the object tabs: the selected model's details (name, id, state, memory, last modified,
// workspace) and its live status (open, closed, or what it is processing), read with GetModelStatusJob every
// refreshInterval() — only while the header is visible, one request at a time, aborted when the model
// changes. Also hosts the model actions' buttons (added by the browser) and an inline banner for their
// results.
#include "BulkClient.h"
#include "Connection.h" // BulkClient keeps a QPointer<Connection>: copies need the full type
#include "types/Model.h"
#include "types/ModelStatus.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>

class QAction;
class QHBoxLayout;
class QLabel;

namespace anadesk {

class InlineBanner;

class ModelHeader : public QWidget
{
    Q_OBJECT
public:
    explicit ModelHeader(QWidget *parent = nullptr);
    ~ModelHeader() override;

    // Shows model (as listed) and starts reading its details and status through client (on that model).
    void setModel(const Model &model, const BulkClient &client);
    void clear();
    bool hasModel() const { return m_client.isValid(); }
    const Model &model() const { return m_model; }

    // Reads the status now (unless a read is already running).
    void refreshStatus();
    void setRefreshInterval(int milliseconds);
    int refreshInterval() const { return m_interval; }
    // The last status read; std::nullopt before the first answer or after a failure.
    const std::optional<ModelStatus> &status() const { return m_status; }
    // "Open", "Closed", "Processing … (45 %)": what the status line shows.
    QString statusText() const;
    bool isReadingStatus() const { return !m_statusJob.isNull(); }
    int statusReads() const { return m_statusReads; }

    void addActionButton(QAction *action);
    InlineBanner *banner() const { return m_banner; }

Q_SIGNALS:
    // Fresh details of the model (GET /models/{id}): the tree updates its row.
    void modelDetailsLoaded(const anadesk::Model &model);
    void statusChanged();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showDetails();
    void onStatus(GetModelStatusJob *job);
    void updateTimer();
    void abortJobs();

    QLabel *m_title;
    QLabel *m_stateIcon;
    QLabel *m_id;
    QLabel *m_state;
    QLabel *m_memory;
    QLabel *m_modified;
    QLabel *m_workspace;
    QLabel *m_liveStatus;
    QHBoxLayout *m_buttons;
    InlineBanner *m_banner;

    Model m_model;
    BulkClient m_client;
    std::optional<ModelStatus> m_status;
    QPointer<GetModelStatusJob> m_statusJob;
    QPointer<GetModelJob> m_detailsJob;
    QTimer m_timer;
    int m_interval = 5'000;
    int m_statusReads = 0;
};

} // namespace anadesk
