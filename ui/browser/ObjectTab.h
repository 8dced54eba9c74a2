#pragma once
// One tab of the browser: the objects of one kind (files, imports, exports, processes or actions) of the
// current model in a sortable, filterable table, with a filter line, a loading/empty line, an inline error
// banner and a context menu (Run, Copy id, Copy name, Refresh, Show source file). Listing runs in a core
// job; a new load() or clear() aborts the previous one, so a stale reply never fills the table.
#include "BulkClient.h"
#include "Connection.h" // BulkClient keeps a QPointer<Connection>: copies need the full type
#include "ObjectTableModel.h"

#include <QPointer>
#include <QUrl>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace anadesk {

class InlineBanner;

class ObjectTab : public QWidget
{
    Q_OBJECT
public:
    ObjectTab(ObjectKind kind, QWidget *parent = nullptr);
    ~ObjectTab() override;

    ObjectKind kind() const { return m_kind; }
    // The object-name stem of this tab's widgets: "files", "imports", "exports", "processes", "actions".
    static QString stem(ObjectKind kind);
    static bool isRunnable(ObjectKind kind) { return kind != ObjectKind::File; }

    // Lists the objects of client's model (aborting a listing still running).
    void load(const BulkClient &client);
    void refresh();
    // No model: empty table, nothing running.
    void clear(const QString &reason = {});
    bool isLoading() const { return !m_job.isNull(); }
    bool hasLoaded() const { return m_loaded; }

    ObjectTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    InlineBanner *banner() const { return m_banner; }
    QStringList selectedIds() const;
    QList<ObjectRow> selectedRows() const;
    // Selects (and scrolls to) the row of id; false when it is not listed (or filtered out).
    bool selectObject(const QString &id);

    // Copies the selected rows' ids (one per line) / names to the clipboard.
    void copySelectedIds() const;
    void copySelectedNames() const;

    // Accept local files dropped on the table (reported through filesDropped).
    void setDropsEnabled(bool enabled);

Q_SIGNALS:
    // A row was activated (double-click, Enter) or "Run" chosen; for files only activated().
    void runRequested(const QString &id, const QString &name);
    void activated(const QString &id, const QString &name);
    // Imports: "Show source file" for the file the import reads.
    void showSourceRequested(const QString &fileId);
    void filesDropped(const QList<QUrl> &localFiles, const QString &targetId);
    void loaded(int rows);
    void loadFailed(const anadesk::ApiError &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void buildActions();
    void onActivated(const QModelIndex &proxyIndex);
    void onListed(Job *job, const QList<ObjectRow> &rows);
    void showContextMenu(const QPoint &position);
    void updateActions();
    void setStatus(const QString &text);
    void abortJob();

    ObjectKind m_kind;
    BulkClient m_client;
    ObjectTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_status = nullptr;
    InlineBanner *m_banner = nullptr;
    QAction *m_run = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_copyName = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_showSource = nullptr;
    QPointer<Job> m_job;
    bool m_loaded = false;
    bool m_dropsEnabled = false;
};

} // namespace anadesk
