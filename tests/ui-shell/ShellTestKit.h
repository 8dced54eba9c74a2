#pragma once
// A shell with test doubles: a temporary settings file, an in-memory keychain and session store, a profile
// store on them, scripted message boxes and file dialogs, and a log model fed by a LogCapture.
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

// Records the longest interval between ticks of a fast timer: how long the event loop stood still.
class LoopWatch : public QObject
{
public:
    explicit LoopWatch(int intervalMs = 10)
    {
        m_timer.setInterval(intervalMs);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.elapsed();
            m_longestGapMs = qMax(m_longestGapMs, now - m_last);
            m_last = now;
            ++m_ticks;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_longestGapMs = 0;
        m_ticks = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    qint64 longestGapMs() const { return m_longestGapMs; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestGapMs = 0;
    int m_ticks = 0;
};

} // namespace shelltest
