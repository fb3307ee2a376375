// SPDX-License-Identifier: GPL-3.0-or-later
// The file routes of the local server over real HTTP on loopback against the real LocalServer and a real Store:
// attachments (list, upload with a URL, delete, by note id and by uuid), covers, the settings avatar, and the files
// served under /media/ (plain GETs without a key; traversal, guessed tokens and listings answer 404).
#include "fakeclock.h"
#include "localserverfixture.h"

#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

/// The first bytes of a PNG file (what a file type check looks at) and some more.
const QByteArray pngBytes = QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + QByteArray(64, 'p');
const QByteArray otherPng = QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + QByteArray(80, 'q');

QByteArray headerOf(const Test::ServerAnswer &answer, const QByteArray &name)
{
    for (const auto &[key, value] : answer.headers) {
        if (key.toLower() == name.toLower()) {
            return value;
        }
    }
    return {};
}

} // namespace

class TestFileRoutes : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<Test::LocalServerFixture> m_fx;

    [[nodiscard]] QString origin() const { return u"http://127.0.0.1:%1"_s.arg(m_fx->server->port()); }

    /// A multipart request with one file part, sent as the apps send it (application/octet-stream by default).
    Test::ServerAnswer upload(const QString &path, const QString &field, const QString &fileName,
        const QByteArray &bytes, const QByteArray &type = "application/octet-stream", const QByteArray &method = "POST")
    {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentTypeHeader, type);
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
            QString(u"form-data; name=\""_s + field + u"\"; filename=\""_s + fileName + u"\""_s));
        part.setBody(bytes);
        multi->append(part);
        QNetworkRequest request(QUrl(m_fx->server->baseUrl().toString() + path));
        request.setRawHeader("Authorization", "Bearer " + m_fx->server->apiKey().toLatin1());
        QNetworkReply *reply = m_fx->nam.sendCustomRequest(request, method, multi);
        multi->setParent(reply);
        return Test::LocalServerFixture::wait(reply);
    }

    /// A plain GET of @p url, no key sent (as an image tag loads it).
    Test::ServerAnswer fetch(const QString &url)
    {
        QNetworkRequest request{QUrl(url)};
        return Test::LocalServerFixture::wait(m_fx->nam.get(request));
    }

    /// The raw answer to `GET <target>` on a fresh connection (no client-side path clean-up).
    QByteArray rawGet(const QByteArray &target, const QByteArray &method = "GET")
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_fx->server->port());
        if (!socket.waitForConnected(3000)) {
            return {};
        }
        socket.write(method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_fx->server->port())
            + "\r\nConnection: close\r\n\r\n");
        QByteArray received;
        std::ignore = QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState || received.contains("\r\n\r\n");
            },
            5000);
        std::ignore = QTest::qWaitFor([&] { return !socket.waitForReadyRead(100); }, 1000);
        received += socket.readAll();
        return received;
    }

    static int statusOf(const QByteArray &raw) { return raw.startsWith("HTTP/1.1 ") ? raw.mid(9, 3).toInt() : 0; }

    qint64 createNote(const QString &title)
    {
        const auto created = m_fx->callJson("POST", u"/notes/"_s, {{u"title"_s, title}});
        return created.status == 201 ? created.object()[u"id"_s].toInteger() : -1;
    }

    /// The media path of @p url ("/media/<token>/<name>"), checked to be on this server with a 64-hex-digit token.
    [[nodiscard]] QString mediaPathOf(const QString &url) const
    {
        static const QRegularExpression shape(u"^/media/[0-9a-f]{64}/[A-Za-z0-9._-]+$"_s);
        if (!url.startsWith(origin() + u"/media/"_s)) {
            return {};
        }
        const QString path = url.mid(origin().size());
        return shape.match(path).hasMatch() ? path : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<FakeClock>(QDateTime(QDate(2026, 11, 30), QTime(9, 0), QTimeZone::UTC));
        m_fx = std::make_unique<Test::LocalServerFixture>();
        auto options = Test::LocalServerFixture::offline(m_clock.get());
        options.push = false;
        QVERIFY2(m_fx->setUp(options), qPrintable(m_fx->problem));
    }

    void cleanup() { m_fx.reset(); }

    void anAttachmentUploadAnswersAUrlThatLoadsTheSameBytes()
    {
        const qint64 id = createNote(u"Files"_s);
        const auto answer = upload(u"/notes/%1/attachments/"_s.arg(id), u"file"_s, u"diagram.png"_s, pngBytes);
        QCOMPARE(answer.status, 201);
        const QJsonObject attachment = answer.object();
        QCOMPARE(attachment[u"note_id"_s].toInteger(), id);
        QCOMPARE(attachment[u"original_filename"_s].toString(), u"diagram.png"_s);
        QCOMPARE(attachment[u"file_size"_s].toInteger(), pngBytes.size());
        QCOMPARE(attachment[u"content_type"_s].toString(), u"image/png"_s); // sent as octet-stream, seen as PNG
        QCOMPARE(attachment[u"date_created"_s].toString(), u"2026-11-30T09:00:00.000000+00:00"_s);
        const QString url = attachment[u"url"_s].toString();
        QVERIFY2(!mediaPathOf(url).isEmpty(), qPrintable(url));

        const auto loaded = fetch(url);
        QCOMPARE(loaded.status, 200);
        QCOMPARE(loaded.body, pngBytes);
        QCOMPARE(headerOf(loaded, "Content-Type"), QByteArray("image/png"));
        QCOMPARE(headerOf(loaded, "X-Content-Type-Options"), QByteArray("nosniff"));
        QVERIFY(headerOf(loaded, "Content-Security-Policy").startsWith("sandbox"));

        const auto text
            = upload(u"/notes/%1/attachments/"_s.arg(id), u"file"_s, u"read me.txt"_s, "hello", "text/plain");
        QCOMPARE(text.status, 201);
        const auto textLoaded = fetch(text.object()[u"url"_s].toString());
        QCOMPARE(textLoaded.body, QByteArray("hello"));
        QCOMPARE(headerOf(textLoaded, "Content-Type"), QByteArray("text/plain"));
        QVERIFY(text.object()[u"url"_s].toString().endsWith(u"/read_me.txt"_s));

        const auto page = upload(u"/notes/%1/attachments/"_s.arg(id), u"file"_s, u"x.html"_s, "<script>", "text/html");
        const auto pageLoaded = fetch(page.object()[u"url"_s].toString());
        QCOMPARE(headerOf(pageLoaded, "Content-Type"), QByteArray("text/html"));
        QVERIFY(headerOf(pageLoaded, "Content-Disposition").startsWith("attachment"));
    }

    void attachmentsAreListedAndADeletedOneNoLongerLoads()
    {
        const qint64 id = createNote(u"Files"_s);
        const auto first = upload(u"/notes/%1/attachments/"_s.arg(id), u"file"_s, u"a.png"_s, pngBytes);
        const auto second = upload(u"/notes/%1/attachments/"_s.arg(id), u"file"_s, u"b.txt"_s, "bee", "text/plain");
        QCOMPARE(second.status, 201);
        auto listed = m_fx->call("GET", u"/notes/%1/attachments/"_s.arg(id));
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.array().size(), 2);
        QCOMPARE(listed.array()[0].toObject(), first.object());
        QCOMPARE(listed.array()[1].toObject()[u"original_filename"_s].toString(), u"b.txt"_s);

        const qint64 firstId = first.object()[u"id"_s].toInteger();
        QCOMPARE(m_fx->call("DELETE", u"/notes/%1/attachments/%2/"_s.arg(id).arg(firstId)).status, 204);
        QCOMPARE(fetch(first.object()[u"url"_s].toString()).status, 404);
        QCOMPARE(fetch(second.object()[u"url"_s].toString()).status, 200);
        listed = m_fx->call("GET", u"/notes/%1/attachments/"_s.arg(id));
        QCOMPARE(listed.array().size(), 1);
        QCOMPARE(m_fx->call("DELETE", u"/notes/%1/attachments/%2/"_s.arg(id).arg(firstId)).status, 404);
        const qint64 secondId = second.object()[u"id"_s].toInteger();
        QCOMPARE(m_fx->call("DELETE", u"/notes/%1/attachments/%2/"_s.arg(id).arg(secondId)).status, 204);
        QCOMPARE(m_fx->call("GET", u"/notes/%1/attachments/"_s.arg(id)).array().size(), 0);
        QCOMPARE(m_fx->call("GET", u"/notes/4242/attachments/"_s).status, 404);

        // Another note's attachment is not this note's to delete.
        const qint64 other = createNote(u"Other"_s);
        const auto foreign = upload(u"/notes/%1/attachments/"_s.arg(other), u"file"_s, u"c.png"_s, pngBytes);
        const qint64 foreignId = foreign.object()[u"id"_s].toInteger();
        QCOMPARE(m_fx->call("DELETE", u"/notes/%1/attachments/%2/"_s.arg(id).arg(foreignId)).status, 404);
        QCOMPARE(fetch(foreign.object()[u"url"_s].toString()).status, 200);
    }

    void theUuidRoutesTakeTheUuidWithOrWithoutDashes()
    {
        const qint64 id = createNote(u"By uuid"_s);
        const QString uuid = m_fx->call("GET", u"/notes/%1/"_s.arg(id)).object()[u"uuid"_s].toString();
        const QString bare = uuid.toUpper().remove(u'-');
        const auto made = upload(u"/notes/uuid/%1/attachments/"_s.arg(uuid), u"file"_s, u"u.png"_s, pngBytes);
        QCOMPARE(made.status, 201);
        QCOMPARE(made.object()[u"note_id"_s].toInteger(), id);
        QCOMPARE(fetch(made.object()[u"url"_s].toString()).body, pngBytes);
        const auto viaBare
            = upload(u"/notes/uuid/%1/attachments/"_s.arg(bare), u"file"_s, u"v.txt"_s, "v", "text/plain");
        QCOMPARE(viaBare.status, 201);
        QCOMPARE(m_fx->call("GET", u"/notes/uuid/%1/attachments/"_s.arg(bare)).array().size(), 2);
        QCOMPARE(m_fx->call("GET", u"/notes/uuid/%1/attachments/"_s.arg(uuid)).array().size(), 2);
        const qint64 aid = made.object()[u"id"_s].toInteger();
        QCOMPARE(m_fx->call("DELETE", u"/notes/uuid/%1/attachments/%2/"_s.arg(bare).arg(aid)).status, 204);
        QCOMPARE(fetch(made.object()[u"url"_s].toString()).status, 404);
        const qint64 vid = viaBare.object()[u"id"_s].toInteger();
        QCOMPARE(m_fx->call("DELETE", u"/notes/uuid/%1/attachments/%2/"_s.arg(uuid).arg(vid)).status, 204);
        QCOMPARE(m_fx->call("GET", u"/notes/%1/attachments/"_s.arg(id)).array().size(), 0);
        const QString unknown = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QCOMPARE(m_fx->call("GET", u"/notes/uuid/%1/attachments/"_s.arg(unknown)).status, 404);
    }

    void aCoverLoadsFromItsUrlAndDeletingItClearsIt()
    {
        const qint64 id = createNote(u"Covered"_s);
        const auto set = upload(u"/notes/%1/cover/"_s.arg(id), u"cover"_s, u"cover.png"_s, pngBytes);
        QCOMPARE(set.status, 200);
        const QString url = set.object()[u"cover_image_url"_s].toString();
        QVERIFY2(!mediaPathOf(url).isEmpty(), qPrintable(url));
        QCOMPARE(set.object()[u"id"_s].toInteger(), id);
        const auto loaded = fetch(url);
        QCOMPARE(loaded.body, pngBytes);
        QCOMPARE(headerOf(loaded, "Content-Type"), QByteArray("image/png"));
        QCOMPARE(m_fx->call("GET", u"/notes/%1/"_s.arg(id)).object()[u"cover_image_url"_s].toString(), url);

        const auto replaced = upload(u"/notes/%1/cover/"_s.arg(id), u"cover"_s, u"new.png"_s, otherPng);
        const QString newUrl = replaced.object()[u"cover_image_url"_s].toString();
        QVERIFY(newUrl != url);
        QCOMPARE(fetch(url).status, 404);
        QCOMPARE(fetch(newUrl).body, otherPng);

        const auto cleared = m_fx->call("DELETE", u"/notes/%1/cover/"_s.arg(id));
        QCOMPARE(cleared.status, 200);
        QCOMPARE(cleared.object()[u"cover_image_url"_s].toString(), QString());
        QCOMPARE(fetch(newUrl).status, 404);
        QVERIFY(m_fx->store->note(id).value()->cover.isEmpty());
        QCOMPARE(m_fx->call("DELETE", u"/notes/%1/cover/"_s.arg(id)).status, 200);
        QCOMPARE(m_fx->call("DELETE", u"/notes/4242/cover/"_s).status, 404);
        const auto notImage = upload(u"/notes/%1/cover/"_s.arg(id), u"cover"_s, u"c.txt"_s, "plain words");
        QCOMPARE(notImage.status, 400);
    }

    void theAvatarUrlLoadsAndChangesWithTheAvatar()
    {
        const auto first
            = upload(u"/settings/"_s, u"avatar"_s, u"me.png"_s, pngBytes, "application/octet-stream", "PATCH");
        QCOMPARE(first.status, 200);
        const QString url = first.object()[u"image_url"_s].toString();
        QVERIFY2(!mediaPathOf(url).isEmpty(), qPrintable(url));
        QCOMPARE(first.object()[u"avatar_url"_s].toString(), url);
        QCOMPARE(fetch(url).body, pngBytes);
        QCOMPARE(m_fx->call("GET", u"/settings/"_s).object()[u"image_url"_s].toString(), url);

        const auto second = upload(u"/settings/"_s, u"avatar"_s, u"me.png"_s, otherPng, "image/png", "PATCH");
        const QString newUrl = second.object()[u"image_url"_s].toString();
        QVERIFY(!newUrl.isEmpty() && newUrl != url);
        QCOMPARE(fetch(url).status, 404);
        const auto loaded = fetch(newUrl);
        QCOMPARE(loaded.body, otherPng);
        QCOMPARE(headerOf(loaded, "Content-Type"), QByteArray("image/png"));
    }

    void mediaAnswers404ToTraversalGuessesAndListings()
    {
        const qint64 id = createNote(u"Files"_s);
        const QString url = upload(u"/notes/%1/attachments/"_s.arg(id), u"file"_s, u"a.png"_s, pngBytes)
                                .object()[u"url"_s]
                                .toString();
        const QByteArray path = mediaPathOf(url).toLatin1();
        QVERIFY(!path.isEmpty());
        QCOMPARE(statusOf(rawGet(path)), 200);
        const QByteArray token = path.split('/').value(2);
        const QByteArray guessed = QByteArray(64, 'a');
        const QList<QByteArray> targets{QByteArray("/media/"), QByteArray("/media"), "/media/" + token,
            "/media/" + token + "/", "/media/" + token + "/other.png", "/media/" + token.toUpper() + "/a.png",
            "/media/" + guessed + "/a.png", "/media/" + token.left(63) + "/a.png",
            QByteArray("/media/../api/v1/settings/"), QByteArray("/media/%2e%2e/%2e%2e/etc/passwd"),
            "/media/" + token + "/..%2f..%2fa.png", "/media/" + token + "/%2e%2e", QByteArray("/media/%2e%2e/"),
            "/media/" + token + "/a.png/", "/media//" + token + "/a.png"};
        for (const QByteArray &target : targets) {
            const QByteArray answer = rawGet(target);
            QVERIFY2(statusOf(answer) == 404 || statusOf(answer) == 400, target.constData());
            QVERIFY2(!answer.contains(pngBytes), target.constData());
        }
        QCOMPARE(statusOf(rawGet(path, "DELETE")), 405);
        QCOMPARE(statusOf(rawGet(path, "HEAD")), 200);
        QCOMPARE(fetch(origin() + u"/media/"_s).status, 404);
        // A foreign Host is refused before the file is looked at, and the log never shows the token.
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler(
            [](QtMsgType, const QMessageLogContext &, const QString &message) { logged.append(message); });
        const auto restore = qScopeGuard([previous] { qInstallMessageHandler(previous); });
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_fx->server->port());
        QVERIFY(socket.waitForConnected(3000));
        socket.write("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        QByteArray received;
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                return received.contains("\r\n\r\n");
            },
            5000));
        QCOMPARE(statusOf(received), 403);
        QVERIFY(!logged.isEmpty());
        QVERIFY(!logged.join(u'\n').contains(QString::fromLatin1(token)));
    }

    void aFileAnotherAttachmentStillUsesStays()
    {
        const qint64 id = createNote(u"A"_s);
        const qint64 other = createNote(u"B"_s);
        const auto kept = upload(u"/notes/%1/attachments/"_s.arg(id), u"file"_s, u"a.png"_s, pngBytes);
        const auto sharing = upload(u"/notes/%1/attachments/"_s.arg(other), u"file"_s, u"b.png"_s, otherPng);
        QCOMPARE(sharing.status, 201);
        // Make B's attachment name A's file, as a store that shares identical files would.
        const QString name = u"raw-"_s + QUuid::createUuid().toString();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_fx->store->path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"UPDATE attachments SET file_id = (SELECT file_id FROM attachments WHERE id = %1) "
                           "WHERE id = %2"_s.arg(kept.object()[u"id"_s].toInteger())
                               .arg(sharing.object()[u"id"_s].toInteger())));
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        const qint64 keptId = kept.object()[u"id"_s].toInteger();
        QCOMPARE(m_fx->call("DELETE", u"/notes/%1/attachments/%2/"_s.arg(id).arg(keptId)).status, 204);
        const auto listed = m_fx->call("GET", u"/notes/%1/attachments/"_s.arg(other));
        QCOMPARE(listed.array().size(), 1);
        QCOMPARE(fetch(listed.array()[0].toObject()[u"url"_s].toString()).body, pngBytes);
        QCOMPARE(fetch(kept.object()[u"url"_s].toString()).body, pngBytes); // the same file, so the same URL
    }
};

QTEST_GUILESS_MAIN(TestFileRoutes)
#include "test_fileroutes.moc"
