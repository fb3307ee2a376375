// SPDX-License-Identifier: GPL-3.0-or-later
// history and restore-item: the time machine (issue #16) — the backup branch's commits told in words, and one note
// brought back from any of them.
#include "appconfig.h"
#include "backuphistory.h"
#include "clock.h"
#include "command.h"
#include "context.h"
#include "githubapi.h"
#include "httpclient.h"
#include "itemrestore.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

void printHistory(Context &context, const QList<BackupCommit> &commits)
{
    for (const BackupCommit &commit : commits) {
        QString what = QCoreApplication::translate("notechondria-sync", "%1 added, %2 changed, %3 deleted")
                           .arg(commit.summary.added)
                           .arg(commit.summary.changed)
                           .arg(commit.summary.deleted);
        if (!commit.summary.fromNotechondria) {
            what = commit.summary.titles.value(0);
        } else if (!commit.summary.titles.isEmpty()) {
            what += u" — "_s + commit.summary.titles.mid(0, 5).join(u", "_s)
                + (commit.summary.titles.size() > 5 ? u", …"_s : QString());
        }
        context.out() << commit.sha.left(12) << "  " << commit.date.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s)
                      << "  " << (commit.summary.device.isEmpty() ? u"?"_s : commit.summary.device) << "  " << what
                      << '\n';
    }
}

QCoro::Task<int> history(Context &context)
{
    QCommandLineParser parser;
    parser.addOptions({
        {u"note"_s,
            QCoreApplication::translate("notechondria-sync",
                "Only the commits that touched this note (its uuid, with or without dashes), its creation included."),
            u"UUID"_s},
        {u"limit"_s, QCoreApplication::translate("notechondria-sync", "At most N commits (default 100)."), u"N"_s,
            u"100"_s},
        {u"json"_s,
            QCoreApplication::translate("notechondria-sync",
                "Print [{\"sha\", \"date\", \"device\", \"added\", \"changed\", \"deleted\", \"titles\"}], newest "
                "first.")},
    });
    if (!context.parse(parser,
            QCoreApplication::translate("notechondria-sync",
                "The backups on the connected repository's branch, newest first: when, from which device, and what "
                "changed (notes by title, courses, events). One request per 100 commits."))) {
        co_return 2;
    }
    bool ok = false;
    const int limit = parser.value(u"limit"_s).toInt(&ok);
    if (!ok || limit < 1 || limit > 10000) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "--limit takes a number from 1 to 10000, not '%1'")
                .arg(parser.value(u"limit"_s)));
    }
    QUuid note;
    if (parser.isSet(u"note"_s)) {
        note = BackupHistory::parseUuid(parser.value(u"note"_s));
        if (note.isNull()) {
            co_return context.usageError(
                QCoreApplication::translate("notechondria-sync", "--note takes a note's uuid, not '%1'")
                    .arg(parser.value(u"note"_s)));
        }
    }
    auto connected = context.openConnected(u"History not read"_s, u"notechondria-sync/history"_s);
    if (!connected) {
        co_return context.failure(connected.error());
    }
    HttpClient http(context.network(), context.clock());
    GitHubApi github(&http, co_await context.appConfig(), context.clock());
    const auto commits = co_await BackupHistory(&github).list(connected->integration, note, limit);
    if (!commits) {
        co_return context.failure(commits.error());
    }
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const BackupCommit &commit : *commits) {
            array.append(commit.toJson());
        }
        context.printJson(QJsonDocument(array));
    } else {
        printHistory(context, *commits);
    }
    context.out().flush();
    co_return 0;
}

QCoro::Task<int> restoreItem(Context &context)
{
    QCommandLineParser parser;
    parser.addOptions({
        {u"commit"_s, QCoreApplication::translate("notechondria-sync", "The backup commit (its full 40-character id)."),
            u"SHA"_s},
        {u"note"_s, QCoreApplication::translate("notechondria-sync", "The note's uuid, with or without dashes."),
            u"UUID"_s},
        {u"as-copy"_s,
            QCoreApplication::translate("notechondria-sync",
                "Bring it back as a new note \"<title> (restored <date>)\" and leave the current one as it is.")},
    });
    if (!context.parse(parser,
            QCoreApplication::translate("notechondria-sync",
                "Bring back one note as a backup commit holds it (two requests), into the local store: in place (the "
                "current version kept in the note's history, a binned note taken out of the bin) or as a copy. The "
                "account from before is kept; `restore --undo` takes it back. The next sync carries the note."))) {
        co_return 2;
    }
    const QString commit = Context::fullCommitId(parser.value(u"commit"_s));
    const QUuid note = BackupHistory::parseUuid(parser.value(u"note"_s));
    if (commit.isEmpty() || note.isNull()) {
        co_return context.usageError(QCoreApplication::translate("notechondria-sync",
            "restore-item needs --commit with a full 40-character commit id and --note with a note's uuid"));
    }
    auto connected = context.openConnected(u"Note not restored"_s, u"notechondria-sync/restore-item"_s);
    if (!connected) {
        co_return context.failure(connected.error());
    }
    HttpClient http(context.network(), context.clock());
    GitHubApi github(&http, co_await context.appConfig(), context.clock());
    ItemRestore restore(connected->store.get(), &github, context.clock());
    const auto restored
        = co_await restore.restoreNote(connected->integration, commit, note, parser.isSet(u"as-copy"_s));
    if (!restored) {
        co_return context.failure(restored.error());
    }
    context.printJson(QJsonDocument(QJsonObject{{u"restored"_s, true}, {u"commit"_s, commit},
        {u"uuid"_s, restored->note.uuid.toString(QUuid::WithoutBraces)}, {u"title"_s, restored->note.title},
        {u"as_copy"_s, restored->asCopy}, {u"created"_s, restored->created}, {u"undo_available"_s, true}}));
    co_return 0;
}

} // namespace

void registerHistoryCommands(QList<Command> &commands)
{
    commands.append({u"history"_s,
        QCoreApplication::translate("notechondria-sync", "The backups on GitHub, newest first, told in words"),
        history});
    commands.append({u"restore-item"_s,
        QCoreApplication::translate(
            "notechondria-sync", "Bring back one note from a backup commit (--commit SHA --note UUID [--as-copy])"),
        restoreItem});
}

} // namespace Notechondria::Cli
