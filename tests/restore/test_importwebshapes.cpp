// SPDX-License-Identifier: GPL-3.0-or-later
// `notechondria-sync import` (the built binary) against the web backend's own answer shapes: a small HTTP server on
// loopback serves the response fixtures of tests/restore/fixtures/web-backend/ (SettingsSerializer, CourseSerializer,
// NoteSummary/NoteDetail with author, course and blocks, the planner event payload, CalendarFeedSerializer, a paged
// notes list), so the import is checked against what the web service sends, not only against our local server.
#include "clock.h"
#include "store.h"

#include <QDir>
#include <QFile>
#include <QHttpServer>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

/// The API key the fake backend accepts, made for this run (no key-shaped text in the repository).
const QByteArray kKey = "ntc_" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();

QJsonDocument fixture(const QString &name)
{
    QFile file(QStringLiteral(FIXTURE_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(name));
    }
    return QJsonDocument::fromJson(file.readAll());
}

/// The web backend, as far as the import reads it: the fixtures, the notes list paged by limit/offset.
class WebBackend
{
public:
    WebBackend()
    {
        m_notes = fixture(u"notes.json"_s).array();
        m_server.setMissingHandler(
            &m_server, [this](const QHttpServerRequest &request, QHttpServerResponder &out) { answer(request, out); });
    }

    bool listen()
    {
        auto *tcp = new QTcpServer(&m_server);
        return tcp->listen(QHostAddress::LocalHost) && m_server.bind(tcp) && (m_port = tcp->serverPort()) != 0;
    }

    [[nodiscard]] QString apiBase() const { return u"http://127.0.0.1:%1/api/v1"_s.arg(m_port); }
    QStringList requests; ///< "GET /api/v1/…", in order

private:
    void answer(const QHttpServerRequest &request, QHttpServerResponder &out)
    {
        const QString path = request.url().path();
        requests.append(u"GET "_s + path);
        if (request.value("authorization") != QByteArray("Bearer ") + kKey) {
            out.write(QJsonDocument(QJsonObject{{u"detail"_s, u"Authentication credentials were not provided."_s}}),
                QHttpServerResponder::StatusCode::Unauthorized);
            return;
        }
        const QHash<QString, QString> files{{u"/api/v1/settings/"_s, u"settings.json"_s},
            {u"/api/v1/courses/"_s, u"courses.json"_s}, {u"/api/v1/planner-events/"_s, u"planner-events.json"_s},
            {u"/api/v1/calendar-feeds/"_s, u"calendar-feeds.json"_s}};
        if (files.contains(path)) {
            out.write(fixture(files.value(path)));
        } else if (path == u"/api/v1/notes/"_s) {
            out.write(QJsonDocument(page(QUrlQuery(request.url()))));
        } else if (path == u"/api/v1/notes/deleted/"_s) {
            out.write(QJsonDocument(QJsonArray()));
        } else if (const QJsonObject note = noteAt(path); !note.isEmpty()) {
            out.write(QJsonDocument(note));
        } else {
            out.write(QJsonDocument(QJsonObject{
                          {u"detail"_s, u"API route not found."_s}, {u"status_code"_s, 404}, {u"path"_s, path}}),
                QHttpServerResponder::StatusCode::NotFound);
        }
    }

    /// NoteSummarySerializer entries: the detail without blocks, content, metadata_json and custom_meta.
    QJsonObject page(const QUrlQuery &query) const
    {
        const int limit = query.queryItemValue(u"limit"_s).toInt();
        const int offset = query.queryItemValue(u"offset"_s).toInt();
        QJsonArray results;
        for (int i = offset; i < m_notes.size() && i < offset + limit; ++i) {
            QJsonObject summary = m_notes.at(i).toObject();
            for (const QString &key : {u"blocks"_s, u"content"_s, u"metadata_json"_s, u"custom_meta"_s}) {
                summary.remove(key);
            }
            results.append(summary);
        }
        return {{u"results"_s, results}, {u"has_more"_s, offset + limit < m_notes.size()}};
    }

    QJsonObject noteAt(const QString &path) const
    {
        for (const QJsonValue note : m_notes) {
            if (path == u"/api/v1/notes/%1/"_s.arg(note.toObject().value(u"id"_s).toInteger())) {
                return note.toObject();
            }
        }
        return {};
    }

