#pragma once
// The one way the UI asks for local paths. Widgets take a FileDialogs* instead of calling QFileDialog,
// so tests answer with ScriptedFileDialogs (records the request, returns queued paths, no modal loop).
// An empty answer means the user cancelled.
#include <QString>
#include <QStringList>

class QWidget;

namespace anadesk {

struct FileDialogRequest
{
    enum class Kind
    {
        OpenFile,  // one existing file
        OpenFiles, // one or more existing files
        SaveFile,  // a file to write (the dialog asks before overwriting)
        Directory, // an existing directory
    };
    Kind kind = Kind::OpenFile;
    QString objectName; // stable, for tests: "saveExportDialog"
    QString caption;    // translated
    QString directory;  // start directory, or a proposed file path for SaveFile
    QString filter;     // "CSV files (*.csv);;All files (*)"; ignored for Directory
};

class FileDialogs
{
public:
    virtual ~FileDialogs();

    // The chosen paths (absolute), empty when cancelled. OpenFile, SaveFile and Directory give at most one.
    virtual QStringList ask(QWidget *parent, const FileDialogRequest &request) = 0;

    QString openFileName(QWidget *parent, const QString &objectName, const QString &caption,
                         const QString &directory = {}, const QString &filter = {});
    QStringList openFileNames(QWidget *parent, const QString &objectName, const QString &caption,
                              const QString &directory = {}, const QString &filter = {});
    QString saveFileName(QWidget *parent, const QString &objectName, const QString &caption,
                         const QString &proposedPath = {}, const QString &filter = {});
    QString existingDirectory(QWidget *parent, const QString &objectName, const QString &caption,
                              const QString &directory = {});
};

// QFileDialog's static functions (native dialogs where the platform has them).
class QtFileDialogs final : public FileDialogs
{
public:
    QStringList ask(QWidget *parent, const FileDialogRequest &request) override;
};

} // namespace anadesk
