// SPDX-License-Identifier: GPL-3.0-or-later
// The local server over real HTTP on loopback: a real Store (SQLite in a temp dir), the real GitHubApi and
// PushService against the GitHub test server (real bare git repositories).
#include "../github/keyfixture.h"
#include "apikey.h"
#include "localserverfixture.h"

#include <QCoroTask>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Notechondria;

using Answer = Notechondria::Test::ServerAnswer;
using Notechondria::Test::json;

class TestLocalServer : public QObject
{
    Q_OBJECT

    Test::KeyFixture m_keys;
    QByteArray m_pem;
    std::unique_ptr<Test::LocalServerFixture> m_fx;
    QString m_installation;

    Answer upload(const QString &path, const QString &field, const QString &fileName, const QByteArray &type,
        const QByteArray &bytes, const QByteArray &method = "POST")
    {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentTypeHeader, type);
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
            QString(u"form-data; name=\""_s + field + u"\"; filename=\""_s + fileName + u"\""_s));
        part.setBody(bytes);
        multi->append(part);
        QNetworkRequest request(QUrl(m_fx->server->baseUrl().toString() + path));
        request.setRawHeader("Authorization", "Token " + m_fx->server->apiKey().toLatin1());
        QNetworkReply *reply = m_fx->nam.sendCustomRequest(request, method, multi);
        multi->setParent(reply);
        return m_fx->wait(reply);
    }

    int noteCount() const { return m_fx->store->noteCount().value_or(-1); }

    void connectRepository(const QString &repo = u"octo/notes"_s)
    {
        const Answer linked = m_fx->call("POST", u"/integrations/github/callback/"_s,
            json({{u"installation_id"_s, m_installation}, {u"account_login"_s, u"octo"_s},
                {u"repo_full_name"_s, repo}}));
        QCOMPARE(linked.status, 200);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_keys.isValid() && m_keys.makeRsaKey(u"app"_s));
        m_pem = m_keys.read(u"app.pkcs8.pem"_s);
    }

    void init()
    {
        m_fx = std::make_unique<Test::LocalServerFixture>();
        QVERIFY2(m_fx->setUp(Test::LocalServerFixture::gitHubApp(u"Iv1.servertest"_s, m_pem, true)),
            qPrintable(m_fx->problem));
        m_installation = QString::number(m_fx->github.addInstallation(u"octo"_s));
        m_fx->github.addRepository(m_installation.toLongLong(), u"octo/notes"_s, u"main"_s, false, false);
        m_fx->github.addRepository(m_installation.toLongLong(), u"octo/archive"_s, u"trunk"_s, true, false);
    }

    void cleanup() { m_fx.reset(); }

    // --- start-up, auth, Host, routing -------------------------------------------------------------------------

    void refusesANonLoopbackAddress()
    {
        LocalServer other(m_fx->store.get(), &m_fx->secrets, nullptr, nullptr, m_fx->clock);
        const auto started = QCoro::waitFor(other.start(QHostAddress::AnyIPv4));
        QVERIFY(!started);
        QVERIFY(started.error().message().startsWith(u"Local server not started: Core.Server/start \u2014 "_s));
        QVERIFY(other.baseUrl().isEmpty());
    }

    void makesTheApiKeyOnFirstStartAndKeepsIt()
    {
        QVERIFY(ApiKey::isWellFormed(m_fx->server->apiKey()));
        QCOMPARE(m_fx->server->baseUrl().toString(), u"http://127.0.0.1:%1/api/v1"_s.arg(m_fx->server->port()));
        const auto stored = QCoro::waitFor(m_fx->secrets.read(QString::fromUtf16(SecretKeys::LocalApiKey)));
        QVERIFY(stored && *stored);
        QCOMPARE(**stored, m_fx->server->apiKey());
        LocalServer second(m_fx->store.get(), &m_fx->secrets, nullptr, nullptr, m_fx->clock);
        QVERIFY(QCoro::waitFor(second.start()));
        QCOMPARE(second.apiKey(), m_fx->server->apiKey());
    }

    void authenticatesWithBearerOrToken_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("status");
        QTest::newRow("none") << QByteArray() << 401;
        QTest::newRow("wrong key") << QByteArray("Bearer ntc_00000000000000000000000000000000") << 401;
        QTest::newRow("basic scheme") << QByteArray("Basic dXNlcjpwYXNz") << 401;
        QTest::newRow("bearer") << QByteArray("Bearer KEY") << 200;
        QTest::newRow("token") << QByteArray("Token KEY") << 200;
        QTest::newRow("lowercase scheme") << QByteArray("bearer KEY") << 200;
        QTest::newRow("key prefix only") << QByteArray("Bearer SHORT") << 401;
    }

    void authenticatesWithBearerOrToken()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, status);
        header.replace("SHORT", m_fx->server->apiKey().left(20).toLatin1());
        header.replace("KEY", m_fx->server->apiKey().toLatin1());
        const Answer answer = m_fx->call("GET", u"/settings/"_s, {}, {}, header);
        QCOMPARE(answer.status, status);
        if (status == 401) {
            QVERIFY(answer.detail().startsWith(u"Request rejected: Core.Server/auth \u2014 "_s));
            QVERIFY(!answer.body.contains(m_fx->server->apiKey().toLatin1()));
        }
    }

    void refusesAForeignHostOrOrigin_data()
    {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("status");
        QTest::newRow("rebound host") << QByteArray("Host") << QByteArray("evil.example:PORT") << 403;
        QTest::newRow("other port") << QByteArray("Host") << QByteArray("127.0.0.1:1") << 403;
        QTest::newRow("localhost") << QByteArray("Host") << QByteArray("localhost:PORT") << 200;
        QTest::newRow("foreign origin") << QByteArray("Origin") << QByteArray("http://evil.example") << 403;
        QTest::newRow("own origin") << QByteArray("Origin") << QByteArray("http://127.0.0.1:PORT") << 200;
    }

    void refusesAForeignHostOrOrigin()
    {
        QFETCH(QByteArray, name);
        QFETCH(QByteArray, value);
        QFETCH(int, status);
        value.replace("PORT", QByteArray::number(m_fx->server->port()));
        const Answer answer
            = m_fx->call("GET", u"/integrations/github/status/"_s, {}, {}, std::nullopt, {{name, value}});
        QCOMPARE(answer.status, status);
        if (status == 403) {
            QVERIFY(answer.detail().startsWith(u"Request forbidden: Core.Server/host_check \u2014 "_s));
        }
    }

    void sendsNoCorsHeaders()
    {
        const QList<Answer> answers{
            m_fx->call("GET", u"/settings/"_s, {}, {}, std::nullopt, {{"Origin", "http://127.0.0.1:1"}}),
            m_fx->call("OPTIONS", u"/notes/"_s, {}, {}, std::nullopt,
                {{"Access-Control-Request-Method", "POST"}, {"Origin", "http://evil.example"}}),
            m_fx->call("GET", u"/notes/"_s),
        };
        for (const Answer &answer : answers) {
            for (const auto &[name, value] : answer.headers) {
                QVERIFY2(!name.toLower().startsWith("access-control-"), name.constData());
            }
        }
    }

    void answersJsonErrorsForUnknownPathsAndMethods()
    {
        const Answer missing = m_fx->call("GET", u"/nothing-here/"_s);
        QCOMPARE(missing.status, 404);
        QVERIFY(missing.detail().startsWith(u"Not found: Core.Server/route \u2014 "_s));
        QCOMPARE(m_fx->call("GET", u"/notes/0/"_s).status, 404);
        QCOMPARE(m_fx->call("GET", u"/notes/abc/"_s).status, 404);
        const Answer wrongMethod = m_fx->call("PUT", u"/courses/"_s, "{}");
        QCOMPARE(wrongMethod.status, 405);
        QVERIFY(wrongMethod.detail().contains(u"PUT"_s));
        QCOMPARE(m_fx->call("GET", u"/courses"_s).status, 200); // the trailing slash is optional
    }

    // --- settings ----------------------------------------------------------------------------------------------

    void patchesSettingsAndMergesAppSettings()
    {
        Answer answer = m_fx->call("PATCH", u"/settings/"_s,
            json({{u"display_name"_s, u"Ada"_s}, {u"app_settings"_s, QJsonObject{{u"a"_s, 1}}},
                {u"theme_mode"_s, u"D"_s}}));
        QCOMPARE(answer.status, 200);
        answer = m_fx->call("PATCH", u"/settings/"_s, json({{u"app_settings"_s, QJsonObject{{u"b"_s, 2}}}}));
        QCOMPARE(answer.status, 200);
        const QJsonObject settings = answer.object();
        QCOMPARE(settings.value(u"display_name"_s).toString(), u"Ada"_s);
        QCOMPARE(settings.value(u"theme_mode"_s).toString(), u"D"_s);
        const QJsonObject app = settings.value(u"app_settings"_s).toObject();
        QCOMPARE(app.value(u"a"_s).toInt(), 1);
        QCOMPARE(app.value(u"b"_s).toInt(), 2);
        QCOMPARE(app.value(u"theme_mode"_s).toString(), u"D"_s);
        QVERIFY(!settings.value(u"app_settings_updated_at"_s).isNull());
        QCOMPARE(settings.value(u"api_key_prefix"_s).toString(), m_fx->server->apiKey().left(8));
    }

    void rejectsInvalidSettingsAndKeepsTheProfile()
    {
        const Profile before = *m_fx->store->profile();
        const Answer answer = m_fx->call("PATCH", u"/settings/"_s,
            json({{u"display_name"_s, u"Changed"_s}, {u"theme_mode"_s, u"X"_s}, {u"api_base_url"_s, u"ftp:/x"_s}}));
        QCOMPARE(answer.status, 400);
        const QJsonObject errors = answer.object();
        QVERIFY(errors.value(u"theme_mode"_s)
                .toArray()
                .first()
                .toString()
                .startsWith(u"Settings not saved: Core.Server.Settings/update.validate_theme_mode \u2014 "_s));
        QVERIFY(errors.contains(u"api_base_url"_s));
        QCOMPARE(m_fx->store->profile()->displayName, before.displayName);
    }

    void uploadsAnAvatar()
    {
        const Answer answer = upload(u"/settings/"_s, u"avatar"_s, u"me.png"_s, "image/png", "\x89PNG fake", "PATCH");
        QCOMPARE(answer.status, 200);
        QCOMPARE(m_fx->store->profile()->avatar.bytes, QByteArray("\x89PNG fake"));
    }

    // --- courses -----------------------------------------------------------------------------------------------

    void upsertsCoursesByClientId()
    {
        Answer created = m_fx->call("POST", u"/courses/"_s,
            json({{u"title"_s, u"Biology"_s}, {u"client_course_id"_s, u"c-1"_s}, {u"icon"_s, 128300}}));
        QCOMPARE(created.status, 201);
        const qint64 id = created.object().value(u"id"_s).toInteger();
        QCOMPARE(created.object().value(u"slug"_s).toString(), u"biology"_s);
        Answer updated = m_fx->call(
            "POST", u"/courses/"_s, json({{u"title"_s, u"Cell biology"_s}, {u"client_course_id"_s, u"c-1"_s}}));
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.object().value(u"id"_s).toInteger(), id);
        QCOMPARE(updated.object().value(u"icon"_s).toInt(), 128300);
        const Answer list = m_fx->call("GET", u"/courses/"_s);
        QCOMPARE(list.array().size(), 1);
        QCOMPARE(list.array().first().toObject().value(u"title"_s).toString(), u"Cell biology"_s);
    }

    void rejectsBadCoursesAndKeepsTheStore_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("expected");
        QTest::newRow("duplicate title")
            << json({{u"title"_s, u"BIOLOGY"_s}}) << 400
            << u"Cannot create category: Core.Server.Courses/create \u2014 a category named 'BIOLOGY' already exists for this user."_s;
        QTest::newRow("missing title") << json({{u"description"_s, u"x"_s}}) << 400 << u"title"_s;
        QTest::newRow("title not a string") << json({{u"title"_s, QJsonArray{1}}}) << 400 << u"title"_s;
        QTest::newRow("unsafe slug") << json({{u"title"_s, u"X"_s}, {u"slug"_s, u"../etc"_s}}) << 400 << u"slug"_s;
        QTest::newRow("icon not a number") << json({{u"title"_s, u"Y"_s}, {u"icon"_s, u"big"_s}}) << 400 << u"icon"_s;
        QTest::newRow("invalid json") << QByteArray("{\"title\": ") << 400
                                      << u"Request not accepted: Core.Server/read_body \u2014 "_s;
        QTest::newRow("json array") << QByteArray("[1]") << 400 << u"not an object"_s;
    }

    void rejectsBadCoursesAndKeepsTheStore()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, expected);
        QCOMPARE(m_fx->call("POST", u"/courses/"_s, json({{u"title"_s, u"Biology"_s}})).status, 201);
        const Answer answer = m_fx->call("POST", u"/courses/"_s, body);
        QCOMPARE(answer.status, status);
        QVERIFY2(answer.detail().contains(expected) || answer.object().contains(expected), answer.body.constData());
        QCOMPARE(m_fx->store->courses()->size(), 1);
    }

    // --- notes -------------------------------------------------------------------------------------------------

    void findsOrUpdatesNotesByClientDraftId()
    {
        const qint64 course
            = m_fx->call("POST", u"/courses/"_s, json({{u"title"_s, u"Chem"_s}})).object()[u"id"_s].toInteger();
        const QJsonObject note{{u"title"_s, u"Atoms"_s}, {u"content"_s, u"# Atoms\nSmall."_s},
            {u"client_draft_id"_s, u"d-1"_s}, {u"course_id"_s, course}, {u"custom_meta"_s, QJsonObject{{u"k"_s, 1}}}};
        const Answer created = m_fx->call("POST", u"/notes/"_s, json(note));
        QCOMPARE(created.status, 201);
        const QJsonObject detail = created.object();
        for (const QString &key : {u"id"_s, u"uuid"_s, u"title"_s, u"description"_s, u"excerpt"_s, u"preview_lines"_s,
                 u"editor_mode"_s, u"note_type"_s, u"is_public"_s, u"last_edit"_s, u"date_created"_s, u"course_id"_s,
                 u"course"_s, u"author"_s, u"source_note_uuid"_s, u"cover_image_url"_s, u"blocks"_s, u"content"_s,
                 u"metadata_json"_s, u"custom_meta"_s}) {
            QVERIFY2(detail.contains(key), qPrintable(key));
        }
        QCOMPARE(detail[u"course"_s].toObject()[u"slug"_s].toString(), u"chem"_s);
        QCOMPARE(detail[u"custom_meta"_s].toObject()[u"k"_s].toInt(), 1);
        QJsonObject again = note;
        again[u"title"_s] = u"Atoms, revised"_s;
        again.remove(u"custom_meta"_s);
        const Answer updated = m_fx->call("POST", u"/notes/"_s, json(again));
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.object()[u"id"_s], detail[u"id"_s]);
        QCOMPARE(updated.object()[u"title"_s].toString(), u"Atoms, revised"_s);
        QCOMPARE(updated.object()[u"custom_meta"_s].toObject()[u"k"_s].toInt(), 1); // kept: key absent
        QCOMPARE(noteCount(), 1);
    }

    void listsNotesInPages()
    {
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(m_fx->call("POST", u"/notes/"_s, json({{u"title"_s, u"N%1"_s.arg(i)}})).status, 201);
        }
        const Answer page = m_fx->call("GET", u"/notes/?scope=personal&limit=2&offset=2"_s);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.object()[u"results"_s].toArray().size(), 2);
        QCOMPARE(page.object()[u"total"_s].toInt(), 5);
        QCOMPARE(page.object()[u"has_more"_s].toBool(), true);
        QCOMPARE(m_fx->call("GET", u"/notes/"_s).array().size(), 5);
        QCOMPARE(m_fx->call("GET", u"/notes/?q=N3&limit=10"_s).object()[u"total"_s].toInt(), 1);
        QCOMPARE(m_fx->call("GET", u"/notes/?limit=-1"_s).status, 400);
        QCOMPARE(m_fx->call("GET", u"/notes/?scope=everyone"_s).status, 400);
    }

    void patchesAndSoftDeletesANote()
    {
        const qint64 id = m_fx->call("POST", u"/notes/"_s, json({{u"title"_s, u"T"_s}})).object()[u"id"_s].toInteger();
        const QString path = u"/notes/%1/"_s.arg(id);
        Answer patched = m_fx->call("PATCH", path, json({{u"is_public"_s, true}, {u"content"_s, u"body"_s}}));
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.object()[u"is_public"_s].toBool(), true);
        QCOMPARE(patched.object()[u"title"_s].toString(), u"T"_s);
        QCOMPARE(m_fx->call("PATCH", path, json({{u"is_public"_s, u"maybe"_s}})).status, 400);
        QCOMPARE(m_fx->call("GET", path).object()[u"is_public"_s].toBool(), true);
        QCOMPARE(m_fx->call("DELETE", path).status, 204);
        QCOMPARE(m_fx->call("GET", path).status, 404);
        QCOMPARE(m_fx->call("GET", u"/notes/"_s).array().size(), 0);
        QVERIFY(m_fx->store->note(id).value()->deletedAt.has_value()); // in the recycle bin, not gone
    }

    void rejectsBadNotesAndKeepsTheStore()
    {
        QCOMPARE(m_fx->call("POST", u"/notes/"_s, json({{u"content"_s, u"no title"_s}})).status, 400);
        QCOMPARE(m_fx->call("POST", u"/notes/"_s, json({{u"title"_s, QString(101, u'x')}})).status, 400);
        const Answer unknownCourse
            = m_fx->call("POST", u"/notes/"_s, json({{u"title"_s, u"T"_s}, {u"course_id"_s, 999}}));
        QCOMPARE(unknownCourse.status, 404);
        QVERIFY(unknownCourse.detail().contains(u"course 999 does not exist"_s));
        const Answer huge
            = m_fx->call("POST", u"/notes/"_s, "{\"title\": \"" + QByteArray(3 * 1024 * 1024, 'a') + "\"}");
        QCOMPARE(huge.status, 413);
        QCOMPARE(m_fx->call("POST", u"/notes/"_s, "title=x", "text/csv").status, 415);
        QCOMPARE(m_fx->call("PATCH", u"/notes/4242/"_s, json({{u"title"_s, u"T"_s}})).status, 404);
        QCOMPARE(noteCount(), 0);
    }

    void uploadsCoversAndAttachments()
    {
        const qint64 id = m_fx->call("POST", u"/notes/"_s, json({{u"title"_s, u"T"_s}})).object()[u"id"_s].toInteger();
        const Answer cover = upload(u"/notes/%1/cover/"_s.arg(id), u"cover"_s, u"c.png"_s, "image/png", "PNGDATA");
        QCOMPARE(cover.status, 200);
        const Answer attached
            = upload(u"/notes/%1/attachments/"_s.arg(id), u"file"_s, u"../../etc/passwd"_s, "text/plain", "root:x");
        QCOMPARE(attached.status, 201);
        QCOMPARE(attached.object()[u"original_filename"_s].toString(), u"passwd"_s);
        const Note note = *m_fx->store->note(id).value();
        QCOMPARE(note.cover.bytes, QByteArray("PNGDATA"));
        QCOMPARE(note.attachments.size(), 1);
        QCOMPARE(note.attachments.first().file.bytes, QByteArray("root:x"));
        const Answer notImage = upload(u"/notes/%1/cover/"_s.arg(id), u"cover"_s, u"c.txt"_s, "text/plain", "x");
        QCOMPARE(notImage.status, 400);
        const Answer broken = m_fx->call(
            "POST", u"/notes/%1/attachments/"_s.arg(id), "--b\r\nnonsense", "multipart/form-data; boundary=b");
        QCOMPARE(broken.status, 400);
        QVERIFY(broken.detail().startsWith(u"Upload not accepted: Core.Server/multipart \u2014 "_s));
        QCOMPARE(m_fx->store->note(id).value()->attachments.size(), 1);
    }

    // --- planner -----------------------------------------------------------------------------------------------

    void createsAndListsEventsAndFeeds()
    {
        const Answer event = m_fx->call("POST", u"/planner-events/"_s,
            json({{u"title"_s, u"Exam"_s}, {u"event_date"_s, u"2026-12-01"_s}, {u"difficulty_weight"_s, 3}}));
        QCOMPARE(event.status, 201);
        QCOMPARE(event.object()[u"starts_at"_s].toString(), u"2026-12-01T12:00:00.000000+00:00"_s);
        QCOMPARE(m_fx->call("POST", u"/planner-events/"_s, json({{u"title"_s, u"X"_s}, {u"event_date"_s, u"soon"_s}}))
                     .status,
            400);
        QCOMPARE(m_fx->call("POST", u"/planner-events/"_s,
                         json({{u"title"_s, u"X"_s}, {u"event_date"_s, u"2026-12-01"_s}, {u"difficulty_weight"_s, 9}}))
                     .status,
            400);
        QCOMPARE(m_fx->call("GET", u"/planner-events/"_s).array().size(), 1);
        const Answer feed = m_fx->call("POST", u"/calendar-feeds/"_s,
            json(
                {{u"title"_s, u"Uni"_s}, {u"source_kind"_s, u"S"_s}, {u"source_url"_s, u"https://x.example/a.ics"_s}}));
        QCOMPARE(feed.status, 201);
        QCOMPARE(
            m_fx->call("POST", u"/calendar-feeds/"_s, json({{u"title"_s, u"U"_s}, {u"source_kind"_s, u"Q"_s}})).status,
            400);
        QCOMPARE(m_fx->call("GET", u"/calendar-feeds/"_s).array().size(), 1);
        QCOMPARE(m_fx->store->events()->size(), 1);
    }

    // --- GitHub sync -------------------------------------------------------------------------------------------

    void statusAlwaysCarriesInstallUrlAndAppName()
    {
        Answer status = m_fx->call("GET", u"/integrations/github/status/"_s);
        QCOMPARE(status.object()[u"connected"_s].toBool(), false);
        QCOMPARE(status.object()[u"app_name"_s].toString(), u"notechondria-test"_s);
        connectRepository();
        status = m_fx->call("GET", u"/integrations/github/status/"_s);
        QCOMPARE(status.object()[u"connected"_s].toBool(), true);
        QCOMPARE(status.object()[u"installation_id"_s].toString(), m_installation);
        QCOMPARE(status.object()[u"repo_full_name"_s].toString(), u"octo/notes"_s);
        QVERIFY(!status.body.contains("token"));
        QCOMPARE(m_fx->call("GET", u"/integrations/github/repos/"_s).status, 200); // caches an installation token
        const Answer disconnected = m_fx->call("DELETE", u"/integrations/github/status/"_s);
        QCOMPARE(disconnected.status, 200);
        QCOMPARE(disconnected.object(), QJsonObject({{u"connected"_s, false}}));
        QVERIFY(m_fx->github.revokedTokenCount() >= 1);
        status = m_fx->call("GET", u"/integrations/github/status/"_s);
        QCOMPARE(status.object()[u"connected"_s].toBool(), false);
        QVERIFY(!status.object()[u"install_url"_s].toString().isEmpty());
        QCOMPARE(status.object()[u"app_name"_s].toString(), u"notechondria-test"_s);
        QCOMPARE(m_fx->call("DELETE", u"/integrations/github/status/"_s).status, 200); // idempotent
    }

    void callbackMergesOmittedFieldsAndResolvesTheBranch()
    {
        QCOMPARE(m_fx->call("POST", u"/integrations/github/callback/"_s,
                         json({{u"installation_id"_s, m_installation}, {u"account_login"_s, u"octo"_s}}))
                     .status,
            200);
        const Answer picked = m_fx->call("POST", u"/integrations/github/callback/"_s,
            json({{u"installation_id"_s, m_installation}, {u"repo_full_name"_s, u"octo/archive"_s}}));
        QCOMPARE(picked.status, 200);
        QCOMPARE(picked.object()[u"repo_full_name"_s].toString(), u"octo/archive"_s);
        const GitHubIntegration row = *m_fx->store->integration().value();
        QCOMPARE(row.accountLogin, u"octo"_s); // not wiped by the repo choice
        QCOMPARE(row.repoDefaultBranch, u"trunk"_s); // from GitHub
        QCOMPARE(m_fx->call("POST", u"/integrations/github/callback/"_s,
                         json({{u"installation_id"_s, m_installation}, {u"repo_default_branch"_s, u""_s},
                             {u"repo_full_name"_s, u"octo/unknown"_s}}))
                     .status,
            200);
        QCOMPARE(m_fx->store->integration().value()->repoDefaultBranch, u"main"_s);
        const Answer missing
            = m_fx->call("POST", u"/integrations/github/callback/"_s, json({{u"account_login"_s, u"x"_s}}));
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.object()[u"installation_id"_s].toArray().first().toString(), u"This field is required."_s);
        QCOMPARE(m_fx->call("POST", u"/integrations/github/callback/"_s,
                         json({{u"installation_id"_s, m_installation}, {u"repo_full_name"_s, u"../x"_s}}))
                     .status,
            400);
        QCOMPARE(m_fx->store->integration().value()->repoFullName, u"octo/unknown"_s);
    }

    void browserCallbackLinksOnlyOurInstallations()
    {
        QSignalSpy linked(m_fx->server.get(), &LocalServer::installationLinked);
        const QString state = QUrlQuery(
            QUrl(m_fx->call("GET", u"/integrations/github/status/"_s).object()[u"install_url"_s].toString()))
                                  .queryItemValue(u"state"_s);
        const Answer foreign = m_fx->call("GET",
            u"/integrations/github/callback/?installation_id=999999&setup_action=install&state=%1"_s.arg(state), {}, {},
            QByteArray());
        QCOMPARE(foreign.status, 400);
        QVERIFY(!m_fx->store->integration().value());
        const Answer page = m_fx->call("GET",
            u"/integrations/github/callback/?installation_id=%1&setup_action=install&state=%2"_s.arg(
                m_installation, state),
            {}, {}, QByteArray());
        QCOMPARE(page.status, 200);
        QVERIFY(QString::fromUtf8(page.body).contains(
            u"Notechondria Desktop is connected \u2014 you can close this tab"_s));
        QCOMPARE(linked.size(), 1);
        QCOMPARE(linked.first().first().toString(), m_installation);
        QCOMPARE(m_fx->store->integration().value()->accountLogin, u"octo"_s);
    }

    void reposNeedsAnInstallation()
    {
        const Answer none = m_fx->call("GET", u"/integrations/github/repos/"_s);
        QCOMPARE(none.status, 400);
        QCOMPARE(none.detail(),
            u"Cannot list repositories: Core.Server.GitHubSync/list_repos \u2014 no GitHub App installation linked to this account. Click \u201cInstall Notechondria GitHub App\u201d first."_s);
        connectRepository();
        const QJsonArray repositories
            = m_fx->call("GET", u"/integrations/github/repos/"_s).object()[u"repositories"_s].toArray();
        QCOMPARE(repositories.size(), 2);
        const Answer installations = m_fx->call("GET", u"/integrations/github/installations/"_s);
        QCOMPARE(installations.object()[u"installations"_s].toArray().first().toObject()[u"account_login"_s].toString(),
            u"octo"_s);
    }

    void pushesAndStatusShowsTheCommit()
    {
        QCOMPARE(m_fx->call("POST", u"/notes/"_s, json({{u"title"_s, u"Pushed"_s}, {u"content"_s, u"hello"_s}})).status,
            201);
        const Answer noRepo = m_fx->call("POST", u"/integrations/github/push/"_s, "{}");
        QCOMPARE(noRepo.status, 400);
        connectRepository();
        QSignalSpy finished(m_fx->server.get(), &LocalServer::pushFinished);
        const Answer pushed = m_fx->call(
            "POST", u"/integrations/github/push/?prune_orphans=yes"_s, json({{u"include_assets"_s, true}}));
        QVERIFY2(pushed.status == 200, pushed.body.constData());
        const QJsonObject body = pushed.object();
        QCOMPARE(body[u"include_assets"_s].toBool(), true);
        QCOMPARE(body[u"prune_orphans"_s].toBool(), true);
        QCOMPARE(body[u"committed"_s].toBool(), true);
        QCOMPARE(body[u"commit_sha"_s].toString(), m_fx->github.headSha(u"octo/notes"_s, u"main"_s));
        QCOMPARE(finished.size(), 1);
        const Answer status = m_fx->call("GET", u"/integrations/github/status/"_s);
        QCOMPARE(status.object()[u"last_push_sha"_s].toString(), body[u"commit_sha"_s].toString());
        QVERIFY(!m_fx->call("GET", u"/integrations/github/runs/"_s).object()[u"runs"_s].toArray().isEmpty());
        QCOMPARE(m_fx->call("GET", u"/integrations/github/preview/"_s).status, 200);
    }

    void previewOfOneFileShowsTheLocalExportAndTheBranchCopy()
    {
        connectRepository();
        QCOMPARE(m_fx->call("POST", u"/integrations/github/push/"_s, "{}").status, 200);
        auto profile = m_fx->store->profile();
        QVERIFY(profile);
        profile->motto = u"written here"_s;
        QVERIFY(m_fx->store->saveProfile(*profile));
        const QByteArray theirs = "{\n  \"motto\": \"written elsewhere\"\n}\n";
        m_fx->github.commitFromAnotherDevice(
            u"octo/notes"_s, u"main"_s, {{u"profile/creator.json"_s, theirs}}, u"Second device"_s);

        const Answer file = m_fx->call("GET", u"/integrations/github/preview/?path=profile/creator.json"_s);
        QVERIFY2(file.status == 200, file.body.constData());
        const QJsonObject body = file.object();
        QCOMPARE(body[u"path"_s].toString(), u"profile/creator.json"_s);
        QCOMPARE(body[u"status"_s].toString(), u"changed"_s);
        QVERIFY2(body[u"local"_s].toString().contains(u"written here"_s), file.body.constData());
        QCOMPARE(body[u"remote"_s].toString(), QString::fromUtf8(theirs));

        const Answer missing = m_fx->call("GET", u"/integrations/github/preview/?path=notes/nothing-here.md"_s);
        QCOMPARE(missing.status, 404);
        QCOMPARE(m_fx->call("GET", u"/integrations/github/preview/?path=../outside"_s).status, 400);
    }

    void answersOtherRequestsWhileAPushRuns()
    {
        connectRepository();
        QCOMPARE(m_fx->call("POST", u"/notes/"_s, json({{u"title"_s, u"Slow"_s}})).status, 201);
        m_fx->github.setHangDuration(1500ms);
        m_fx->github.injectFault({"", QRegularExpression(u"/repos/octo/notes/git/"_s), 0, {}, {}, true, 1});
        QNetworkReply *push = m_fx->send("POST", u"/integrations/github/push/"_s, "{}");
        QTRY_VERIFY(m_fx->server->isPushRunning());
        const Answer second = m_fx->call("POST", u"/integrations/github/push/"_s, "{}");
        QCOMPARE(second.status, 409);
        QVERIFY(second.detail().contains(u"already running"_s));
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 40; ++i) {
            replies.append(m_fx->send("GET", i % 2 ? u"/integrations/github/status/"_s : u"/notes/?limit=20"_s));
        }
        for (QNetworkReply *reply : std::as_const(replies)) {
            QCOMPARE(m_fx->wait(reply).status, 200);
        }
        QVERIFY(!push->isFinished()); // all answered while the push was still waiting on GitHub
        QCOMPARE(m_fx->wait(push).status, 200);
        QVERIFY(!m_fx->server->isPushRunning());
    }
};

QTEST_GUILESS_MAIN(TestLocalServer)
#include "test_localserver.moc"
