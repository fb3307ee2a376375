// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "store.h"

#include <functional>

namespace Notechondria {

class ApiRouter;
class Clock;

/**
 * The account-data endpoints of the local server, backed by the Store (upstream §10): settings/, courses/,
 * notes/, notes/<id>/, notes/<id>/cover/, notes/<id>/attachments/, planner-events/ and calendar-feeds/.
 * Every write validates the whole request first and then writes in one transaction, so a rejected request
 * leaves the store unchanged.
 */
class DataRoutes
{
public:
    DataRoutes(Store *store, const Clock *clock, std::function<QString()> apiKeyPrefix);

    void registerOn(ApiRouter &router);

private:
    [[nodiscard]] ApiResponse getSettings(const ApiRequest &request);
    [[nodiscard]] ApiResponse patchSettings(const ApiRequest &request);
    [[nodiscard]] ApiResponse listCourses(const ApiRequest &request);
    [[nodiscard]] ApiResponse postCourse(const ApiRequest &request);
    [[nodiscard]] ApiResponse listNotes(const ApiRequest &request);
    [[nodiscard]] ApiResponse postNote(const ApiRequest &request);
    [[nodiscard]] ApiResponse getNote(const ApiRequest &request);
    [[nodiscard]] ApiResponse patchNote(const ApiRequest &request);
    [[nodiscard]] ApiResponse deleteNote(const ApiRequest &request);
    [[nodiscard]] ApiResponse postCover(const ApiRequest &request);
    [[nodiscard]] ApiResponse postAttachment(const ApiRequest &request);
    [[nodiscard]] ApiResponse listEvents(const ApiRequest &request);
    [[nodiscard]] ApiResponse postEvent(const ApiRequest &request);
    [[nodiscard]] ApiResponse listFeeds(const ApiRequest &request);
    [[nodiscard]] ApiResponse postFeed(const ApiRequest &request);

    /// Reads note fields into `note`; an answer when the request is rejected.
    [[nodiscard]] std::optional<ApiResponse> applyNoteFields(
        const RequestForm &form, Note &note, bool creating, const Profile &profile);
    /// The course of `id` (null/absent is fine); an answer (404) when it does not exist.
    [[nodiscard]] std::optional<ApiResponse> checkCourse(const std::optional<qint64> &id, const QString &consequence);
    [[nodiscard]] Result<std::optional<Course>> courseOf(const Note &note) const;
    [[nodiscard]] ApiResponse noteAnswer(qint64 id, int status);
    /// The live note named by the path's <id>, or a 404 answer.
    [[nodiscard]] Result<Note> liveNote(const ApiRequest &request, const QString &consequence);

    Store *m_store;
    const Clock *m_clock;
    std::function<QString()> m_apiKeyPrefix;
};

} // namespace Notechondria
