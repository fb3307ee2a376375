// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Notechondria {

/// The answer of `GET integrations/github/status/` (upstream §1.3, plus installation_id, DECISIONS §2).
struct SyncStatus
{
    bool connected = false;
    QString installUrl;
    QString appName;
    QString installationId;
    QString accountLogin;
    QString repoFullName;
    QString repoDefaultBranch;
    std::optional<QDateTime> lastPushAt;
    QString lastPushSha;
    QString lastError;
    bool includeAssets = false; ///< the server's remembered choice, when it sends one
    bool pushRunning = false; ///< a push or sync is going on the server
    /// A running push waits for GitHub's write limits until then (push_paused_until); nullopt when it does not.
    std::optional<QDateTime> pushPausedUntil;

    [[nodiscard]] static SyncStatus fromJson(const QJsonObject &object);
};

/// One entry of `GET integrations/github/repos/`.
struct RepoInfo
{
    QString fullName;
    QString defaultBranch = QStringLiteral("main");
    bool isPrivate = false;
};

/// The body of `POST integrations/github/callback/`; only non-empty fields are sent.
struct CallbackRequest
{
    QString installationId;
    QString accountLogin;
    QString repoFullName;
    QString repoDefaultBranch;

    [[nodiscard]] QJsonObject toJson() const;
};

/// The flags of `POST integrations/github/push/`.
struct PushRequest
{
    bool includeAssets = false;
    bool force = false; ///< conflicting paths: ours overwrite GitHub's
    bool keepRemote = false; ///< conflicting paths: GitHub's copies stay
    bool confirmMassDeletion = false;

    [[nodiscard]] QJsonObject toJson() const;
};

/// How one conflicting item of a sync is resolved (`resolutions` / `resolve_all` of `POST sync/`).
enum class ConflictChoice {
    Mine, ///< "mine": this device's version goes to GitHub
    Theirs, ///< "theirs": GitHub's version is written here
    Both, ///< "both": this device's stays, GitHub's becomes a conflict copy (notes only)
};

/// The flags of `POST integrations/github/sync/`: a push's, plus the conflict choices.
struct SyncRequest
{
    PushRequest push;
    QHash<QString, ConflictChoice> resolutions; ///< per conflicting item, keyed by its path
    std::optional<ConflictChoice> resolveAll; ///< every conflicting item without its own choice

    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static QString choiceName(ConflictChoice choice);
};

/// One conflicting item of a 409 answer (`items`).
struct ConflictItem
{
    QString path; ///< notes/<hex>.md, courses/<slug>.json, planner/events.json#<id>, or another file
    QString title; ///< the note, course or event title; "" for other files
    QString kind; ///< "both_changed", "deleted_here" (edited on GitHub) or "deleted_on_github" (edited here)
    QString item; ///< "note", "course", "event", "feed", "profile" or "file"
    /// A note (only notes can be kept twice); an item without a kind is judged by its path.
    [[nodiscard]] bool isNote() const
    {
        return item.isEmpty() ? path.startsWith(QLatin1StringView("notes/")) : item == QLatin1StringView("note");
    }
};

/// Files added, changed and deleted in one direction of a sync.
struct ChangeCounts
{
    int added = 0, changed = 0, deleted = 0;
    [[nodiscard]] int total() const { return added + changed + deleted; }
};

/// The answer of a push or a sync: a commit, or a conflict (HTTP 409) with the paths changed on both sides.
struct PushResult
{
    QString commitSha;
    bool committed = false;
    ChangeCounts pushed; ///< what went to GitHub
    ChangeCounts pulled; ///< what came into this device's store (a sync)
    QStringList merged; ///< files changed on both sides and merged cleanly (a sync)
    bool conflict = false;
    QStringList conflictPaths;
    QList<ConflictItem> conflictItems; ///< with titles, when the server sends them (else one per path)
    QString detail; ///< the server's message for a conflict or a mass-deletion stop
    bool includeAssets = false;
    bool massDeletion = false; ///< stopped: it would delete many files; resend with confirmMassDeletion
    int wouldDelete = 0;
};

/// A GitHub App installation the server can see (`GET integrations/github/installations/`).
struct InstallationInfo
{
    QString id;
    QString accountLogin;
};

/// One file of the next push (`GET integrations/github/preview/`).
struct PreviewEntry
{
    QString path;
    QString change; ///< "added", "changed", "deleted" or "unchanged"
    QString localContent; ///< when the server sends it
    QString remoteContent; ///< when the server sends it
};

namespace SyncWire {
[[nodiscard]] QList<RepoInfo> reposFromJson(const QJsonObject &object);
[[nodiscard]] QList<InstallationInfo> installationsFromJson(const QJsonValue &value);
[[nodiscard]] QList<PreviewEntry> previewFromJson(const QJsonValue &value);
[[nodiscard]] QList<PushRun> runsFromJson(const QJsonValue &value);
/// The body of a push or sync answer: 200 (commit, counts) or a 409 conflict (paths, items).
[[nodiscard]] PushResult pushResultFromJson(const QJsonObject &object, bool conflict);
/// True for the flag spellings upstream accepts ("1", "true", "yes", "on", JSON true).
[[nodiscard]] bool flag(const QJsonValue &value);
} // namespace SyncWire

} // namespace Notechondria
