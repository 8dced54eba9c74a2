#pragma once
// A failure dump (the rows an import rejected, with Anaplan's reason per row) in a sortable table with a
// filter box over all or one column; "Save…" writes the dump's bytes unchanged to a file chosen through
// FileDialogs (remembered folder). Parsing and saving run on worker threads (dumps can be large).
#include "CsvTableModel.h"
#include "TransferSettings.h"

#include <QDialog>
#include <QFutureWatcher>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace anadesk {

class FileDialogs;
class MessageBoxes;

class FailureDumpDialog : public QDialog
{
    Q_OBJECT
public:
    // `title`: what the dump belongs to ("Import 'Sales from Sales.csv' — task 1B1D…");
    // `suggestedName`: the file name proposed when saving.
    FailureDumpDialog(const QByteArray &dump, const QString &title, const QString &suggestedName,
                      FileDialogs *files, MessageBoxes *messages, const TransferSettings &settings,
                      QWidget *parent = nullptr);
    ~FailureDumpDialog() override;

    bool isParsed() const { return m_parsed; }
    CsvTableModel *tableModel() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *filterColumn() const { return m_column; }
    const QByteArray &dump() const { return m_dump; }

public Q_SLOTS:
    // Asks where to save (FileDialogs) and writes the dump there on a worker.
    void save();

Q_SIGNALS:
    void parsed();
    // After save(): the path written, or an error sentence.
    void saved(const QString &path);
    void saveFailed(const QString &message);

private:
    void onParsed();
    void applyFilter();
    void updateStatus();

    QByteArray m_dump;
    QString m_suggestedName;
    FileDialogs *m_files;
    MessageBoxes *m_messages;
    TransferSettings m_settings;
    CsvTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QComboBox *m_column;
    QLabel *m_status;
    QPushButton *m_save;
    QFutureWatcher<CsvTable> m_parse;
    QFutureWatcher<QString> m_write;
    bool m_parsed = false;
};

} // namespace anadesk
