// Keyboard only: Tab walks the connection manager, the settings dialog and the sign-in prompt in reading
// order and reaches every visible control exactly once; every labelled field and every button has a
// mnemonic, and no two visible ones share a letter; every menu action has a mnemonic, and the actions of
// the main window are reachable by shortcut or menu mnemonic.
#include "ShellTestKit.h"
#include "shell/ConnectionManagerDialog.h"
#include "shell/MainWindow.h"
#include "shell/ProfileEditor.h"
#include "shell/SecretPromptDialog.h"
#include "shell/SettingsDialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>
#include <QtTest>

#include <memory>

using namespace anadesk;
using namespace shelltest;

namespace {

QString describe(const QWidget *widget)
{
    return widget->objectName().isEmpty() ? QString::fromLatin1(widget->metaObject()->className())
                                          : widget->objectName();
}

// Controls that Tab must reach: visible, enabled, tab-focusable, not standing in for another widget.
QList<QWidget *> tabStops(QWidget *root)
{
    QList<QWidget *> stops;
    for (QWidget *widget : root->findChildren<QWidget *>()) {
        if (widget->isVisibleTo(root) && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus)
            && !widget->focusProxy() && widget->isWindow() == false)
            stops << widget;
    }
    return stops;
}

// Presses Tab (or Shift+Tab) from `start` until the focus comes back to it; the widgets focused on the way.
QList<QWidget *> walkTabOrder(QWidget *start, bool backwards = false)
{
    QList<QWidget *> visited;
    start->setFocus(Qt::TabFocusReason);
    QTest::qWait(1);
    QWidget *first = QApplication::focusWidget();
    if (!first)
        return visited;
    visited << first;
    for (int i = 0; i < 200; ++i) {
        QTest::keyClick(QApplication::focusWidget(), backwards ? Qt::Key_Backtab : Qt::Key_Tab,
                        backwards ? Qt::ShiftModifier : Qt::NoModifier);
        QWidget *now = QApplication::focusWidget();
        if (!now || now == first)
            break;
        visited << now;
    }
    return visited;
}

// The position of `widget` in `root` for reading order: top first, then left.
QPoint placeIn(const QWidget *widget, const QWidget *root)
{
    return widget->mapTo(root, QPoint(0, 0));
}

// Fails the test (with names) unless `visited` reaches every stop once and, among `ordered` ones, goes
// top to bottom (left to right within a row).
void checkWalk(QWidget *root, const QList<QWidget *> &visited, const QWidget *orderedWithin)
{
    QStringList duplicates;
    QSet<QWidget *> seen;
    for (QWidget *widget : visited) {
        if (seen.contains(widget))
            duplicates << describe(widget);
        seen.insert(widget);
    }
    QVERIFY2(duplicates.isEmpty(), qPrintable(QStringLiteral("reached twice: ") + duplicates.join(u", ").left(300)));
    QStringList missing;
    for (QWidget *widget : tabStops(root)) {
        if (!seen.contains(widget))
            missing << describe(widget);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("never reached by Tab: ") + missing.join(u", ")));
    QWidget *previous = nullptr;
    for (QWidget *widget : visited) {
        if (!orderedWithin->isAncestorOf(widget))
            continue;
        if (previous) {
            const QPoint a = placeIn(previous, orderedWithin);
            const QPoint b = placeIn(widget, orderedWithin);
            const bool sameRow = qAbs(a.y() - b.y()) < qMin(previous->height(), widget->height()) / 2 + 1;
            const bool forward = sameRow ? b.x() > a.x() : b.y() > a.y();
            QVERIFY2(forward, qPrintable(QStringLiteral("Tab goes back from %1 (%2,%3) to %4 (%5,%6)")
                                             .arg(describe(previous))
                                             .arg(a.x())
                                             .arg(a.y())
                                             .arg(describe(widget))
                                             .arg(b.x())
                                             .arg(b.y())));
        }
        previous = widget;
    }
}

