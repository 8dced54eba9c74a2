// The Linux installers as a user gets them: cpack builds the .deb and the portable .tar.gz from this build
// tree into a scratch folder, and the test reads them back with dpkg-deb and tar, validates the desktop entry
// and the AppStream metainfo, and runs the three programs from an unpacked copy (dpkg -x), not from the build
// tree.
#include "ProcessRun.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using anadesk::packaging::haveProgram;
using anadesk::packaging::ProcessResult;
using anadesk::packaging::runProcess;

namespace {

const QString version = QStringLiteral(ANADESK_VERSION);
const QString buildDir = QStringLiteral(ANADESK_BUILD_DIR);
constexpr int cpackTimeoutMs =
    540'000; // generous for a loaded 2-core machine; a quiet one needs well under a minute
constexpr int toolTimeoutMs = 60'000;

const QStringList programs = {QStringLiteral("anadesk"), QStringLiteral("anadesk-cli"),
                              QStringLiteral("anadesk-sandbox")};

// Package names in a Depends/Recommends field ("a (>= 1), b | c" -> a, b, c).
QStringList packageNames(const QString &field)
{
    QStringList names;
    for (const QString &clause : field.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        for (const QString &alternative : clause.split(QLatin1Char('|'), Qt::SkipEmptyParts))
            names << alternative.trimmed().section(QLatin1Char(' '), 0, 0).section(QLatin1Char(':'), 0, 0);
    }
    return names;
}

} // namespace

class DebPackageTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void controlFields();
    void dependsCoversEveryLinkedLibrary();
    void dependsIsSatisfiableHere();
    void contentsAreUnderUsr();
    void binariesCarryNoBuildTreePaths();
    void desktopEntryIsValid();
    void metainfoIsValid();
    void hicolorIconsAreInstalled();
    void unpackedCliAndSandboxRun();
    void unpackedDesktopAppRuns();
    void unpackedAppStartsItsOwnSandbox();
    void portableArchiveRuns();

private:
    QString field(const QString &name) const;
    QString unpacked(const QString &relative) const { return m_root.filePath(relative); }

    QTemporaryDir m_work;    // cpack's output and staging
    QTemporaryDir m_root;    // dpkg -x of the .deb
    QTemporaryDir m_tarRoot; // the .tar.gz unpacked
    QString m_deb;
    QString m_tgz;
    QString m_control;
};

