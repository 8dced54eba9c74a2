// File commands: upload, download, upload-and-import, export-and-download.
#include "../BulkApi.h"
#include "../Command.h"
#include "../CommandHelpers.h"
#include "../InputFiles.h"
#include "../ProgressReporting.h"
#include "../Session.h"
#include "../TaskReport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>
#include <cstdio>

namespace anadesk::cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::cli::TransferCommands", text);
}

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// SHA-256 of a local file, on a worker thread while the upload runs (empty when unreadable).
QFuture<QByteArray> hashFileAsync(const QString &path)
{
    return QtConcurrent::run([path] {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return QByteArray();
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        return hash.result();
    });
}

// streamed=true also accepts pipes and devices (read sequentially), not only regular files.
ApiError checkReadableFile(const QString &path, bool streamed = false)
{
    const QFileInfo info(path);
    if (!info.exists())
        return localIo(tr("The file to upload does not exist"), native(path), {}, tr("Check the path."));
    if (streamed ? info.isDir() : !info.isFile())
        return localIo(tr("The path to upload is not a regular file"), native(path), {},
                       tr("Give a file, or use --stream with '-' to upload standard input."));
    if (!info.isReadable())
        return localIo(tr("The file to upload cannot be read"), native(path), {},
                       tr("Check its permissions."));
    return {};
}

// The name of a file, export… when only its id was given and the name is needed (saving into a directory).
QString nameFor(CommandContext &c, const NamedObject &object)
{
    if (!object.name.isEmpty())
        return object.name;
    auto job = Session::own(c.session.client().getFiles());
    if (!c.session.wait(job).isError())
        for (const File &f : job->files())
            if (f.id == object.id)
                return f.name;
    return object.id;
}

QJsonObject uploadJson(const NamedObject &file, const QString &writtenId, const QString &path,
                       const TransferManifest &manifest, const QByteArray &sha256)
{
    QJsonObject o{{QStringLiteral("fileId"), writtenId.isEmpty() ? file.id : writtenId},
                  {QStringLiteral("path"), path},
                  {QStringLiteral("bytes"), double(manifest.doneBytes())},
                  {QStringLiteral("chunks"), manifest.doneChunks()}};
    if (!file.name.isEmpty())
        o.insert(QStringLiteral("name"), file.name);
    if (!sha256.isEmpty())
        o.insert(QStringLiteral("sha256"), hex(sha256));
    return o;
}

// upload --stream: reads the source in --chunk-size pieces and pushes them while the upload runs.
ApiError uploadStream(CommandContext &c, const NamedObject &file, const QString &path, QJsonObject *result)
{
    QFile source;
    const bool fromStdin = isStandardInput(path);
    if (!openInput(&source, path))
        return localIo(tr("Cannot open the file to upload"), native(path), source.errorString());

    const qint64 chunkSize = c.session.options().client.uploadChunkSize;
    auto job = Session::own(c.session.client().uploadFileStream(file.id));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    ApiError readError;
    bool inputDone = false;
    auto pump = [&] {
        while (!inputDone && job->canPush()) {
            // A pipe hands out what it has; fill the chunk up to --chunk-size (or the end of input).
            QByteArray data;
            while (data.size() < chunkSize) {
                const QByteArray part = source.read(chunkSize - data.size());
                if (part.isEmpty())
                    break;
                data += part;
            }
            if (data.isEmpty()) {
                if (source.error() != QFileDevice::NoError)
                    readError = localIo(tr("Reading the source failed"), native(path), source.errorString());
                inputDone = true;
                if (readError.isError())
                    job->abort();
                else
                    job->finishInput();
                return;
            }
            hash.addData(data);
            job->pushChunk(data);
        }
    };
    // The stream accepts chunks once it has announced the upload (chunkCount -1).
    QObject::connect(job.get(), &UploadStreamFileJob::readyForData, job.get(), pump);
    ProgressLine line(c.session.out());
    reportTransferProgress(job.get(), &TransferAdapterJob::progress, line,
                           tr("Uploading to file %1").arg(file.name.isEmpty() ? file.id : file.name));
    c.session.setInterruptHandler([&job] { job->abort(); });
    ApiError error = c.session.wait(job);
    c.session.clearInterruptHandler();
    line.finish();
    if (readError.isError())
        return readError;
    if (error.isError())
        return error;
    *result = uploadJson(file, job->stream()->manifest().fileId,
                         fromStdin ? QStringLiteral("-") : native(QFileInfo(path).absoluteFilePath()),
                         job->stream()->manifest(), hash.result());
    return {};
}

