// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"
#include "store.h"

#include <QJsonObject>

#include <optional>

namespace Notechondria {
class JsonWriter;
}

namespace Notechondria::EntityJson {

/// The account's settings in upstream's SettingsSerializer shape (§10.1). `apiKeyPrefix` is the first 8 characters.
[[nodiscard]] QJsonObject settings(const Profile &profile, const QString &apiKeyPrefix);
/// CourseSerializer (§10.2) for the single local owner.
[[nodiscard]] QJsonObject course(const Course &course, const Profile &owner);
/// NoteSummary: the list shape of notes (from the stored preview: a list never reads bodies).
[[nodiscard]] QJsonObject noteSummary(
    const NoteSummary &summary, const std::optional<Course> &course, const Profile &author);
/// noteSummary() written straight to @p out (the same bytes, without building the object): for pages of them.
void writeNoteSummary(JsonWriter &out, const Note &note, const NotePreview &preview,
    const std::optional<Course> &course, const Profile &author);
/// NoteDetailSerializer (§10.3): the summary plus blocks, content, metadata_json, custom_meta and git_path.
[[nodiscard]] QJsonObject noteDetail(const Note &note, const std::optional<Course> &course, const Profile &author);
[[nodiscard]] QJsonObject attachment(const Attachment &attachment);
/// The planner event payload (§10.4); a missing window is shown as 12:00 UTC plus one hour.
[[nodiscard]] QJsonObject event(const PlannerEvent &event);
[[nodiscard]] QJsonObject feed(const CalendarFeed &feed);
[[nodiscard]] QJsonObject run(const PushRun &run);

/// A JSON value for an optional datetime: ISO 8601 text or null.
[[nodiscard]] QJsonValue dateTime(const std::optional<QDateTime> &time);

} // namespace Notechondria::EntityJson
