#include "AlmTaskRow.h"

#include "alm/AlmTaskRunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace anadesk {

AlmTaskRow::AlmTaskRow(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_step(new QLabel(this))
    , m_stop(new QPushButton(tr("&Stop following"), this))
{
    setObjectName(QStringLiteral("almTaskRow"));
    m_title->setObjectName(QStringLiteral("almTaskTitle"));
    m_bar->setObjectName(QStringLiteral("almTaskProgress"));
    m_bar->setRange(0, 0);
    m_bar->setAccessibleName(tr("ALM task progress"));
    m_step->setObjectName(QStringLiteral("almTaskStep"));
    m_step->setTextFormat(Qt::PlainText);
    m_stop->setObjectName(QStringLiteral("almTaskStop"));
    m_stop->setToolTip(tr("Anaplan cannot cancel ALM tasks: this only stops following; the task goes on."));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_step, 1);
    layout->addWidget(m_stop);
    connect(m_stop, &QPushButton::clicked, this, &AlmTaskRow::stopFollowing);
    hide();
}

void AlmTaskRow::follow(AlmTaskRunner *runner, const QString &title)
{
    m_runner = runner;
    m_title->setText(title);
    m_step->setText(tr("Starting…"));
    m_bar->setRange(0, 0);
    m_stop->setEnabled(true);
    connect(runner, &AlmTaskRunner::progress, this, [this, runner] {
        if (m_runner == runner)
            update();
    });
    connect(runner, &AlmTaskRunner::stateChanged, this, [this, runner] {
        if (m_runner == runner)
            update();
    });
    connect(runner, &Job::finished, this, [this, runner] {
        if (m_runner != runner)
            return;
        m_runner = nullptr;
        m_stop->setEnabled(false);
        m_bar->setRange(0, 100);
        m_bar->setValue(runner->isSucceeded() ? 100 : 0);
        m_step->setText(runner->isSucceeded() ? tr("Done")
                        : runner->error().category == ErrorCategory::Cancelled
                            ? tr("No longer followed; the task may still run in Anaplan")
                            : tr("Failed"));
        hide();
    });
    show();
}

void AlmTaskRow::update()
{
    if (!m_runner)
        return;
    const AlmTask &task = m_runner->task();
    if (task.progress) {
        m_bar->setRange(0, 100);
        // Anaplan sends 0..1; be tolerant of a percentage.
        const double value = *task.progress > 1.0 ? *task.progress : *task.progress * 100.0;
        m_bar->setValue(qBound(0, int(value), 100));
    }
    m_step->setText(task.currentStep.isEmpty() ? task.stateRaw : task.currentStep);
}

QString AlmTaskRow::stepText() const
{
    return m_step->text();
}

int AlmTaskRow::progressValue() const
{
    return m_bar->maximum() == 0 ? -1 : m_bar->value();
}

void AlmTaskRow::stopFollowing()
{
    if (m_runner)
        m_runner->abort(); // emits failed(Cancelled) and finished()
}

} // namespace anadesk
