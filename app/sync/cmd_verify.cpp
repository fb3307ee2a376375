// SPDX-License-Identifier: GPL-3.0-or-later
// verify: test restore of a backup commit (issue #16) — every file against its git blob id and checksums/, and a
// restore into a scratch profile that must give the same account files back.
#include "appconfig.h"
#include "backupverify.h"
#include "clock.h"
#include "command.h"
#include "context.h"
#include "githubapi.h"
#include "httpclient.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

const QString module = u"notechondria-sync/verify"_s;

bool parseVerifyArguments(Context &context, QCommandLineParser &parser)
{
    parser.addOptions({
        {u"commit"_s,
            QCoreApplication::translate("notechondria-sync",
                "The commit to verify (its full 40-character id, as `history` prints it); default: the branch head."),
            u"SHA"_s},
        {u"json"_s, QCoreApplication::translate("notechondria-sync", "Print the result as JSON.")},
    });
    return context.parse(parser,
        QCoreApplication::translate("notechondria-sync",
            "Test-restore a backup commit of the connected repository: download it, check every file against its git "
            "blob id and its SHA-256 in checksums/, restore it into a scratch profile and compare what comes back. "
            "The account is not touched. Exit 0 when the backup is complete, 1 naming every damaged or missing "
            "file. The result is kept as \"last verified\"."));
}

void printSummary(Context &context, const BackupVerification &result)
{
    const QString commit = result.commitSha.left(12);
    if (result.complete()) {
        context.out() << QCoreApplication::translate("notechondria-sync",
            "The backup is complete: %1 at %2 — %3 files match their git blob ids and checksums; %4 notes, %5 "
            "courses, %6 events and %7 feeds restore.")
                             .arg(result.repoFullName, commit)
                             .arg(result.files)
                             .arg(result.notes)
                             .arg(result.courses)
                             .arg(result.events)
                             .arg(result.feeds)
                      << '\n';
        return;
    }
    context.out() << QCoreApplication::translate("notechondria-sync",
        "The backup is not complete: %1 at %2 — %n file(s) damaged or missing.", nullptr, int(result.problems.size()))
                         .arg(result.repoFullName, commit)
                  << '\n';
}

QCoro::Task<int> verify(Context &context)
{
    QCommandLineParser parser;
    if (!parseVerifyArguments(context, parser)) {
        co_return 2;
    }
    const QString typed = parser.value(u"commit"_s).trimmed().toLower();
    const QString commit = Context::fullCommitId(typed);
    if (!typed.isEmpty() && commit.isEmpty()) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "--commit takes a full 40-character commit id, not '%1'")
                .arg(typed));
    }
    auto connected = context.openConnected(u"Backup not verified"_s, module);
    if (!connected) {
        co_return context.failure(connected.error());
    }
    HttpClient http(context.network(), context.clock());
    GitHubApi github(&http, co_await context.appConfig(), context.clock());
    BackupVerifier verifier(&github, context.clock());
    const auto result = co_await verifier.verify(connected->integration, commit, context.dataDir());
    if (!result) {
        co_return context.failure(result.error());
    }
    if (auto recorded = BackupVerifier::record(connected->store->path(), *result); !recorded) {
        context.err() << recorded.error().message() << '\n';
    }
    for (const VerifyProblem &problem : result->problems) {
        context.err() << problem.message << '\n';
    }
    context.err().flush();
    if (parser.isSet(u"json"_s)) {
        context.printJson(QJsonDocument(result->toJson()));
    } else {
        printSummary(context, *result);
    }
    context.out().flush();
    co_return result->complete() ? 0 : 1;
}

} // namespace

void registerVerifyCommands(QList<Command> &commands)
{
    commands.append({u"verify"_s,
        QCoreApplication::translate("notechondria-sync", "Test-restore a backup commit and check every file"), verify});
}

} // namespace Notechondria::Cli
