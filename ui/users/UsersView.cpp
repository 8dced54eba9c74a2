#include "UsersView.h"

#include "BulkClient.h"
#include "Connection.h"
#include "UserDetailsPanel.h"
#include "UserEditDialog.h"
#include "UserListModel.h"
#include "UserQuery.h"
#include "UsersErrors.h"
#include "api/WorkspaceJobs.h"
#include "browser/InlineBanner.h"
#include "common/MessageBoxes.h"
#include "common/PanelActions.h"
#include "scim/ScimClient.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace anadesk {

namespace {
constexpr int kTypingPauseMs = 400;
}

UsersView::UsersView(MessageBoxes *messages, QWidget *parent)
    : QWidget(parent)
    , m_messages(messages)
    , m_model(new UserListModel(this))
{
    setObjectName(QStringLiteral("usersView"));
    m_model->setObjectName(QStringLiteral("userListModel"));
    buildUi();
    buildActions();
    connect(m_model, &UserListModel::loadingChanged, this, [this] { updateCount(); });
    connect(m_model, &UserListModel::pageLoaded, this, [this] {
        updateCount();
        // The first page selects the first user so the details show something useful.
        if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_model, &UserListModel::loadFailed, this, [this](const ApiError &error) {
        m_banner->showMessage(InlineBanner::Level::Error, usersErrorText(tr("Listing users"), error));
        m_banner->setActionText(tr("Retry"));
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_details->setUser(std::nullopt);
        updateActions();
    });
    connect(m_banner, &InlineBanner::actionTriggered, this, [this] {
        m_banner->clear();
        reload();
    });
    updateActions();
    updateCount();
}

UsersView::~UsersView()
{
    if (m_workspaceJob)
        m_workspaceJob->abort();
    if (m_patch)
        m_patch->abort();
}

void UsersView::buildUi()
{
    m_field = new QComboBox(this);
    m_field->setObjectName(QStringLiteral("userFilterField"));
    m_field->setAccessibleName(tr("Filter on"));
    m_field->addItem(tr("User name"), int(UserQuery::Field::UserName));
    m_field->addItem(tr("Family name"), int(UserQuery::Field::FamilyName));
    m_field->addItem(tr("Given name"), int(UserQuery::Field::GivenName));
    m_field->addItem(tr("Family or given name"), int(UserQuery::Field::AnyName));
    m_match = new QComboBox(this);
    m_match->setObjectName(QStringLiteral("userFilterMatch"));
    m_match->setAccessibleName(tr("How the text matches"));
    m_match->addItem(tr("starts with"), int(UserQuery::Match::StartsWith));
    m_match->addItem(tr("is"), int(UserQuery::Match::Equals));
    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(QStringLiteral("userFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter users (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter text"));
    m_activity = new QComboBox(this);
    m_activity->setObjectName(QStringLiteral("userFilterActivity"));
    m_activity->setAccessibleName(tr("Filter by state"));
    m_activity->addItem(tr("Active and inactive"), int(UserQuery::Activity::Any));
    m_activity->addItem(tr("Active only"), int(UserQuery::Activity::Active));
    m_activity->addItem(tr("Inactive only"), int(UserQuery::Activity::Inactive));
    m_filterText = new QLabel(this);
    m_filterText->setObjectName(QStringLiteral("userFilterText"));
    m_filterText->setTextFormat(Qt::PlainText);
    m_filterText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("userCountLabel"));
    m_banner = new InlineBanner(this);
    m_banner->setObjectName(QStringLiteral("usersBanner"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("userTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAccessibleName(tr("Users"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(UserListModel::UserNameColumn, 260);
    m_table->setColumnWidth(UserListModel::NameColumn, 180);
    m_details = new UserDetailsPanel(this);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("usersSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_typingPause = new QTimer(this);
    m_typingPause->setSingleShot(true);
    m_typingPause->setInterval(kTypingPauseMs);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_field);
    filterRow->addWidget(m_match);
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_activity);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filterRow);
    layout->addWidget(m_filterText);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);
    auto *bottom = new QHBoxLayout;
    bottom->setObjectName(QStringLiteral("userButtonRow"));
    layout->addLayout(bottom);
    bottom->addWidget(m_count, 1);

    setTabOrder(m_field, m_match);
    setTabOrder(m_match, m_filterEdit);
    setTabOrder(m_filterEdit, m_activity);
    setTabOrder(m_activity, m_table);

    connect(m_filterEdit, &QLineEdit::textEdited, m_typingPause, qOverload<>(&QTimer::start));
    connect(m_filterEdit, &QLineEdit::returnPressed, this, &UsersView::applyFilter);
    connect(m_filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) // the clear button
            applyFilter();
    });
    connect(m_typingPause, &QTimer::timeout, this, &UsersView::applyFilter);
    for (QComboBox *combo : {m_field, m_match, m_activity})
        connect(combo, &QComboBox::currentIndexChanged, this, &UsersView::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &UsersView::onSelectionChanged);
    connect(m_table, &QTableView::activated, this, [this] { editSelectedUser(); });
}

