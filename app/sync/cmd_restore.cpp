// SPDX-License-Identifier: GPL-3.0-or-later
#include "accountrestore.h"
#include "appconfig.h"
#include "backupcheck.h"
#include "backupreader.h"
#include "command.h"
#include "context.h"
#include "githubapi.h"
#include "httpclient.h"
#include "restoreplan.h"
#include "restorer.h"
#include "restoresnapshots.h"
#include "store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

/// `restore --undo`: the account from before the last in-app restore, back into the local store (offline).
int undoLastRestore(Context &context)
{
    auto store = Store::open(QDir(context.dataDir()).filePath(u"notechondria.sqlite"_s), context.clock());
    if (!store) {
        return context.failure(store.error());
    }
    RestoreSnapshots snapshots(RestoreSnapshots::directoryFor((*store)->path()));
    const auto undone = snapshots.undo(**store);
    if (!undone) {
        return context.failure(undone.error());
    }
    context.printJson(QJsonDocument(QJsonObject{{u"undone"_s, true}, {u"notes"_s, undone->notes},
        {u"courses"_s, undone->courses}, {u"taken_at"_s, undone->snapshot.takenAt.toString(Qt::ISODateWithMs)},
        {u"snapshot"_s, undone->snapshot.path}}));
    return 0;
}

/// Adds the options of restore to @p parser and parses the arguments; false when they do not parse (usage printed).
bool parseRestoreArguments(Context &context, QCommandLineParser &parser)
{
    parser.addOptions({
        {u"repo-path"_s,
            QCoreApplication::translate(
                "notechondria-sync", "The backup: a clone or an export folder of the backup repository."),
            u"DIR"_s},
        {u"api-base"_s,
            QCoreApplication::translate(
                "notechondria-sync", "The Notechondria API to restore into, e.g. http://127.0.0.1:8765/api/v1."),
            u"URL"_s},
        {u"token"_s,
            QCoreApplication::translate(
                "notechondria-sync", "The destination account's API key (ntc_…); default: $NOTECHONDRIA_API_KEY."),
            u"KEY"_s},
        {u"dry-run"_s,
            QCoreApplication::translate("notechondria-sync",
                "Print each request it would send (bodies shortened, no secrets) and send nothing.")},
        {u"verbose"_s, QCoreApplication::translate("notechondria-sync", "A line per section and item.")},
        {u"include-assets"_s,
            QCoreApplication::translate(
                "notechondria-sync", "Re-upload assets/ (avatar, covers, attachments) after the rest.")},
        {u"commit"_s,
            QCoreApplication::translate("notechondria-sync",
                "Restore the local account as it was at this backup commit of the connected repository (its full "
                "40-character id, as `history` prints it): downloaded in one request, the account from before kept "
                "for --undo. Needs no other option; with --dry-run only the planned file changes are printed."),
            u"SHA"_s},
        {u"undo"_s,
            QCoreApplication::translate("notechondria-sync",
                "Undo the last restore into the local store (the app's or the local server's): bring back the account "
                "kept just before it. Offline; needs no other option.")},
    });
    return context.parse(parser,
        QCoreApplication::translate("notechondria-sync",
            "Replay a backup into a Notechondria /api/v1 (a real backend or the local server), "
            "in the order settings, courses, notes, events, feeds, assets. Reruns change "
            "nothing. A folder that is not a backup (no manifest.json of schema 1 or 2, no account files) is "
            "refused and nothing is sent. The last stdout line is a JSON summary; exit 1 when any item failed. "
            "--undo brings back the local account from before the last in-app restore."));
}

/// Reads --repo-path, --api-base, --token and the switches into @p options and @p repoPath; "" when they are
/// usable, else the usage error.
QString readRestoreOptions(const QCommandLineParser &parser, RestoreOptions &options, QString &repoPath)
{
    repoPath = parser.value(u"repo-path"_s);
    const QString apiBase = parser.value(u"api-base"_s);
    const QString token
        = parser.isSet(u"token"_s) ? parser.value(u"token"_s) : qEnvironmentVariable("NOTECHONDRIA_API_KEY");
    if (repoPath.isEmpty() || apiBase.isEmpty()) {
        return QCoreApplication::translate("notechondria-sync", "--repo-path and --api-base are required");
    }
    if (!QFileInfo(repoPath).isDir()) {
        return QCoreApplication::translate("notechondria-sync", "--repo-path is not a directory: ") + repoPath;
    }
    const QUrl base(apiBase);
    if (!base.isValid() || (base.scheme() != u"http"_s && base.scheme() != u"https"_s) || base.host().isEmpty()) {
        return QCoreApplication::translate("notechondria-sync", "--api-base is not an http(s) URL: ") + apiBase;
    }
    if (token.isEmpty() && !parser.isSet(u"dry-run"_s)) {
        return QCoreApplication::translate("notechondria-sync", "no API key: pass --token or set NOTECHONDRIA_API_KEY");
    }
    options.apiBase = base;
    options.token = token;
    options.dryRun = parser.isSet(u"dry-run"_s);
    options.verbose = parser.isSet(u"verbose"_s);
    options.includeAssets = parser.isSet(u"include-assets"_s);
    return {};
}

