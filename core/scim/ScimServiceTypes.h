#pragma once
// SCIM discovery documents (RFC 7643 §5–7) as Anaplan serves them, read tolerantly.
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace anadesk::scim {

struct AuthenticationScheme
{
    QString name;
    QString type;
    QString description;
    QString specUri;
    QString documentationUri;

    static AuthenticationScheme fromJson(const QJsonObject &object);
};

struct ServiceProviderConfig
{
    QStringList schemas;
    QString documentationUri;
    bool patchSupported = false;
    bool changePasswordSupported = false;
    bool sortSupported = false;
    bool etagSupported = false;
    bool bulkSupported = false;
    int bulkMaxOperations = 0;
    qint64 bulkMaxPayloadSize = 0;
    bool filterSupported = false;
    int filterMaxResults = 0; // the largest `count` a page may ask for (100 on Anaplan)
    QList<AuthenticationScheme> authenticationSchemes;

    static ServiceProviderConfig fromJson(const QJsonObject &object);
};

struct ResourceType
{
    QString id;
    QString name;
    QString endpoint; // "/Users"
    QString description;
    QString schema; // the core schema URN
    QStringList schemas;
    QString location;

    static ResourceType fromJson(const QJsonObject &object);
};

struct SchemaAttribute
{
    QString name;
    QString type; // "string", "boolean", "complex", …
    bool multiValued = false;
    QString description;
    bool required = false;
    bool caseExact = false;
    QString mutability;
    QString returned;
    QString uniqueness;
    QList<SchemaAttribute> subAttributes;

    static SchemaAttribute fromJson(const QJsonObject &object);
};

struct Schema
{
    QString id; // the URN
    QString name;
    QString description;
    QList<SchemaAttribute> attributes;
    QString location;

    static Schema fromJson(const QJsonObject &object);
};

} // namespace anadesk::scim