    QHttpServer m_server;
    QJsonArray m_notes;
    quint16 m_port = 0;
};

} // namespace

class TestImportWebShapes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QJsonObject import(WebBackend &backend)
    {
        QProcess process;
        process.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
            {u"--data"_s, m_dir.filePath(u"home"_s), u"import"_s, u"--api-base"_s, backend.apiBase(), u"--token"_s,
                QString::fromLatin1(kKey)});
        QSignalSpy finished(&process, &QProcess::finished);
        if (!finished.wait(120'000)) {
            process.kill();
            process.waitForFinished();
        }
        const QString err = QString::fromUtf8(process.readAllStandardError());
        if (process.exitCode() != 0) {
            qWarning().noquote() << err;
        }
        return QJsonDocument::fromJson(process.readAllStandardOutput().trimmed()).object();
    }

private Q_SLOTS:
    void theWebBackendsAnswersComeHomeAndARerunFetchesNoNote()
    {
        WebBackend backend;
        QVERIFY(backend.listen());
        const QJsonObject first = import(backend);
        QVERIFY2(first.value(u"changed"_s).toBool(), QJsonDocument(first).toJson().constData());
        QCOMPARE(first.value(u"failed"_s).toInt(), 0);
        const QJsonObject parts = first;
        QCOMPARE(parts.value(u"notes"_s).toObject().value(u"created"_s).toInt(), 3);
        QCOMPARE(parts.value(u"courses"_s).toObject().value(u"created"_s).toInt(), 2);

        {
            SystemClock clock;
            auto store = Store::open(QDir(m_dir.filePath(u"home"_s)).filePath(u"notechondria.sqlite"_s), &clock);
            QVERIFY(store);
            const auto profile = (*store)->profile();
            QCOMPARE(profile->username, u"ada"_s);
            QCOMPARE(profile->email, u"ada@example.org"_s);
            QCOMPARE(profile->motto, u"Notes first."_s);
            const auto courses = (*store)->courses();
            QCOMPARE(courses->size(), 2);
            const auto photosynthesis
                = (*store)->noteByUuid(QUuid::fromString(u"0b7e2c8a-3f4d-4e5a-9b6c-7d8e9fa0b1c2"_s));
            QVERIFY(photosynthesis && *photosynthesis);
            const Note &note = **photosynthesis;
            QCOMPARE(note.title, u"Photosynthesis"_s);
            QVERIFY(note.content.contains(u"- chlorophyll"_s));
            QVERIFY(note.isPublic);
            QVERIFY(note.courseId.has_value());
            const auto course = (*store)->course(*note.courseId);
            QCOMPARE((*course)->slug, u"biology"_s);
            QVERIFY2(note.customMeta.contains(u"difficulty"_s), qPrintable(note.customMeta));
            QCOMPARE(note.lastEdit.toUTC(), QDateTime(QDate(2026, 11, 21), QTime(9, 30, 0, 123), QTimeZone::UTC));
            const auto engine = (*store)->noteByUuid(QUuid::fromString(u"1c8f3d9b-4a5e-4f6b-8c7d-8e9fa0b1c2d3"_s));
            QVERIFY((*engine)->content.contains(u"Größe, 中文"_s));
            const auto loose = (*store)->noteByUuid(QUuid::fromString(u"2d9a4e0c-5b6f-4a7c-9d8e-9fa0b1c2d3e4"_s));
            QVERIFY(!(*loose)->courseId.has_value());
            const auto events = (*store)->events();
            QCOMPARE(events->size(), 1);
            QCOMPARE(events->first().eventDate, QDate(2026, 12, 18));
            QVERIFY(events->first().courseId.has_value());
            const auto feeds = (*store)->feeds();
            QCOMPARE(feeds->size(), 1);
            QCOMPARE(feeds->first().sourceUrl, u"https://calendar.example.org/lectures.ics"_s);
        }

        backend.requests.clear();
        const QJsonObject again = import(backend);
        QVERIFY2(!again.value(u"changed"_s).toBool(), QJsonDocument(again).toJson().constData());
        for (const QString &request : std::as_const(backend.requests)) {
            QVERIFY2(!request.contains(u"/notes/10"_s), qPrintable(request)); // no note fetched again
        }
    }
};

QTEST_GUILESS_MAIN(TestImportWebShapes)
#include "test_importwebshapes.moc"
