// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QScrollArea>
#include <QUrl>

class QGroupBox;

namespace Notechondria {

class Clock;
class ConnectionSection;
class GitHubAppSection;
class LocalPasswordSection;
class NotechondriaClient;
class ScheduleSection;
class SecretStore;
class SyncCard;

/// The settings page: the connection, the local server's sign-in password and the GitHub App (local mode), the
/// GitHub Sync card and the automatic backup (local mode), in one scroll area.
class SettingsPage : public QScrollArea
{
    Q_OBJECT

public:
    SettingsPage(NotechondriaClient *client, SecretStore *secrets, const Clock *clock, QWidget *parent = nullptr);

    /// The local server's address and key (empty URL: it is not running, and local mode shows the passive card).
    void setLocalEndpoint(const QUrl &baseUrl, const QString &apiKey, const QString &state);
    /// Loads the stored connection and points the client at it.
    void start();

    [[nodiscard]] SyncCard *syncCard() const { return m_card; }
    [[nodiscard]] ConnectionSection *connectionSection() const { return m_connection; }
    [[nodiscard]] GitHubAppSection *appSection() const { return m_app; }
    [[nodiscard]] LocalPasswordSection *passwordSection() const { return m_password; }
    /// Automatic backup (local mode only: the schedule runs next to the local store).
    [[nodiscard]] ScheduleSection *scheduleSection() const { return m_schedule; }

Q_SIGNALS:
    /// The client now points somewhere else (local or remote).
    void clientReconfigured();

private:
    QWidget *makeImportSection(QWidget *parent);
    void useLocal();
    void useRemote(const QUrl &url, const QString &key);

    QPointer<NotechondriaClient> m_client;
    ConnectionSection *m_connection;
    GitHubAppSection *m_app;
    LocalPasswordSection *m_password; ///< Settings → Local server, local mode only
    SyncCard *m_card;
    ScheduleSection *m_schedule; ///< Settings → Automatic backup, local mode only
    QGroupBox *m_import = nullptr; ///< "Import from server…", local mode only
    QUrl m_localUrl;
    QString m_localKey;
};

} // namespace Notechondria