/// The backup at @p repoPath, refused when it is not one; its reading problems are printed on stderr.
Result<Backup> readRestoreSource(Context &context, const QString &repoPath, const RestoreOptions &options)
{
    BackupReadOptions readOptions;
    readOptions.includeAssets = options.includeAssets;
    auto backup = readBackup(repoPath, readOptions);
    if (!backup) {
        return std::unexpected(backup.error());
    }
    if (const auto refused = checkIsBackup(*backup, repoPath); !refused) {
        return std::unexpected(refused.error());
    }
    if (options.verbose) {
        context.out() << "Restore source: " << QFileInfo(repoPath).canonicalFilePath() << '\n';
    }
    for (const BackupProblem &problem : backup->problems) {
        context.err() << problem.message << '\n';
    }
    context.err().flush();
    return backup;
}

/// Replays @p backup into the API, with its output and problems as lines, then the JSON summary; exit code 1 when
/// any item failed.
QCoro::Task<int> replay(Context &context, const Backup &backup, const RestoreOptions &options)
{
    HttpClient http(context.network(), context.clock());
    Restorer restorer(&http, options);
    QObject::connect(&restorer, &Restorer::output, &restorer, [&context](const QString &line) {
        context.out() << line << '\n';
        context.out().flush();
    });
    QObject::connect(&restorer, &Restorer::problem, &restorer, [&context](const QString &message) {
        context.err() << message << '\n';
        context.err().flush();
    });
    RestoreSummary summary = co_await restorer.run(backup);
    summary.failed += int(backup.problems.size());
    context.out() << QString::fromUtf8(
        QJsonDocument(summary.toJson(options.includeAssets, options.dryRun)).toJson(QJsonDocument::Compact))
                  << '\n';
    context.out().flush();
    co_return summary.failed > 0 ? 1 : 0;
}

/// `restore --commit SHA`: the local account replaced with the connected repository's backup at that commit.
QCoro::Task<int> restoreCommit(Context &context, QString commitText, bool dryRun)
{
    const QString module = u"notechondria-sync/restore"_s;
    const QString commit = Context::fullCommitId(commitText);
    if (commit.isEmpty()) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "--commit takes a full 40-character commit id, not '%1'")
                .arg(commitText.trimmed().toLower()));
    }
    auto connected = context.openConnected(u"Restore not done"_s, module);
    if (!connected) {
        co_return context.failure(connected.error());
    }
    const QTemporaryDir download(QDir(context.dataDir()).filePath(u"restore-XXXXXX"_s));
    if (!download.isValid()) {
        co_return context.failure(
            Error{u"Restore not done"_s, module, u"no scratch folder for the download: "_s + download.errorString()});
    }
    HttpClient http(context.network(), context.clock());
    GitHubApi github(&http, co_await context.appConfig(), context.clock());
    auto backup = co_await readGitHubBackup(github, connected->integration, commit, download.path());
    if (!backup) {
        co_return context.failure(backup.error());
    }
    if (dryRun) {
        const auto current = connected->store->snapshot(false);
        if (!current) {
            co_return context.failure(current.error());
        }
        QJsonArray changes;
        for (const RestoreFileChange &change : planRestore(*current, backup->account)) {
            changes.append(QJsonObject{{u"path"_s, change.path}, {u"status"_s, change.status}});
        }
        context.printJson(QJsonDocument(QJsonObject{{u"commit"_s, commit}, {u"changes"_s, changes}}));
        co_return 0;
    }
    const auto restored = replaceAccount(*connected->store, std::move(*backup));
    if (!restored) {
        co_return context.failure(restored.error());
    }
    for (const BackupProblem &problem : restored->problems) {
        context.err() << problem.message << '\n';
    }
    context.err().flush();
    context.printJson(QJsonDocument(QJsonObject{{u"restored"_s, true}, {u"commit"_s, commit},
        {u"notes"_s, restored->notes}, {u"courses"_s, restored->courses},
        {u"problems"_s, int(restored->problems.size())}, {u"undo_available"_s, true}}));
    co_return restored->problems.isEmpty() ? 0 : 1;
}

QCoro::Task<int> restore(Context &context)
{
    QCommandLineParser parser;
    if (!parseRestoreArguments(context, parser)) {
        co_return 2;
    }
    if (parser.isSet(u"undo"_s)) {
        co_return undoLastRestore(context);
    }
    if (parser.isSet(u"commit"_s)) {
        co_return co_await restoreCommit(context, parser.value(u"commit"_s), parser.isSet(u"dry-run"_s));
    }
    RestoreOptions options;
    QString repoPath;
    if (const QString wrong = readRestoreOptions(parser, options, repoPath); !wrong.isEmpty()) {
        co_return context.usageError(wrong);
    }
    const auto backup = readRestoreSource(context, repoPath, options);
    if (!backup) {
        co_return context.failure(backup.error());
    }
    co_return co_await replay(context, *backup, options);
}

} // namespace

void registerRestoreCommands(QList<Command> &commands)
{
    commands.append({u"restore"_s,
        QCoreApplication::translate("notechondria-sync", "Replay a backup folder into a Notechondria /api/v1"),
        restore});
}

} // namespace Notechondria::Cli
