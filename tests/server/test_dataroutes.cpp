// SPDX-License-Identifier: GPL-3.0-or-later
// The account-data routes of the local server (settings, courses, notes, planner), each part on its own: real HTTP
// on loopback against the real LocalServer and a real Store (SQLite in a temp dir); no GitHub App configured.
#include "fakeclock.h"
#include "localserverfixture.h"

#include <QCoroTask>
#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

/// A status and the JSON it came with.
struct Reply
{
    int status = 0;
    QJsonDocument json;

    [[nodiscard]] QJsonObject object() const { return json.object(); }
    [[nodiscard]] QString firstError(const QString &field) const
    {
        return json.object().value(field).toArray().first().toString();
    }
};

} // namespace

class TestDataRoutes : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Test::LocalServerFixture> m_fx; ///< the store and the server, no GitHub App
    Store *m_store = nullptr;
    LocalServer *m_server = nullptr;

    QNetworkRequest requestFor(const QString &path) const
    {
        QNetworkRequest request(QUrl(m_server->baseUrl().toString() + path));
        request.setRawHeader("Authorization", "Bearer " + m_server->apiKey().toLatin1());
        return request;
    }

    static Reply finish(QNetworkReply *reply)
    {
        if (!reply->isFinished()) {
            QSignalSpy finished(reply, &QNetworkReply::finished);
            finished.wait(30000);
        }
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
            QJsonDocument::fromJson(reply->readAll())};
    }

    Reply send(const QByteArray &method, const QString &path, const QJsonObject &body = {})
    {
        QNetworkRequest request = requestFor(path);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        const QByteArray bytes = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        QNetworkAccessManager nam; // finish() waits for the answer
        return finish(nam.sendCustomRequest(request, method, bytes));
    }

    /// A multipart POST (or PATCH) with one file part.
    Reply sendFile(const QString &path, const QString &field, const QByteArray &type, const QByteArray &bytes,
        const QByteArray &method = "POST")
    {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentTypeHeader, type);
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
            QString(u"form-data; name=\"%1\"; filename=\"upload.bin\""_s.arg(field)));
        part.setBody(bytes);
        multi->append(part);
        QNetworkAccessManager nam; // finish() waits for the answer
        QNetworkReply *reply = nam.sendCustomRequest(requestFor(path), method, multi);
        multi->setParent(reply);
        return finish(reply);
    }

    qint64 createNote(const QJsonObject &fields)
    {
        const Reply created = send("POST", u"/notes/"_s, fields);
        // Records a failure of the calling test (QCOMPARE cannot return a value).
        if (!QTest::qCompare(created.status, 201, "created.status", "201", __FILE__, __LINE__)) {
            return -1;
        }
        return created.object().value(u"id"_s).toInteger();
    }

    Note storedNote(qint64 id) const { return m_store->note(id).value().value_or(Note{}); }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<FakeClock>(QDateTime(QDate(2026, 11, 30), QTime(9, 0), QTimeZone::UTC));
        m_fx = std::make_unique<Test::LocalServerFixture>();
        auto options = Test::LocalServerFixture::offline(m_clock.get());
        options.push = false;
        QVERIFY2(m_fx->setUp(options), qPrintable(m_fx->problem));
        m_store = m_fx->store.get();
        m_server = m_fx->server.get();
    }

    void cleanup()
    {
        m_server = nullptr;
        m_store = nullptr;
        m_fx.reset();
    }

    // --- settings ----------------------------------------------------------------------------------------------

    void settingsRejectABadEmailOrLinkAndKeepTheProfile()
    {
        const Profile before = *m_store->profile();
        const Reply answer = send("PATCH", u"/settings/"_s,
            {{u"email"_s, u"no at sign"_s}, {u"social_link"_s, u"example.org"_s}, {u"motto"_s, u"changed"_s}});
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.firstError(u"email"_s),
            u"Settings not saved: Core.Server.Settings/update.validate_email \u2014 Enter a valid email address."_s);
        QCOMPARE(answer.firstError(u"social_link"_s),
            u"Settings not saved: Core.Server.Settings/update.validate_social_link \u2014 Enter a valid URL."_s);
        QCOMPARE(m_store->profile()->motto, before.motto);
    }

    void settingsLowercaseTheEmailDefaultTheInboxAndMergeLastSeenVersions()
    {
        Reply answer = send("PATCH", u"/settings/"_s,
            {{u"email"_s, u"Ada@Example.ORG"_s}, {u"uncategorized_folder_name"_s, u"   "_s},
                {u"last_seen_versions"_s, QJsonObject{{u"desktop"_s, u"1.2"_s}}}});
        QCOMPARE(answer.status, 200);
        answer = send("PATCH", u"/settings/"_s, {{u"last_seen_versions"_s, QJsonObject{{u"web"_s, u"7"_s}}}});
        QCOMPARE(answer.status, 200);
        const QJsonObject settings = answer.object();
        QCOMPARE(settings.value(u"email"_s).toString(), u"ada@example.org"_s);
        QCOMPARE(settings.value(u"uncategorized_folder_name"_s).toString(), u"Inbox"_s);
        const QJsonObject seen = settings.value(u"last_seen_versions"_s).toObject();
        QCOMPARE(seen.value(u"desktop"_s).toString(), u"1.2"_s);
        QCOMPARE(seen.value(u"web"_s).toString(), u"7"_s);
    }

    void settingsBoundLastSeenVersionsAndRefuseNullAppSettings()
    {
        QJsonObject many;
        for (int i = 0; i < 17; ++i) {
            many.insert(u"app%1"_s.arg(i), u"1"_s);
        }
        Reply answer = send("PATCH", u"/settings/"_s, {{u"last_seen_versions"_s, many}});
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.firstError(u"last_seen_versions"_s).endsWith(u"At most 16 entries are kept."_s));
        answer = send("PATCH", u"/settings/"_s, {{u"app_settings"_s, QJsonValue::Null}});
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.firstError(u"app_settings"_s).endsWith(u"This field may not be null."_s));
    }

    void settingsRefuseAnAvatarThatIsNotAnImage()
    {
        const Reply answer = sendFile(u"/settings/"_s, u"avatar"_s, "text/plain", "hello", "PATCH");
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.firstError(u"avatar"_s)
                .endsWith(u"Upload a valid image. The file you uploaded was either not "
                          u"an image or a corrupted image."_s));
        QVERIFY(m_store->profile()->avatar.bytes.isEmpty());
    }

    // --- courses -----------------------------------------------------------------------------------------------

    void coursesRefuseATakenSlugButAnUpdateKeepsItsOwn()
    {
        QCOMPARE(send("POST", u"/courses/"_s, {{u"title"_s, u"Biology"_s}, {u"slug"_s, u"shared"_s}}).status, 201);
        const Reply taken = send("POST", u"/courses/"_s, {{u"title"_s, u"Botany"_s}, {u"slug"_s, u"shared"_s}});
        QCOMPARE(taken.status, 400);
        QCOMPARE(taken.object().value(u"detail"_s).toString(),
            u"Cannot create category: Core.Server.Courses/create \u2014 the slug 'shared' is already taken."_s);
        QCOMPARE(send("POST", u"/courses/"_s,
                     {{u"title"_s, u"Chemistry"_s}, {u"slug"_s, u"chem"_s}, {u"client_course_id"_s, u"c-9"_s}})
                     .status,
            201);
        const Reply updated = send("POST", u"/courses/"_s,
            {{u"title"_s, u"Organic chemistry"_s}, {u"slug"_s, u"shared"_s}, {u"client_course_id"_s, u"c-9"_s},
                {u"description"_s, QJsonValue::Null}});
        QCOMPARE(updated.status, 200);
        QCOMPARE(updated.object().value(u"slug"_s).toString(), u"chem"_s);
        QCOMPARE(updated.object().value(u"description"_s).toString(), QString());
        QCOMPARE(m_store->courses()->size(), 2);
    }

    // --- notes -------------------------------------------------------------------------------------------------

    void notesTakeTheirContentFromMarkdownOrBlocks()
    {
        const qint64 fromMarkdown = createNote({{u"title"_s, u"M"_s}, {u"markdown"_s, u"# Heading"_s}});
        QCOMPARE(storedNote(fromMarkdown).content, u"# Heading"_s);
        const qint64 fromBlocks = createNote({{u"title"_s, u"B"_s},
            {u"blocks"_s,
                QJsonArray{QJsonObject{{u"type"_s, u"p"_s}, {u"text"_s, u"One"_s}},
                    QJsonObject{{u"type"_s, u"h"_s}, {u"content"_s, u"Two"_s}}}}});
        QCOMPARE(storedNote(fromBlocks).content, u"One\n\nTwo"_s);
        const Reply badBlocks = send("POST", u"/notes/"_s, {{u"title"_s, u"X"_s}, {u"blocks"_s, QJsonArray{1}}});
        QCOMPARE(badBlocks.status, 400);
        QCOMPARE(badBlocks.firstError(u"blocks"_s), u"Expected a list of items."_s);
    }

    void notesReadMetadataAndCustomMetaInEveryShape()
    {
        const qint64 id = createNote({{u"title"_s, u"T"_s}, {u"metadata_json"_s, QJsonObject{{u"x"_s, 1}}},
            {u"custom_meta"_s, u"{\"a\": 1}"_s}});
        QCOMPARE(storedNote(id).metadataJson, u"{\"x\":1}"_s);
        QCOMPARE(QJsonDocument::fromJson(storedNote(id).customMeta.toUtf8()).object().value(u"a"_s).toInt(), 1);
        const QString path = u"/notes/%1/"_s.arg(id);
        const Reply notAnObject = send("PATCH", path, {{u"custom_meta"_s, u"[1, 2]"_s}});
        QCOMPARE(notAnObject.status, 400);
        QCOMPARE(notAnObject.firstError(u"custom_meta"_s), u"Value must be a JSON object."_s);
        QCOMPARE(
            send("PATCH", path, {{u"custom_meta"_s, QJsonValue::Null}, {u"metadata_json"_s, u"raw"_s}}).status, 200);
        QCOMPARE(storedNote(id).customMeta, u"{}"_s);
        QCOMPARE(storedNote(id).metadataJson, u"raw"_s);
    }

    void newNotesTakeTheProfileEditorModeAndAValidSourceUuid()
    {
        QCOMPARE(send("PATCH", u"/settings/"_s, {{u"editor_mode"_s, u"B"_s}}).status, 200);
        const QUuid source = QUuid::createUuid();
        const qint64 id = createNote({{u"title"_s, u"Copy"_s}, {u"note_type"_s, u"C"_s},
            {u"source_note_uuid"_s, source.toString(QUuid::WithoutBraces)}});
        const Note note = storedNote(id);
        QCOMPARE(note.editorMode, u"B"_s);
        QCOMPARE(note.noteType, u"C"_s);
        QCOMPARE(note.sourceNoteUuid, std::optional<QUuid>(source));
        const Reply bad = send("POST", u"/notes/"_s, {{u"title"_s, u"X"_s}, {u"source_note_uuid"_s, u"zzz"_s}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.firstError(u"source_note_uuid"_s), u"Must be a valid UUID."_s);
    }

    void notesListFiltersByScopeCourseAndText()
    {
        const qint64 course = send("POST", u"/courses/"_s, {{u"title"_s, u"Chem"_s}}).object()[u"id"_s].toInteger();
        createNote({{u"title"_s, u"Public"_s}, {u"is_public"_s, true}, {u"course_id"_s, course}});
        createNote({{u"title"_s, u"Loose"_s}});
        createNote({{u"title"_s, u"Hidden"_s}, {u"description"_s, u"a needle"_s}, {u"course_id"_s, course}});
        const auto titles = [this](const QString &query) {
            QStringList names;
            for (const QJsonValue &note : send("GET", u"/notes/"_s + query).json.array()) {
                names.append(note[u"title"_s].toString());
            }
            names.sort();
            return names;
        };
        QCOMPARE(titles(u"?scope=public"_s), QStringList{u"Public"_s});
        QCOMPARE(titles(u"?scope=private"_s), (QStringList{u"Hidden"_s, u"Loose"_s}));
        QCOMPARE(titles(u"?course_id=none"_s), QStringList{u"Loose"_s});
        QCOMPARE(titles(u"?course_id=%1"_s.arg(course)), (QStringList{u"Hidden"_s, u"Public"_s}));
        QCOMPARE(titles(u"?q=NEEDLE"_s), QStringList{u"Hidden"_s});
        const Reply page = send("GET", u"/notes/?limit=500&scope=private"_s);
        QCOMPARE(page.object()[u"limit"_s].toInt(), 100);
        QCOMPARE(page.object()[u"total"_s].toInt(), 2);
        QCOMPARE(page.object()[u"has_more"_s].toBool(), false);
        QCOMPARE(send("GET", u"/notes/?course_id=abc"_s).status, 400);
    }

    void uploadsNeedTheirFileAndALiveNote()
    {
        const qint64 id = createNote({{u"title"_s, u"T"_s}});
        const Reply noCover = sendFile(u"/notes/%1/cover/"_s.arg(id), u"file"_s, "image/png", "PNG");
        QCOMPARE(noCover.status, 400);
        QCOMPARE(noCover.firstError(u"cover"_s), u"No file was submitted."_s);
        const Reply noFile = sendFile(u"/notes/%1/attachments/"_s.arg(id), u"cover"_s, "text/plain", "x");
        QCOMPARE(noFile.status, 400);
        QCOMPARE(noFile.firstError(u"file"_s), u"No file was submitted."_s);
        QCOMPARE(send("DELETE", u"/notes/%1/"_s.arg(id)).status, 204);
        const Reply deleted = sendFile(u"/notes/%1/attachments/"_s.arg(id), u"file"_s, "text/plain", "x");
        QCOMPARE(deleted.status, 404);
        QVERIFY(deleted.object()[u"detail"_s].toString().startsWith(u"Attachment not saved: "_s));
        QCOMPARE(sendFile(u"/notes/4242/cover/"_s, u"cover"_s, "image/png", "PNG").status, 404);
        QVERIFY(storedNote(id).attachments.isEmpty());
    }

    // --- planner -----------------------------------------------------------------------------------------------

    void eventsListByDateAndShowCompletedOnlyWhenAsked()
    {
        for (const auto &[title, date, done] : {std::tuple{u"B"_s, u"2026-12-02"_s, false},
                 std::tuple{u"A"_s, u"2026-12-02"_s, false}, std::tuple{u"Z"_s, u"2026-12-01"_s, true}}) {
            QCOMPARE(send("POST", u"/planner-events/"_s,
                         {{u"title"_s, title}, {u"event_date"_s, date}, {u"is_completed"_s, done}})
                         .status,
                201);
        }
        const auto titles = [this](const QString &path) {
            QStringList names;
            for (const QJsonValue &event : send("GET", path).json.array()) {
                names.append(event[u"title"_s].toString());
            }
            return names;
        };
        QCOMPARE(titles(u"/planner-events/"_s), (QStringList{u"A"_s, u"B"_s}));
        QCOMPARE(titles(u"/planner-events/?include_completed=yes"_s), (QStringList{u"Z"_s, u"A"_s, u"B"_s}));
        QCOMPARE(send("GET", u"/planner-events/?include_completed=1"_s).json.array().first()[u"completed_at"_s],
            QJsonValue(u"2026-11-30T09:00:00.000000+00:00"_s));
    }

    void eventsCheckTheirWindowAndCourse()
    {
        const Reply backwards = send("POST", u"/planner-events/"_s,
            {{u"title"_s, u"X"_s}, {u"event_date"_s, u"2026-12-01"_s}, {u"starts_at"_s, u"2026-12-01T10:00:00Z"_s},
                {u"ends_at"_s, u"2026-12-01T09:00:00Z"_s}});
        QCOMPARE(backwards.status, 400);
        QCOMPARE(backwards.firstError(u"ends_at"_s), u"The end must not be before the start."_s);
        const Reply open = send("POST", u"/planner-events/"_s,
            {{u"title"_s, u"Y"_s}, {u"event_date"_s, u"2026-12-01"_s}, {u"starts_at"_s, u"2026-12-01T10:00:00Z"_s}});
        QCOMPARE(open.status, 201);
        QCOMPARE(open.object()[u"ends_at"_s].toString(), u"2026-12-01T11:00:00.000000+00:00"_s);
        const Reply noCourse = send("POST", u"/planner-events/"_s,
            {{u"title"_s, u"Z"_s}, {u"event_date"_s, u"2026-12-01"_s}, {u"course_id"_s, 999}});
        QCOMPARE(noCourse.status, 404);
        QCOMPARE(noCourse.object()[u"detail"_s].toString(),
            u"Event not saved: Core.Server/course_lookup \u2014 course 999 does not exist."_s);
        QCOMPARE(m_store->events()->size(), 1);
    }

    void feedsTakeWebcalUrlsAndCheckTheirCourse()
    {
        QCOMPARE(
            send("POST", u"/calendar-feeds/"_s, {{u"title"_s, u"Uni"_s}, {u"source_url"_s, u"webcal://x.example/a"_s}})
                .status,
            201);
        const Reply badUrl
            = send("POST", u"/calendar-feeds/"_s, {{u"title"_s, u"F"_s}, {u"source_url"_s, u"ftp://x.example/a"_s}});
        QCOMPARE(badUrl.status, 400);
        QCOMPARE(badUrl.firstError(u"source_url"_s), u"Enter a valid URL."_s);
        const Reply noCourse = send("POST", u"/calendar-feeds/"_s, {{u"title"_s, u"G"_s}, {u"course_id"_s, 7}});
        QCOMPARE(noCourse.status, 404);
        QVERIFY(noCourse.object()[u"detail"_s].toString().startsWith(u"Feed not saved: "_s));
        QCOMPARE(m_store->feeds()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestDataRoutes)
#include "test_dataroutes.moc"
