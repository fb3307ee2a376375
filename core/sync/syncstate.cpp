// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncstate.h"

#include "exportpipeline.h"
#include "gitblob.h"
#include "store.h"
#include "syncmerge.h"

#include <QtConcurrent/QtConcurrentMap>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Sync/sync"_s;

QString noteHexOfKey(const QString &key)
{
    return key.mid(6, 32);
}

} // namespace

bool PublishPlan::massDeletion(bool confirmed) const
{
    return !confirmed && deleted >= 20 && deleted > 0.25 * tracked;
}

Result<GitHubIntegration> LocalState::connectedIntegration(const Store &store)
{
    auto integration = store.integration();
    if (!integration) {
        return std::unexpected(integration.error());
    }
    if (!integration->has_value()) {
        return fail(u"GitHub sync unavailable"_s, kModule, u"no GitHub App installation linked to this account."_s);
    }
    if ((*integration)->repoFullName.isEmpty()) {
        return fail(u"GitHub sync rejected"_s, kModule, u"no repository selected on this installation."_s);
    }
    return **integration;
}

QString LocalState::syncedStateFor(qint64 revision, qint64 changeSequence, bool includeAssets)
{
    return u"revision=%1;changes=%2;assets=%3;format=%4"_s.arg(revision)
        .arg(changeSequence)
        .arg(includeAssets ? 1 : 0)
        .arg(exportFormatRevision);
}

std::optional<LocalState::SyncedState> LocalState::parseSyncedState(const QString &state)
{
    QHash<QString, QString> parts;
    for (const QString &part : state.split(u';')) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals > 0) {
            parts.insert(part.first(equals), part.sliced(equals + 1));
        }
    }
    bool revisionOk = false;
    bool sequenceOk = false;
    SyncedState parsed;
    parsed.revision = parts.value(u"revision"_s).toLongLong(&revisionOk);
    parsed.changeSequence = parts.value(u"changes"_s).toLongLong(&sequenceOk);
    parsed.includeAssets = parts.value(u"assets"_s) == u"1"_s;
    if (!revisionOk || !sequenceOk || parsed.changeSequence < 0
        || parts.value(u"format"_s) != QString::number(exportFormatRevision)) {
        return std::nullopt;
    }
    return parsed;
}

QString LocalState::syncedStateAfter(const PublishPlan &publish) const
{
    return revision < 0 || changeSequence < 0 || !publish.keep.isEmpty()
        ? QString()
        : syncedStateFor(revision, changeSequence, includeAssets);
}

Result<LocalState> LocalState::prepare(
    const Store &store, const Clock &clock, bool includeAssets, const QByteArray &previousManifest)
{
    auto integration = connectedIntegration(store);
    if (!integration) {
        return std::unexpected(integration.error());
    }
    LocalState state;
    state.integration = *integration;
    state.includeAssets = includeAssets;
    state.hasLastSync = !state.integration.lastPushSha.isEmpty();
    if (state.hasLastSync) {
        auto base = store.syncBase();
        if (!base) {
            return std::unexpected(base.error());
        }
        state.base = std::move(*base);
    }
    auto revision = store.dataRevision();
    if (!revision) {
        return std::unexpected(revision.error());
    }
    state.revision = *revision;
    auto sequence = store.noteChangeSequence();
    if (!sequence) {
        return std::unexpected(sequence.error());
    }
    state.changeSequence = *sequence;
    auto materialized = ExportPipeline(store, clock, includeAssets).run(previousManifest);
    if (!materialized) {
        return std::unexpected(materialized.error());
    }
    const AccountSnapshot &snapshot = materialized->account;
    state.noteTitles = std::move(materialized->noteTitles);
    state.liveNoteIds = std::move(materialized->liveNoteIds);
    for (const Course &course : std::as_const(snapshot.courses)) {
        state.courseTitles.insert(course.slug, course.title);
    }
    state.accountEmpty = materialized->noteCount == 0 && snapshot.courses.isEmpty() && snapshot.events.isEmpty()
        && snapshot.feeds.isEmpty();
    state.previousManifest = previousManifest;
    state.tree = std::move(materialized->tree);
    state.indexByPath.reserve(state.tree.files.size());
    state.blobIds.reserve(state.tree.files.size());
    // Every file's blob id, on the thread pool: hashing is most of this step for a large account.
    const QList<QByteArray> ids = QtConcurrent::blockingMapped(
        state.tree.files, [](const ExportFile &file) { return GitBlob::id(file.bytes); });
    for (qsizetype i = 0; i < state.tree.files.size(); ++i) {
        const ExportFile &file = state.tree.files[i];
        state.indexByPath.insert(file.path, i);
        state.blobIds.insert(file.path, ids.at(i));
    }
    for (const ExportProblem &problem : std::as_const(state.tree.withheld)) {
        state.withheld.insert(problem.path);
    }
    return state;
}