void UsersView::buildActions()
{
    auto *row = findChild<QHBoxLayout *>(QStringLiteral("userButtonRow"));
    auto make = [this, row](const char *name, const QString &text, const QKeySequence &key,
                            const QString &tip, void (UsersView::*slot)()) {
        QAction *action = addPanelAction(this, row, name, text, key, tip);
        connect(action, &QAction::triggered, this, slot);
        m_actions.append(action);
        return action;
    };
    m_addAction = make("addUserAction", tr("Add user…"), QKeySequence(Qt::CTRL | Qt::Key_N),
                       tr("Add a user to the tenant"), &UsersView::addUser);
    m_editAction = make("editUserAction", tr("Edit…"), QKeySequence(Qt::Key_F2),
                        tr("Change the selected user's names, external id, state and workspaces"),
                        &UsersView::editSelectedUser);
    m_activateAction = make("activateUserAction", tr("Activate"), QKeySequence(Qt::CTRL | Qt::Key_Insert),
                            tr("Let the selected user sign in again"), &UsersView::activateSelectedUser);
    m_deactivateAction =
        make("deactivateUserAction", tr("Deactivate…"), QKeySequence(Qt::CTRL | Qt::Key_Delete),
             tr("Stop the selected user from signing in (asks first)"), &UsersView::deactivateSelectedUser);
    m_reloadAction = make("reloadUsersAction", tr("Reload"), QKeySequence(Qt::CTRL | Qt::Key_R),
                          tr("Read the users again"), &UsersView::reload);
    m_filterAction = new QAction(tr("Filter users"), this);
    m_filterAction->setObjectName(QStringLiteral("focusUserFilterAction"));
    m_filterAction->setShortcut(QKeySequence::Find);
    m_filterAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_filterAction, &QAction::triggered, this, [this] {
        m_filterEdit->setFocus(Qt::ShortcutFocusReason);
        m_filterEdit->selectAll();
    });
    addAction(m_filterAction);
    m_actions.append(m_filterAction);
}

UserQuery UsersView::query() const
{
    UserQuery q;
    q.field = UserQuery::Field(m_field->currentData().toInt());
    q.match = UserQuery::Match(m_match->currentData().toInt());
    q.text = m_filterEdit->text();
    q.activity = UserQuery::Activity(m_activity->currentData().toInt());
    return q;
}

void UsersView::setConnection(Connection *connection)
{
    if (m_dialog)
        m_dialog->reject();
    m_connection = connection;
    m_workspaces.clear();
    m_details->setWorkspaceNames({});
    m_banner->clear();
    m_started = false;
    if (!connection) {
        m_model->setConnection(nullptr);
        updateActions();
        updateCount();
        return;
    }
    if (isVisible()) {
        m_started = true;
        applyFilter();
        loadWorkspaces();
    }
    updateActions();
}

void UsersView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Nothing is read until the view is first shown: most sessions never open it.
    if (!m_started && m_connection) {
        m_started = true;
        applyFilter();
        loadWorkspaces();
    }
}

void UsersView::applyFilter()
{
    m_typingPause->stop();
    const scim::Filter filter = query().toFilter();
    m_filterText->setText(filter.isEmpty() ? tr("SCIM filter: none (every user)")
                                           : tr("SCIM filter: %1").arg(filter.toString()));
    if (!m_connection)
        return;
    m_banner->clear();
    if (m_model->connection() != m_connection) {
        m_model->setFilter(filter); // no request yet: there is no connection on the model
        m_model->setConnection(m_connection);
    } else {
        m_model->setFilter(filter);
    }
}

void UsersView::reload()
{
    m_banner->clear();
    if (m_model->connection() != m_connection)
        m_model->setConnection(m_connection);
    else
        m_model->reload();
    if (m_workspaces.isEmpty())
        loadWorkspaces();
}

void UsersView::loadWorkspaces()
{
    if (!m_connection || m_workspaceJob)
        return;
    ListWorkspacesJob *job = BulkClient(m_connection, ModelRef{}).getWorkspaces();
    m_workspaceJob = job;
    connect(job, &Job::finished, this, [this, job] {
        m_workspaceJob = nullptr;
        if (!job->isSucceeded())
            return; // the details then show ids, and the dialog keeps the user's workspaces as they are
        m_workspaces = job->workspaces();
        QHash<QString, QString> names;
        for (const Workspace &workspace : std::as_const(m_workspaces))
            names.insert(workspace.id, workspace.name);
        m_details->setWorkspaceNames(names);
        if (m_dialog)
            m_dialog->setWorkspaces(m_workspaces);
    });
}

