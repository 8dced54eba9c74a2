#include "FileDialogs.h"

#include <QFileDialog>

namespace anadesk {

FileDialogs::~FileDialogs() = default;

namespace {

FileDialogRequest makeRequest(FileDialogRequest::Kind kind, const QString &objectName, const QString &caption,
                              const QString &directory, const QString &filter)
{
    FileDialogRequest request;
    request.kind = kind;
    request.objectName = objectName;
    request.caption = caption;
    request.directory = directory;
    request.filter = filter;
    return request;
}

QString first(const QStringList &paths)
{
    return paths.isEmpty() ? QString() : paths.constFirst();
}

} // namespace

QString FileDialogs::openFileName(QWidget *parent, const QString &objectName, const QString &caption,
                                  const QString &directory, const QString &filter)
{
    return first(ask(parent, makeRequest(FileDialogRequest::Kind::OpenFile, objectName, caption, directory, filter)));
}

QStringList FileDialogs::openFileNames(QWidget *parent, const QString &objectName, const QString &caption,
                                       const QString &directory, const QString &filter)
{
    return ask(parent, makeRequest(FileDialogRequest::Kind::OpenFiles, objectName, caption, directory, filter));
}

QString FileDialogs::saveFileName(QWidget *parent, const QString &objectName, const QString &caption,
                                  const QString &proposedPath, const QString &filter)
{
    return first(ask(parent, makeRequest(FileDialogRequest::Kind::SaveFile, objectName, caption, proposedPath, filter)));
}

QString FileDialogs::existingDirectory(QWidget *parent, const QString &objectName, const QString &caption,
                                       const QString &directory)
{
    return first(ask(parent, makeRequest(FileDialogRequest::Kind::Directory, objectName, caption, directory, {})));
}

QStringList QtFileDialogs::ask(QWidget *parent, const FileDialogRequest &request)
{
    switch (request.kind) {
    case FileDialogRequest::Kind::OpenFile: {
        const QString path = QFileDialog::getOpenFileName(parent, request.caption, request.directory, request.filter);
        return path.isEmpty() ? QStringList() : QStringList{path};
    }
    case FileDialogRequest::Kind::OpenFiles:
        return QFileDialog::getOpenFileNames(parent, request.caption, request.directory, request.filter);
    case FileDialogRequest::Kind::SaveFile: {
        const QString path = QFileDialog::getSaveFileName(parent, request.caption, request.directory, request.filter);
        return path.isEmpty() ? QStringList() : QStringList{path};
    }
    case FileDialogRequest::Kind::Directory: {
        const QString path = QFileDialog::getExistingDirectory(parent, request.caption, request.directory);
        return path.isEmpty() ? QStringList() : QStringList{path};
    }
    }
    return {};
}

} // namespace anadesk
