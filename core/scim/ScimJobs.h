#pragma once
// One job per SCIM endpoint (anaplan-api.md §12), all under {api}/scim/1/0/v2:
//   GET   ServiceProviderConfig → GetServiceProviderConfigJob
//   GET   ResourceTypes         → GetResourceTypesJob
//   GET   Schemas               → GetSchemasJob
//   GET   Users (paged)         → ListUsersJob (ScimPagedJob; filter, 1-based startIndex, count ≤ 100)
//   GET   Users/{id}            → GetUserJob
//   POST  Users                 → AddUserJob      (never re-sent blindly: it may have been applied)
//   PUT   Users/{id}            → PutUserJob      (the raw replace; see ReplaceUserJob for the safe one)
//   PATCH Users/{id}            → PatchUserJob    (never re-sent blindly)
// Anaplan has no DELETE of users and no Groups.
#include "ScimFilter.h"
#include "ScimPagedJob.h"
#include "ScimPatch.h"
#include "ScimPaths.h"
#include "ScimServiceTypes.h"
#include "ScimUser.h"
#include "api/ApiJob.h"

namespace anadesk::scim {

class GetServiceProviderConfigJob : public ApiJob
{
    Q_OBJECT
public:
    explicit GetServiceProviderConfigJob(Transport *transport, QObject *parent = nullptr);
    const ServiceProviderConfig &config() const { return m_config; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    ServiceProviderConfig m_config;
};

class GetResourceTypesJob : public ApiJob
{
    Q_OBJECT
public:
    explicit GetResourceTypesJob(Transport *transport, QObject *parent = nullptr);
    const QList<ResourceType> &resourceTypes() const { return m_types; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QList<ResourceType> m_types;
};

class GetSchemasJob : public ApiJob
{
    Q_OBJECT
public:
    explicit GetSchemasJob(Transport *transport, QObject *parent = nullptr);
    const QList<Schema> &schemas() const { return m_schemas; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    QList<Schema> m_schemas;
};

// Every user matching `filter` (empty: all), in the server's order. An invalid filter or a page size
// outside 1..100 fails with BadInput before anything is sent.
class ListUsersJob : public ScimPagedJob
{
    Q_OBJECT
public:
    ListUsersJob(Transport *transport, const Filter &filter = {}, int pageSize = kMaxPageSize,
                 QObject *parent = nullptr);
    const QList<User> &users() const { return m_users; }
    QString filterText() const { return m_filterText; }

protected:
    QStringList storePage(int pageIndex, const QJsonArray &resources) override;
    void assemblePages() override;

private:
    QString m_filterText;
    QList<QList<User>> m_pages;
    QList<User> m_users;
};

class GetUserJob : public ApiJob
{
    Q_OBJECT
public:
    GetUserJob(Transport *transport, const QString &userId, QObject *parent = nullptr);
    const User &user() const { return m_user; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    User m_user;
};

class AddUserJob : public ApiJob
{
    Q_OBJECT
public:
    AddUserJob(Transport *transport, const UserInput &input, QObject *parent = nullptr);
    const User &user() const { return m_user; } // as created (with its new id)

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    User m_user;
};

// The plain PUT: sends the input exactly — without entitlements Anaplan removes every workspace.
class PutUserJob : public ApiJob
{
    Q_OBJECT
public:
    PutUserJob(Transport *transport, const QString &userId, const UserInput &input,
               QObject *parent = nullptr);
    const User &user() const { return m_user; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    User m_user;
};

class PatchUserJob : public ApiJob
{
    Q_OBJECT
public:
    PatchUserJob(Transport *transport, const QString &userId, const QList<PatchOperation> &operations,
                 QObject *parent = nullptr);
    const User &user() const { return m_user; }

protected:
    ApiError parseJson(const QJsonObject &json) override;

private:
    User m_user;
};

} // namespace anadesk::scim
