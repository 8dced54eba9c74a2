#include "UserEditDialog.h"

#include "Connection.h"
#include "UsersErrors.h"
#include "browser/InlineBanner.h"
#include "common/MessageBoxes.h"
#include "scim/ScimClient.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace anadesk {

namespace {
constexpr int kWorkspaceIdRole = Qt::UserRole + 1;
}

UserEditDialog::UserEditDialog(Connection *connection, MessageBoxes *messages,
                               const std::optional<scim::User> &user, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_messages(messages)
    , m_user(user)
    , m_userName(new QLineEdit(this))
    , m_givenName(new QLineEdit(this))
    , m_familyName(new QLineEdit(this))
    , m_externalId(new QLineEdit(this))
    , m_active(new QCheckBox(tr("&Active (may sign in)"), this))
    , m_workspaces(new QListWidget(this))
    , m_workspaceNote(new QLabel(this))
    , m_banner(new InlineBanner(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(isEditing() ? QStringLiteral("editUserDialog") : QStringLiteral("addUserDialog"));
    setWindowTitle(isEditing() ? tr("Edit User %1").arg(user->userName) : tr("Add User"));
    m_userName->setObjectName(QStringLiteral("userNameEdit"));
    m_userName->setPlaceholderText(tr("name@example.com"));
    m_givenName->setObjectName(QStringLiteral("givenNameEdit"));
    m_familyName->setObjectName(QStringLiteral("familyNameEdit"));
    m_externalId->setObjectName(QStringLiteral("externalIdEdit"));
    m_externalId->setPlaceholderText(tr("optional, e.g. an employee number"));
    m_active->setObjectName(QStringLiteral("activeCheck"));
    m_active->setChecked(true);
    m_workspaces->setObjectName(QStringLiteral("workspaceList"));
    m_workspaces->setAccessibleName(tr("Workspaces the user may access"));
    m_workspaceNote->setObjectName(QStringLiteral("workspaceNote"));
    m_workspaceNote->setWordWrap(true);
    m_workspaceNote->setText(tr("Loading the workspaces…"));
    m_banner->setObjectName(QStringLiteral("userDialogBanner"));
    m_buttons->setObjectName(QStringLiteral("userDialogButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(isEditing() ? tr("&Save") : tr("A&dd"));

    auto *form = new QFormLayout;
    auto addRow = [&](const QString &label, QWidget *field) {
        auto *buddy = new QLabel(label, this);
        buddy->setBuddy(field);
        form->addRow(buddy, field);
    };
    addRow(tr("&User name (e-mail):"), m_userName);
    addRow(tr("&Given name:"), m_givenName);
    addRow(tr("&Family name:"), m_familyName);
    addRow(tr("E&xternal id:"), m_externalId);
    form->addRow(QString(), m_active);
    auto *workspacesLabel = new QLabel(tr("&Workspaces:"), this);
    workspacesLabel->setBuddy(m_workspaces);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(workspacesLabel);
    layout->addWidget(m_workspaces, 1);
    layout->addWidget(m_workspaceNote);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UserEditDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &UserEditDialog::reject);

    if (m_user) {
        m_userName->setText(m_user->userName);
        m_userName->setReadOnly(true); // Anaplan refuses a new userName (mutability)
        m_userName->setToolTip(tr("The user name cannot change once the user exists."));
        m_givenName->setText(m_user->name.givenName);
        m_familyName->setText(m_user->name.familyName);
        m_externalId->setText(m_user->externalId);
        m_active->setChecked(m_user->active);
        m_givenName->setFocus();
    }
    fillWorkspaces();
    resize(480, 520);
}

UserEditDialog::~UserEditDialog()
{
    if (m_job)
        m_job->abort();
}

void UserEditDialog::setWorkspaces(const QList<Workspace> &workspaces)
{
    m_known = workspaces;
    m_workspacesListed = true;
    fillWorkspaces();
}

void UserEditDialog::fillWorkspaces()
{
    // Keep what the user ticked so far when the list arrives late.
    QSet<QString> ticked;
    if (m_workspaces->count() > 0) {
        const QStringList ids = checkedWorkspaceIds();
        ticked = QSet<QString>(ids.begin(), ids.end());
    } else if (m_user) {
        const QStringList ids = m_user->workspaceIds();
        ticked = QSet<QString>(ids.begin(), ids.end());
    }
    m_workspaces->clear();
    QSet<QString> listed;
    for (const Workspace &workspace : std::as_const(m_known)) {
        auto *item =
            new QListWidgetItem(workspace.name.isEmpty() ? workspace.id : workspace.name, m_workspaces);
        item->setData(kWorkspaceIdRole, workspace.id);
        item->setToolTip(workspace.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(ticked.contains(workspace.id) ? Qt::Checked : Qt::Unchecked);
        listed.insert(workspace.id);
    }
    // Workspaces of the user that the signed-in user does not see: kept, by id.
    for (const QString &id : std::as_const(ticked)) {
        if (listed.contains(id))
            continue;
        auto *item = new QListWidgetItem(tr("%1 (not visible to you)").arg(id), m_workspaces);
        item->setData(kWorkspaceIdRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Checked);
    }
    if (m_workspacesListed)
        m_workspaceNote->setText(isEditing()
                                     ? tr("Ticked workspaces are sent with the change; the user keeps "
                                          "exactly these.")
                                     : tr("Tick the workspaces the new user may access."));
}

QStringList UserEditDialog::checkedWorkspaceIds() const
{
    QStringList ids;
    for (int row = 0; row < m_workspaces->count(); ++row) {
        const QListWidgetItem *item = m_workspaces->item(row);
        if (item->checkState() == Qt::Checked)
            ids.append(item->data(kWorkspaceIdRole).toString());
    }
    return ids;
}

scim::UserInput UserEditDialog::input() const
{
    scim::UserInput input = m_user ? scim::UserInput::fromUser(*m_user) : scim::UserInput{};
    if (!m_user)
        input.userName = m_userName->text().trimmed();
    input.givenName = m_givenName->text().trimmed();
    input.familyName = m_familyName->text().trimmed();
    input.externalId = m_externalId->text().trimmed();
    input.active = m_active->isChecked();
    if (m_workspacesListed || !m_user)
        input.setWorkspaceIds(checkedWorkspaceIds());
    else
        input.entitlements.reset(); // not listed yet: core reads and keeps the current ones
    return input;
}

void UserEditDialog::accept()
{
    if (isSaving())
        return;
    const scim::UserInput in = input();
    if (const QString problem = in.validationError(); !problem.isEmpty()) {
        m_banner->showMessage(InlineBanner::Level::Error,
                              problem + QStringLiteral(". ") + tr("What to do: fill in the fields named."));
        return;
    }
    if (!m_user && !in.userName.contains(QLatin1Char('@'))) {
        m_banner->showMessage(InlineBanner::Level::Error,
                              tr("The user name must be the user's e-mail address. What to do: enter an "
                                 "address like name@example.com."));
        m_userName->setFocus();
        return;
    }
    if (m_user && in.entitlements && in.entitlements->isEmpty() && !m_user->workspaceIds().isEmpty()) {
        const auto answer = m_messages->question(
            this, QStringLiteral("removeAllWorkspacesConfirm"), tr("Remove Every Workspace"),
            tr("%1 will lose access to all %n workspace(s).", nullptr, int(m_user->workspaceIds().size()))
                .arg(m_user->userName),
            tr("No workspace is ticked. Save anyway?"));
        if (answer != QMessageBox::Yes)
            return;
    }
    save();
}

void UserEditDialog::save()
{
    if (!m_connection) {
        m_banner->showMessage(InlineBanner::Level::Error,
                              tr("Not connected. What to do: connect again, then retry."));
        return;
    }
    m_banner->clear();
    const scim::UserInput in = input();
    ScimClient client(m_connection);
    Job *job = nullptr;
    if (m_user) {
        // Explicit workspaces are sent as they are; none listed yet → core keeps the current ones.
        job = client.replaceUser(m_user->id, in, scim::EntitlementPolicy::KeepCurrent);
    } else {
        job = client.addUser(in);
    }
    m_job = job;
    connect(job, &Job::finished, this, [this, job] { onSaved(job); });
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    setCursor(Qt::BusyCursor);
}

void UserEditDialog::onSaved(Job *job)
{
    m_job = nullptr;
    unsetCursor();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    if (!job->isSucceeded()) {
        m_banner->showMessage(
            InlineBanner::Level::Error,
            usersErrorText(isEditing() ? tr("Saving the user") : tr("Adding the user"), job->error()));
        return;
    }
    scim::User saved;
    if (auto *add = qobject_cast<scim::AddUserJob *>(job))
        saved = add->user();
    else if (auto *replace = qobject_cast<scim::ReplaceUserJob *>(job))
        saved = replace->user();
    Q_EMIT userSaved(saved, !isEditing());
    QDialog::accept();
}

} // namespace anadesk
