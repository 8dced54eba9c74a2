// Authentication as the sandbox plays it: Basic and certificate (v1, v2) logins with Anaplan's exact
// response shapes, refresh (rotating), validate, logout, expiry, and the token gate on API paths.
// Certificates are made at test time with the openssl command line; no private key is ever committed.
#include "HttpProbe.h"
#include "SandboxProcess.h"
#include "TestUtil.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace anadesk::test;

namespace {

struct KeyPair
{
    QString certificatePath;
    QString keyPath;
    QByteArray certificatePem;
};

bool runOpenssl(const QStringList &arguments, QString *error)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), arguments);
    if (!openssl.waitForStarted(10'000) || !openssl.waitForFinished(60'000) || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl %1 failed: %2")
                     .arg(arguments.constFirst(), QString::fromUtf8(openssl.readAllStandardError()));
        return false;
    }
    return true;
}

bool makeCertificate(const QTemporaryDir &dir, const QString &name, const QString &subject, KeyPair *pair,
                     QString *error)
{
    pair->certificatePath = dir.filePath(name + QStringLiteral(".pem"));
    pair->keyPath = dir.filePath(name + QStringLiteral(".key"));
    if (!runOpenssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                     QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                     pair->keyPath, QStringLiteral("-out"), pair->certificatePath, QStringLiteral("-days"),
                     QStringLiteral("2"), QStringLiteral("-subj"), subject},
                    error))
        return false;
    QFile file(pair->certificatePath);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    pair->certificatePem = file.readAll();
    return true;
}

} // namespace

