// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncapply.h"

#include "exporter.h"
#include "gitblob.h"
#include "store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

QString hexOf(const QUuid &uuid)
{
    return uuid.toString(QUuid::Id128);
}

bool fromRemote(const SyncApplyInput &input, const QString &path)
{
    const auto merged = input.merged.constFind(path);
    return merged != input.merged.cend() && input.remoteBlobs.value(path) == GitBlob::id(*merged);
}

/// Two courses with one id (created on two devices): GitHub's keeps it, ours moves to a fresh id.
QHash<QString, QByteArray> withUniqueCourseIds(const SyncApplyInput &input)
{
    QHash<QString, QByteArray> files = input.merged;
    QHash<qint64, QStringList> pathsById;
    qint64 maxId = 0;
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (it.key().startsWith(u"courses/"_s)) {
            const qint64 id = QJsonDocument::fromJson(it.value()).object().value(u"id"_s).toInteger();
            pathsById[id].append(it.key());
            maxId = std::max(maxId, id);
        }
    }
    for (auto it = pathsById.begin(); it != pathsById.end(); ++it) {
        QStringList &paths = it.value();
        if (paths.size() < 2) {
            continue;
        }
        std::ranges::sort(paths, [&](const QString &a, const QString &b) {
            return std::pair(!fromRemote(input, a), a) < std::pair(!fromRemote(input, b), b);
        });
        for (const QString &path : paths.mid(1)) {
            QJsonObject object = QJsonDocument::fromJson(files.value(path)).object();
            object.insert(u"id"_s, ++maxId);
            files.insert(path, canonicalJson(object));
        }
    }
    return files;
}

/// Notes with one id (created on two devices): GitHub's keeps it, ours move to fresh ids.
void makeNoteIdsUnique(QList<Note> &notes, const SyncApplyInput &input)
{
    qint64 maxId = 0;
    QHash<qint64, QList<Note *>> byId;
    for (Note &note : notes) {
        maxId = std::max(maxId, note.id);
        if (note.id > 0) {
            byId[note.id].append(&note);
        }
    }
    for (auto it = byId.begin(); it != byId.end(); ++it) {
        QList<Note *> &same = it.value();
        if (same.size() < 2) {
            continue;
        }
        const auto remoteFirst = [&](const Note *n) {
            return std::pair(!fromRemote(input, u"notes/"_s + hexOf(n->uuid) + u".meta.json"_s), hexOf(n->uuid));
        };
        std::ranges::sort(same, [&](const Note *a, const Note *b) { return remoteFirst(a) < remoteFirst(b); });
        for (Note *note : same.mid(1)) {
            note->id = ++maxId;
        }
    }
}

/// The notes of the merged tree, with what only the store has put back.
QList<Note> mergedNotes(const Backup &backup, const AccountSnapshot &local, const SyncApplyInput &input)
{
    QHash<QUuid, const Note *> localByUuid;
    for (const Note &note : local.notes) {
        localByUuid.insert(note.uuid, &note);
    }
    QHash<QUuid, Note> notes;
    for (const Note &parsed : backup.account.notes) {
        const Note *mine = localByUuid.value(parsed.uuid);
        if (parsed.deletedAt && notes.contains(parsed.uuid)) {
            continue; // live and in the bin at once: a restore on one side wins
        }
        Note note = parsed;
        if (parsed.deletedAt && mine) {
            note = *mine; // the bin lists uuid, title and time: the content lives on here
            note.deletedAt = parsed.deletedAt; // the merged tree's time, so both sides write the same entry
        } else if (mine) {
            note.cover = mine->cover;
            note.attachments = mine->attachments;
        }
        notes.insert(parsed.uuid, note);
    }
    for (const Note &note : local.notes) {
        if (notes.contains(note.uuid)) {
            continue;
        }
        Note kept = note;
        if (!kept.deletedAt && input.synced.contains(u"notes/"_s + hexOf(note.uuid) + u".md"_s)) {
            kept.deletedAt = input.now; // deleted on GitHub: into the recycle bin here
        }
        notes.insert(note.uuid, kept);
    }
    QList<Note> list = notes.values();
    makeNoteIdsUnique(list, input);
    return list;
}

AccountSnapshot mergedAccount(const Backup &backup, const AccountSnapshot &local, const SyncApplyInput &input)
{
    AccountSnapshot account = backup.account;
    account.profile.avatar = local.profile.avatar;
    QSet<QString> slugs;
    for (const Course &course : std::as_const(account.courses)) {
        slugs.insert(course.slug);
    }
    for (const Course &course : local.courses) {
        // A course the export could not write (an unsafe slug) was never synced: it stays.
        if (!slugs.contains(course.slug) && !input.synced.contains(u"courses/"_s + course.slug + u".json"_s)
            && !input.merged.contains(u"courses/"_s + course.slug + u".json"_s)) {
            account.courses.append(course);
        }
    }
    account.notes = mergedNotes(backup, local, input);
    return account;
}

