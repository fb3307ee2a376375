// SPDX-License-Identifier: GPL-3.0-or-later
#include "noteroutes.h"

#include "apirouter.h"
#include "clock.h"
#include "entityjson.h"
#include "jsonwriter.h"
#include "notefields.h"
#include "routesupport.h"

#include <QJsonObject>

#include <limits>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::storeFailure;

namespace {

using Method = QHttpServerRequest::Method;

constexpr int maxPageSize = 100;

/// The list entries of `notes`, each with its course, as a JSON array.
void writeSummaries(
    JsonWriter &out, const QList<NoteSummary> &notes, const QHash<qint64, Course> &courseById, const Profile &profile)
{
    out.beginArray();
    for (const NoteSummary &summary : notes) {
        const std::optional<qint64> courseId = summary.note.courseId;
        const auto course = courseId ? courseById.constFind(*courseId) : courseById.constEnd();
        EntityJson::writeNoteSummary(out, summary.note, summary.preview,
            course != courseById.constEnd() ? std::optional<Course>(*course) : std::nullopt, profile);
    }
    out.endArray();
}

/// The query of a list request; every filter becomes part of the store's SQL query.
struct ListQuery
{
    std::optional<qint64> limit;
    qint64 offset = 0;
    Store::NoteQuery store;

    [[nodiscard]] int pageSize() const;
};

/// One page of notes and the number of notes on all pages.
struct Page
{
    QList<NoteSummary> notes;
    int total = 0;
};

int ListQuery::pageSize() const
{
    return limit ? static_cast<int>(std::min<qint64>(*limit, maxPageSize)) : -1;
}

std::expected<ListQuery, ApiResponse> readListQuery(const ApiRequest &request)
{
    QJsonObject fields;
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        fields.insert(key, value);
    }
    const RequestForm form{fields, {}, false};
    FieldReader in(form);
    ListQuery query;
    const QString scope
        = in.choice(u"scope"_s, {u"personal"_s, u"private"_s, u"public"_s, u"all"_s}).value_or(u"personal"_s);
    if (scope == u"private"_s || scope == u"public"_s) {
        query.store.isPublic = scope == u"public"_s;
    }
    query.limit = in.integer(u"limit"_s, 0);
    query.offset = in.integer(u"offset"_s, 0).value_or(0);
    query.store.text = in.string(u"q"_s, 200).value_or(QString()).trimmed();
    if (in.has(u"course_id"_s)) {
        const QString course = fields.value(u"course_id"_s).toString().toLower();
        if (course == u"none"_s || course == u"null"_s || course == u"uncategorized"_s) {
            query.store.uncategorized = true;
        } else {
            query.store.courseId = in.integer(u"course_id"_s, 1);
        }
    }
    if (!in.ok()) {
        return std::unexpected(in.errorResponse());
    }
    return query;
}

/// The page of notes `query` asks for: one indexed query for the page, one for the total.
Result<Page> notePage(const Store &store, ListQuery query)
{
    query.store.limit = query.pageSize();
    query.store.offset = static_cast<int>(std::min<qint64>(query.offset, std::numeric_limits<int>::max()));
    auto notes = store.noteSummaries(query.store);
    if (!notes) {
        return std::unexpected(notes.error());
    }
    if (!query.limit) { // the plain array: no total to count
        return Page{std::move(*notes), 0};
    }
    const auto count = store.noteCount(query.store);
    if (!count) {
        return std::unexpected(count.error());
    }
    return Page{std::move(*notes), *count};
}

} // namespace

void NoteRoutes::registerOn(ApiRouter &router)
{
    router.addRoute(u"notes"_s, Method::Get, std::bind_front(&NoteRoutes::listNotes, this));
    router.addRoute(u"notes"_s, Method::Post, std::bind_front(&NoteRoutes::postNote, this));
    router.addRoute(u"notes/<id>"_s, Method::Get, std::bind_front(&NoteRoutes::getNote, this));
    router.addRoute(u"notes/<id>"_s, Method::Patch, std::bind_front(&NoteRoutes::patchNote, this));
    router.addRoute(u"notes/<id>"_s, Method::Delete, std::bind_front(&NoteRoutes::deleteNote, this));
}

Result<std::optional<Course>> NoteRoutes::courseOf(const Note &note) const
{
    if (!note.courseId) {
        return std::optional<Course>();
    }
    return m_store->course(*note.courseId);
}

Result<void> NoteRoutes::syncListing()
{
    const auto revision = m_store->dataRevision();
    if (!revision) {
        return std::unexpected(revision.error());
    }
    if (*revision != m_listing.revision) {
        m_listing = ListingMemo{*revision, std::nullopt, {}};
    }
    return {};
}

Result<Profile> NoteRoutes::listingProfile()
{
    if (!m_listing.profile) {
        auto profile = m_store->profile();
        if (!profile) {
            return std::unexpected(profile.error());
        }
        m_listing.profile = std::move(*profile);
    }
    return *m_listing.profile;
}

Result<QHash<qint64, Course>> NoteRoutes::coursesOf(const QList<NoteSummary> &notes)
{
    QHash<qint64, Course> courses;
    for (const NoteSummary &summary : notes) {
        const std::optional<qint64> id = summary.note.courseId;
        if (!id || courses.contains(*id)) {
            continue;
        }
        auto known = m_listing.courses.constFind(*id);
        if (known == m_listing.courses.constEnd()) {
            auto course = m_store->course(*id);
            if (!course) {
                return std::unexpected(course.error());
            }
            known = m_listing.courses.insert(*id, *course);
        }
        if (*known) {
            courses.insert(*id, **known);
        }
    }
    return courses;
}

