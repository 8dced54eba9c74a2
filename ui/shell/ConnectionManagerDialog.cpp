#include "ConnectionManagerDialog.h"

#include "Icons.h"
#include "ProfileEditor.h"
#include "ProfileListModel.h"
#include "common/MessageBoxes.h"
#include "credentials/CredentialStore.h"
#include "credentials/KeychainCredentialStore.h"
#include "profiles/ProfileStore.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <memory>

namespace anadesk {

ConnectionManagerDialog::ConnectionManagerDialog(const ShellServices &services, const ClientSettings &settings,
                                                 QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_settings(settings)
    , m_model(new ProfileListModel(services.profiles, this))
    , m_tester(new ConnectionTester(this))
    , m_loader(new SecretLoader(services.profiles->credentials(), services.sessionSecrets, this))
{
    setObjectName(QStringLiteral("connectionManager"));
    setWindowTitle(tr("Connections"));
    resize(900, 680);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_add = new QPushButton(icon(QStringLiteral("add")), tr("&Add"), this);
    m_add->setObjectName(QStringLiteral("addProfile"));
    m_remove = new QPushButton(icon(QStringLiteral("remove")), tr("Re&move…"), this);
    m_remove->setObjectName(QStringLiteral("removeProfile"));
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *listLabel = new QLabel(tr("Sa&ved connections:"), left);
    listLabel->setBuddy(m_list);
    leftLayout->addWidget(listLabel);
    leftLayout->addWidget(m_list, 1);
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(m_add);
    leftButtons->addWidget(m_remove);
    leftLayout->addLayout(leftButtons);

    m_editor = new ProfileEditor(services.files, this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_editor);
    scroll->setFrameShape(QFrame::NoFrame);

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("profileProblems"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setStyleSheet(QStringLiteral("color: #a40000;"));
    m_problems->hide();

    m_testSteps = new QListWidget(this);
    m_testSteps->setObjectName(QStringLiteral("testSteps"));
    m_testSteps->setMaximumHeight(130);
    m_testSteps->setWordWrap(true);
    m_testSummary = new QLabel(this);
    m_testSummary->setObjectName(QStringLiteral("testSummary"));
    m_testSummary->setWordWrap(true);
    m_testSummary->setTextFormat(Qt::PlainText);
    m_testSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(scroll, 1);
    rightLayout->addWidget(m_problems);
    rightLayout->addWidget(m_testSteps);
    rightLayout->addWidget(m_testSummary);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 660});

    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("saveProfile"));
    m_test = new QPushButton(icon(QStringLiteral("test")), tr("&Test Connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_connect = new QPushButton(icon(QStringLiteral("connected")), tr("&Connect"), this);
    m_connect->setObjectName(QStringLiteral("connectProfile"));
    m_connect->setDefault(true);
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("closeConnections"));
    m_buttons = new QDialogButtonBox(this);
    m_buttons->addButton(m_save, QDialogButtonBox::ApplyRole);
    m_buttons->addButton(m_test, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_connect, QDialogButtonBox::AcceptRole);
    m_buttons->addButton(m_close, QDialogButtonBox::RejectRole);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_buttons);

    // Tab in reading order: the list and its buttons, the form, the test steps, the dialog's buttons. Leaf
    // widgets only: setTabOrder() ignores containers without focus (the editor, the button box).
    scroll->setFocusPolicy(Qt::NoFocus); // a focused child is scrolled into view anyway
    applyTabOrder();
    m_buttons->installEventFilter(this); // a style change lays the buttons out again (see applyTabOrder)

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ConnectionManagerDialog::onCurrentRowChanged);
    connect(m_add, &QPushButton::clicked, this, &ConnectionManagerDialog::addProfile);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionManagerDialog::removeProfile);
    connect(m_save, &QPushButton::clicked, this, &ConnectionManagerDialog::saveProfile);
    connect(m_test, &QPushButton::clicked, this, &ConnectionManagerDialog::testConnection);
    connect(m_connect, &QPushButton::clicked, this, &ConnectionManagerDialog::connectProfile);
    connect(m_close, &QPushButton::clicked, this, &ConnectionManagerDialog::reject);
    connect(m_editor, &ProfileEditor::edited, this, [this] { setDirty(true); });
    connect(m_tester, &ConnectionTester::stepFinished, this, &ConnectionManagerDialog::onTestStep);
    connect(m_tester, &ConnectionTester::finished, this, &ConnectionManagerDialog::onTestFinished);
    connect(m_tester, &ConnectionTester::stepStarted, this, [this](ConnectionTester::Step step) {
        m_testSummary->setText(tr("Checking: %1…").arg(ConnectionTester::stepTitle(step)));
    });
    if (CredentialStore *store = m_services.profiles->credentials())
        connect(store, &CredentialStore::storedKindsChanged, this, [this](const QString &id) {
            if (id == currentProfileId())
                refreshSecretStatus();
        });

    selectProfile({});
}

