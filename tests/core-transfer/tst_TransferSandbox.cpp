// Upload → download through the real anadesk-sandbox on loopback (real QNAM, real sockets), comparing
// SHA-256 of generated data; and the transport faults of T-UP-02 and T-DL-01/02/03 injected by the
// sandbox itself (/__sandbox/faults), checked afterwards to have actually fired.
#include "HttpProbe.h"
#include "SandboxProcess.h"
#include "auth/BasicAuthenticator.h"
#include "net/Transport.h"
#include "transfer/DownloadJob.h"
#include "transfer/Sha256.h"
#include "transfer/UploadJob.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace anadesk;
using namespace anadesk::test;

namespace {

void figure(const QString &line)
{
    std::printf("FIGURE: %s\n", qPrintable(line));
    std::fflush(stdout);
}

// Generated CSV with multi-byte text, written straight to disk (never held whole when large).
QByteArray writeCsv(const QString &path, qint64 bytes, quint32 seed)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QRandomGenerator rng(seed);
    Sha256 sha;
    qint64 written = 0;
    QByteArray block;
    while (written < bytes) {
        block.clear();
        while (block.size() < 1 << 20) {
            block += rng.bounded(2) ? "EMEA,Zürich," : "APAC,東京,";
            block += QByteArray::number(rng.bounded(1'000'000)) + ",FY25," + QByteArray::number(rng.generate() % 9973)
                     + "\r\n";
        }
        block.truncate(int(qMin<qint64>(block.size(), bytes - written)));
        file.write(block);
        sha.addData(block);
        written += block.size();
    }
    return sha.result();
}

QByteArray fileSha(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    Sha256 sha;
    while (!file.atEnd())
        sha.addData(file.read(1 << 20));
    return sha.result();
}

bool waitFinished(TransferJob &job, int timeoutMs = 120'000)
{
    QSignalSpy spy(&job, &TransferJob::finished);
    if (job.state() == TransferJob::State::Idle)
        job.start();
    return spy.count() > 0 || spy.wait(timeoutMs);
}

} // namespace

class TestTransferSandbox : public QObject
{
    Q_OBJECT

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<HttpProbe> m_probe;
    QString m_ws;
    QString m_model;
    QTemporaryDir m_dir;

    std::unique_ptr<Transport> transport(ClientOptions options = {})
    {
        options.workspaceId = m_ws;
        options.modelId = m_model;
        auto t = std::make_unique<Transport>(Endpoints::singleOrigin(m_sandbox->url()), options);
        t->setAuthenticator(std::make_shared<BasicAuthenticator>(SandboxProcess::demoUser(),
                                                                 SandboxProcess::demoPassword().toUtf8()));
        return t;
    }

    FileLocation uploadFile() const
    {
        FileLocation l;
        l.fileId = QStringLiteral("113000000001");
        l.displayName = QStringLiteral("Sales.csv");
        return l;
    }

    int addFault(const QJsonObject &rule)
    {
        const ProbeReply reply = m_probe->request("POST", QStringLiteral("/__sandbox/faults"),
                                                  QJsonDocument(rule).toJson(QJsonDocument::Compact),
                                                  {{"Content-Type", "application/json"}});
        if (reply.status != 201)
            qWarning("fault not added: %s", reply.body.constData());
        return reply.json().value(QStringLiteral("rules")).toArray().first().toObject().value(QStringLiteral("id")).toInt();
    }

