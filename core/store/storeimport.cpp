// SPDX-License-Identifier: GPL-3.0-or-later
// Store::importAccount: a restore into the local store that keeps every id.
#include "storeprivate.h"

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

} // namespace

Result<void> Store::importAccount(const AccountSnapshot &account)
{
    // Rows are inserted in ascending id order and then renumbered to the id they had: at most one row carries a
    // fresh id at any time, so a renumbering never collides.
    const auto renumber = [this](const QString &table, qint64 from, qint64 to) -> Result<void> {
        if (from == to || to <= 0) {
            return {};
        }
        auto q = d->exec(u"UPDATE %1 SET id = ? WHERE id = ?"_s.arg(table), {to, from}, consequence, process);
        return q ? Result<void>() : std::unexpected(q.error());
    };
    return transaction([&]() -> Result<void> {
        if (auto cleared = clearAccount(); !cleared) {
            return cleared;
        }
        if (auto saved = saveProfile(account.profile); !saved) {
            return saved;
        }
        if (!account.profile.avatar.isEmpty()) {
            if (auto saved = setAvatar(account.profile.avatar); !saved) {
                return saved;
            }
        }
        for (Course course : byId(account.courses)) {
            const qint64 id = std::exchange(course.id, 0);
            auto saved = saveCourse(course);
            if (!saved) {
                return std::unexpected(saved.error());
            }
            if (auto moved = renumber(u"courses"_s, saved->id, id); !moved) {
                return moved;
            }
        }
        for (Note note : byId(account.notes)) {
            const qint64 id = std::exchange(note.id, 0);
            auto saved = saveNote(note);
            if (!saved) {
                return std::unexpected(saved.error());
            }
            if (auto moved = renumber(u"notes"_s, saved->id, id); !moved) {
                return moved;
            }
            const qint64 noteId = id > 0 ? id : saved->id;
            if (!note.cover.isEmpty()) {
                if (auto cover = setNoteCover(noteId, note.cover); !cover) {
                    return cover;
                }
            }
            for (Attachment attachment : note.attachments) {
                attachment.id = 0;
                if (auto added = addAttachment(noteId, attachment); !added) {
                    return std::unexpected(added.error());
                }
            }
        }
        for (PlannerEvent event : byId(account.events)) {
            const qint64 id = std::exchange(event.id, 0);
            auto saved = saveEvent(event);
            if (!saved) {
                return std::unexpected(saved.error());
            }
            if (auto moved = renumber(u"planner_events"_s, saved->id, id); !moved) {
                return moved;
            }
        }
        for (CalendarFeed feed : byId(account.feeds)) {
            const qint64 id = std::exchange(feed.id, 0);
            auto saved = saveFeed(feed);
            if (!saved) {
                return std::unexpected(saved.error());
            }
            if (auto moved = renumber(u"calendar_feeds"_s, saved->id, id); !moved) {
                return moved;
            }
        }
        return {};
    });
}

} // namespace Notechondria
