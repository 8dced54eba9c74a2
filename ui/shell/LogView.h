#pragma once
// The log view (a dock): the redacted lines of LogModel, filterable by text and minimum level, with copy,
// save (through FileDialogs) and clear. New lines keep the view scrolled to the end unless the user
// scrolled up.
#include <QSortFilterProxyModel>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace anadesk {

class FileDialogs;
class LogModel;
class MessageBoxes;

// Keeps rows whose level is at least the minimum and whose message or category contains the text.
class LogFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LogFilterProxy(QObject *parent = nullptr);
    void setMinimumType(QtMsgType type);
    QtMsgType minimumType() const { return m_minimum; }
    // Plain text (not a pattern), matched case-insensitively.
    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QtMsgType m_minimum = QtDebugMsg;
    QString m_text;
};

class LogView : public QWidget
{
    Q_OBJECT

public:
    LogView(LogModel *model, FileDialogs *files, MessageBoxes *messages, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    LogFilterProxy *proxy() const { return m_proxy; }

    // The visible (filtered) lines as text.
    QString visibleText() const;

public Q_SLOTS:
    void copySelection();
    void saveToFile();

private:
    LogModel *m_model;
    FileDialogs *m_files;
    MessageBoxes *m_messages;
    LogFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_level;
    QTableView *m_table;
    QPushButton *m_copy;
    QPushButton *m_save;
    QPushButton *m_clear;
};

} // namespace anadesk
