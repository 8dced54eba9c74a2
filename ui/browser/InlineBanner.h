#pragma once
// A non-modal message strip shown above a view: what happened, on which object, what to do — with an
// optional action button (e.g. "Retry") and a close button. Hidden until a message is shown.
#include "net/ApiError.h"

#include <QFrame>

class QLabel;
class QToolButton;
class QPushButton;

namespace anadesk {

class InlineBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Level
    {
        Info,
        Warning,
        Error
    };

    explicit InlineBanner(QWidget *parent = nullptr);

    void showMessage(Level level, const QString &text);
    // "<what> failed: <message> (<object>). Details: <server's words>. What to do: <hint>" — the hint falls
    // back to advice for the error's category when the error carries none.
    void showError(const QString &what, const ApiError &error);
    // An action button on the banner (hidden when text is empty). Clicking it emits actionTriggered().
    void setActionText(const QString &text);
    void clear();

    QString text() const;
    Level level() const { return m_level; }
    bool isShowing() const { return !isHidden(); }

    // The sentence shown for an error (also used for message boxes and logs).
    static QString describe(const QString &what, const ApiError &error);
    // Generic advice for an error category ("Check the network connection, then press F5.").
    static QString adviceFor(ErrorCategory category);

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_action;
    QToolButton *m_close;
    Level m_level = Level::Info;
};

} // namespace anadesk
