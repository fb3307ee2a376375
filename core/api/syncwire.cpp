// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncwire.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

QString text(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isString()) {
        return value.toString();
    }
    if (value.isDouble()) {
        return QString::number(value.toInteger());
    }
    return {};
}

std::optional<QDateTime> dateTime(const QJsonObject &object, QLatin1StringView key)
{
    const QString raw = object.value(key).toString();
    if (raw.isEmpty()) {
        return std::nullopt;
    }
    QDateTime parsed = QDateTime::fromString(raw, Qt::ISODateWithMs);
    if (!parsed.isValid()) {
        parsed = QDateTime::fromString(raw, Qt::ISODate);
    }
    if (!parsed.isValid()) {
        return std::nullopt;
    }
    return parsed.toUTC();
}

/// A list either at the top level or under `key`.
QJsonArray listOf(const QJsonValue &value, QLatin1StringView key)
{
    if (value.isArray()) {
        return value.toArray();
    }
    return value.toObject().value(key).toArray();
}

} // namespace

SyncStatus SyncStatus::fromJson(const QJsonObject &object)
{
    SyncStatus status;
    status.connected = SyncWire::flag(object.value("connected"_L1));
    status.installUrl = text(object, "install_url"_L1);
    status.appName = text(object, "app_name"_L1);
    status.installationId = text(object, "installation_id"_L1);
    status.accountLogin = text(object, "account_login"_L1);
    status.repoFullName = text(object, "repo_full_name"_L1);
    status.repoDefaultBranch = text(object, "repo_default_branch"_L1);
    status.lastPushAt = dateTime(object, "last_push_at"_L1);
    status.lastPushSha = text(object, "last_push_sha"_L1);
    status.lastError = text(object, "last_error"_L1);
    status.includeAssets = SyncWire::flag(object.value("include_assets"_L1));
    status.pushRunning = SyncWire::flag(object.value("push_running"_L1));
    status.pushPausedUntil = dateTime(object, "push_paused_until"_L1);
    return status;
}

QJsonObject CallbackRequest::toJson() const
{
    QJsonObject body{{u"installation_id"_s, installationId}};
    if (!accountLogin.isEmpty()) {
        body.insert(u"account_login"_s, accountLogin);
    }
    if (!repoFullName.isEmpty()) {
        body.insert(u"repo_full_name"_s, repoFullName);
    }
    if (!repoDefaultBranch.isEmpty()) {
        body.insert(u"repo_default_branch"_s, repoDefaultBranch);
    }
    return body;
}

QJsonObject PushRequest::toJson() const
{
    QJsonObject body{{u"include_assets"_s, includeAssets}};
    if (force) {
        body.insert(u"force"_s, true);
    }
    if (keepRemote) {
        body.insert(u"keep_remote"_s, true);
    }
    if (confirmMassDeletion) {
        body.insert(u"confirm_mass_deletion"_s, true);
    }
    return body;
}

QString SyncRequest::choiceName(ConflictChoice choice)
{
    switch (choice) {
    case ConflictChoice::Theirs:
        return u"theirs"_s;
    case ConflictChoice::Both:
        return u"both"_s;
    case ConflictChoice::Mine:
        break;
    }
    return u"mine"_s;
}

QJsonObject SyncRequest::toJson() const
{
    QJsonObject body = push.toJson();
    if (!resolutions.isEmpty()) {
        QJsonObject choices;
        for (auto it = resolutions.begin(); it != resolutions.end(); ++it) {
            choices.insert(it.key(), choiceName(it.value()));
        }
        body.insert(u"resolutions"_s, choices);
    }
    if (resolveAll) {
        body.insert(u"resolve_all"_s, choiceName(*resolveAll));
    }
    return body;
}

