// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyroutes.h"

#include "apirouter.h"
#include "backuphistory.h"
#include "itemrestore.h"
#include "routesupport.h"
#include "store.h"

#include <QJsonArray>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

const QString kModule = u"Core.Server.GitHubSync/history"_s;

QJsonObject noteJson(const Note &note, const QString &courseSlug)
{
    return QJsonObject{{u"uuid"_s, note.uuid.toString(QUuid::WithoutBraces)}, {u"title"_s, note.title},
        {u"content"_s, note.content}, {u"course_slug"_s, courseSlug},
        {u"last_edit"_s,
            note.lastEdit.isValid() ? QJsonValue(note.lastEdit.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()}};
}

} // namespace

HistoryRoutes::HistoryRoutes(
    Store *store, GitHubApi *github, const Clock *clock, std::function<bool()> busy, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_github(github)
    , m_clock(clock)
    , m_busy(std::move(busy))
{
}

void HistoryRoutes::registerOn(ApiRouter &router)
{
    using Method = QHttpServerRequest::Method;
    router.addAsyncRoute(
        u"integrations/github/history"_s, Method::Get, [this](ApiRequest r) { return history(std::move(r)); });
    router.addAsyncRoute(
        u"integrations/github/history/note"_s, Method::Get, [this](ApiRequest r) { return noteAt(std::move(r)); });
    router.addAsyncRoute(u"integrations/github/restore/item"_s, Method::Post,
        [this](ApiRequest r) { return restoreItem(std::move(r)); });
}

QCoro::Task<ApiResponse> HistoryRoutes::history(ApiRequest request)
{
    const QString consequence = u"History not read"_s;
    QUuid note;
    if (const QString text = request.queryValue(u"note"_s); !text.isEmpty()) {
        note = BackupHistory::parseUuid(text);
        if (note.isNull()) {
            co_return ApiResponse::fieldErrors({{u"note"_s, {u"A note's uuid."_s}}});
        }
    }
    bool ok = true;
    const QString limitText = request.queryValue(u"limit"_s);
    const int limit = limitText.isEmpty() ? 100 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > 10000) {
        co_return ApiResponse::fieldErrors({{u"limit"_s, {u"A number from 1 to 10000."_s}}});
    }
    auto integration = RouteSupport::connectedRepository(*m_store, m_github, consequence, kModule);
    if (auto *answer = std::get_if<ApiResponse>(&integration)) {
        co_return *answer;
    }
    QPointer<HistoryRoutes> self(this);
    const auto commits = co_await BackupHistory(m_github).list(std::get<GitHubIntegration>(integration), note, limit);
    if (!self) {
        co_return ApiResponse::detail(503, consequence, kModule, u"the local server is shutting down."_s);
    }
    if (!commits) {
        co_return ApiResponse::fromError(commits.error(), 502);
    }
    QJsonArray list;
    for (const BackupCommit &commit : *commits) {
        QJsonObject entry = commit.toJson();
        entry.insert(u"lines"_s, QJsonArray::fromStringList(commit.summary.lines));
        entry.insert(u"url"_s, commit.htmlUrl);
        list.append(entry);
    }
    co_return ApiResponse::json(QJsonObject{{u"commits"_s, list}});
}

QCoro::Task<ApiResponse> HistoryRoutes::noteAt(ApiRequest request)
{
    const QString consequence = u"Note version not read"_s;
    const QString commit = request.queryValue(u"commit"_s).trimmed().toLower();
    const QUuid note = BackupHistory::parseUuid(request.queryValue(u"note"_s));
    QMap<QString, QStringList> errors;
    if (!RouteSupport::isFullCommitId(commit)) {
        errors.insert(u"commit"_s, {u"A full 40-character commit id."_s});
    }
    if (note.isNull()) {
        errors.insert(u"note"_s, {u"A note's uuid."_s});
    }
    if (!errors.isEmpty()) {
        co_return ApiResponse::fieldErrors(errors);
    }
    auto integration = RouteSupport::connectedRepository(*m_store, m_github, consequence, kModule);
    if (auto *answer = std::get_if<ApiResponse>(&integration)) {
        co_return *answer;
    }
    QPointer<HistoryRoutes> self(this);
    ItemRestore reader(m_store, m_github, m_clock);
    const auto version = co_await reader.noteAt(std::get<GitHubIntegration>(integration), commit, note);
    if (!self) {
        co_return ApiResponse::detail(503, consequence, kModule, u"the local server is shutting down."_s);
    }
    if (!version) {
        co_return ApiResponse::fromError(version.error().withConsequence(consequence), 404);
    }
    QJsonObject answer = noteJson(version->note, version->courseSlug);
    answer.insert(u"commit"_s, commit);
    const auto current = m_store->noteByUuid(note);
    answer.insert(u"current"_s, current && *current ? QJsonValue(noteJson(**current, {})) : QJsonValue());
    co_return ApiResponse::json(answer);
}

QCoro::Task<ApiResponse> HistoryRoutes::restoreItem(ApiRequest request)
{
    const QString consequence = u"Note not restored"_s;
    const auto form = RequestForm::read(request);
    if (!form) {
        co_return ApiResponse::fromError(form.error());
    }
    FieldReader in(*form);
    in.require(u"commit"_s);
    in.require(u"note"_s);
    const QString commit = in.string(u"commit"_s, 40).value_or(QString()).trimmed().toLower();
    const QUuid note = BackupHistory::parseUuid(in.string(u"note"_s, 40).value_or(QString()));
    const bool asCopy = in.boolean(u"as_copy"_s).value_or(false);
    if (!commit.isEmpty() && !RouteSupport::isFullCommitId(commit)) {
        in.addError(u"commit"_s, u"A full 40-character commit id."_s);
    }
    if (in.ok() && note.isNull()) {
        in.addError(u"note"_s, u"A note's uuid."_s);
    }
    if (!in.ok()) {
        co_return in.errorResponse();
    }
    if (m_running || (m_busy && m_busy())) {
        co_return ApiResponse::detail(
            409, consequence, kModule, u"a push or a restore is already running; wait for it to finish."_s);
    }
    auto integration = RouteSupport::connectedRepository(*m_store, m_github, consequence, kModule);
    if (auto *answer = std::get_if<ApiResponse>(&integration)) {
        co_return *answer;
    }
    QPointer<HistoryRoutes> self(this);
    m_running = true;
    ItemRestore restore(m_store, m_github, m_clock);
    const auto restored = co_await restore.restoreNote(std::get<GitHubIntegration>(integration), commit, note, asCopy);
    if (!self) {
        co_return ApiResponse::detail(503, consequence, kModule, u"the local server is shutting down."_s);
    }
    m_running = false;
    if (!restored) {
        co_return ApiResponse::fromError(restored.error(), 400);
    }
    co_return ApiResponse::json(QJsonObject{{u"restored"_s, true}, {u"commit"_s, commit},
        {u"uuid"_s, restored->note.uuid.toString(QUuid::WithoutBraces)}, {u"title"_s, restored->note.title},
        {u"as_copy"_s, restored->asCopy}, {u"created"_s, restored->created}, {u"undo_available"_s, true}});
}

} // namespace Notechondria
