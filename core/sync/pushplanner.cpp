// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushplanner.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

struct PathState
{
    QByteArray local; ///< null: absent locally
    QByteArray base; ///< null: not in our record
    QByteArray remote; ///< null: absent remotely
};

PathState stateOf(const PushPlanInput &input, const QString &path)
{
    PathState state{input.local.value(path), input.base.value(path), {}};
    if (!input.remote) {
        state.remote = state.base; // the head is our last push: the remote holds what we recorded
    } else if (const auto found = input.remote->constFind(path); found != input.remote->constEnd()) {
        state.remote = *found;
    } else if (input.remoteTruncated) {
        state.remote = state.base; // not listed: unknown, assume untouched
    }
    return state;
}

void applyOurs(PushPlan &plan, const PushPlanInput &input, const QString &path, const PathState &state)
{
    if (state.local.isNull()) {
        if (input.remoteTruncated) {
            plan.newBase.insert(path, state.base); // cannot see the whole remote: keep tracking, delete later
        } else {
            plan.remove.append(path);
        }
        return;
    }
    plan.upload.append(path);
    if (state.remote.isNull()) {
        ++plan.added;
        plan.addedPaths.insert(path);
    } else {
        ++plan.changed;
    }
    plan.newBase.insert(path, state.local);
}

/// Planned decision for one path tracked locally or in our record.
void planPath(PushPlan &plan, const PushPlanInput &input, const QString &path)
{
    const PathState state = stateOf(input, path);
    const bool theirsChanged = input.hasLastPush && state.remote != state.base;
    if (state.local == state.remote) {
        if (!state.local.isNull()) {
            plan.newBase.insert(path, state.local);
        }
        if (theirsChanged) {
            plan.remoteChanged.append(path);
        }
        return;
    }
    const bool oursChanged = state.local != state.base;
    if (!oursChanged) {
        // Only the remote changed this path: keep their copy, and keep our base so a later push
        // neither overwrites it nor mistakes it for a local edit.
        plan.remoteChanged.append(path);
        if (!state.base.isNull()) {
            plan.newBase.insert(path, state.base);
        }
        return;
    }
    if (theirsChanged && !PushPlanner::isGenerated(path)) {
        plan.remoteChanged.append(path);
        if (input.keepRemote && !input.force) {
            plan.keptRemote.append(path);
            if (!state.local.isNull()) {
                plan.newBase.insert(path, state.local); // reconciled: stays theirs until edited locally
            }
            return;
        }
        if (!input.force) {
            plan.conflicts.append(path);
            return;
        }
    }
    applyOurs(plan, input, path, state);
}

QString normalizedNoteId(const QString &segment)
{
    QString id = segment.toLower();
    id.remove(u'-');
    id.remove(u'{');
    id.remove(u'}');
    return id;
}

void pruneOrphanAssets(PushPlan &plan, const PushPlanInput &input)
{
    if (!input.liveNoteIds || !input.remote || input.remoteTruncated) {
        return;
    }
    for (auto it = input.remote->constBegin(); it != input.remote->constEnd(); ++it) {
        const QString &path = it.key();
        const QStringList segments = path.split(u'/');
        if (segments.size() < 4 || segments[0] != u"assets"_s || segments[1] != u"notes"_s) {
            continue;
        }
        if (input.local.contains(path) || input.liveNoteIds->contains(normalizedNoteId(segments[2]))
            || plan.remove.contains(path)) {
            continue;
        }
        plan.remove.append(path);
        plan.newBase.remove(path);
    }
}

} // namespace

bool PushPlanner::isGenerated(const QString &path)
{
    return path == u"manifest.json"_s || path == u"README.md"_s;
}

PushPlan PushPlanner::plan(const PushPlanInput &input)
{
    PushPlan plan;
    QStringList paths = input.local.keys();
    for (auto it = input.base.constBegin(); it != input.base.constEnd(); ++it) {
        if (!input.local.contains(it.key())) {
            paths.append(it.key());
        }
    }
    std::ranges::sort(paths);
    plan.newBase.reserve(paths.size());
    for (const QString &path : std::as_const(paths)) {
        planPath(plan, input, path);
    }
    pruneOrphanAssets(plan, input);
    std::ranges::sort(plan.remove);

    plan.tracked = int(input.base.size());
    plan.wouldDelete = int(plan.remove.size());
    plan.deleted = plan.wouldDelete;
    plan.massDeletionBlocked = !input.confirmMassDeletion && plan.wouldDelete >= kMassDeletionMinimum
        && plan.wouldDelete > kMassDeletionShare * plan.tracked;
    return plan;
}

QList<std::pair<QString, QString>> PushPlan::statuses(const QMap<QString, QByteArray> &local) const
{
    QMap<QString, QString> byPath;
    for (auto it = local.constBegin(); it != local.constEnd(); ++it) {
        byPath.insert(it.key(), u"unchanged"_s);
    }
    for (const QString &path : upload) {
        byPath.insert(path, addedPaths.contains(path) ? u"added"_s : u"changed"_s);
    }
    for (const QString &path : remove) {
        byPath.insert(path, u"deleted"_s);
    }
    QList<std::pair<QString, QString>> result;
    result.reserve(byPath.size());
    for (auto it = byPath.constBegin(); it != byPath.constEnd(); ++it) {
        result.append({it.key(), it.value()});
    }
    return result;
}

} // namespace Notechondria