void DebPackageTest::initTestCase()
{
    for (const QString &tool :
         {QStringLiteral("dpkg-deb"), QStringLiteral("dpkg-shlibdeps"), QStringLiteral("tar")})
        QVERIFY2(haveProgram(tool),
                 qPrintable(tool + QStringLiteral(" is missing (scripts/debian-packages.txt)")));
    QVERIFY(m_work.isValid() && m_root.isValid() && m_tarRoot.isValid());

    QElapsedTimer clock;
    clock.start();
    const ProcessResult cpack =
        runProcess(QStringLiteral(ANADESK_CPACK),
                   {QStringLiteral("--config"), buildDir + QStringLiteral("/CPackConfig.cmake"),
                    QStringLiteral("-G"), QStringLiteral("DEB;TGZ"), QStringLiteral("-B"), m_work.path()},
                   cpackTimeoutMs);
    QVERIFY2(cpack.ok(), qPrintable(cpack.describe(QStringLiteral("cpack -G DEB;TGZ"))));
    const qint64 cpackMs = clock.elapsed();

    const QStringList debs = QDir(m_work.path()).entryList({QStringLiteral("*.deb")}, QDir::Files);
    const QStringList tgzs = QDir(m_work.path()).entryList({QStringLiteral("*.tar.gz")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    QCOMPARE(tgzs.size(), 1);
    m_deb = m_work.filePath(debs.first());
    m_tgz = m_work.filePath(tgzs.first());

    const ProcessResult arch =
        runProcess(QStringLiteral("dpkg"), {QStringLiteral("--print-architecture")}, toolTimeoutMs);
    QVERIFY(arch.ok());
    QCOMPARE(debs.first(), QStringLiteral("anadesk_%1_%2.deb").arg(version, arch.out.trimmed()));
    QCOMPARE(tgzs.first(),
             QStringLiteral("anadesk-%1-linux-%2.tar.gz").arg(version, QSysInfo::currentCpuArchitecture()));

    const ProcessResult control =
        runProcess(QStringLiteral("dpkg-deb"), {QStringLiteral("--field"), m_deb}, toolTimeoutMs);
    QVERIFY2(control.ok(), qPrintable(control.describe(QStringLiteral("dpkg-deb --field"))));
    m_control = control.out;

    const ProcessResult extract =
        runProcess(QStringLiteral("dpkg"), {QStringLiteral("-x"), m_deb, m_root.path()}, toolTimeoutMs);
    QVERIFY2(extract.ok(), qPrintable(extract.describe(QStringLiteral("dpkg -x"))));
    const ProcessResult untar =
        runProcess(QStringLiteral("tar"),
                   {QStringLiteral("-xzf"), m_tgz, QStringLiteral("-C"), m_tarRoot.path()}, toolTimeoutMs);
    QVERIFY2(untar.ok(), qPrintable(untar.describe(QStringLiteral("tar -xzf"))));

    qInfo("FIGURE: deb_bytes=%lld tgz_bytes=%lld installed_size_kib=%s cpack_ms=%lld",
          QFileInfo(m_deb).size(), QFileInfo(m_tgz).size(),
          qPrintable(field(QStringLiteral("Installed-Size"))), cpackMs);
}

QString DebPackageTest::field(const QString &name) const
{
    // Control fields: "Name: value", continuation lines start with a space.
    const QRegularExpression re(QStringLiteral("^%1: (.*(?:\\n .*)*)$").arg(QRegularExpression::escape(name)),
                                QRegularExpression::MultilineOption);
    return re.match(m_control).captured(1).trimmed();
}

void DebPackageTest::controlFields()
{
    QCOMPARE(field(QStringLiteral("Package")), QStringLiteral("anadesk"));
    QCOMPARE(field(QStringLiteral("Version")), version);
    QVERIFY2(field(QStringLiteral("Maintainer")).contains(QLatin1Char('@')), qPrintable(m_control));
    QCOMPARE(field(QStringLiteral("Section")), QStringLiteral("misc"));
    QCOMPARE(field(QStringLiteral("Priority")), QStringLiteral("optional"));
    QVERIFY2(field(QStringLiteral("Description"))
                 .startsWith(QStringLiteral("Desktop administration console for Anaplan")),
             qPrintable(m_control));
    QVERIFY2(field(QStringLiteral("Description")).contains(QStringLiteral("anadesk-sandbox")),
             qPrintable(m_control));
    QVERIFY(field(QStringLiteral("Installed-Size")).toInt() > 0);
    const QStringList recommends = packageNames(field(QStringLiteral("Recommends")));
    QVERIFY2(recommends.contains(QStringLiteral("gnome-keyring")), qPrintable(m_control));
}

void DebPackageTest::dependsCoversEveryLinkedLibrary()
{
    // Every shared library the three programs load must come from a package in Depends (dpkg-shlibdeps' job),
    // and the run-time plugins no ELF header names must be listed by hand.
    const QString depends = field(QStringLiteral("Depends"));
    const QStringList names = packageNames(depends);
    for (const QString &plugin :
         {QStringLiteral("libqt6svg6"), QStringLiteral("qt6-qpa-plugins"), QStringLiteral("libsecret-1-0")})
        QVERIFY2(names.contains(plugin),
                 qPrintable(plugin + QStringLiteral(" missing from Depends: ") + depends));
    for (const QString &lib : {QStringLiteral("libqt6core6"), QStringLiteral("libqt6widgets6"),
                               QStringLiteral("libqt6network6"), QStringLiteral("libqt6keychain1"),
                               QStringLiteral("libssl3"), QStringLiteral("zlib1g"), QStringLiteral("libc6")})
        QVERIFY2(names.contains(lib), qPrintable(lib + QStringLiteral(" missing from Depends: ") + depends));
    QVERIFY2(depends.contains(QRegularExpression(QStringLiteral("libqt6core6[^,]*\\(>= 6\\.4"))),
             qPrintable(depends));

    // The libraries each program names itself (NEEDED); ldd's list adds their own dependencies, which the
    // packages of the direct ones already bring.
    static const QRegularExpression neededLine(
        QStringLiteral("\\(NEEDED\\)\\s+Shared library: \\[([^\\]]+)\\]"));
    static const QRegularExpression lddLine(QStringLiteral("^\\s*(?:(\\S+) => )?(/\\S+) \\("),
                                            QRegularExpression::MultilineOption);
    int checked = 0;
    for (const QString &program : programs) {
        const QString binary = unpacked(QStringLiteral("usr/bin/") + program);
        const ProcessResult dynamic =
            runProcess(QStringLiteral("readelf"), {QStringLiteral("-d"), binary}, toolTimeoutMs);
        QVERIFY2(dynamic.ok(), qPrintable(dynamic.describe(QStringLiteral("readelf -d ") + program)));
        QSet<QString> needed;
        for (auto it = neededLine.globalMatch(dynamic.out); it.hasNext();)
            needed.insert(it.next().captured(1));
        QVERIFY2(needed.size() >= 5, qPrintable(dynamic.out));

        const ProcessResult ldd = runProcess(QStringLiteral("ldd"), {binary}, toolTimeoutMs);
        QVERIFY2(ldd.ok(), qPrintable(ldd.describe(QStringLiteral("ldd ") + program)));
        QVERIFY2(!ldd.out.contains(QStringLiteral("not found")), qPrintable(ldd.out));
        int resolved = 0;
        for (auto it = lddLine.globalMatch(ldd.out); it.hasNext();) {
            const auto match = it.next();
            // The dynamic loader appears as a bare path: "/lib64/ld-linux-x86-64.so.2 (0x…)".
            const QString soname =
                match.hasCaptured(1) ? match.captured(1) : QFileInfo(match.captured(2)).fileName();
            if (!needed.contains(soname))
                continue;
            ++resolved;
            const QString path = QFileInfo(match.captured(2)).canonicalFilePath();
            // usrmerge: dpkg may know the file under /lib or under /usr/lib.
            const QString alternate =
                path.startsWith(QStringLiteral("/usr/")) ? path.mid(4) : QStringLiteral("/usr") + path;
            ProcessResult owner =
                runProcess(QStringLiteral("dpkg"), {QStringLiteral("-S"), path}, toolTimeoutMs);
            if (!owner.ok())
                owner = runProcess(QStringLiteral("dpkg"), {QStringLiteral("-S"), alternate}, toolTimeoutMs);
            QVERIFY2(owner.ok(), qPrintable(owner.describe(QStringLiteral("dpkg -S ") + path)));
            const QString package = owner.out.section(QLatin1Char(':'), 0, 0).trimmed();
            QVERIFY2(names.contains(package),
                     qPrintable(QStringLiteral("%1 needs %2 from %3, which Depends lacks: %4")
                                    .arg(program, soname, package, depends)));
            ++checked;
        }
        QCOMPARE(resolved, needed.size()); // every NEEDED entry resolved on this machine and checked
    }
    QVERIFY(checked > 10);
    qInfo("FIGURE: deb_depends=%lld linked_libraries_checked=%d", qint64(names.size()), checked);
}

void DebPackageTest::dependsIsSatisfiableHere()
{
    // This machine is the minimum platform (Debian 12): every Depends clause must be met by what is
    // installed.
    const QString depends = field(QStringLiteral("Depends"));
    static const QRegularExpression versioned(QStringLiteral("^(\\S+)(?:\\s*\\((\\S+)\\s+(\\S+)\\))?$"));
    for (const QString &clause : depends.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool met = false;
        QString why;
        for (const QString &alternative : clause.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
            const auto match = versioned.match(alternative.trimmed());
            QVERIFY2(match.hasMatch(), qPrintable(alternative));
            const QString name = match.captured(1).section(QLatin1Char(':'), 0, 0);
            const ProcessResult installed =
                runProcess(QStringLiteral("dpkg-query"),
                           {QStringLiteral("-W"), QStringLiteral("-f=${Version}"), name}, toolTimeoutMs);
            if (!installed.ok() || installed.out.isEmpty()) {
                why += name + QStringLiteral(" is not installed; ");
                continue;
            }
            if (match.captured(2).isEmpty()) {
                met = true;
                break;
            }
            const ProcessResult compare =
                runProcess(QStringLiteral("dpkg"),
                           {QStringLiteral("--compare-versions"), installed.out.trimmed(), match.captured(2),
                            match.captured(3)},
                           toolTimeoutMs);
            if (compare.ok()) {
                met = true;
                break;
            }
            why += QStringLiteral("%1 %2 is not %3 %4; ")
                       .arg(name, installed.out.trimmed(), match.captured(2), match.captured(3));
        }
        QVERIFY2(met, qPrintable(clause.trimmed() + QStringLiteral(": ") + why));
    }
}

void DebPackageTest::contentsAreUnderUsr()
{
    const ProcessResult listing =
        runProcess(QStringLiteral("dpkg-deb"), {QStringLiteral("--contents"), m_deb}, toolTimeoutMs);
    QVERIFY2(listing.ok(), qPrintable(listing.describe(QStringLiteral("dpkg-deb --contents"))));
    QStringList files;
    for (const QString &line : listing.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString mode = line.section(QLatin1Char(' '), 0, 0);
        const QString path = line.section(QLatin1Char(' '), -1);
        QVERIFY2(path == QStringLiteral("./") || path.startsWith(QStringLiteral("./usr/")), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral(" root/root ")), qPrintable(line));
        if (!mode.startsWith(QLatin1Char('d')))
            files << path.mid(2);
        if (path.startsWith(QStringLiteral("./usr/bin/")) && !mode.startsWith(QLatin1Char('d')))
            QCOMPARE(mode, QStringLiteral("-rwxr-xr-x"));
    }
    const QStringList expected = {QStringLiteral("usr/bin/anadesk"),
                                  QStringLiteral("usr/bin/anadesk-cli"),
                                  QStringLiteral("usr/bin/anadesk-sandbox"),
                                  QStringLiteral("usr/share/applications/anadesk.desktop"),
                                  QStringLiteral("usr/share/metainfo/org.anadesk.Anadesk.metainfo.xml"),
                                  QStringLiteral("usr/share/icons/hicolor/scalable/apps/anadesk.svg"),
                                  QStringLiteral("usr/share/doc/anadesk/README.md"),
                                  QStringLiteral("usr/share/doc/anadesk/copyright")};
    for (const QString &path : expected)
        QVERIFY2(files.contains(path),
                 qPrintable(path + QStringLiteral(" is not in the package:\n") + listing.out));
    qInfo("FIGURE: deb_files=%lld", qint64(files.size()));
}

void DebPackageTest::binariesCarryNoBuildTreePaths()
{
    // CMake drops the build RPATH on install; a package that still pointed into a build tree would work only
    // here.
    for (const QString &program : programs) {
        const QString path = unpacked(QStringLiteral("usr/bin/") + program);
        const ProcessResult dynamic =
            runProcess(QStringLiteral("readelf"), {QStringLiteral("-d"), path}, toolTimeoutMs);
        QVERIFY2(dynamic.ok(), qPrintable(dynamic.describe(QStringLiteral("readelf -d ") + program)));
        QVERIFY2(!dynamic.out.contains(QStringLiteral("RPATH")) &&
                     !dynamic.out.contains(QStringLiteral("RUNPATH")),
                 qPrintable(program + QStringLiteral(": ") + dynamic.out));
        // Stripped (CPACK_STRIP_FILES): no .debug_info section travels in the package.
        const ProcessResult sections =
            runProcess(QStringLiteral("readelf"), {QStringLiteral("-S"), path}, toolTimeoutMs);
        QVERIFY(sections.ok());
        QVERIFY2(!sections.out.contains(QStringLiteral(".debug_info")),
                 qPrintable(program + QStringLiteral(" is not stripped")));
    }
}

void DebPackageTest::desktopEntryIsValid()
{
    const QString desktop = unpacked(QStringLiteral("usr/share/applications/anadesk.desktop"));
    QFile file(desktop);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(QStringLiteral("\nExec=anadesk\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\nIcon=anadesk\n")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("\nExec=anadesk --sandbox\n")), qPrintable(text));
    if (!haveProgram(QStringLiteral("desktop-file-validate")))
        QSKIP("desktop-file-validate is not installed (package desktop-file-utils)");
    const ProcessResult validate =
        runProcess(QStringLiteral("desktop-file-validate"), {desktop}, toolTimeoutMs);
    // It prints hints on stdout with exit 0; errors make it exit non-zero.
    QVERIFY2(validate.ok(), qPrintable(validate.describe(QStringLiteral("desktop-file-validate"))));
    QVERIFY2(!validate.out.contains(QStringLiteral("error:")), qPrintable(validate.out));
}

