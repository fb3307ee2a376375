// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataroutes.h"

#include "apirouter.h"
#include "clock.h"
#include "entityjson.h"
#include "exporter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

using Method = QHttpServerRequest::Method;

bool isHttpUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && (url.scheme() == u"http"_s || url.scheme() == u"https"_s) && !url.host().isEmpty();
}

/// Prefixes every field error with upstream's settings message shape (§10.1).
ApiResponse settingsErrors(const ApiResponse &fieldErrors)
{
    QJsonObject in = QJsonDocument::fromJson(fieldErrors.body).object();
    QJsonObject out;
    for (auto it = in.begin(); it != in.end(); ++it) {
        QJsonArray messages;
        for (const QJsonValue &message : it.value().toArray()) {
            messages.append(QString(u"Settings not saved: Core.Server.Settings/update.validate_"_s % it.key()
                % u" \u2014 "_s % message.toString()));
        }
        out.insert(it.key(), messages);
    }
    return ApiResponse::json(out, 400);
}

ApiResponse storeFailure(const Error &error)
{
    return ApiResponse::fromError(error, 500);
}

} // namespace

DataRoutes::DataRoutes(Store *store, const Clock *clock, std::function<QString()> apiKeyPrefix)
    : m_store(store)
    , m_clock(clock)
    , m_apiKeyPrefix(std::move(apiKeyPrefix))
{
}

void DataRoutes::registerOn(ApiRouter &router)
{
    const auto bind = [this](ApiResponse (DataRoutes::*member)(const ApiRequest &)) {
        return [this, member](const ApiRequest &request) {
            return (this->*member)(request);
        };
    };
    router.addRoute(u"settings"_s, Method::Get, bind(&DataRoutes::getSettings));
    router.addRoute(u"settings"_s, Method::Patch, bind(&DataRoutes::patchSettings));
    router.addRoute(u"courses"_s, Method::Get, bind(&DataRoutes::listCourses));
    router.addRoute(u"courses"_s, Method::Post, bind(&DataRoutes::postCourse));
    router.addRoute(u"notes"_s, Method::Get, bind(&DataRoutes::listNotes));
    router.addRoute(u"notes"_s, Method::Post, bind(&DataRoutes::postNote));
    router.addRoute(u"notes/<id>"_s, Method::Get, bind(&DataRoutes::getNote));
    router.addRoute(u"notes/<id>"_s, Method::Patch, bind(&DataRoutes::patchNote));
    router.addRoute(u"notes/<id>"_s, Method::Delete, bind(&DataRoutes::deleteNote));
    router.addRoute(u"notes/<id>/cover"_s, Method::Post, bind(&DataRoutes::postCover));
    router.addRoute(u"notes/<id>/attachments"_s, Method::Post, bind(&DataRoutes::postAttachment));
    router.addRoute(u"planner-events"_s, Method::Get, bind(&DataRoutes::listEvents));
    router.addRoute(u"planner-events"_s, Method::Post, bind(&DataRoutes::postEvent));
    router.addRoute(u"calendar-feeds"_s, Method::Get, bind(&DataRoutes::listFeeds));
    router.addRoute(u"calendar-feeds"_s, Method::Post, bind(&DataRoutes::postFeed));
}

ApiResponse DataRoutes::getSettings(const ApiRequest &)
{
    const auto profile = m_store->profile();
    if (!profile) {
        return storeFailure(profile.error());
    }
    return ApiResponse::json(EntityJson::settings(*profile, m_apiKeyPrefix()));
}

ApiResponse DataRoutes::patchSettings(const ApiRequest &request)
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
    FieldReader in(*form);
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
    setString(u"mcp_skill_md"_s, profile.mcpSkillMd, 1024 * 1024);
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
    QJsonObject appSettings = QJsonDocument::fromJson(profile.appSettingsJson.toUtf8()).object();
    bool appSettingsTouched = false;
    if (const auto merged = in.object(u"app_settings"_s)) {
        for (auto it = merged->begin(); it != merged->end(); ++it) {
            appSettings.insert(it.key(), it.value());
        }
        appSettingsTouched = true;
    } else if (in.has(u"app_settings"_s) && in.isNull(u"app_settings"_s)) {
        in.addError(u"app_settings"_s, u"This field may not be null."_s);
    }
    if (const auto preset = in.string(u"theme_preset"_s, 32)) {
        profile.themePreset = *preset;
        appSettings.insert(u"theme_preset"_s, *preset);
        appSettingsTouched = true;
    }
    if (const auto mode = in.choice(u"theme_mode"_s, {u"S"_s, u"L"_s, u"D"_s})) {
        profile.themeMode = *mode;
        appSettings.insert(u"theme_mode"_s, *mode);
        appSettingsTouched = true;
    }
    if (const auto base = in.string(u"api_base_url"_s, 500)) {
        if (!base->isEmpty() && !isHttpUrl(*base)) {
            in.addError(u"api_base_url"_s, u"must be a full http(s)://host URL."_s);
        }
        profile.apiBaseUrl = *base;
        appSettings.insert(u"api_base_url"_s, *base);
        appSettingsTouched = true;
    }
    std::optional<QDateTime> updatedAt = in.dateTime(u"app_settings_updated_at"_s);
    if (in.has(u"last_seen_versions"_s)) {
        if (const auto versions = in.object(u"last_seen_versions"_s)) {
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
    }
    std::optional<StoredFile> avatar;
    if (form->files.contains(u"avatar"_s)) {
        const MultipartPart &part = form->files[u"avatar"_s];
        if (!part.contentType.startsWith("image/") || part.body.isEmpty()) {
            in.addError(u"avatar"_s,
                u"Upload a valid image. The file you uploaded was either not an image or a corrupted image."_s);
        } else if (!isPathComponent(part.fileName)) {
            in.addError(u"avatar"_s, u"The file name is not a plain file name."_s);
        }
        avatar = StoredFile{part.fileName, QString::fromLatin1(part.contentType), part.body};
    }
    if (!in.ok()) {
        return settingsErrors(in.errorResponse());
    }
    if (appSettingsTouched || in.has(u"app_settings_updated_at"_s)) {
        profile.appSettingsJson = QString::fromUtf8(QJsonDocument(appSettings).toJson(QJsonDocument::Compact));
        profile.appSettingsUpdatedAt = updatedAt ? updatedAt : std::optional<QDateTime>(m_clock->now());
    }
    const auto saved = m_store->transaction([&]() -> Result<void> {
        if (auto result = m_store->saveProfile(profile); !result) {
            return result;
        }
        return avatar ? m_store->setAvatar(*avatar) : Result<void>{};
    });
    if (!saved) {
        return storeFailure(saved.error());
    }
    return getSettings(request);
}

