#pragma once
// What the shell's windows and dialogs share, handed in by main() (or a test): the stores, the dialog
// seams, the settings file and where anadesk-sandbox is. Nothing here is owned by the widgets.
#include <QString>
#include <QStringList>

namespace anadesk {

class CredentialStore;
class FileDialogs;
class LogModel;
class MessageBoxes;
class ProfileStore;
class SecretPrompts;

struct ShellServices
{
    ProfileStore *profiles = nullptr;       // saved connections (their secrets in profiles->credentials())
    CredentialStore *sessionSecrets = nullptr; // secrets kept for this run only (MemoryCredentialStore)
    MessageBoxes *messages = nullptr;
    FileDialogs *files = nullptr;
    LogModel *log = nullptr;                // may be null: no log view
    SecretPrompts *prompts = nullptr;       // may be null: SecretPromptDialogs (tests inject a script)
    QString settingsFile;                   // empty: the default Anadesk settings file
    QString sandboxBinary;                  // empty: SandboxLauncher::findBinary()
    QStringList sandboxArguments;           // extra arguments for anadesk-sandbox (tests)
};

} // namespace anadesk