bool LocalState::isTracked(const QString &path) const
{
    return SyncPlanner::isAccountPath(path, includeAssets);
}

SyncPlanInput LocalState::planInput(const QHash<QString, QByteArray> &remote) const
{
    SyncPlanInput input;
    for (auto it = blobIds.cbegin(); it != blobIds.cend(); ++it) {
        if (isTracked(it.key())) {
            input.local.insert(it.key(), it.value());
        }
    }
    for (auto it = remote.cbegin(); it != remote.cend(); ++it) {
        if (isTracked(it.key())) {
            input.remote.insert(it.key(), it.value());
        }
    }
    if (!hasLastSync && accountEmpty) {
        // A new device joins: what GitHub already holds comes in as it is, the rest goes out.
        for (auto it = input.local.cbegin(); it != input.local.cend(); ++it) {
            if (input.remote.contains(it.key())) {
                input.ancestor.insert(it.key(), it.value());
            }
        }
    } else {
        for (auto it = base.cbegin(); it != base.cend(); ++it) {
            if (!it.value().local.isEmpty() && isTracked(it.key())) {
                input.ancestor.insert(it.key(), it.value().local.toLatin1());
            }
        }
    }
    input.withheld = withheld;
    return input;
}

QSet<QByteArray> LocalState::neededBlobs(const SyncPlan &plan, const QHash<QString, QByteArray> &remote) const
{
    QSet<QByteArray> needed;
    const auto add = [&](const QByteArray &sha) {
        if (!sha.isEmpty()) {
            needed.insert(sha);
        }
    };
    for (auto it = plan.actions.cbegin(); it != plan.actions.cend(); ++it) {
        if (it.value() == SyncAction::Theirs || it.value() == SyncAction::Merge) {
            add(remote.value(it.key()));
        }
        if (it.value() == SyncAction::Merge) {
            add(base.value(it.key()).local.toLatin1());
        }
    }
    for (const QString &key : plan.copies) {
        add(remote.value(key));
        add(remote.value(key.chopped(3) + u".meta.json"_s));
    }
    return needed;
}

namespace {

/// The items a pull changes here, by item key.
struct ItemChanges
{
    QSet<QString> added, changed, deleted;
};

/// Merging resolves conflicts with the sync's resolutions; ids of new planner entries start above every id on the
/// three sides and in the local tree.
MergeContext mergeContextFor(
    const SyncPlanInput &input, const BlobContents &contents, const QHash<QString, QByteArray> &tree)
{
    MergeContext context;
    context.resolve = [&input](const QString &key) {
        return SyncPlanner::resolutionFor(input, key);
    };
    for (const QString &path : {u"planner/events.json"_s, u"planner/feeds.json"_s}) {
        for (const QByteArray &sha : {input.local.value(path), input.remote.value(path), input.ancestor.value(path)}) {
            context.nextId = std::max(context.nextId, maxListId(path, contents.value(sha)) + 1);
        }
        if (const auto found = tree.constFind(path); found != tree.cend()) {
            context.nextId = std::max(context.nextId, maxListId(path, *found) + 1);
        }
    }
    return context;
}

/// GitHub's copies (or deletions) of the paths the plan takes from GitHub, into the merged tree.
void takeTheirs(const SyncPlan &plan, const SyncPlanInput &input, const BlobContents &contents,
    SyncMergeOutcome &outcome, ItemChanges &changes)
{
    for (const QString &path : plan.paths(SyncAction::Theirs)) {
        const QByteArray remote = input.remote.value(path);
        const QString key = itemKeyOf(path);
        if (remote.isNull()) {
            outcome.tree.remove(path);
            changes.deleted.insert(key);
        } else {
            (input.local.contains(path) ? changes.changed : changes.added).insert(key);
            outcome.tree.insert(path, contents.value(remote));
        }
        outcome.changesLocal = true;
    }
}

/// The three-way merges of the paths both sides changed, into the merged tree; what cannot merge is a conflict.
void mergeBothSides(const SyncPlan &plan, const SyncPlanInput &input, const BlobContents &contents,
    MergeContext &context, SyncMergeOutcome &outcome, ItemChanges &changes)
{
    for (const QString &path : plan.paths(SyncAction::Merge)) {
        const QByteArray ancestor = input.ancestor.value(path);
        const FileContent baseBytes = ancestor.isNull() ? FileContent() : FileContent(contents.value(ancestor));
        const MergedFile merged
            = mergeFile(path, baseBytes, outcome.tree.value(path), contents.value(input.remote.value(path)), context);
        if (!merged.conflicts.isEmpty()) {
            outcome.conflicts.append(merged.conflicts);
            continue;
        }
        outcome.mergedPaths.append(path);
        if (merged.bytes) {
            outcome.tree.insert(path, *merged.bytes);
        } else {
            outcome.tree.remove(path);
        }
        changes.changed.insert(itemKeyOf(path));
        outcome.changesLocal = true;
    }
}

} // namespace