ApiResponse DataRoutes::listCourses(const ApiRequest &)
{
    const auto courses = m_store->courses();
    const auto profile = m_store->profile();
    if (!courses || !profile) {
        return storeFailure(!courses ? courses.error() : profile.error());
    }
    QJsonArray array;
    for (const Course &course : *courses) {
        array.append(EntityJson::course(course, *profile));
    }
    return ApiResponse::json(array);
}

ApiResponse DataRoutes::postCourse(const ApiRequest &request)
{
    const QString consequence = u"Cannot create category"_s;
    const QString module = u"Core.Server.Courses/create"_s;
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    in.require(u"title"_s);
    const auto title = in.string(u"title"_s, 120, false);
    const auto clientId = in.string(u"client_course_id"_s, 64);
    const auto description
        = in.isNull(u"description"_s) ? std::optional<QString>(QString()) : in.string(u"description"_s);
    const auto icon = in.integer(u"icon"_s, 0, 0x10FFFF);
    const auto slug = in.string(u"slug"_s, 100);
    if (slug && !slug->isEmpty() && !Store::isSafeSlug(*slug)) {
        in.addError(u"slug"_s, u"Enter a valid slug: lowercase letters, digits, '.', '_' or '-', no '..'."_s);
    }
    if (!in.ok()) {
        return in.errorResponse();
    }
    Course course;
    int status = 201;
    if (clientId && !clientId->isEmpty()) {
        const auto existing = m_store->courseByClientId(*clientId);
        if (!existing) {
            return storeFailure(existing.error());
        }
        if (*existing) {
            course = **existing;
            status = 200;
        }
    }
    const auto all = m_store->courses();
    if (!all) {
        return storeFailure(all.error());
    }
    for (const Course &other : *all) {
        if (other.id != course.id && other.title.compare(*title, Qt::CaseInsensitive) == 0) {
            return ApiResponse::detail(
                400, consequence, module, u"a category named '%1' already exists for this user."_s.arg(*title));
        }
        if (status == 201 && slug && other.slug == *slug) {
            return ApiResponse::detail(400, consequence, module, u"the slug '%1' is already taken."_s.arg(*slug));
        }
    }
    course.title = *title;
    if (description) {
        course.description = *description;
    }
    if (in.has(u"icon"_s)) {
        course.icon = icon ? std::optional<int>(static_cast<int>(*icon)) : std::nullopt;
    }
    if (status == 201) {
        course.clientCourseId = clientId.value_or(QString());
        course.slug = slug.value_or(QString());
        course.dateCreated = m_clock->now();
    }
    course.lastEdit = m_clock->now();
    const auto saved = m_store->saveCourse(course);
    if (!saved) {
        return ApiResponse::fromError(saved.error().withConsequence(consequence), 400);
    }
    const auto profile = m_store->profile();
    if (!profile) {
        return storeFailure(profile.error());
    }
    return ApiResponse::json(EntityJson::course(*saved, *profile), status);
}

std::optional<ApiResponse> DataRoutes::checkCourse(const std::optional<qint64> &id, const QString &consequence)
{
    if (!id) {
        return std::nullopt;
    }
    const auto course = m_store->course(*id);
    if (!course) {
        return storeFailure(course.error());
    }
    if (!*course) {
        return ApiResponse::detail(
            404, consequence, u"Core.Server/course_lookup"_s, u"course %1 does not exist."_s.arg(*id));
    }
    return std::nullopt;
}