namespace SyncWire {

bool flag(const QJsonValue &value)
{
    if (value.isBool()) {
        return value.toBool();
    }
    if (value.isDouble()) {
        return value.toDouble() != 0;
    }
    const QString lowered = value.toString().toLower();
    return lowered == "1"_L1 || lowered == "true"_L1 || lowered == "yes"_L1 || lowered == "on"_L1;
}

QList<RepoInfo> reposFromJson(const QJsonObject &object)
{
    QList<RepoInfo> repos;
    for (const auto &item : object.value("repositories"_L1).toArray()) {
        const QJsonObject repo = item.toObject();
        RepoInfo info;
        info.fullName = text(repo, "full_name"_L1);
        const QString branch = text(repo, "default_branch"_L1);
        if (!branch.isEmpty()) {
            info.defaultBranch = branch;
        }
        info.isPrivate = flag(repo.value("private"_L1));
        repos.append(info);
    }
    return repos;
}

QList<InstallationInfo> installationsFromJson(const QJsonValue &value)
{
    QList<InstallationInfo> installations;
    for (const auto &item : listOf(value, "installations"_L1)) {
        const QJsonObject object = item.toObject();
        InstallationInfo info;
        info.id = text(object, "installation_id"_L1);
        if (info.id.isEmpty()) {
            info.id = text(object, "id"_L1);
        }
        info.accountLogin = text(object, "account_login"_L1);
        if (info.accountLogin.isEmpty()) {
            info.accountLogin = text(object.value("account"_L1).toObject(), "login"_L1);
        }
        if (!info.id.isEmpty()) {
            installations.append(info);
        }
    }
    return installations;
}

QList<PreviewEntry> previewFromJson(const QJsonValue &value)
{
    QList<PreviewEntry> entries;
    if (value.isObject() && !value.toObject().contains("files"_L1) && value.toObject().contains("path"_L1)) {
        return previewFromJson(QJsonArray{value}); // preview/?path=P: one file with both sides
    }
    const QJsonValue files = value.isObject() ? value.toObject().value("files"_L1) : value;
    if (files.isObject()) { // {"path": "added", ...}
        const QJsonObject map = files.toObject();
        for (auto it = map.begin(); it != map.end(); ++it) {
            entries.append(PreviewEntry{it.key(), it.value().toString(), {}, {}});
        }
        return entries;
    }
    for (const auto &item : files.toArray()) {
        const QJsonObject object = item.toObject();
        PreviewEntry entry;
        entry.path = text(object, "path"_L1);
        entry.change = text(object, "status"_L1);
        if (entry.change.isEmpty()) {
            entry.change = text(object, "change"_L1);
        }
        entry.localContent = text(object, "local"_L1);
        if (entry.localContent.isEmpty()) {
            entry.localContent = text(object, "content"_L1);
        }
        entry.remoteContent = text(object, "remote"_L1);
        entries.append(entry);
    }
    return entries;
}

QList<PushRun> runsFromJson(const QJsonValue &value)
{
    QList<PushRun> runs;
    for (const auto &item : listOf(value, "runs"_L1)) {
        const QJsonObject object = item.toObject();
        PushRun run;
        run.id = object.value("id"_L1).toInteger();
        run.startedAt = dateTime(object, "started_at"_L1).value_or(QDateTime());
        run.durationMs = object.value("duration_ms"_L1).toInteger();
        run.added = object.value("added"_L1).toInt();
        run.changed = object.value("changed"_L1).toInt();
        run.deleted = object.value("deleted"_L1).toInt();
        run.bytes = object.value("bytes"_L1).toInteger();
        run.requests = object.value("requests"_L1).toInt();
        run.commitSha = text(object, "commit_sha"_L1);
        run.outcome = text(object, "outcome"_L1);
        run.message = text(object, "message"_L1);
        runs.append(run);
    }
    return runs;
}

namespace {

ChangeCounts countsFromJson(const QJsonValue &value)
{
    const QJsonObject object = value.toObject();
    return ChangeCounts{
        object.value("added"_L1).toInt(), object.value("changed"_L1).toInt(), object.value("deleted"_L1).toInt()};
}

} // namespace

PushResult pushResultFromJson(const QJsonObject &object, bool conflict)
{
    PushResult result;
    result.detail = text(object, "detail"_L1);
    if (conflict) {
        result.conflict = true;
        for (const auto &path : object.value("paths"_L1).toArray()) {
            result.conflictPaths.append(path.toString());
        }
        for (const auto &value : object.value("items"_L1).toArray()) {
            const QJsonObject item = value.toObject();
            result.conflictItems.append(ConflictItem{
                text(item, "path"_L1), text(item, "title"_L1), text(item, "kind"_L1), text(item, "item"_L1)});
        }
        for (const QString &path : std::as_const(result.conflictPaths)) { // an upstream backend sends paths only
            if (std::ranges::find(result.conflictItems, path, &ConflictItem::path) == result.conflictItems.end()) {
                result.conflictItems.append(ConflictItem{path, QString(), u"both_changed"_s, QString()});
            }
        }
        return result;
    }
    result.commitSha = text(object, "commit_sha"_L1);
    result.committed
        = object.contains("committed"_L1) ? flag(object.value("committed"_L1)) : !result.commitSha.isEmpty();
    result.includeAssets = flag(object.value("include_assets"_L1));
    result.pushed = object.contains("pushed"_L1)
        ? countsFromJson(object.value("pushed"_L1))
        : ChangeCounts{
              object.value("added"_L1).toInt(), object.value("changed"_L1).toInt(), object.value("deleted"_L1).toInt()};
    result.pulled = countsFromJson(object.value("pulled"_L1));
    for (const auto &path : object.value("merged"_L1).toArray()) {
        result.merged.append(path.toString());
    }
    return result;
}

} // namespace SyncWire

} // namespace Notechondria
