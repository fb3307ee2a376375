// SPDX-License-Identifier: GPL-3.0-or-later
// Store's forwarding to the parts schema 6 added: the notes' version history and the course subscriptions.
#include "store.h"
#include "storeprivate.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

Result<void> Store::reorderCourses(const QList<qint64> &ids)
{
    return d->courses.reorderCourses(ids, d->context.now());
}

Result<QHash<qint64, CourseSubscription>> Store::courseSubscriptions() const
{
    return d->courses.subscriptions();
}

Result<void> Store::saveCourseSubscription(const CourseSubscription &subscription)
{
    return d->courses.saveSubscription(subscription);
}

Result<QList<NoteVersion>> Store::noteVersions(qint64 noteId) const
{
    return d->versions.versions(noteId);
}

Result<std::optional<NoteVersion>> Store::noteVersion(qint64 noteId, qint64 versionId) const
{
    return d->versions.version(noteId, versionId);
}

Result<std::optional<NoteVersion>> Store::snapshotNote(qint64 noteId, const QString &reason)
{
    const auto note = d->notes.note(noteId);
    if (!note) {
        return std::unexpected(note.error());
    }
    if (!*note) {
        return std::nullopt;
    }
    auto version = d->versions.snapshot(**note, reason, d->context.now());
    if (!version) {
        return std::unexpected(version.error());
    }
    return *version;
}

Result<std::optional<Note>> Store::restoreNoteVersion(qint64 noteId, qint64 versionId)
{
    std::optional<Note> restored;
    Result<void> done = d->context.transaction([&]() -> Result<void> {
        auto note = d->notes.note(noteId);
        auto version = d->versions.version(noteId, versionId);
        if (!note || !version) {
            return std::unexpected(!note ? note.error() : version.error());
        }
        if (!*note || !*version) {
            return {};
        }
        const QDateTime now = d->context.now();
        if (auto before = d->versions.snapshot(**note, u"before_restore"_s, now); !before) {
            return std::unexpected(before.error());
        }
        Note target = std::move(**note);
        const NoteVersion &from = **version;
        target.title = from.title;
        target.description = from.description;
        target.content = from.content;
        target.metadataJson = from.metadataJson;
        target.editorMode = from.editorMode;
        target.lastEdit = now;
        auto saved = d->notes.saveNote(std::move(target));
        if (!saved) {
            return std::unexpected(saved.error());
        }
        restored = std::move(*saved);
        return {};
    });
    if (!done) {
        return std::unexpected(done.error());
    }
    return restored;
}

} // namespace Notechondria
