#pragma once
// The task history of one import/export/action/process: every task Anaplan still lists for it (newest
// first), and for the selected task its state, progress and result details. Network work runs in core
// jobs; closing the dialog aborts them.
#include "BulkClient.h"
#include "Connection.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace anadesk {

class TaskHistoryModel;

class TaskHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    TaskHistoryDialog(const BulkClient &client, const QString &actionId, const QString &actionName,
                      QWidget *parent = nullptr);
    ~TaskHistoryDialog() override;

    TaskHistoryModel *historyModel() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QPlainTextEdit *details() const { return m_details; }
    bool isLoading() const { return !m_listJob.isNull(); }
    bool hasLoaded() const { return m_loaded; }
    bool isLoadingDetails() const { return !m_statusJob.isNull(); }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void loaded(int tasks);
    void detailsShown(const QString &taskId);

private:
    void onSelectionChanged();

    BulkClient m_client;
    QString m_actionId;
    TaskHistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QPlainTextEdit *m_details;
    QLabel *m_status;
    QPushButton *m_refresh;
    QPointer<Job> m_listJob;
    QPointer<Job> m_statusJob;
    bool m_loaded = false;
};

} // namespace anadesk
