// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncplanner.h"

#include "exporter.h"
#include "syncmerge.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

bool isNoteKey(const QString &key)
{
    return key.startsWith(u"notes/"_s) && key.endsWith(u".md"_s);
}

SyncAction fromResolution(SyncResolution resolution)
{
    return resolution == SyncResolution::Theirs ? SyncAction::Theirs : SyncAction::Ours;
}

} // namespace

QStringList SyncPlan::paths(SyncAction action) const
{
    QStringList list;
    for (auto it = actions.cbegin(); it != actions.cend(); ++it) {
        if (it.value() == action) {
            list.append(it.key());
        }
    }
    list.sort();
    return list;
}

bool SyncPlanner::isGenerated(const QString &path)
{
    return path == u"manifest.json"_s || path == u"README.md"_s || isChecksumPath(path);
}

bool SyncPlanner::isAccountPath(const QString &path, bool includeAssets)
{
    static const QRegularExpression notePath(u"^notes/[0-9a-f]{32}(\\.md|\\.meta\\.json)$"_s);
    static const QRegularExpression coursePath(u"^courses/[^/]+\\.json$"_s);
    if (path == u"recycle_bin.json"_s || path == u"planner/events.json"_s || path == u"planner/feeds.json"_s
        || path == u"profile/creator.json"_s || path == u"profile/settings.json"_s || path == u"profile/skill.md"_s) {
        return true;
    }
    if (path.startsWith(u"assets/"_s)) {
        return includeAssets;
    }
    return notePath.match(path).hasMatch() || coursePath.match(path).hasMatch();
}

std::optional<SyncResolution> SyncPlanner::resolutionFor(const SyncPlanInput &input, const QString &itemKey)
{
    if (const auto found = input.resolutions.constFind(itemKey); found != input.resolutions.cend()) {
        return *found;
    }
    return input.resolveAll;
}

namespace {

/// The action for one path, into @p plan; a note whose both-changed file has a resolution goes into @p resolvedNotes.
void planPath(const SyncPlanInput &input, const QString &path, SyncPlan &plan, QSet<QString> &resolvedNotes)
{
    const QByteArray local = input.local.value(path), remote = input.remote.value(path);
    if (input.withheld.contains(path)) {
        if (!remote.isNull() || !input.ancestor.value(path).isNull()) {
            plan.actions.insert(path, SyncAction::KeepRemote);
        }
        return;
    }
    if (local == remote) {
        return;
    }
    const QByteArray ancestor = input.ancestor.value(path);
    const bool ours = local != ancestor;
    const bool theirs = remote != ancestor;
    if (!theirs) {
        plan.actions.insert(path, SyncAction::Ours);
        return;
    }
    if (!ours) {
        plan.actions.insert(path, input.pull ? SyncAction::Theirs : SyncAction::KeepRemote);
        return;
    }
    const QString key = itemKeyOf(path);
    if (const auto resolution = SyncPlanner::resolutionFor(input, key)) {
        plan.actions.insert(path, fromResolution(*resolution));
        if (isNoteKey(key)) {
            resolvedNotes.insert(key);
            if (*resolution == SyncResolution::Both && !input.remote.value(key).isNull()) {
                plan.copies.insert(key);
            }
        }
        return;
    }
    if (local.isNull() || remote.isNull()) {
        plan.actions.insert(path, SyncAction::Conflict);
        plan.conflicts.append({key, local.isNull() ? u"deleted_here"_s : u"deleted_on_github"_s});
        return;
    }
    plan.actions.insert(path, SyncAction::Merge);
}

/// A note's resolution covers both of its files, also the one that changed on one side only.
void coverNoteFiles(const SyncPlanInput &input, const QSet<QString> &resolvedNotes, SyncPlan &plan)
{
    for (const QString &key : resolvedNotes) {
        const SyncAction action = fromResolution(*SyncPlanner::resolutionFor(input, key));
        const QString meta = key.chopped(3) + u".meta.json"_s;
        for (const QString &path : QStringList{key, meta}) {
            if (plan.actions.contains(path) || input.local.value(path) != input.remote.value(path)) {
                plan.actions.insert(path, action);
            }
        }
    }
}

} // namespace

void keepOneConflictPerItem(QList<std::pair<QString, QString>> &conflicts)
{
    std::ranges::sort(conflicts);
    conflicts.erase(std::unique(conflicts.begin(), conflicts.end(),
                        [](const auto &a, const auto &b) { return a.first == b.first; }),
        conflicts.end());
}

SyncPlan SyncPlanner::plan(const SyncPlanInput &input)
{
    SyncPlan plan;
    QSet<QString> paths;
    for (const QHash<QString, QByteArray> *map : {&input.local, &input.remote, &input.ancestor}) {
        for (auto it = map->cbegin(); it != map->cend(); ++it) {
            paths.insert(it.key());
        }
    }
    QSet<QString> resolvedNotes; // notes with a both-changed file and a resolution: it covers all their files
    for (const QString &path : std::as_const(paths)) {
        planPath(input, path, plan, resolvedNotes);
    }
    coverNoteFiles(input, resolvedNotes, plan);
    keepOneConflictPerItem(plan.conflicts);
    return plan;
}

} // namespace Notechondria
