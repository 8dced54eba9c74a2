#include "UserDetailsPanel.h"

#include "UserListModel.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace anadesk {

namespace {
QLabel *valueLabel(const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    return label;
}
} // namespace

UserDetailsPanel::UserDetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(valueLabel("userDetailsTitle", this))
    , m_userName(valueLabel("userDetailsUserName", this))
    , m_state(valueLabel("userDetailsState", this))
    , m_email(valueLabel("userDetailsEmail", this))
    , m_externalId(valueLabel("userDetailsExternalId", this))
    , m_id(valueLabel("userDetailsId", this))
    , m_created(valueLabel("userDetailsCreated", this))
    , m_modified(valueLabel("userDetailsModified", this))
    , m_workspaces(new QListWidget(this))
{
    setObjectName(QStringLiteral("userDetailsPanel"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_title->setFont(bold);
    m_workspaces->setObjectName(QStringLiteral("userWorkspaceList"));
    m_workspaces->setAccessibleName(tr("Workspaces the user may access"));
    auto *form = new QFormLayout;
    form->addRow(tr("User name:"), m_userName);
    form->addRow(tr("State:"), m_state);
    form->addRow(tr("E-mail:"), m_email);
    form->addRow(tr("External id:"), m_externalId);
    form->addRow(tr("Id:"), m_id);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Last modified:"), m_modified);
    auto *workspacesLabel = new QLabel(tr("Workspace access:"), this);
    workspacesLabel->setBuddy(m_workspaces);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(workspacesLabel);
    layout->addWidget(m_workspaces, 1);
    refresh();
}

void UserDetailsPanel::setUser(const std::optional<scim::User> &user)
{
    m_user = user;
    refresh();
}

void UserDetailsPanel::setWorkspaceNames(const QHash<QString, QString> &names)
{
    m_names = names;
    refresh();
}

QString UserDetailsPanel::fieldText(const QString &objectName) const
{
    const auto *label = findChild<QLabel *>(objectName);
    return label ? label->text() : QString();
}

void UserDetailsPanel::refresh()
{
    m_workspaces->clear();
    if (!m_user) {
        m_title->setText(tr("No user selected"));
        for (QLabel *label : {m_userName, m_state, m_email, m_externalId, m_id, m_created, m_modified})
            label->clear();
        return;
    }
    const scim::User &user = *m_user;
    m_title->setText(UserListModel::displayName(user));
    m_userName->setText(user.userName);
    m_state->setText(user.active ? tr("Active") : tr("Inactive (cannot sign in)"));
    QStringList emails;
    for (const scim::Email &email : user.emails)
        emails.append(email.primary ? tr("%1 (primary)").arg(email.value) : email.value);
    m_email->setText(emails.join(QStringLiteral(", ")));
    m_externalId->setText(user.externalId.isEmpty() ? tr("none") : user.externalId);
    m_id->setText(user.id);
    m_created->setText(user.meta.created);
    m_modified->setText(user.meta.lastModified);
    const QStringList ids = user.workspaceIds();
    for (const QString &id : ids) {
        const QString name = m_names.value(id);
        auto *item = new QListWidgetItem(name.isEmpty() ? id : tr("%1 (%2)").arg(name, id), m_workspaces);
        item->setData(Qt::UserRole, id);
    }
    if (ids.isEmpty()) {
        auto *none = new QListWidgetItem(tr("No workspace: the user cannot open any model."), m_workspaces);
        none->setFlags(Qt::ItemIsEnabled);
    }
}

} // namespace anadesk
