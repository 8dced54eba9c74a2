#pragma once
// Reading a secret from the person at the terminal: the prompt goes to stderr (stdout may be piped
// into a JSON parser), echo is switched off on the terminal and restored afterwards — also when the
// user presses Ctrl-C during the prompt. Only used when stdin is a terminal: a script must pass
// secrets through the environment instead, and gets a clear error saying so.
#include <QByteArray>
#include <QString>

namespace anadesk::cli {

class PasswordPrompt
{
public:
    // True when stdin is a terminal (a prompt can be answered).
    static bool isInteractive();

    // Shows `prompt` on stderr, reads one line from stdin without echo. False when stdin is not a
    // terminal, on end of input or a read error (*secret is then empty).
    static bool read(const QString &prompt, QByteArray *secret);
};

} // namespace anadesk::cli
