#include "ProfileEditor.h"

#include "common/FileDialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace anadesk {

namespace {
QLineEdit *lineEdit(QWidget *parent, const char *objectName, const QString &placeholder = {})
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setPlaceholderText(placeholder);
    return edit;
}

QWidget *withButton(QWidget *parent, QLineEdit *edit, QPushButton *button)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}
} // namespace

QLineEdit *ProfileEditor::secretEdit(const char *objectName)
{
    auto *edit = lineEdit(this, objectName);
    edit->setEchoMode(QLineEdit::Password);
    // Keep secrets out of input-method history and autocompletion.
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    connect(edit, &QLineEdit::textEdited, this, &ProfileEditor::edited);
    return edit;
}

QPushButton *ProfileEditor::browseButton(const char *objectName, QLineEdit *target, const QString &caption)
{
    auto *button = new QPushButton(tr("Browse…"), this);
    button->setObjectName(QString::fromLatin1(objectName));
    connect(button, &QPushButton::clicked, this, [this, target, caption, objectName] {
        const QString start = target->text().isEmpty() ? QDir::homePath() : QFileInfo(target->text()).absolutePath();
        const QString path = m_files->openFileName(this, QString::fromLatin1(objectName) + QStringLiteral("Dialog"),
                                                   caption, start,
                                                   tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)"));
        if (!path.isEmpty()) {
            target->setText(QDir::toNativeSeparators(path));
            Q_EMIT edited();
        }
    });
    return button;
}

