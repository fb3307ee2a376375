// SPDX-License-Identifier: GPL-3.0-or-later
// The calls of ../shared/spec/apps-contract.md replayed as the Notechondria apps send them (issue #14, "Done when"):
// a new user's local server, a local password, the apps' sign-in, then every group — bootstrap, sign-in, settings,
// courses, notes, files, activity, planner, GitHub sync, transport — over real HTTP against the real LocalServer
// and a real SQLite file, each answer checked for the status and the keys the apps read. Uploads go as the apps send
// them (multipart, application/octet-stream), the portal's JSON as text/plain, the session token as `Token <t>`.
#include "corspolicy.h"
#include "localserverfixture.h"

#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestAppsReplay : public QObject
{
    Q_OBJECT

    std::unique_ptr<LocalServerFixture> m_fx;
    QByteArray m_auth; ///< the Authorization header the apps send after signing in
    QStringList m_failures;
    int m_calls = 0;

    /// One call as an app sends it; records a failure unless it answers @p status with every one of @p keys.
    QJsonValue expect(const QByteArray &method, const QString &path, const QJsonValue &body, int status,
        const QStringList &keys = {}, const QByteArray &contentType = "application/json")
    {
        ++m_calls;
        const QByteArray bytes = body.isObject() ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
            : body.isArray()                     ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                                 : QByteArray();
        const ServerAnswer answer
            = m_fx->call(method, path, bytes, bytes.isEmpty() ? QByteArray() : contentType, m_auth);
        return check(method + ' ' + path.toUtf8(), answer, status, keys);
    }

    QJsonValue check(const QByteArray &what, const ServerAnswer &answer, int status, const QStringList &keys)
    {
        const QJsonDocument document = QJsonDocument::fromJson(answer.body);
        const QJsonValue value = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        if (answer.status != status) {
            m_failures.append(u"%1: %2, expected %3 (%4)"_s.arg(QString::fromUtf8(what))
                    .arg(answer.status)
                    .arg(status)
                    .arg(QString::fromUtf8(answer.body.left(200))));
            return value;
        }
        for (const QString &key : keys) {
            if (!value.toObject().contains(key)) {
                m_failures.append(u"%1: no \"%2\" in %3"_s.arg(
                    QString::fromUtf8(what), key, QString::fromUtf8(answer.body.left(200))));
            }
        }
        return value;
    }

    /// A multipart upload of one file part, as the apps send it.
    QJsonValue upload(const QByteArray &method, const QString &path, const QString &field, const QByteArray &bytes,
        int status, const QStringList &keys)
    {
        ++m_calls;
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
            u"form-data; name=\"%1\"; filename=\"picture.png\""_s.arg(field));
        part.setBody(bytes);
        multi->append(part);
        QNetworkRequest request(QUrl(m_fx->server->baseUrl().toString() + path));
        request.setRawHeader("Authorization", m_auth);
        QNetworkReply *reply = m_fx->nam.sendCustomRequest(request, method, multi);
        multi->setParent(reply);
        return check(method + ' ' + path.toUtf8(), LocalServerFixture::wait(reply), status, keys);
    }

    /// A URL the server returned, loaded as an image tag loads it (no key).
    void loads(const QString &url)
    {
        ++m_calls;
        const ServerAnswer answer = LocalServerFixture::wait(m_fx->nam.get(QNetworkRequest(QUrl(url))));
        if (answer.status != 200 || answer.body.isEmpty()) {
            m_failures.append(u"GET %1: %2, the URL does not load"_s.arg(url).arg(answer.status));
        }
    }

    static QByteArray png()
    {
        return QByteArray::fromBase64(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    }

    void bootstrapAndSignIn()
    {
        const QByteArray key = "Bearer " + m_fx->server->apiKey().toLatin1();
        m_auth = QByteArray(); // no credential yet, as a first start
        const QJsonObject handshake = expect("GET", u"/handshake/"_s, {}, 200,
            {u"service"_s, u"api_version"_s, u"version"_s, u"capabilities"_s, u"storage"_s, u"min_frontend_version"_s})
                                          .toObject();
        if (handshake.value(u"service"_s).toString() != u"notechondria-backend"_s) {
            m_failures.append(u"handshake: the editor refuses a service that is not notechondria-backend"_s);
        }
        expect("GET", u"/ping/"_s, {}, 200, {u"pong"_s, u"service"_s});
        expect("GET", u"/front-page/"_s, {}, 200, {u"default_course"_s, u"recent_notes"_s, u"collections"_s});
        expect("GET", u"/auth/casdoor/config/"_s, {}, 200, {u"configured"_s});
        expect("GET", u"/auth/session/"_s, {}, 200, {u"authenticated"_s});

        // The user sets the local password (Settings → Local server does this with the key), then the app signs in.
        m_auth = key;
        expect("POST", u"/auth/local-password/"_s, QJsonObject{{u"password"_s, u"correct horse battery"_s}}, 200);
        expect(
            "PATCH", u"/settings/"_s, QJsonObject{{u"username"_s, u"ada"_s}, {u"email"_s, u"ada@example.org"_s}}, 200);
        m_auth = QByteArray();
        expect("POST", u"/auth/login/"_s, QJsonObject{{u"username"_s, u"ada"_s}, {u"password"_s, u"wrong"_s}}, 400);
        const QJsonObject login = expect("POST", u"/auth/login/"_s,
            QJsonObject{{u"email"_s, u"ada@example.org"_s}, {u"password"_s, u"correct horse battery"_s}}, 200,
            {u"token"_s, u"user"_s})
                                      .toObject();
        const QString token = login.value(u"token"_s).toString();
        // The apps' rule: Bearer for ntc_/eyJ tokens, Token for the rest.
        const bool bearer = token.startsWith(u"ntc_"_s) || token.startsWith(u"eyJ"_s);
        m_auth = (bearer ? "Bearer " : "Token ") + token.toLatin1();
        expect("GET", u"/auth/session/"_s, {}, 200, {u"authenticated"_s, u"user"_s});
        expect("GET", u"/auth/sessions/"_s, {}, 200, {u"sessions"_s});
        expect("POST", u"/auth/casdoor/exchange/"_s, QJsonObject{{u"code"_s, u"x"_s}}, 400);
    }

    void settings()
    {
        expect("GET", u"/settings/"_s, {}, 200,
            {u"username"_s, u"email"_s, u"editor_mode"_s, u"app_settings"_s, u"image_url"_s, u"avatar_url"_s,
                u"is_staff"_s, u"api_key_prefix"_s, u"mcp_skill_md"_s, u"uncategorized_folder_name"_s,
                u"display_name"_s});
        expect("PATCH", u"/settings/"_s, QJsonObject{{u"api_base_url"_s, QJsonValue::Null}}, 200);
        const QJsonObject avatar
            = upload("PATCH", u"/settings/"_s, u"avatar"_s, png(), 200, {u"image_url"_s}).toObject();
        loads(avatar.value(u"image_url"_s).toString());
    }

    /// Returns the course id the notes use.
    qint64 courses()
    {
        expect("GET", u"/courses/"_s, {}, 200);
        const QJsonObject course = expect("POST", u"/courses/"_s,
            QJsonObject{{u"title"_s, u"Biology"_s}, {u"description"_s, u"Cells"_s}, {u"icon"_s, 0x1F9EC},
                {u"client_course_id"_s, u"c-1"_s}},
            201, {u"id"_s, u"slug"_s, u"title"_s})
                                       .toObject();
        const qint64 id = course.value(u"id"_s).toInteger();
        const QJsonObject other
            = expect("POST", u"/courses/"_s, QJsonObject{{u"title"_s, u"Scratch"_s}}, 201, {u"id"_s}).toObject();
        const QString c = QString::number(id);
        expect("GET", u"/courses/%1/"_s.arg(c), {}, 200, {u"id"_s, u"title"_s, u"recent_notes"_s});
        expect("PATCH", u"/courses/%1/"_s.arg(c), QJsonObject{{u"title"_s, u"Biology I"_s}}, 200, {u"title"_s});
        expect("GET", u"/courses/%1/notes/"_s.arg(c), {}, 200);
        expect("POST", u"/courses/reorder/"_s,
            QJsonObject{{u"course_ids"_s, QJsonArray{other.value(u"id"_s), course.value(u"id"_s)}}}, 200);
        expect("POST", u"/courses/%1/subscribe/"_s.arg(c), {}, 200, {u"is_subscribed"_s});
        expect("POST", u"/courses/%1/subscribe-private/"_s.arg(c), {}, 200, {u"is_private_subscription"_s});
        expect("POST", u"/courses/%1/open/"_s.arg(c), {}, 200, {u"last_opened_at"_s});
        expect("DELETE", u"/courses/%1/subscribe/"_s.arg(c), {}, 200);
        expect("POST", u"/admin/template-courses/restore/"_s, {}, 200);
        expect("DELETE", u"/courses/%1/"_s.arg(other.value(u"id"_s).toInteger()), {}, 204);
        return id;
    }

    /// Returns {id, uuid} of the note the files and activity use.
    std::pair<qint64, QString> notes(qint64 course)
    {
        const QJsonObject note = expect("POST", u"/notes/"_s,
            QJsonObject{
                {u"title"_s, u"Mitosis"_s}, {u"content"_s, u"# Mitosis\n\nProphase."_s}, {u"course_id"_s, course}},
            201, {u"id"_s, u"uuid"_s, u"last_edit"_s})
                                     .toObject();
        const qint64 id = note.value(u"id"_s).toInteger();
        const QString uuid = note.value(u"uuid"_s).toString();
        const QString n = QString::number(id);
        expect("GET", u"/notes/?limit=20&offset=0&scope=personal&sort=last_edit&window=all"_s, {}, 200,
            {u"results"_s, u"has_more"_s});
        expect("GET", u"/notes/?q=prophase&limit=20"_s, {}, 200, {u"results"_s, u"has_more"_s});
        expect("GET", u"/notes/?course_id=none&limit=20"_s, {}, 200, {u"results"_s});
        expect("GET", u"/notes/%1/"_s.arg(n), {}, 200, {u"content"_s, u"uuid"_s});
        expect("PATCH", u"/notes/%1/"_s.arg(n), QJsonObject{{u"content"_s, u"# Mitosis\n\nProphase, metaphase."_s}},
            200, {u"last_edit"_s});
        expect("GET", u"/notes/uuid/%1/"_s.arg(uuid), {}, 200, {u"id"_s, u"content"_s});
        expect("POST", u"/notes/%1/snapshot/"_s.arg(n), QJsonObject{{u"reason"_s, u"manual"_s}}, 201, {u"id"_s});
        const QJsonArray history = expect("GET", u"/notes/%1/history/"_s.arg(n), {}, 200).toArray();
        const qint64 version = history.isEmpty() ? 0 : history.first().toObject().value(u"id"_s).toInteger();
        expect("POST", u"/notes/%1/restore/%2/"_s.arg(n).arg(version), {}, 200, {u"content"_s});

        const qint64 draft
            = expect("POST", u"/notes/"_s, QJsonObject{{u"title"_s, u"Draft"_s}}, 201).toObject()[u"id"_s].toInteger();
        expect("DELETE", u"/notes/%1/"_s.arg(draft), {}, 204);
        expect("GET", u"/notes/deleted/"_s, {}, 200);
        expect("POST", u"/notes/%1/restore/"_s.arg(draft), {}, 200);
        expect("DELETE", u"/notes/%1/"_s.arg(draft), {}, 204);
        expect("DELETE", u"/notes/deleted/empty/"_s, {}, 200, {u"deleted"_s});
        return {id, uuid};
    }

    void files(qint64 note, const QString &uuid)
    {
        for (const QString &base : {u"/notes/%1"_s.arg(note), u"/notes/uuid/%1"_s.arg(uuid)}) {
            const QJsonObject file
                = upload("POST", base + u"/attachments/"_s, u"file"_s, png(), 201, {u"url"_s, u"id"_s}).toObject();
            loads(file.value(u"url"_s).toString());
            expect("GET", base + u"/attachments/"_s, {}, 200);
            expect("DELETE", base + u"/attachments/%1/"_s.arg(file.value(u"id"_s).toInteger()), {}, 204);
        }
        const QJsonObject covered
            = upload("POST", u"/notes/%1/cover/"_s.arg(note), u"cover"_s, png(), 200, {u"cover_image_url"_s})
                  .toObject();
        loads(covered.value(u"cover_image_url"_s).toString());
        expect("DELETE", u"/notes/%1/cover/"_s.arg(note), {}, 200);
    }

    void activityAndPlanner(qint64 note, qint64 course)
    {
        const qint64 session = expect("POST", u"/note-sessions/"_s,
            QJsonObject{{u"note_id"_s, note}, {u"title"_s, u"Reading"_s}, {u"summary"_s, u"Chapter 1"_s},
                {u"started_at"_s, u"2026-12-01T10:00:00"_s}},
            201, {u"id"_s})
                                   .toObject()[u"id"_s]
                                   .toInteger();
        expect("PATCH", u"/note-sessions/%1/"_s.arg(session), QJsonObject{{u"summary"_s, u"Chapters 1-2"_s}}, 200);
        expect("GET", u"/activity/"_s, {}, 200);
        expect("GET", u"/activity/week/?start_date=2026-11-30&days=7"_s, {}, 200, {u"days"_s, u"deadlines"_s});

        expect("GET", u"/planner-events/"_s, {}, 200);
        const qint64 event = expect("POST", u"/planner-events/"_s,
            QJsonObject{{u"title"_s, u"Exam"_s}, {u"event_date"_s, u"2026-12-03"_s}, {u"course_id"_s, course}}, 201,
            {u"id"_s})
                                 .toObject()[u"id"_s]
                                 .toInteger();
        expect("PATCH", u"/planner-events/%1/"_s.arg(event),
            QJsonObject{{u"is_completed"_s, true}, {u"completed_at"_s, u"2026-12-03T15:00:00Z"_s}}, 200,
            {u"is_completed"_s});
        expect("GET", u"/calendar-feeds/"_s, {}, 200);
        const qint64 feed = expect("POST", u"/calendar-feeds/"_s,
            QJsonObject{{u"title"_s, u"Lectures"_s}, {u"source_kind"_s, u"I"_s},
                {u"raw_ical"_s, u"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"_s}, {u"course_id"_s, course}},
            201, {u"id"_s})
                                .toObject()[u"id"_s]
                                .toInteger();
        expect("PATCH", u"/calendar-feeds/%1/"_s.arg(feed), QJsonObject{{u"title"_s, u"Lectures (term 2)"_s}}, 200);
        expect("DELETE", u"/calendar-feeds/%1/"_s.arg(feed), {}, 204);
    }

    void gitHubAndTransport()
    {
        expect("GET", u"/integrations/github/status/"_s, {}, 200, {u"connected"_s});
        // The portal sends its JSON as text/plain.
        expect(
            "PATCH", u"/settings/"_s, QJsonObject{{u"motto"_s, u"Keep going"_s}}, 200, {}, "text/plain;charset=UTF-8");
        m_fx->server->setCorsPolicy(*CorsPolicy::fromOrigins({u"http://localhost:5173"_s}));
        ++m_calls;
        check("OPTIONS /notes/ (preflight)",
            m_fx->call("OPTIONS", u"/notes/"_s, {}, {}, QByteArray(),
                {{"Origin", "http://localhost:5173"}, {"Access-Control-Request-Method", "POST"},
                    {"Access-Control-Request-Headers", "authorization, content-type"}}),
            204, {});
        ++m_calls;
        check("GET /notes/ (from the allowed origin)",
            m_fx->call("GET", u"/notes/?limit=20"_s, {}, {}, m_auth, {{"Origin", "http://localhost:5173"}}), 200,
            {u"results"_s});
    }

    void signOut()
    {
        const QJsonObject rotated = expect("POST", u"/auth/rotate-api-key/"_s, {}, 200, {u"api_key"_s}).toObject();
        const QJsonArray sessions = expect("GET", u"/auth/sessions/"_s, {}, 200).toObject()[u"sessions"_s].toArray();
        expect("POST", u"/auth/logout/"_s, {}, 204);
        expect("GET", u"/notes/"_s, {}, 401); // the session is over
        m_auth = "Bearer " + rotated.value(u"api_key"_s).toString().toLatin1();
        expect("GET", u"/notes/?limit=20&offset=0"_s, {}, 200, {u"results"_s, u"has_more"_s});
        if (!sessions.isEmpty()) {
            expect("DELETE", u"/auth/sessions/%1/"_s.arg(sessions.first().toObject()[u"id"_s].toInteger()), {}, 404);
        }
    }

private Q_SLOTS:
    void everyCallOfTheAppsAnswersAsTheyExpect()
    {
        m_fx = std::make_unique<LocalServerFixture>();
        QVERIFY2(m_fx->setUp(LocalServerFixture::offline(nullptr)), qPrintable(m_fx->problem));
        bootstrapAndSignIn();
        settings();
        const qint64 course = courses();
        const auto [note, uuid] = notes(course);
        files(note, uuid);
        activityAndPlanner(note, course);
        gitHubAndTransport();
        signOut();
        qInfo().noquote() << u"Replayed %1 calls of apps-contract.md: %2 answered as the apps expect."_s.arg(m_calls)
                                 .arg(m_calls - m_failures.size());
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"\n"_s)));
        m_fx.reset();
    }
};

QTEST_GUILESS_MAIN(TestAppsReplay)
#include "test_appsreplay.moc"