    int fired(int id)
    {
        const QJsonArray rules = m_probe->get(QStringLiteral("/__sandbox/faults")).json().value(QStringLiteral("rules")).toArray();
        for (const QJsonValue &rule : rules)
            if (rule.toObject().value(QStringLiteral("id")).toInt() == id)
                return rule.toObject().value(QStringLiteral("fired")).toInt();
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (SandboxProcess::binaryPath().isEmpty())
            QSKIP("ANADESK_SANDBOX_BIN not set");
        QVERIFY(m_dir.isValid());
        m_sandbox = std::make_unique<SandboxProcess>();
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
        m_probe = std::make_unique<HttpProbe>(m_sandbox->url());
        const ProbeReply login = m_probe->loginBasic(SandboxProcess::demoUser(), SandboxProcess::demoPassword());
        QVERIFY2(login.status == 201 || login.status == 200, login.body.constData());
        // The seeded demo workspace and model, as documented in `anadesk-sandbox --help`.
        QProcess help;
        help.start(SandboxProcess::binaryPath(), {QStringLiteral("--help")});
        QVERIFY(help.waitForFinished(10'000));
        const QString text = QString::fromUtf8(help.readAllStandardOutput()).simplified();
        const QRegularExpression ids(QStringLiteral("Seeded demo workspace ([0-9a-f]+), model ([0-9A-F]+)"));
        const QRegularExpressionMatch match = ids.match(text);
        QVERIFY2(match.hasMatch(), qPrintable(text));
        m_ws = match.captured(1);
        m_model = match.captured(2);
        QVERIFY(!m_model.isEmpty());
    }

    void cleanup()
    {
        if (m_probe)
            m_probe->request("DELETE", QStringLiteral("/__sandbox/faults"));
    }

    void endToEndUploadDownload()
    {
        const QString source = m_dir.filePath(QStringLiteral("e2e.csv"));
        const qint64 size = 24'000'123;
        const QByteArray sourceSha = writeCsv(source, size, 11);
        ClientOptions options;
        options.uploadChunkSize = 4'000'000;
        options.uploadConcurrency = 2;
        auto t = transport(options);

        UploadJob up(t.get(), uploadFile());
        up.setSourceFile(source);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(waitFinished(up));
        QVERIFY2(up.isOk(), qPrintable(up.error().toString()));
        const qint64 upMs = timer.restart();
        QVERIFY(up.plan().chunkCount() >= 6);
        QVERIFY(up.plan().boundaryAdjusted);

        DownloadJob down(t.get(), uploadFile());
        const QString target = m_dir.filePath(QStringLiteral("e2e-back.csv"));
        down.setTargetPath(target);
        QVERIFY(waitFinished(down));
        QVERIFY2(down.isOk(), qPrintable(down.error().toString()));
        const qint64 downMs = timer.elapsed();
        QCOMPARE(down.fileSize(), size);
        QCOMPARE(down.sha256(), sourceSha);
        QCOMPARE(fileSha(target), sourceSha);
        QCOMPARE(down.chunksFetched(), up.plan().chunkCount());
        figure(QStringLiteral("transfer-e2e bytes=%1 chunks=%2 wire_bytes=%3 sha256_match=1 upload_ms=%4 download_ms=%5")
                   .arg(size).arg(up.plan().chunkCount()).arg(up.wireBytesSent()).arg(upMs).arg(downMs));
    }

    void streamUploadThenStreamDownload()
    {
        auto t = transport();
        UploadStreamJob up(t.get(), uploadFile());
        QSignalSpy done(&up, &TransferJob::finished);
        up.start();
        QByteArray all;
        for (int i = 0; i < 5; ++i) {
            QByteArray piece;
            for (int r = 0; r < 40'000; ++r)
                piece += "stream," + QByteArray::number(i) + ',' + QByteArray::number(r) + ",Ünïcode\n";
            QTRY_VERIFY_WITH_TIMEOUT(up.canPush(), 30'000);
            QVERIFY(up.pushChunk(piece));
            all += piece;
        }
        up.finishInput();
        QVERIFY(done.count() > 0 || done.wait(60'000));
        QVERIFY2(up.isOk(), qPrintable(up.error().toString()));

        DownloadStreamJob down(t.get(), uploadFile());
        QByteArray back;
        connect(&down, &DownloadStreamJob::chunkReady, this, [&](int, const QByteArray &data) { back += data; });
        QVERIFY(waitFinished(down));
        QVERIFY2(down.isOk(), qPrintable(down.error().toString()));
        QCOMPARE(Sha256::hash(back), Sha256::hash(all));
        QCOMPARE(down.manifest().chunks.size(), 5);
    }

    void tUp02ResetMidChunkOnTheWire()
    {
        const QString source = m_dir.filePath(QStringLiteral("reset.csv"));
        const QByteArray sourceSha = writeCsv(source, 8'000'000, 12);
        ClientOptions options;
        options.uploadChunkSize = 2'000'000;
        options.compressionLevel = 0; // raw bodies: 2 MB per chunk, so the reset lands after 64 KiB of it
        options.backoffMs = 50;
        options.retryCount = 3;
        auto t = transport(options);
        const int rule = addFault({{QStringLiteral("kind"), QStringLiteral("reset")},
                                   {QStringLiteral("method"), QStringLiteral("PUT")},
                                   {QStringLiteral("path"), QStringLiteral("/2/0/workspaces/*/models/*/files/*/chunks/3")},
                                   {QStringLiteral("phase"), QStringLiteral("request")},
                                   {QStringLiteral("afterBytes"), 65'536}});
        UploadJob up(t.get(), uploadFile());
        up.setSourceFile(source);
        QVERIFY(waitFinished(up));
        QVERIFY2(up.isOk(), qPrintable(up.error().toString()));
        QCOMPARE(fired(rule), 1);
        DownloadJob down(t.get(), uploadFile());
        down.setTargetPath(m_dir.filePath(QStringLiteral("reset-back.csv")));
        QVERIFY(waitFinished(down));
        QVERIFY(down.isOk());
        const bool match = down.sha256() == sourceSha;
        QVERIFY(match);
        figure(QStringLiteral("T-UP-02 layer=sandbox faults_injected=1 faults_fired=%1 chunk_bytes=%2 sha256_match=%3")
                   .arg(fired(rule)).arg(up.manifest().chunks[3].size).arg(match ? 1 : 0));
    }

    void tDlFaultsOnTheWire_data()
    {
        QTest::addColumn<QJsonObject>("rule");
        QTest::addColumn<QString>("id");
        const QString path = QStringLiteral("/2/0/workspaces/*/models/*/files/*/chunks/2");
        QTest::newRow("close-mid-body (FIN)") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("close-mid-body")},
                                                             {QStringLiteral("method"), QStringLiteral("GET")},
                                                             {QStringLiteral("path"), path}}
                                              << QStringLiteral("T-DL-01 cut=fin");
        QTest::newRow("reset in response (RST)") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("reset")},
                                                                {QStringLiteral("method"), QStringLiteral("GET")},
                                                                {QStringLiteral("path"), path},
                                                                {QStringLiteral("phase"), QStringLiteral("response")},
                                                                {QStringLiteral("afterBytes"), 100'000}}
                                                 << QStringLiteral("T-DL-01 cut=rst");
        QTest::newRow("short-body") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("short-body")},
                                                   {QStringLiteral("method"), QStringLiteral("GET")},
                                                   {QStringLiteral("path"), path}}
                                    << QStringLiteral("T-DL-02");
        QTest::newRow("hang") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("hang")},
                                             {QStringLiteral("method"), QStringLiteral("GET")},
                                             {QStringLiteral("path"), path},
                                             {QStringLiteral("phase"), QStringLiteral("response")}}
                              << QStringLiteral("T-DL-03");
    }
    void tDlFaultsOnTheWire()
    {
        QFETCH(QJsonObject, rule);
        QFETCH(QString, id);
        const QString source = m_dir.filePath(QStringLiteral("dl-src.csv"));
        const QByteArray sourceSha = writeCsv(source, 5'000'000, 13);
        ClientOptions options;
        options.uploadChunkSize = 1'000'000;
        options.timeoutMs = 2'000; // the hang case: detected by the idle timeout
        options.backoffMs = 50;
        options.retryCount = 3;
        auto t = transport(options);
        UploadJob up(t.get(), uploadFile());
        up.setSourceFile(source);
        QVERIFY(waitFinished(up));
        QVERIFY2(up.isOk(), qPrintable(up.error().toString()));

        const int ruleId = addFault(rule);
        DownloadJob down(t.get(), uploadFile());
        const QString target = m_dir.filePath(QStringLiteral("dl-") + QString::number(ruleId) + QStringLiteral(".csv"));
        down.setTargetPath(target);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(waitFinished(down));
        QVERIFY2(down.isOk(), qPrintable(down.error().toString()));
        const int firedCount = fired(ruleId);
        QCOMPARE(firedCount, 1);
        const bool match = down.sha256() == sourceSha && fileSha(target) == sourceSha;
        QVERIFY(match);
        figure(QStringLiteral("%1 layer=sandbox faults_injected=1 faults_fired=%2 bytes_verified=%3 sha256_match=%4 "
                              "elapsed_ms=%5")
                   .arg(id).arg(firedCount).arg(down.fileSize()).arg(match ? 1 : 0).arg(timer.elapsed()));
    }
};

QTEST_GUILESS_MAIN(TestTransferSandbox)
#include "tst_TransferSandbox.moc"
