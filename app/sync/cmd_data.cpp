// SPDX-License-Identifier: GPL-3.0-or-later
// demo-data, connect, status, disconnect: the local store from the command line.
#include "appconfig.h"
#include "clock.h"
#include "command.h"
#include "context.h"
#include "demodata.h"
#include "store.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonObject>

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
        context.usageError(u"--%1 must be a non-negative integer, not '%2'"_s.arg(name, parser.value(name)));
        return -1;
    }
    return value;
}

QCoro::Task<int> runDemoData(Context &context)
{
    QCommandLineParser parser;
    parser.addOptions({{u"notes"_s, u"New notes to generate."_s, u"N"_s},
        {u"seed"_s, u"Random seed (default 1): the same seed gives the same account."_s, u"S"_s},
        {u"attachments"_s, u"Binary attachments to add to the new notes."_s, u"M"_s},
        {u"touch"_s, u"Existing notes to edit."_s, u"K"_s},
        {u"delete"_s, u"Existing notes to move to the recycle bin."_s, u"D"_s}});
    if (!context.parse(parser, u"Generate a realistic synthetic account in the local store."_s)) {
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
        co_return context.usageError(u"give --notes N (or --touch K / --delete D on an existing account)"_s);
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
    const AppConfig config = AppConfig::fromEnvironment();
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
    parser.addOptions({{u"installation-id"_s, u"The GitHub App installation id."_s, u"N"_s},
        {u"repo"_s, u"The repository to push to."_s, u"OWNER/NAME"_s},
        {u"branch"_s, u"The branch to push to (default: main)."_s, u"B"_s},
        {u"account"_s, u"The login that owns the installation."_s, u"LOGIN"_s}});
    if (!context.parse(parser, u"Link the local account to a GitHub App installation and repository."_s)) {
        co_return 2;
    }
    if (!parser.isSet(u"installation-id"_s) || parser.value(u"installation-id"_s).trimmed().isEmpty()) {
        co_return context.usageError(u"--installation-id N is required"_s);
    }
    if (!parser.isSet(u"repo"_s)) {
        co_return context.usageError(u"--repo OWNER/NAME is required"_s);
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

QCoro::Task<int> runStatus(Context &context)
{
    QCommandLineParser parser;
    if (!context.parse(parser, u"Print the GitHub sync status (the API's GET status, as JSON)."_s)) {
        co_return 2;
    }
    auto store = Store::open(dataFile(context), context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    auto row = (*store)->integration();
    if (!row) {
        co_return context.failure(row.error());
    }
    context.printJson(QJsonDocument(statusJson(*row)));
    co_return 0;
}

QCoro::Task<int> runDisconnect(Context &context)
{
    QCommandLineParser parser;
    if (!context.parse(parser, u"Forget the GitHub App installation and repository (the App stays installed)."_s)) {
        co_return 2;
    }
    auto store = Store::open(dataFile(context), context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    if (auto deleted = (*store)->deleteIntegration(); !deleted) {
        co_return context.failure(deleted.error());
    }
    context.printJson(QJsonDocument(QJsonObject{{u"connected"_s, false}}));
    co_return 0;
}

} // namespace

void registerDataCommands(QList<Command> &commands)
{
    commands.append(
        {u"demo-data"_s, u"generate a synthetic account (--notes N, --touch K, --delete D)"_s, runDemoData});
    commands.append({u"connect"_s, u"link a GitHub App installation and repository"_s, runConnect});
    commands.append({u"status"_s, u"print the GitHub sync status as JSON"_s, runStatus});
    commands.append({u"disconnect"_s, u"forget the GitHub integration"_s, runDisconnect});
}

} // namespace Notechondria::Cli