ApiError upload(CommandContext &c)
{
    NamedObject file;
    if (ApiError e = c.session.resolve(ObjectKind::File, c.args.positionals.at(0), &file); e.isError())
        return e;
    const QString path = c.args.positionals.at(1);
    QJsonObject result;
    if (c.args.isSet(QStringLiteral("stream"))) {
        if (path != QLatin1String("-"))
            if (ApiError e = checkReadableFile(path, true); e.isError())
                return e;
        if (ApiError e = uploadStream(c, file, path, &result); e.isError())
            return e;
    } else {
        if (path == QLatin1String("-"))
            return usage(tr("Standard input ('-') can only be uploaded with --stream"));
        if (ApiError e = checkReadableFile(path); e.isError())
            return e;
        QFuture<QByteArray> sha = hashFileAsync(path);
        auto job = Session::own(c.session.client().uploadFileFromPath(file.id, path));
        ProgressLine line(c.session.out());
        reportTransferProgress(job.get(), &TransferAdapterJob::progress, line,
                               tr("Uploading %1").arg(QFileInfo(path).fileName()));
        c.session.setInterruptHandler([&job] { job->abort(); });
        const ApiError error = c.session.wait(job);
        c.session.clearInterruptHandler();
        line.finish();
        sha.waitForFinished();
        if (error.isError())
            return error;
        result = uploadJson(file, job->writtenFileId(), native(QFileInfo(path).absoluteFilePath()),
                            job->upload()->manifest(), sha.result());
    }
    c.session.out().object(result, {{QStringLiteral("fileId"), tr("File")},
                                    {QStringLiteral("name"), tr("Name")},
                                    {QStringLiteral("path"), tr("Uploaded")},
                                    {QStringLiteral("bytes"), tr("Bytes")},
                                    {QStringLiteral("chunks"), tr("Chunks")},
                                    {QStringLiteral("sha256"), tr("SHA-256")}});
    return {};
}

// download -o -: the content goes to stdout as it arrives (chunks in order).
ApiError downloadToStdout(CommandContext &c, const NamedObject &file)
{
    if (c.session.out().isJson())
        return usage(tr("-o - writes the file's content to stdout, which --json reserves for JSON"),
                     tr("Save to a file with -o PATH instead."));
    auto job = Session::own(c.session.client().getFileStream(file.id));
    ApiError writeError;
    QObject::connect(job.get(), &FileStreamJob::chunkReady, job.get(), [&](int, const QByteArray &data) {
        if (std::fwrite(data.constData(), 1, size_t(data.size()), stdout) != size_t(data.size())) {
            writeError = localIo(tr("Writing to standard output failed"), QStringLiteral("stdout"));
            job->abort();
        }
    });
    const ApiError error = c.session.wait(job);
    std::fflush(stdout);
    return writeError.isError() ? writeError : error;
}

ApiError download(CommandContext &c)
{
    NamedObject file;
    if (ApiError e = c.session.resolve(ObjectKind::File, c.args.positionals.at(0), &file); e.isError())
        return e;
    const QString requested = c.args.value(QStringLiteral("output"));
    if (requested == QLatin1String("-"))
        return downloadToStdout(c, file);
    const bool force = c.args.isSet(QStringLiteral("force"));
    QString path;
    const QString serverName = QFileInfo(requested).isDir() ? nameFor(c, file) : QString();
    if (ApiError e = targetPath(requested, serverName, force, &path); e.isError())
        return e;

    auto job = Session::own(c.session.client().downloadFile(file.id, path, force));
    ProgressLine line(c.session.out());
    reportTransferProgress(job.get(), &TransferAdapterJob::progress, line,
                           tr("Downloading %1").arg(file.name.isEmpty() ? file.id : file.name));
    c.session.setInterruptHandler([&job] { job->abort(); });
    const ApiError error = c.session.wait(job);
    c.session.clearInterruptHandler();
    line.finish();
    if (error.isError())
        return error;
    const DownloadJob *d = job->download();
    QJsonObject result{{QStringLiteral("fileId"), file.id},
                       {QStringLiteral("path"), native(d->targetPath())},
                       {QStringLiteral("bytes"), double(d->fileSize())},
                       {QStringLiteral("chunks"), d->manifest().chunks.size()},
                       {QStringLiteral("sha256"), hex(d->sha256())}};
    if (!file.name.isEmpty())
        result.insert(QStringLiteral("name"), file.name);
    c.session.out().object(result, {{QStringLiteral("fileId"), tr("File")},
                                    {QStringLiteral("name"), tr("Name")},
                                    {QStringLiteral("path"), tr("Saved to")},
                                    {QStringLiteral("bytes"), tr("Bytes")},
                                    {QStringLiteral("chunks"), tr("Chunks")},
                                    {QStringLiteral("sha256"), tr("SHA-256")}});
    return {};
}