ApiResponse DataRoutes::listEvents(const ApiRequest &request)
{
    const auto events = m_store->events();
    if (!events) {
        return storeFailure(events.error());
    }
    const bool includeCompleted = isTruthy(request.queryValue(u"include_completed"_s));
    QList<PlannerEvent> shown;
    for (const PlannerEvent &event : *events) {
        if (includeCompleted || !event.isCompleted) {
            shown.append(event);
        }
    }
    std::ranges::stable_sort(shown, [](const PlannerEvent &a, const PlannerEvent &b) {
        return a.eventDate != b.eventDate ? a.eventDate < b.eventDate : a.title < b.title;
    });
    QJsonArray array;
    for (const PlannerEvent &event : std::as_const(shown)) {
        array.append(EntityJson::event(event));
    }
    return ApiResponse::json(array);
}

ApiResponse DataRoutes::postEvent(const ApiRequest &request)
{
    const QString consequence = u"Event not saved"_s;
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    in.require(u"title"_s);
    in.require(u"event_date"_s);
    PlannerEvent event;
    event.title = in.string(u"title"_s, 120, false).value_or(QString());
    event.eventDate = in.date(u"event_date"_s).value_or(QDate());
    event.startsAt = in.dateTime(u"starts_at"_s);
    event.endsAt = in.dateTime(u"ends_at"_s);
    event.difficultyWeight = static_cast<int>(in.integer(u"difficulty_weight"_s, 1, 4).value_or(1));
    event.description = in.isNull(u"description"_s) ? QString() : in.string(u"description"_s).value_or(QString());
    event.courseId = in.integer(u"course_id"_s, 1);
    event.isCompleted = in.boolean(u"is_completed"_s).value_or(false);
    event.completedAt = in.dateTime(u"completed_at"_s);
    event.recurrenceFreq = in.choice(u"recurrence_freq"_s, {u"N"_s, u"W"_s, u"M"_s, u"Y"_s}).value_or(u"N"_s);
    event.recurrenceInterval = static_cast<int>(in.integer(u"recurrence_interval"_s, 1, 1000).value_or(1));
    event.recurrenceEndDate = in.date(u"recurrence_end_date"_s);
    if (const auto count = in.integer(u"recurrence_count"_s, 1, 10000)) {
        event.recurrenceCount = static_cast<int>(*count);
    }
    if (event.startsAt && event.endsAt && *event.endsAt < *event.startsAt) {
        in.addError(u"ends_at"_s, u"The end must not be before the start."_s);
    }
    if (!in.ok()) {
        return in.errorResponse();
    }
    if (auto missing = checkCourse(event.courseId, consequence)) {
        return *missing;
    }
    if (!event.startsAt) { // a bare date gets a noon one-hour window
        event.startsAt = QDateTime(event.eventDate, QTime(12, 0), QTimeZone::UTC);
        event.endsAt = event.startsAt->addSecs(3600);
    } else if (!event.endsAt) {
        event.endsAt = event.startsAt->addSecs(3600);
    }
    if (event.isCompleted && !event.completedAt) {
        event.completedAt = m_clock->now();
    }
    const auto saved = m_store->saveEvent(event);
    if (!saved) {
        return storeFailure(saved.error());
    }
    return ApiResponse::json(EntityJson::event(*saved), 201);
}

ApiResponse DataRoutes::listFeeds(const ApiRequest &)
{
    const auto feeds = m_store->feeds();
    if (!feeds) {
        return storeFailure(feeds.error());
    }
    QJsonArray array;
    for (const CalendarFeed &feed : *feeds) {
        array.append(EntityJson::feed(feed));
    }
    return ApiResponse::json(array);
}

ApiResponse DataRoutes::postFeed(const ApiRequest &request)
{
    const auto form = RequestForm::read(request);
    if (!form) {
        return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    in.require(u"title"_s);
    CalendarFeed feed;
    feed.title = in.string(u"title"_s, 120, false).value_or(QString());
    feed.sourceKind = in.choice(u"source_kind"_s, {u"I"_s, u"S"_s}).value_or(u"I"_s);
    feed.sourceUrl = in.string(u"source_url"_s, 500).value_or(QString());
    if (!feed.sourceUrl.isEmpty() && !isHttpUrl(feed.sourceUrl)
        && !feed.sourceUrl.startsWith(u"webcal://"_s, Qt::CaseInsensitive)) {
        in.addError(u"source_url"_s, u"Enter a valid URL."_s);
    }
    feed.rawIcal = in.string(u"raw_ical"_s, BodyLimits::Json).value_or(QString());
    feed.courseId = in.integer(u"course_id"_s, 1);
    feed.isEnabled = in.boolean(u"is_enabled"_s).value_or(true);
    if (!in.ok()) {
        return in.errorResponse();
    }
    if (auto missing = checkCourse(feed.courseId, u"Feed not saved"_s)) {
        return *missing;
    }
    feed.dateCreated = m_clock->now();
    feed.lastEdit = feed.dateCreated;
    const auto saved = m_store->saveFeed(feed);
    if (!saved) {
        return storeFailure(saved.error());
    }
    return ApiResponse::json(EntityJson::feed(*saved), 201);
}

} // namespace Notechondria
