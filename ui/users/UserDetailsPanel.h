#pragma once
// The selected user's details beside the Users list: names, state, ids, e-mail, dates, and the workspaces the
// user may access (named when the signed-in user sees the workspace, else by id).
#include "scim/ScimUser.h"

#include <QHash>
#include <QWidget>
#include <optional>

class QLabel;
class QListWidget;

namespace anadesk {

class UserDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit UserDetailsPanel(QWidget *parent = nullptr);

    void setUser(const std::optional<scim::User> &user);
    const std::optional<scim::User> &user() const { return m_user; }
    // Workspace id → name, for the entitlements list.
    void setWorkspaceNames(const QHash<QString, QString> &names);
    QListWidget *workspaceList() const { return m_workspaces; }
    QString fieldText(const QString &objectName) const;

private:
    void refresh();

    std::optional<scim::User> m_user;
    QHash<QString, QString> m_names;
    QLabel *m_title;
    QLabel *m_userName;
    QLabel *m_state;
    QLabel *m_email;
    QLabel *m_externalId;
    QLabel *m_id;
    QLabel *m_created;
    QLabel *m_modified;
    QListWidget *m_workspaces;
};

} // namespace anadesk
