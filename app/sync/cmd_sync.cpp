// SPDX-License-Identifier: GPL-3.0-or-later
// sync: the two-way sync of the account with its GitHub repository (DECISIONS §8).
#include "clock.h"
#include "command.h"
#include "context.h"
#include "pushrun.h"
#include "pushservice.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

std::optional<SyncResolution> resolutionNamed(const QString &name)
{
    if (name == u"mine"_s) {
        return SyncResolution::Mine;
    }
    if (name == u"theirs"_s) {
        return SyncResolution::Theirs;
    }
    if (name == u"both"_s) {
        return SyncResolution::Both;
    }
    return std::nullopt;
}

QJsonObject counts(const SyncCounts &counts)
{
    return {{u"added"_s, counts.added}, {u"changed"_s, counts.changed}, {u"deleted"_s, counts.deleted}};
}

QJsonArray conflictsJson(const QList<SyncConflict> &conflicts)
{
    QJsonArray array;
    for (const SyncConflict &conflict : conflicts) {
        array.append(QJsonObject{{u"path"_s, conflict.path}, {u"title"_s, conflict.title}, {u"kind"_s, conflict.kind},
            {u"item"_s, conflict.item}});
    }
    return array;
}

QJsonObject outcomeJson(const PushOutcome &outcome)
{
    return {{u"commit_sha"_s, outcome.commitSha}, {u"committed"_s, outcome.committed},
        {u"pulled"_s, counts(outcome.pulled)}, {u"pushed"_s, counts({outcome.added, outcome.changed, outcome.deleted})},
        {u"merged"_s, QJsonArray::fromStringList(outcome.merged)}, {u"conflicts"_s, conflictsJson(outcome.conflicts)},
        {u"requests"_s, outcome.requests}};
}

/// Reads --resolve PATH=CHOICE (repeatable), --mine and --theirs into @p options; "" when they are well formed.
QString readResolutions(const QCommandLineParser &parser, PushOptions &options)
{
    if (parser.isSet(u"mine"_s) && parser.isSet(u"theirs"_s)) {
        return QCoreApplication::translate("notechondria-sync", "--mine and --theirs exclude each other");
    }
    if (parser.isSet(u"mine"_s)) {
        options.resolveAll = SyncResolution::Mine;
    } else if (parser.isSet(u"theirs"_s)) {
        options.resolveAll = SyncResolution::Theirs;
    }
    for (const QString &value : parser.values(u"resolve"_s)) {
        const qsizetype equals = value.lastIndexOf(u'=');
        const auto resolution = equals > 0 ? resolutionNamed(value.mid(equals + 1)) : std::nullopt;
        if (!resolution) {
            return QCoreApplication::translate(
                "notechondria-sync", "--resolve takes PATH=mine, PATH=theirs or PATH=both, not '%1'")
                .arg(value);
        }
        options.resolutions.insert(value.left(equals), *resolution);
    }
    return {};
}

void printSummary(Context &context, const PushOutcome &outcome)
{
    const int in = outcome.pulled.added + outcome.pulled.changed + outcome.pulled.deleted;
    const int out = outcome.added + outcome.changed + outcome.deleted;
    if (!outcome.committed && in == 0) {
        context.out() << QCoreApplication::translate(
            "notechondria-sync", "Nothing to sync: this device and GitHub already agree (%1 requests).")
                             .arg(outcome.requests)
                      << '\n';
        return;
    }
    context.out()
        << QCoreApplication::translate("notechondria-sync",
               "Synced: %1 item(s) came in from GitHub (%2 merged), %3 file(s) went out%4 in %5 requests.")
               .arg(in)
               .arg(outcome.merged.size())
               .arg(out)
               .arg(outcome.committed
                       ? QCoreApplication::translate("notechondria-sync", " as commit %1").arg(outcome.commitSha)
                       : QString())
               .arg(outcome.requests)
        << '\n';
}

void addSyncOptions(QCommandLineParser &parser)
{
    parser.addOptions({{u"resolve"_s,
                           QCoreApplication::translate("notechondria-sync",
                               "Resolve one conflict: PATH=mine (this device's), PATH=theirs (GitHub's) or PATH=both "
                               "(GitHub's becomes a copy). Repeatable."),
                           u"PATH=CHOICE"_s},
        {u"mine"_s,
            QCoreApplication::translate("notechondria-sync", "Resolve every conflict with this device's version.")},
        {u"theirs"_s,
            QCoreApplication::translate("notechondria-sync", "Resolve every conflict with GitHub's version.")}});
    parser.addOptions(sharedPushOptions());
}

/// The conflict stop: the count on stderr, the conflicts (or with --json the whole outcome) as JSON; exit code 3.
int conflictStopped(Context &context, const PushOutcome &outcome, bool json)
{
    context.err() << QCoreApplication::translate("notechondria-sync",
        "GitHub sync stopped: notechondria-sync/sync — %1 item(s) changed here and on GitHub in ways that "
        "cannot be merged; nothing was changed. Run sync --resolve PATH=mine|theirs|both (or --mine / "
        "--theirs).")
                         .arg(outcome.conflicts.size())
                  << '\n';
    context.err().flush();
    context.printJson(json ? QJsonDocument(outcomeJson(outcome)) : QJsonDocument(conflictsJson(outcome.conflicts)));
    return 3;
}

void printSynced(Context &context, const PushOutcome &outcome, bool json)
{
    if (json) {
        context.printJson(QJsonDocument(outcomeJson(outcome)));
    } else {
        printSummary(context, outcome);
    }
    context.out().flush();
}

QCoro::Task<int> runSync(Context &context)
{
    QCommandLineParser parser;
    addSyncOptions(parser);
    if (!context.parse(parser,
            QCoreApplication::translate("notechondria-sync",
                "Sync the account with its GitHub repository: bring GitHub's changes in, merge what changed on both "
                "sides, send this device's changes out as one commit (or none)."))) {
        co_return 2;
    }
    PushOptions options;
    if (const QString wrong = readResolutions(parser, options); !wrong.isEmpty()) {
        co_return context.usageError(wrong);
    }
    auto store = Store::open(QDir(context.dataDir()).filePath(u"notechondria.sqlite"_s), context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    const auto integration = (*store)->integration();
    options.pull = true;
    options.includeAssets = parser.isSet(u"include-assets"_s)
        || (integration && integration->has_value() && (*integration)->includeAssets);
    options.confirmMassDeletion = parser.isSet(u"yes"_s);
    co_return co_await pushAndReport(context, **store, options,
        {conflictStopped, printSynced, parser.isSet(u"json"_s),
            QCoreApplication::translate("notechondria-sync",
                "GitHub sync stopped: notechondria-sync/sync — this sync would delete %1 tracked files; "
                "run sync --yes to confirm.")});
}

} // namespace

void registerSyncCommands(QList<Command> &commands)
{
    commands.append({u"sync"_s,
        QCoreApplication::translate(
            "notechondria-sync", "Two-way sync with GitHub: pull, merge, push as one commit (or none)."),
        runSync});
}

} // namespace Notechondria::Cli
