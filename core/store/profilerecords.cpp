// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilerecords.h"

#include "storecontext.h"
#include "storesql.h"

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

Profile readProfile(const QSqlQuery &q)
{
    Profile p;
    p.username = q.value(0).toString();
    p.firstName = q.value(1).toString();
    p.lastName = q.value(2).toString();
    p.email = q.value(3).toString();
    p.isActive = q.value(4).toBool();
    p.displayName = q.value(5).toString();
    p.motto = q.value(6).toString();
    p.socialLink = q.value(7).toString();
    p.editorMode = q.value(8).toString();
    p.themePreset = q.value(9).toString();
    p.themeMode = q.value(10).toString();
    p.apiBaseUrl = q.value(11).toString();
    p.imageUrl = q.value(12).toString();
    p.uncategorizedFolderName = q.value(13).toString();
    p.lastSeenVersionsJson = q.value(14).toString();
    p.dateJoined = toDateTime(q.value(15));
    p.lastLogin = toDateTime(q.value(16));
    p.appSettingsJson = q.value(17).toString();
    p.appSettingsUpdatedAt = toDateTime(q.value(18));
    p.mcpSkillMd = q.value(19).toString();
    if (!q.value(20).isNull()) {
        p.avatar = StoredFile{q.value(20).toString(), q.value(21).toString(), q.value(22).toByteArray()};
    }
    return p;
}

} // namespace

ProfileRecords::ProfileRecords(StoreContext &context)
    : m_context(context)
{
}

Result<Profile> ProfileRecords::profile() const
{
    auto q = m_context.exec(
        u"SELECT p.username, p.first_name, p.last_name, p.email, p.is_active, p.display_name, p.motto, "
        "p.social_link, p.editor_mode, p.theme_preset, p.theme_mode, p.api_base_url, p.image_url, "
        "p.uncategorized_folder_name, p.last_seen_versions_json, p.date_joined, p.last_login, p.app_settings_json, "
        "p.app_settings_updated_at, p.mcp_skill_md, f.file_name, f.content_type, f.bytes "
        "FROM profile p LEFT JOIN files f ON f.id = p.avatar_file_id WHERE p.id = 1"_s,
        {}, u"Cannot read the profile"_s, u"Core.Store/profile"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    return q->next() ? readProfile(*q) : Profile{};
}

Result<void> ProfileRecords::saveProfile(const Profile &p)
{
    return m_context.run(
        u"INSERT INTO profile (id, username, first_name, last_name, email, is_active, display_name, motto, "
        "social_link, editor_mode, theme_preset, theme_mode, api_base_url, image_url, uncategorized_folder_name, "
        "last_seen_versions_json, date_joined, last_login, app_settings_json, app_settings_updated_at, mcp_skill_md) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "username = excluded.username, first_name = excluded.first_name, last_name = excluded.last_name, "
        "email = excluded.email, is_active = excluded.is_active, display_name = excluded.display_name, "
        "motto = excluded.motto, social_link = excluded.social_link, editor_mode = excluded.editor_mode, "
        "theme_preset = excluded.theme_preset, theme_mode = excluded.theme_mode, "
        "api_base_url = excluded.api_base_url, image_url = excluded.image_url, "
        "uncategorized_folder_name = excluded.uncategorized_folder_name, "
        "last_seen_versions_json = excluded.last_seen_versions_json, date_joined = excluded.date_joined, "
        "last_login = excluded.last_login, app_settings_json = excluded.app_settings_json, "
        "app_settings_updated_at = excluded.app_settings_updated_at, mcp_skill_md = excluded.mcp_skill_md"_s,
        {text(p.username), text(p.firstName), text(p.lastName), text(p.email), p.isActive ? 1 : 0, text(p.displayName),
            text(p.motto), text(p.socialLink), text(p.editorMode), text(p.themePreset), text(p.themeMode),
            text(p.apiBaseUrl), text(p.imageUrl), text(p.uncategorizedFolderName), text(p.lastSeenVersionsJson),
            fromDateTime(p.dateJoined), fromDateTime(p.lastLogin), text(p.appSettingsJson),
            fromDateTime(p.appSettingsUpdatedAt), text(p.mcpSkillMd)},
        u"Cannot save the profile"_s, u"Core.Store/save_profile"_s);
}

Result<void> ProfileRecords::setAvatar(const StoredFile &file)
{
    const QString consequence = u"Cannot save the avatar"_s;
    const QString process = u"Core.Store/save_avatar"_s;
    return m_context.transaction([&]() -> Result<void> {
        auto old = m_context.exec(u"SELECT avatar_file_id FROM profile WHERE id = 1"_s, {}, consequence, process);
        if (!old) {
            return std::unexpected(old.error());
        }
        std::optional<qint64> oldFile;
        if (old->next()) {
            oldFile = toId(old->value(0));
        } else if (auto created = saveProfile(Profile{}); !created) {
            return created;
        }
        auto fileId = m_context.replaceFile(oldFile, file, consequence, process);
        if (!fileId) {
            return std::unexpected(fileId.error());
        }
        return m_context.run(
            u"UPDATE profile SET avatar_file_id = ? WHERE id = 1"_s, {fromId(*fileId)}, consequence, process);
    });
}

} // namespace Notechondria
