#pragma once
// Feeds every Qt log message of the process into a LogModel, after running it through core's redaction
// (redactSecrets: token/password shapes and every registered live secret), and passes the redacted text on
// to the previous message handler (stderr). Messages from any thread arrive on the model's thread, queued.
// One capture at a time; uninstall() (or destroying the capture) restores the previous handler.
#include <QObject>
#include <QPointer>

namespace anadesk {

class LogModel;

class LogCapture : public QObject
{
    Q_OBJECT

public:
    explicit LogCapture(LogModel *model, QObject *parent = nullptr);
    ~LogCapture() override;

    void install();
    void uninstall();
    bool isInstalled() const;

    // Which lines arrive is decided by Qt's logging rules before any handler runs (disabled debug
    // categories never reach the model).
    LogModel *model() const { return m_model; }

private:
    QPointer<LogModel> m_model;
};

} // namespace anadesk
