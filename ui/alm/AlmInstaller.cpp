#include "AlmInstaller.h"

#include "AlmPanel.h"
#include "browser/ModelBrowser.h"
#include "shell/MainWindow.h"
#include "transfers/TaskTracker.h"

#include <QAction>
#include <QPointer>
#include <QTabWidget>
#include <QTableView>

namespace anadesk {

void installAlm(MainWindow *window, MessageBoxes *messages, FileDialogs *files)
{
    QObject::connect(
        window, &MainWindow::browserCreated, window,
        [window, messages, files](QWidget *widget, Connection *connection) {
            auto *browser = qobject_cast<ModelBrowser *>(widget);
            auto *tabs = browser ? browser->findChild<QTabWidget *>(QStringLiteral("objectTabs")) : nullptr;
            if (!tabs)
                return;
            auto *panel = new AlmPanel(messages, files, tabs);
            // Syncs and comparisons show in the task monitor too, when the window has one (ui/transfers
            // installs it, possibly after this tab): looked up each time a task starts.
            panel->setTrackerLookup([guarded = QPointer<MainWindow>(window)]() -> TaskTracker * {
                return guarded ? guarded->findChild<TaskTracker *>() : nullptr;
            });
            const int index = tabs->addTab(panel, AlmPanel::tr("ALM"));
            tabs->setTabToolTip(index, AlmPanel::tr("Revisions, syncs and comparisons (Alt+6)"));
            auto *show = new QAction(AlmPanel::tr("Show ALM"), browser);
            show->setObjectName(QStringLiteral("showAlmTabAction"));
            show->setShortcut(QKeySequence(Qt::ALT | Qt::Key_6));
            show->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            browser->addAction(show);
            QObject::connect(show, &QAction::triggered, panel, [tabs, panel] {
                tabs->setCurrentWidget(panel);
                panel->revisionTable()->setFocus(Qt::ShortcutFocusReason);
            });
            QObject::connect(browser, &ModelBrowser::currentModelChanged, panel,
                             [panel, browser, connection](const QString &, const QString &modelId) {
                                 panel->setModel(connection, modelId, browser->currentModelName());
                             });
            const ModelRef current = browser->currentModel();
            panel->setModel(connection, current.modelId, browser->currentModelName());
        });
}

} // namespace anadesk
