// SPDX-License-Identifier: GPL-3.0-or-later
#include "backupreader.h"
#include "command.h"
#include "context.h"
#include "httpclient.h"
#include "restorer.h"

#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

QCoro::Task<int> restore(Context &context)
{
    QCommandLineParser parser;
    parser.addOptions({
        {u"repo-path"_s, u"The backup: a clone or an export folder of the backup repository."_s, u"DIR"_s},
        {u"api-base"_s, u"The Notechondria API to restore into, e.g. http://127.0.0.1:8765/api/v1."_s, u"URL"_s},
        {u"token"_s, u"The destination account's API key (ntc_…); default: $NOTECHONDRIA_API_KEY."_s, u"KEY"_s},
        {u"dry-run"_s, u"Print each request it would send (bodies shortened, no secrets) and send nothing."_s},
        {u"verbose"_s, u"A line per section and item."_s},
        {u"include-assets"_s, u"Re-upload assets/ (avatar, covers, attachments) after the rest."_s},
    });
    if (!context.parse(parser,
            u"Replay a backup into a Notechondria /api/v1 (a real backend or the local server), "
            u"in the order settings, courses, notes, events, feeds, assets. Reruns change "
            u"nothing. The last stdout line is a JSON summary; exit 1 when any item failed."_s)) {
        co_return 2;
    }
    const QString repoPath = parser.value(u"repo-path"_s);
    const QString apiBase = parser.value(u"api-base"_s);
    const QString token
        = parser.isSet(u"token"_s) ? parser.value(u"token"_s) : qEnvironmentVariable("NOTECHONDRIA_API_KEY");
    if (repoPath.isEmpty() || apiBase.isEmpty()) {
        co_return context.usageError(u"--repo-path and --api-base are required"_s);
    }
    if (!QFileInfo(repoPath).isDir()) {
        co_return context.usageError(u"--repo-path is not a directory: "_s + repoPath);
    }
    const QUrl base(apiBase);
    if (!base.isValid() || (base.scheme() != u"http"_s && base.scheme() != u"https"_s) || base.host().isEmpty()) {
        co_return context.usageError(u"--api-base is not an http(s) URL: "_s + apiBase);
    }
    if (token.isEmpty() && !parser.isSet(u"dry-run"_s)) {
        co_return context.usageError(u"no API key: pass --token or set NOTECHONDRIA_API_KEY"_s);
    }

    RestoreOptions options;
    options.apiBase = base;
    options.token = token;
    options.dryRun = parser.isSet(u"dry-run"_s);
    options.verbose = parser.isSet(u"verbose"_s);
    options.includeAssets = parser.isSet(u"include-assets"_s);

    BackupReadOptions readOptions;
    readOptions.includeAssets = options.includeAssets;
    const auto backup = readBackup(repoPath, readOptions);
    if (!backup) {
        co_return context.failure(backup.error());
    }
    if (options.verbose) {
        context.out() << "Restore source: " << QFileInfo(repoPath).canonicalFilePath() << '\n';
    }
    for (const BackupProblem &problem : backup->problems) {
        context.err() << problem.message << '\n';
    }
    context.err().flush();

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
    RestoreSummary summary = co_await restorer.run(*backup);
    summary.failed += int(backup->problems.size());
    context.out() << QString::fromUtf8(
        QJsonDocument(summary.toJson(options.includeAssets, options.dryRun)).toJson(QJsonDocument::Compact))
                  << '\n';
    context.out().flush();
    co_return summary.failed > 0 ? 1 : 0;
}

} // namespace

void registerRestoreCommands(QList<Command> &commands)
{
    commands.append({u"restore"_s, u"Replay a backup folder into a Notechondria /api/v1"_s, restore});
}

} // namespace Notechondria::Cli