ProfileEditor::ProfileEditor(FileDialogs *files, QWidget *parent)
    : QWidget(parent)
    , m_files(files)
{
    setObjectName(QStringLiteral("profileEditor"));

    // --- name and hosts ---------------------------------------------------------------------------
    m_name = lineEdit(this, "profileName", tr("e.g. Production EU"));
    m_endpointMode = new QComboBox(this);
    m_endpointMode->setObjectName(QStringLiteral("endpointMode"));
    m_endpointMode->addItem(tr("Anaplan region"), int(EndpointMode::Region));
    m_endpointMode->addItem(tr("One server URL (gateway, anadesk-sandbox)"), int(EndpointMode::SingleOrigin));
    m_endpointMode->addItem(tr("Custom hosts"), int(EndpointMode::Custom));

    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("region"));
    m_region->addItems(Endpoints::regionNames());
    m_singleOrigin = lineEdit(this, "singleOrigin", QStringLiteral("https://anaplan-gateway.company.com"));
    m_authUrl = lineEdit(this, "authUrl", QStringLiteral("https://auth.anaplan.com"));
    m_apiUrl = lineEdit(this, "apiUrl", QStringLiteral("https://api.anaplan.com"));
    m_auditUrl = lineEdit(this, "auditUrl", QStringLiteral("https://audit.anaplan.com"));
    m_cloudWorksUrl = lineEdit(this, "cloudWorksUrl", QStringLiteral("https://api.cloudworks.anaplan.com"));

    m_endpointPages = new QStackedWidget(this);
    m_endpointPages->setObjectName(QStringLiteral("endpointPages"));
    auto *regionPage = new QWidget(m_endpointPages);
    auto *regionForm = new QFormLayout(regionPage);
    regionForm->setContentsMargins(0, 0, 0, 0);
    regionForm->addRow(tr("Re&gion:"), m_region);
    auto *originPage = new QWidget(m_endpointPages);
    auto *originForm = new QFormLayout(originPage);
    originForm->setContentsMargins(0, 0, 0, 0);
    originForm->addRow(tr("Server &URL:"), m_singleOrigin);
    auto *customPage = new QWidget(m_endpointPages);
    auto *customForm = new QFormLayout(customPage);
    customForm->setContentsMargins(0, 0, 0, 0);
    customForm->addRow(tr("Au&thentication:"), m_authUrl);
    customForm->addRow(tr("A&PI:"), m_apiUrl);
    customForm->addRow(tr("Au&dit:"), m_auditUrl);
    customForm->addRow(tr("Cloud&Works:"), m_cloudWorksUrl);
    m_endpointPages->addWidget(regionPage);
    m_endpointPages->addWidget(originPage);
    m_endpointPages->addWidget(customPage);

    auto *hosts = new QGroupBox(tr("Where"), this);
    auto *hostsForm = new QFormLayout(hosts);
    hostsForm->addRow(tr("&Name:"), m_name);
    hostsForm->addRow(tr("&Hosts:"), m_endpointMode);
    hostsForm->addRow(m_endpointPages);

    // --- sign-in -----------------------------------------------------------------------------------
    m_authMethod = new QComboBox(this);
    m_authMethod->setObjectName(QStringLiteral("authMethod"));
    m_authMethod->addItem(tr("User and password (basic)"), int(AuthMethod::Basic));
    m_authMethod->addItem(tr("CA certificate"), int(AuthMethod::Certificate));
    m_authMethod->addItem(tr("Token"), int(AuthMethod::Token));

    m_user = lineEdit(this, "userEmail", tr("name@company.com"));
    m_password = secretEdit("password");
    m_basicGroup = new QGroupBox(this);
    m_basicGroup->setObjectName(QStringLiteral("basicGroup"));
    m_basicGroup->setFlat(true);
    auto *basicForm = new QFormLayout(m_basicGroup);
    basicForm->setContentsMargins(0, 0, 0, 0);
    basicForm->addRow(tr("&User:"), m_user);
    basicForm->addRow(tr("Pass&word:"), m_password);

    m_certificatePath = lineEdit(this, "certificatePath", tr("certificate.pem"));
    m_keyPath = lineEdit(this, "privateKeyPath", tr("private-key.pem"));
    m_keyPassphrase = secretEdit("keyPassphrase");
    m_keyPassphrase->setPlaceholderText(tr("empty if the key is not encrypted"));
    m_certificateGroup = new QGroupBox(this);
    m_certificateGroup->setObjectName(QStringLiteral("certificateGroup"));
    m_certificateGroup->setFlat(true);
    auto *certificateForm = new QFormLayout(m_certificateGroup);
    certificateForm->setContentsMargins(0, 0, 0, 0);
    certificateForm->addRow(tr("&Certificate:"),
                            withButton(this, m_certificatePath,
                                       browseButton("browseCertificate", m_certificatePath, tr("Certificate File"))));
    certificateForm->addRow(tr("Private &key:"),
                            withButton(this, m_keyPath, browseButton("browsePrivateKey", m_keyPath, tr("Private Key File"))));
    certificateForm->addRow(tr("Key pass&phrase:"), m_keyPassphrase);

    m_token = secretEdit("token");
    m_tokenGroup = new QGroupBox(this);
    m_tokenGroup->setObjectName(QStringLiteral("tokenGroup"));
    m_tokenGroup->setFlat(true);
    auto *tokenForm = new QFormLayout(m_tokenGroup);
    tokenForm->setContentsMargins(0, 0, 0, 0);
    tokenForm->addRow(tr("T&oken:"), m_token);

    m_remember = new QCheckBox(tr("&Remember secrets in the system keychain"), this);
    m_remember->setObjectName(QStringLiteral("rememberSecrets"));
    m_plainText = new QCheckBox(tr("Without a usable keychain, keep secrets in a plain-text &file"), this);
    m_plainText->setObjectName(QStringLiteral("plainTextFallback"));
    m_plainTextWarning = new QLabel(this);
    m_plainTextWarning->setObjectName(QStringLiteral("plainTextWarning"));
    m_plainTextWarning->setWordWrap(true);
    m_plainTextWarning->setTextFormat(Qt::PlainText);
    m_plainTextWarning->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_plainText->setVisible(false);
    m_plainTextWarning->setVisible(false);
    m_secretStatus = new QLabel(this);
    m_secretStatus->setObjectName(QStringLiteral("secretStatus"));
    m_secretStatus->setWordWrap(true);
    m_secretStatus->setTextFormat(Qt::PlainText);

    auto *signIn = new QGroupBox(tr("Sign-in"), this);
    auto *signInLayout = new QVBoxLayout(signIn);
    auto *methodForm = new QFormLayout;
    methodForm->addRow(tr("M&ethod:"), m_authMethod);
    signInLayout->addLayout(methodForm);
    signInLayout->addWidget(m_basicGroup);
    signInLayout->addWidget(m_certificateGroup);
    signInLayout->addWidget(m_tokenGroup);
    signInLayout->addWidget(m_remember);
    signInLayout->addWidget(m_plainText);
    signInLayout->addWidget(m_plainTextWarning);
    signInLayout->addWidget(m_secretStatus);

    // --- defaults and proxy ------------------------------------------------------------------------
    m_workspace = lineEdit(this, "defaultWorkspaceId", tr("optional workspace id"));
    m_model = lineEdit(this, "defaultModelId", tr("optional model id"));

    m_proxyMode = new QComboBox(this);
    m_proxyMode->setObjectName(QStringLiteral("profileProxyMode"));
    m_proxyMode->addItem(tr("Application proxy (Settings)"), int(ProxySettings::Mode::System));
    m_proxyMode->addItem(tr("No proxy"), int(ProxySettings::Mode::None));
    m_proxyMode->addItem(tr("Manual proxy for this connection"), int(ProxySettings::Mode::Manual));
    m_proxyHost = lineEdit(this, "profileProxyHost", tr("proxy.company.com"));
    m_proxyPort = new QSpinBox(this);
    m_proxyPort->setObjectName(QStringLiteral("profileProxyPort"));
    m_proxyPort->setRange(0, 65'535);
    m_proxyPort->setSpecialValueText(tr("(none)"));
    m_proxyUser = lineEdit(this, "profileProxyUser", tr("optional"));
    m_proxyPassword = secretEdit("proxyPassword");
    m_proxyFields = new QWidget(this);
    auto *proxyFieldsForm = new QFormLayout(m_proxyFields);
    proxyFieldsForm->setContentsMargins(0, 0, 0, 0);
    proxyFieldsForm->addRow(tr("Proxy h&ost:"), m_proxyHost);
    proxyFieldsForm->addRow(tr("Proxy po&rt:"), m_proxyPort);
    proxyFieldsForm->addRow(tr("Proxy u&ser:"), m_proxyUser);
    proxyFieldsForm->addRow(tr("Proxy p&assword:"), m_proxyPassword);

    auto *more = new QGroupBox(tr("Defaults and proxy"), this);
    auto *moreForm = new QFormLayout(more);
    moreForm->addRow(tr("Wor&kspace id:"), m_workspace);
    moreForm->addRow(tr("Mo&del id:"), m_model);
    moreForm->addRow(tr("Pro&xy:"), m_proxyMode);
    moreForm->addRow(m_proxyFields);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hosts);
    layout->addWidget(signIn);
    layout->addWidget(more);
    layout->addStretch(1);

    // Tab goes through the form in reading order (creation order differs: the Browse buttons come late).
    m_tabChain = {m_name, m_endpointMode, m_region, m_singleOrigin, m_authUrl, m_apiUrl, m_auditUrl,
                                     m_cloudWorksUrl, m_authMethod, m_user, m_password, m_certificatePath,
                                     findChild<QPushButton *>(QStringLiteral("browseCertificate")), m_keyPath,
                                     findChild<QPushButton *>(QStringLiteral("browsePrivateKey")), m_keyPassphrase,
                                     m_token, m_remember, m_plainText, m_workspace, m_model, m_proxyMode, m_proxyHost,
                                     m_proxyPort, m_proxyUser, m_proxyPassword};
    for (qsizetype i = 1; i < m_tabChain.size(); ++i)
        setTabOrder(m_tabChain.at(i - 1), m_tabChain.at(i));

    for (QLineEdit *edit : {m_name, m_singleOrigin, m_authUrl, m_apiUrl, m_auditUrl, m_cloudWorksUrl, m_user,
                            m_certificatePath, m_keyPath, m_workspace, m_model, m_proxyHost, m_proxyUser})
        connect(edit, &QLineEdit::textEdited, this, &ProfileEditor::edited);
    for (QComboBox *combo : {m_endpointMode, m_region, m_authMethod, m_proxyMode}) {
        connect(combo, &QComboBox::activated, this, &ProfileEditor::edited);
        connect(combo, &QComboBox::currentIndexChanged, this, &ProfileEditor::updateVisibility);
    }
    connect(m_proxyPort, &QSpinBox::valueChanged, this, &ProfileEditor::edited);
    connect(m_remember, &QCheckBox::toggled, this, &ProfileEditor::edited);
    connect(m_plainText, &QCheckBox::toggled, this, &ProfileEditor::edited);
    connect(m_remember, &QCheckBox::toggled, this, &ProfileEditor::updateVisibility);
    connect(m_proxyUser, &QLineEdit::textChanged, this, &ProfileEditor::updateVisibility);

    setProfile(ConnectionProfile::create(QString()), {}, QString());
}

