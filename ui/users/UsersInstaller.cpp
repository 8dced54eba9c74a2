#include "UsersInstaller.h"

#include "UsersView.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QDockWidget>

namespace anadesk {

UsersView *installUsers(MainWindow *window, MessageBoxes *messages)
{
    auto *dock = new QDockWidget(MainWindow::tr("Users"), window);
    dock->setObjectName(QStringLiteral("usersDock")); // also its key in saveState()
    auto *view = new UsersView(messages, dock);
    dock->setWidget(view);
    window->addDock(dock, Qt::RightDockWidgetArea);
    QAction *toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionToggleUsers"));
    toggle->setText(UsersView::tr("&Users (SCIM)"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    dock->hide(); // shown on demand; restoreWindowState() brings back the user's choice
    QObject::connect(window, &MainWindow::browserCreated, view,
                     [view](QWidget *, Connection *connection) { view->setConnection(connection); });
    QObject::connect(window, &MainWindow::browserAboutToBeDestroyed, view,
                     [view](QWidget *) { view->setConnection(nullptr); });
    return view;
}

} // namespace anadesk
