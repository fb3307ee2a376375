// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appconfig.h"
#include "error.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoroTask>
#include <QJsonDocument>
#include <QStringList>
#include <QTextStream>

class QNetworkAccessManager;

namespace Notechondria {
class Clock;
}

namespace Notechondria::Cli {

/// The local store of the data folder and the repository it is connected to.
struct ConnectedStore
{
    std::unique_ptr<Store> store;
    GitHubIntegration integration;
};

/// What every subcommand gets: its arguments, the data folder, stdout/stderr, and the shared services.
class Context
{
public:
    Context(QString command, QStringList arguments, QString dataDir, QNetworkAccessManager *nam, Clock *clock);

    [[nodiscard]] const QString &command() const { return m_command; }
    /// The arguments after the subcommand name, with the program name prepended (ready for QCommandLineParser).
    [[nodiscard]] const QStringList &arguments() const { return m_arguments; }
    [[nodiscard]] const QString &dataDir() const { return m_dataDir; }
    [[nodiscard]] QNetworkAccessManager *network() const { return m_nam; }
    [[nodiscard]] Clock *clock() const { return m_clock; }

    /// Parses the arguments; on a parse error prints it with the usage and returns false (the caller returns 2).
    [[nodiscard]] bool parse(QCommandLineParser &parser, const QString &description);

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    /**
     * The GitHub App to act as: GITHUB_DATA_SYNC_APP_* and GITHUB_API_URL first; what the environment leaves open
     * from the saved App settings (AppSettings, e.g. written by `app-create` or the settings page) and the private
     * key from the secret store of the data folder.
     */
    [[nodiscard]] QCoro::Task<AppConfig> appConfig();

    /**
     * Opens the local store of the data folder and reads its GitHub link; when no repository is connected, the error
     * "<consequence>: <module> — no repository is connected (…)".
     */
    [[nodiscard]] Result<ConnectedStore> openConnected(const QString &consequence, const QString &module) const;
    /// @p text as a full 40-character commit id in lower case; "" when it is not one.
    [[nodiscard]] static QString fullCommitId(const QString &text);

    /// Prints the document on stdout (indented JSON, one trailing newline).
    void printJson(const QJsonDocument &document);
    /// Prints the error's three-part message on stderr and returns 1.
    int failure(const Error &error);
    /// Prints a three-part usage message on stderr and returns 2.
    int usageError(const QString &cause);

private:
    QString m_command;
    QStringList m_arguments;
    QString m_dataDir;
    QNetworkAccessManager *m_nam;
    Clock *m_clock;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace Notechondria::Cli
