#include "PasswordPrompt.h"

#include "auth/SecretBytes.h"

#include <cstdio>

#ifdef Q_OS_UNIX
#include <csignal>
#include <termios.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#endif

namespace anadesk::cli {

#ifdef Q_OS_UNIX
namespace {

// Saved terminal state, restored by the signal handler if the user interrupts the prompt
// (tcsetattr is async-signal-safe). Only one prompt runs at a time.
struct termios g_saved;
volatile sig_atomic_t g_echoOff = 0;
struct sigaction g_previousInt;
struct sigaction g_previousTerm;

void restoreAndReraise(int signalNumber)
{
    if (g_echoOff)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
    g_echoOff = 0;
    sigaction(SIGINT, &g_previousInt, nullptr);
    sigaction(SIGTERM, &g_previousTerm, nullptr);
    const char newline = '\n';
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, &newline, 1);
    raise(signalNumber);
}

class EchoOff
{
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &g_saved) != 0)
            return;
        struct sigaction action = {};
        action.sa_handler = restoreAndReraise;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, &g_previousInt);
        sigaction(SIGTERM, &action, &g_previousTerm);
        struct termios quiet = g_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0)
            g_echoOff = 1;
        m_active = true;
    }
    ~EchoOff()
    {
        if (!m_active)
            return;
        if (g_echoOff)
            tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
        g_echoOff = 0;
        sigaction(SIGINT, &g_previousInt, nullptr);
        sigaction(SIGTERM, &g_previousTerm, nullptr);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    bool m_active = false;
};

} // namespace
#endif

bool PasswordPrompt::isInteractive()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDIN_FILENO) == 1;
#elif defined(Q_OS_WIN)
    return _isatty(_fileno(stdin)) != 0;
#else
    return false;
#endif
}

bool PasswordPrompt::read(const QString &prompt, QByteArray *secret)
{
    secret->clear();
    if (!isInteractive())
        return false;
        // Echo goes off BEFORE the prompt is shown: whatever is typed once the prompt is visible must
        // never appear on the screen (like getpass(), type-ahead from before the prompt is discarded).
#ifdef Q_OS_UNIX
    EchoOff echoOff;
#elif defined(Q_OS_WIN)
    HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode = 0;
    const bool haveMode = GetConsoleMode(input, &mode);
    if (haveMode)
        SetConsoleMode(input, mode & ~DWORD(ENABLE_ECHO_INPUT));
#endif
    std::fputs(prompt.toLocal8Bit().constData(), stderr);
    std::fflush(stderr);

    // Read byte by byte into a buffer we wipe ourselves; no stdio line buffer keeps a copy longer
    // than needed (stdin's own buffer is the C library's).
    QByteArray line;
    bool ended = false;
    for (;;) {
        const int c = std::fgetc(stdin);
        if (c == EOF) {
            ended = line.isEmpty();
            break;
        }
        if (c == '\n')
            break;
        line.append(char(c));
    }
    if (line.endsWith('\r'))
        line.chop(1);

#ifdef Q_OS_WIN
    if (haveMode)
        SetConsoleMode(input, mode);
    std::fputc('\n', stderr);
#endif
    if (ended) {
        wipe(line);
        return false;
    }
    *secret = line;
    wipe(line); // *secret shares the data: wipe() leaves shared buffers alone and only drops ours
    return true;
}

} // namespace anadesk::cli
