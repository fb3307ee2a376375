// SPDX-License-Identifier: GPL-3.0-or-later
#include "activityroutes.h"

#include "apirouter.h"
#include "clock.h"
#include "entityjson.h"

#include <QJsonArray>
#include <QSet>
#include <QTimeZone>

#include <cmath>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::storeFailure;

namespace {

using Method = QHttpServerRequest::Method;

constexpr int defaultDays = 7;
constexpr int maxListed = 40; ///< upstream's cut of each deadline query
constexpr int deadlineHorizonDays = 400;
constexpr int maxOccurrences = 4000;

/// The fields of a query string, as a form FieldReader reads.
RequestForm queryForm(const ApiRequest &request)
{
    QJsonObject fields;
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        fields.insert(key, value);
    }
    return RequestForm{fields, {}, false};
}

QJsonObject sessionJson(const NoteSession &session)
{
    const QDateTime ends = session.endedAt.value_or(session.startedAt.addSecs(qint64(15) * 60));
    return {{u"id"_s, session.id}, {u"title"_s, session.title}, {u"kind"_s, u"note_session"_s},
        {u"note_id"_s, session.noteId},
        {u"course_id"_s, session.courseId ? QJsonValue(*session.courseId) : QJsonValue()},
        {u"summary"_s, session.summary}, {u"starts_at"_s, isoDateTime(session.startedAt)},
        {u"ends_at"_s, isoDateTime(ends)}};
}

/// The session fields of a POST or PATCH body; an answer when one is invalid.
std::optional<ApiResponse> readSessionFields(FieldReader &in, NoteSession &session)
{
    if (const auto title = in.string(u"title"_s, 120)) {
        session.title = *title;
    }
    if (const auto summary = in.string(u"summary"_s, 255)) {
        session.summary = *summary;
    }
    if (const auto started = in.dateTime(u"started_at"_s)) {
        session.startedAt = *started;
    }
    if (in.has(u"ended_at"_s)) {
        session.endedAt = in.dateTime(u"ended_at"_s);
    }
    return in.ok() ? std::nullopt : std::optional<ApiResponse>(in.errorResponse());
}

// --- the week ------------------------------------------------------------------------------------------------------

/// The date @p step recurrences after the event's first one (months clamp to the month's last day, as upstream).
QDate occurrenceAt(const PlannerEvent &event, int step)
{
    const int interval = std::max(event.recurrenceInterval, 1);
    if (event.recurrenceFreq == u"W"_s) {
        return event.eventDate.addDays(qint64(7) * interval * step);
    }
    if (event.recurrenceFreq == u"M"_s) {
        return event.eventDate.addMonths(interval * step);
    }
    if (event.recurrenceFreq == u"Y"_s) {
        return event.eventDate.addMonths(12 * interval * step);
    }
    return event.eventDate;
}

/// The event's occurrences in [@p from, @p to], at most @p limit of them (end date and count honoured).
QList<QDate> occurrences(const PlannerEvent &event, QDate from, QDate to, int limit = maxOccurrences)
{
    QList<QDate> dates;
    if (event.recurrenceFreq == u"N"_s || event.recurrenceFreq.isEmpty()) {
        if (event.eventDate >= from && event.eventDate <= to) {
            dates.append(event.eventDate);
        }
        return dates;
    }
    for (int step = 0; step < maxOccurrences && dates.size() < limit; ++step) {
        if (event.recurrenceCount && step >= *event.recurrenceCount) {
            break;
        }
        const QDate date = occurrenceAt(event, step);
        if ((event.recurrenceEndDate && date > *event.recurrenceEndDate) || date > to) {
            break;
        }
        if (date >= from) {
            dates.append(date);
        }
    }
    return dates;
}

/// When the event starts: its start, else 12:00 UTC of its date (as the event payload shows it).
QDateTime startOf(const PlannerEvent &event)
{
    return event.startsAt.value_or(QDateTime(event.eventDate, QTime(12, 0), QTimeZone::UTC));
}

/// The event payload of one occurrence (or of the event itself): times moved by the days from the first one.
QJsonObject occurrenceJson(const PlannerEvent &event, std::optional<QDate> date)
{
    QJsonObject payload = EntityJson::event(event);
    const QDateTime starts = startOf(event);
    const QDateTime ends = event.endsAt && event.startsAt ? *event.endsAt : starts.addSecs(3600);
    const qint64 shift = date ? event.eventDate.daysTo(*date) : 0;
    payload.insert(u"starts_at"_s, isoDateTime(starts.addDays(shift)));
    payload.insert(u"ends_at"_s, isoDateTime(ends.addDays(shift)));
    if (date) {
        payload.insert(u"event_date"_s, date->toString(Qt::ISODate));
        payload.insert(u"occurrence_date"_s, date->toString(Qt::ISODate));
    }
    return payload;
}

