// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <memory>
#include <optional>
#include <utility>

namespace Notechondria::Test {

/**
 * A stateful GitHub REST API on loopback for the test suite: App JWT auth (RS256, verified with QCA),
 * installations and installation tokens, repository listing with `Link` pagination, the Git Data API, the
 * Contents API (PUT) and tarball downloads, and GitHub's App Manifest flow (the new-App page takes a manifest,
 * redirects to its redirect_url with a code; the code converts once into an App with a fresh RSA key whose JWTs
 * verify and whose installations are its own). Every repository is a real bare git repository, so `git fsck` and
 * `git clone` judge what a client pushed.
 *
 * Faults can be injected per request (status, body, headers, a hang), tokens expired, a ref update raced,
 * the clock skewed and the rate limit lowered. Every request is recorded for assertions.
 *
 * Without setAppCredentials() the server accepts any well-formed JWT without checking its signature (the
 * standalone executable's default); claims (iat/exp) are always checked against the server clock.
 */
class GitHubTestServer : public QObject
{
    Q_OBJECT

public:
    explicit GitHubTestServer(QObject *parent = nullptr);
    ~GitHubTestServer() override;

    /// Binds 127.0.0.1 only; port 0 picks a free port.
    [[nodiscard]] bool start(quint16 port = 0);
    /// http://127.0.0.1:PORT — what clients use as GITHUB_API_URL.
    [[nodiscard]] QUrl apiUrl() const;

    /// The App's JWT issuer (client id or app id) and public key (PEM, SPKI or PKCS#1).
    void setAppCredentials(const QString &issuer, const QByteArray &publicKeyPem);
    qint64 addInstallation(const QString &accountLogin);
    /// An installation of an App made through the manifest flow (by its slug); 0 when there is no such App.
    qint64 addAppInstallation(const QString &appSlug, const QString &accountLogin);
    /// The slugs of the Apps made through the manifest flow so far.
    [[nodiscard]] QStringList createdApps() const;
    /// A repository backed by a bare git repository; `empty` = no commit at all, otherwise one README commit.
    void addRepository(qint64 installationId, const QString &fullName,
        const QString &defaultBranch = QStringLiteral("main"), bool isPrivate = false, bool empty = true);
    [[nodiscard]] QString bareRepositoryPath(const QString &fullName) const;
    /// The commit a branch points at, "" when none.
    [[nodiscard]] QString headSha(const QString &fullName, const QString &branch) const;
    /// Another device commits: path → bytes (std::nullopt deletes the path). Returns the new commit sha.
    QString commitFromAnotherDevice(const QString &fullName, const QString &branch,
        const QMap<QString, std::optional<QByteArray>> &changes, const QString &message);

    struct Fault
    {
        QByteArray method; ///< empty matches every method
        QRegularExpression path; ///< matched against the decoded URL path
        int status = 500; ///< answer status; 0 with `hang` = answer normally once the hang is over
        QByteArray body; ///< empty: a GitHub-shaped JSON error for `status`
        QList<std::pair<QByteArray, QByteArray>> headers;
        bool hang = false; ///< hold the answer for the hang duration (other requests are still served)
        int times = 1;
    };
    /// The next `times` matching requests get the fault instead of their answer.
    void injectFault(const Fault &fault);
    void clearFaults();
    /// How long a hang holds the answer (default 60 s).
    void setHangDuration(std::chrono::milliseconds duration);
    /// Server clock = real clock + skew (JWT checks, token expiry, commit dates and the Date header).
    void setClockSkew(qint64 seconds);
    /// Tokens issued so far answer 401 Bad credentials from now on.
    void expireAllTokens();
    /// Another device's commit lands on the branch just before the next PATCH of its ref, so a non-forced update
    /// answers 422 "Update is not a fast forward".
    void raceNextRefUpdate(const QString &fullName, const QString &branch);
    /// x-ratelimit-* headers; from now on each request uses one; at 0 requests answer 403 until `resetEpoch`.
    void setRateLimit(int remaining, qint64 resetEpoch);
    /// Tree listings with more than @p entries entries answer only the first ones with `truncated: true`, as GitHub
    /// does past 100,000 entries or 7 MB (0: never).
    void setTreeListingLimit(int entries);

    struct Request
    {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; ///< lower-case names
    };
    [[nodiscard]] QList<Request> requests() const;
    [[nodiscard]] int requestCount() const;
    /// How long the server spent answering requests so far (its own work: git, JSON), in nanoseconds. A benchmark
    /// subtracts it from a step's wall time to tell the client's work from the stand-in's.
    [[nodiscard]] qint64 busyNanoseconds() const;
    void clearRequests();
    /// How many installation tokens were revoked through DELETE /installation/token.
    [[nodiscard]] int revokedTokenCount() const;
    /// Installation tokens issued so far (never printed; for tests that talk to the server directly).
    [[nodiscard]] int issuedTokenCount() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Notechondria::Test
