#pragma once
// Actions of a panel (ALM tab, Users dock): an object-named QAction with a shortcut that works while the
// panel has focus and a tooltip that names the shortcut, added to the panel (so the shortcut fires) and,
// given a row, shown as a text-only tool button (object name: the action's + "Button") for mouse and Tab
// users.
#include <QKeySequence>
#include <QString>

class QAction;
class QHBoxLayout;
class QWidget;

namespace anadesk {

QAction *addPanelAction(QWidget *panel, QHBoxLayout *row, const char *objectName, const QString &text,
                        const QKeySequence &shortcut, const QString &tip);

} // namespace anadesk
