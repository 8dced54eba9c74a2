#pragma once
// The one way the UI asks the user a question or tells them something in a message box. Widgets take a
// MessageBoxes* instead of calling QMessageBox directly, so every dialog is reachable by tests: the real
// implementation (QtMessageBoxes) shows a modal QMessageBox; ScriptedMessageBoxes (tests) records what
// was asked and answers with replies queued beforehand — no modal loop, no hanging offscreen test.
//
// Every request carries an object name ("deleteModelsConfirm", …) that tests look for, and that the
// real box sets on its QMessageBox so widget-level tests could find it too.
#include <QCoreApplication>
#include <QMessageBox>
#include <QString>

class QWidget;

namespace anadesk {

struct MessageRequest
{
    enum class Kind
    {
        Question,
        Information,
        Warning,
        Critical
    };
    Kind kind = Kind::Information;
    QString objectName;      // stable, for tests: "deleteModelsConfirm"
    QString title;           // window title (translated)
    QString text;            // the main sentence (translated)
    QString informativeText; // what to do / what it means (translated); optional
    QString detailedText;    // long details (lists of names, server messages); optional, redacted by the caller
    QMessageBox::StandardButtons buttons = QMessageBox::Ok;
    QMessageBox::StandardButton defaultButton = QMessageBox::NoButton;
};

class MessageBoxes
{
public:
    virtual ~MessageBoxes();

    // Shows the request and returns the button the user chose (Escape/close gives the escape button,
    // normally No or Cancel, as QMessageBox does).
    virtual QMessageBox::StandardButton ask(QWidget *parent, const MessageRequest &request) = 0;

    // Shorthands. question(): Yes/No with No as default unless given.
    QMessageBox::StandardButton question(QWidget *parent, const QString &objectName, const QString &title,
                                         const QString &text, const QString &informativeText = {},
                                         QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
                                         QMessageBox::StandardButton defaultButton = QMessageBox::No);
    void information(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
                     const QString &informativeText = {}, const QString &detailedText = {});
    void warning(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
                 const QString &informativeText = {}, const QString &detailedText = {});
    void critical(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
                  const QString &informativeText = {}, const QString &detailedText = {});
};

// Modal QMessageBox (nested event loop: the GUI keeps repainting and jobs keep running meanwhile).
class QtMessageBoxes final : public MessageBoxes
{
public:
    QMessageBox::StandardButton ask(QWidget *parent, const MessageRequest &request) override;
};

} // namespace anadesk