ConnectionManagerDialog::~ConnectionManagerDialog()
{
    m_tester->abort();
    m_loader->cancel();
}

QString ConnectionManagerDialog::currentProfileId() const
{
    return m_editor->profile().id;
}

void ConnectionManagerDialog::selectProfile(const QString &id)
{
    int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row < 0) {
        addProfile();
        return;
    }
    m_list->setCurrentIndex(m_model->index(row));
    showProfile(m_model->profileAt(row), false); // also when the row was already current
}

void ConnectionManagerDialog::addProfile()
{
    m_switching = true;
    m_list->selectionModel()->clearCurrentIndex();
    m_list->clearSelection();
    m_switching = false;
    showProfile(ConnectionProfile::create(tr("New connection")), true);
    m_editor->nameEdit()->setFocus();
    m_editor->nameEdit()->selectAll();
}

void ConnectionManagerDialog::onCurrentRowChanged()
{
    if (m_switching)
        return;
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    if (m_dirty) {
        const auto answer = m_services.messages->question(
            this, QStringLiteral("unsavedProfileChanges"), tr("Unsaved Changes"),
            tr("The changes to connection '%1' are not saved.").arg(m_editor->profile().name),
            tr("Save them before showing another connection?"), QMessageBox::Save | QMessageBox::Discard,
            QMessageBox::Save);
        if (answer == QMessageBox::Save) {
            const QString wanted = current.data(ProfileListModel::IdRole).toString();
            connect(this, &ConnectionManagerDialog::saveFinished, this,
                    [this, wanted](bool) {
                        const int row = m_model->rowOf(wanted);
                        if (row >= 0) {
                            m_switching = true;
                            m_list->setCurrentIndex(m_model->index(row));
                            m_switching = false;
                            showProfile(m_model->profileAt(row), false);
                        }
                    },
                    Qt::SingleShotConnection);
            saveProfile();
            return;
        }
    }
    showProfile(m_model->profileAt(current.row()), false);
}

void ConnectionManagerDialog::showProfile(const ConnectionProfile &profile, bool isNew)
{
    m_tester->abort();
    m_isNew = isNew;
    CredentialStore *store = m_services.profiles->credentials();
    m_editor->setProfile(profile, isNew || !store ? QList<SecretKind>() : store->storedKinds(profile.id),
                         store ? store->storageDescription() : tr("nowhere"));
    showPlainTextOption(profile.id, isNew);
    m_problems->hide();
    m_testSteps->clear();
    m_testSummary->clear();
    setDirty(isNew);
    refreshSecretStatus();
}

void ConnectionManagerDialog::applyTabOrder()
{
    QList<QWidget *> chain = {m_list, m_add, m_remove};
    chain += m_editor->tabChain();
    chain += m_testSteps;
    // The dialog's buttons as they appear on screen (QDialogButtonBox orders them by the platform's custom).
    for (int i = 0; i < m_buttons->layout()->count(); ++i) {
        if (auto *button = qobject_cast<QPushButton *>(m_buttons->layout()->itemAt(i)->widget()))
            chain += button;
    }
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
    // Whenever it lays its buttons out, the box makes its first button its focus proxy. But the box sits in
    // the focus chain after its buttons (they were created before it and are chained above), so Tab from the
    // last button went to the box and from there to the first button again: a loop that never came back to
    // the list. The buttons are in the chain themselves; the box needs no proxy.
    m_buttons->setFocusProxy(nullptr);
}

