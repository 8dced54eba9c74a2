#pragma once
// Chooses what to sync into (or compare with) the selected target model: a source model, then one of its
// revisions that the target can take (GET …/alm/syncableRevisions?sourceModelId=…, newest first). Both lists
// load asynchronously; failures show inline.
#include "AlmClient.h"
#include "BulkClient.h"
#include "Connection.h" // the clients keep a QPointer<Connection>: copies need the full type

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;

namespace anadesk {

class InlineBanner;

struct AlmTaskChoice
{
    QString sourceModelId;
    QString sourceModelName;
    QString sourceRevisionId;
    QString sourceRevisionName;
    QString targetRevisionId;
};

class AlmSourceDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose
    {
        Sync,
        Compare
    };

    // target: an AlmClient on the target model; targetLatest: its latest revision.
    AlmSourceDialog(Purpose purpose, const AlmClient &target, const QString &targetName,
                    const Revision &targetLatest, QWidget *parent = nullptr);
    ~AlmSourceDialog() override;

    Purpose purpose() const { return m_purpose; }
    QComboBox *modelCombo() const { return m_models; }
    QListWidget *revisionList() const { return m_revisions; }
    InlineBanner *banner() const { return m_banner; }
    bool isLoading() const { return !m_modelsJob.isNull() || !m_revisionsJob.isNull(); }
    // Selects a source model by id (once the models are listed); false when it is not listed.
    bool selectSourceModel(const QString &modelId);
    // Selects a revision by id (once listed); false when it is not syncable.
    bool selectRevision(const QString &revisionId);
    AlmTaskChoice choice() const;

    void accept() override;

Q_SIGNALS:
    void chosen(const anadesk::AlmTaskChoice &choice);
    void revisionsListed();

private:
    void loadModels();
    void loadRevisions();
    void updateOk();

    Purpose m_purpose;
    AlmClient m_target;
    QString m_targetName;
    Revision m_targetLatest;
    QComboBox *m_models;
    QListWidget *m_revisions;
    QLabel *m_revisionNote;
    InlineBanner *m_banner;
    QDialogButtonBox *m_buttons;
    QPointer<Job> m_modelsJob;
    QPointer<Job> m_revisionsJob;
};

} // namespace anadesk
