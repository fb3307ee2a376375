// SPDX-License-Identifier: GPL-3.0-or-later
// app-jwt, installations, repos: the GitHub App side of notechondria-sync.
#include "appconfig.h"
#include "clock.h"
#include "command.h"
#include "context.h"
#include "githubapi.h"
#include "httpclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

QCoro::Task<int> runAppJwt(Context &context)
{
    QCommandLineParser parser;
    if (!context.parse(parser,
            QCoreApplication::translate(
                "notechondria-sync", "Prints a fresh GitHub App JWT (valid 9 minutes) for the configured App."))) {
        co_return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        co_return context.usageError(QCoreApplication::translate("notechondria-sync", "app-jwt takes no arguments"));
    }
    HttpClient http(context.network(), context.clock());
    GitHubApi api(&http, co_await context.appConfig(), context.clock());
    const Result<QByteArray> jwt = api.appJwt();
    if (!jwt) {
        co_return context.failure(jwt.error());
    }
    context.out() << QString::fromLatin1(*jwt) << '\n';
    context.out().flush();
    co_return 0;
}

QCoro::Task<int> runInstallations(Context &context)
{
    QCommandLineParser parser;
    if (!context.parse(parser,
            QCoreApplication::translate(
                "notechondria-sync", "Lists the installations of the configured GitHub App."))) {
        co_return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "installations takes no arguments"));
    }
    HttpClient http(context.network(), context.clock());
    GitHubApi api(&http, co_await context.appConfig(), context.clock());
    const Result<QList<Installation>> installations = co_await api.listInstallations();
    if (!installations) {
        co_return context.failure(installations.error());
    }
    QJsonArray list;
    for (const Installation &installation : *installations) {
        bool numeric = false;
        const qint64 id = installation.id.toLongLong(&numeric);
        list.append(QJsonObject{{u"id"_s, numeric ? QJsonValue(id) : QJsonValue(installation.id)},
            {u"account_login"_s, installation.accountLogin}});
    }
    context.printJson(QJsonDocument(list));
    co_return 0;
}

QCoro::Task<int> runRepos(Context &context)
{
    QCommandLineParser parser;
    const QCommandLineOption installationOption(u"installation-id"_s,
        QCoreApplication::translate("notechondria-sync", "The GitHub App installation whose repositories to list."),
        u"N"_s);
    parser.addOption(installationOption);
    if (!context.parse(parser,
            QCoreApplication::translate(
                "notechondria-sync", "Lists the repositories a GitHub App installation can reach."))) {
        co_return 2;
    }
    const QString installationId = parser.value(installationOption).trimmed();
    if (installationId.isEmpty()) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "--installation-id N is required"));
    }
    bool numeric = false;
    installationId.toLongLong(&numeric);
    if (!numeric) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "--installation-id takes a number, got '%1'")
                .arg(installationId));
    }
    if (!parser.positionalArguments().isEmpty()) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "repos takes no positional arguments"));
    }
    HttpClient http(context.network(), context.clock());
    GitHubApi api(&http, co_await context.appConfig(), context.clock());
    const Result<QList<Repository>> repositories = co_await api.listRepositories(installationId);
    if (!repositories) {
        co_return context.failure(repositories.error());
    }
    QJsonArray list;
    for (const Repository &repository : *repositories) {
        list.append(QJsonObject{{u"full_name"_s, repository.fullName}, {u"default_branch"_s, repository.defaultBranch},
            {u"private"_s, repository.isPrivate}});
    }
    context.printJson(QJsonDocument(QJsonObject{{u"repositories"_s, list}}));
    co_return 0;
}

} // namespace

void registerAuthCommands(QList<Command> &commands)
{
    commands.append({u"app-jwt"_s,
        QCoreApplication::translate("notechondria-sync", "print a fresh GitHub App JWT (for debugging the App setup)"),
        runAppJwt});
    commands.append({u"installations"_s,
        QCoreApplication::translate("notechondria-sync", "list the GitHub App's installations (id, account)"),
        runInstallations});
    commands.append({u"repos"_s,
        QCoreApplication::translate(
            "notechondria-sync", "list the repositories of an installation (--installation-id N)"),
        runRepos});
}

} // namespace Notechondria::Cli
