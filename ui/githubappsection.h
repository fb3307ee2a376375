// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appconfig.h"

#include <QCoroTask>
#include <QGroupBox>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Notechondria {

class NotechondriaClient;
class SecretStore;

/**
 * The GitHub App the local server acts as: name, client id and install URL (plain settings) and the private
 * key, imported from a .pem file straight into the SecretStore (never shown, never in QSettings).
 */
class GitHubAppSection : public QGroupBox
{
    Q_OBJECT

public:
    GitHubAppSection(SecretStore *secrets, QWidget *parent = nullptr);

    /// The saved name, client id and install URL laid over `config` (saved, non-empty values win).
    static void overlaySettings(AppConfig &config);
    /// Reads a PEM file and stores it in the SecretStore; says so (or why not) in the section.
    QCoro::Task<> importPrivateKey(QString path);
    /// Shows whether a private key is stored (without reading it out).
    QCoro::Task<> refreshKeyState();
    /// The server that creates the App (GitHub's App Manifest flow) for *Create the GitHub App for me*.
    void setClient(NotechondriaClient *client) { m_client = client; }
    /// Starts the creation: asks the server for the manifest page and opens it in the browser.
    QCoro::Task<> createApp();
    /// The server created App @p slug: shows the saved settings and the stored key, emits appConfigChanged.
    void appCreated(const QString &slug);

Q_SIGNALS:
    /// The App settings or key changed; the composition root rebuilds the GitHub configuration.
    void appConfigChanged();

private:
    void save();
    void chooseKeyFile();

    QPointer<SecretStore> m_secrets;
    QLineEdit *m_name;
    QLineEdit *m_clientId;
    QLineEdit *m_installUrl;
    QPushButton *m_importKey;
    QLabel *m_keyState;
    QPushButton *m_createApp;
    QLabel *m_createState;
    QPointer<NotechondriaClient> m_client;
};

} // namespace Notechondria