void DebPackageTest::metainfoIsValid()
{
    const QString metainfo = unpacked(QStringLiteral("usr/share/metainfo/org.anadesk.Anadesk.metainfo.xml"));
    QFile file(metainfo);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(QStringLiteral("<launchable type=\"desktop-id\">anadesk.desktop</launchable>")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("<release version=\"%1\"").arg(version)), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1Char('@')), "an @VARIABLE@ was left unconfigured");
    if (!haveProgram(QStringLiteral("appstreamcli")))
        QSKIP("appstreamcli is not installed (package appstream)");
    const ProcessResult validate = runProcess(
        QStringLiteral("appstreamcli"),
        {QStringLiteral("validate"), QStringLiteral("--no-net"), QStringLiteral("--pedantic"), metainfo},
        toolTimeoutMs);
    QVERIFY2(validate.ok(), qPrintable(validate.describe(QStringLiteral("appstreamcli validate"))));
}

void DebPackageTest::hicolorIconsAreInstalled()
{
    int found = 0;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
        const QString path =
            unpacked(QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/anadesk.png").arg(size));
        QImage image;
        QVERIFY2(image.load(path, "PNG"), qPrintable(path));
        QCOMPARE(image.size(), QSize(size, size));
        ++found;
    }
    QFile svg(unpacked(QStringLiteral("usr/share/icons/hicolor/scalable/apps/anadesk.svg")));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QFile source(QStringLiteral(ANADESK_SOURCE_SVG));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QCOMPARE(svg.readAll(), source.readAll());
    qInfo("FIGURE: hicolor_png_sizes=%d", found);
}

