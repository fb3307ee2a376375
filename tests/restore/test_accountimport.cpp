// SPDX-License-Identifier: GPL-3.0-or-later
// `notechondria-sync import` run as a user would (the built binary through QProcess) against a second, real local
// server on loopback filled with demo data: the account comes home with the same note files, a rerun imports nothing
// and fetches no note, an edit on the server comes in alone, and a dry run writes nothing. With --include-assets the
// avatar, covers and attachments come home byte for byte, a rerun downloads and writes none, a broken URL is a problem.
#include "demodata.h"
#include "exporter.h"
#include "localserverfixture.h"

#include <QDir>
#include <QHttpMultiPart>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

struct Run
{
    int exitCode = -1;
    QJsonObject summary; ///< the last stdout line
    QString err;
};

/// The export's files below notes/ and courses/, by path.
QHash<QString, QByteArray> noteAndCourseFiles(const Store &store, const Clock &clock)
{
    auto snapshot = store.snapshot(false);
    ExportOptions options;
    options.now = clock.now();
    QHash<QString, QByteArray> files;
    for (const ExportFile &file : materialize(snapshot.value(), options).files) {
        if (file.path.startsWith(u"notes/"_s) && file.path.endsWith(u".md"_s))
            files.insert(file.path, file.bytes);
        else if (file.path.startsWith(u"courses/"_s))
            files.insert(file.path, file.bytes);
    }
    return files;
}

} // namespace

class TestAccountImport : public QObject
{
    Q_OBJECT

    FakeClock m_clock{QDateTime(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::UTC)};
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalServerFixture> m_source;

    /// Runs the CLI on the target data folder while this event loop keeps serving the source server.
    Run run(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
            QStringList{u"--data"_s, m_dir->filePath(u"target"_s), u"import"_s, u"--api-base"_s,
                m_source->server->baseUrl().toString(), u"--token"_s, m_source->server->apiKey()}
                + arguments);
        QSignalSpy finished(&process, &QProcess::finished);
        Run result;
        if (!finished.wait(120'000)) {
            process.kill();
            process.waitForFinished();
        }
        result.exitCode = process.exitCode();
        const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
        result.summary = QJsonDocument::fromJson(lines.join('\n')).object();
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    std::unique_ptr<Store> openTarget()
    {
        auto store = Store::open(QDir(m_dir->filePath(u"target"_s)).filePath(u"notechondria.sqlite"_s), &m_clock);
        return store ? std::move(*store) : nullptr;
    }

    static int count(const Run &r, const QString &part, const QString &what)
    {
        return r.summary.value(part).toObject().value(what).toInt(-1);
    }

    /// A multipart upload to the source, as the apps send it.
    ServerAnswer upload(const QString &path, const QString &field, const QString &fileName, const QByteArray &bytes,
        const QByteArray &method)
    {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart part;
        part.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("image/png"));
        part.setHeader(QNetworkRequest::ContentDispositionHeader,
            QString(u"form-data; name=\""_s + field + u"\"; filename=\""_s + fileName + u"\""_s));
        part.setBody(bytes);
        multi->append(part);
        QNetworkRequest request(QUrl(m_source->server->baseUrl().toString() + path));
        request.setRawHeader("Authorization", "Bearer " + m_source->server->apiKey().toLatin1());
        QNetworkReply *reply = m_source->nam.sendCustomRequest(request, method, multi);
        multi->setParent(reply);
        return LocalServerFixture::wait(reply);
    }

