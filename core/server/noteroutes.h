// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "routesupport.h"
#include "store.h"

#include <expected>

namespace Notechondria {

/**
 * The notes endpoints of the local server (upstream §10.3): `notes/` (GET lists, in pages with limit/offset;
 * POST creates, or finds and updates the note with the same client_draft_id), `notes/<id>/` (GET, PATCH, DELETE
 * into the recycle bin); covers and attachments are FileRoutes'. A rejected request leaves the store unchanged.
 */
class NoteRoutes : public StoreRoutes
{
public:
    using StoreRoutes::StoreRoutes;

    void registerOn(ApiRouter &router) override;

private:
    friend class NoteUuidRoutes; // answers notes/uuid/<uuid>/ with the handlers below

    [[nodiscard]] ApiResponse listNotes(const ApiRequest &request);
    [[nodiscard]] ApiResponse postNote(const ApiRequest &request);
    [[nodiscard]] ApiResponse getNote(const ApiRequest &request);
    [[nodiscard]] ApiResponse patchNote(const ApiRequest &request);
    [[nodiscard]] ApiResponse deleteNote(const ApiRequest &request);

    /// Reads note fields into `note`; an answer when the request is rejected.
    [[nodiscard]] std::optional<ApiResponse> applyNoteFields(
        const RequestForm &form, Note &note, bool creating, const Profile &profile);
    [[nodiscard]] Result<std::optional<Course>> courseOf(const Note &note) const;
    /// Brings m_listing to the current data revision.
    [[nodiscard]] Result<void> syncListing();
    /// The profile (every note's author in a list), read once per data revision.
    [[nodiscard]] Result<Profile> listingProfile();
    /// The courses of @p notes by id (a list shows each note's course), read once per data revision.
    [[nodiscard]] Result<QHash<qint64, Course>> coursesOf(const QList<NoteSummary> &notes);
    [[nodiscard]] ApiResponse noteAnswer(qint64 id, int status);
    /// The live note named by the path's <id>, or a 404 answer.
    [[nodiscard]] Result<Note> liveNote(const ApiRequest &request, const QString &consequence);

    /// What a list shows besides its notes, as read at one data revision: the profile and the courses pages named
    /// (nullopt: no such course). An account may have thousands of courses; a page names at most 100.
    struct ListingMemo
    {
        qint64 revision = -1;
        std::optional<Profile> profile;
        QHash<qint64, std::optional<Course>> courses;
    };
    ListingMemo m_listing;
};

} // namespace Notechondria