ApiResponse NoteRoutes::noteAnswer(qint64 id, int status)
{
    const auto note = m_store->note(id);
    const auto profile = m_store->profile();
    if (!note || !profile) {
        return storeFailure(!note ? note.error() : profile.error());
    }
    if (!*note) {
        return ApiResponse::detail(
            500, u"Note not shown"_s, u"Core.Server.Notes/detail"_s, u"note %1 vanished after it was saved."_s.arg(id));
    }
    const auto course = courseOf(**note);
    if (!course) {
        return storeFailure(course.error());
    }
    return ApiResponse::json(EntityJson::noteDetail(**note, *course, *profile), status);
}

Result<Note> NoteRoutes::liveNote(const ApiRequest &request, const QString &consequence)
{
    const qint64 id = request.segments.value(1).toLongLong();
    auto note = m_store->note(id);
    if (!note) {
        return std::unexpected(note.error());
    }
    if (!*note || (*note)->deletedAt) {
        return fail(consequence, u"Core.Server.Notes/lookup"_s, u"note %1 does not exist."_s.arg(id), 404);
    }
    return std::move(**note);
}

// --- list ----------------------------------------------------------------------------------------------------------

ApiResponse NoteRoutes::listNotes(const ApiRequest &request)
{
    const auto query = readListQuery(request);
    if (!query) {
        return query.error();
    }
    if (const auto synced = syncListing(); !synced) {
        return storeFailure(synced.error());
    }
    const auto profile = listingProfile();
    if (!profile) {
        return storeFailure(profile.error());
    }
    const auto page = notePage(*m_store, *query);
    if (!page) {
        return storeFailure(page.error());
    }
    const auto courses = coursesOf(page->notes);
    if (!courses) {
        return storeFailure(courses.error());
    }
    // Written straight to bytes, keys in sorted order: what QJsonDocument wrote for the same objects, at a fraction
    // of the cost for 20 entries.
    JsonWriter out;
    if (!query->limit) {
        writeSummaries(out, page->notes, *courses, *profile);
        return ApiResponse{200, out.take(), "application/json"};
    }
    const qint64 shown = page->notes.size();
    out.beginObject().key("has_more"_L1).value(query->offset + shown < page->total);
    out.key("limit"_L1).value(qint64(query->pageSize())).key("offset"_L1).value(query->offset);
    out.key("results"_L1);
    writeSummaries(out, page->notes, *courses, *profile);
    out.key("total"_L1).value(qint64(page->total)).endObject();
    return ApiResponse{200, out.take(), "application/json"};
}

// --- create, detail, update, delete --------------------------------------------------------------------------------

std::optional<ApiResponse> NoteRoutes::applyNoteFields(
    const RequestForm &form, Note &note, bool creating, const Profile &profile)
{
    const auto fields = NoteFields::read(form, creating);
    if (!fields) {
        return fields.error();
    }
    if (fields->courseId) {
        if (auto missing = RouteSupport::checkCourse(*m_store, *fields->courseId, u"Note not saved"_s)) {
            return missing;
        }
        note.courseId = *fields->courseId;
    }
    fields->applyTo(note, creating, profile);
    note.lastEdit = m_clock->now();
    return std::nullopt;
}

ApiResponse NoteRoutes::postNote(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    const auto profile = m_store->profile();
    if (!profile) {
        return storeFailure(profile.error());
    }
    Note note;
    int status = 201;
    const QJsonValue draft = form->fields.value(u"client_draft_id"_s);
    if (draft.isString() && !draft.toString().isEmpty() && draft.toString().size() <= 64) {
        const auto existing = m_store->noteByClientDraftId(draft.toString());
        if (!existing) {
            return storeFailure(existing.error());
        }
        if (*existing) {
            note = **existing;
            status = 200;
        }
    }
    if (auto rejected = applyNoteFields(*form, note, true, *profile)) {
        return *rejected;
    }
    if (status == 200) {
        note.deletedAt.reset(); // find-or-update takes the note out of the recycle bin
    } else {
        note.dateCreated = m_clock->now();
    }
    const auto saved = m_store->saveNote(note);
    if (!saved) {
        return storeFailure(saved.error());
    }
    return noteAnswer(saved->id, status);
}

ApiResponse NoteRoutes::getNote(const ApiRequest &request)
{
    const auto note = liveNote(request, u"Note not shown"_s);
    if (!note) {
        return ApiResponse::fromError(note.error(), 500);
    }
    return noteAnswer(note->id, 200);
}

ApiResponse NoteRoutes::patchNote(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    auto note = liveNote(request, u"Note not saved"_s);
    const auto profile = m_store->profile();
    if (!note || !profile) {
        return ApiResponse::fromError(!note ? note.error() : profile.error(), 500);
    }
    if (auto rejected = applyNoteFields(*form, *note, false, *profile)) {
        return *rejected;
    }
    const auto saved = m_store->saveNote(*note);
    if (!saved) {
        return storeFailure(saved.error());
    }
    return noteAnswer(saved->id, 200);
}

ApiResponse NoteRoutes::deleteNote(const ApiRequest &request)
{
    const auto note = liveNote(request, u"Note not deleted"_s);
    if (!note) {
        return ApiResponse::fromError(note.error(), 500);
    }
    if (const auto deleted = m_store->softDeleteNote(note->id); !deleted) {
        return storeFailure(deleted.error());
    }
    return ApiResponse{204, {}, "application/json"};
}

} // namespace Notechondria
