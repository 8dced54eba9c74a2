#pragma once
// The connection manager (File ▸ Connections…): the saved profiles on the left, the selected one's form on
// the right; Add, Remove (after confirmation; deletes every secret of the profile — a locked keychain keeps
// the profile and says so), Save (profile to the settings file, typed secrets to the keychain or, when
// "remember" is off or the keychain cannot answer, to this session only), Test Connection (step by step,
// saying exactly what failed) and Connect. Shown with open(); never blocks.
#include "ConnectionTester.h"
#include "ProfileSecrets.h"
#include "ShellServices.h"
#include "profiles/ConnectionProfile.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListView;
class QListWidget;
class QPushButton;

namespace anadesk {

class ProfileEditor;
class ProfileListModel;

class ConnectionManagerDialog : public QDialog
{
    Q_OBJECT

public:
    ConnectionManagerDialog(const ShellServices &services, const ClientSettings &settings, QWidget *parent = nullptr);
    ~ConnectionManagerDialog() override;

    // Selects the profile (or the first one, or a new unsaved one when there are none).
    void selectProfile(const QString &id);
    // Starts a new, unsaved profile in the form.
    void addProfile();
    QString currentProfileId() const;
    bool isCurrentProfileNew() const { return m_isNew; }

    ProfileEditor *editor() const { return m_editor; }
    ProfileListModel *listModel() const { return m_model; }
    ConnectionTester *tester() const { return m_tester; }

    void setClientSettings(const ClientSettings &settings) { m_settings = settings; }

public Q_SLOTS:
    // Saves the form; saveFinished() follows (after the secrets are written).
    void saveProfile();
    void removeProfile();
    void testConnection();
    void connectProfile();

Q_SIGNALS:
    void saveFinished(bool ok);
    void removeFinished(bool ok);
    void testFinished(const anadesk::ConnectionTester::Result &result);
    void connectRequested(const anadesk::ConnectionProfile &profile, const anadesk::ProfileSecrets &typed);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void applyTabOrder();
    void onCurrentRowChanged();
    void showProfile(const ConnectionProfile &profile, bool isNew);
    void refreshSecretStatus();
    void showPlainTextOption(const QString &profileId, bool isNew);
    // Sets or clears the profile's plain-text opt-in as the form says (clearing deletes the plain copies).
    bool applyPlainTextOption(const ConnectionProfile &profile);
    void setDirty(bool dirty);
    void updateButtons();
    // Writes `typed` (and removes secrets the profile no longer uses), then calls done(ok).
    void storeSecrets(const ConnectionProfile &profile, const ProfileSecrets &typed, std::function<void(bool)> done);
    void onTestStep(const ConnectionTester::StepResult &result);
    void onTestFinished(const ConnectionTester::Result &result);

    ShellServices m_services;
    ClientSettings m_settings;
    ProfileListModel *m_model;
    QListView *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    ProfileEditor *m_editor;
    QLabel *m_problems;
    QListWidget *m_testSteps;
    QLabel *m_testSummary;
    QPushButton *m_save;
    QPushButton *m_test;
    QPushButton *m_connect;
    QPushButton *m_close;
    QDialogButtonBox *m_buttons;
    ConnectionTester *m_tester;
    SecretLoader *m_loader;
    bool m_isNew = false;
    bool m_dirty = false;
    bool m_busy = false;
    bool m_switching = false;
    QString m_lastSecretProblem;
};

} // namespace anadesk