QChar mnemonicOf(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("&([^&])"));
    const QRegularExpressionMatch match = pattern.match(QString(text).replace(QStringLiteral("&&"), QString()));
    return match.hasMatch() ? match.captured(1).at(0).toLower() : QChar();
}

// Every visible labelled field and button has a mnemonic; no letter is used twice among visible ones.
// `exempt`: buttons that need none (Close, OK, Cancel: Escape and Enter).
void checkMnemonics(QWidget *root, const QStringList &exempt = {})
{
    QHash<QChar, QStringList> users;
    QStringList without;
    for (QLabel *label : root->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(root) || !label->buddy())
            continue;
        const QChar letter = mnemonicOf(label->text());
        if (letter.isNull())
            without << label->text();
        else
            users[letter] << label->text();
    }
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(root) || button->text().isEmpty() || exempt.contains(button->objectName()))
            continue;
        if (auto *box = qobject_cast<QDialogButtonBox *>(button->parentWidget());
            box && box->standardButton(button) != QDialogButtonBox::NoButton
            && box->standardButton(button) != QDialogButtonBox::RestoreDefaults)
            continue;
        const QChar letter = mnemonicOf(button->text());
        if (letter.isNull())
            without << button->text();
        else
            users[letter] << button->text();
    }
    QVERIFY2(without.isEmpty(), qPrintable(QStringLiteral("no mnemonic: ") + without.join(u" | ")));
    QStringList clashes;
    for (auto it = users.constBegin(); it != users.constEnd(); ++it) {
        if (it.value().size() > 1)
            clashes << QString(it.key()) + QStringLiteral(": ") + it.value().join(u" / ");
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(QStringLiteral("mnemonic used twice: ") + clashes.join(u"; ")));
}

// The connection manager's full cycle, both ways: every stop once, the form in reading order, the dialog's
// buttons last and left to right, and Shift+Tab the exact reverse of Tab. Returns the forward walk.
QList<QWidget *> checkConnectionManagerCycle(ConnectionManagerDialog &dialog)
{
    QWidget *list = dialog.findChild<QWidget *>(QStringLiteral("profileList"));
    const QList<QWidget *> visited = walkTabOrder(list);
    QStringList names;
    for (QWidget *widget : visited)
        names << describe(widget);
    qInfo().noquote() << "tab order:" << names.join(QStringLiteral(" → "));
    checkWalk(&dialog, visited, dialog.editor());
    if (QTest::currentTestFailed())
        return visited;
    const auto *box = dialog.findChild<QDialogButtonBox *>();
    const auto onScreen = [box](const QWidget *widget) { return widget->mapTo(box, QPoint(0, 0)).x(); };
    qsizetype enabledButtons = 0;
    for (const QAbstractButton *button : box->buttons())
        enabledButtons += button->isEnabled() && button->isVisibleTo(&dialog) ? 1 : 0;
    int buttonsSeen = 0;
    for (qsizetype i = 0; i < visited.size(); ++i) {
        if (!box->isAncestorOf(visited.at(i)))
            continue;
        ++buttonsSeen;
        // The buttons close the cycle, each right of the one before.
        const QString walk = names.join(u' ');
        if (!QTest::qVerify(i >= visited.size() - enabledButtons, "dialog button early", qPrintable(walk),
                            __FILE__, __LINE__))
            return visited;
        if (buttonsSeen > 1
            && !QTest::qVerify(onScreen(visited.at(i)) > onScreen(visited.at(i - 1)),
                               "dialog buttons not left to right", qPrintable(walk), __FILE__, __LINE__))
            return visited;
    }
    if (!QTest::qVerify(buttonsSeen == enabledButtons, "buttonsSeen == enabledButtons", "dialog buttons",
                        __FILE__, __LINE__))
        return visited;
    QList<QWidget *> reversed = {visited.constFirst()};
    for (qsizetype i = visited.size() - 1; i > 0; --i)
        reversed << visited.at(i);
    const QList<QWidget *> back = walkTabOrder(list, true);
    QStringList backNames;
    for (QWidget *widget : back)
        backNames << describe(widget);
    const QString backWalk = QStringLiteral("Shift+Tab: ") + backNames.join(QStringLiteral(" → "));
    QTest::qVerify(back == reversed, "back == reversed", qPrintable(backWalk), __FILE__, __LINE__);
    return visited;
}

} // namespace

class TestShellKeyboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void connectionManagerTabOrder();
    void connectionManagerWithManualProxyTabOrder();
    void settingsDialogTabOrder();
    void secretPromptTabOrder();
    void mainWindowActionsReachableByKeyboard();
};

void TestShellKeyboard::connectionManagerTabOrder()
{
    ShellKit kit;
    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("Keyboard"));
    profile.userEmail = QStringLiteral("someone@example.com");
    QVERIFY(kit.profiles->save(profile).isEmpty());
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.selectProfile(profile.id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const QList<QWidget *> visited = checkConnectionManagerCycle(dialog);
    if (QTest::currentTestFailed())
        return;
    // The list, its buttons, the form, then the dialog's buttons.
    QCOMPARE(describe(visited.at(0)), QStringLiteral("profileList"));
    QCOMPARE(describe(visited.at(1)), QStringLiteral("addProfile"));
    QCOMPARE(describe(visited.at(2)), QStringLiteral("removeProfile"));
    QCOMPARE(describe(visited.at(3)), QStringLiteral("profileName"));
    QVERIFY(visited.contains(dialog.findChild<QWidget *>(QStringLiteral("closeConnections"))));
    checkMnemonics(&dialog, {QStringLiteral("closeConnections")});

    // An edit enables Save: one stop more, still once each.
    QTest::keyClicks(dialog.editor()->nameEdit(), QStringLiteral(" 2"));
    QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("saveProfile"))->isEnabled());
    const QList<QWidget *> dirty = checkConnectionManagerCycle(dialog);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(dirty.size(), visited.size() + 1);

    // A style change makes the button box lay its buttons out again (and take its first one as focus proxy).
    std::unique_ptr<QStyle> style(QStyleFactory::create(QStringLiteral("Windows")));
    QVERIFY(style);
    auto *box = dialog.findChild<QDialogButtonBox *>();
    box->setStyle(style.get());
    QTRY_VERIFY(box->focusProxy() == nullptr);
    const QList<QWidget *> restyled = checkConnectionManagerCycle(dialog);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(restyled.size(), dirty.size());
    box->setStyle(nullptr); // before `style` goes

    // Mnemonics still act: Alt+V focuses the list (its label's buddy), Alt+A adds a connection.
    dialog.editor()->nameEdit()->setFocus();
    QTest::keyClick(&dialog, Qt::Key_V, Qt::AltModifier);
    QTRY_COMPARE(describe(QApplication::focusWidget()), QStringLiteral("profileList"));
    QVERIFY(!dialog.isCurrentProfileNew());
    QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);
    QTRY_VERIFY(dialog.isCurrentProfileNew());
    std::printf("FIGURE: ui_tab_stops_connection_manager=%d with_save=%d\n",
                int(QSet<QWidget *>(visited.begin(), visited.end()).size()), int(dirty.size()));
}

void TestShellKeyboard::connectionManagerWithManualProxyTabOrder()
{
    ShellKit kit;
    ConnectionProfile profile = ConnectionProfile::create(QStringLiteral("Proxied"));
    profile.endpointMode = EndpointMode::SingleOrigin;
    profile.singleOrigin = QUrl(QStringLiteral("http://127.0.0.1:1"));
    profile.authMethod = AuthMethod::Token;
    profile.proxy.mode = ProxySettings::Mode::Manual;
    profile.proxy.host = QStringLiteral("proxy.example.com");
    profile.proxy.port = 3128;
    profile.proxy.user = QStringLiteral("someone");
    QVERIFY(kit.profiles->save(profile).isEmpty());
    ConnectionManagerDialog dialog(kit.services(), ClientSettings{});
    dialog.selectProfile(profile.id);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const QList<QWidget *> visited = checkConnectionManagerCycle(dialog);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(visited.contains(dialog.findChild<QWidget *>(QStringLiteral("proxyPassword"))));
    QVERIFY(visited.contains(dialog.findChild<QWidget *>(QStringLiteral("token"))));
    std::printf("FIGURE: ui_tab_stops_connection_manager_manual_proxy=%d\n",
                int(QSet<QWidget *>(visited.begin(), visited.end()).size()));
}

