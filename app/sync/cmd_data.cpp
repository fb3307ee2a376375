// SPDX-License-Identifier: GPL-3.0-or-later
// demo-data, connect, status, disconnect: the local store from the command line.
#include "appconfig.h"
#include "appsettings.h"
#include "clock.h"
#include "command.h"
#include "context.h"
#include "demodata.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonObject>

#include <functional>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

QString dataFile(const Context &context)
{
    return QDir(context.dataDir()).filePath(u"notechondria.sqlite"_s);
}

/// Python's isoformat() of a UTC datetime (upstream's form): microseconds omitted when zero.
QJsonValue isoOrNull(const std::optional<QDateTime> &value)
{
    if (!value || !value->isValid()) {
        return QJsonValue();
    }
    const QDateTime utc = value->toUTC();
    QString text = utc.toString(u"yyyy-MM-ddTHH:mm:ss"_s);
    if (const int ms = utc.time().msec(); ms != 0) {
        text += u".%1"_s.arg(qlonglong(ms) * 1000, 6, 10, QChar(u'0'));
    }
    text += u"+00:00"_s;
    return text;
}

/// Parses a non-negative integer option; returns -1 (and the usage error is printed) when it is not one.
int intOption(Context &context, const QCommandLineParser &parser, const QString &name, int fallback)
{
    if (!parser.isSet(name)) {
        return fallback;
    }
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < 0) {
        context.usageError(
            QCoreApplication::translate("notechondria-sync", "--%1 must be a non-negative integer, not '%2'")
                .arg(name, parser.value(name)));
        return -1;
    }
    return value;
}

QCoro::Task<int> runDemoData(Context &context)
{
    QCommandLineParser parser;
    parser.addOptions({{u"notes"_s, QCoreApplication::translate("notechondria-sync", "New notes to generate."), u"N"_s},
        {u"seed"_s,
            QCoreApplication::translate(
                "notechondria-sync", "Random seed (default 1): the same seed gives the same account."),
            u"S"_s},
        {u"attachments"_s,
            QCoreApplication::translate("notechondria-sync", "Binary attachments to add to the new notes."), u"M"_s},
        {u"touch"_s, QCoreApplication::translate("notechondria-sync", "Existing notes to edit."), u"K"_s},
        {u"delete"_s, QCoreApplication::translate("notechondria-sync", "Existing notes to move to the recycle bin."),
            u"D"_s}});
    if (!context.parse(parser,
            QCoreApplication::translate(
                "notechondria-sync", "Generate a realistic synthetic account in the local store."))) {
        co_return 2;
    }
    DemoOptions options;
    options.notes = intOption(context, parser, u"notes"_s, 0);
    const int seed = intOption(context, parser, u"seed"_s, 1);
    options.attachments = intOption(context, parser, u"attachments"_s, 0);
    options.touch = intOption(context, parser, u"touch"_s, 0);
    options.deleteCount = intOption(context, parser, u"delete"_s, 0);
    if (options.notes < 0 || seed < 0 || options.attachments < 0 || options.touch < 0 || options.deleteCount < 0) {
        co_return 2;
    }
    if (!parser.isSet(u"notes"_s) && !parser.isSet(u"touch"_s) && !parser.isSet(u"delete"_s)) {
        co_return context.usageError(QCoreApplication::translate(
            "notechondria-sync", "give --notes N (or --touch K / --delete D on an existing account)"));
    }
    options.seed = quint32(seed);
    auto store = Store::open(dataFile(context), context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    auto summary = generateDemoData(**store, options, *context.clock());
    if (!summary) {
        co_return context.failure(summary.error());
    }
    context.printJson(QJsonDocument(
        QJsonObject{{u"data_file"_s, (*store)->path()}, {u"seed"_s, seed}, {u"notes_created"_s, summary->notesCreated},
            {u"courses_created"_s, summary->coursesCreated}, {u"attachments_created"_s, summary->attachmentsCreated},
            {u"events_created"_s, summary->eventsCreated}, {u"feeds_created"_s, summary->feedsCreated},
            {u"notes_touched"_s, summary->notesTouched}, {u"notes_deleted"_s, summary->notesDeleted},
            {u"total_notes"_s, summary->totalNotes}, {u"total_deleted"_s, summary->totalDeleted}}));
    co_return 0;
}

QJsonObject statusJson(const std::optional<GitHubIntegration> &row)
{
    AppConfig config = AppConfig::fromEnvironment();
    AppSettings::load().fillGaps(config);
    QJsonObject status{
        {u"connected"_s, row.has_value()}, {u"install_url"_s, config.installUrl}, {u"app_name"_s, config.appName}};
    if (row) {
        status.insert(u"installation_id"_s, row->installationId);
        status.insert(u"account_login"_s, row->accountLogin);
        status.insert(u"repo_full_name"_s, row->repoFullName);
        status.insert(u"repo_default_branch"_s, row->repoDefaultBranch);
        status.insert(u"last_push_at"_s, isoOrNull(row->lastPushAt));
        status.insert(u"last_push_sha"_s, row->lastPushSha);
        status.insert(u"last_error"_s, row->lastError);
    }
    return status;
}

QCoro::Task<int> runConnect(Context &context)
{
    QCommandLineParser parser;
    parser.addOptions({{u"installation-id"_s,
                           QCoreApplication::translate("notechondria-sync", "The GitHub App installation id."), u"N"_s},
        {u"repo"_s, QCoreApplication::translate("notechondria-sync", "The repository to push to."), u"OWNER/NAME"_s},
        {u"branch"_s, QCoreApplication::translate("notechondria-sync", "The branch to push to (default: main)."),
            u"B"_s},
        {u"account"_s, QCoreApplication::translate("notechondria-sync", "The login that owns the installation."),
            u"LOGIN"_s}});
    if (!context.parse(parser,
            QCoreApplication::translate(
                "notechondria-sync", "Link the local account to a GitHub App installation and repository."))) {
        co_return 2;
    }
    if (!parser.isSet(u"installation-id"_s) || parser.value(u"installation-id"_s).trimmed().isEmpty()) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "--installation-id N is required"));
    }
    if (!parser.isSet(u"repo"_s)) {
        co_return context.usageError(QCoreApplication::translate("notechondria-sync", "--repo OWNER/NAME is required"));
    }
    Store::IntegrationUpdate update;
    update.installationId = parser.value(u"installation-id"_s).trimmed();
    update.repoFullName = parser.value(u"repo"_s).trimmed();
    if (parser.isSet(u"branch"_s)) {
        update.repoDefaultBranch = parser.value(u"branch"_s).trimmed();
    }
    if (parser.isSet(u"account"_s)) {
        update.accountLogin = parser.value(u"account"_s).trimmed();
    }
    auto store = Store::open(dataFile(context), context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    auto row = (*store)->connectIntegration(update);
    if (!row) {
        co_return context.failure(row.error());
    }
    context.printJson(QJsonDocument(statusJson(*row)));
    co_return 0;
}

