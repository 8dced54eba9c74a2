#pragma once
// A shell with test doubles: a temporary settings file, an in-memory keychain and session store, a profile
// store on them, scripted message boxes and file dialogs, and a log model fed by a LogCapture.
#include "LoopWatch.h"
#include "common/ScriptedFileDialogs.h"
#include "common/ScriptedMessageBoxes.h"
#include "credentials/MemoryCredentialStore.h"
#include "profiles/ProfileStore.h"
#include "shell/LogCapture.h"
#include "shell/LogModel.h"
#include "shell/ShellServices.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>

namespace shelltest {

using anadesk::test::LoopWatch;

struct ShellKit
{
    QTemporaryDir dir;
    anadesk::MemoryCredentialStore keychain;
    anadesk::MemoryCredentialStore session;
    std::unique_ptr<anadesk::ProfileStore> profiles;
    anadesk::ScriptedMessageBoxes messages;
    anadesk::ScriptedFileDialogs files;
    anadesk::LogModel log;
    anadesk::LogCapture capture{&log};

    ShellKit()
    {
        profiles = std::make_unique<anadesk::ProfileStore>(&keychain, settingsFile());
        capture.install();
    }

    QString settingsFile() const { return dir.filePath(QStringLiteral("Anadesk.ini")); }

    anadesk::ShellServices services()
    {
        anadesk::ShellServices s;
        s.profiles = profiles.get();
        s.sessionSecrets = &session;
        s.messages = &messages;
        s.files = &files;
        s.log = &log;
        s.settingsFile = settingsFile();
        return s;
    }

    // Every byte of every file under the kit's directory (settings, index, anything written).
    QByteArray allFileBytes() const
    {
        QByteArray bytes;
        QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        return bytes;
    }
};

} // namespace shelltest
