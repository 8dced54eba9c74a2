#include "PanelActions.h"

#include <QAction>
#include <QHBoxLayout>
#include <QToolButton>
#include <QWidget>

namespace anadesk {

QAction *addPanelAction(QWidget *panel, QHBoxLayout *row, const char *objectName, const QString &text,
                        const QKeySequence &shortcut, const QString &tip)
{
    auto *action = new QAction(text, panel);
    action->setObjectName(QLatin1String(objectName));
    if (shortcut.isEmpty()) {
        action->setToolTip(tip);
    } else {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(tip + QStringLiteral(" (") + shortcut.toString(QKeySequence::NativeText) +
                           QLatin1Char(')'));
    }
    panel->addAction(action);
    if (row) {
        auto *button = new QToolButton(panel);
        button->setObjectName(QLatin1String(objectName) + QStringLiteral("Button"));
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row->addWidget(button);
    }
    return action;
}

} // namespace anadesk
