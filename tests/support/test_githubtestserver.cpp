// SPDX-License-Identifier: GPL-3.0-or-later
// The GitHub test server over real HTTP: JWTs signed by openssl (an implementation independent of the server's
// QCA check), real bare repositories judged by `git fsck` and `git clone`.
#include "githubtestserver.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Notechondria::Test::GitHubTestServer;

namespace {

struct Answer
{
    int status = 0;
    QByteArray body;
    QJsonObject json;
    QJsonArray array;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    [[nodiscard]] QString message() const { return json.value("message"_L1).toString(); }
};

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args, const QByteArray &input = {}, const QString &dir = {})
{
    QProcess process;
    if (!dir.isEmpty()) {
        process.setWorkingDirectory(dir);
    }
    process.start(program, args);
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(-1);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

QString gitBlobSha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(
        QByteArray("blob " + QByteArray::number(bytes.size()) + '\0' + bytes), QCryptographicHash::Sha1)
            .toHex());
}

} // namespace

class TestGitHubTestServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_keys;
    QString m_key, m_otherKey;
    std::unique_ptr<GitHubTestServer> m_server;
    QNetworkAccessManager m_nam;
    qint64 m_installation = 0;
    qint64 m_otherInstallation = 0;

    QString keyFile(const QString &name)
    {
        const QString path = m_keys.filePath(name);
        const Run generated = run(u"openssl"_s,
            {u"genpkey"_s, u"-algorithm"_s, u"RSA"_s, u"-pkeyopt"_s, u"rsa_keygen_bits:2048"_s, u"-out"_s, path});
        return generated.exitCode == 0 ? path : QString();
    }

    QByteArray publicKey(const QString &keyPath)
    {
        return run(u"openssl"_s, {u"pkey"_s, u"-in"_s, keyPath, u"-pubout"_s}).out;
    }

    QByteArray jwt(qint64 iat, qint64 exp, const QString &issuer = u"Iv1.test"_s, const QString &key = {})
    {
        const QByteArray header = base64Url(R"({"alg":"RS256","typ":"JWT"})");
        const QByteArray claims
            = base64Url(QJsonDocument(QJsonObject{{u"iat"_s, iat}, {u"exp"_s, exp}, {u"iss"_s, issuer}})
                    .toJson(QJsonDocument::Compact));
        const QByteArray input = header + '.' + claims;
        const Run signature
            = run(u"openssl"_s, {u"dgst"_s, u"-sha256"_s, u"-sign"_s, key.isEmpty() ? m_key : key}, input);
        return input + '.' + base64Url(signature.out);
    }

    QByteArray validJwt()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        return jwt(now - 60, now + 540);
    }

    Answer call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &credential = {},
        const QJsonValue &body = {})
    {
        QNetworkRequest request(pathAndQuery.startsWith("http"_L1)
                ? QUrl(pathAndQuery)
                : QUrl(m_server->apiUrl().toString() + pathAndQuery));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setRawHeader("Accept", "application/vnd.github+json");
        if (!credential.isEmpty()) {
            request.setRawHeader("Authorization", "Bearer " + credential);
        }
        QByteArray payload;
        if (!body.isNull() && !body.isUndefined()) {
            request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
            payload = body.isArray() ? QJsonDocument(body.toArray()).toJson() : QJsonDocument(body.toObject()).toJson();
        }
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, payload);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(30000);
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        const QJsonDocument document = QJsonDocument::fromJson(answer.body);
        answer.json = document.object();
        answer.array = document.array();
        for (const auto &[name, value] : reply->rawHeaderPairs()) {
            answer.headers.insert(name.toLower(), value);
        }
        reply->deleteLater();
        return answer;
    }

    QByteArray token(qint64 installation = 0, const QStringList &repositories = {})
    {
        QJsonObject body;
        if (!repositories.isEmpty()) {
            body.insert(u"repositories"_s, QJsonArray::fromStringList(repositories));
        }
        const Answer answer
            = call("POST", u"/app/installations/%1/access_tokens"_s.arg(installation ? installation : m_installation),
                validJwt(), body);
        return answer.json.value("token"_L1).toString().toLatin1();
    }

    QString cloneInto(const QString &fullName, const QString &dir)
    {
        const Run cloned = run(u"git"_s, {u"clone"_s, u"--quiet"_s, m_server->bareRepositoryPath(fullName), dir});
        return cloned.exitCode == 0 ? dir : QString();
    }

    static QStringList filesUnder(const QString &dir)
    {
        const Run listed = run(u"git"_s, {u"-c"_s, u"core.quotepath=off"_s, u"ls-files"_s}, {}, dir);
        return QString::fromUtf8(listed.out).split(u'\n', Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_keys.isValid());
        m_key = keyFile(u"app.pem"_s);
        m_otherKey = keyFile(u"other.pem"_s);
        QVERIFY2(!m_key.isEmpty() && !m_otherKey.isEmpty(), "openssl could not generate test keys");
    }

    void init()
    {
        m_server = std::make_unique<GitHubTestServer>();
        m_server->setAppCredentials(u"Iv1.test"_s, publicKey(m_key));
        QVERIFY(m_server->start());
        QCOMPARE(m_server->apiUrl().host(), u"127.0.0.1"_s);
        m_installation = m_server->addInstallation(u"octo"_s);
        m_otherInstallation = m_server->addInstallation(u"someone-else"_s);
        m_server->addRepository(m_installation, u"octo/notes"_s, u"main"_s, true, false);
        m_server->addRepository(m_installation, u"octo/empty"_s);
        m_server->addRepository(m_otherInstallation, u"someone-else/secret"_s, u"main"_s, true, false);
    }

    void cleanup() { m_server.reset(); }

    // ---- App JWT, tokens, installations, repositories ----

    void issuesAnHourLongTokenForAValidAppJwt()
    {
        const Answer answer = call("POST", u"/app/installations/%1/access_tokens"_s.arg(m_installation), validJwt());
        QCOMPARE(answer.status, 201);
        const QString value = answer.json.value("token"_L1).toString();
        QVERIFY(value.startsWith("ghs_"_L1));
        QCOMPARE(value.size(), 40);
        const QDateTime expires = QDateTime::fromString(answer.json.value("expires_at"_L1).toString(), Qt::ISODate);
        QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(expires) - 3600) < 120);
        QCOMPARE(answer.json.value("repository_selection"_L1).toString(), u"all"_s);
        QCOMPARE(answer.json.value("permissions"_L1).toObject().value("contents"_L1).toString(), u"write"_s);
        QVERIFY(answer.headers.contains("date"));
    }

    void rejectsAJwtSignedWithAnotherKey()
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const Answer answer = call("POST", u"/app/installations/%1/access_tokens"_s.arg(m_installation),
            jwt(now - 60, now + 540, u"Iv1.test"_s, m_otherKey));
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.message(), u"A JSON web token could not be decoded"_s);
        QCOMPARE(answer.json.value("status"_L1).toString(), u"401"_s);
        QVERIFY(answer.json.contains("documentation_url"_L1));
    }

    void rejectsBadJwtClaimsWithGitHubsWording_data()
    {
        QTest::addColumn<qint64>("iatOffset");
        QTest::addColumn<qint64>("expOffset");
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<QString>("message");
        QTest::newRow("lifetime over ten minutes") << qint64(-60) << qint64(700) << u"Iv1.test"_s
                                                   << u"'Expiration time' claim ('exp') is too far in the future"_s;
        QTest::newRow("issued in the future")
            << qint64(120) << qint64(500) << u"Iv1.test"_s
            << u"'Issued at' claim ('iat') must be an Integer representing a time in the past"_s;
        QTest::newRow("expired") << qint64(-700) << qint64(-100) << u"Iv1.test"_s
                                 << u"'Expiration time' claim ('exp') must be a numeric value representing the future "
                                    "time at which the assertion expires"_s;
        QTest::newRow("other app") << qint64(-60) << qint64(540) << u"Iv1.other"_s << u"Integration not found"_s;
    }

    void rejectsBadJwtClaimsWithGitHubsWording()
    {
        QFETCH(qint64, iatOffset);
        QFETCH(qint64, expOffset);
        QFETCH(QString, issuer);
        QFETCH(QString, message);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const Answer answer = call("POST", u"/app/installations/%1/access_tokens"_s.arg(m_installation),
            jwt(now + iatOffset, now + expOffset, issuer));
        QCOMPARE(answer.status, 401);
        QCOMPARE(answer.message(), message);
    }

    void judgesJwtTimesAndDateHeaderByTheSkewedServerClock()
    {
        m_server->setClockSkew(-600); // the server is ten minutes behind: our iat lies in its future
        const Answer rejected = call("POST", u"/app/installations/%1/access_tokens"_s.arg(m_installation), validJwt());
        QCOMPARE(rejected.status, 401);
        QVERIFY(rejected.message().contains("'Issued at'"_L1));
        const QDateTime serverNow = QLocale::c().toDateTime(
            QString::fromLatin1(rejected.headers.value("date")), u"ddd, dd MMM yyyy hh:mm:ss 'GMT'"_s);
        QVERIFY(serverNow.isValid());
        const qint64 serverEpoch = QDateTime(serverNow.date(), serverNow.time(), QTimeZone::UTC).toSecsSinceEpoch();
        QVERIFY(qAbs(serverEpoch - (QDateTime::currentSecsSinceEpoch() - 600)) < 60);
        // A client that corrects its clock from the Date header gets through.
        const Answer accepted = call("POST", u"/app/installations/%1/access_tokens"_s.arg(m_installation),
            jwt(serverEpoch - 60, serverEpoch + 540));
        QCOMPARE(accepted.status, 201);
    }

    void rejectsAnInstallationTokenWhereAJwtIsRequired()
    {
        const Answer answer = call("GET", u"/app/installations"_s, token());
        QCOMPARE(answer.status, 401);
    }

    void listsInstallationsWithTheirAccountLogin()
    {
        const Answer answer = call("GET", u"/app/installations?per_page=1"_s, validJwt());
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.array.size(), 1);
        QCOMPARE(
            answer.array.first().toObject().value("account"_L1).toObject().value("login"_L1).toString(), u"octo"_s);
        QVERIFY(answer.headers.value("link").contains("rel=\"next\""));
    }

    void narrowedTokenReachesOnlyTheNamedRepositories()
    {
        const QByteArray narrowed = token(m_installation, {u"notes"_s});
        QCOMPARE(call("GET", u"/repos/octo/notes"_s, narrowed).status, 200);
        QCOMPARE(call("GET", u"/repos/octo/empty"_s, narrowed).status, 404);
        const Answer listed = call("GET", u"/installation/repositories"_s, narrowed);
        QCOMPARE(listed.json.value("total_count"_L1).toInt(), 1);
        const QByteArray full = token();
        QCOMPARE(call("GET", u"/repos/octo/empty"_s, full).status, 200);
        QCOMPARE(call("GET", u"/repos/someone-else/secret"_s, full).status, 404); // another installation's repo
        QCOMPARE(call("GET", u"/repos/someone-else/secret/git/ref/heads/main"_s, full).status, 404);
        const Answer unknown = call("POST", u"/app/installations/%1/access_tokens"_s.arg(m_installation), validJwt(),
            QJsonObject{{u"repositories"_s, QJsonArray{u"secret"_s}}});
        QCOMPARE(unknown.status, 422);
    }

    void unknownRevokedAndExpiredTokensGetBadCredentials()
    {
        QCOMPARE(call("GET", u"/repos/octo/notes"_s, "ghs_notARealToken").message(), u"Bad credentials"_s);
        QCOMPARE(call("GET", u"/repos/octo/notes"_s).status, 401);
        const QByteArray revoked = token();
        QCOMPARE(call("DELETE", u"/installation/token"_s, revoked).status, 204);
        QCOMPARE(m_server->revokedTokenCount(), 1);
        const Answer afterRevoke = call("GET", u"/repos/octo/notes"_s, revoked);
        QCOMPARE(afterRevoke.status, 401);
        QCOMPARE(afterRevoke.message(), u"Bad credentials"_s);
        const QByteArray expiring = token();
        m_server->expireAllTokens();
        QCOMPARE(call("GET", u"/installation/repositories"_s, expiring).status, 401);
        QCOMPARE(call("GET", u"/installation/repositories"_s, token()).status, 200); // a fresh token works
    }

    void paginatesRepositoriesAcrossPagesWithLinkHeaders()
    {
        for (int i = 1; i <= 248; ++i) {
            m_server->addRepository(m_installation, u"octo/repo-%1"_s.arg(i));
        }
        const QByteArray credential = token();
        QString next = u"/installation/repositories?per_page=100&page=1"_s;
        QList<int> pageSizes;
        QSet<QString> names;
        while (!next.isEmpty() && pageSizes.size() < 10) {
            const Answer page = call("GET", next, credential);
            QCOMPARE(page.status, 200);
            QCOMPARE(page.json.value("total_count"_L1).toInt(), 250);
            const QJsonArray repos = page.json.value("repositories"_L1).toArray();
            pageSizes << int(repos.size());
            for (const QJsonValue &repo : repos) {
                names.insert(repo.toObject().value("full_name"_L1).toString());
                QVERIFY(repo.toObject().contains("default_branch"_L1));
                QCOMPARE(repo.toObject().value("owner"_L1).toObject().value("login"_L1).toString(), u"octo"_s);
            }
            const QRegularExpressionMatch link = QRegularExpression(u"<([^>]+)>; rel=\"next\""_s)
                                                     .match(QString::fromLatin1(page.headers.value("link")));
            next = link.hasMatch() ? link.captured(1) : QString();
        }
        QCOMPARE(pageSizes, (QList<int>{100, 100, 50}));
        QCOMPARE(names.size(), 250);
    }

    // ---- Git Data ----

    void blobsTreesCommitAndRefMakeACommitThatGitAccepts()
    {
        const QByteArray credential = token();
        const QString repo = u"/repos/octo/notes/git/"_s;
        const Answer ref = call("GET", repo + u"ref/heads/main"_s, credential);
        QCOMPARE(ref.status, 200);
        const QString head = ref.json.value("object"_L1).toObject().value("sha"_L1).toString();
        QCOMPARE(head, m_server->headSha(u"octo/notes"_s, u"main"_s));
        const Answer headCommit = call("GET", repo + u"commits/"_s + head, credential);
        const QString baseTree = headCommit.json.value("tree"_L1).toObject().value("sha"_L1).toString();
        QCOMPARE(baseTree.size(), 40);

        const QByteArray binary("\x00\x01\xff\xfe binary\n", 12);
        const Answer blob = call("POST", repo + u"blobs"_s, credential,
            QJsonObject{{u"content"_s, QString::fromLatin1(binary.toBase64())}, {u"encoding"_s, u"base64"_s}});
        QCOMPARE(blob.status, 201);
        QCOMPARE(blob.json.value("sha"_L1).toString(), gitBlobSha(binary));

        const QString note = u"---\ntitle: \"Zürich ☃\"\n---\nBody\n"_s;
        const Answer first = call("POST", repo + u"trees"_s, credential,
            QJsonObject{{u"base_tree"_s, baseTree},
                {u"tree"_s,
                    QJsonArray{QJsonObject{{u"path"_s, u"notes/course-a/zürich.md"_s}, {u"mode"_s, u"100644"_s},
                                   {u"type"_s, u"blob"_s}, {u"content"_s, note}},
                        QJsonObject{{u"path"_s, u"assets/pic.bin"_s}, {u"mode"_s, u"100644"_s}, {u"type"_s, u"blob"_s},
                            {u"sha"_s, blob.json.value("sha"_L1)}}}}});
        QCOMPARE(first.status, 201);
        const Answer second = call("POST", repo + u"trees"_s, credential,
            QJsonObject{{u"base_tree"_s, first.json.value("sha"_L1)},
                {u"tree"_s,
                    QJsonArray{QJsonObject{{u"path"_s, u"notes/course-a/second.md"_s}, {u"mode"_s, u"100644"_s},
                        {u"type"_s, u"blob"_s}, {u"content"_s, u"two\n"_s}}}}});
        QCOMPARE(second.status, 201);
        const Answer commit = call("POST", repo + u"commits"_s, credential,
            QJsonObject{{u"message"_s, u"Notechondria backup"_s}, {u"tree"_s, second.json.value("sha"_L1)},
                {u"parents"_s, QJsonArray{head}}});
        QCOMPARE(commit.status, 201);
        const QString commitSha = commit.json.value("sha"_L1).toString();
        const Answer moved = call(
            "PATCH", repo + u"refs/heads/main"_s, credential, QJsonObject{{u"sha"_s, commitSha}, {u"force"_s, false}});
        QCOMPARE(moved.status, 200);
        QCOMPARE(m_server->headSha(u"octo/notes"_s, u"main"_s), commitSha);

        const Run fsck = run(u"git"_s,
            {u"--git-dir"_s, m_server->bareRepositoryPath(u"octo/notes"_s), u"fsck"_s, u"--strict"_s,
                u"--no-dangling"_s});
        QVERIFY2(fsck.exitCode == 0, fsck.err.constData());
        QTemporaryDir work;
        const QString clone = cloneInto(u"octo/notes"_s, work.filePath(u"clone"_s));
        QVERIFY(!clone.isEmpty());
        QStringList files = filesUnder(clone);
        files.sort();
        QCOMPARE(files,
            (QStringList{
                u"README.md"_s, u"assets/pic.bin"_s, u"notes/course-a/second.md"_s, u"notes/course-a/zürich.md"_s}));
        QFile written(clone + u"/notes/course-a/zürich.md"_s);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.readAll(), note.toUtf8());
        QFile picture(clone + u"/assets/pic.bin"_s);
        QVERIFY(picture.open(QIODevice::ReadOnly));
        QCOMPARE(picture.readAll(), binary);

        const Answer listed
            = call("GET", repo + u"trees/"_s + second.json.value("sha"_L1).toString() + u"?recursive=1"_s, credential);
        QCOMPARE(listed.json.value("truncated"_L1).toBool(true), false);
        QStringList paths;
        for (const QJsonValue &entry : listed.json.value("tree"_L1).toArray()) {
            paths << entry.toObject().value("path"_L1).toString() + u':' + entry.toObject().value("type"_L1).toString();
        }
        QVERIFY(paths.contains(u"notes/course-a:tree"_s));
        QVERIFY(paths.contains(u"notes/course-a/second.md:blob"_s));
        const Answer readBack = call("GET", repo + u"blobs/"_s + gitBlobSha(binary), credential);
        QCOMPARE(QByteArray::fromBase64(readBack.json.value("content"_L1).toString().toLatin1()), binary);
    }

    void nullShaDeletesPathsAndDropsEmptiedFolders()
    {
        const QString head = m_server->commitFromAnotherDevice(u"octo/notes"_s, u"main"_s,
            {{u"a/b/c.md"_s, QByteArray("c\n")}, {u"a/keep.md"_s, QByteArray("k\n")}}, u"seed"_s);
        QVERIFY(!head.isEmpty());
        const QByteArray credential = token();
        const QString repo = u"/repos/octo/notes/git/"_s;
        const QString baseTree = call("GET", repo + u"commits/"_s + head, credential)
                                     .json.value("tree"_L1)
                                     .toObject()
                                     .value("sha"_L1)
                                     .toString();
        const Answer tree = call("POST", repo + u"trees"_s, credential,
            QJsonObject{{u"base_tree"_s, baseTree},
                {u"tree"_s,
                    QJsonArray{QJsonObject{{u"path"_s, u"a/b/c.md"_s}, {u"mode"_s, u"100644"_s}, {u"type"_s, u"blob"_s},
                        {u"sha"_s, QJsonValue::Null}}}}});
        QCOMPARE(tree.status, 201);
        const Answer listed
            = call("GET", repo + u"trees/"_s + tree.json.value("sha"_L1).toString() + u"?recursive=1"_s, credential);
        QStringList paths;
        for (const QJsonValue &entry : listed.json.value("tree"_L1).toArray()) {
            paths << entry.toObject().value("path"_L1).toString();
        }
        QCOMPARE(paths, (QStringList{u"README.md"_s, u"a"_s, u"a/keep.md"_s}));
    }

    void emptyRepositoryAnswers409UntilTheContentsApiSeedsIt()
    {
        const QByteArray credential = token();
        const QString repo = u"/repos/octo/empty/"_s;
        const Answer ref = call("GET", repo + u"git/ref/heads/main"_s, credential);
        QCOMPARE(ref.status, 409);
        QCOMPARE(ref.message(), u"Git Repository is empty."_s);
        QCOMPARE(call("POST", repo + u"git/blobs"_s, credential, QJsonObject{{u"content"_s, u"x"_s}}).status, 409);
        QCOMPARE(call("POST", repo + u"git/trees"_s, credential, QJsonObject{{u"tree"_s, QJsonArray{}}}).status, 409);

        const Answer seeded = call("PUT", repo + u"contents/README.md"_s, credential,
            QJsonObject{{u"message"_s, u"Initialise backup"_s},
                {u"content"_s, QString::fromLatin1(QByteArray("# Backup\n").toBase64())}, {u"branch"_s, u"main"_s}});
        QCOMPARE(seeded.status, 201);
        QCOMPARE(seeded.json.value("content"_L1).toObject().value("sha"_L1).toString(), gitBlobSha("# Backup\n"));
        const QString commit = seeded.json.value("commit"_L1).toObject().value("sha"_L1).toString();
        QCOMPARE(m_server->headSha(u"octo/empty"_s, u"main"_s), commit);
        QVERIFY(seeded.json.value("commit"_L1).toObject().value("parents"_L1).toArray().isEmpty());
        QCOMPARE(call("GET", repo + u"git/ref/heads/main"_s, credential).status, 200);
        QCOMPARE(call("GET", repo + u"git/ref/heads/other"_s, credential).status, 404);

        const QJsonObject update{
            {u"message"_s, u"Update"_s}, {u"content"_s, QString::fromLatin1(QByteArray("# Backup 2\n").toBase64())}};
        QCOMPARE(call("PUT", repo + u"contents/README.md"_s, credential, update).status, 422); // no sha given
        QJsonObject withSha = update;
        withSha.insert(u"sha"_s, gitBlobSha("# Backup\n"));
        QCOMPARE(call("PUT", repo + u"contents/README.md"_s, credential, withSha).status, 200);
    }

    void refUpdateThatIsNotAFastForwardIs422UnlessForced()
    {
        const QByteArray credential = token();
        const QString repo = u"/repos/octo/notes/git/"_s;
        const QString base = m_server->headSha(u"octo/notes"_s, u"main"_s);
        const QString tree = call("GET", repo + u"commits/"_s + base, credential)
                                 .json.value("tree"_L1)
                                 .toObject()
                                 .value("sha"_L1)
                                 .toString();
        const QString sibling = call("POST", repo + u"commits"_s, credential,
            QJsonObject{{u"message"_s, u"sibling"_s}, {u"tree"_s, tree}, {u"parents"_s, QJsonArray{base}}})
                                    .json.value("sha"_L1)
                                    .toString();
        m_server->commitFromAnotherDevice(u"octo/notes"_s, u"main"_s, {{u"x.md"_s, QByteArray("x")}}, u"moved"_s);
        const Answer rejected
            = call("PATCH", repo + u"refs/heads/main"_s, credential, QJsonObject{{u"sha"_s, sibling}});
        QCOMPARE(rejected.status, 422);
        QCOMPARE(rejected.message(), u"Update is not a fast forward"_s);
        const Answer forced = call(
            "PATCH", repo + u"refs/heads/main"_s, credential, QJsonObject{{u"sha"_s, sibling}, {u"force"_s, true}});
        QCOMPARE(forced.status, 200);
        QCOMPARE(m_server->headSha(u"octo/notes"_s, u"main"_s), sibling);
        const Answer created = call(
            "POST", repo + u"refs"_s, credential, QJsonObject{{u"ref"_s, u"refs/heads/backup"_s}, {u"sha"_s, base}});
        QCOMPARE(created.status, 201);
        QCOMPARE(m_server->headSha(u"octo/notes"_s, u"backup"_s), base);
        QCOMPARE(call("POST", repo + u"refs"_s, credential,
                     QJsonObject{{u"ref"_s, u"refs/heads/backup"_s}, {u"sha"_s, base}})
                     .status,
            422);
    }

    void chainedTreeChunksOfTwoHundredInlineFilesBuildOneTree()
    {
        const QByteArray credential = token();
        const QString repo = u"/repos/octo/notes/git/"_s;
        const QString head = m_server->headSha(u"octo/notes"_s, u"main"_s);
        QString tree = call("GET", repo + u"commits/"_s + head, credential)
                           .json.value("tree"_L1)
                           .toObject()
                           .value("sha"_L1)
                           .toString();
        for (int chunk = 0; chunk < 5; ++chunk) {
            QJsonArray entries;
            for (int i = 0; i < 200; ++i) {
                const int n = chunk * 200 + i;
                entries.append(QJsonObject{{u"path"_s, u"notes/course-%1/note-%2.md"_s.arg(n % 7).arg(n)},
                    {u"mode"_s, u"100644"_s}, {u"type"_s, u"blob"_s}, {u"content"_s, u"note %1\n"_s.arg(n)}});
            }
            const Answer answer = call(
                "POST", repo + u"trees"_s, credential, QJsonObject{{u"base_tree"_s, tree}, {u"tree"_s, entries}});
            QCOMPARE(answer.status, 201);
            tree = answer.json.value("sha"_L1).toString();
        }
        const QString commit = call("POST", repo + u"commits"_s, credential,
            QJsonObject{{u"message"_s, u"bulk"_s}, {u"tree"_s, tree}, {u"parents"_s, QJsonArray{head}}})
                                   .json.value("sha"_L1)
                                   .toString();
        QCOMPARE(call("PATCH", repo + u"refs/heads/main"_s, credential, QJsonObject{{u"sha"_s, commit}}).status, 200);
        const Run fsck
            = run(u"git"_s, {u"--git-dir"_s, m_server->bareRepositoryPath(u"octo/notes"_s), u"fsck"_s, u"--strict"_s});
        QVERIFY2(fsck.exitCode == 0, fsck.err.constData());
        QTemporaryDir work;
        const QString clone = cloneInto(u"octo/notes"_s, work.filePath(u"clone"_s));
        QCOMPARE(filesUnder(clone).size(), 1001); // README.md + 1000 notes
        QFile sample(clone + u"/notes/course-0/note-700.md"_s);
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QCOMPARE(sample.readAll(), QByteArray("note 700\n"));
    }

    void anotherDeviceCommitChangesAndDeletesFiles()
    {
        const QString first = m_server->commitFromAnotherDevice(
            u"octo/notes"_s, u"main"_s, {{u"one.md"_s, QByteArray("1")}, {u"two.md"_s, QByteArray("2")}}, u"add"_s);
        const QString second = m_server->commitFromAnotherDevice(
            u"octo/notes"_s, u"main"_s, {{u"one.md"_s, std::nullopt}, {u"two.md"_s, QByteArray("2b")}}, u"edit"_s);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QCOMPARE(m_server->headSha(u"octo/notes"_s, u"main"_s), second);
        QTemporaryDir work;
        const QString clone = cloneInto(u"octo/notes"_s, work.filePath(u"clone"_s));
        QCOMPARE(filesUnder(clone), (QStringList{u"README.md"_s, u"two.md"_s}));
        const Run log = run(u"git"_s, {u"log"_s, u"--format=%s"_s}, {}, clone);
        QCOMPARE(QString::fromUtf8(log.out).split(u'\n', Qt::SkipEmptyParts),
            (QStringList{u"edit"_s, u"add"_s, u"Initial commit"_s}));
    }

    void tarballRedirectsToAnArchiveWithOneTopFolder()
    {
        const QByteArray credential = token();
        const QString head = m_server->headSha(u"octo/notes"_s, u"main"_s);
        const Answer redirect = call("GET", u"/repos/octo/notes/tarball/main"_s, credential);
        QCOMPARE(redirect.status, 302);
        const QString location = QString::fromLatin1(redirect.headers.value("location"));
        QCOMPARE(QUrl(location).host(), u"127.0.0.1"_s);
        const Answer archive = call("GET", location); // no Authorization on the download
        QCOMPARE(archive.status, 200);
        QTemporaryDir work;
        QFile file(work.filePath(u"backup.tar.gz"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(archive.body);
        file.close();
        const Run listed = run(u"tar"_s, {u"-tzf"_s, file.fileName()});
        QCOMPARE(listed.exitCode, 0);
        const QString top = u"octo-notes-%1/"_s.arg(head.left(7));
        const QStringList entries = QString::fromUtf8(listed.out).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(entries.contains(top + u"README.md"_s));
        for (const QString &entry : entries) {
            QVERIFY2(entry.startsWith(top), qPrintable(entry));
        }
        QCOMPARE(call("GET", u"/repos/octo/empty/tarball/main"_s, credential).status, 404);
    }

    // ---- Faults ----

    void injectedServerErrorAnswersTheNextMatchingRequestsOnly()
    {
        const QByteArray credential = token();
        m_server->injectFault({"GET", QRegularExpression(u"^/repos/octo/notes$"_s), 502, {}, {}, false, 2});
        QCOMPARE(call("GET", u"/installation/repositories"_s, credential).status, 200); // does not match
        const Answer first = call("GET", u"/repos/octo/notes"_s, credential);
        QCOMPARE(first.status, 502);
        QCOMPARE(first.message(), u"Bad Gateway"_s);
        QVERIFY(first.headers.contains("date"));
        QCOMPARE(call("GET", u"/repos/octo/notes"_s, credential).status, 502);
        QCOMPARE(call("GET", u"/repos/octo/notes"_s, credential).status, 200);
        m_server->injectFault({"", QRegularExpression(u"."_s), 500, "{\"message\":\"custom\"}", {}, false, 5});
        m_server->clearFaults();
        QCOMPARE(call("GET", u"/repos/octo/notes"_s, credential).status, 200);
    }

    void secondaryLimitFaultCarriesRetryAfter()
    {
        const QByteArray credential = token();
        m_server->injectFault(
            {"POST", QRegularExpression(u"/git/trees$"_s), 403, {}, {{"Retry-After", "1"}}, false, 1});
        const Answer limited
            = call("POST", u"/repos/octo/notes/git/trees"_s, credential, QJsonObject{{u"tree"_s, QJsonArray{}}});
        QCOMPARE(limited.status, 403);
        QCOMPARE(limited.headers.value("retry-after"), QByteArray("1"));
        QVERIFY(limited.message().contains("secondary rate limit"_L1));
    }

    void injectedUnauthorizedLooksLikeAnExpiredToken()
    {
        const QByteArray credential = token();
        m_server->injectFault({"GET", QRegularExpression(u"^/repos/"_s), 401, {}, {}, false, 1});
        const Answer expired = call("GET", u"/repos/octo/notes"_s, credential);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.message(), u"Bad credentials"_s);
    }

    void hangHoldsTheAnswerWithoutBlockingOtherRequests()
    {
        const QByteArray credential = token();
        m_server->setHangDuration(std::chrono::milliseconds(1500));
        m_server->injectFault({"GET", QRegularExpression(u"^/repos/octo/notes$"_s), 504, {}, {}, true, 1});
        QNetworkRequest request(QUrl(m_server->apiUrl().toString() + u"/repos/octo/notes"_s));
        request.setRawHeader("Authorization", "Bearer " + credential);
        QNetworkReply *hung = m_nam.get(request);
        QSignalSpy hungFinished(hung, &QNetworkReply::finished);
        QTRY_COMPARE(m_server->requestCount(), 2); // the hanging request has reached the server
        QCOMPARE(call("GET", u"/installation/repositories"_s, credential).status, 200);
        QCOMPARE(hungFinished.count(), 0); // still held while the other request was answered
        QVERIFY(hungFinished.wait(10000));
        QCOMPARE(hung->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 504);
        hung->deleteLater();
    }

    void hangWithStatusZeroAnswersNormallyLater()
    {
        const QByteArray credential = token();
        m_server->setHangDuration(std::chrono::milliseconds(200));
        m_server->injectFault({"GET", QRegularExpression(u"^/repos/octo/notes$"_s), 0, {}, {}, true, 1});
        QCOMPARE(call("GET", u"/repos/octo/notes"_s, credential).status, 200);
    }

    void clientGivingUpOnAHangLeavesTheServerServing()
    {
        const QByteArray credential = token();
        m_server->setHangDuration(std::chrono::milliseconds(400));
        m_server->injectFault({"GET", QRegularExpression(u"^/repos/octo/notes$"_s), 500, {}, {}, true, 1});
        QNetworkRequest request(QUrl(m_server->apiUrl().toString() + u"/repos/octo/notes"_s));
        request.setRawHeader("Authorization", "Bearer " + credential);
        request.setTransferTimeout(100);
        QNetworkReply *hung = m_nam.get(request);
        QSignalSpy finished(hung, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(hung->error(), QNetworkReply::OperationCanceledError);
        hung->deleteLater();
        QTest::qWait(600); // the server answers the connection the client already closed
        QCOMPARE(call("GET", u"/repos/octo/notes"_s, credential).status, 200);
    }

    void raceMakesTheNextRefUpdateANonFastForward()
    {
        const QByteArray credential = token();
        const QString repo = u"/repos/octo/notes/git/"_s;
        const QString head = m_server->headSha(u"octo/notes"_s, u"main"_s);
        const QString tree = call("GET", repo + u"commits/"_s + head, credential)
                                 .json.value("tree"_L1)
                                 .toObject()
                                 .value("sha"_L1)
                                 .toString();
        const QString ours = call("POST", repo + u"commits"_s, credential,
            QJsonObject{{u"message"_s, u"ours"_s}, {u"tree"_s, tree}, {u"parents"_s, QJsonArray{head}}})
                                 .json.value("sha"_L1)
                                 .toString();
        m_server->raceNextRefUpdate(u"octo/notes"_s, u"main"_s);
        const Answer raced = call("PATCH", repo + u"refs/heads/main"_s, credential, QJsonObject{{u"sha"_s, ours}});
        QCOMPARE(raced.status, 422);
        const QString moved = m_server->headSha(u"octo/notes"_s, u"main"_s);
        QVERIFY(moved != head && moved != ours);
        const QString rebased = call("POST", repo + u"commits"_s, credential,
            QJsonObject{{u"message"_s, u"ours again"_s}, {u"tree"_s, tree}, {u"parents"_s, QJsonArray{moved}}})
                                    .json.value("sha"_L1)
                                    .toString();
        QCOMPARE(call("PATCH", repo + u"refs/heads/main"_s, credential, QJsonObject{{u"sha"_s, rebased}}).status, 200);
    }

    void rateLimitHeadersCountDownAndExhaustionAnswers403UntilReset()
    {
        const QByteArray credential = token();
        QCOMPARE(
            call("GET", u"/repos/octo/notes"_s, credential).headers.value("x-ratelimit-remaining"), QByteArray("5000"));
        const qint64 reset = QDateTime::currentSecsSinceEpoch() + 3600;
        m_server->setRateLimit(2, reset);
        const Answer first = call("GET", u"/repos/octo/notes"_s, credential);
        QCOMPARE(first.headers.value("x-ratelimit-remaining"), QByteArray("1"));
        QCOMPARE(first.headers.value("x-ratelimit-reset"), QByteArray::number(reset));
        QCOMPARE(call("GET", u"/repos/octo/notes"_s, credential).status, 200);
        const Answer exhausted = call("GET", u"/repos/octo/notes"_s, credential);
        QCOMPARE(exhausted.status, 403);
        QCOMPARE(exhausted.headers.value("x-ratelimit-remaining"), QByteArray("0"));
        m_server->setRateLimit(0, QDateTime::currentSecsSinceEpoch() - 1); // the window is over
        QCOMPARE(call("GET", u"/repos/octo/notes"_s, credential).status, 200);
    }

    /// `git <args>` with the event loop running (the server answers in this thread); its exit code.
    static int gitServed(const QStringList &args)
    {
        QProcess git;
        QSignalSpy finished(&git, &QProcess::finished);
        git.start(u"git"_s, args);
        return finished.wait(120000) && git.exitStatus() == QProcess::NormalExit ? git.exitCode() : -1;
    }

    void gitSmartHttpTakesOnlyAnInstallationTokenAndCountsEveryRequest()
    {
        const QByteArray full = token();
        const QString cloneUrl = call("GET", u"/repos/octo/notes"_s, full).json.value("clone_url"_L1).toString();
        QCOMPARE(cloneUrl, m_server->apiUrl().toString() + u"/octo/notes.git"_s);
        const Answer anonymous = call("GET", cloneUrl + u"/info/refs?service=git-receive-pack"_s);
        QCOMPARE(anonymous.status, 401);
        QVERIFY(anonymous.headers.value("www-authenticate").startsWith("Basic"));
        const QStringList auth{u"-c"_s,
            u"http.extraHeader=Authorization: Basic "_s
                + QString::fromLatin1(QByteArray("x-access-token:" + full).toBase64())};
        const QString work = m_keys.filePath(u"smart-http"_s);
        const int before = m_server->requestCount();
        QCOMPARE(gitServed(auth + QStringList{u"clone"_s, u"-q"_s, cloneUrl, work}), 0);
        QCOMPARE(
            gitServed(auth + QStringList{u"-C"_s, work, u"push"_s, u"-q"_s, u"origin"_s, u"HEAD:refs/heads/up"_s}), 0);
        QVERIFY(m_server->requestCount() - before >= 4); // info/refs + upload-pack, info/refs + receive-pack
        QCOMPARE(m_server->headSha(u"octo/notes"_s, u"up"_s), m_server->headSha(u"octo/notes"_s, u"main"_s));
        QCOMPARE(call("DELETE", u"/repos/octo/notes/git/refs/heads/up"_s, full).status, 204);
        QVERIFY(m_server->headSha(u"octo/notes"_s, u"up"_s).isEmpty());
        QCOMPARE(call("DELETE", u"/repos/octo/notes/git/refs/heads/up"_s, full).status, 422);
    }

    void recordsEveryRequestWithMethodPathQueryBodyAndHeaders()
    {
        m_server->clearRequests();
        const QByteArray credential = token();
        call("GET", u"/installation/repositories?per_page=5&page=2"_s, credential);
        QCOMPARE(m_server->requestCount(), 2);
        const GitHubTestServer::Request listing = m_server->requests().last();
        QCOMPARE(listing.method, QByteArray("GET"));
        QCOMPARE(listing.path, u"/installation/repositories"_s);
        QCOMPARE(listing.query.queryItemValue(u"page"_s), u"2"_s);
        QCOMPARE(listing.headers.value("accept"), QByteArray("application/vnd.github+json"));
        QCOMPARE(m_server->requests().first().path, u"/app/installations/%1/access_tokens"_s.arg(m_installation));
        QCOMPARE(m_server->requests().first().method, QByteArray("POST"));
        m_server->clearRequests();
        QCOMPARE(m_server->requestCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGitHubTestServer)
#include "test_githubtestserver.moc"
