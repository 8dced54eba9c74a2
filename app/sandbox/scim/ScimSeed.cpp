#include "ScimSeed.h"

#include <QSet>

namespace sandbox::scim {

namespace {

// A small deterministic generator (SplitMix64): the same seed gives the same people on every platform.
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }

private:
    quint64 m_state;
};

const char *const kGivenNames[] = {
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Sophia", "Mateo", "Isabella", "Elijah", "Mia", "James",
    "Charlotte", "Benjamin", "Amelia", "Henry", "Harper", "Theodore", "Evelyn", "Oliver", "Aisha", "Arjun",
    "Priya", "Rohan", "Mei", "Wei", "Yuki", "Haruto", "Sakura", "Kenji", "Fatima", "Omar", "Layla", "Youssef",
    "Chloé", "Léa", "Hugo", "Inès", "Jonas", "Lena", "Felix", "Zoë", "José", "María", "Sofía", "Diego",
    "Lucía", "Björn", "Ingrid", "Sven", "Astrid", "Niamh", "Seán", "Aoife", "Chiara", "Giulia", "Marco",
    "Luca", "Ana", "João", "Tomás", "Olga", "Dmitri", "Anya", "Kwame", "Amara", "Chidi", "Zanele", "Thabo",
    "Grace", "Daniel", "Samuel", "Hannah", "Rachel", "David", "Sarah", "Michael", "Laura", "Peter", "Nora"};

const char *const kFamilyNames[] = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
    "Hernández", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
    "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Dubois", "Lefèvre", "Moreau", "Laurent", "Rossi",
    "Russo", "Ferrari", "Esposito", "Silva", "Santos", "Oliveira", "Kowalski", "Nowak", "Novák", "Horváth",
    "Andersson", "Johansson", "Nilsson", "Ødegaard", "Virtanen", "O'Brien", "Murphy", "Kelly", "Tanaka",
    "Suzuki", "Watanabe", "Kim", "Park", "Chen", "Wang", "Li", "Zhang", "Nguyen", "Tran", "Patel", "Sharma",
    "Singh", "Khan", "Hassan", "Okafor", "Mensah", "Dlamini", "Cohen", "Levi", "Ivanova"};

// "Chloé" -> "chloe", "O'Brien" -> "obrien", "Ødegaard" -> "odegaard": the e-mail local part.
QString asciiFold(const QString &name)
{
    QString out;
    for (QChar c : name.normalized(QString::NormalizationForm_D)) {
        if (c == QChar(0x00D8) || c == QChar(0x00F8)) // Ø ø do not decompose
            out += QLatin1Char('o');
        else if (c.unicode() < 128 && c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

QString hexId(const QString &userName)
{
    return ScimDirectory::idForUserName(userName);
}

} // namespace

QList<UserRecord> seededUsers(int count, const QString &demoUser, const QList<WorkspaceRecord> &workspaces,
                              qint64 anchorMs)
{
    constexpr qint64 kDay = 24LL * 3600 * 1000;
    QList<UserRecord> users;
    users.reserve(count);
    QSet<QString> taken;
    Random random(0x5C1A'2026ULL);

    QStringList allWorkspaces;
    for (const WorkspaceRecord &w : workspaces)
        allWorkspaces.append(w.id);

    const auto add = [&](const QString &email, const QString &given, const QString &family, bool active,
                         const QString &externalId, const QStringList &ws) {
        UserRecord u;
        u.userName = email;
        u.id = hexId(email);
        u.givenName = given;
        u.familyName = family;
        u.active = active;
        u.externalId = externalId;
        u.workspaceIds = ws;
        u.created = anchorMs - kDay * (400 + random.below(1500)) - random.below(int(kDay));
        u.lastModified = u.created + kDay * random.below(300);
        if (u.lastModified > anchorMs)
            u.lastModified = anchorMs - kDay;
        // Active people logged in recently (most within the audit window); some never did.
        const int roll = random.below(100);
        if (active && roll < 80)
            u.lastLoginMs = anchorMs - random.below(int(29 * kDay));
        else if (roll < 92)
            u.lastLoginMs = anchorMs - 31 * kDay - qint64(random.below(200)) * kDay;
        u.emailOptIn = random.below(3) == 0;
        users.append(u);
        taken.insert(email.toLower());
    };

    if (count >= 1)
        add(demoUser, QStringLiteral("Demo"), QStringLiteral("Administrator"), true, QStringLiteral("EMP000001"),
            allWorkspaces);
    if (count >= 2)
        add(QStringLiteral("planner@anadesk.test"), QStringLiteral("Paula"), QStringLiteral("Planner"), true,
            QStringLiteral("EMP000002"), allWorkspaces.mid(0, 2));
    if (count >= 3)
        add(QStringLiteral("viewer@anadesk.test"), QStringLiteral("Victor"), QStringLiteral("Viewer"), true,
            QStringLiteral("EMP000003"), allWorkspaces.mid(0, 1));
    if (!users.isEmpty())
        users.first().lastLoginMs = anchorMs - 3600 * 1000; // the demo account was used an hour ago

    const int givenCount = int(std::size(kGivenNames));
    const int familyCount = int(std::size(kFamilyNames));
    const QStringList domains = {QStringLiteral("anadesk.test"), QStringLiteral("anadesk.test"),
                                 QStringLiteral("anadesk.test"), QStringLiteral("emea.anadesk.test"),
                                 QStringLiteral("partner.example")};
    for (int i = int(users.size()); i < count; ++i) {
        const QString given = QString::fromUtf8(kGivenNames[random.below(givenCount)]);
        const QString family = QString::fromUtf8(kFamilyNames[random.below(familyCount)]);
        const QString domain = domains.at(random.below(int(domains.size())));
        const QString local = asciiFold(given) + QLatin1Char('.') + asciiFold(family);
        QString email = local + QLatin1Char('@') + domain;
        for (int n = 2; taken.contains(email.toLower()); ++n)
            email = local + QString::number(n) + QLatin1Char('@') + domain;
        const bool active = random.below(100) < 88;
        const QString externalId =
            random.below(100) < 85 ? QStringLiteral("EMP%1").arg(i + 1, 6, 10, QLatin1Char('0')) : QString();
        QStringList ws;
        const int grants = active ? random.below(4) : random.below(2); // 0..3 workspaces
        for (int g = 0; g < grants && !allWorkspaces.isEmpty(); ++g) {
            const QString w = allWorkspaces.at(random.below(int(allWorkspaces.size())));
            if (!ws.contains(w))
                ws.append(w);
        }
        add(email, given, family, active, externalId, ws);
    }
    return users;
}

} // namespace sandbox::scim
