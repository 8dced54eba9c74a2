#include "CreateRevisionDialog.h"

#include "AlmErrors.h"
#include "Connection.h"
#include "browser/InlineBanner.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace anadesk {

namespace {
constexpr int kMaxName = 60;
constexpr int kMaxDescription = 250;
} // namespace

CreateRevisionDialog::CreateRevisionDialog(const AlmClient &client, const QString &modelName, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_modelName(modelName)
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_counts(new QLabel(this))
    , m_banner(new InlineBanner(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("createRevisionDialog"));
    setWindowTitle(tr("Create Revision of %1").arg(modelName));
    m_name->setObjectName(QStringLiteral("revisionNameEdit"));
    m_name->setMaxLength(kMaxName);
    m_name->setPlaceholderText(tr("e.g. Release 2.0"));
    m_description->setObjectName(QStringLiteral("revisionDescriptionEdit"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("What changed (optional)"));
    m_counts->setObjectName(QStringLiteral("revisionLengthLabel"));
    m_banner->setObjectName(QStringLiteral("createRevisionBanner"));
    m_buttons->setObjectName(QStringLiteral("createRevisionButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    auto *explanation = new QLabel(tr("A revision tag records the structure of %1 as it is now, so it can be "
                                      "synchronised to other models.")
                                       .arg(modelName),
                                   this);
    explanation->setWordWrap(true);
    auto *form = new QFormLayout;
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto *descriptionLabel = new QLabel(tr("&Description:"), this);
    descriptionLabel->setBuddy(m_description);
    form->addRow(nameLabel, m_name);
    form->addRow(descriptionLabel, m_description);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(m_counts);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateRevisionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CreateRevisionDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CreateRevisionDialog::updateCounts);
    connect(m_description, &QPlainTextEdit::textChanged, this, &CreateRevisionDialog::updateCounts);
    updateCounts();
}

CreateRevisionDialog::~CreateRevisionDialog()
{
    // A revision being created is not aborted: the request may already be applied; the list shows it later.
    if (m_job)
        disconnect(m_job, nullptr, this, nullptr);
}

void CreateRevisionDialog::updateCounts()
{
    const auto description = m_description->toPlainText().size();
    m_counts->setText(tr("Name %1/%2 characters, description %3/%4 characters")
                          .arg(m_name->text().size())
                          .arg(kMaxName)
                          .arg(description)
                          .arg(kMaxDescription));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!isCreating() && !m_name->text().trimmed().isEmpty() && description <= kMaxDescription);
}

void CreateRevisionDialog::accept()
{
    if (isCreating())
        return;
    const QString name = m_name->text().trimmed();
    const QString description = m_description->toPlainText().trimmed();
    if (name.isEmpty() || description.size() > kMaxDescription) {
        m_banner->showMessage(
            InlineBanner::Level::Error,
            tr("A revision needs a name of 1 to %1 characters and a description of at most %2. "
               "What to do: shorten or fill in the fields.")
                .arg(kMaxName)
                .arg(kMaxDescription));
        return;
    }
    m_banner->clear();
    CreateRevisionJob *job = m_client.createRevision(name, description);
    m_job = job;
    connect(job, &Job::finished, this, [this, job] {
        m_job = nullptr;
        unsetCursor();
        updateCounts();
        if (!job->isSucceeded()) {
            m_banner->showMessage(
                InlineBanner::Level::Error,
                almErrorText(tr("Creating the revision of %1").arg(m_modelName), job->error()));
            return;
        }
        Q_EMIT revisionCreated(job->revision());
        QDialog::accept();
    });
    setCursor(Qt::BusyCursor);
    updateCounts();
}

} // namespace anadesk
