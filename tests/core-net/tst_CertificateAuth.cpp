// Certificate sign-in: payloads (v1/v2) verified by the openssl CLI against a certificate generated
// at test time; encrypted keys with right/wrong passphrase; mismatched and unreadable keys.
#include "NetTestKit.h"
#include "auth/CertificateAuthenticator.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>

using namespace anadesk;
using namespace anadesk::test;

namespace {
const QByteArray kPassphrase = QByteArrayLiteral("key-pass-PLANTED-7");
}

class TestCertificateAuth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void v2PayloadVerifiesWithOpenssl();
    void v1PayloadVerifiesWithOpenssl();
    void payloadIsFreshEachTime();
    void signInRequestOnTheWire();
    void encryptedKeyRightPassphrase();
    void encryptedKeyWrongOrMissingPassphrase();
    void keyCertificateMismatch();
    void unreadableMaterial();
    void localFailureStopsWithoutNetwork();

private:
    bool openssl(const QStringList &arguments, QByteArray *output = nullptr);
    bool verifies(const QByteArray &data, const QByteArray &signature);
    QByteArray file(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_openssl;
};

bool TestCertificateAuth::openssl(const QStringList &arguments, QByteArray *output)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ANADESK_TEST_KEY_PASS"),
               QString::fromLatin1(kPassphrase)); // never on the command line
    process.setProcessEnvironment(env);
    process.start(m_openssl, arguments);
    if (!process.waitForFinished(60'000)) {
        process.kill();
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput() + process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

QByteArray TestCertificateAuth::file(const QString &name) const
{
    QFile f(m_dir.filePath(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool TestCertificateAuth::verifies(const QByteArray &data, const QByteArray &signature)
{
    QFile d(m_dir.filePath(QStringLiteral("data.bin")));
    QFile s(m_dir.filePath(QStringLiteral("sig.bin")));
    if (!d.open(QIODevice::WriteOnly) || !s.open(QIODevice::WriteOnly))
        return false;
    d.write(data);
    s.write(signature);
    d.close();
    s.close();
    QByteArray output;
    const bool ok = openssl({QStringLiteral("dgst"), QStringLiteral("-sha512"), QStringLiteral("-verify"),
                             QStringLiteral("pub.pem"), QStringLiteral("-signature"),
                             QStringLiteral("sig.bin"), QStringLiteral("data.bin")},
                            &output);
    return ok && output.contains("Verified OK");
}

void TestCertificateAuth::initTestCase()
{
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (m_openssl.isEmpty())
        QSKIP("the openssl command is not installed");
    QVERIFY(m_dir.isValid());
    QVERIFY(
        openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-sha256"), QStringLiteral("-days"),
                 QStringLiteral("2"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                 QStringLiteral("key.pem"), QStringLiteral("-out"), QStringLiteral("cert.pem"),
                 QStringLiteral("-subj"), QStringLiteral("/CN=Cert User/emailAddress=cert@example.test")}));
    QVERIFY(openssl({QStringLiteral("pkey"), QStringLiteral("-in"), QStringLiteral("key.pem"),
                     QStringLiteral("-aes256"), QStringLiteral("-passout"),
                     QStringLiteral("env:ANADESK_TEST_KEY_PASS"), QStringLiteral("-out"),
                     QStringLiteral("key-enc.pem")}));
    QVERIFY(openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                     QStringLiteral("-out"), QStringLiteral("other.pem")}));
    QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-in"), QStringLiteral("cert.pem"),
                     QStringLiteral("-pubkey"), QStringLiteral("-noout"), QStringLiteral("-out"),
                     QStringLiteral("pub.pem")}));
    QVERIFY(file(QStringLiteral("key-enc.pem")).contains("ENCRYPTED"));
}

