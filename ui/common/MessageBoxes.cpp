#include "MessageBoxes.h"

#include <QPointer>

namespace anadesk {

MessageBoxes::~MessageBoxes() = default;

namespace {

MessageRequest makeRequest(MessageRequest::Kind kind, const QString &objectName, const QString &title,
                           const QString &text, const QString &informativeText, const QString &detailedText)
{
    MessageRequest request;
    request.kind = kind;
    request.objectName = objectName;
    request.title = title;
    request.text = text;
    request.informativeText = informativeText;
    request.detailedText = detailedText;
    request.buttons = QMessageBox::Ok;
    request.defaultButton = QMessageBox::Ok;
    return request;
}

QMessageBox::Icon iconFor(MessageRequest::Kind kind)
{
    switch (kind) {
    case MessageRequest::Kind::Question:
        return QMessageBox::Question;
    case MessageRequest::Kind::Information:
        return QMessageBox::Information;
    case MessageRequest::Kind::Warning:
        return QMessageBox::Warning;
    case MessageRequest::Kind::Critical:
        return QMessageBox::Critical;
    }
    return QMessageBox::NoIcon;
}

} // namespace

QMessageBox::StandardButton MessageBoxes::question(QWidget *parent, const QString &objectName, const QString &title,
                                                   const QString &text, const QString &informativeText,
                                                   QMessageBox::StandardButtons buttons,
                                                   QMessageBox::StandardButton defaultButton)
{
    MessageRequest request = makeRequest(MessageRequest::Kind::Question, objectName, title, text, informativeText, {});
    request.buttons = buttons;
    request.defaultButton = defaultButton;
    return ask(parent, request);
}

void MessageBoxes::information(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
                               const QString &informativeText, const QString &detailedText)
{
    ask(parent, makeRequest(MessageRequest::Kind::Information, objectName, title, text, informativeText, detailedText));
}

void MessageBoxes::warning(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
                           const QString &informativeText, const QString &detailedText)
{
    ask(parent, makeRequest(MessageRequest::Kind::Warning, objectName, title, text, informativeText, detailedText));
}

void MessageBoxes::critical(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
                            const QString &informativeText, const QString &detailedText)
{
    ask(parent, makeRequest(MessageRequest::Kind::Critical, objectName, title, text, informativeText, detailedText));
}

QMessageBox::StandardButton QtMessageBoxes::ask(QWidget *parent, const MessageRequest &request)
{
    // Heap + QPointer: the parent may be destroyed while the nested loop runs (e.g. the window closes).
    QPointer<QMessageBox> box = new QMessageBox(iconFor(request.kind), request.title, request.text, request.buttons,
                                                parent);
    box->setObjectName(request.objectName);
    box->setInformativeText(request.informativeText);
    box->setDetailedText(request.detailedText);
    box->setTextFormat(Qt::PlainText); // server messages and names are never interpreted as HTML
    if (request.defaultButton != QMessageBox::NoButton)
        box->setDefaultButton(request.defaultButton);
    const int result = box->exec();
    if (box)
        box->deleteLater();
    return static_cast<QMessageBox::StandardButton>(result);
}

} // namespace anadesk