void ProfileEditor::updateVisibility()
{
    m_endpointPages->setCurrentIndex(m_endpointMode->currentIndex());
    const auto method = AuthMethod(m_authMethod->currentData().toInt());
    m_basicGroup->setVisible(method == AuthMethod::Basic);
    m_certificateGroup->setVisible(method == AuthMethod::Certificate);
    m_tokenGroup->setVisible(method == AuthMethod::Token);
    const bool manual = ProxySettings::Mode(m_proxyMode->currentData().toInt()) == ProxySettings::Mode::Manual;
    m_proxyFields->setVisible(manual);
    m_proxyPassword->setEnabled(manual && !m_proxyUser->text().trimmed().isEmpty());
    m_plainText->setEnabled(m_remember->isChecked()); // nothing is stored anywhere without "remember"

    // Saved secrets: say so in the empty field instead of showing anything of them.
    const QString saved = tr("saved in %1 — type to replace").arg(m_storage);
    m_password->setPlaceholderText(m_savedKinds.contains(SecretKind::Password) ? saved : tr("password"));
    m_token->setPlaceholderText(m_savedKinds.contains(SecretKind::Token) ? saved : tr("paste the token"));
    m_keyPassphrase->setPlaceholderText(m_savedKinds.contains(SecretKind::KeyPassphrase)
                                            ? saved
                                            : tr("empty if the key is not encrypted"));
    m_proxyPassword->setPlaceholderText(m_savedKinds.contains(SecretKind::ProxyPassword) ? saved : tr("optional"));
}

