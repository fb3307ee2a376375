// SPDX-License-Identifier: GPL-3.0-or-later
#include "githubappsection.h"

#include "appsettings.h"
#include "notechondriaclient.h"
#include "secretstore.h"

#include <QDesktopServices>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {
constexpr auto nameKey = "githubApp/name"_L1;
constexpr auto clientIdKey = "githubApp/clientId"_L1;
constexpr auto installUrlKey = "githubApp/installUrl"_L1;
constexpr qint64 maxKeyBytes = qint64(64) * 1024;
} // namespace

GitHubAppSection::GitHubAppSection(SecretStore *secrets, QWidget *parent)
    : QGroupBox(tr("GitHub App (local mode)"), parent)
    , m_secrets(secrets)
    , m_name(new QLineEdit(this))
    , m_clientId(new QLineEdit(this))
    , m_installUrl(new QLineEdit(this))
    , m_importKey(new QPushButton(tr("&Import private key…"), this))
    , m_keyState(new QLabel(this))
    , m_createApp(new QPushButton(tr("&Create the GitHub App for me"), this))
    , m_createState(new QLabel(this))
{
    setObjectName(u"githubAppSection"_s);
    m_name->setObjectName(u"appNameEdit"_s);
    m_clientId->setObjectName(u"clientIdEdit"_s);
    m_installUrl->setObjectName(u"installUrlEdit"_s);
    m_installUrl->setPlaceholderText(u"https://github.com/apps/<name>/installations/new"_s);
    m_importKey->setObjectName(u"importKeyButton"_s);
    m_keyState->setObjectName(u"privateKeyStateLabel"_s);
    m_keyState->setWordWrap(true);
    QSettings settings;
    m_name->setText(settings.value(nameKey).toString());
    m_clientId->setText(settings.value(clientIdKey).toString());
    m_installUrl->setText(settings.value(installUrlKey).toString());

    m_createApp->setObjectName(u"createAppButton"_s);
    m_createState->setObjectName(u"createAppStateLabel"_s);
    m_createState->setWordWrap(true);
    m_createState->setText(tr("GitHub creates the App from a description this app sends (its name, read and write "
                              "access to repository contents, no webhook); the fields below are then filled in."));

    auto *form = new QFormLayout(this);
    form->addRow(m_createApp);
    form->addRow(m_createState);
    form->addRow(tr("App &name"), m_name);
    form->addRow(tr("&Client id"), m_clientId);
    form->addRow(tr("Install &URL"), m_installUrl);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyState, 1);
    keyRow->addWidget(m_importKey);
    form->addRow(tr("Private key"), keyRow);

    for (QLineEdit *edit : {m_name, m_clientId, m_installUrl}) {
        connect(edit, &QLineEdit::editingFinished, this, &GitHubAppSection::save);
    }
    connect(m_importKey, &QPushButton::clicked, this, &GitHubAppSection::chooseKeyFile);
    connect(m_createApp, &QPushButton::clicked, this, [this] { createApp(); });
}

QCoro::Task<> GitHubAppSection::createApp()
{
    if (!m_client) {
        co_return;
    }
    QPointer<GitHubAppSection> self(this);
    m_createApp->setEnabled(false);
    m_createState->setText(tr("Preparing the App's description…"));
    const Result<QJsonObject> started = co_await m_client->startAppManifest();
    if (!self) {
        co_return;
    }
    m_createApp->setEnabled(true);
    if (!started) {
        m_createState->setText(started.error().message());
        co_return;
    }
    const QUrl url(started->value("url"_L1).toString());
    if (!QDesktopServices::openUrl(url)) {
        m_createState->setText(tr("Open this page in your browser to create the App: %1").arg(url.toString()));
        co_return;
    }
    m_createState->setText(tr("GitHub is open in your browser: press Create there, then install the App on the "
                              "account that owns the backup repository."));
}

void GitHubAppSection::appCreated(const QString &slug)
{
    const QSettings settings;
    m_name->setText(settings.value(nameKey).toString());
    m_clientId->setText(settings.value(clientIdKey).toString());
    m_installUrl->setText(settings.value(installUrlKey).toString());
    m_createState->setText(tr("GitHub App %1 created and its private key stored. Install it on the account that owns "
                              "the backup repository.")
            .arg(slug));
    refreshKeyState();
    Q_EMIT appConfigChanged();
}

void GitHubAppSection::overlaySettings(AppConfig &config)
{
    AppSettings::load().overlay(config);
}

void GitHubAppSection::save()
{
    QSettings settings;
    const QString name = m_name->text().trimmed();
    const QString clientId = m_clientId->text().trimmed();
    const QString installUrl = m_installUrl->text().trimmed();
    if (settings.value(nameKey).toString() == name && settings.value(clientIdKey).toString() == clientId
        && settings.value(installUrlKey).toString() == installUrl) {
        return;
    }
    settings.setValue(nameKey, name);
    settings.setValue(clientIdKey, clientId);
    settings.setValue(installUrlKey, installUrl);
    Q_EMIT appConfigChanged();
}

void GitHubAppSection::chooseKeyFile()
{
    auto *dialog = new QFileDialog(
        this, tr("Import the GitHub App private key"), QString(), tr("PEM private keys (*.pem);;All files (*)"));
    dialog->setObjectName(u"privateKeyFileDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { importPrivateKey(path); });
    dialog->open();
}

QCoro::Task<> GitHubAppSection::importPrivateKey(QString path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxKeyBytes) {
        m_keyState->setText(tr("Private key not imported: Frontend.Settings/github_app.import_key — cannot read %1 "
                               "(missing, unreadable or larger than 64 KiB).")
                .arg(path));
        co_return;
    }
    const QString pem = QString::fromUtf8(file.readAll());
    if (!pem.contains("-----BEGIN"_L1) || !pem.contains("PRIVATE KEY-----"_L1)) {
        m_keyState->setText(tr("Private key not imported: Frontend.Settings/github_app.import_key — %1 is not a PEM "
                               "private key.")
                .arg(path));
        co_return;
    }
    if (!m_secrets) {
        co_return;
    }
    QPointer<GitHubAppSection> self(this);
    const Result<void> stored = co_await m_secrets->write(QString::fromUtf16(SecretKeys::AppPrivateKey), pem);
    if (!self) {
        co_return;
    }
    if (!stored) {
        m_keyState->setText(stored.error().message());
        co_return;
    }
    m_keyState->setText(tr("Private key stored in the %1.").arg(m_secrets->backendName()));
    Q_EMIT appConfigChanged();
}

QCoro::Task<> GitHubAppSection::refreshKeyState()
{
    if (!m_secrets) {
        co_return;
    }
    QPointer<GitHubAppSection> self(this);
    const Result<std::optional<QString>> key = co_await m_secrets->read(QString::fromUtf16(SecretKeys::AppPrivateKey));
    if (!self) {
        co_return;
    }
    if (!key) {
        m_keyState->setText(key.error().message());
    } else if (*key) {
        m_keyState->setText(tr("Private key stored in the %1.").arg(m_secrets->backendName()));
    } else {
        m_keyState->setText(tr("No private key yet: import the .pem file GitHub gave you for the App."));
    }
}

} // namespace Notechondria
