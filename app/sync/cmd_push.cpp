// SPDX-License-Identifier: GPL-3.0-or-later
// export, push, runs: the account's backup to GitHub from the command line.
#include "clock.h"
#include "command.h"
#include "context.h"
#include "exporter.h"
#include "exportpipeline.h"
#include "pushrun.h"
#include "pushservice.h"
#include "store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Notechondria::Cli {

namespace {

QString dataFile(const Context &context)
{
    return QDir(context.dataDir()).filePath(u"notechondria.sqlite"_s);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonArray problemsJson(const QList<ExportProblem> &problems)
{
    QJsonArray array;
    for (const ExportProblem &problem : problems) {
        array.append(QJsonObject{{u"path"_s, problem.path}, {u"message"_s, problem.message}});
    }
    return array;
}

QCoro::Task<int> runExport(Context &context)
{
    QCommandLineParser parser;
    parser.addOptions({{u"out"_s,
                           QCoreApplication::translate(
                               "notechondria-sync", "The folder to write the export to (created when missing)."),
                           u"DIR"_s},
        {u"include-assets"_s,
            QCoreApplication::translate(
                "notechondria-sync", "Include the avatar, note covers and attachments under assets/.")}});
    if (!context.parse(parser,
            QCoreApplication::translate(
                "notechondria-sync", "Write the account's backup tree (what a push sends) to a folder."))) {
        co_return 2;
    }
    if (!parser.isSet(u"out"_s)) {
        co_return context.usageError(QCoreApplication::translate("notechondria-sync", "give --out DIR"));
    }
    auto store = Store::open(dataFile(context), context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    // Keep exported_at stable: the folder's own manifest, else the one we last synced (so a fresh export of an
    // unchanged account equals the pushed tree byte for byte).
    const QString out = parser.value(u"out"_s);
    QByteArray previous = readFile(QDir(out).filePath(u"manifest.json"_s));
    if (previous.isEmpty()) {
        auto synced = ExportPipeline::lastSyncedManifest(**store);
        if (!synced) {
            co_return context.failure(synced.error());
        }
        previous = *synced;
    }
    const auto tree = ExportPipeline(**store, *context.clock(), parser.isSet(u"include-assets"_s)).tree(previous);
    if (!tree) {
        co_return context.failure(tree.error());
    }
    if (auto written = writeExportTree(*tree, out); !written) {
        co_return context.failure(written.error());
    }
    qint64 bytes = 0;
    for (const ExportFile &file : tree->files) {
        bytes += file.bytes.size();
    }
    QJsonArray skipped;
    for (const SkippedAsset &asset : tree->skipped) {
        skipped.append(
            QJsonObject{{u"path"_s, asset.path}, {u"size_bytes"_s, asset.sizeBytes}, {u"reason"_s, asset.reason}});
    }
    context.printJson(QJsonDocument(QJsonObject{{u"out"_s, QDir(out).absolutePath()},
        {u"files"_s, int(tree->files.size())}, {u"bytes"_s, bytes}, {u"skipped"_s, skipped},
        {u"rejected"_s, problemsJson(tree->rejected)}, {u"withheld"_s, problemsJson(tree->withheld)}}));
    co_return 0;
}

void addPushOptions(QCommandLineParser &parser)
{
    parser.addOptions({{u"force"_s,
                           QCoreApplication::translate("notechondria-sync",
                               "On a conflict, overwrite the remote copies of the conflicting paths.")},
        {u"keep-remote"_s,
            QCoreApplication::translate(
                "notechondria-sync", "On a conflict, keep the remote copies of the conflicting paths.")}});
    parser.addOptions(sharedPushOptions());
}

/// The conflict stop: the paths on stderr (and as JSON with --json); exit code 3.
int conflictStopped(Context &context, const PushOutcome &outcome, bool json)
{
    context.err() << QCoreApplication::translate("notechondria-sync",
        "GitHub sync stopped: notechondria-sync/push — these paths changed on GitHub and here; "
        "run push --force to overwrite them or push --keep-remote to keep GitHub's copies:")
                  << '\n';
    for (const QString &path : std::as_const(outcome.conflictPaths)) {
        context.err() << u"  "_s << path << '\n';
    }
    context.err().flush();
    if (json) {
        context.printJson(QJsonDocument(QJsonObject{{u"conflict"_s, true},
            {u"paths"_s, QJsonArray::fromStringList(outcome.conflictPaths)}, {u"requests"_s, outcome.requests}}));
    }
    return 3;
}

void printPushed(Context &context, const PushOutcome &outcome, bool json)
{
    if (json) {
        context.printJson(QJsonDocument(QJsonObject{{u"commit_sha"_s, outcome.commitSha},
            {u"committed"_s, outcome.committed}, {u"added"_s, outcome.added}, {u"changed"_s, outcome.changed},
            {u"deleted"_s, outcome.deleted}, {u"requests"_s, outcome.requests}}));
    } else if (outcome.committed) {
        context.out() << QCoreApplication::translate(
            "notechondria-sync", "Pushed %1: %2 added, %3 changed, %4 deleted in %5 requests.")
                             .arg(outcome.commitSha)
                             .arg(outcome.added)
                             .arg(outcome.changed)
                             .arg(outcome.deleted)
                             .arg(outcome.requests)
                      << '\n';
    } else {
        context.out() << QCoreApplication::translate(
            "notechondria-sync", "Nothing to push: the repository already holds this account (%1 requests).")
                             .arg(outcome.requests)
                      << '\n';
    }
    context.out().flush();
}

QCoro::Task<int> runPush(Context &context)
{
    QCommandLineParser parser;
    addPushOptions(parser);
    if (!context.parse(parser,
            QCoreApplication::translate(
                "notechondria-sync", "Push the account to its GitHub repository as one commit (or none)."))) {
        co_return 2;
    }
    if (parser.isSet(u"force"_s) && parser.isSet(u"keep-remote"_s)) {
        co_return context.usageError(
            QCoreApplication::translate("notechondria-sync", "--force and --keep-remote exclude each other"));
    }
    auto store = Store::open(dataFile(context), context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    PushOptions options;
    options.force = parser.isSet(u"force"_s);
    options.keepRemote = parser.isSet(u"keep-remote"_s);
    options.includeAssets = parser.isSet(u"include-assets"_s);
    options.confirmMassDeletion = parser.isSet(u"yes"_s);
    co_return co_await pushAndReport(context, **store, options,
        {conflictStopped, printPushed, parser.isSet(u"json"_s),
            QCoreApplication::translate("notechondria-sync",
                "GitHub sync stopped: notechondria-sync/push — this push would delete %1 tracked files; "
                "run push --yes to confirm.")});
}

QCoro::Task<int> runRuns(Context &context)
{
    QCommandLineParser parser;
    parser.addOptions({{u"limit"_s,
        QCoreApplication::translate("notechondria-sync", "How many runs to list (default 20)."), u"N"_s}});
    if (!context.parse(parser,
            QCoreApplication::translate("notechondria-sync", "List the last push runs, newest first, as JSON."))) {
        co_return 2;
    }
    int limit = 20;
    if (parser.isSet(u"limit"_s)) {
        bool ok = false;
        limit = parser.value(u"limit"_s).toInt(&ok);
        if (!ok || limit <= 0) {
            co_return context.usageError(
                QCoreApplication::translate("notechondria-sync", "--limit must be a positive integer, not '%1'")
                    .arg(parser.value(u"limit"_s)));
        }
    }
    auto store = Store::open(dataFile(context), context.clock());
    if (!store) {
        co_return context.failure(store.error());
    }
    auto runs = (*store)->runs(limit);
    if (!runs) {
        co_return context.failure(runs.error());
    }
    QJsonArray array;
    for (const PushRun &run : std::as_const(*runs)) {
        array.append(QJsonObject{{u"id"_s, run.id}, {u"started_at"_s, isoTimestamp(run.startedAt.toUTC())},
            {u"duration_ms"_s, run.durationMs}, {u"added"_s, run.added}, {u"changed"_s, run.changed},
            {u"deleted"_s, run.deleted}, {u"bytes"_s, run.bytes}, {u"requests"_s, run.requests},
            {u"commit_sha"_s, run.commitSha.isEmpty() ? QJsonValue() : QJsonValue(run.commitSha)},
            {u"outcome"_s, run.outcome}, {u"message"_s, run.message}});
    }
    context.printJson(QJsonDocument(array));
    co_return 0;
}

} // namespace

void registerPushCommands(QList<Command> &commands)
{
    commands.append({u"export"_s,
        QCoreApplication::translate("notechondria-sync", "Write the backup tree to a folder (--out DIR)."), runExport});
    commands.append({u"push"_s,
        QCoreApplication::translate("notechondria-sync", "Push the account to GitHub as one commit (or none)."),
        runPush});
    commands.append(
        {u"runs"_s, QCoreApplication::translate("notechondria-sync", "List the last push runs as JSON."), runRuns});
}

} // namespace Notechondria::Cli