void DebPackageTest::unpackedCliAndSandboxRun()
{
    const ProcessResult cli = runProcess(unpacked(QStringLiteral("usr/bin/anadesk-cli")),
                                         {QStringLiteral("--version")}, toolTimeoutMs);
    QVERIFY2(cli.ok(), qPrintable(cli.describe(QStringLiteral("anadesk-cli --version"))));
    QVERIFY2(cli.all().contains(version), qPrintable(cli.all()));

    const ProcessResult sandbox = runProcess(unpacked(QStringLiteral("usr/bin/anadesk-sandbox")),
                                             {QStringLiteral("--help")}, toolTimeoutMs);
    QVERIFY2(sandbox.ok(), qPrintable(sandbox.describe(QStringLiteral("anadesk-sandbox --help"))));
    QVERIFY2(sandbox.out.contains(QStringLiteral("--port")), qPrintable(sandbox.out));
}

void DebPackageTest::unpackedDesktopAppRuns()
{
    // The GUI program from the package, on Qt's offscreen platform: it starts, loads its libraries, answers.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const ProcessResult app = runProcess(unpacked(QStringLiteral("usr/bin/anadesk")),
                                         {QStringLiteral("--version")}, toolTimeoutMs, env);
    QVERIFY2(app.ok(), qPrintable(app.describe(QStringLiteral("anadesk --version"))));
    QVERIFY2(app.all().contains(version), qPrintable(app.all()));
}

