#include "FirstRunPage.h"

#include "Icons.h"
#include "profiles/ProfileStore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace anadesk {

FirstRunPage::FirstRunPage(ProfileStore *profiles, QWidget *parent)
    : QWidget(parent)
    , m_profiles(profiles)
{
    setObjectName(QStringLiteral("firstRunPage"));

    auto *logo = new QLabel(this);
    logo->setPixmap(icon(QStringLiteral("anadesk")).pixmap(96, 96));
    logo->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Welcome to Anadesk"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    auto *intro = new QLabel(tr("Administer Anaplan workspaces and models: browse, upload, import, export and follow "
                                "tasks. Try it on a local sandbox with demo data, or connect to your tenant."),
                             this);
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);

    m_trySandbox = new QPushButton(icon(QStringLiteral("sandbox")), tr("&Try the Sandbox"), this);
    m_trySandbox->setObjectName(QStringLiteral("trySandbox"));
    m_trySandbox->setToolTip(tr("Starts anadesk-sandbox on this computer (loopback only) and connects with its demo "
                                "account."));
    m_addConnection = new QPushButton(icon(QStringLiteral("add")), tr("&Add a Connection…"), this);
    m_addConnection->setObjectName(QStringLiteral("addConnection"));
    for (QPushButton *button : {m_trySandbox, m_addConnection}) {
        button->setMinimumHeight(44);
        button->setIconSize(QSize(24, 24));
    }
    m_trySandbox->setDefault(true);

    m_savedProfiles = new QComboBox(this);
    m_savedProfiles->setObjectName(QStringLiteral("savedProfiles"));
    m_openProfile = new QPushButton(tr("&Open"), this);
    m_openProfile->setObjectName(QStringLiteral("openProfile"));
    m_savedRow = new QWidget(this);
    auto *savedLayout = new QHBoxLayout(m_savedRow);
    savedLayout->setContentsMargins(0, 0, 0, 0);
    auto *savedLabel = new QLabel(tr("Sa&ved connection:"), m_savedRow);
    savedLabel->setBuddy(m_savedProfiles);
    savedLayout->addWidget(savedLabel);
    savedLayout->addWidget(m_savedProfiles, 1);
    savedLayout->addWidget(m_openProfile);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("firstRunStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(tr("&Retry"), this);
    m_retry->setObjectName(QStringLiteral("retryConnection"));
    m_enterSecrets = new QPushButton(tr("&Enter for This Session…"), this);
    m_enterSecrets->setObjectName(QStringLiteral("enterSecretsForSession"));
    auto *recovery = new QHBoxLayout;
    recovery->addStretch(1);
    recovery->addWidget(m_retry);
    recovery->addWidget(m_enterSecrets);
    recovery->addStretch(1);

    auto *column = new QVBoxLayout;
    column->addWidget(logo);
    column->addWidget(title);
    column->addWidget(intro);
    column->addSpacing(16);
    column->addWidget(m_trySandbox);
    column->addWidget(m_addConnection);
    column->addWidget(m_savedRow);
    column->addSpacing(12);
    column->addWidget(m_status);
    column->addLayout(recovery);

    auto *center = new QWidget(this);
    center->setMaximumWidth(560);
    center->setLayout(column);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(center, 4);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);

    setTabOrder(m_trySandbox, m_addConnection);
    setTabOrder(m_addConnection, m_savedProfiles);
    setTabOrder(m_savedProfiles, m_openProfile);
    setTabOrder(m_openProfile, m_retry);
    setTabOrder(m_retry, m_enterSecrets);

    connect(m_trySandbox, &QPushButton::clicked, this, &FirstRunPage::trySandboxRequested);
    connect(m_addConnection, &QPushButton::clicked, this, &FirstRunPage::addConnectionRequested);
    connect(m_openProfile, &QPushButton::clicked, this, [this] {
        const QString id = m_savedProfiles->currentData().toString();
        if (!id.isEmpty())
            Q_EMIT openProfileRequested(id);
    });
    connect(m_retry, &QPushButton::clicked, this, &FirstRunPage::retryRequested);
    connect(m_enterSecrets, &QPushButton::clicked, this, &FirstRunPage::enterSecretsRequested);
    if (m_profiles)
        connect(m_profiles, &ProfileStore::profilesChanged, this, &FirstRunPage::reloadProfiles);
    reloadProfiles();
    setState(ConnectionState::Disconnected, {});
}

void FirstRunPage::reloadProfiles()
{
    const QString current = m_savedProfiles->currentData().toString();
    m_savedProfiles->clear();
    const QList<ConnectionProfile> profiles = m_profiles ? m_profiles->profiles() : QList<ConnectionProfile>();
    for (const ConnectionProfile &profile : profiles)
        m_savedProfiles->addItem(icon(QStringLiteral("connection")), profile.name, profile.id);
    const int index = m_savedProfiles->findData(current);
    if (index >= 0)
        m_savedProfiles->setCurrentIndex(index);
    m_savedRow->setVisible(!profiles.isEmpty());
}

void FirstRunPage::setState(ConnectionState state, const QString &detail)
{
    const bool busy = state == ConnectionState::StartingSandbox || state == ConnectionState::Connecting
                      || state == ConnectionState::NeedsSecrets;
    m_trySandbox->setEnabled(!busy);
    m_addConnection->setEnabled(!busy);
    m_openProfile->setEnabled(!busy);
    m_status->setText(detail);
    m_status->setVisible(!detail.isEmpty() && state != ConnectionState::Disconnected);
    m_retry->setVisible(state == ConnectionState::KeychainUnavailable || state == ConnectionState::Failed);
    m_enterSecrets->setVisible(state == ConnectionState::KeychainUnavailable);
}

QString FirstRunPage::statusText() const
{
    return m_status->text();
}

} // namespace anadesk