SyncMergeOutcome LocalState::merge(const SyncPlan &plan, const SyncPlanInput &input, const BlobContents &contents) const
{
    SyncMergeOutcome outcome;
    for (const ExportFile &file : tree.files) {
        if (isTracked(file.path)) {
            outcome.tree.insert(file.path, file.bytes);
        }
    }
    for (const ExportFile &file : tree.withheldFiles) {
        outcome.tree.insert(file.path, file.bytes);
    }
    MergeContext context = mergeContextFor(input, contents, outcome.tree);
    ItemChanges changes;
    outcome.conflicts = plan.conflicts;
    takeTheirs(plan, input, contents, outcome, changes);
    mergeBothSides(plan, input, contents, context, outcome, changes);
    outcome.changesLocal = outcome.changesLocal || !plan.copies.isEmpty();
    keepOneConflictPerItem(outcome.conflicts);
    outcome.pulled
        = {int(changes.added.size()), int((changes.changed - changes.added).size()), int(changes.deleted.size())};
    return outcome;
}

SyncApplyInput LocalState::applyInput(const SyncMergeOutcome &merge, const SyncPlan &plan,
    const QHash<QString, QByteArray> &remote, const BlobContents &contents, const QDateTime &now) const
{
    SyncApplyInput input;
    input.merged = merge.tree;
    input.remoteBlobs = remote;
    input.copies = plan.copies;
    for (const QString &key : plan.copies) {
        for (const QString &path : QStringList{key, key.chopped(3) + u".meta.json"_s}) {
            input.copySources.insert(path, contents.value(remote.value(path)));
        }
    }
    for (auto it = base.cbegin(); it != base.cend(); ++it) {
        if (!it.value().local.isEmpty() || !it.value().base.isEmpty()) {
            input.synced.insert(it.key());
        }
    }
    QSet<QString> changed;
    for (auto it = input.merged.cbegin(); it != input.merged.cend(); ++it) {
        if (isTracked(it.key()) && blobIds.value(it.key()) != GitBlob::id(it.value())) {
            changed.insert(it.key());
        }
    }
    for (auto it = blobIds.cbegin(); it != blobIds.cend(); ++it) {
        if (isTracked(it.key()) && !input.merged.contains(it.key())) {
            changed.insert(it.key());
        }
    }
    input.changed = std::move(changed);
    input.now = now;
    return input;
}

void LocalState::setMergedPaths(const QHash<QString, QByteArray> &merged)
{
    m_merged = merged;
}

PublishPlan LocalState::publishPlan(
    const SyncPlan &plan, const QHash<QString, QByteArray> &remote, bool pruneOrphans) const
{
    PublishPlan publish;
    publish.keep = withheld;
    for (const QString &path : plan.paths(SyncAction::KeepRemote)) {
        publish.keep.insert(path);
    }
    for (auto it = blobIds.cbegin(); it != blobIds.cend(); ++it) {
        if (isTracked(it.key()) && !publish.keep.contains(it.key()) && remote.value(it.key()) != it.value()) {
            publish.upload.append(it.key());
            if (remote.contains(it.key())) {
                ++publish.changed;
            } else {
                ++publish.added;
                publish.created.insert(it.key());
            }
        }
    }
    for (auto it = remote.cbegin(); it != remote.cend(); ++it) {
        const QString &path = it.key();
        if (!isTracked(path)) {
            continue;
        }
        ++publish.tracked;
        const QStringList parts = path.split(u'/');
        const bool orphan = pruneOrphans && parts.size() >= 4 && parts[0] == u"assets"_s && parts[1] == u"notes"_s
            && !liveNoteIds.contains(parts[2]);
        // A file the store could not read back (it was in the merged tree) is GitHub's to keep.
        if (!blobIds.contains(path) && !publish.keep.contains(path) && (!m_merged.contains(path) || orphan)) {
            publish.remove.append(path);
        }
    }
    publish.deleted = int(publish.remove.size());
    // The export was compared with GitHub's manifest: the generated files differ only when the files they list do.
    // A checksum file the export no longer has (its notes moved to other ones) goes.
    for (auto it = blobIds.cbegin(); it != blobIds.cend(); ++it) {
        if (SyncPlanner::isGenerated(it.key()) && remote.value(it.key()) != it.value()) {
            publish.upload.append(it.key());
        }
    }
    for (auto it = remote.cbegin(); it != remote.cend(); ++it) {
        if (isChecksumPath(it.key()) && !blobIds.contains(it.key())) {
            publish.remove.append(it.key());
        }
    }
    publish.upload.sort();
    publish.remove.sort();
    return publish;
}