Result<void> addConflictCopies(Store &store, const SyncApplyInput &input, const QHash<QString, QByteArray> &merged)
{
    for (const QString &key : input.copies) {
        QHash<QString, QByteArray> files;
        for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
            if (it.key().startsWith(u"courses/"_s)) {
                files.insert(it.key(), it.value());
            }
        }
        const QString meta = key.chopped(3) + u".meta.json"_s;
        files.insert(u"manifest.json"_s, "{\"schema_version\": 2}\n");
        files.insert(key, input.copySources.value(key));
        files.insert(meta, input.copySources.value(meta));
        const Backup copy = readBackup(files);
        if (copy.account.notes.isEmpty()) {
            continue;
        }
        Note note = copy.account.notes.first();
        const QString suffix = u" (GitHub, %1)"_s.arg(input.now.date().toString(Qt::ISODate));
        note.title = note.title.left(100 - suffix.size()) + suffix;
        note.id = 0;
        note.uuid = QUuid::createUuid();
        note.sharingId = QUuid::createUuid();
        note.clientDraftId.reset();
        if (note.courseId) {
            const QString slug = copy.courseSlugById.value(*note.courseId);
            auto course = store.courseBySlug(slug);
            note.courseId = course && course->has_value() ? std::optional<qint64>((*course)->id) : std::nullopt;
        }
        if (auto saved = store.saveNote(note); !saved) {
            return std::unexpected(saved.error());
        }
    }
    return {};
}

/// The notes (by hex) of @p changed when every path there is a note's file; nullopt otherwise.
std::optional<QSet<QString>> changedNotes(const QSet<QString> &changed)
{
    static const QRegularExpression notePath(u"^notes/([0-9a-f]{32})\\.(?:md|meta\\.json)$"_s);
    QSet<QString> hexes;
    for (const QString &path : changed) {
        const QRegularExpressionMatch match = notePath.match(path);
        if (!match.hasMatch()) {
            return std::nullopt;
        }
        hexes.insert(match.captured(1));
    }
    return hexes;
}

/// Whether @p note can be written over (or next to) what the store holds without renumbering anything.
bool keepsItsId(const Store &store, const Note &note)
{
    if (note.deletedAt || note.id <= 0) {
        return false;
    }
    const auto mine = store.noteByUuid(note.uuid);
    if (!mine) {
        return false;
    }
    if (*mine) {
        return (*mine)->id == note.id && !(*mine)->deletedAt;
    }
    const auto holder = store.note(note.id);
    return holder && !*holder;
}

/**
 * A pull that changes only live notes which keep their ids: those notes are read from the merged tree and written,
 * nothing else (the whole account otherwise: O(account) for every pull). nullopt when the pull is not of that kind;
 * then the whole-account path gives the same result.
 */
std::optional<Result<QList<BackupProblem>>> applyNotesByDifference(Store &store, const SyncApplyInput &input)
{
    if (!input.changed) {
        return std::nullopt;
    }
    const auto hexes = changedNotes(*input.changed);
    if (!hexes) {
        return std::nullopt;
    }
    QHash<QString, QByteArray> files{{u"manifest.json"_s, "{\"schema_version\": 2}\n"}};
    for (auto it = input.merged.cbegin(); it != input.merged.cend(); ++it) {
        if (it.key().startsWith(u"courses/"_s)) {
            files.insert(it.key(), it.value()); // a note names its course by slug
        }
    }
    for (const QString &hex : *hexes) {
        for (const QString &path : {u"notes/%1.md"_s.arg(hex), u"notes/%1.meta.json"_s.arg(hex)}) {
            if (const auto file = input.merged.constFind(path); file != input.merged.cend()) {
                files.insert(path, *file);
            }
        }
    }
    const Backup backup = readBackup(files);
    if (!backup.problems.isEmpty() || backup.account.notes.size() != hexes->size()
        || !std::ranges::all_of(backup.account.notes, [&](const Note &note) { return keepsItsId(store, note); })) {
        return std::nullopt;
    }
    Result<void> done = store.transaction([&]() -> Result<void> {
        if (auto imported = store.importNotes(backup.account.notes); !imported) {
            return imported;
        }
        return addConflictCopies(store, input, input.merged);
    });
    if (!done) {
        return std::unexpected(done.error().withConsequence(u"GitHub changes not applied"_s));
    }
    return backup.problems;
}

} // namespace

Result<QList<BackupProblem>> applySync(Store &store, const SyncApplyInput &input)
{
    if (auto byDifference = applyNotesByDifference(store, input)) {
        return *byDifference;
    }
    auto local = store.snapshot(true);
    if (!local) {
        return std::unexpected(local.error());
    }
    QHash<QString, QByteArray> merged = withUniqueCourseIds(input);
    merged.insert(u"manifest.json"_s, "{\"schema_version\": 2}\n"); // the tree is ours: YAML frontmatter
    const Backup backup = readBackup(merged);
    const AccountSnapshot account = mergedAccount(backup, *local, input);
    Result<void> done = store.transaction([&]() -> Result<void> {
        if (auto imported = store.importAccount(account); !imported) {
            return imported;
        }
        return addConflictCopies(store, input, merged);
    });
    if (!done) {
        return std::unexpected(done.error().withConsequence(u"GitHub changes not applied"_s));
    }
    return backup.problems;
}

} // namespace Notechondria
