// SPDX-License-Identifier: GPL-3.0-or-later
#include "importdialog.h"

#include "notechondriaclient.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

int countOf(const QJsonObject &summary, const QString &part, const QString &what)
{
    return summary.value(part).toObject().value(what).toInt();
}

QString partName(const QString &part)
{
    if (part == u"notes"_s)
        return ImportDialog::tr("notes");
    if (part == u"courses"_s)
        return ImportDialog::tr("courses");
    if (part == u"events"_s)
        return ImportDialog::tr("planner events");
    if (part == u"feeds"_s)
        return ImportDialog::tr("calendar feeds");
    if (part == u"recycle_bin"_s)
        return ImportDialog::tr("the recycle bin");
    if (part == u"assets"_s)
        return ImportDialog::tr("files (covers, attachments, avatar)");
    return ImportDialog::tr("the profile");
}

} // namespace

ImportDialog::ImportDialog(NotechondriaClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(u"importDialog"_s);
    setWindowTitle(tr("Import from server"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Brings your account from a Notechondria server (the web service, or another "
                                "computer's app) into this computer's notes: settings, courses, notes, planner "
                                "events and calendar feeds. Importing again brings only what changed."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"importUrlEdit"_s);
    m_url->setPlaceholderText(u"https://notes.example.org"_s);
    m_key = new QLineEdit(this);
    m_key->setObjectName(u"importKeyEdit"_s);
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("API key (ntc_…), from the server's settings"));
    form->addRow(tr("Server address:"), m_url);
    form->addRow(tr("API key:"), m_key);
    layout->addLayout(form);
    m_assets = new QCheckBox(tr("Also covers, attachments and the avatar"), this);
    m_assets->setObjectName(u"importAssetsCheck"_s);
    layout->addWidget(m_assets);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"importProgressBar"_s);
    m_progress->setVisible(false);
    m_progress->setTextVisible(true);
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(u"importStatusLabel"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_error = new QLabel(this);
    m_error->setObjectName(u"importErrorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: palette(highlighted-text); background: #b3261e; padding: 4px;"_s);
    m_error->setVisible(false);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_start = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_start->setObjectName(u"importStartButton"_s);
    m_start->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, [this] { start(); });
    const auto updateEnabled = [this] {
        m_start->setEnabled(!m_busy && !m_url->text().trimmed().isEmpty() && !m_key->text().trimmed().isEmpty());
    };
    connect(m_url, &QLineEdit::textChanged, this, updateEnabled);
    connect(m_key, &QLineEdit::textChanged, this, updateEnabled);
    m_timer = new QTimer(this);
    m_timer->setInterval(400);
    connect(m_timer, &QTimer::timeout, this, [this] { poll(); });
}

QString ImportDialog::outcomeText(const QJsonObject &summary)
{
    const QStringList parts{u"notes"_s, u"courses"_s, u"events"_s, u"feeds"_s, u"assets"_s};
    QStringList came;
    for (const QString &part : parts) {
        const int created = countOf(summary, part, u"created"_s);
        const int updated = countOf(summary, part, u"updated"_s);
        if (created + updated > 0)
            came.append(
                tr("%1 %2 (%3 new, %4 changed)").arg(created + updated).arg(partName(part)).arg(created).arg(updated));
    }
    QString text = came.isEmpty() ? tr("Nothing to import: this computer already has everything the server has.")
                                  : tr("Imported %1.").arg(came.join(u", "_s));
    if (countOf(summary, u"profile"_s, u"updated"_s) > 0)
        text += u' ' + tr("Your profile and settings were updated.");
    const int failed = summary.value(u"failed"_s).toInt();
    if (failed > 0)
        text += u' ' + tr("%n item(s) could not be imported; the list is below.", nullptr, failed);
    return text;
}

QCoro::Task<> ImportDialog::start()
{
    if (!m_client || m_busy)
        co_return;
    QPointer<ImportDialog> self(this);
    m_error->setVisible(false);
    setBusy(true);
    m_status->setText(tr("Connecting to the server…"));
    QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    auto started = co_await m_client->startImport(
        NotechondriaClient::normalizedBaseUrl(url), m_key->text().trimmed(), false, m_assets->isChecked());
    if (!self)
        co_return;
    if (!started) {
        setBusy(false);
        m_status->clear();
        showError(tr("The import could not start. %1").arg(started.error().message()));
        co_return;
    }
    m_timer->start();
}

QCoro::Task<> ImportDialog::poll()
{
    if (!m_client || m_polling)
        co_return;
    m_polling = true;
    QPointer<ImportDialog> self(this);
    auto status = co_await m_client->importStatus();
    if (!self)
        co_return;
    m_polling = false;
    if (!status) {
        m_timer->stop();
        setBusy(false);
        showError(tr("Lost track of the import. %1").arg(status.error().message()));
        co_return;
    }
    if (status->value(u"running"_s).toBool()) {
        const int done = status->value(u"done"_s).toInt();
        const int total = status->value(u"total"_s).toInt();
        m_progress->setRange(0, std::max(total, 0));
        m_progress->setValue(done);
        const QString part = status->value(u"part"_s).toString();
        m_status->setText(part.isEmpty() ? tr("Reading the account…")
                : total > 0              ? tr("Importing %1: %2 of %3").arg(partName(part)).arg(done).arg(total)
                                         : tr("Importing %1: %2").arg(partName(part)).arg(done));
        co_return;
    }
    m_timer->stop();
    setBusy(false);
    if (!status->value(u"error"_s).isNull()) {
        m_status->clear();
        showError(tr("The import stopped; what came in so far is kept. %1").arg(status->value(u"error"_s).toString()));
        Q_EMIT failed(status->value(u"error"_s).toString());
        co_return;
    }
    const QJsonObject summary = status->value(u"summary"_s).toObject();
    m_status->setText(outcomeText(summary));
    QStringList problems;
    for (const QJsonValue problem : summary.value(u"problems"_s).toArray())
        problems.append(problem.toString());
    if (!problems.isEmpty())
        showError(problems.join(u'\n'));
    Q_EMIT finished(summary);
}

void ImportDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    if (busy)
        m_progress->setRange(0, 0);
    m_url->setEnabled(!busy);
    m_key->setEnabled(!busy);
    m_start->setEnabled(!busy && !m_url->text().trimmed().isEmpty() && !m_key->text().trimmed().isEmpty());
}

void ImportDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(true);
}

} // namespace Notechondria
