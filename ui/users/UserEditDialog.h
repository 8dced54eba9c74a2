#pragma once
// Adds a SCIM user, or edits one. The dialog does the request itself and shows a refusal inline (it stays
// open so the input can be corrected); on success it emits userSaved() and closes.
//
// Editing replaces the user (SCIM PUT), which on Anaplan removes every workspace the request does not
// carry. So the dialog always sends the workspaces explicitly: the ones ticked, starting from the user's
// current ones (a workspace the signed-in user cannot see stays ticked, shown by its id). Unticking them all
// asks first. Until the workspace list has arrived the request carries none and core keeps the current ones
// (ReplaceUserJob, EntitlementPolicy::KeepCurrent).
#include "scim/ReplaceUserJob.h"
#include "scim/ScimJobs.h"
#include "scim/ScimUser.h"
#include "types/Workspace.h"

#include <QDialog>
#include <QPointer>
#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace anadesk {

class Connection;
class InlineBanner;
class MessageBoxes;

class UserEditDialog : public QDialog
{
    Q_OBJECT
public:
    // user: std::nullopt to add one. connection and messages are not owned.
    UserEditDialog(Connection *connection, MessageBoxes *messages, const std::optional<scim::User> &user,
                   QWidget *parent = nullptr);
    ~UserEditDialog() override;

    // The workspaces to choose from (those the signed-in user sees); before this call none are listed.
    void setWorkspaces(const QList<Workspace> &workspaces);
    bool isEditing() const { return m_user.has_value(); }
    bool isSaving() const { return !m_job.isNull(); }
    // What OK would send.
    scim::UserInput input() const;
    InlineBanner *banner() const { return m_banner; }

    QLineEdit *userNameEdit() const { return m_userName; }
    QLineEdit *givenNameEdit() const { return m_givenName; }
    QLineEdit *familyNameEdit() const { return m_familyName; }
    QLineEdit *externalIdEdit() const { return m_externalId; }
    QCheckBox *activeBox() const { return m_active; }
    QListWidget *workspaceList() const { return m_workspaces; }

    void accept() override; // validates, then saves (asynchronously)

Q_SIGNALS:
    void userSaved(const anadesk::scim::User &user, bool added);

private:
    void fillWorkspaces();
    QStringList checkedWorkspaceIds() const;
    void save();
    void onSaved(Job *job);

    QPointer<Connection> m_connection;
    MessageBoxes *m_messages;
    std::optional<scim::User> m_user;
    QList<Workspace> m_known;
    bool m_workspacesListed = false;
    QLineEdit *m_userName;
    QLineEdit *m_givenName;
    QLineEdit *m_familyName;
    QLineEdit *m_externalId;
    QCheckBox *m_active;
    QListWidget *m_workspaces;
    QLabel *m_workspaceNote;
    InlineBanner *m_banner;
    QDialogButtonBox *m_buttons;
    QPointer<Job> m_job;
};

} // namespace anadesk
