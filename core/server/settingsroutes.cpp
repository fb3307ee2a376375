// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsroutes.h"

#include "apirouter.h"
#include "clock.h"
#include "entityjson.h"
#include "exporter.h"
#include "fileroutes.h"
#include "routesupport.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Notechondria {

using RouteSupport::isHttpUrl;
using RouteSupport::storeFailure;

namespace {

using Method = QHttpServerRequest::Method;

/// Prefixes every field error with upstream's settings message shape (§10.1).
ApiResponse settingsErrors(const ApiResponse &fieldErrors)
{
    QJsonObject in = QJsonDocument::fromJson(fieldErrors.body).object();
    QJsonObject out;
    for (auto it = in.begin(); it != in.end(); ++it) {
        QJsonArray messages;
        for (const auto &message : it.value().toArray()) {
            messages.append(QString(u"Settings not saved: Core.Server.Settings/update.validate_"_s % it.key()
                % u" \u2014 "_s % message.toString()));
        }
        out.insert(it.key(), messages);
    }
    return ApiResponse::json(out, 400);
}

/// The account fields: names, motto, MCP skill, email, social link, inbox folder and editor mode.
void readAccountFields(FieldReader &in, Profile &profile)
{
    const auto setString = [&in](const QString &key, QString &target, qsizetype max) {
        if (const auto value = in.string(key, max)) {
            target = *value;
        }
    };
    setString(u"username"_s, profile.username, 150);
    setString(u"first_name"_s, profile.firstName, 150);
    setString(u"last_name"_s, profile.lastName, 150);
    setString(u"motto"_s, profile.motto, 100);
    setString(u"display_name"_s, profile.displayName, 255);
    setString(u"mcp_skill_md"_s, profile.mcpSkillMd, qsizetype(1024) * 1024);
    if (const auto email = in.string(u"email"_s, 254)) {
        if (!email->isEmpty() && (!email->contains(u'@') || email->contains(u' '))) {
            in.addError(u"email"_s, u"Enter a valid email address."_s);
        }
        profile.email = email->toLower();
    }
    if (const auto link = in.string(u"social_link"_s, 200)) {
        if (!link->isEmpty() && !isHttpUrl(*link)) {
            in.addError(u"social_link"_s, u"Enter a valid URL."_s);
        }
        profile.socialLink = *link;
    }
    if (const auto folder = in.string(u"uncategorized_folder_name"_s, 120)) {
        profile.uncategorizedFolderName = folder->trimmed().isEmpty() ? u"Inbox"_s : folder->trimmed();
    }
    if (const auto mode = in.choice(u"editor_mode"_s, {u"G"_s, u"B"_s, u"P"_s})) {
        profile.editorMode = *mode;
    }
}

/// The app_settings object after a PATCH, and whether the request touched it.
struct AppSettings
{
    QJsonObject values;
    bool touched = false;

    void set(const QString &key, const QString &value)
    {
        values.insert(key, value);
        touched = true;
    }
};

/// Merges app_settings and the fields mirrored into it (theme preset and mode, API base URL).
AppSettings readAppSettings(FieldReader &in, Profile &profile)
{
    AppSettings settings{QJsonDocument::fromJson(profile.appSettingsJson.toUtf8()).object()};
    if (const auto merged = in.object(u"app_settings"_s)) {
        for (auto it = merged->begin(); it != merged->end(); ++it) {
            settings.values.insert(it.key(), it.value());
        }
        settings.touched = true;
    } else if (in.has(u"app_settings"_s) && in.isNull(u"app_settings"_s)) {
        in.addError(u"app_settings"_s, u"This field may not be null."_s);
    }
    if (const auto preset = in.string(u"theme_preset"_s, 32)) {
        profile.themePreset = *preset;
        settings.set(u"theme_preset"_s, *preset);
    }
    if (const auto mode = in.choice(u"theme_mode"_s, {u"S"_s, u"L"_s, u"D"_s})) {
        profile.themeMode = *mode;
        settings.set(u"theme_mode"_s, *mode);
    }
    if (const auto base = in.string(u"api_base_url"_s, 500)) {
        if (!base->isEmpty() && !isHttpUrl(*base)) {
            in.addError(u"api_base_url"_s, u"must be a full http(s)://host URL."_s);
        }
        profile.apiBaseUrl = *base;
        settings.set(u"api_base_url"_s, *base);
    }
    return settings;
}

/// Merges last_seen_versions: at most 16 entries, keys and values strings of at most 32 characters.
void readLastSeenVersions(FieldReader &in, Profile &profile)
{
    if (!in.has(u"last_seen_versions"_s)) {
        return;
    }
    const auto versions = in.object(u"last_seen_versions"_s);
    if (!versions) {
        return;
    }
    QJsonObject seen = QJsonDocument::fromJson(profile.lastSeenVersionsJson.toUtf8()).object();
    for (auto it = versions->begin(); it != versions->end(); ++it) {
        if (!it.value().isString() || it.value().toString().size() > 32 || it.key().size() > 32) {
            in.addError(u"last_seen_versions"_s, u"Values must be strings of at most 32 characters."_s);
            break;
        }
        seen.insert(it.key(), it.value());
    }
    if (seen.size() > 16) {
        in.addError(u"last_seen_versions"_s, u"At most 16 entries are kept."_s);
    }
    profile.lastSeenVersionsJson = QString::fromUtf8(QJsonDocument(seen).toJson(QJsonDocument::Compact));
}

/// The uploaded avatar, when the form has one (an error is recorded when it is not a plain-named image).
std::optional<StoredFile> readAvatar(const RequestForm &form, FieldReader &in)
{
    if (!form.files.contains(u"avatar"_s)) {
        return std::nullopt;
    }
    const MultipartPart &part = form.files[u"avatar"_s];
    const QString type = Media::uploadType(part);
    if (!type.startsWith(u"image/"_s) || part.body.isEmpty()) {
        in.addError(u"avatar"_s,
            u"Upload a valid image. The file you uploaded was either not an image or a corrupted image."_s);
    } else if (!isPathComponent(part.fileName)) {
        in.addError(u"avatar"_s, u"The file name is not a plain file name."_s);
    }
    return StoredFile{part.fileName, type, part.body};
}

} // namespace