    /// Every note of @p notes holds in @p target the source's attachments: uuid, name, type and bytes.
    void compareAttachments(const Store &target, const QList<Note> &notes)
    {
        for (const Note &note : notes) {
            const Note source = *m_source->store->note(note.id).value();
            const Note home = *target.noteByUuid(note.uuid).value();
            QCOMPARE(home.attachments.size(), source.attachments.size());
            for (qsizetype i = 0; i < source.attachments.size(); ++i) {
                QCOMPARE(home.attachments[i].uuid, source.attachments[i].uuid);
                QCOMPARE(home.attachments[i].originalFilename, source.attachments[i].originalFilename);
                QCOMPARE(home.attachments[i].file.bytes, source.attachments[i].file.bytes);
                QCOMPARE(home.attachments[i].file.contentType, source.attachments[i].file.contentType);
            }
        }
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_source = std::make_unique<LocalServerFixture>();
        QVERIFY2(m_source->setUp(LocalServerFixture::offline(&m_clock, m_dir->filePath(u"source.sqlite"_s))),
            qPrintable(m_source->problem));
        DemoOptions demo;
        demo.notes = 40;
        demo.seed = 11;
        if (qstrcmp(QTest::currentTestFunction(), "assetsComeHomeAndARerunBringsNone") == 0)
            demo.attachments = 4;
        QVERIFY(generateDemoData(*m_source->store, demo, m_clock));
    }

    void cleanup()
    {
        m_source.reset();
        m_dir.reset();
    }

    void theAccountComesHomeAndARerunImportsNothing()
    {
        const Run first = run({});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        auto liveNotes = m_source->store->notes({});
        QVERIFY(liveNotes);
        QCOMPARE(count(first, u"notes"_s, u"created"_s), liveNotes->size());
        QCOMPARE(count(first, u"notes"_s, u"failed"_s), 0);
        QVERIFY(first.summary.value(u"changed"_s).toBool());

        {
            auto target = openTarget();
            QVERIFY(target);
            // Every note's Markdown (frontmatter: title, uuid, course slug, times, custom meta; the content) and every
            // course file but its local id is the source's.
            const QHash<QString, QByteArray> source = noteAndCourseFiles(*m_source->store, m_clock);
            const QHash<QString, QByteArray> home = noteAndCourseFiles(*target, m_clock);
            QCOMPARE(home.keys().size(), source.keys().size());
            for (auto it = source.cbegin(); it != source.cend(); ++it) {
                QVERIFY2(home.contains(it.key()), qPrintable(it.key()));
                if (it.key().endsWith(u".md"_s))
                    QCOMPARE(home.value(it.key()), it.value());
            }
            QCOMPARE(target->events()->size(), m_source->store->events()->size());
            QCOMPARE(target->feeds()->size(), m_source->store->feeds()->size());
            QCOMPARE(target->profile()->username, m_source->store->profile()->username);
        }

        const Run again = run({});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(!again.summary.value(u"changed"_s).toBool(), QJsonDocument(again.summary).toJson().constData());
        QCOMPARE(count(again, u"notes"_s, u"unchanged"_s), liveNotes->size());
        // The lists only: settings, courses, one page of notes, the bin, events, feeds. No note is fetched again.
        QCOMPARE(again.summary.value(u"requests"_s).toInt(), 6);
    }

