#pragma once
// Mounts the SCIM Users view in the shell's main window: a dock ("usersDock", hidden until asked for) with
// its toggle in the View menu (Ctrl+Shift+U), following the session's connection — set when the browser
// of a new connection is created, cleared before it is destroyed.
class QDockWidget;

namespace anadesk {

class MainWindow;
class MessageBoxes;
class UsersView;

// The dock is a child of the window; returns the view inside it.
UsersView *installUsers(MainWindow *window, MessageBoxes *messages);

} // namespace anadesk
