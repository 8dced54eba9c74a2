#pragma once
// The ALM panel's progress row for the one sync or comparison it follows: what runs, a progress bar fed by
// the task's progress and current step, and "Stop following". The ALM API has no cancel — the task goes on in
// Anaplan — so the button only stops following (AlmTaskRunner::abort) and says so. The task monitor of
// ui/transfers shows the same runner as a row of the session (TaskTracker::trackAlm); this row keeps the
// task in view where it was started.
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace anadesk {

class AlmTaskRunner;

class AlmTaskRow : public QWidget
{
    Q_OBJECT
public:
    explicit AlmTaskRow(QWidget *parent = nullptr);

    // Follows runner (created this event-loop turn); a runner followed before is left alone.
    void follow(AlmTaskRunner *runner, const QString &title);
    bool isRunning() const { return !m_runner.isNull(); }
    AlmTaskRunner *runner() const { return m_runner; }
    QString stepText() const;
    int progressValue() const; // 0..100, -1 while unknown

public Q_SLOTS:
    void stopFollowing();

private:
    void update();

    QPointer<AlmTaskRunner> m_runner;
    QLabel *m_title;
    QProgressBar *m_bar;
    QLabel *m_step;
    QPushButton *m_stop;
};

} // namespace anadesk
