// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appconfig.h"
#include "error.h"
#include "httpclient.h"
#include "writepacer.h"

#include <QCoroTask>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace Notechondria {

class Clock;
class JwtSigner;

struct Installation
{
    QString id;
    QString accountLogin;
};

struct Repository
{
    QString fullName;
    QString defaultBranch;
    bool isPrivate = false;
};

/**
 * GitHub App authentication and the App-level calls: App JWTs, installation tokens (cached per installation and
 * repository, refreshed when less than 60 s remain), installation discovery, repository listing, and
 * authenticated calls for the Git Data API users.
 */
class GitHubApi : public QObject
{
    Q_OBJECT

public:
    GitHubApi(HttpClient *http, AppConfig config, const Clock *clock, QObject *parent = nullptr);
    ~GitHubApi() override;

    [[nodiscard]] const AppConfig &config() const;
    void setConfig(AppConfig config); ///< drops cached tokens when the key/issuer/API URL changes

    /// A fresh App JWT (clock-skew correction applied).
    [[nodiscard]] Result<QByteArray> appJwt();

    /// GET /app/installations (all pages) → id + account login.
    [[nodiscard]] QCoro::Task<Result<QList<Installation>>> listInstallations();
    /// GET /installation/repositories (all pages, at most 50).
    [[nodiscard]] QCoro::Task<Result<QList<Repository>>> listRepositories(QString installationId);
    /// An installation token, cached, refreshed when less than 60 s remain; narrowed to repoName when given.
    [[nodiscard]] QCoro::Task<Result<QString>> installationToken(QString installationId, QString repoName = {});
    /// A call with an installation token: path relative to the API URL ("/repos/o/r/git/trees", may carry a
    /// query), JSON body optional. Adds the GitHub headers; on 401 refreshes the token once and retries. Non-2xx
    /// answers are returned as responses (the caller frames them); transport failures are errors.
    [[nodiscard]] QCoro::Task<Result<HttpResponse>> call(QByteArray method, QString path, QString installationId,
        QByteArray jsonBody = {}, bool idempotent = true, QString repoName = {});
    /// DELETE /installation/token for every cached token of the installation, then forgets them.
    [[nodiscard]] QCoro::Task<Result<void>> revokeToken(QString installationId);
    void forgetTokens();
    [[nodiscard]] int requestCount() const;
    [[nodiscard]] HttpClient *http() const { return m_http; }
    /// Seconds added to the local clock for JWTs (learnt from GitHub's Date header after a skew rejection).
    [[nodiscard]] qint64 clockOffsetSeconds() const { return m_clockOffset; }

    /// Frames a non-2xx answer: "<consequence>: <module> — GitHub returned <code> <what>: <excerpt of body>".
    [[nodiscard]] static Error httpError(
        const HttpResponse &response, const QString &consequence, const QString &module, const QString &what);

    /// The API URL joined with a path that may carry a query ("/installation/repositories?per_page=100").
    [[nodiscard]] QUrl apiUrl(const QString &path) const;

    /// The pacing of content-creating requests (GitHub's secondary limits); tests and benchmarks may set other limits.
    [[nodiscard]] WritePacer &writePacer() { return m_pacer; }
    /// Waits until a content-creating request may go (GETs go at once) and records it; a git push counts as one write.
    [[nodiscard]] QCoro::Task<void> paceWrite(QByteArray method, QUrl url);
    /// While a write waits for the limits: when it may go; invalid otherwise.
    [[nodiscard]] QDateTime writesPausedUntil() const { return m_pausedUntil; }

Q_SIGNALS:
    /// A content-creating request waits until @p until for GitHub's secondary limits (the wait is shown as progress).
    void writesPaused(const QDateTime &until);

private:
    struct CachedToken
    {
        QString token;
        QDateTime expiresAt;
    };
    [[nodiscard]] QCoro::Task<Result<HttpResponse>> appCall(
        QByteArray method, QUrl url, QByteArray jsonBody, bool idempotent, QString module);
    [[nodiscard]] QCoro::Task<Result<HttpResponse>> callUrl(
        QByteArray method, QUrl url, QString installationId, QByteArray jsonBody, bool idempotent, QString repoName);
    [[nodiscard]] QCoro::Task<Result<QString>> fetchToken(QString installationId, QString repoName);
    [[nodiscard]] HttpRequest makeRequest(const QByteArray &method, const QUrl &url, const QByteArray &authorization,
        const QByteArray &jsonBody, bool idempotent) const;
    [[nodiscard]] Result<const JwtSigner *> signer();

    HttpClient *m_http;
    AppConfig m_config;
    const Clock *m_clock;
    std::unique_ptr<JwtSigner> m_signer;
    std::optional<Error> m_signerError;
    qint64 m_clockOffset = 0;
    QHash<QString, CachedToken> m_tokens; ///< key: installation id + '/' + repo name
    WritePacer m_pacer;
    QDateTime m_pausedUntil;
};

} // namespace Notechondria