bool ConnectionManagerDialog::eventFilter(QObject *watched, QEvent *event)
{
    // The box handles a style change after this filter (new order, new focus proxy): apply ours after that.
    if (watched == m_buttons && event->type() == QEvent::StyleChange)
        QMetaObject::invokeMethod(this, &ConnectionManagerDialog::applyTabOrder, Qt::QueuedConnection);
    return QDialog::eventFilter(watched, event);
}

void ConnectionManagerDialog::showPlainTextOption(const QString &profileId, bool isNew)
{
    auto *keychain = qobject_cast<KeychainCredentialStore *>(m_services.profiles->credentials());
    m_editor->setPlainTextOption(keychain != nullptr, keychain && !isNew && keychain->isPlainTextOptIn(profileId),
                                 keychain ? keychain->plainTextFilePath() : QString());
}

bool ConnectionManagerDialog::applyPlainTextOption(const ConnectionProfile &profile)
{
    auto *keychain = qobject_cast<KeychainCredentialStore *>(m_services.profiles->credentials());
    if (!keychain)
        return true;
    const bool wanted = m_editor->plainTextOptedIn() && profile.rememberSecrets;
    if (wanted == keychain->isPlainTextOptIn(profile.id) && (wanted || keychain->plainTextKinds(profile.id).isEmpty()))
        return true;
    QString error;
    if (keychain->setPlainTextOptIn(profile.id, wanted, &error))
        return true;
    m_lastSecretProblem = tr("The plain-text option of '%1' could not be changed: %2").arg(profile.name, error);
    return false;
}

void ConnectionManagerDialog::refreshSecretStatus()
{
    CredentialStore *store = m_services.profiles->credentials();
    const ConnectionProfile profile = m_editor->profile();
    if (m_isNew || !store) {
        m_editor->setSecretStatus(QString(), false);
        return;
    }
    const QList<SecretKind> saved = store->storedKinds(profile.id);
    QStringList labels;
    for (const SecretKind kind : profile.secretKinds()) {
        if (saved.contains(kind))
            labels << secretKindLabel(kind);
    }
    auto *keychain = qobject_cast<KeychainCredentialStore *>(store);
    const QStringList plain = keychain ? keychain->plainTextKinds(profile.id) : QStringList();
    if (!plain.isEmpty())
        m_editor->setSecretStatus(tr("UNENCRYPTED in %1: %2.")
                                      .arg(QDir::toNativeSeparators(keychain->plainTextFilePath()),
                                           plain.join(QStringLiteral(", "))),
                                  true);
    else if (labels.isEmpty())
        m_editor->setSecretStatus(profile.rememberSecrets
                                      ? tr("No secret saved yet; it is asked for when connecting.")
                                      : tr("Secrets are not remembered; they are asked for once per session."),
                                  false);
    else
        m_editor->setSecretStatus(tr("Saved in %1: %2.").arg(store->storageDescription(),
                                                             labels.join(QStringLiteral(", "))),
                                  false);
}

void ConnectionManagerDialog::setDirty(bool dirty)
{
    m_dirty = dirty;
    updateButtons();
}

void ConnectionManagerDialog::updateButtons()
{
    m_save->setEnabled(!m_busy && m_dirty);
    m_remove->setEnabled(!m_busy && !m_isNew);
    m_connect->setEnabled(!m_busy);
    m_test->setEnabled(!m_busy);
    m_add->setEnabled(!m_busy);
}