void TestCertificateAuth::v2PayloadVerifiesWithOpenssl()
{
    CertificateAuthenticator auth(file(QStringLiteral("cert.pem")), file(QStringLiteral("key.pem")));
    QCOMPARE(int(auth.format()), int(CertificateAuthenticator::Format::V2));
    const qint64 nowMs = 1'750'736'826'123; // Anaplan's own example second (2025-06-24T03:47:06Z)
    ApiError error;
    const auto payload = auth.buildPayload(nowMs, &error);
    QVERIFY2(payload, qPrintable(error.toString()));
    QCOMPARE(payload->data.size(), 8 + 150);
    const quint64 stamp = qFromBigEndian<quint64>(payload->data.constData());
    QCOMPARE(stamp, quint64(1'750'736'826));
    QCOMPARE(payload->data.left(8).toHex(), QByteArray("00000000685a1fba")); // the documented example prefix
    const QJsonObject body = QJsonDocument::fromJson(payload->json).object();
    QCOMPARE(body.value(QStringLiteral("encodedDataFormat")).toString(), QStringLiteral("v2"));
    QCOMPARE(QByteArray::fromBase64(body.value(QStringLiteral("encodedData")).toString().toLatin1()),
             payload->data);
    QCOMPARE(QByteArray::fromBase64(body.value(QStringLiteral("encodedSignedData")).toString().toLatin1()),
             payload->signature);
    QVERIFY(verifies(payload->data, payload->signature));
    QByteArray tampered = payload->data;
    tampered[20] = char(tampered[20] ^ 0x01);
    QVERIFY(!verifies(tampered, payload->signature)); // the check can fail
    figure(QStringLiteral("cert_auth_v2 data_bytes=%1 timestamp_prefix=%2 openssl_verified=1")
               .arg(payload->data.size())
               .arg(stamp));
}

void TestCertificateAuth::v1PayloadVerifiesWithOpenssl()
{
    CertificateAuthenticator auth(file(QStringLiteral("cert.pem")), file(QStringLiteral("key.pem")), {},
                                  CertificateAuthenticator::Format::V1);
    ApiError error;
    const auto payload = auth.buildPayload(1'750'736'826'000, &error);
    QVERIFY(payload);
    QCOMPARE(payload->data.size(), 150);
    const QJsonObject body = QJsonDocument::fromJson(payload->json).object();
    QVERIFY(!body.contains(QStringLiteral("encodedDataFormat")));
    QCOMPARE(body.keys(), (QStringList{QStringLiteral("encodedData"), QStringLiteral("encodedSignedData")}));
    QVERIFY(verifies(payload->data, payload->signature));
    figure(QStringLiteral("cert_auth_v1 data_bytes=%1 openssl_verified=1").arg(payload->data.size()));
}

void TestCertificateAuth::payloadIsFreshEachTime()
{
    CertificateAuthenticator auth(file(QStringLiteral("cert.pem")), file(QStringLiteral("key.pem")));
    ApiError error;
    const auto a = auth.buildPayload(1'750'736'826'000, &error);
    const auto b = auth.buildPayload(1'750'736'826'000, &error);
    QVERIFY(a && b);
    QVERIFY(a->data != b->data);
    QCOMPARE(a->data.left(8), b->data.left(8));
    figure(QStringLiteral("T-KEY-06 payload_reuse=0"));
}

void TestCertificateAuth::signInRequestOnTheWire()
{
    NetKit kit;
    kit.nam.on("POST", QStringLiteral("/token/authenticate"))
        .reply(FakeResponse::token("cert-tok", kit.clock->nowMs() + 2'100'000));
    kit.nam.on("GET", QStringLiteral("/2/0/users/me")).reply(FakeResponse::json(200, QByteArray("{}")));
    auto auth = std::make_shared<CertificateAuthenticator>(file(QStringLiteral("cert.pem")),
                                                           file(QStringLiteral("key.pem")));
    QCOMPARE(auth->description(), QStringLiteral("certificate sign-in as cert@example.test"));
    kit.transport->setAuthenticator(auth);
    auto reply = kit.run(kit.get(QStringLiteral("/2/0/users/me"), Idempotency::Safe, true));
    QVERIFY2(reply->isOk(), qPrintable(reply->error().toString()));
    const auto signIns = kit.nam.matching("POST", QStringLiteral("/token/authenticate"));
    QCOMPARE(signIns.size(), 1);
    QCOMPARE(signIns[0].header("Authorization"),
             "CACertificate " + file(QStringLiteral("cert.pem")).toBase64());
    QCOMPARE(signIns[0].header("Content-Type"), QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(signIns[0].body).object();
    const QByteArray data =
        QByteArray::fromBase64(body.value(QStringLiteral("encodedData")).toString().toLatin1());
    QCOMPARE(qint64(qFromBigEndian<quint64>(data.constData())), kit.clock->nowMs() / 1000);
    QVERIFY(verifies(
        data, QByteArray::fromBase64(body.value(QStringLiteral("encodedSignedData")).toString().toLatin1())));
    QCOMPARE(kit.nam.requests().last().header("Authorization"), QByteArray("AnaplanAuthToken cert-tok"));
}

void TestCertificateAuth::encryptedKeyRightPassphrase()
{
    CertificateAuthenticator auth(file(QStringLiteral("cert.pem")), file(QStringLiteral("key-enc.pem")),
                                  kPassphrase);
    QVERIFY(!auth.validate().isError());
    ApiError error;
    const auto payload = auth.buildPayload(1'750'736'826'000, &error);
    QVERIFY(payload);
    QVERIFY(verifies(payload->data, payload->signature));
}

void TestCertificateAuth::encryptedKeyWrongOrMissingPassphrase()
{
    CertificateAuthenticator wrong(file(QStringLiteral("cert.pem")), file(QStringLiteral("key-enc.pem")),
                                   "not-it");
    ApiError error = wrong.validate();
    QCOMPARE(int(error.category), int(ErrorCategory::Auth));
    QVERIFY2(error.message.contains(QStringLiteral("passphrase does not unlock")), qPrintable(error.message));
    QVERIFY(!error.toString().contains(QStringLiteral("not-it")));
    CertificateAuthenticator none(file(QStringLiteral("cert.pem")), file(QStringLiteral("key-enc.pem")));
    error = none.validate();
    QVERIFY2(error.message.contains(QStringLiteral("no passphrase")), qPrintable(error.message));
}

void TestCertificateAuth::keyCertificateMismatch()
{
    CertificateAuthenticator auth(file(QStringLiteral("cert.pem")), file(QStringLiteral("other.pem")));
    const ApiError error = auth.validate();
    QCOMPARE(int(error.category), int(ErrorCategory::BadInput));
    QVERIFY2(error.message.contains(QStringLiteral("does not belong")), qPrintable(error.message));
}

void TestCertificateAuth::unreadableMaterial()
{
    CertificateAuthenticator garbageKey(file(QStringLiteral("cert.pem")),
                                        "-----BEGIN PRIVATE KEY-----\nnope\n");
    QVERIFY(garbageKey.validate().message.contains(QStringLiteral("private key could not be read")));
    CertificateAuthenticator garbageCert("not a certificate", file(QStringLiteral("key.pem")));
    QVERIFY(garbageCert.validate().message.contains(QStringLiteral("certificate could not be read")));
    ApiError error;
    QVERIFY(!CertificateAuthenticator::fromFiles(m_dir.filePath(QStringLiteral("missing.pem")),
                                                 m_dir.filePath(QStringLiteral("key.pem")), {},
                                                 CertificateAuthenticator::Format::V2, &error));
    QCOMPARE(int(error.category), int(ErrorCategory::LocalIo));
    QVERIFY(error.object.endsWith(QStringLiteral("missing.pem")));
    error = {};
    auto ok = CertificateAuthenticator::fromFiles(m_dir.filePath(QStringLiteral("cert.pem")),
                                                  m_dir.filePath(QStringLiteral("key-enc.pem")), kPassphrase,
                                                  CertificateAuthenticator::Format::V2, &error);
    QVERIFY(ok);
    QVERIFY(!ok->validate().isError());
}

void TestCertificateAuth::localFailureStopsWithoutNetwork()
{
    NetKit kit;
    kit.transport->setAuthenticator(std::make_shared<CertificateAuthenticator>(
        file(QStringLiteral("cert.pem")), file(QStringLiteral("key-enc.pem")), "wrong"));
    int prompts = 0;
    connect(kit.transport.get(), &Transport::credentialsRejected, this, [&] { ++prompts; });
    auto a = kit.run(kit.get(QStringLiteral("/2/0/a"), Idempotency::Safe, true));
    auto b = kit.run(kit.get(QStringLiteral("/2/0/b"), Idempotency::Safe, true));
    QCOMPARE(int(a->error().category), int(ErrorCategory::Auth));
    QCOMPARE(int(b->error().category), int(ErrorCategory::Auth));
    QCOMPARE(kit.nam.count(), 0);
    QCOMPARE(prompts, 1);
}

QTEST_GUILESS_MAIN(TestCertificateAuth)
#include "tst_CertificateAuth.moc"
