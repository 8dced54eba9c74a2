#include "SecretPromptDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace anadesk {

SecretPromptDialog::SecretPromptDialog(const ConnectionProfile &profile, const QList<SecretKind> &kinds,
                                       const QString &explanation, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("secretPrompt"));
    setWindowTitle(tr("Sign In to %1").arg(profile.name));

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(profile.authMethod == AuthMethod::Basic
                                 ? tr("Connection '%1' signs in as %2.").arg(profile.name, profile.userEmail)
                                 : tr("Connection '%1' needs the following to sign in.").arg(profile.name),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);
    if (!explanation.isEmpty()) {
        auto *why = new QLabel(explanation, this);
        why->setObjectName(QStringLiteral("secretPromptExplanation"));
        why->setWordWrap(true);
        why->setTextFormat(Qt::PlainText);
        layout->addWidget(why);
    }

    auto *form = new QFormLayout;
    for (const SecretKind kind : kinds) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("secret-") + secretKindName(kind));
        edit->setEchoMode(QLineEdit::Password);
        edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
        QString label = secretKindLabel(kind);
        if (!label.isEmpty())
            label[0] = label[0].toUpper();
        form->addRow(label + QLatin1Char(':'), edit);
        m_fields.insert(kind, edit);
    }
    layout->addLayout(form);

    if (profile.rememberSecrets) {
        m_remember = new QCheckBox(tr("&Remember in the system keychain"), this);
        m_remember->setObjectName(QStringLiteral("rememberEnteredSecrets"));
        m_remember->setChecked(true);
        layout->addWidget(m_remember);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Sign In"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SecretPromptDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SecretPromptDialog::reject);
    layout->addWidget(buttons);
    if (!kinds.isEmpty())
        m_fields.value(kinds.constFirst())->setFocus();
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
    Q_EMIT secretsEntered(secrets(), remember());
    for (QLineEdit *edit : std::as_const(m_fields))
        edit->clear();
    QDialog::accept();
}

} // namespace anadesk
