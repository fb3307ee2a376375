// SPDX-License-Identifier: GPL-3.0-or-later
// Backups written the way the web backend writes them (kept out of the test .cpp: moc does not read raw strings).
#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>
#include <QTest>

namespace RestoreFixture {
using namespace Qt::StringLiterals;

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

/// A backup as the web backend (schema 1) writes it, with its frontmatter quirks.
inline void writeUpstreamBackup(const QString &root)
{
    writeFile(root + u"/manifest.json"_s, R"({"schema_version": 1, "creator_username": "gh-sync", "files": []})");
    writeFile(root + u"/profile/creator.json"_s,
        R"({"schema_version": 1, "username": "gh-sync", "motto": "m", "api_base_url": "https://old.example/api/v1",
                  "editor_mode": "G", "theme_mode": "D", "date_joined": "2026-01-02T03:04:05+00:00"})");
    writeFile(root + u"/profile/settings.json"_s,
        R"({"app_settings": {"theme": "x", "api_base_url": "https://old.example"}, "app_settings_updated_at": null})");
    writeFile(root + u"/profile/skill.md"_s, "skill text");
    writeFile(root + u"/courses/inbox.json"_s,
        R"({"schema_version": 1, "id": 7, "client_course_id": "", "slug": "inbox", "title": "Inbox",
                  "description": null, "icon": 57344, "sort_order": 2, "cover_image_url": ""})");
    writeFile(root + u"/notes/0123456789abcdef0123456789abcdef.md"_s,
        "---\ntitle: \"Say \\\"hi\\\"\"\nuuid: \"01234567-89ab-cdef-0123-456789abcdef\"\ncourse_slug: "
        "\"inbox\"\nis_public: true\neditor_mode: \"G\"\nlast_edit: \"2026-07-20T12:34:56.123456+00:00\"\n"
        "date_created: \"2026-07-01T00:00:00+00:00\"\ntag: \"demo\"\n---\n\nBody line\n");
    writeFile(root + u"/notes/0123456789abcdef0123456789abcdef.meta.json"_s,
        R"({"schema_version": 1, "id": 3, "uuid": "01234567-89ab-cdef-0123-456789abcdef",
                  "sharing_id": "11111111-2222-3333-4444-555555555555", "metadata_json": "{}",
                  "custom_meta": "{\"tag\": \"demo\"}", "client_draft_id": null, "note_type": "N",
                  "source_note_uuid": null, "cover_image_url": ""})");
    writeFile(root + u"/planner/events.json"_s,
        R"({"schema_version": 1, "events": [{"id": 1, "title": "Exam", "event_date": "2026-08-01",
                  "starts_at": null, "ends_at": null, "difficulty_weight": 3, "description": "", "course_id": 7,
                  "is_completed": false, "completed_at": null}]})");
    writeFile(root + u"/planner/feeds.json"_s,
        R"({"schema_version": 1, "feeds": [{"id": 2, "title": "Uni", "source_kind": "S",
                  "source_url": "https://example.org/a.ics", "is_enabled": true, "course_id": null, "last_sync": null}]})");
}

} // namespace RestoreFixture
