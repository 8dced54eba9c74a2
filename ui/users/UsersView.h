#pragma once
// The SCIM "Users" view (a dock of the main window): the tenant's users, read page by page as the table
// scrolls; a filter row that builds a SCIM filter (user name / family name / given name / any name, "starts
// with" or "is", active or not — the filter sent is shown); the selected user's details with workspace
// access; Add, Edit (a replace that keeps the workspaces), Activate and Deactivate (a PATCH of `active`,
// asked first). Every request is asynchronous; failures show inline with what to do.
#include "UserEditDialog.h"
#include "scim/ScimUser.h"
#include "types/Workspace.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace anadesk {

class Connection;
class InlineBanner;
class Job;
class MessageBoxes;
class UserDetailsPanel;
class UserListModel;
struct UserQuery;

class UsersView : public QWidget
{
    Q_OBJECT
public:
    explicit UsersView(MessageBoxes *messages, QWidget *parent = nullptr);
    ~UsersView() override;

    // The connection whose tenant is shown (null: none). Lists the first page at once when the view is
    // visible, else when it is first shown.
    void setConnection(Connection *connection);
    Connection *connection() const { return m_connection; }

    UserListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *fieldCombo() const { return m_field; }
    QComboBox *matchCombo() const { return m_match; }
    QComboBox *activityCombo() const { return m_activity; }
    QLabel *filterLabel() const { return m_filterText; }
    QLabel *countLabel() const { return m_count; }
    InlineBanner *banner() const { return m_banner; }
    UserDetailsPanel *details() const { return m_details; }
    UserEditDialog *openDialog() const { return m_dialog; }
    QList<QAction *> userActions() const { return m_actions; }
    bool isPatching() const { return !m_patch.isNull(); }

    // The query the filter row shows.
    UserQuery query() const;

public Q_SLOTS:
    void applyFilter(); // now, without waiting for the typing pause
    void reload();
    void addUser();
    void editSelectedUser();
    void deactivateSelectedUser(); // asks first
    void activateSelectedUser();
    // Selects the row of userId when listed; false otherwise.
    bool selectUser(const QString &userId);

Q_SIGNALS:
    void userSaved(const QString &userId);
    void activeChanged(const QString &userId, bool active);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void buildUi();
    void buildActions();
    void updateActions();
    void updateCount();
    void onSelectionChanged();
    void loadWorkspaces();
    void setActive(bool active);
    std::optional<scim::User> selectedUser() const;
    void openDialogFor(const std::optional<scim::User> &user);

    MessageBoxes *m_messages;
    QPointer<Connection> m_connection;
    bool m_started = false;
    UserListModel *m_model;
    QComboBox *m_field = nullptr;
    QComboBox *m_match = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_activity = nullptr;
    QLabel *m_filterText = nullptr;
    QLabel *m_count = nullptr;
    InlineBanner *m_banner = nullptr;
    QTableView *m_table = nullptr;
    UserDetailsPanel *m_details = nullptr;
    QTimer *m_typingPause = nullptr;
    QList<QAction *> m_actions;
    QAction *m_addAction = nullptr;
    QAction *m_editAction = nullptr;
    QAction *m_deactivateAction = nullptr;
    QAction *m_activateAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_filterAction = nullptr;
    QList<Workspace> m_workspaces;
    QPointer<Job> m_workspaceJob;
    QPointer<Job> m_patch;
    QPointer<UserEditDialog> m_dialog;
};

} // namespace anadesk