QHash<QString, SyncBaseEntry> LocalState::newBase(
    const SyncPlan &plan, const QHash<QString, QByteArray> &remote, const PublishPlan &publish) const
{
    Q_UNUSED(plan);
    QHash<QString, QByteArray> final;
    for (auto it = remote.cbegin(); it != remote.cend(); ++it) {
        if (isTracked(it.key()) || SyncPlanner::isGenerated(it.key())) {
            final.insert(it.key(), it.value());
        }
    }
    for (const QString &path : publish.upload) {
        final.insert(path, blobIds.value(path));
    }
    for (const QString &path : publish.remove) {
        final.remove(path);
    }
    QSet<QString> paths;
    for (const QHash<QString, QByteArray> *map : {&std::as_const(final), &blobIds}) {
        for (auto it = map->cbegin(); it != map->cend(); ++it) {
            paths.insert(it.key());
        }
    }
    for (auto it = base.cbegin(); it != base.cend(); ++it) {
        paths.insert(it.key());
    }
    QHash<QString, SyncBaseEntry> next;
    for (const QString &path : std::as_const(paths)) {
        if (!isTracked(path) && !SyncPlanner::isGenerated(path)) {
            continue;
        }
        SyncBaseEntry entry;
        entry.base = QString::fromLatin1(final.value(path));
        if (publish.keep.contains(path)) {
            entry.local = base.value(path).local; // GitHub's copy was not taken in: still derived from the old one
        } else if (blobIds.contains(path)) {
            entry.local = QString::fromLatin1(blobIds.value(path));
        }
        if (!entry.base.isEmpty() || !entry.local.isEmpty()) {
            next.insert(path, entry);
        }
    }
    return next;
}

std::optional<QHash<QString, QByteArray>> LocalState::recordedRemote() const
{
    if (!hasLastSync || integration.lastPushTree.isEmpty()) {
        return std::nullopt;
    }
    QHash<QString, QByteArray> remote;
    for (auto it = base.cbegin(); it != base.cend(); ++it) {
        if (!it.value().base.isEmpty()) {
            remote.insert(it.key(), it.value().base.toLatin1());
        }
    }
    return remote;
}

QList<std::pair<QString, QString>> LocalState::previewStatuses() const
{
    QMap<QString, QString> statuses;
    for (auto it = blobIds.cbegin(); it != blobIds.cend(); ++it) {
        const QString recorded = base.value(it.key()).base;
        statuses.insert(it.key(),
            recorded.isEmpty()                      ? u"added"_s
                : recorded.toLatin1() != it.value() ? u"changed"_s
                                                    : u"unchanged"_s);
    }
    for (auto it = base.cbegin(); it != base.cend(); ++it) {
        if (!blobIds.contains(it.key()) && !it.value().base.isEmpty() && isTracked(it.key())
            && !withheld.contains(it.key())) {
            statuses.insert(it.key(), u"deleted"_s);
        }
    }
    QList<std::pair<QString, QString>> list;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        list.append({it.key(), it.value()});
    }
    return list;
}

SyncConflict LocalState::describeConflict(const QString &key, const QString &kind) const
{
    SyncConflict conflict{key, {}, kind, u"file"_s};
    if (key.startsWith(u"notes/"_s)) {
        conflict.item = u"note"_s;
        conflict.title = noteTitles.value(noteHexOfKey(key));
    } else if (key.startsWith(u"courses/"_s)) {
        conflict.item = u"course"_s;
        conflict.title = courseTitles.value(key.mid(8).chopped(5));
    } else if (key.startsWith(u"planner/"_s) && key.contains(u'#')) {
        const QString file = key.section(u'#', 0, 0);
        const qint64 id = key.section(u'#', 1).toLongLong();
        const bool events = file == u"planner/events.json"_s;
        conflict.item = events ? u"event"_s : u"feed"_s;
        if (const ExportFile *found = tree.find(file)) {
            const QJsonArray items
                = QJsonDocument::fromJson(found->bytes).object().value(events ? u"events"_s : u"feeds"_s).toArray();
            for (const auto &value : items) {
                if (value.toObject().value(u"id"_s).toInteger() == id) {
                    conflict.title = value.toObject().value(u"title"_s).toString();
                }
            }
        }
    } else if (key.startsWith(u"profile/"_s)) {
        conflict.item = u"profile"_s;
    }
    return conflict;
}

} // namespace Notechondria