    void anEditOnTheServerComesInAlone()
    {
        QVERIFY(run({}).exitCode == 0);
        auto notes = m_source->store->notes({});
        QVERIFY(notes && !notes->isEmpty());
        Note edited = *m_source->store->note(notes->first().id).value();
        edited.content += u"\n\nEdited on the web."_s;
        edited.lastEdit = m_clock.now().addSecs(60);
        QVERIFY(m_source->store->saveNote(edited));

        const Run dry = run({u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY(dry.summary.value(u"dry_run"_s).toBool());
        QCOMPARE(count(dry, u"notes"_s, u"updated"_s), 1);
        {
            auto target = openTarget();
            QVERIFY(target);
            QVERIFY(!target->noteByUuid(edited.uuid).value()->content.endsWith(u"Edited on the web."_s));
        }

        const Run real = run({});
        QVERIFY2(real.exitCode == 0, qPrintable(real.err));
        QCOMPARE(count(real, u"notes"_s, u"updated"_s), 1);
        QCOMPARE(count(real, u"notes"_s, u"unchanged"_s), notes->size() - 1);
        auto target = openTarget();
        QVERIFY(target);
        QCOMPARE(target->noteByUuid(edited.uuid).value()->content, edited.content);
    }

    void assetsComeHomeAndARerunBringsNone()
    {
        const QByteArray avatarBytes = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(300, 'a');
        const QByteArray coverBytes = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(500, 'c');
        QCOMPARE(upload(u"/settings/"_s, u"avatar"_s, u"me.png"_s, avatarBytes, "PATCH").status, 200);
        auto notes = m_source->store->notes({});
        QVERIFY(notes && notes->size() > 2);
        const Note covered = notes->at(0);
        QCOMPARE(
            upload(u"/notes/%1/cover/"_s.arg(covered.id), u"cover"_s, u"cover.png"_s, coverBytes, "POST").status, 200);
        // A note whose cover URL leads nowhere: a problem, and the rest comes home.
        Note broken = *m_source->store->note(notes->at(1).id).value();
        broken.coverImageUrl
            = m_source->server->baseUrl().resolved(QUrl(u"/media/"_s + QString(64, u'0') + u"/gone.png"_s)).toString();
        QVERIFY(m_source->store->saveNote(broken));
        int attachments = 0;
        for (const Note &note : *notes)
            attachments += int(m_source->store->note(note.id).value()->attachments.size());
        QCOMPARE(attachments, 4);
        const int assets = 2 + attachments; // the avatar, one cover, the attachments (the broken cover fails)

        const Run dry = run({u"--include-assets"_s, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QCOMPARE(count(dry, u"assets"_s, u"created"_s), assets + 1); // nothing downloaded: the broken cover too
        QVERIFY(openTarget()->profile()->avatar.isEmpty());

        const Run first = run({u"--include-assets"_s});
        QCOMPARE(first.exitCode, 1);
        QCOMPARE(count(first, u"assets"_s, u"created"_s), assets);
        QCOMPARE(count(first, u"assets"_s, u"failed"_s), 1);
        QCOMPARE(count(first, u"notes"_s, u"failed"_s), 0);
        const QJsonArray problems = first.summary.value(u"problems"_s).toArray();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().toString().contains(u"the cover of note \"%1\""_s.arg(broken.title)),
            qPrintable(problems.first().toString()));
        QVERIFY(problems.first().toString().contains(u"404"_s));
        QVERIFY(!first.err.contains(QString(64, u'0'))); // a media URL's token is never printed
        {
            auto target = openTarget();
            QVERIFY(target);
            QCOMPARE(target->profile()->avatar.bytes, avatarBytes);
            QCOMPARE(target->noteByUuid(covered.uuid).value()->cover.bytes, coverBytes);
            QCOMPARE(target->noteByUuid(covered.uuid).value()->cover.fileName, u"cover.png"_s);
            compareAttachments(*target, *notes);
            if (QTest::currentTestFailed())
                return;
        }

        const qint64 revision = openTarget()->dataRevision().value();
        const Run again = run({u"--include-assets"_s});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(!again.summary.value(u"changed"_s).toBool(), QJsonDocument(again.summary).toJson().constData());
        QCOMPARE(count(again, u"assets"_s, u"created"_s), 0);
        QCOMPARE(count(again, u"assets"_s, u"updated"_s), 0);
        QCOMPARE(count(again, u"assets"_s, u"unchanged"_s), assets);
        QCOMPARE(count(again, u"assets"_s, u"failed"_s), 1);
        // The six lists, one attachment list per note and the broken cover's try: nothing else is downloaded.
        QCOMPARE(again.summary.value(u"requests"_s).toInt(), 6 + int(notes->size()) + 1);
        QCOMPARE(openTarget()->dataRevision().value(), revision);
    }

    void aWrongKeyStopsWithAClearError()
    {
        QProcess process;
        process.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY),
            {u"--data"_s, m_dir->filePath(u"target"_s), u"import"_s, u"--api-base"_s,
                m_source->server->baseUrl().toString(), u"--token"_s, u"ntc_0000000000000000000000000000wrong"_s});
        QSignalSpy finished(&process, &QProcess::finished);
        QVERIFY(finished.wait(60'000));
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(u"Import stopped (what was imported is kept): "_s), qPrintable(err));
        QVERIFY(!err.contains(u"wrong"_s)); // the key is never printed
    }
};

QTEST_GUILESS_MAIN(TestAccountImport)
#include "test_accountimport.moc"