/// occurrenceJson() with upstream's urgency: weight per hour left (at least a minute), to 4 decimals.
QJsonObject deadlineJson(const PlannerEvent &event, std::optional<QDate> date, const QDateTime &now)
{
    QJsonObject payload = occurrenceJson(event, date);
    const QDateTime starts = startOf(event).addDays(date ? event.eventDate.daysTo(*date) : 0);
    const double hours = std::max(double(now.secsTo(starts)) / 3600.0, 1.0 / 60.0);
    payload.insert(u"urgency_score"_s, std::round(event.difficultyWeight / hours * 10000.0) / 10000.0);
    return payload;
}

/// An iCal DTSTART/DTEND value: a date (midnight UTC) or a date and time (UTC; a floating time taken as UTC).
std::optional<QDateTime> icalTime(QString value)
{
    value = value.trimmed();
    if (!value.contains(u'T')) {
        const QDate day = QDate::fromString(value, u"yyyyMMdd"_s);
        return day.isValid() ? std::optional(QDateTime(day, QTime(0, 0), QTimeZone::UTC)) : std::nullopt;
    }
    if (value.endsWith(u'Z')) {
        value.chop(1);
    }
    for (const QString &format : {u"yyyyMMdd'T'HHmmss"_s, u"yyyyMMdd'T'HHmm"_s}) {
        QDateTime time = QDateTime::fromString(value, format);
        if (time.isValid()) {
            time.setTimeZone(QTimeZone::UTC);
            return time;
        }
    }
    return std::nullopt;
}

/// The VEVENT blocks of an iCal text, each as its properties (name without parameters → value).
QList<QHash<QString, QString>> icalEvents(const QString &ical)
{
    QList<QHash<QString, QString>> events;
    std::optional<QHash<QString, QString>> current;
    for (const QStringView raw : QStringView(ical).split(u'\n')) {
        const QString line = raw.trimmed().toString();
        if (line == u"BEGIN:VEVENT"_s) {
            current.emplace();
        } else if (line == u"END:VEVENT"_s) {
            if (current && !current->isEmpty()) {
                events.append(*current);
            }
            current.reset();
        } else if (current && line.contains(u':')) {
            const qsizetype colon = line.indexOf(u':');
            current->insert(line.left(colon).section(u';', 0, 0), line.mid(colon + 1));
        }
    }
    return events;
}

/// The events of the enabled feeds with inline iCal text that fall in [@p first, @p last], by day.
void addFeedEvents(const QList<CalendarFeed> &feeds, QDate first, QDate last, QHash<QDate, QJsonArray> &days)
{
    for (const CalendarFeed &feed : feeds) {
        if (!feed.isEnabled || feed.rawIcal.isEmpty()) {
            continue;
        }
        for (const QHash<QString, QString> &item : icalEvents(feed.rawIcal)) {
            const auto starts = icalTime(item.value(u"DTSTART"_s));
            if (!starts || starts->date() < first || starts->date() > last) {
                continue;
            }
            const QDateTime ends = icalTime(item.value(u"DTEND"_s)).value_or(starts->addSecs(3600));
            days[starts->date()].append(QJsonObject{{u"title"_s, item.value(u"SUMMARY"_s, feed.title)},
                {u"kind"_s, u"calendar"_s}, {u"course_id"_s, feed.courseId ? QJsonValue(*feed.courseId) : QJsonValue()},
                {u"source_id"_s, feed.id}, {u"calendar_title"_s, feed.title}, {u"starts_at"_s, isoDateTime(*starts)},
                {u"ends_at"_s, isoDateTime(ends)}});
        }
    }
}

