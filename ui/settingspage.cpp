// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingspage.h"

#include "connectionsection.h"
#include "githubappsection.h"
#include "importdialog.h"
#include "localpasswordsection.h"
#include "notechondriaclient.h"
#include "schedulesection.h"
#include "secretstorebanner.h"
#include "synccard.h"

#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

SettingsPage::SettingsPage(NotechondriaClient *client, SecretStore *secrets, const Clock *clock, QWidget *parent)
    : QScrollArea(parent)
    , m_client(client)
{
    setObjectName(u"settingsPage"_s);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    m_connection = new ConnectionSection(secrets, content);
    m_app = new GitHubAppSection(secrets, content);
    m_app->setClient(client);
    m_password = new LocalPasswordSection(client, content);
    m_card = new SyncCard(clock, content);
    m_schedule = new ScheduleSection(clock, content);
    layout->addWidget(new SecretStoreBanner(secrets, content));
    layout->addWidget(m_connection);
    layout->addWidget(m_password);
    layout->addWidget(m_app);
    layout->addWidget(m_card);
    layout->addWidget(m_schedule);
    layout->addWidget(makeImportSection(content));
    layout->addStretch();
    setWidget(content);

    connect(m_connection, &ConnectionSection::localSelected, this, &SettingsPage::useLocal);
    connect(m_connection, &ConnectionSection::remoteConfigured, this, &SettingsPage::useRemote);
    // A changed App (install URL, key) changes what the local status answers.
    connect(m_app, &GitHubAppSection::appConfigChanged, m_card, &SyncCard::refresh);
}

void SettingsPage::setLocalEndpoint(const QUrl &baseUrl, const QString &apiKey, const QString &state)
{
    m_localUrl = baseUrl;
    m_localKey = apiKey;
    m_connection->setLocalServerState(state);
    m_connection->setLocalServerAddress(baseUrl);
    if (m_connection->mode() == ConnectionSection::Mode::Local) {
        useLocal();
    }
}

void SettingsPage::start()
{
    m_app->refreshKeyState();
    m_connection->load();
}

QWidget *SettingsPage::makeImportSection(QWidget *parent)
{
    m_import = new QGroupBox(tr("Bring an account home"), parent);
    m_import->setObjectName(u"importSection"_s);
    auto *layout = new QVBoxLayout(m_import);
    auto *text = new QLabel(tr("Copy your account from a Notechondria server (such as the web service) into the notes "
                               "on this computer, to keep working without it."),
        m_import);
    text->setWordWrap(true);
    auto *button = new QPushButton(tr("Import from server\u2026"), m_import);
    button->setObjectName(u"importFromServerButton"_s);
    layout->addWidget(text);
    layout->addWidget(button, 0, Qt::AlignLeft);
    connect(button, &QPushButton::clicked, this, [this] {
        auto *dialog = new ImportDialog(m_client, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    return m_import;
}

void SettingsPage::useLocal()
{
    m_app->setVisible(true);
    m_import->setVisible(true);
    m_password->setVisible(true);
    m_schedule->setVisible(true);
    if (m_client) {
        m_client->setBaseUrl(m_localUrl);
        m_client->setApiKey(m_localKey);
    }
    if (!m_localUrl.isEmpty()) {
        m_password->refresh();
    }
    m_card->setClient(m_client, SyncCard::Backend::Local);
    Q_EMIT clientReconfigured();
}

void SettingsPage::useRemote(const QUrl &url, const QString &key)
{
    m_app->setVisible(false);
    m_import->setVisible(false); // an import fills the local store
    m_password->setVisible(false); // a remote server has its own sign-in
    m_schedule->setVisible(false); // the schedule backs up the local store
    if (m_client) {
        m_client->setBaseUrl(url);
        m_client->setApiKey(key);
    }
    m_card->setClient(m_client, SyncCard::Backend::Remote);
    Q_EMIT clientReconfigured();
}

} // namespace Notechondria