void UsersView::updateCount()
{
    const int rows = m_model->rowCount();
    const qint64 total = m_model->totalResults();
    QString text;
    if (!m_connection)
        text = tr("Not connected.");
    else if (total < 0)
        text = m_model->isLoading() ? tr("Reading users…") : QString();
    else
        text = tr("Showing %1 of %2 users").arg(QLocale().toString(rows), QLocale().toString(total));
    if (total >= 0 && m_model->isLoading())
        text += QLatin1Char(' ') + tr("(reading more…)");
    else if (total > rows)
        text += QLatin1Char(' ') + tr("(scroll down for more)");
    m_count->setText(text);
}

std::optional<scim::User> UsersView::selectedUser() const
{
    const QModelIndex current = m_table->currentIndex();
    const scim::User *user = current.isValid() ? m_model->userAt(current.row()) : nullptr;
    if (!user)
        return std::nullopt;
    return *user;
}

bool UsersView::selectUser(const QString &userId)
{
    const int row = m_model->rowOf(userId);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

void UsersView::onSelectionChanged()
{
    m_details->setUser(selectedUser());
    updateActions();
}

void UsersView::updateActions()
{
    const std::optional<scim::User> user = selectedUser();
    const bool connected = !m_connection.isNull();
    const bool idle = !isPatching();
    m_addAction->setEnabled(connected);
    m_reloadAction->setEnabled(connected);
    m_editAction->setEnabled(connected && user.has_value() && idle);
    m_deactivateAction->setEnabled(connected && user && user->active && idle);
    m_activateAction->setEnabled(connected && user && !user->active && idle);
}

void UsersView::addUser()
{
    if (m_connection)
        openDialogFor(std::nullopt);
}

void UsersView::editSelectedUser()
{
    const std::optional<scim::User> user = selectedUser();
    if (m_connection && user)
        openDialogFor(user);
}

void UsersView::openDialogFor(const std::optional<scim::User> &user)
{
    if (m_dialog)
        m_dialog->reject();
    auto *dialog = new UserEditDialog(m_connection, m_messages, user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_workspaces.isEmpty())
        dialog->setWorkspaces(m_workspaces);
    else
        loadWorkspaces();
    m_dialog = dialog;
    connect(dialog, &UserEditDialog::userSaved, this, [this](const scim::User &saved, bool added) {
        if (added) {
            m_banner->showMessage(
                InlineBanner::Level::Info,
                tr("Added %1. It is listed at the end (or filter for it).").arg(saved.userName));
        } else {
            m_model->updateUser(saved);
            m_details->setUser(selectedUser());
            m_banner->showMessage(InlineBanner::Level::Info, tr("Saved %1.").arg(saved.userName));
        }
        updateActions();
        Q_EMIT userSaved(saved.id);
    });
    dialog->open();
}

void UsersView::deactivateSelectedUser()
{
    const std::optional<scim::User> user = selectedUser();
    if (!user || !user->active || isPatching())
        return;
    const auto answer = m_messages->question(
        this, QStringLiteral("deactivateUserConfirm"), tr("Deactivate User"),
        tr("Deactivate %1 (%2)?").arg(UserListModel::displayName(*user), user->userName),
        tr("The user can no longer sign in. Workspace access is kept, so activating the user again restores "
           "everything."));
    if (answer != QMessageBox::Yes)
        return;
    setActive(false);
}

void UsersView::activateSelectedUser()
{
    const std::optional<scim::User> user = selectedUser();
    if (!user || user->active || isPatching())
        return;
    setActive(true);
}

void UsersView::setActive(bool active)
{
    const std::optional<scim::User> user = selectedUser();
    if (!user || !m_connection)
        return;
    // A PATCH of `active` alone: names and workspaces stay exactly as they are on the server.
    scim::PatchUserJob *job =
        ScimClient(m_connection).patchUser(user->id, {scim::PatchOperation::setActive(active)});
    m_patch = job;
    const QString userName = user->userName;
    connect(job, &Job::finished, this, [this, job, active, userName] {
        m_patch = nullptr;
        if (!job->isSucceeded()) {
            m_banner->showMessage(InlineBanner::Level::Error,
                                  usersErrorText(active ? tr("Activating %1").arg(userName)
                                                        : tr("Deactivating %1").arg(userName),
                                                 job->error()));
        } else {
            m_model->updateUser(job->user());
            m_details->setUser(selectedUser());
            m_banner->showMessage(InlineBanner::Level::Info, active ? tr("%1 is active again.").arg(userName)
                                                                    : tr("%1 is deactivated.").arg(userName));
            Q_EMIT activeChanged(job->user().id, active);
        }
        updateActions();
    });
    updateActions();
}

} // namespace anadesk