class TestSandboxAuth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SandboxProcess> m_sandbox;
    QTemporaryDir m_dir;
    KeyPair m_demo;      // subject CN and emailAddress = the sandbox user
    KeyPair m_emailOnly; // only emailAddress = the sandbox user
    KeyPair m_stranger;  // another user
    int m_signatures = 0;

    QByteArray sign(const KeyPair &pair, const QByteArray &data)
    {
        const QString dataPath = m_dir.filePath(QStringLiteral("data-%1.bin").arg(++m_signatures));
        const QString signaturePath = dataPath + QStringLiteral(".sig");
        QFile file(dataPath);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(data);
        file.close();
        QString error;
        if (!runOpenssl({QStringLiteral("dgst"), QStringLiteral("-sha512"), QStringLiteral("-sign"),
                         pair.keyPath, QStringLiteral("-out"), signaturePath, dataPath},
                        &error)) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        QFile signature(signaturePath);
        return signature.open(QIODevice::ReadOnly) ? signature.readAll() : QByteArray();
    }

    static QByteArray v2Data(qint64 unixSeconds, int randomBytes = 142)
    {
        QByteArray data(8, Qt::Uninitialized);
        for (int i = 0; i < 8; ++i)
            data[7 - i] = char((quint64(unixSeconds) >> (8 * i)) & 0xff);
        QByteArray random(randomBytes, Qt::Uninitialized);
        for (char &c : random)
            c = char(QRandomGenerator::global()->bounded(256));
        return data + random;
    }

    static QByteArray v1Data(int size = 150)
    {
        QByteArray data(size, Qt::Uninitialized);
        for (char &c : data)
            c = char(QRandomGenerator::global()->bounded(256));
        return data;
    }

    ProbeReply certificateLogin(const KeyPair &certificate, const QByteArray &data,
                                const QByteArray &signature, bool v2)
    {
        QJsonObject body{{QStringLiteral("encodedData"), QString::fromLatin1(data.toBase64())},
                         {QStringLiteral("encodedSignedData"), QString::fromLatin1(signature.toBase64())}};
        if (v2)
            body.insert(QStringLiteral("encodedDataFormat"), QStringLiteral("v2"));
        HttpProbe probe(m_sandbox->url());
        return probe.request("POST", QStringLiteral("/token/authenticate"),
                             QJsonDocument(body).toJson(QJsonDocument::Compact),
                             {{"Authorization", "CACertificate " + certificate.certificatePem.toBase64()},
                              {"Content-Type", "application/json"}});
    }

    static void verifyLoginSuccess(const ProbeReply &reply)
    {
        QCOMPARE(reply.status, 201);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(json.value(QStringLiteral("statusMessage")).toString(), QStringLiteral("Login successful"));
        QCOMPARE(
            json.value(QStringLiteral("meta")).toObject().value(QStringLiteral("validationUrl")).toString(),
            QStringLiteral("https://auth.anaplan.com/token/validate"));
        const QJsonObject info = json.value(QStringLiteral("tokenInfo")).toObject();
        QVERIFY(!info.value(QStringLiteral("tokenValue")).toString().isEmpty());
        QVERIFY(!QUuid::fromString(info.value(QStringLiteral("tokenId")).toString()).isNull());
        QVERIFY(!QUuid::fromString(info.value(QStringLiteral("refreshTokenId")).toString()).isNull());
        const qint64 expiresAt = info.value(QStringLiteral("expiresAt")).toInteger();
        QVERIFY(expiresAt > QDateTime::currentMSecsSinceEpoch()); // epoch milliseconds, in the future
    }

    static void verifyFailure(const ProbeReply &reply, int status, const QString &statusText,
                              const QString &messagePart)
    {
        QCOMPARE(reply.status, status);
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        QCOMPARE(reply.json().value(QStringLiteral("status")).toString(), statusText);
        const QString message = reply.json().value(QStringLiteral("statusMessage")).toString();
        QVERIFY2(message.contains(messagePart, Qt::CaseInsensitive), qPrintable(message));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const QString user = SandboxProcess::demoUser();
        QVERIFY2(makeCertificate(m_dir, QStringLiteral("demo"),
                                 QStringLiteral("/CN=%1/emailAddress=%1").arg(user), &m_demo, &error),
                 qPrintable(error));
        QVERIFY2(makeCertificate(m_dir, QStringLiteral("email-only"),
                                 QStringLiteral("/CN=Demo Person/emailAddress=%1").arg(user.toUpper()),
                                 &m_emailOnly, &error),
                 qPrintable(error));
        QVERIFY2(
            makeCertificate(m_dir, QStringLiteral("stranger"),
                            QStringLiteral("/CN=stranger@example.test/emailAddress=stranger@example.test"),
                            &m_stranger, &error),
            qPrintable(error));
        m_sandbox = std::make_unique<SandboxProcess>();
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        // Secrets never reach the sandbox's output.
        const QString stderrText = m_sandbox->standardError();
        QVERIFY(!stderrText.contains(SandboxProcess::demoPassword()));
        m_sandbox.reset();
    }

    void basicLoginSucceeds()
    {
        HttpProbe probe(m_sandbox->url());
        const ProbeReply reply = probe.loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword());
        verifyLoginSuccess(reply);
        QVERIFY(!probe.token().isEmpty());
        // The user name is an e-mail address: compared without regard to case.
        verifyLoginSuccess(
            probe.loginBasic(SandboxProcess::demoUser().toUpper(), SandboxProcess::demoPassword()));
    }

    void basicLoginFailures()
    {
        HttpProbe probe(m_sandbox->url());
        verifyFailure(probe.loginBasic(SandboxProcess::demoUser(), QStringLiteral("wrong")), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"),
                      QStringLiteral("Invalid user name or password"));
        verifyFailure(probe.loginBasic(QStringLiteral("nobody@anadesk.test"), SandboxProcess::demoPassword()),
                      401, QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("Invalid"));
        verifyFailure(probe.request("POST", QStringLiteral("/token/authenticate")), 401,
                      QStringLiteral("FAILURE_BAD_HEADER"), QStringLiteral("missing"));
        verifyFailure(probe.request("POST", QStringLiteral("/token/authenticate"), {},
                                    {{"Authorization", "Basic !!!"}}),
                      401, QStringLiteral("FAILURE_BAD_HEADER"), QStringLiteral("base64"));
        verifyFailure(probe.request("POST", QStringLiteral("/token/authenticate"), {},
                                    {{"Authorization", "Digest abc"}}),
                      401, QStringLiteral("FAILURE_BAD_HEADER"), QStringLiteral("Digest"));
        verifyFailure(
            probe.request("POST", QStringLiteral("/token/authenticate"), {}, {{"Authorization", "Basic"}}),
            401, QStringLiteral("FAILURE_BAD_HEADER"), QStringLiteral("malformed"));
    }

    void certificateV1Succeeds()
    {
        const QByteArray data = v1Data();
        const QByteArray signature = sign(m_demo, data);
        QVERIFY(!signature.isEmpty());
        verifyLoginSuccess(certificateLogin(m_demo, data, signature, false));
        // v1 carries no timestamp, so Anaplan (and the sandbox) accept the same payload again.
        verifyLoginSuccess(certificateLogin(m_demo, data, signature, false));
        // A certificate naming the user only in emailAddress (any case) is trusted too.
        const QByteArray other = v1Data(100);
        verifyLoginSuccess(certificateLogin(m_emailOnly, other, sign(m_emailOnly, other), false));
    }

    void certificateV2Succeeds()
    {
        const QByteArray data = v2Data(QDateTime::currentSecsSinceEpoch());
        verifyLoginSuccess(certificateLogin(m_demo, data, sign(m_demo, data), true));
    }

    void certificateBadSignatureFails()
    {
        const QByteArray data = v1Data();
        QByteArray signature = sign(m_demo, data);
        signature[10] = char(signature.at(10) ^ 0x55);
        verifyFailure(certificateLogin(m_demo, data, signature, false), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("SHA512withRSA"));
        // Signed by another key than the certificate's.
        verifyFailure(certificateLogin(m_demo, data, sign(m_stranger, data), false), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("signature"));
        // Data changed after signing.
        QByteArray changed = data;
        changed[0] = char(changed.at(0) ^ 1);
        verifyFailure(certificateLogin(m_demo, changed, sign(m_demo, data), false), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("signature"));
    }

    void certificateNeedsHundredBytes()
    {
        const QByteArray data = v1Data(99);
        verifyFailure(certificateLogin(m_demo, data, sign(m_demo, data), false), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("at least 100"));
        const QByteArray shortV2 = v2Data(QDateTime::currentSecsSinceEpoch(), 91); // 99 bytes in all
        verifyFailure(certificateLogin(m_demo, shortV2, sign(m_demo, shortV2), true), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("at least 100"));
    }

    void certificateOfAnotherUserFails()
    {
        const QByteArray data = v1Data();
        verifyFailure(certificateLogin(m_stranger, data, sign(m_stranger, data), false), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("not registered"));
    }

    void certificateHeaderAndBodyProblems()
    {
        HttpProbe probe(m_sandbox->url());
        verifyFailure(probe.request("POST", QStringLiteral("/token/authenticate"), "{}",
                                    {{"Authorization", "CACertificate %%%"}}),
                      401, QStringLiteral("FAILURE_BAD_HEADER"), QStringLiteral("base64"));
        verifyFailure(
            probe.request("POST", QStringLiteral("/token/authenticate"), "{}",
                          {{"Authorization", "CACertificate " + QByteArray("not a certificate").toBase64()}}),
            401, QStringLiteral("FAILURE_BAD_HEADER"), QStringLiteral("X.509"));
        verifyFailure(probe.request("POST", QStringLiteral("/token/authenticate"), "not json",
                                    {{"Authorization", "CACertificate " + m_demo.certificatePem.toBase64()}}),
                      401, QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("JSON"));
        const QByteArray data = v1Data();
        QJsonObject body{
            {QStringLiteral("encodedData"), QString::fromLatin1(data.toBase64())},
            {QStringLiteral("encodedSignedData"), QString::fromLatin1(sign(m_demo, data).toBase64())},
            {QStringLiteral("encodedDataFormat"), QStringLiteral("v9")}};
        verifyFailure(probe.request("POST", QStringLiteral("/token/authenticate"),
                                    QJsonDocument(body).toJson(),
                                    {{"Authorization", "CACertificate " + m_demo.certificatePem.toBase64()}}),
                      401, QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("encodedDataFormat"));
    }

    void staleOrFutureV2TimestampFails()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray stale = v2Data(now - 3'600);
        verifyFailure(certificateLogin(m_demo, stale, sign(m_demo, stale), true), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("timestamp"));
        const QByteArray future = v2Data(now + 3'600);
        verifyFailure(certificateLogin(m_demo, future, sign(m_demo, future), true), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("timestamp"));
        // Milliseconds instead of seconds is a likely client bug: refused too.
        const QByteArray millis = v2Data(QDateTime::currentMSecsSinceEpoch());
        verifyFailure(certificateLogin(m_demo, millis, sign(m_demo, millis), true), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("timestamp"));
    }

    void replayedV2PayloadFails()
    {
        const QByteArray data = v2Data(QDateTime::currentSecsSinceEpoch());
        const QByteArray signature = sign(m_demo, data);
        verifyLoginSuccess(certificateLogin(m_demo, data, signature, true));
        verifyFailure(certificateLogin(m_demo, data, signature, true), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("already used"));
    }

    void refreshRotatesTheToken()
    {
        HttpProbe probe(m_sandbox->url());
        QCOMPARE(probe.loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword()).status, 201);
        const QByteArray oldToken = probe.token();
        const ProbeReply refreshed = probe.request("POST", QStringLiteral("/token/refresh"));
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(refreshed.json().value(QStringLiteral("status")).toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(refreshed.json().value(QStringLiteral("statusMessage")).toString(),
                 QStringLiteral("Token refreshed"));
        const QByteArray newToken = refreshed.json()
                                        .value(QStringLiteral("tokenInfo"))
                                        .toObject()
                                        .value(QStringLiteral("tokenValue"))
                                        .toString()
                                        .toLatin1();
        QVERIFY(!newToken.isEmpty());
        QVERIFY(newToken != oldToken);
        // The old token is gone everywhere; the new one works.
        verifyFailure(probe.request("GET", QStringLiteral("/token/validate")), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("not valid"));
        verifyFailure(probe.request("POST", QStringLiteral("/token/refresh")), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("not valid"));
        QCOMPARE(probe.get(QStringLiteral("/2/0/no-such-path")).status, 401);
        probe.setToken(newToken);
        QCOMPARE(probe.get(QStringLiteral("/token/validate")).status, 200);
        QCOMPARE(probe.get(QStringLiteral("/2/0/no-such-path")).status, 404); // through the gate
    }

    void validateDescribesTheToken()
    {
        HttpProbe probe(m_sandbox->url());
        const ProbeReply login = probe.loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword());
        const QJsonObject loginInfo = login.json().value(QStringLiteral("tokenInfo")).toObject();
        const ProbeReply reply = probe.get(QStringLiteral("/token/validate"));
        QCOMPARE(reply.status, 200);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(json.value(QStringLiteral("statusMessage")).toString(), QStringLiteral("Token validated"));
        const QJsonObject info = json.value(QStringLiteral("tokenInfo")).toObject();
        QCOMPARE(info.value(QStringLiteral("tokenId")), loginInfo.value(QStringLiteral("tokenId")));
        QCOMPARE(info.value(QStringLiteral("expiresAt")).toInteger(),
                 loginInfo.value(QStringLiteral("expiresAt")).toInteger());
        QVERIFY(!info.contains(QStringLiteral("tokenValue")));
        const QJsonObject user = json.value(QStringLiteral("userInfo")).toObject();
        QCOMPARE(user.value(QStringLiteral("userId")).toString(), SandboxProcess::demoUser());
        const QRegularExpression guid(QStringLiteral("^[0-9a-f]{32}$"));
        QVERIFY(guid.match(user.value(QStringLiteral("userGuid")).toString()).hasMatch());
        QVERIFY(guid.match(user.value(QStringLiteral("customerGuid")).toString()).hasMatch());

        verifyFailure(
            probe.request("GET", QStringLiteral("/token/validate"), {}, {{"Authorization", "Bearer x"}}), 400,
            QStringLiteral("FAILURE_BAD_HEADER"), QStringLiteral("AnaplanAuthToken"));
        verifyFailure(probe.request("GET", QStringLiteral("/token/validate"), {},
                                    {{"Authorization", "AnaplanAuthToken nope"}}),
                      401, QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("not valid"));
    }

    void logoutRevokesTheToken()
    {
        HttpProbe probe(m_sandbox->url());
        QCOMPARE(probe.loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword()).status, 201);
        QCOMPARE(probe.request("POST", QStringLiteral("/token/logout")).status, 204);
        QCOMPARE(probe.get(QStringLiteral("/token/validate")).status, 401);
        QCOMPARE(probe.request("POST", QStringLiteral("/token/logout")).status, 401);
    }

    void gateRefusesMissingOrGarbledTokens_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("authorization");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("missing") << QStringLiteral("/2/0/workspaces") << QByteArray()
                                 << QStringLiteral("missing");
        QTest::newRow("bearer") << QStringLiteral("/2/0/workspaces") << QByteArray("Bearer abc")
                                << QStringLiteral("AnaplanAuthToken <token>");
        QTest::newRow("basic") << QStringLiteral("/2/0/models") << QByteArray("Basic ZGVtbzpwdw==")
                               << QStringLiteral("AnaplanAuthToken <token>");
        QTest::newRow("no value") << QStringLiteral("/2/0/workspaces") << QByteArray("AnaplanAuthToken")
                                  << QStringLiteral("AnaplanAuthToken <token>");
        QTest::newRow("garbled") << QStringLiteral("/2/0/workspaces")
                                 << QByteArray("AnaplanAuthToken %%%garbled") << QStringLiteral("not valid");
        QTest::newRow("cloudworks") << QStringLiteral("/cloudworks/x") << QByteArray()
                                    << QStringLiteral("missing");
    }
    void gateRefusesMissingOrGarbledTokens()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, authorization);
        QFETCH(QString, messagePart);
        HttpProbe probe(m_sandbox->url());
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        const ProbeReply reply = probe.request("GET", path, {}, headers);
        QCOMPARE(reply.status, 401);
        const QJsonObject status = reply.json().value(QStringLiteral("status")).toObject();
        QCOMPARE(status.value(QStringLiteral("code")).toInt(), 401);
        QVERIFY2(status.value(QStringLiteral("message")).toString().contains(messagePart),
                 qPrintable(status.value(QStringLiteral("message")).toString()));
    }

    void auditGateSpeaksAuditErrors()
    {
        // The Audit API's own error body (audit spec AuditErrorResponse): {"status": "FAILURE_…",
        // "statusMessage"}.
        HttpProbe probe(m_sandbox->url());
        ProbeReply reply = probe.get(QStringLiteral("/audit/api/1/events"));
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("FAILURE_BAD_HEADER"));
        QVERIFY(reply.json()
                    .value(QStringLiteral("statusMessage"))
                    .toString()
                    .contains(QStringLiteral("missing")));
        reply = probe.request("GET", QStringLiteral("/audit/api/1/events"), {},
                              {{"Authorization", "AnaplanAuthToken 0123456789abcdef"}});
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("FAILURE_INVALID_TOKEN"));
    }

    void scimGateSpeaksScimErrors()
    {
        HttpProbe probe(m_sandbox->url());
        const ProbeReply reply = probe.get(QStringLiteral("/scim/1/0/v2/Users"));
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.json().value(QStringLiteral("status")).toString(), QStringLiteral("401"));
        QCOMPARE(reply.json().value(QStringLiteral("schemas")).toArray().at(0).toString(),
                 QStringLiteral("urn:ietf:params:scim:api:messages:2.0:Error"));
    }

    void tokensExpire()
    {
        SandboxProcess shortLived({QStringLiteral("--token-lifetime"), QStringLiteral("2")});
        QString error;
        QVERIFY2(shortLived.start(&error), qPrintable(error));
        HttpProbe probe(shortLived.url());
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const ProbeReply login = probe.loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword());
        QCOMPARE(login.status, 201);
        const qint64 expiresAt = login.json()
                                     .value(QStringLiteral("tokenInfo"))
                                     .toObject()
                                     .value(QStringLiteral("expiresAt"))
                                     .toInteger();
        QVERIFY(expiresAt >= before + 2'000 - 1'000 &&
                expiresAt <= QDateTime::currentMSecsSinceEpoch() + 2'000 + 1'000);
        QCOMPARE(probe.get(QStringLiteral("/2/0/no-such-path")).status, 404); // valid now
        // Poll until the server says expired (no fixed sleep).
        ProbeReply gate;
        QVERIFY(waitUntil(
            [&] {
                gate = probe.get(QStringLiteral("/2/0/no-such-path"));
                return gate.status != 404;
            },
            30'000));
        QCOMPARE(gate.status, 401);
        QVERIFY(gate.json()
                    .value(QStringLiteral("status"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("expired")));
        verifyFailure(probe.get(QStringLiteral("/token/validate")), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("expired"));
        verifyFailure(probe.request("POST", QStringLiteral("/token/refresh")), 401,
                      QStringLiteral("FAILURE_BAD_CREDENTIAL"), QStringLiteral("expired"));
        figure(QStringLiteral("token_expired_after_ms=%1 lifetime_ms=2000")
                   .arg(QDateTime::currentMSecsSinceEpoch() - before));
    }
};

QTEST_GUILESS_MAIN(TestSandboxAuth)
#include "tst_sandbox_auth.moc"
