#include "SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace anadesk {

namespace {
QSpinBox *spinBox(QWidget *parent, const char *objectName, int minimum, int maximum, const QString &suffix)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QString::fromLatin1(objectName));
    box->setRange(minimum, maximum);
    box->setSuffix(suffix);
    box->setAccelerated(true);
    return box;
}
} // namespace

SettingsDialog::SettingsDialog(const ClientSettings &settings, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    using S = ClientSettings;
    m_timeout = spinBox(this, "timeoutSeconds", S::kMinTimeoutSeconds, S::kMaxTimeoutSeconds, tr(" s"));
    m_timeout->setToolTip(tr("How long a request may stay silent before it is abandoned (and retried)."));
    m_retries = spinBox(this, "retryCount", 0, S::kMaxRetryCount, {});
    m_retries->setToolTip(tr("Attempts for requests that can safely be repeated (at least one is always made)."));
    m_backoff = spinBox(this, "backoffMs", S::kMinBackoffMs, S::kMaxBackoffMs, tr(" ms"));
    m_backoff->setSingleStep(100);
    m_backoffFactor = new QDoubleSpinBox(this);
    m_backoffFactor->setObjectName(QStringLiteral("backoffFactor"));
    m_backoffFactor->setRange(1.0, 10.0);
    m_backoffFactor->setSingleStep(0.5);
    m_backoffFactor->setDecimals(1);
    m_maxBackoff = spinBox(this, "maxBackoffSeconds", 1, 600, tr(" s"));
    m_pageSize = spinBox(this, "pageSize", S::kMinPageSize, S::kMaxPageSize, {});
    m_pageSize->setSingleStep(500);
    m_pollDelay = spinBox(this, "statusPollDelayMs", S::kMinPollDelayMs, S::kMaxPollDelayMs, tr(" ms"));
    m_pollDelay->setSingleStep(250);
    m_chunkSize = spinBox(this, "uploadChunkSizeMb", S::kMinChunkSizeMb, S::kMaxChunkSizeMb, tr(" MB"));
    m_compression = spinBox(this, "compressionLevel", S::kMinCompressionLevel, S::kMaxCompressionLevel, {});
    m_compression->setToolTip(tr("zlib level of uploaded chunks: 0 stores, 1 is fastest, 9 is smallest."));

    auto *network = new QGroupBox(tr("Requests"), this);
    auto *networkForm = new QFormLayout(network);
    networkForm->addRow(tr("&Timeout:"), m_timeout);
    networkForm->addRow(tr("&Retries:"), m_retries);
    networkForm->addRow(tr("First &back-off:"), m_backoff);
    networkForm->addRow(tr("Back-off &factor:"), m_backoffFactor);
    networkForm->addRow(tr("&Longest back-off:"), m_maxBackoff);
    networkForm->addRow(tr("&Page size:"), m_pageSize);
    networkForm->addRow(tr("Task poll dela&y:"), m_pollDelay);

    auto *transfers = new QGroupBox(tr("Transfers"), this);
    auto *transferForm = new QFormLayout(transfers);
    transferForm->addRow(tr("Upload &chunk size:"), m_chunkSize);
    transferForm->addRow(tr("Co&mpression level:"), m_compression);

    m_proxyMode = new QComboBox(this);
    m_proxyMode->setObjectName(QStringLiteral("proxyMode"));
    m_proxyMode->addItem(tr("Use the system's proxy settings"), int(S::ProxyMode::System));
    m_proxyMode->addItem(tr("No proxy"), int(S::ProxyMode::None));
    m_proxyMode->addItem(tr("Manual proxy"), int(S::ProxyMode::Manual));
    m_proxyHost = new QLineEdit(this);
    m_proxyHost->setObjectName(QStringLiteral("proxyHost"));
    m_proxyHost->setPlaceholderText(tr("proxy.company.com"));
    m_proxyPort = spinBox(this, "proxyPort", 0, 65'535, {});
    m_proxyPort->setSpecialValueText(tr("(none)"));
    auto *proxy = new QGroupBox(tr("Proxy (for connections set to the application proxy)"), this);
    auto *proxyForm = new QFormLayout(proxy);
    proxyForm->addRow(tr("Pro&xy:"), m_proxyMode);
    proxyForm->addRow(tr("&Host:"), m_proxyHost);
    proxyForm->addRow(tr("P&ort:"), m_proxyPort);
    auto *proxyNote = new QLabel(tr("A proxy that needs a password is set per connection in the connection manager; "
                                    "its password is kept in the system keychain."),
                                 this);
    proxyNote->setWordWrap(true);
    proxyForm->addRow(proxyNote);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("settingsProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_problems->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                             | QDialogButtonBox::RestoreDefaults,
                                         this);
    buttons->setObjectName(QStringLiteral("settingsButtons"));
    buttons->button(QDialogButtonBox::RestoreDefaults)->setObjectName(QStringLiteral("restoreDefaults"));
    buttons->button(QDialogButtonBox::RestoreDefaults)->setText(tr("Restore &Defaults"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setSettings(ClientSettings{}); });
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateProxyFields);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(network);
    layout->addWidget(transfers);
    layout->addWidget(proxy);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);

    setSettings(settings);
}

void SettingsDialog::setSettings(const ClientSettings &s)
{
    m_timeout->setValue(s.timeoutSeconds);
    m_retries->setValue(s.retryCount);
    m_backoff->setValue(s.backoffMs);
    m_backoffFactor->setValue(s.backoffFactor);
    m_maxBackoff->setValue(s.maxBackoffSeconds);
    m_pageSize->setValue(s.pageSize);
    m_pollDelay->setValue(s.statusPollDelayMs);
    m_chunkSize->setValue(s.uploadChunkSizeMb);
    m_compression->setValue(s.compressionLevel);
    m_proxyMode->setCurrentIndex(m_proxyMode->findData(int(s.proxyMode)));
    m_proxyHost->setText(s.proxyHost);
    m_proxyPort->setValue(s.proxyPort);
    updateProxyFields();
}

ClientSettings SettingsDialog::settings() const
{
    ClientSettings s;
    s.timeoutSeconds = m_timeout->value();
    s.retryCount = m_retries->value();
    s.backoffMs = m_backoff->value();
    s.backoffFactor = m_backoffFactor->value();
    s.maxBackoffSeconds = m_maxBackoff->value();
    s.pageSize = m_pageSize->value();
    s.statusPollDelayMs = m_pollDelay->value();
    s.uploadChunkSizeMb = m_chunkSize->value();
    s.compressionLevel = m_compression->value();
    s.proxyMode = ClientSettings::ProxyMode(m_proxyMode->currentData().toInt());
    s.proxyHost = m_proxyHost->text().trimmed();
    s.proxyPort = quint16(m_proxyPort->value());
    return s;
}

void SettingsDialog::updateProxyFields()
{
    const bool manual = ClientSettings::ProxyMode(m_proxyMode->currentData().toInt()) == ClientSettings::ProxyMode::Manual;
    m_proxyHost->setEnabled(manual);
    m_proxyPort->setEnabled(manual);
}

void SettingsDialog::accept()
{
    const ClientSettings s = settings();
    const QStringList problems = s.validate();
    if (!problems.isEmpty()) {
        m_problems->setText(problems.join(QLatin1Char('\n')));
        m_problems->show();
        return;
    }
    m_problems->hide();
    Q_EMIT settingsAccepted(s);
    QDialog::accept();
}

} // namespace anadesk