void DebPackageTest::unpackedAppStartsItsOwnSandbox()
{
    // "Try the sandbox" from an installed copy: the app must find anadesk-sandbox next to itself in usr/bin,
    // start it, sign in and show the workspaces; --screenshot then saves the window and quits.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("ANADESK_SANDBOX_BIN")); // no way back to a build tree
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("anadesk.ui.*=true"));
    const QString shot = home.filePath(QStringLiteral("window.png"));
    const ProcessResult app =
        runProcess(unpacked(QStringLiteral("usr/bin/anadesk")),
                   {QStringLiteral("--sandbox"), QStringLiteral("--settings"),
                    home.filePath(QStringLiteral("anadesk.ini")), QStringLiteral("--screenshot"), shot,
                    QStringLiteral("--screenshot-delay"), QStringLiteral("500")},
                   180'000, env, home.path());
    QVERIFY2(app.ok(), qPrintable(app.describe(QStringLiteral("anadesk --sandbox --screenshot"))));
    const QString sandbox =
        QFileInfo(unpacked(QStringLiteral("usr/bin/anadesk-sandbox"))).canonicalFilePath();
    QVERIFY2(app.all().contains(QStringLiteral("starting \"%1\"").arg(sandbox)), qPrintable(app.all()));
    QVERIFY2(app.all().contains(QStringLiteral("Connected to Sandbox")), qPrintable(app.all()));
    QImage window;
    QVERIFY2(window.load(shot, "PNG"), qPrintable(app.all()));
    QVERIFY(window.width() > 200 && window.height() > 200);
}

void DebPackageTest::portableArchiveRuns()
{
    const QString top =
        QStringLiteral("anadesk-%1-linux-%2").arg(version, QSysInfo::currentCpuArchitecture());
    const QDir root(m_tarRoot.filePath(top));
    QVERIFY2(root.exists(), qPrintable(QDir(m_tarRoot.path()).entryList().join(QLatin1Char(' '))));
    for (const QString &path :
         {QStringLiteral("bin/anadesk"), QStringLiteral("share/applications/anadesk.desktop"),
          QStringLiteral("share/icons/hicolor/48x48/apps/anadesk.png"),
          QStringLiteral("share/doc/anadesk/README.md")})
        QVERIFY2(QFileInfo::exists(root.filePath(path)), qPrintable(path));
    const ProcessResult cli = runProcess(root.filePath(QStringLiteral("bin/anadesk-cli")),
                                         {QStringLiteral("--version")}, toolTimeoutMs);
    QVERIFY2(cli.ok(), qPrintable(cli.describe(QStringLiteral("tar.gz anadesk-cli --version"))));
    QVERIFY2(cli.all().contains(version), qPrintable(cli.all()));
}

QTEST_GUILESS_MAIN(DebPackageTest)
#include "tst_DebPackage.moc"
