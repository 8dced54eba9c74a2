#pragma once
// One dropped local file in the upload dialog: which model file it goes to (a chooser), that file's
// metadata, and the first rows of the local file read with that metadata. The rows are read and parsed
// on a worker (QtConcurrent); choosing another target reads them again, and a stale result is dropped.
#include "CsvPreview.h"
#include "types/File.h"

#include <QFutureWatcher>
#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace anadesk {

class CsvTableModel;

class UploadPreviewTab : public QWidget
{
    Q_OBJECT
public:
    UploadPreviewTab(const QString &localPath, const QList<File> &modelFiles, const QString &initialTargetId,
                     QWidget *parent = nullptr);
    ~UploadPreviewTab() override;

    static constexpr int kPreviewRows = 50;

    QString localPath() const { return m_localPath; }
    qint64 localSize() const { return m_size; }
    // The chosen model file (empty id when none was chosen yet).
    QString targetId() const;
    const File *target() const;
    void setTargetId(const QString &fileId);

    bool isPreviewReady() const { return m_ready; }
    CsvTableModel *previewModel() const { return m_model; }
    QTableView *previewView() const { return m_view; }
    QComboBox *targetCombo() const { return m_combo; }
    QLabel *formatLabel() const { return m_format; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void targetChanged(const QString &fileId);
    void previewReady();

private:
    void startPreview();
    void onPreviewFinished();

    QString m_localPath;
    qint64 m_size = 0;
    QList<File> m_files;
    QComboBox *m_combo;
    QLabel *m_format;
    QTableView *m_view;
    QLabel *m_status;
    CsvTableModel *m_model;
    QFutureWatcher<CsvTable> m_watcher;
    int m_generation = 0;
    int m_watchedGeneration = 0;
    bool m_ready = false;
};

} // namespace anadesk
