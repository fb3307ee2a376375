// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "apirequest.h"
#include "apiresponse.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <expected>

namespace Notechondria {

/**
 * The note fields of a `notes/` POST (create or find-or-update) or a `notes/<id>/` PATCH (upstream §10.3), read and
 * validated the way DRF does; an absent field leaves the note's value as it is.
 */
struct NoteFields
{
    std::optional<QString> title, description, content, markdown, editorMode, noteType, metadata, clientDraftId;
    /// course_id: absent (nullopt), null (an empty inner optional) or an id.
    std::optional<std::optional<qint64>> courseId;
    std::optional<bool> isPublic;
    std::optional<QJsonObject> customMeta;
    std::optional<QJsonArray> blocks;
    std::optional<QUuid> sourceNoteUuid;

    /// The fields of `form`; `creating` requires a title and reads client_draft_id. The field errors when rejected.
    [[nodiscard]] static std::expected<NoteFields, ApiResponse> read(const RequestForm &form, bool creating);

    /// Writes the fields into `note` (not the course, which the caller checks); a new note gets the profile's
    /// editor mode when it names none.
    void applyTo(Note &note, bool creating, const Profile &profile) const;
};

} // namespace Notechondria