SettingsRoutes::SettingsRoutes(Store *store, const Clock *clock, std::function<QString()> apiKeyPrefix)
    : StoreRoutes(store, clock)
    , m_apiKeyPrefix(std::move(apiKeyPrefix))
{
}

void SettingsRoutes::registerOn(ApiRouter &router)
{
    router.addRoute(u"settings"_s, Method::Get, std::bind_front(&SettingsRoutes::getSettings, this));
    router.addRoute(u"settings"_s, Method::Patch, std::bind_front(&SettingsRoutes::patchSettings, this));
}

ApiResponse SettingsRoutes::getSettings(const ApiRequest &)
{
    const auto profile = m_store->profile();
    if (!profile) {
        return storeFailure(profile.error());
    }
    return ApiResponse::json(EntityJson::settings(*profile, m_apiKeyPrefix()));
}

ApiResponse SettingsRoutes::patchSettings(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    auto current = m_store->profile();
    if (!current) {
        return storeFailure(current.error());
    }
    Profile profile = *current;
    // The apps clear a text setting by sending null (e.g. "api_base_url": null), as the web backend accepts.
    RequestForm fields = *form;
    for (const QString &key : {u"first_name"_s, u"last_name"_s, u"motto"_s, u"display_name"_s, u"mcp_skill_md"_s,
             u"social_link"_s, u"uncategorized_folder_name"_s, u"theme_preset"_s, u"api_base_url"_s}) {
        if (fields.fields.contains(key) && fields.fields.value(key).isNull()) {
            fields.fields.insert(key, QString());
        }
    }
    FieldReader in(fields);
    readAccountFields(in, profile);
    const AppSettings appSettings = readAppSettings(in, profile);
    const std::optional<QDateTime> updatedAt = in.dateTime(u"app_settings_updated_at"_s);
    readLastSeenVersions(in, profile);
    const std::optional<StoredFile> avatar = readAvatar(*form, in);
    if (!in.ok()) {
        return settingsErrors(in.errorResponse());
    }
    if (appSettings.touched || in.has(u"app_settings_updated_at"_s)) {
        profile.appSettingsJson = QString::fromUtf8(QJsonDocument(appSettings.values).toJson(QJsonDocument::Compact));
        profile.appSettingsUpdatedAt = updatedAt ? updatedAt : std::optional<QDateTime>(m_clock->now());
    }
    const auto saved = m_store->transaction([&]() -> Result<void> {
        if (auto result = m_store->saveProfile(profile); !result) {
            return result;
        }
        if (!avatar) {
            return {};
        }
        if (auto set = m_store->setAvatar(*avatar); !set) {
            return set;
        }
        // The avatar's URL on this server: a new file, a new token, so the URL changes with the avatar.
        const auto token = m_store->avatarToken();
        if (!token) {
            return std::unexpected(token.error());
        }
        profile.imageUrl = Media::url(request.host, *token, avatar->fileName);
        return m_store->saveProfile(profile);
    });
    if (!saved) {
        return storeFailure(saved.error());
    }
    return getSettings(request);
}

} // namespace Notechondria