void ConnectionManagerDialog::saveProfile()
{
    if (m_busy)
        return;
    const ConnectionProfile profile = m_editor->profile();
    const QStringList problems = m_services.profiles->save(profile);
    if (!problems.isEmpty()) {
        m_problems->setText(problems.join(QLatin1Char('\n')));
        m_problems->show();
        Q_EMIT saveFinished(false);
        return;
    }
    m_problems->hide();
    m_lastSecretProblem.clear();
    const bool plainTextOk = applyPlainTextOption(profile); // before the writes: they may go to the file
    const QString plainTextProblem = m_lastSecretProblem;
    const ProfileSecrets typed = m_editor->typedSecrets();
    m_busy = true;
    m_isNew = false;
    updateButtons();
    // The list was reloaded by profilesChanged: select the saved row without re-reading the form.
    m_switching = true;
    m_list->setCurrentIndex(m_model->index(m_model->rowOf(profile.id)));
    m_switching = false;
    storeSecrets(profile, typed, [this, plainTextOk, plainTextProblem](bool stored) {
        const bool ok = stored && plainTextOk;
        if (!plainTextOk && stored)
            m_lastSecretProblem = plainTextProblem;
        m_busy = false;
        m_editor->clearTypedSecrets();
        setDirty(false);
        CredentialStore *store = m_services.profiles->credentials();
        const ConnectionProfile saved = m_editor->profile();
        // Placeholders now say which secrets are saved.
        m_editor->setProfile(saved, store ? store->storedKinds(saved.id) : QList<SecretKind>(),
                             store ? store->storageDescription() : QString());
        showPlainTextOption(saved.id, false);
        if (ok)
            refreshSecretStatus();
        else
            m_editor->setSecretStatus(m_lastSecretProblem, true);
        Q_EMIT saveFinished(ok);
    });
}

void ConnectionManagerDialog::storeSecrets(const ConnectionProfile &profile, const ProfileSecrets &typed,
                                           std::function<void(bool)> done)
{
    CredentialStore *keychain = m_services.profiles->credentials();
    CredentialStore *session = m_services.sessionSecrets;
    struct Step
    {
        enum Op
        {
            Write,
            Remove
        } op;
        SecretKind kind;
        SecretBytes secret;
    };
    auto steps = std::make_shared<QList<Step>>();
    const QList<SecretKind> used = profile.secretKinds();
    for (const SecretKind kind : typed.kinds())
        steps->append({Step::Write, kind, typed.get(kind)});
    if (keychain) {
        for (const SecretKind kind : keychain->storedKinds(profile.id)) {
            // Not used any more, or the user switched "remember" off: nothing stays in the keychain.
            if (!used.contains(kind) || !profile.rememberSecrets)
                steps->append({Step::Remove, kind, {}});
        }
    }
    m_lastSecretProblem.clear();
    auto ok = std::make_shared<bool>(true);
    auto next = std::make_shared<std::function<void()>>();
    *next = [this, steps, ok, next, keychain, session, profile, done] {
        if (steps->isEmpty()) {
            done(*ok);
            *next = nullptr; // break the cycle
            return;
        }
        const Step step = steps->takeFirst();
        auto after = [this, ok, next, session, profile, step](const CredentialOutcome &outcome) {
            if (!outcome.isOk()) {
                *ok = false;
                if (step.op == Step::Write) {
                    // The keychain could not take it: keep it for this session so connecting still works.
                    m_lastSecretProblem =
                        tr("%1 It is kept for this session only.").arg(outcome.message + QLatin1Char(' ') + outcome.hint);
                    if (session)
                        session->writeSecret(profile.id, step.kind, step.secret, this, [](const CredentialOutcome &) {});
                } else {
                    m_lastSecretProblem = outcome.message + QLatin1Char(' ') + outcome.hint;
                }
            }
            (*next)();
        };
        if (step.op == Step::Write) {
            if (profile.rememberSecrets && keychain)
                keychain->writeSecret(profile.id, step.kind, step.secret, this, after);
            else if (session)
                session->writeSecret(profile.id, step.kind, step.secret, this, after);
            else
                after(CredentialOutcome::ok());
        } else {
            keychain->removeSecret(profile.id, step.kind, this, after);
        }
    };
    (*next)();
}

