// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"

#include <QDateTime>
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

/// The answer of a push: a commit, or a conflict (HTTP 409) with the paths changed on both sides.
struct PushResult
{
    QString commitSha;
    bool conflict = false;
    QStringList conflictPaths;
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
/// True for the flag spellings upstream accepts ("1", "true", "yes", "on", JSON true).
[[nodiscard]] bool flag(const QJsonValue &value);
} // namespace SyncWire

} // namespace Notechondria
