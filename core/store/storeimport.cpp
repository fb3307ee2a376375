// SPDX-License-Identifier: GPL-3.0-or-later
// Store::importAccount: a restore into the local store that keeps every id.
#include "storeprivate.h"
#include "storesql.h"

#include <climits>
#include <ranges>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString consequence = u"Cannot restore the account"_s;
const QString process = u"Core.Store/import_account"_s;

template<typename T>
QList<T> byId(QList<T> items)
{
    // Rows without an id (the recycle bin's notes) go last: their fresh ids then come after every kept id.
    std::ranges::sort(
        items, [](const T &a, const T &b) { return (a.id <= 0 ? LLONG_MAX : a.id) < (b.id <= 0 ? LLONG_MAX : b.id); });
    return items;
}

/**
 * Saves @p rows with @p save in ascending id order, each then renumbered to the id it had: at most one row carries a
 * fresh id at any time, so a renumbering never collides. @p after(row, id) writes what hangs off a saved row.
 */
template<typename T, typename Save, typename After>
Result<void> importRows(const StoreContext &context, const QString &table, const QList<T> &rows, Save save, After after)
{
    for (T row : byId(rows)) {
        const qint64 id = std::exchange(row.id, 0);
        auto saved = save(row);
        if (!saved) {
            return std::unexpected(saved.error());
        }
        if (id > 0 && id != saved->id) {
            auto moved
                = context.run(u"UPDATE %1 SET id = ? WHERE id = ?"_s.arg(table), {id, saved->id}, consequence, process);
            if (!moved) {
                return moved;
            }
        }
        if (auto done = after(row, id > 0 ? id : saved->id); !done) {
            return done;
        }
    }
    return {};
}

template<typename T, typename Save>
Result<void> importRows(const StoreContext &context, const QString &table, const QList<T> &rows, Save save)
{
    return importRows(context, table, rows, save, [](const T &, qint64) -> Result<void> { return {}; });
}

} // namespace

Result<void> Store::importAccount(const AccountSnapshot &account)
{
    Private &p = *d;
    const auto noteFiles = [&p](const Note &note, qint64 noteId) -> Result<void> {
        if (!note.cover.isEmpty()) {
            if (auto cover = p.notes.setNoteCover(noteId, note.cover); !cover) {
                return cover;
            }
        }
        for (Attachment attachment : note.attachments) {
            attachment.id = 0;
            if (auto added = p.notes.addAttachment(noteId, attachment); !added) {
                return std::unexpected(added.error());
            }
        }
        return {};
    };
    return transaction([&]() -> Result<void> {
        Result<void> done = HistoryCarry::carryBegin(p.context); // versions, subscriptions: back after the rows
        done = done.and_then([&] { return clearAccount(); });
        done = done.and_then([&] { return p.profile.saveProfile(account.profile); });
        if (done && !account.profile.avatar.isEmpty()) {
            done = p.profile.setAvatar(account.profile.avatar);
        }
        done = done.and_then([&] {
            return importRows(
                p.context, u"courses"_s, account.courses, [&](const Course &c) { return p.courses.saveCourse(c); });
        });
        done = done.and_then([&] {
            return importRows(
                p.context, u"notes"_s, account.notes, [&](const Note &n) { return p.notes.saveNote(n); }, noteFiles);
        });
        done = done.and_then([&] {
            return importRows(p.context, u"planner_events"_s, account.events,
                [&](const PlannerEvent &e) { return p.planner.saveEvent(e); });
        });
        done = done.and_then([&] {
            return importRows(p.context, u"calendar_feeds"_s, account.feeds,
                [&](const CalendarFeed &f) { return p.planner.saveFeed(f); });
        });
        return done.and_then([&] { return HistoryCarry::carryEnd(p.context); });
    });
}

Result<void> Store::importNotes(const QList<Note> &notes)
{
    Private &p = *d;
    const QString notesProcess = u"Core.Store/import_notes"_s;
    return transaction([&]() -> Result<void> {
        for (Note note : notes) {
            auto held = p.context.exec(u"SELECT uuid FROM notes WHERE id = ?"_s, {note.id}, consequence, notesProcess);
            if (!held) {
                return std::unexpected(held.error());
            }
            const bool stored = held->next();
            if (note.id <= 0 || (stored && held->value(0).toString() != StoreSql::fromUuid(note.uuid).toString())) {
                return fail(
                    consequence, notesProcess, u"note id %1 is held by another note (or is not an id)"_s.arg(note.id));
            }
            const qint64 id = note.id;
            if (!stored) {
                note.id = 0;
            }
            auto saved = p.notes.saveNote(note);
            if (!saved) {
                return std::unexpected(saved.error());
            }
            if (saved->id != id) {
                if (auto moved = p.context.run(
                        u"UPDATE notes SET id = ? WHERE id = ?"_s, {id, saved->id}, consequence, notesProcess);
                    !moved) {
                    return moved;
                }
            }
        }
        return {};
    });
}

} // namespace Notechondria