/// The deadlines list: open one-time events from today on, each open series' next occurrence, and the window's
/// completed events last; open ones by urgency.
QJsonArray deadlines(QList<PlannerEvent> events, QDate first, QDate last, const QDateTime &now)
{
    const QDate today = now.date();
    std::ranges::stable_sort(events, [](const PlannerEvent &a, const PlannerEvent &b) {
        return std::tuple(startOf(a), a.eventDate, a.title) < std::tuple(startOf(b), b.eventDate, b.title);
    });
    QList<QJsonObject> list;
    QSet<qint64> listed;
    for (const PlannerEvent &event : std::as_const(events)) {
        if (!event.isCompleted && event.recurrenceFreq == u"N"_s && event.eventDate >= today
            && listed.size() < maxListed) {
            listed.insert(event.id);
            list.append(deadlineJson(event, std::nullopt, now));
        }
    }
    for (const PlannerEvent &event : std::as_const(events)) {
        if (!event.isCompleted && event.recurrenceFreq != u"N"_s) {
            const QList<QDate> next = occurrences(event, today, today.addDays(deadlineHorizonDays), 1);
            if (!next.isEmpty()) {
                list.append(deadlineJson(event, next.first(), now));
            }
        }
    }
    int completed = 0;
    for (const PlannerEvent &event : std::as_const(events)) {
        if (event.isCompleted && event.eventDate >= first && event.eventDate <= last && completed < maxListed
            && !listed.contains(event.id)) {
            ++completed;
            list.append(deadlineJson(event, std::nullopt, now));
        }
    }
    std::ranges::stable_sort(list, [](const QJsonObject &a, const QJsonObject &b) {
        const auto key = [](const QJsonObject &o) {
            return std::tuple(o[u"is_completed"_s].toBool() ? 1 : 0, -o[u"urgency_score"_s].toDouble(),
                o[u"starts_at"_s].toString(), o[u"title"_s].toString());
        };
        return key(a) < key(b);
    });
    QJsonArray array;
    for (const QJsonObject &item : std::as_const(list)) {
        array.append(item);
    }
    return array;
}

/// The days of the window, each with its events in start order.
QJsonArray dayList(QDate first, int count, QHash<QDate, QJsonArray> &byDay)
{
    QJsonArray days;
    for (int i = 0; i < count; ++i) {
        const QDate day = first.addDays(i);
        const QString fallback = day.toString(Qt::ISODate) + u"T23:59:00"_s;
        QList<QJsonObject> items;
        for (const QJsonValue item : std::as_const(byDay[day])) {
            items.append(item.toObject());
        }
        std::ranges::stable_sort(items, [&](const QJsonObject &a, const QJsonObject &b) {
            return a.value(u"starts_at"_s).toString(fallback) < b.value(u"starts_at"_s).toString(fallback);
        });
        QJsonArray events;
        for (const QJsonObject &item : std::as_const(items)) {
            events.append(item);
        }
        days.append(QJsonObject{{u"date"_s, day.toString(Qt::ISODate)}, {u"events"_s, events}});
    }
    return days;
}

} // namespace

void ActivityRoutes::registerOn(ApiRouter &router)
{
    router.addRoute(u"note-sessions"_s, Method::Get, std::bind_front(&ActivityRoutes::listSessions, this));
    router.addRoute(u"note-sessions"_s, Method::Post, std::bind_front(&ActivityRoutes::postSession, this));
    router.addRoute(u"note-sessions/<id>"_s, Method::Patch, std::bind_front(&ActivityRoutes::patchSession, this));
    router.addRoute(u"activity"_s, Method::Get, std::bind_front(&ActivityRoutes::recentNotes, this));
    router.addRoute(u"activity/week"_s, Method::Get, std::bind_front(&ActivityRoutes::week, this));
}

// --- note sessions -------------------------------------------------------------------------------------------------

ApiResponse ActivityRoutes::listSessions(const ApiRequest &request)
{
    const RequestForm form = queryForm(request);
    FieldReader in(form);
    NoteSessionQuery query;
    query.noteId = in.integer(u"note_id"_s);
    bool limitOk = false;
    const int limit = request.queryValue(u"limit"_s).toInt(&limitOk);
    query.limit = limitOk ? std::min(limit, 200) : 50;
    if (!in.ok()) {
        return in.errorResponse();
    }
    const auto sessions = m_store->noteSessions(query);
    if (!sessions) {
        return storeFailure(sessions.error());
    }
    QJsonArray list;
    for (const NoteSession &session : *sessions) {
        list.append(sessionJson(session));
    }
    return ApiResponse::json(list);
}

ApiResponse ActivityRoutes::postSession(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    in.require(u"note_id"_s);
    NoteSession session;
    session.startedAt = m_clock->now();
    const std::optional<qint64> noteId = in.integer(u"note_id"_s);
    if (auto rejected = readSessionFields(in, session)) {
        return *rejected;
    }
    const auto note = m_store->note(*noteId);
    if (!note) {
        return storeFailure(note.error());
    }
    if (!*note) {
        return ApiResponse::detail(404, u"Note session not started"_s, u"Core.Server.Activity/session"_s,
            u"note %1 does not exist."_s.arg(*noteId));
    }
    session.noteId = *noteId;
    session.title = session.title.isEmpty() ? (*note)->title : session.title;
    session.summary = session.summary.isEmpty() ? (*note)->description.left(255) : session.summary;
    const auto saved = m_store->saveNoteSession(session);
    if (!saved) {
        return storeFailure(saved.error());
    }
    return ApiResponse::json(sessionJson(*saved), 201);
}

