#pragma once
// Helpers of the credential tests: wait for a store's asynchronous answer (generous deadline, polling
// state, never timing luck), make random secrets, capture every log message, and print FIGURE lines.
// Secrets are never printed: comparisons go through QVERIFY (which prints the expression, not values).
#include "credentials/CredentialStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMutex>
#include <QRandomGenerator>
#include <QStringList>
#include <QTest>
#include <cstdio>

namespace credtest {

using namespace anadesk;

inline constexpr int kDeadlineMs = 30'000;

struct Answer
{
    bool called = false;
    int calls = 0;
    bool calledInsideCall = false; // the contract says never
    // Until the store answers, a failure: a test can never pass on an answer that did not come.
    CredentialOutcome outcome = noAnswer();
    SecretBytes secret;

    static CredentialOutcome noAnswer()
    {
        CredentialOutcome none;
        none.status = CredentialStatus::OtherError;
        none.message = QStringLiteral("the store did not answer within the test deadline");
        return none;
    }
};

inline Answer readNow(CredentialStore &store, const QString &id, SecretKind kind, QObject *context = nullptr)
{
    auto answer = std::make_shared<Answer>();
    bool inside = true;
    store.readSecret(id, kind, context, [answer, &inside](const CredentialOutcome &o, const SecretBytes &s) {
        answer->called = true;
        ++answer->calls;
        answer->calledInsideCall = inside;
        answer->outcome = o;
        answer->secret = s;
    });
    inside = false;
    (void)QTest::qWaitFor([&] { return answer->called; }, kDeadlineMs); // `called` says whether it came
    return *answer;
}

template <typename Start> Answer doneNow(Start start)
{
    auto answer = std::make_shared<Answer>();
    bool inside = true;
    start([answer, &inside](const CredentialOutcome &o) {
        answer->called = true;
        ++answer->calls;
        answer->calledInsideCall = inside;
        answer->outcome = o;
    });
    inside = false;
    (void)QTest::qWaitFor([&] { return answer->called; }, kDeadlineMs); // `called` says whether it came
    return *answer;
}

inline Answer writeNow(CredentialStore &store, const QString &id, SecretKind kind, const QByteArray &secret)
{
    return doneNow(
        [&](CredentialStore::Done done) { store.writeSecret(id, kind, SecretBytes(secret), nullptr, done); });
}

inline Answer removeNow(CredentialStore &store, const QString &id, SecretKind kind)
{
    return doneNow([&](CredentialStore::Done done) { store.removeSecret(id, kind, nullptr, done); });
}

inline Answer removeProfileNow(CredentialStore &store, const QString &id)
{
    return doneNow([&](CredentialStore::Done done) { store.removeProfile(id, nullptr, done); });
}

// A random secret, made at run time: 32 characters from a set that includes what breaks naive
// storage (quotes, '=', '%', '\', '&', non-ASCII) so a round trip is byte-exact or fails.
inline QByteArray randomSecret(int length = 32)
{
    static const QString alphabet = QStringLiteral("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
                                                   "\"'=%\\&#;:,é€");
    QString text;
    auto *random = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        text += alphabet.at(random->bounded(alphabet.size()));
    return text.toUtf8();
}

// Letters and digits only: survives every encoding a file or log might apply (percent, JSON, INI
// escapes) unchanged, so a leak scan that looks for it cannot be fooled by an escaped copy.
inline QByteArray randomMarker(int length = 20)
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QByteArray marker;
    auto *random = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        marker += alphabet[random->bounded(int(sizeof(alphabet) - 1))];
    return marker;
}

// A short hash identifies a secret in messages without showing it.
inline QByteArray shortHash(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(12);
}

// Records every Qt message (and passes it on), so a test can scan what the code logged.
class LogCapture
{
public:
    static void install() { previous() = qInstallMessageHandler(&LogCapture::handler); }
    static QStringList lines()
    {
        QMutexLocker lock(&mutex());
        return store();
    }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        {
            QMutexLocker lock(&mutex());
            store().append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') +
                           message);
        }
        if (previous())
            previous()(type, context, message);
    }
    static QtMessageHandler &previous()
    {
        static QtMessageHandler handler = nullptr;
        return handler;
    }
    static QStringList &store()
    {
        static QStringList lines;
        return lines;
    }
    static QMutex &mutex()
    {
        static QMutex m;
        return m;
    }
};

// A planted secret: a letters-and-digits marker (found whatever escaping a file applies) followed by
// random characters that stress encodings.
inline QByteArray plantedSecret()
{
    return randomMarker() + randomSecret(12);
}

struct LeakScan
{
    int filesScanned = 0;
    qint64 bytesScanned = 0;
    int logLinesScanned = 0;
    QStringList hits; // "<where>: secret #<n>" — never the secret itself
};

// Looks for every secret, in the forms a leak could take (raw, its marker, base64, hex, percent-encoded),
// in every file under `directory` and in every captured log line.
inline LeakScan scanForSecrets(const QString &directory, const QStringList &logLines,
                               const QList<QByteArray> &secrets)
{
    QList<QList<QByteArray>> forms;
    for (const QByteArray &secret : secrets) {
        const QByteArray marker = secret.left(20);
        forms.append(
            {secret, marker, secret.left(18).toBase64(), marker.toHex(), secret.toPercentEncoding()});
    }
    LeakScan scan;
    auto check = [&](const QByteArray &haystack, const QString &where) {
        for (int i = 0; i < forms.size(); ++i) {
            for (const QByteArray &form : forms.at(i)) {
                if (!form.isEmpty() && haystack.contains(form)) {
                    scan.hits << QStringLiteral("%1: secret #%2").arg(where).arg(i + 1);
                    break;
                }
            }
        }
    };
    QDirIterator files(directory, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            scan.hits << QStringLiteral("%1: unreadable, cannot be checked").arg(path);
            continue;
        }
        const QByteArray bytes = file.readAll();
        ++scan.filesScanned;
        scan.bytesScanned += bytes.size();
        check(bytes, path);
    }
    for (const QString &line : logLines) {
        ++scan.logLinesScanned;
        check(line.toUtf8(), QStringLiteral("log line %1").arg(scan.logLinesScanned));
    }
    return scan;
}

inline void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

} // namespace credtest