void ConnectionManagerDialog::removeProfile()
{
    if (m_busy || m_isNew)
        return;
    const ConnectionProfile profile = m_editor->profile();
    const auto answer = m_services.messages->question(
        this, QStringLiteral("removeProfileConfirm"), tr("Remove Connection"),
        tr("Remove the connection '%1'?").arg(profile.name),
        tr("Its saved secrets (password, token, passphrases) are deleted from %1 as well.")
            .arg(m_services.profiles->credentials() ? m_services.profiles->credentials()->storageDescription()
                                                    : tr("the keychain")));
    if (answer != QMessageBox::Yes) {
        Q_EMIT removeFinished(false);
        return;
    }
    m_busy = true;
    updateButtons();
    const QString id = profile.id;
    m_services.profiles->remove(id, this, [this, id, profile](const CredentialOutcome &outcome) {
        m_busy = false;
        if (!outcome.isOk() && !outcome.isNotFound()) {
            updateButtons();
            // A locked or missing keychain: the profile stays, so no secret is left behind unseen.
            m_services.messages->warning(this, QStringLiteral("removeProfileFailed"), tr("Remove Connection"),
                                         tr("The connection '%1' was not removed: its secrets could not be deleted.")
                                             .arg(profile.name),
                                         outcome.message + QLatin1Char(' ') + outcome.hint, outcome.detail);
            Q_EMIT removeFinished(false);
            return;
        }
        if (m_services.sessionSecrets)
            m_services.sessionSecrets->removeProfile(id, this, [](const CredentialOutcome &) {});
        m_dirty = false;
        selectProfile({});
        Q_EMIT removeFinished(true);
    });
}

void ConnectionManagerDialog::testConnection()
{
    const ConnectionProfile profile = m_editor->profile();
    m_testSteps->clear();
    m_testSummary->setText(tr("Reading the saved secrets…"));
    m_test->setEnabled(false);
    const ProfileSecrets typed = m_editor->typedSecrets();
    auto start = [this, profile](const ProfileSecrets &secrets) {
        m_tester->start(profile, secrets, m_settings);
    };
    if (m_isNew) {
        start(typed);
        return;
    }
    m_loader->load(profile, typed, [this, start](const SecretLoadResult &result) {
        if (result.unavailable) {
            // Say what happened; test with what we have (a missing password then fails the sign-in step).
            auto *item = new QListWidgetItem(icon(QStringLiteral("keychain-locked")),
                                             result.unavailable->message + QLatin1Char(' ') + result.unavailable->hint,
                                             m_testSteps);
            item->setData(Qt::UserRole, QStringLiteral("keychain"));
        }
        start(result.secrets);
    });
}

void ConnectionManagerDialog::onTestStep(const ConnectionTester::StepResult &result)
{
    QString iconName;
    switch (result.outcome) {
    case ConnectionTester::Outcome::Passed:
        iconName = QStringLiteral("ok");
        break;
    case ConnectionTester::Outcome::Warning:
        iconName = QStringLiteral("warning");
        break;
    case ConnectionTester::Outcome::Skipped:
        iconName = QStringLiteral("skipped");
        break;
    case ConnectionTester::Outcome::Failed:
        iconName = QStringLiteral("error");
        break;
    }
    QString text = ConnectionTester::stepTitle(result.step) + QStringLiteral(": ") + result.message;
    if (!result.hint.isEmpty())
        text += QStringLiteral(" — ") + result.hint;
    auto *item = new QListWidgetItem(icon(iconName), text, m_testSteps);
    item->setData(Qt::UserRole, int(result.outcome));
    m_testSteps->scrollToItem(item);
}

void ConnectionManagerDialog::onTestFinished(const ConnectionTester::Result &result)
{
    m_testSummary->setText(result.summary);
    updateButtons();
    Q_EMIT testFinished(result);
}

void ConnectionManagerDialog::connectProfile()
{
    if (m_busy)
        return;
    const ProfileSecrets typed = m_editor->typedSecrets();
    auto go = [this, typed] {
        Q_EMIT connectRequested(m_editor->profile(), typed);
        accept();
    };
    if (!m_dirty && !m_isNew) {
        go();
        return;
    }
    connect(this, &ConnectionManagerDialog::saveFinished, this,
            [this, go](bool) {
                if (m_problems->isHidden()) // saved (a keychain problem keeps the secrets for this session)
                    go();
            },
            Qt::SingleShotConnection);
    saveProfile();
}

} // namespace anadesk
