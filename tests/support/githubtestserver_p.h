// SPDX-License-Identifier: GPL-3.0-or-later
// Internals of GitHubTestServer shared by its implementation files.
#pragma once

#include "barerepository.h"
#include "githubtestserver.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonObject>
#include <QSet>
#include <QtCrypto>
#include <QTemporaryDir>

#include <expected>
#include <functional>
#include <map>

namespace Notechondria::Test {

/// The HTTP front: hands every request to one function, which may keep the responder to answer later.
class HttpFront final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<void(const QHttpServerRequest &, QHttpServerResponder &)>;
    explicit HttpFront(Handler handler, QObject *parent = nullptr)
        : QAbstractHttpServer(parent)
        , m_handler(std::move(handler))
    {
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override
    {
        m_handler(request, responder);
        return true;
    }
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override
    {
        m_handler(request, responder);
    }

private:
    Handler m_handler;
};

struct GitHubTestServer::Private
{
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json; charset=utf-8";
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    struct Installation
    {
        qint64 id = 0;
        QString login;
        qint64 accountId = 0;
        qint64 app = 0; ///< 0: the App of setAppCredentials; else an App made from a manifest (apps)
    };
    /// An App made through the manifest flow (githubtestapps.cpp).
    struct App
    {
        qint64 id = 0;
        QString slug, name, clientId, owner;
        QJsonObject manifest;
        QCA::PublicKey key;
    };
    struct Repo
    {
        qint64 id = 0;
        qint64 installationId = 0;
        QString owner, name, fullName, defaultBranch;
        bool isPrivate = false;
        bool empty = true;
        std::unique_ptr<BareRepository> git;
    };
    struct Token
    {
        qint64 installationId = 0;
        qint64 expiresAt = 0;
        bool expired = false;
        bool revoked = false;
        QSet<QString> repos; ///< lower-case repository names; empty = every repository of the installation
    };
    struct Call
    {
        const Request &request;
        QRegularExpressionMatch match;
        Token *token = nullptr;
        QByteArray tokenValue;
        Repo *repo = nullptr;
    };
    /// What a route needs: nothing, an App JWT, an installation token, a token for the repository of the path, or
    /// that and a repository with commits (the Git Data API answers 409 on an empty one), or git's smart HTTP
    /// (HTTP Basic `x-access-token:<token>`, 401 with `WWW-Authenticate: Basic` otherwise).
    enum class Auth { None, Jwt, Token, Repo, GitData, Git };
    using Handler = Reply(Call &);
    struct Route
    {
        QByteArray method;
        QRegularExpression pattern;
        Auth auth;
        Handler Private::*handler;
    };

    explicit Private(GitHubTestServer *owner);

    GitHubTestServer *q;
    QCA::Initializer qcaInit;
    QTemporaryDir storage;
    HttpFront *front = nullptr;
    quint16 port = 0;
    QList<Route> routes;

    QString appIssuer;
    std::optional<QCA::PublicKey> appKey;
    std::map<qint64, App> apps; // manifest-made Apps by id
    QHash<QString, std::pair<QString, QJsonObject>> manifestCodes; // code → owner, manifest (converted once)
    qint64 nextAppId = 900001;
    mutable qint64 jwtApp = 0; ///< the App whose JWT the last checkJwt accepted (0: the configured one)
    std::map<qint64, Installation> installations;
    std::map<QString, std::unique_ptr<Repo>> repos; // key: lower-case full name
    QHash<QByteArray, Token> tokens;
    int revokedTokens = 0;
    qint64 nextInstallationId = 41000001;
    qint64 nextRepoId = 700000001;

    QList<Fault> faults;
    std::chrono::milliseconds hangDuration{60000};
    qint64 clockSkew = 0;
    int treeListingLimit = 0;
    QSet<QString> races; // "owner/name\nbranch", lower-case repo
    bool rateLimited = false;
    int rateRemaining = 5000;
    qint64 rateReset = 0;
    QList<Request> requestLog;
    qint64 busyNs = 0; ///< time spent in dispatch()
    QHash<QByteArray, std::pair<QString, QByteArray>> downloads; // id → file name, bytes
    QList<std::shared_ptr<QHttpServerResponder>> held; // answers a hang is holding back

    // Plumbing (githubtestserver.cpp)
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);
    Reply dispatch(const Request &request);
    void respond(QHttpServerResponder &responder, const Reply &reply) const;
    [[nodiscard]] qint64 now() const;
    [[nodiscard]] QString isoTime(qint64 epoch) const;
    [[nodiscard]] QString url(const QString &path) const;
    [[nodiscard]] static Reply json(int status, const QJsonValue &value);
    [[nodiscard]] static Reply error(int status, const QString &message);
    [[nodiscard]] static QByteArray defaultMessage(int status);
    [[nodiscard]] std::optional<Reply> checkJwt(const Request &request) const;
    [[nodiscard]] std::optional<Reply> checkToken(Call &call);
    [[nodiscard]] Repo *findRepo(const QString &fullName) const;
    [[nodiscard]] QJsonObject repoJson(const Repo &repo) const;
    /// The request body as a JSON object, or GitHub's 400 when it is not one.
    [[nodiscard]] static std::expected<QJsonObject, Reply> jsonBody(const Request &request);
    [[nodiscard]] static std::optional<QByteArray> decodeBase64(const QString &text);
    void addPageLinks(Reply &reply, const Request &request, int page, int perPage, qsizetype total) const;
    QString commitOnBranch(Repo &repo, const QString &branch, const QList<GitTreeEdit> &edits, const QString &message,
        const QString &authorName, const QString &authorEmail, QString *error);

    // Apps, installations, repositories, contents, tarball (githubtestserver.cpp)
    Handler createAccessToken, listInstallations, revokeToken, listInstallationRepos, getRepo, putContents, getTarball,
        download;

    // App Manifest flow and single installations (githubtestapps.cpp)
    void addAppRoutes();
    [[nodiscard]] const App *appByIssuer(const QString &issuer) const;
    [[nodiscard]] QJsonObject installationJson(const Installation &installation) const;
    [[nodiscard]] static Reply htmlPage(int status, const QString &title, const QString &text);
    Handler newAppPage, convertManifest, getInstallation, installPage;

    // Git Data (githubgitdata.cpp)
    void addGitDataRoutes();
    [[nodiscard]] QJsonObject refJson(const Repo &repo, const QString &ref, const QString &sha) const;
    [[nodiscard]] QJsonObject commitJson(const Repo &repo, const GitCommitInfo &commit) const;
    Handler getRef, getCommit, getTree, getBlob, postBlob, postTree, postCommit, postRef, patchRef, deleteRef;

    // The commit listing and one file at a commit (githubhistory.cpp)
    void addHistoryRoutes();
    /// A branch name, "refs/heads/<name>" or a (short) commit id as the commit it names; "" when it names none.
    [[nodiscard]] QString resolveCommitish(const Repo &repo, const QString &ref) const;
    Handler listCommits, getContents;

    // Git smart HTTP through `git http-backend` (githubgithttp.cpp)
    void addGitHttpRoutes();
    /// Splits a CGI answer into status, headers and body (RFC 3875 §6: a header block, an empty line, the body).
    [[nodiscard]] static Reply parseCgi(const QByteArray &output);
    Handler gitHttp;
};

} // namespace Notechondria::Test