void TestShellKeyboard::settingsDialogTabOrder()
{
    ClientSettings settings;
    settings.proxyMode = ClientSettings::ProxyMode::Manual;
    settings.proxyHost = QStringLiteral("proxy.example.com");
    settings.proxyPort = 3128;
    SettingsDialog dialog(settings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    const QList<QWidget *> visited = walkTabOrder(dialog.findChild<QWidget *>(QStringLiteral("timeoutSeconds")));
    QStringList names;
    for (QWidget *widget : visited)
        names << describe(widget);
    qInfo().noquote() << "tab order:" << names.join(QStringLiteral(" → "));
    // Reading order over the form (the button box is last, its buttons in the platform's order).
    checkWalk(&dialog, visited, &dialog);
    QCOMPARE(describe(visited.constFirst()), QStringLiteral("timeoutSeconds"));
    QVERIFY(visited.indexOf(dialog.findChild<QWidget *>(QStringLiteral("proxyPort")))
            < visited.indexOf(dialog.findChild<QWidget *>(QStringLiteral("restoreDefaults"))));
    checkMnemonics(&dialog);
    std::printf("FIGURE: ui_tab_stops_settings=%d\n", int(visited.size()));
}

void TestShellKeyboard::secretPromptTabOrder()
{
    SecretRequest request;
    request.purpose = SecretPurpose::Proxy;
    request.profile = ConnectionProfile::create(QStringLiteral("Prompt"));
    request.kinds = {SecretKind::ProxyPassword};
    request.offerRemember = true;
    request.askProxyUser = true;
    SecretPromptDialog prompt(request);
    prompt.show();
    QVERIFY(QTest::qWaitForWindowActive(&prompt));
    QCOMPARE(QApplication::focusWidget(), prompt.proxyUserField()); // typing starts at once
    const QList<QWidget *> visited = walkTabOrder(prompt.proxyUserField());
    checkWalk(&prompt, visited, &prompt);
    QCOMPARE(visited.at(1), prompt.field(SecretKind::ProxyPassword));
    QCOMPARE(visited.at(2), prompt.rememberBox());
    checkMnemonics(&prompt);
}

void TestShellKeyboard::mainWindowActionsReachableByKeyboard()
{
    ShellKit kit;
    MainWindow window(kit.services());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    int actions = 0;
    for (QAction *menuAction : window.menuBar()->actions()) {
        QVERIFY2(!mnemonicOf(menuAction->text()).isNull(), qPrintable(menuAction->text()));
        QMenu *menu = menuAction->menu();
        QVERIFY(menu);
        QHash<QChar, QString> letters;
        for (QAction *action : menu->actions()) {
            if (action->isSeparator() || action->menu())
                continue;
            ++actions;
            const QChar letter = mnemonicOf(action->text());
            QVERIFY2(!letter.isNull(), qPrintable(action->text())); // reachable as Alt+menu, letter
            QVERIFY2(!letters.contains(letter),
                     qPrintable(action->text() + QStringLiteral(" / ") + letters.value(letter)));
            letters.insert(letter, action->text());
        }
    }
    // The sign-in-again action exists, has a shortcut and waits for a rejected session.
    auto *again = window.findChild<QAction *>(QStringLiteral("actionSignInAgain"));
    QVERIFY(again);
    QVERIFY(!again->shortcut().isEmpty());
    QVERIFY(!again->isEnabled());
    std::printf("FIGURE: ui_menu_actions_with_mnemonic=%d\n", actions);
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestShellKeyboard test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ShellKeyboard.moc"
