#pragma once
// Mounts the ALM panel in every model browser the shell's main window creates: an "ALM" tab after the object
// tabs (Alt+6 shows it), following the browser's selected model. Uses only the browser's public seams
// (currentModelChanged, the "objectTabs" tab widget).
namespace anadesk {

class FileDialogs;
class MainWindow;
class MessageBoxes;

void installAlm(MainWindow *window, MessageBoxes *messages, FileDialogs *files);

} // namespace anadesk