/// A command without options that reads or changes the store and prints the JSON @p action gives.
int storeCommand(
    Context &context, const QString &description, const std::function<Result<QJsonObject>(Store &)> &action)
{
    QCommandLineParser parser;
    if (!context.parse(parser, description)) {
        return 2;
    }
    auto store = Store::open(dataFile(context), context.clock());
    if (!store) {
        return context.failure(store.error());
    }
    const Result<QJsonObject> answer = action(**store);
    if (!answer) {
        return context.failure(answer.error());
    }
    context.printJson(QJsonDocument(*answer));
    return 0;
}

QCoro::Task<int> runStatus(Context &context)
{
    co_return storeCommand(context,
        QCoreApplication::translate(
            "notechondria-sync", "Print the GitHub sync status (the API's GET status, as JSON)."),
        [](Store &store) -> Result<QJsonObject> {
            auto row = store.integration();
            if (!row) {
                return std::unexpected(row.error());
            }
            return statusJson(*row);
        });
}

QCoro::Task<int> runDisconnect(Context &context)
{
    co_return storeCommand(context,
        QCoreApplication::translate(
            "notechondria-sync", "Forget the GitHub App installation and repository (the App stays installed)."),
        [](Store &store) -> Result<QJsonObject> {
            if (auto deleted = store.deleteIntegration(); !deleted) {
                return std::unexpected(deleted.error());
            }
            return QJsonObject{{u"connected"_s, false}};
        });
}

} // namespace

void registerDataCommands(QList<Command> &commands)
{
    commands.append({u"demo-data"_s,
        QCoreApplication::translate(
            "notechondria-sync", "generate a synthetic account (--notes N, --touch K, --delete D)"),
        runDemoData});
    commands.append({u"connect"_s,
        QCoreApplication::translate("notechondria-sync", "link a GitHub App installation and repository"), runConnect});
    commands.append({u"status"_s,
        QCoreApplication::translate("notechondria-sync", "print the GitHub sync status as JSON"), runStatus});
    commands.append({u"disconnect"_s, QCoreApplication::translate("notechondria-sync", "forget the GitHub integration"),
        runDisconnect});
}

} // namespace Notechondria::Cli
