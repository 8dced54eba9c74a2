#include "SecretPromptDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace anadesk {

SecretRequest SecretPromptDialog::signInRequest(const ConnectionProfile &profile, const QList<SecretKind> &kinds,
                                                const QString &explanation)
{
    SecretRequest request;
    request.profile = profile;
    request.kinds = kinds;
    request.explanation = explanation;
    request.offerRemember = profile.rememberSecrets;
    request.rememberByDefault = true;
    return request;
}

SecretPromptDialog::SecretPromptDialog(const ConnectionProfile &profile, const QList<SecretKind> &kinds,
                                       const QString &explanation, QWidget *parent)
    : SecretPromptDialog(signInRequest(profile, kinds, explanation), parent)
{}

SecretPromptDialog::SecretPromptDialog(const SecretRequest &request, QWidget *parent)
    : QDialog(parent)
{
    const ConnectionProfile &profile = request.profile;
    setObjectName(QStringLiteral("secretPrompt"));
    QString intro;
    switch (request.purpose) {
    case SecretPurpose::SignIn:
        setWindowTitle(tr("Sign In to %1").arg(profile.name));
        intro = profile.authMethod == AuthMethod::Basic
                    ? tr("Connection '%1' signs in as %2.").arg(profile.name, profile.userEmail)
                    : tr("Connection '%1' needs the following to sign in.").arg(profile.name);
        break;
    case SecretPurpose::Reauthentication:
        setWindowTitle(tr("Sign In Again to %1").arg(profile.name));
        intro = tr("The server no longer accepts the credentials of connection '%1'. Enter them again to continue; "
                   "the interrupted work is then repeated once.")
                    .arg(profile.name);
        break;
    case SecretPurpose::Proxy:
        setWindowTitle(tr("Proxy Sign-In for %1").arg(profile.name));
        intro = tr("The proxy of connection '%1' asks for a user name and password.").arg(profile.name);
        break;
    }

    auto *layout = new QVBoxLayout(this);
    auto *introLabel = new QLabel(intro, this);
    introLabel->setObjectName(QStringLiteral("secretPromptIntro"));
    introLabel->setWordWrap(true);
    introLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(introLabel);
    if (!request.explanation.isEmpty()) {
        auto *why = new QLabel(request.explanation, this);
        why->setObjectName(QStringLiteral("secretPromptExplanation"));
        why->setWordWrap(true);
        why->setTextFormat(Qt::PlainText);
        layout->addWidget(why);
    }

    auto *form = new QFormLayout;
    if (request.askProxyUser) {
        m_proxyUser = new QLineEdit(request.proxyUser, this);
        m_proxyUser->setObjectName(QStringLiteral("proxyUser"));
        auto *label = new QLabel(tr("Proxy &user:"), this);
        label->setBuddy(m_proxyUser);
        form->addRow(label, m_proxyUser);
    }
    for (const SecretKind kind : request.kinds) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("secret-") + secretKindName(kind));
        edit->setEchoMode(QLineEdit::Password);
        edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
        QString text = secretKindLabel(kind);
        if (!text.isEmpty())
            text[0] = text[0].toUpper();
        // The first field gets the mnemonic (Alt+P for "Password", …): reachable without the mouse.
        auto *label = new QLabel((m_fields.isEmpty() ? QStringLiteral("&") : QString()) + text + QLatin1Char(':'), this);
        label->setBuddy(edit);
        form->addRow(label, edit);
        m_fields.insert(kind, edit);
    }
    layout->addLayout(form);

    if (request.offerRemember) {
        m_remember = new QCheckBox(tr("&Remember in the system keychain"), this);
        m_remember->setObjectName(QStringLiteral("rememberEnteredSecrets"));
        m_remember->setChecked(request.rememberByDefault);
        layout->addWidget(m_remember);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign In"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SecretPromptDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SecretPromptDialog::reject);
    layout->addWidget(buttons);
    if (m_proxyUser && m_proxyUser->text().isEmpty())
        m_proxyUser->setFocus();
    else if (!request.kinds.isEmpty())
        m_fields.value(request.kinds.constFirst())->setFocus();
}

bool SecretPromptDialog::remember() const
{
    return m_remember && m_remember->isChecked();
}

ProfileSecrets SecretPromptDialog::secrets() const
{
    ProfileSecrets secrets;
    for (auto it = m_fields.constBegin(); it != m_fields.constEnd(); ++it) {
        if (!it.value()->text().isEmpty())
            secrets.set(it.key(), SecretBytes(it.value()->text().toUtf8()));
    }
    return secrets;
}

void SecretPromptDialog::accept()
{
    SecretAnswer answer;
    answer.secrets = secrets();
    answer.remember = remember();
    if (m_proxyUser)
        answer.proxyUser = m_proxyUser->text().trimmed();
    Q_EMIT secretsEntered(answer.secrets, answer.remember);
    Q_EMIT answerGiven(answer);
    for (QLineEdit *edit : std::as_const(m_fields))
        edit->clear();
    QDialog::accept();
}

void DialogSecretPrompts::ask(QWidget *parent, const SecretRequest &request, Answer answer)
{
    auto *prompt = new SecretPromptDialog(request, parent);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    auto answered = std::make_shared<bool>(false);
    QObject::connect(prompt, &SecretPromptDialog::answerGiven, prompt,
                     [answer, answered](const SecretAnswer &given) {
                         *answered = true;
                         answer(given);
                     });
    QObject::connect(prompt, &QDialog::rejected, prompt, [answer, answered] {
        if (!*answered)
            answer(std::nullopt);
    });
    prompt->open();
}

} // namespace anadesk
