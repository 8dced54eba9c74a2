#pragma once
// Turns what a person typed — an id or a name — into the object's id, listing only when needed:
// a string already shaped like an id of the wanted kind (12 digits with the right prefix; 32 hex
// characters for workspaces and models) is taken as it is, without a request.
#include "BulkPaths.h"
#include "Job.h"
#include "NameResolver.h"

#include <QPointer>

namespace anadesk {

class Transport;

enum class ObjectKind {
    Workspace,
    Model,   // within the client's workspace when it has one, else among all models
    File,
    Import,
    Export,
    Process,
    Action,  // "other actions" only
    Runnable // any of import, export, action, process (what runAction accepts)
};

QString objectKindNoun(ObjectKind kind);

class ResolveJob : public Job
{
    Q_OBJECT
public:
    ResolveJob(Transport *transport, const ModelRef &model, ObjectKind kind, const QString &idOrName,
               QObject *parent = nullptr);
    ~ResolveJob() override;

    QString id() const { return m_resolved.id; }
    QString name() const { return m_resolved.name; } // empty when taken from an id without listing
    const NamedObject &object() const { return m_resolved; }
    bool listed() const { return m_listed; }

protected:
    void doStart() override;
    void doAbort() override;

private:
    void listNext();

    Transport *m_transport;
    ModelRef m_model;
    ObjectKind m_kind;
    QString m_wanted;
    QList<ObjectKind> m_pending;
    QList<NamedObject> m_candidates;
    NamedObject m_resolved;
    bool m_listed = false;
    QPointer<Job> m_child;
};

} // namespace anadesk
