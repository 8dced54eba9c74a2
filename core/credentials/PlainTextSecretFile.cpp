#include "PlainTextSecretFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace anadesk {

namespace {

constexpr QFileDevice::Permissions kOwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerOnlyDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

// The whole document; an empty object when the file does not exist.
std::optional<QJsonObject> load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly)) {
        *error = PlainTextSecretFile::tr("cannot read %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return std::nullopt;
    }
    QByteArray bytes = file.readAll();
    QJsonParseError parse;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parse);
    wipe(bytes);
    if (!document.isObject()) {
        *error = PlainTextSecretFile::tr(
                     "%1 is not a valid secrets file (%2); delete it and save the secrets again")
                     .arg(QDir::toNativeSeparators(path), parse.errorString());
        return std::nullopt;
    }
    return document.object();
}

bool save(const QString &path, const QJsonObject &secrets, QString *error)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    if (!dir.exists()) {
        if (!dir.mkpath(QStringLiteral("."))) {
            *error = PlainTextSecretFile::tr("cannot create the folder %1")
                         .arg(QDir::toNativeSeparators(dir.absolutePath()));
            return false;
        }
        QFile::setPermissions(dir.absolutePath(), kOwnerOnlyDir);
    }
    // Create the file owner-only first: QSaveFile keeps the permissions of an existing file, so the
    // secrets are never readable by others, not even for a moment.
    if (!info.exists()) {
        QFile create(path);
        if (!create.open(QIODevice::WriteOnly) || !create.setPermissions(kOwnerOnlyFile)) {
            *error = PlainTextSecretFile::tr("cannot create %1: %2")
                         .arg(QDir::toNativeSeparators(path), create.errorString());
            return false;
        }
    } else {
        QFile::setPermissions(path, kOwnerOnlyFile);
    }
    QJsonObject document;
    document.insert(QStringLiteral("warning"),
                    QStringLiteral("Anadesk plain-text secrets (no keychain available and the user chose to "
                                   "store secrets unencrypted). Values are base64, NOT encrypted."));
    document.insert(QStringLiteral("secrets"), secrets);
    QByteArray bytes = QJsonDocument(document).toJson(QJsonDocument::Indented);
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
    wipe(bytes);
    if (!ok) {
        *error = PlainTextSecretFile::tr("cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    QFile::setPermissions(path, kOwnerOnlyFile);
    return true;
}

} // namespace

PlainTextSecretFile::PlainTextSecretFile(QString filePath)
    : m_filePath(filePath.isEmpty() ? defaultFilePath() : std::move(filePath))
{}

QString PlainTextSecretFile::defaultFilePath()
{
    // The app's data folder (e.g. ~/.local/share/Anadesk/Anadesk), away from the settings file.
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/plaintext-secrets.json");
}

bool PlainTextSecretFile::exists() const
{
    return QFileInfo::exists(m_filePath);
}

std::optional<SecretBytes> PlainTextSecretFile::read(const QString &key, QString *error) const
{
    error->clear();
    const auto document = load(m_filePath, error);
    if (!document)
        return std::nullopt;
    const QJsonValue value = document->value(QStringLiteral("secrets")).toObject().value(key);
    if (!value.isString())
        return std::nullopt;
    return SecretBytes(QByteArray::fromBase64(value.toString().toLatin1()));
}

bool PlainTextSecretFile::write(const QString &key, const SecretBytes &secret, QString *error)
{
    error->clear();
    const auto document = load(m_filePath, error);
    if (!document)
        return false;
    QJsonObject secrets = document->value(QStringLiteral("secrets")).toObject();
    secrets.insert(key, QString::fromLatin1(secret.bytes().toBase64()));
    return save(m_filePath, secrets, error);
}

bool PlainTextSecretFile::remove(const QString &key, QString *error)
{
    error->clear();
    if (!exists())
        return true;
    const auto document = load(m_filePath, error);
    if (!document)
        return false;
    QJsonObject secrets = document->value(QStringLiteral("secrets")).toObject();
    if (!secrets.contains(key))
        return true;
    secrets.remove(key);
    if (secrets.isEmpty()) {
        if (QFile::remove(m_filePath))
            return true;
        *error = PlainTextSecretFile::tr("cannot delete %1").arg(QDir::toNativeSeparators(m_filePath));
        return false;
    }
    return save(m_filePath, secrets, error);
}

} // namespace anadesk