void ProfileEditor::setProfile(const ConnectionProfile &profile, const QList<SecretKind> &savedKinds,
                               const QString &storage)
{
    const QSignalBlocker blocker(this);
    m_original = profile;
    m_savedKinds = savedKinds;
    m_storage = storage;
    m_name->setText(profile.name);
    m_endpointMode->setCurrentIndex(m_endpointMode->findData(int(profile.endpointMode)));
    const int region = m_region->findText(profile.region);
    m_region->setCurrentIndex(region >= 0 ? region : 0);
    m_singleOrigin->setText(profile.singleOrigin.toString());
    m_authUrl->setText(profile.customEndpoints.auth.toString());
    m_apiUrl->setText(profile.customEndpoints.api.toString());
    m_auditUrl->setText(profile.customEndpoints.audit.toString());
    m_cloudWorksUrl->setText(profile.customEndpoints.cloudWorks.toString());
    m_authMethod->setCurrentIndex(m_authMethod->findData(int(profile.authMethod)));
    m_user->setText(profile.userEmail);
    m_certificatePath->setText(QDir::toNativeSeparators(profile.certificatePath));
    m_keyPath->setText(QDir::toNativeSeparators(profile.privateKeyPath));
    m_workspace->setText(profile.defaultWorkspaceId);
    m_model->setText(profile.defaultModelId);
    m_proxyMode->setCurrentIndex(m_proxyMode->findData(int(profile.proxy.mode)));
    m_proxyHost->setText(profile.proxy.host);
    m_proxyPort->setValue(profile.proxy.port);
    m_proxyUser->setText(profile.proxy.user);
    m_remember->setChecked(profile.rememberSecrets);
    clearTypedSecrets();
    m_secretStatus->clear();
    updateVisibility();
}

