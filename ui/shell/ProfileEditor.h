#pragma once
// The form of one connection profile in the connection manager: name; hosts (region, one server URL, or
// four custom URLs); sign-in (basic: user and password; certificate: certificate and key files and the
// key's passphrase; token); default workspace/model; proxy; "remember secrets". Secret fields start empty:
// a saved secret is shown as "saved in <keychain>" and kept unless something is typed.
#include "ProfileSecrets.h"
#include "profiles/ConnectionProfile.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace anadesk {

class FileDialogs;

class ProfileEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ProfileEditor(FileDialogs *files, QWidget *parent = nullptr);

    // `savedKinds`: the secret kinds saved for the profile; `storage`: where ("the system keychain").
    void setProfile(const ConnectionProfile &profile, const QList<SecretKind> &savedKinds, const QString &storage);
    // The profile as the fields say (id kept from setProfile()).
    ConnectionProfile profile() const;
    // The secrets typed into the fields (only non-empty ones, only kinds the profile uses).
    ProfileSecrets typedSecrets() const;
    void clearTypedSecrets();
    // Shows where each saved secret is, or that the keychain could not be asked.
    void setSecretStatus(const QString &text, bool problem);

    QLineEdit *nameEdit() const { return m_name; }

    // The per-profile plain-text opt-in (only offered when the credential store supports it): while the
    // keychain is missing or locked, this profile's secrets go UNENCRYPTED to `filePath`.
    void setPlainTextOption(bool offered, bool optedIn, const QString &filePath);
    bool plainTextOptedIn() const;
    QCheckBox *plainTextBox() const { return m_plainText; }
    // Every control of the form in reading order (hidden ones included: Tab skips them).
    const QList<QWidget *> &tabChain() const { return m_tabChain; }

Q_SIGNALS:
    void edited();

private:
    void updateVisibility();
    QLineEdit *secretEdit(const char *objectName);
    QPushButton *browseButton(const char *objectName, QLineEdit *target, const QString &caption);

    FileDialogs *m_files;
    ConnectionProfile m_original;
    QList<SecretKind> m_savedKinds;
    QString m_storage;

    QLineEdit *m_name;
    QComboBox *m_endpointMode;
    QStackedWidget *m_endpointPages;
    QComboBox *m_region;
    QLineEdit *m_singleOrigin;
    QLineEdit *m_authUrl;
    QLineEdit *m_apiUrl;
    QLineEdit *m_auditUrl;
    QLineEdit *m_cloudWorksUrl;

    QComboBox *m_authMethod;
    QGroupBox *m_basicGroup;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QGroupBox *m_certificateGroup;
    QLineEdit *m_certificatePath;
    QLineEdit *m_keyPath;
    QLineEdit *m_keyPassphrase;
    QGroupBox *m_tokenGroup;
    QLineEdit *m_token;

    QLineEdit *m_workspace;
    QLineEdit *m_model;

    QComboBox *m_proxyMode;
    QWidget *m_proxyFields;
    QLineEdit *m_proxyHost;
    QSpinBox *m_proxyPort;
    QLineEdit *m_proxyUser;
    QLineEdit *m_proxyPassword;

    QCheckBox *m_remember;
    QCheckBox *m_plainText;
    QLabel *m_plainTextWarning;
    QLabel *m_secretStatus;
    QList<QWidget *> m_tabChain;
};

} // namespace anadesk