ApiError uploadAndImport(CommandContext &c)
{
    NamedObject file;
    NamedObject import;
    if (ApiError e = c.session.resolve(ObjectKind::File, c.args.positionals.at(0), &file); e.isError())
        return e;
    const QString path = c.args.positionals.at(1);
    if (ApiError e = c.session.resolve(ObjectKind::Import, c.args.positionals.at(2), &import); e.isError())
        return e;
    if (ApiError e = checkReadableFile(path); e.isError())
        return e;

    const ActionRef action{import.id, import.name};
    QFuture<QByteArray> sha = hashFileAsync(path);
    auto job = Session::own(
        c.session.client().uploadAndImportFromPath(file.id, path, import.id, c.session.taskOptions(true)));
    ProgressLine line(c.session.out());
    reportTransferProgress(job.get(), &UploadAndImportJob::uploadProgress, line,
                           tr("Uploading %1").arg(QFileInfo(path).fileName()));
    if (line.isEnabled()) {
        QObject::connect(
            job.get(), &UploadAndImportJob::taskProgress, job.get(),
            [&line, &action](double fraction, const QString &step) {
                line.update(
                    QStringLiteral("%1: %2% %3").arg(action.label()).arg(qRound(fraction * 100)).arg(step));
            });
    }
    Output &out = c.session.out();
    c.session.setInterruptHandler([&job, &out, &line] {
        line.finish();
        if (TaskRunner *runner = job->runner()) {
            out.info(tr("Cancelling the import task on the server; press Ctrl-C again to stop waiting."));
            runner->cancel();
        } else {
            job->abort();
        }
    });
    ApiError error = c.session.wait(job);
    c.session.clearInterruptHandler();
    line.finish();
    sha.waitForFinished();

    UploadFileJob *up = job->upload();
    TaskRunner *runner = job->runner();
    if (!runner || runner->taskId().isEmpty())
        return error; // the upload (or the start) failed: nothing to report but the error

    error = withDumpHint(error, runner->status(), action, c.session.modelId());
    if (out.isJson()) {
        QJsonObject result{{QStringLiteral("upload"),
                            uploadJson(file, up ? up->writtenFileId() : file.id, native(path),
                                       up ? up->upload()->manifest() : TransferManifest{}, sha.result())},
                           {QStringLiteral("task"), taskReportJson(runner->status(), action)}};
        if (error.isError())
            result.insert(QStringLiteral("error"), Output::errorJson(error));
        out.object(result, {});
    } else {
        QStringList lines;
        if (up)
            lines.append(tr("Uploaded %1 (%2, %3 chunks) to file %4")
                             .arg(native(path), ProgressLine::bytes(up->upload()->manifest().doneBytes()))
                             .arg(up->upload()->manifest().doneChunks())
                             .arg(file.name.isEmpty() ? file.id
                                                      : QStringLiteral("'%1' (%2)").arg(file.name, file.id)));
        lines += taskReportLines(runner->status(), action);
        out.humanLines(lines);
    }
    return error;
}