ApiResponse ActivityRoutes::patchSession(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    const qint64 id = request.segments.value(1).toLongLong();
    const auto stored = m_store->noteSession(id);
    if (!stored) {
        return storeFailure(stored.error());
    }
    if (!*stored) {
        return ApiResponse::detail(404, u"Note session not saved"_s, u"Core.Server.Activity/session"_s,
            u"note session %1 does not exist."_s.arg(id));
    }
    NoteSession session = **stored;
    FieldReader in(*form);
    if (in.has(u"note_id"_s)) {
        std::ignore = in.integer(u"note_id"_s); // validated as upstream does, never moved to another note
    }
    if (auto rejected = readSessionFields(in, session)) {
        return *rejected;
    }
    const auto saved = m_store->saveNoteSession(session);
    if (!saved) {
        return storeFailure(saved.error());
    }
    return ApiResponse::json(sessionJson(*saved));
}

// --- activity ------------------------------------------------------------------------------------------------------

ApiResponse ActivityRoutes::recentNotes(const ApiRequest &)
{
    Store::NoteQuery query;
    query.limit = 10;
    const auto notes = m_store->noteSummaries(query);
    const auto profile = m_store->profile();
    if (!notes || !profile) {
        return storeFailure(!notes ? notes.error() : profile.error());
    }
    QHash<qint64, std::optional<Course>> courses;
    QJsonArray list;
    for (const NoteSummary &summary : *notes) {
        const std::optional<qint64> courseId = summary.note.courseId;
        if (courseId && !courses.contains(*courseId)) {
            const auto course = m_store->course(*courseId);
            if (!course) {
                return storeFailure(course.error());
            }
            courses.insert(*courseId, *course);
        }
        list.append(EntityJson::noteSummary(summary, courseId ? courses.value(*courseId) : std::nullopt, *profile));
    }
    return ApiResponse::json(list);
}

ApiResponse ActivityRoutes::week(const ApiRequest &request)
{
    const QDateTime now = m_clock->now().toUTC();
    QDate first = now.date();
    const QString start = request.queryValue(u"start_date"_s).trimmed();
    if (!start.isEmpty()) {
        first = QDate::fromString(start.left(10), Qt::ISODate);
        if (!first.isValid() || (start.size() > 10 && !QDateTime::fromString(start, Qt::ISODate).isValid())) {
            return ApiResponse::fieldErrors(
                {{u"start_date"_s, {u"Date has wrong format. Use one of these formats instead: YYYY-MM-DD."_s}}});
        }
    }
    bool daysOk = false;
    int count = request.queryValue(u"days"_s).toInt(&daysOk);
    count = daysOk && (count == 3 || count == 7 || count == 30) ? count : defaultDays;
    const QDate last = first.addDays(count - 1);
    NoteSessionQuery sessionQuery;
    sessionQuery.startedFrom = QDateTime(first, QTime(0, 0), QTimeZone::UTC);
    sessionQuery.startedBefore = QDateTime(last.addDays(1), QTime(0, 0), QTimeZone::UTC);
    const auto events = m_store->events();
    const auto sessions = m_store->noteSessions(sessionQuery);
    const auto feeds = m_store->feeds();
    if (!events || !sessions || !feeds) {
        return storeFailure(!events ? events.error() : !sessions ? sessions.error() : feeds.error());
    }
    QHash<QDate, QJsonArray> byDay;
    for (const PlannerEvent &event : *events) {
        for (const QDate date : event.isCompleted ? QList<QDate>() : occurrences(event, first, last)) {
            QJsonObject item = occurrenceJson(event, date);
            item.insert(u"kind"_s, u"plan"_s);
            item.insert(u"source_id"_s, event.id);
            byDay[date].append(item);
        }
    }
    for (const NoteSession &session : *sessions) {
        byDay[session.startedAt.toUTC().date()].append(sessionJson(session));
    }
    addFeedEvents(*feeds, first, last, byDay);
    return ApiResponse::json(QJsonObject{{u"start_date"_s, first.toString(Qt::ISODate)},
        {u"previous_week_start"_s, first.addDays(-7).toString(Qt::ISODate)},
        {u"next_week_start"_s, first.addDays(7).toString(Qt::ISODate)}, {u"days"_s, dayList(first, count, byDay)},
        {u"deadlines"_s, deadlines(*events, first, last, now)}});
}

} // namespace Notechondria