ConnectionProfile ProfileEditor::profile() const
{
    ConnectionProfile p = m_original;
    p.name = m_name->text().trimmed();
    p.endpointMode = EndpointMode(m_endpointMode->currentData().toInt());
    p.region = m_region->currentText();
    p.singleOrigin = QUrl(m_singleOrigin->text().trimmed());
    p.customEndpoints.auth = QUrl(m_authUrl->text().trimmed());
    p.customEndpoints.api = QUrl(m_apiUrl->text().trimmed());
    p.customEndpoints.audit = QUrl(m_auditUrl->text().trimmed());
    p.customEndpoints.cloudWorks = QUrl(m_cloudWorksUrl->text().trimmed());
    p.authMethod = AuthMethod(m_authMethod->currentData().toInt());
    p.userEmail = m_user->text().trimmed();
    p.certificatePath = QDir::fromNativeSeparators(m_certificatePath->text().trimmed());
    p.privateKeyPath = QDir::fromNativeSeparators(m_keyPath->text().trimmed());
    p.defaultWorkspaceId = m_workspace->text().trimmed();
    p.defaultModelId = m_model->text().trimmed();
    p.proxy.mode = ProxySettings::Mode(m_proxyMode->currentData().toInt());
    p.proxy.host = m_proxyHost->text().trimmed();
    p.proxy.port = quint16(m_proxyPort->value());
    p.proxy.user = m_proxyUser->text().trimmed();
    p.rememberSecrets = m_remember->isChecked();
    return p;
}

ProfileSecrets ProfileEditor::typedSecrets() const
{
    const QList<SecretKind> used = profile().secretKinds();
    ProfileSecrets secrets;
    const std::pair<SecretKind, QLineEdit *> fields[] = {{SecretKind::Password, m_password},
                                                         {SecretKind::Token, m_token},
                                                         {SecretKind::KeyPassphrase, m_keyPassphrase},
                                                         {SecretKind::ProxyPassword, m_proxyPassword}};
    for (const auto &[kind, edit] : fields) {
        if (used.contains(kind) && !edit->text().isEmpty())
            secrets.set(kind, SecretBytes(edit->text().toUtf8()));
    }
    return secrets;
}

void ProfileEditor::clearTypedSecrets()
{
    for (QLineEdit *edit : {m_password, m_token, m_keyPassphrase, m_proxyPassword})
        edit->clear();
}

void ProfileEditor::setPlainTextOption(bool offered, bool optedIn, const QString &filePath)
{
    const QSignalBlocker blocker(this);
    m_plainText->setVisible(offered);
    m_plainTextWarning->setVisible(offered);
    m_plainText->setChecked(offered && optedIn);
    m_plainTextWarning->setText(
        tr("Warning: when this is on and the system keychain is missing or locked, the secrets of this connection "
           "are written UNENCRYPTED to %1 (readable by your user account and anyone with access to your files). "
           "Switching it off deletes them from that file.")
            .arg(QDir::toNativeSeparators(filePath)));
}

bool ProfileEditor::plainTextOptedIn() const
{
    return !m_plainText->isHidden() && m_plainText->isChecked(); // offered (not hidden) and ticked
}

void ProfileEditor::setSecretStatus(const QString &text, bool problem)
{
    m_secretStatus->setText(text);
    m_secretStatus->setStyleSheet(problem ? QStringLiteral("color: #a40000;") : QString());
}

} // namespace anadesk