ApiError exportAndDownload(CommandContext &c)
{
    NamedObject exportObject;
    if (ApiError e = c.session.resolve(ObjectKind::Export, c.args.positionals.at(0), &exportObject);
        e.isError())
        return e;
    const ActionRef action{exportObject.id, exportObject.name};
    const bool force = c.args.isSet(QStringLiteral("force"));
    const QString requested = c.args.value(QStringLiteral("output"));
    QString serverName;
    if (QFileInfo(requested).isDir()) {
        serverName = exportObject.name;
        if (serverName.isEmpty()) { // given by id: the export's name is its output file's name
            NamedObject named;
            auto list = Session::own(c.session.client().getExports());
            if (!c.session.wait(list).isError())
                for (const Export &e : list->exports())
                    if (e.id == exportObject.id)
                        serverName = e.name;
            if (serverName.isEmpty())
                serverName = exportObject.id;
        }
    }
    QString path;
    if (ApiError e = targetPath(requested, serverName, force, &path); e.isError())
        return e;

    auto job = Session::own(c.session.client().exportAndDownloadTo(exportObject.id, path, force));
    ProgressLine line(c.session.out());
    if (line.isEnabled())
        QObject::connect(
            job.get(), &ExportAndDownloadJob::taskProgress, job.get(),
            [&line, &action](double fraction, const QString &step) {
                line.update(
                    QStringLiteral("%1: %2% %3").arg(action.label()).arg(qRound(fraction * 100)).arg(step));
            });
    reportTransferProgress(job.get(), &ExportAndDownloadJob::downloadProgress, line,
                           tr("Downloading the export"));
    Output &out = c.session.out();
    c.session.setInterruptHandler([&job, &out, &line] {
        line.finish();
        if (TaskRunner *runner = job->runner(); runner && !runner->isFinished()) {
            out.info(tr("Cancelling the export task on the server; press Ctrl-C again to stop waiting."));
            runner->cancel();
        } else {
            job->abort();
        }
    });
    const ApiError error = c.session.wait(job);
    c.session.clearInterruptHandler();
    line.finish();

    TaskRunner *runner = job->runner();
    const auto *download = qobject_cast<DownloadFileJob *>(job->download());
    if (!runner || runner->taskId().isEmpty())
        return error;
    QJsonObject saved;
    if (download && download->isSucceeded()) {
        const DownloadJob *d = download->download();
        saved = {{QStringLiteral("fileId"), exportObject.id},
                 {QStringLiteral("path"), native(d->targetPath())},
                 {QStringLiteral("bytes"), double(d->fileSize())},
                 {QStringLiteral("chunks"), d->manifest().chunks.size()},
                 {QStringLiteral("sha256"), hex(d->sha256())}};
    }
    if (out.isJson()) {
        QJsonObject result{{QStringLiteral("task"), taskReportJson(runner->status(), action)}};
        if (!saved.isEmpty())
            result.insert(QStringLiteral("download"), saved);
        if (error.isError())
            result.insert(QStringLiteral("error"), Output::errorJson(error));
        out.object(result, {});
    } else {
        QStringList lines = taskReportLines(runner->status(), action);
        if (!saved.isEmpty())
            lines.append(
                tr("Saved %1 (%2) to %3, SHA-256 %4")
                    .arg(exportObject.id,
                         ProgressLine::bytes(qint64(saved.value(QStringLiteral("bytes")).toDouble())),
                         saved.value(QStringLiteral("path")).toString(),
                         saved.value(QStringLiteral("sha256")).toString()));
        out.humanLines(lines);
    }
    return error;
}

Command make(const char *name, const char *usageText, const char *summary, int args,
             ApiError (*runFunction)(CommandContext &))
{
    return commandEntry(QLatin1String(name), tr("Files"), QLatin1String(usageText), tr(summary), args, args,
                        runFunction);
}

} // namespace

QList<Command> transferCommands()
{
    Command up = make("upload", "FILE PATH [--stream]", "Upload a local file to a model's file.", 2, upload);
    up.details =
        tr("FILE is the id or name of the model's file. The file is sent in gzip-compressed chunks of "
           "--chunk-size bytes (cut at line ends for text), verified against the server's chunk list.\n"
           "With --stream the chunks are read while uploading (announced as chunkCount -1, completed "
           "at the end); PATH '-' reads standard input.");
    up.options = {
        {QStringLiteral("stream"), {}, {}, tr("Stream the source (PATH may be '-' for standard input).")}};

    Command down = make("download", "FILE -o PATH [--force]",
                        "Download a model's file (an upload or an export's output).", 1, download);
    down.details =
        tr("Saved through PATH.partial and renamed when complete; an interrupted download resumes. PATH "
           "may be an existing directory (the file's own name is used, made safe) or '-' for stdout "
           "(not with --json).");
    down.options = {outputOption(tr("Where to save (a file, an existing directory, or '-').")),
                    forceOption()};

    Command ui = make("upload-and-import", "FILE PATH IMPORT", "Upload a local file, then run an import.", 3,
                      uploadAndImport);
    ui.details =
        tr("The import runs only when every chunk was uploaded and verified. Exits 12 (action-failed) "
           "when the import completed with failures.");

    Command ed = make("export-and-download", "EXPORT -o PATH [--force]",
                      "Run an export, then download its file.", 1, exportAndDownload);
    ed.details =
        tr("EXPORT is the export's id or name. PATH may be an existing directory (the export's name is "
           "used, made safe).");
    ed.options = {outputOption(tr("Where to save (a file or an existing directory).")), forceOption()};

    return {up, down, ui, ed};
}

} // namespace anadesk::cli
