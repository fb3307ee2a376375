// SPDX-License-Identifier: GPL-3.0-or-later
#include "store.h"

#include "clock.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {
std::unexpected<Error> notYet(const QString &what)
{
    return fail(u"Cannot use the local store"_s, u"Core.Store/"_s + what, u"not implemented yet"_s);
}
} // namespace

struct Store::Private
{
    QString path;
    QString connectionName;
    const Clock *clock = nullptr;
};

Store::Store(QString path, QString connectionName, const Clock *clock)
    : d(std::make_unique<Private>(std::move(path), std::move(connectionName), clock))
{
}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const QString &path, const Clock *clock)
{
    Q_UNUSED(path)
    Q_UNUSED(clock)
    return notYet(u"open"_s);
}

QString Store::path() const
{
    return d->path;
}
Result<AccountSnapshot> Store::snapshot(bool) const
{
    return notYet(u"snapshot"_s);
}
Result<Profile> Store::profile() const
{
    return notYet(u"profile"_s);
}
Result<void> Store::saveProfile(const Profile &)
{
    return notYet(u"save_profile"_s);
}
Result<QList<Course>> Store::courses() const
{
    return notYet(u"courses"_s);
}
Result<std::optional<Course>> Store::course(qint64) const
{
    return notYet(u"course"_s);
}
Result<std::optional<Course>> Store::courseBySlug(const QString &) const
{
    return notYet(u"course"_s);
}
Result<std::optional<Course>> Store::courseByClientId(const QString &) const
{
    return notYet(u"course"_s);
}
Result<Course> Store::saveCourse(Course)
{
    return notYet(u"save_course"_s);
}
Result<void> Store::deleteCourse(qint64)
{
    return notYet(u"delete_course"_s);
}
Result<QList<Note>> Store::notes(const NoteQuery &) const
{
    return notYet(u"notes"_s);
}
Result<int> Store::noteCount(const NoteQuery &) const
{
    return notYet(u"notes"_s);
}
Result<std::optional<Note>> Store::note(qint64) const
{
    return notYet(u"note"_s);
}
Result<std::optional<Note>> Store::noteByUuid(const QUuid &) const
{
    return notYet(u"note"_s);
}
Result<std::optional<Note>> Store::noteByClientDraftId(const QString &) const
{
    return notYet(u"note"_s);
}
Result<Note> Store::saveNote(Note)
{
    return notYet(u"save_note"_s);
}
Result<void> Store::softDeleteNote(qint64)
{
    return notYet(u"delete_note"_s);
}
Result<void> Store::restoreNote(qint64)
{
    return notYet(u"restore_note"_s);
}
Result<void> Store::setNoteCover(qint64, const StoredFile &)
{
    return notYet(u"save_cover"_s);
}
Result<Attachment> Store::addAttachment(qint64, Attachment)
{
    return notYet(u"save_attachment"_s);
}
Result<void> Store::setAvatar(const StoredFile &)
{
    return notYet(u"save_avatar"_s);
}
Result<QList<PlannerEvent>> Store::events() const
{
    return notYet(u"events"_s);
}
Result<PlannerEvent> Store::saveEvent(PlannerEvent)
{
    return notYet(u"save_event"_s);
}
Result<void> Store::deleteEvent(qint64)
{
    return notYet(u"delete_event"_s);
}
Result<QList<CalendarFeed>> Store::feeds() const
{
    return notYet(u"feeds"_s);
}
Result<CalendarFeed> Store::saveFeed(CalendarFeed)
{
    return notYet(u"save_feed"_s);
}
Result<void> Store::deleteFeed(qint64)
{
    return notYet(u"delete_feed"_s);
}
Result<std::optional<GitHubIntegration>> Store::integration() const
{
    return notYet(u"integration"_s);
}
Result<void> Store::saveIntegration(const GitHubIntegration &)
{
    return notYet(u"save_integration"_s);
}
Result<GitHubIntegration> Store::connectIntegration(const IntegrationUpdate &)
{
    return notYet(u"connect"_s);
}
Result<void> Store::deleteIntegration()
{
    return notYet(u"disconnect"_s);
}
Result<void> Store::setIntegrationError(const QString &)
{
    return notYet(u"save_integration"_s);
}
Result<QHash<QString, QString>> Store::pushedFiles() const
{
    return notYet(u"pushed_files"_s);
}
Result<void> Store::recordPush(const GitHubIntegration &, const QHash<QString, QString> &)
{
    return notYet(u"record_push"_s);
}
Result<qint64> Store::recordRun(const PushRun &)
{
    return notYet(u"record_run"_s);
}
Result<QList<PushRun>> Store::runs(int) const
{
    return notYet(u"runs"_s);
}
Result<void> Store::transaction(const std::function<Result<void>()> &)
{
    return notYet(u"transaction"_s);
}
Result<void> Store::clearAccount()
{
    return notYet(u"clear_account"_s);
}
bool Store::isSafeSlug(const QString &)
{
    return false;
}

} // namespace Notechondria
