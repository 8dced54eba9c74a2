#include "InlineBanner.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace anadesk {

InlineBanner::InlineBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_icon->setObjectName(QStringLiteral("bannerIcon"));
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_action->setObjectName(QStringLiteral("bannerAction"));
    m_action->hide();
    m_close->setObjectName(QStringLiteral("bannerClose"));
    m_close->setText(tr("Dismiss"));
    m_close->setToolTip(tr("Hide this message"));
    m_close->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignTop);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_action, &QPushButton::clicked, this, &InlineBanner::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, &InlineBanner::clear);
    hide();
}

void InlineBanner::showMessage(Level level, const QString &text)
{
    m_level = level;
    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    QPalette pal = QApplication::palette();
    switch (level) {
    case Level::Info:
        pal.setColor(QPalette::Window, QColor(0xe8, 0xf0, 0xfb));
        break;
    case Level::Warning:
        pixmap = QStyle::SP_MessageBoxWarning;
        pal.setColor(QPalette::Window, QColor(0xfd, 0xf3, 0xd8));
        break;
    case Level::Error:
        pixmap = QStyle::SP_MessageBoxCritical;
        pal.setColor(QPalette::Window, QColor(0xfb, 0xe4, 0xe4));
        break;
    }
    pal.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    setPalette(pal);
    const int extent = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(pixmap, nullptr, this).pixmap(extent, extent));
    m_text->setText(text);
    // Screen readers hear the level in words; the colour only repeats it.
    const QString levelWord = level == Level::Error     ? tr("Error")
                              : level == Level::Warning ? tr("Warning")
                                                        : tr("Information");
    setAccessibleName(levelWord);
    setAccessibleDescription(text);
    show();
}

void InlineBanner::showError(const QString &what, const ApiError &error)
{
    showMessage(Level::Error, describe(what, error));
}

void InlineBanner::setActionText(const QString &text)
{
    m_action->setText(text);
    m_action->setVisible(!text.isEmpty());
}

void InlineBanner::clear()
{
    m_text->clear();
    hide();
}

QString InlineBanner::text() const
{
    return m_text->text();
}

QString InlineBanner::describe(const QString &what, const ApiError &error)
{
    QString text = error.message.isEmpty() ? what : tr("%1 failed: %2").arg(what, error.message);
    if (!error.object.isEmpty())
        text += QStringLiteral(" (") + error.object + QLatin1Char(')');
    if (!error.serverMessage.isEmpty())
        text += tr(". Details: %1").arg(error.serverMessage);
    if (!text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    const QString hint = error.hint.isEmpty() ? adviceFor(error.category) : error.hint;
    if (!hint.isEmpty())
        text += QLatin1Char(' ') + tr("What to do: %1").arg(hint);
    return text;
}

QString InlineBanner::adviceFor(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::Network:
        return tr("Check that the server is reachable (network, proxy, VPN), then refresh with F5.");
    case ErrorCategory::Timeout:
        return tr("The server did not answer in time; refresh with F5 to try again.");
    case ErrorCategory::Auth:
        return tr("Sign in again: the connection's credentials were rejected.");
    case ErrorCategory::Permission:
        return tr("Ask a workspace administrator for access to this object.");
    case ErrorCategory::NotFound:
        return tr("It may have been deleted meanwhile; refresh with F5.");
    case ErrorCategory::ModelBusy:
        return tr("Wait until the model's current task ends, then try again.");
    case ErrorCategory::ModelArchived:
        return tr("Unarchive the model in Anaplan before using it.");
    case ErrorCategory::RateLimited:
        return tr("Too many requests; wait a minute, then refresh with F5.");
    case ErrorCategory::Server:
        return tr("The server had a problem; try again later (F5).");
    case ErrorCategory::Protocol:
        return tr("The server's answer could not be read; refresh with F5 or report it.");
    default:
        return {};
    }
}

} // namespace anadesk
