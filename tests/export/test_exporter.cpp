// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

const QDateTime firstRun(QDate(2026, 7, 20), QTime(12, 0, 0), QTimeZone::UTC);
const QDateTime secondRun(QDate(2026, 7, 21), QTime(9, 30, 0, 250), QTimeZone::UTC);
const QUuid liveUuid(u"11111111-2222-4333-8444-555555555555"_s);
const QString liveHex = u"11111111222243338444555555555555"_s;

// Built at run time so no token-shaped literal sits in the source.
QByteArray fakeGitHubToken()
{
    return "ghp" + QByteArray(1, '_') + QByteArray(36, 'A');
}

QByteArray fakeApiKey()
{
    return "ntc" + QByteArray(1, '_') + QByteArray(32, 'f');
}

QByteArray fakePem()
{
    return "-----BEGIN " + QByteArray("RSA PRIVATE") + " KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n";
}

AccountSnapshot sampleAccount()
{
    AccountSnapshot account;
    account.profile.username = u"gh-sync"_s;
    account.profile.displayName = u"G. H. Sync"_s;
    account.profile.appSettingsJson = u"{\"theme\": \"dark\", \"zoom\": 1.5}"_s;
    account.profile.lastLogin = firstRun;
    account.profile.mcpSkillMd = u"# Skill\n"_s;
    account.profile.avatar = {u"me.PNG"_s, u"image/png"_s, QByteArray(100, 'a')};

    Course inbox;
    inbox.id = 1;
    inbox.slug = u"inbox"_s;
    inbox.title = u"Inbox"_s;
    account.courses = {inbox};

    Note live;
    live.id = 10;
    live.uuid = liveUuid;
    live.sharingId = QUuid(u"99999999-2222-4333-8444-555555555555"_s);
    live.title = u"Live note"_s;
    live.description = u"kept"_s;
    live.content = u"Hello"_s;
    live.customMeta = u"{\"tag\": \"demo\"}"_s;
    live.courseId = 1;
    live.lastEdit = firstRun;
    live.dateCreated = firstRun;
    live.cover = {u"cover.JPG"_s, u"image/jpeg"_s, QByteArray(1024, 'c')};
    Attachment attachment;
    attachment.id = 5;
    attachment.uuid = QUuid(u"aaaaaaaa-2222-4333-8444-555555555555"_s);
    attachment.originalFilename = u"Report.PDF"_s;
    attachment.file = {u"stored_name"_s, u"application/pdf"_s, QByteArray(10, 'p')};
    live.attachments = {attachment};

    Note deleted;
    deleted.id = 11;
    deleted.uuid = QUuid(u"00000000-2222-4333-8444-555555555555"_s);
    deleted.title = u"Gone"_s;
    deleted.deletedAt = firstRun;
    account.notes = {deleted, live};

    PlannerEvent event;
    event.id = 3;
    event.title = u"Exam"_s;
    event.eventDate = QDate(2026, 8, 1);
    event.courseId = 1;
    event.recurrenceFreq = u"W"_s;
    event.recurrenceCount = 4;
    account.events = {event};

    CalendarFeed feed;
    feed.id = 4;
    feed.title = u"Uni"_s;
    feed.rawIcal = u"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"_s;
    account.feeds = {feed};
    return account;
}

ExportOptions optionsAt(const QDateTime &now, const QByteArray &previousManifest = {})
{
    ExportOptions options;
    options.now = now;
    options.previousManifest = previousManifest;
    return options;
}

QStringList pathsOf(const ExportTree &tree)
{
    QStringList paths;
    for (const ExportFile &file : tree.files)
        paths.append(file.path);
    return paths;
}

QJsonObject jsonOf(const ExportTree &tree, const QString &path)
{
    const ExportFile *file = tree.find(path);
    return file ? QJsonDocument::fromJson(file->bytes).object() : QJsonObject();
}

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void producesTheUpstreamPathsPlusRecycleBin()
    {
        const ExportTree tree = materialize(sampleAccount(), optionsAt(firstRun));
        const QStringList expected = {u"README.md"_s, u"checksums/all.sha256"_s, u"courses/inbox.json"_s,
            u"manifest.json"_s, u"notes/%1.md"_s.arg(liveHex), u"notes/%1.meta.json"_s.arg(liveHex),
            u"planner/events.json"_s, u"planner/feeds.json"_s, u"profile/creator.json"_s, u"profile/settings.json"_s,
            u"profile/skill.md"_s, u"recycle_bin.json"_s};
        QCOMPARE(pathsOf(tree), expected);
        QVERIFY(tree.find(u"notes/%1.md"_s.arg(liveHex))->bytes.contains("\ntag: \"demo\"\n"));
        QVERIFY(tree.rejected.isEmpty());
        QVERIFY(tree.withheld.isEmpty());
    }

    void writesRecycleBinAndLiveNotesOnly()
    {
        const ExportTree tree = materialize(sampleAccount(), optionsAt(firstRun));
        QVERIFY(!tree.find(u"notes/00000000222243338444555555555555.md"_s));
        QCOMPARE(tree.find(u"recycle_bin.json"_s)->bytes,
            QByteArray("{\n  \"notes\": [\n    {\n      \"deleted_at\": \"2026-07-20T12:00:00+00:00\",\n"
                       "      \"title\": \"Gone\",\n      \"uuid\": \"00000000-2222-4333-8444-555555555555\"\n"
                       "    }\n  ],\n  \"schema_version\": 2\n}\n"));
    }

    void exportsUpstreamKeysPlusTheFieldsUpstreamLost()
    {
        const ExportTree tree = materialize(sampleAccount(), optionsAt(firstRun));
        const QJsonObject creator = jsonOf(tree, u"profile/creator.json"_s);
        QCOMPARE(creator.value(u"schema_version"_s).toInt(), 2);
        QCOMPARE(creator.value(u"display_name"_s).toString(), u"G. H. Sync"_s);
        QVERIFY(creator.value(u"last_seen_versions"_s).isObject());
        QVERIFY(!creator.contains(u"last_login"_s));
        const QJsonObject settings = jsonOf(tree, u"profile/settings.json"_s);
        QVERIFY(!settings.contains(u"schema_version"_s));
        QCOMPARE(settings.value(u"app_settings"_s).toObject().value(u"theme"_s).toString(), u"dark"_s);
        QVERIFY(settings.value(u"app_settings_updated_at"_s).isNull());
        const QJsonObject meta = jsonOf(tree, u"notes/%1.meta.json"_s.arg(liveHex));
        QCOMPARE(meta.value(u"uuid"_s).toString(), liveUuid.toString(QUuid::WithoutBraces));
        QCOMPARE(meta.value(u"description"_s).toString(), u"kept"_s);
        QCOMPARE(meta.value(u"custom_meta"_s).toString(), u"{\"tag\": \"demo\"}"_s);
        QVERIFY(meta.value(u"client_draft_id"_s).isNull());
        const QJsonObject event = jsonOf(tree, u"planner/events.json"_s).value(u"events"_s).toArray().at(0).toObject();
        QCOMPARE(event.value(u"course_id"_s).toInteger(), 1);
        QCOMPARE(event.value(u"course_slug"_s).toString(), u"inbox"_s);
        QCOMPARE(event.value(u"event_date"_s).toString(), u"2026-08-01"_s);
        QCOMPARE(event.value(u"recurrence_freq"_s).toString(), u"W"_s);
        QCOMPARE(event.value(u"recurrence_count"_s).toInt(), 4);
        QVERIFY(event.value(u"recurrence_end_date"_s).isNull());
        const QJsonObject feed = jsonOf(tree, u"planner/feeds.json"_s).value(u"feeds"_s).toArray().at(0).toObject();
        QCOMPARE(feed.value(u"raw_ical"_s).toString(), u"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"_s);
        QVERIFY(feed.value(u"course_slug"_s).isNull());
        QCOMPARE(tree.find(u"profile/skill.md"_s)->bytes, QByteArray("# Skill\n"));
    }

    void keepsUndecodableAppSettingsAsInvalidJson()
    {
        AccountSnapshot account = sampleAccount();
        account.profile.appSettingsJson = u"{broken"_s;
        const ExportTree tree = materialize(account, optionsAt(firstRun));
        QCOMPARE(jsonOf(tree, u"profile/settings.json"_s).value(u"app_settings"_s).toObject(),
            QJsonObject({{u"_invalid_json"_s, u"{broken"_s}}));
    }

    void manifestIsSmallAndTheChecksumsListEveryFileWithItsSha256()
    {
        const ExportTree tree = materialize(sampleAccount(), optionsAt(firstRun));
        const QJsonObject manifest = jsonOf(tree, u"manifest.json"_s);
        QCOMPARE(manifest.value(u"schema_version"_s).toInt(), 3);
        QCOMPARE(manifest.value(u"creator_username"_s).toString(), u"gh-sync"_s);
        QCOMPARE(manifest.value(u"exported_at"_s).toString(), u"2026-07-20T12:00:00+00:00"_s);
        QCOMPARE(manifest.value(u"include_assets"_s), QJsonValue(false));
        QVERIFY(!manifest.contains(u"files"_s)); // schema 3: no entry per file in the one file every sync rewrites
        QVERIFY(!manifest.contains(u"sha256"_s));
        QVERIFY(!manifest.contains(u"skipped_assets"_s));
        QVERIFY(!manifest.contains(u"withheld"_s));

        QStringList expected;
        for (const QString &path : pathsOf(tree)) {
            if (path != u"manifest.json"_s && path != u"README.md"_s && !isChecksumPath(path))
                expected.append(path);
        }
        QMap<QString, QByteArray> listed;
        QByteArray checksumOfChecksums; // what `sha256sum checksums/*.sha256` prints, in path order
        for (const ExportFile &file : tree.files) {
            if (!isChecksumPath(file.path))
                continue;
            checksumOfChecksums += QCryptographicHash::hash(file.bytes, QCryptographicHash::Sha256).toHex() + "  "
                + file.path.toUtf8() + '\n';
            QVERIFY(file.bytes.endsWith('\n'));
            for (const QByteArray &line : file.bytes.chopped(1).split('\n')) {
                const QString path = QString::fromUtf8(line.sliced(66));
                QVERIFY2(!listed.contains(path), qPrintable(path)); // each file in exactly one checksum file
                listed.insert(path, line.first(64));
            }
        }
        QCOMPARE(QStringList(listed.keys()), [&] {
            QStringList sorted = expected;
            sorted.sort();
            return sorted;
        }());
        for (const QString &path : expected) {
            QCOMPARE(listed.value(path),
                QCryptographicHash::hash(tree.find(path)->bytes, QCryptographicHash::Sha256).toHex());
        }
        QCOMPARE(manifest.value(u"file_count"_s).toInt(), expected.size());
        QCOMPARE(manifest.value(u"checksums_sha256"_s).toString().toLatin1(),
            QCryptographicHash::hash(checksumOfChecksums, QCryptographicHash::Sha256).toHex());
    }

    void anEditRewritesOneSmallChecksumFileAtAnySize()
    {
        AccountSnapshot account = sampleAccount();
        for (int i = 0; i < 3000; ++i) {
            Note note = account.notes.at(1);
            note.id = 100 + i;
            note.uuid = QUuid::fromRfc4122(QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Md5));
            note.attachments.clear();
            account.notes.append(note);
        }
        const auto checksumsOf = [](const ExportTree &tree) {
            QMap<QString, QByteArray> files;
            for (const ExportFile &file : tree.files) {
                if (isChecksumPath(file.path))
                    files.insert(file.path, file.bytes);
            }
            return files;
        };
        const QMap<QString, QByteArray> before = checksumsOf(materialize(account, optionsAt(firstRun)));
        QVERIFY(before.size() > 3000 * 2 / 64); // spread out: about 64 lines a file at most
        for (const QByteArray &bytes : before)
            QVERIFY(bytes.count('\n') <= 66); // a note's two files share a file, so a split may keep one pair more

        const auto changedFiles = [&](const AccountSnapshot &changed) {
            const QMap<QString, QByteArray> after = checksumsOf(materialize(changed, optionsAt(secondRun)));
            int differing = 0;
            for (auto it = after.cbegin(); it != after.cend(); ++it)
                differing += before.value(it.key()) != it.value() ? 1 : 0;
            for (auto it = before.cbegin(); it != before.cend(); ++it)
                differing += after.contains(it.key()) ? 0 : 1;
            return differing;
        };
        AccountSnapshot edited = account;
        edited.notes[1500].content = u"edited"_s;
        QCOMPARE(changedFiles(edited), 1);
        AccountSnapshot added = account;
        Note fresh = account.notes.at(1);
        fresh.id = 99999;
        fresh.uuid = QUuid(u"fedcba98-7654-4321-8000-123456789abc"_s);
        added.notes.append(fresh);
        QVERIFY(changedFiles(added) <= 3); // its file, or the two or three a split makes of it
    }

    void aWrittenExportChecksWithSha256sum()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        ExportOptions options = optionsAt(firstRun);
        options.includeAssets = true;
        QVERIFY(writeExportTree(materialize(sampleAccount(), options), dir.path()));
        QByteArray lines;
        for (const QString &name : QDir(dir.filePath(u"checksums"_s)).entryList({u"*.sha256"_s}, QDir::Files)) {
            QFile file(dir.filePath(u"checksums/"_s + name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            lines += file.readAll();
        }
        QVERIFY(lines.contains("  assets/avatar.png\n"));
        QProcess check;
        check.setWorkingDirectory(dir.path());
        check.start(u"sha256sum"_s, {u"--check"_s, u"--strict"_s, u"--quiet"_s, u"-"_s});
        QVERIFY(check.waitForStarted());
        check.write(lines);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished());
        QVERIFY2(check.exitCode() == 0, check.readAllStandardOutput().constData());

        QFile note(dir.filePath(u"notes/%1.md"_s.arg(liveHex)));
        QVERIFY(note.open(QIODevice::Append));
        note.write("tampered");
        note.close();
        check.start(u"sha256sum"_s, {u"--check"_s, u"--quiet"_s, u"-"_s});
        QVERIFY(check.waitForStarted());
        check.write(lines);
        check.closeWriteChannel();
        QVERIFY(check.waitForFinished());
        QCOMPARE(check.exitCode(), 1);
        QVERIFY(check.readAllStandardOutput().contains(u"notes/%1.md: FAILED"_s.arg(liveHex).toUtf8()));
    }

    void sortsPathsByCodePointAsPythonDoes()
    {
        AccountSnapshot account = sampleAccount();
        Course bmp = account.courses.at(0);
        bmp.id = 2;
        bmp.slug = u"\uffff"_s;
        Course astral = bmp;
        astral.id = 3;
        astral.slug = u"\U0001F600"_s;
        account.courses = {astral, bmp, account.courses.at(0)};
        const QStringList paths = pathsOf(materialize(account, optionsAt(firstRun)));
        const qsizetype inbox = paths.indexOf(u"courses/inbox.json"_s);
        QCOMPARE(paths.indexOf(u"courses/\uffff.json"_s), inbox + 1);
        QCOMPARE(paths.indexOf(u"courses/\U0001F600.json"_s), inbox + 2);
    }

    void sameDataGivesByteIdenticalTrees()
    {
        const ExportTree a = materialize(sampleAccount(), optionsAt(firstRun));
        const ExportTree b = materialize(sampleAccount(), optionsAt(firstRun));
        QCOMPARE(pathsOf(a), pathsOf(b));
        for (qsizetype i = 0; i < a.files.size(); ++i)
            QCOMPARE(a.files.at(i).bytes, b.files.at(i).bytes);
    }

    void unchangedAccountKeepsManifestAndReadmeByteIdentical()
    {
        const ExportTree first = materialize(sampleAccount(), optionsAt(firstRun));
        AccountSnapshot relogged = sampleAccount();
        relogged.profile.lastLogin = secondRun; // a login is not a data change
        const ExportTree second = materialize(relogged, optionsAt(secondRun, first.find(u"manifest.json"_s)->bytes));
        QCOMPARE(second.find(u"manifest.json"_s)->bytes, first.find(u"manifest.json"_s)->bytes);
        QCOMPARE(second.find(u"README.md"_s)->bytes, first.find(u"README.md"_s)->bytes);
        QCOMPARE(second.exportedAt, firstRun);
    }

    void changedDataGetsANewExportedAt()
    {
        const ExportTree first = materialize(sampleAccount(), optionsAt(firstRun));
        AccountSnapshot edited = sampleAccount();
        edited.notes[1].content = u"Hello again"_s;
        const ExportTree second = materialize(edited, optionsAt(secondRun, first.find(u"manifest.json"_s)->bytes));
        QCOMPARE(jsonOf(second, u"manifest.json"_s).value(u"exported_at"_s).toString(),
            u"2026-07-21T09:30:00.250000+00:00"_s);
        QVERIFY(second.find(u"README.md"_s)->bytes.contains("\nLast sync: 2026-07-21T09:30:00.250000+00:00\n"));
        QCOMPARE(second.exportedAt, secondRun);
    }

    void earlierManifestsCountAsChanged()
    {
        const QByteArray upstream = "{\"schema_version\": 1, \"exported_at\": \"2026-01-01T00:00:00+00:00\"}";
        QCOMPARE(materialize(sampleAccount(), optionsAt(secondRun, upstream)).exportedAt, secondRun);
        // A schema 2 manifest of the very same files: the layout changed, so the next sync writes it anew.
        const QByteArray schema2 = "{\"schema_version\": 2, \"exported_at\": \"2026-01-01T00:00:00+00:00\", "
                                   "\"sha256\": {}, \"files\": []}";
        QCOMPARE(materialize(sampleAccount(), optionsAt(secondRun, schema2)).exportedAt, secondRun);
    }

    void skipsAssetsByDefault()
    {
        const ExportTree tree = materialize(sampleAccount(), optionsAt(firstRun));
        for (const ExportFile &file : tree.files)
            QVERIFY2(!file.path.startsWith(u"assets/"_s), qPrintable(file.path));
        QVERIFY(tree.find(u"README.md"_s)->bytes.contains("are NOT included in this repo"));
    }

    void includeAssetsInlinesAvatarCoverAndAttachments()
    {
        ExportOptions options = optionsAt(firstRun);
        options.includeAssets = true;
        const ExportTree tree = materialize(sampleAccount(), options);
        QCOMPARE(tree.find(u"assets/avatar.png"_s)->bytes, QByteArray(100, 'a'));
        QCOMPARE(tree.find(u"assets/notes/%1/cover.jpg"_s.arg(liveHex))->bytes.size(), 1024);
        QVERIFY(tree.find(u"assets/notes/%1/attachments/aaaaaaaa222243338444555555555555.pdf"_s.arg(liveHex)));
        QCOMPARE(jsonOf(tree, u"manifest.json"_s).value(u"include_assets"_s), QJsonValue(true));
        QVERIFY(tree.find(u"README.md"_s)->bytes.contains("are included under `assets/`."));
        QVERIFY(tree.skipped.isEmpty());
    }

    void skipsAssetsOverThePerFileCap()
    {
        AccountSnapshot account = sampleAccount();
        account.notes[1].cover.fileName.clear(); // no name: the default extension
        ExportOptions options = optionsAt(firstRun);
        options.includeAssets = true;
        options.perFileCap = 100;
        const ExportTree tree = materialize(account, options);
        QVERIFY(!tree.find(u"assets/notes/%1/cover.png"_s.arg(liveHex)));
        QVERIFY(tree.find(u"assets/avatar.png"_s)); // exactly 100 bytes: at the cap, kept
        const QJsonArray skipped = jsonOf(tree, u"manifest.json"_s).value(u"skipped_assets"_s).toArray();
        QCOMPARE(skipped.size(), 1);
        const QJsonObject entry = skipped.at(0).toObject();
        QVERIFY(entry.value(u"path"_s).toString().endsWith(u"/%1/cover.png"_s.arg(liveHex)));
        QCOMPARE(entry.value(u"size_bytes"_s).toInteger(), 1024);
        QCOMPARE(entry.value(u"reason"_s).toString(), u"exceeds_per_file_or_total_cap"_s);
        QVERIFY(tree.find(u"README.md"_s)->bytes.contains("except 1 file(s) over the size caps"));
    }

    void skipsAssetsBeyondTheTotalCapInUpstreamOrder()
    {
        ExportOptions options = optionsAt(firstRun);
        options.includeAssets = true;
        options.totalCap = 1100; // avatar (100) + cover (1024) do not both fit; the attachment (10) still does
        const ExportTree tree = materialize(sampleAccount(), options);
        QVERIFY(tree.find(u"assets/avatar.png"_s));
        QVERIFY(!tree.find(u"assets/notes/%1/cover.jpg"_s.arg(liveHex)));
        QVERIFY(tree.find(u"assets/notes/%1/attachments/aaaaaaaa222243338444555555555555.pdf"_s.arg(liveHex)));
        QCOMPARE(tree.skipped.size(), 1);
    }

    void rejectsUnsafeCourseSlugs_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::newRow("parent") << u"../etc"_s;
        QTest::newRow("dotdot") << u".."_s;
        QTest::newRow("slash") << u"a/b"_s;
        QTest::newRow("backslash") << u"a\\b"_s;
        QTest::newRow("nul") << u"a"_s + QChar(0) + u"b"_s;
        QTest::newRow("newline") << u"a\nb"_s;
        QTest::newRow("reserved") << u"CON"_s;
        QTest::newRow("reserved lowercase with suffix") << u"lpt1.backup"_s;
        QTest::newRow("com9") << u"Com9"_s;
        QTest::newRow("leading dot") << u".git"_s;
        QTest::newRow("too long") << QString(101, u'a');
        QTest::newRow("empty") << QString();
    }

    void rejectsUnsafeCourseSlugs()
    {
        QFETCH(QString, slug);
        QVERIFY(!isSafeSlug(slug));
        AccountSnapshot account = sampleAccount();
        account.courses[0].slug = slug;
        const ExportTree tree = materialize(account, optionsAt(firstRun));
        QCOMPARE(tree.rejected.size(), 1);
        QVERIFY(tree.rejected.at(0).message.startsWith(u"Not exported: Core.Export/path_safety \u2014 "_s));
        for (const ExportFile &file : tree.files)
            QVERIFY2(!file.path.startsWith(u"courses/"_s), qPrintable(file.path));
        // The note of that course is still exported, without a course.
        QVERIFY(tree.find(u"notes/%1.md"_s.arg(liveHex))->bytes.contains("\ncourse_slug: null\n"));
    }

    void acceptsOrdinaryNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("slug") << u"intro-to-c-2026"_s;
        QTest::newRow("unicode") << u"\u00e9t\u00e9"_s;
        QTest::newRow("reserved as a prefix only") << u"console"_s;
        QTest::newRow("com0 is not reserved") << u"com0"_s;
        QTest::newRow("hundred characters") << QString(100, u'a');
        QTest::newRow("file with suffix") << u"cover.png"_s;
    }

    void acceptsOrdinaryNames()
    {
        QFETCH(QString, name);
        QVERIFY(isSafeSlug(name));
        QVERIFY(isSafeFileName(name));
    }

    void findsSecrets_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("kinds");
        QTest::newRow("classic token") << "token: " + fakeGitHubToken() + "\n" << QStringList{u"GitHub token"_s};
        QTest::newRow("installation token")
            << "x ghs" + QByteArray(1, '_') + QByteArray(36, '9') << QStringList{u"GitHub token"_s};
        QTest::newRow("fine-grained token") << "github" + QByteArray("_pat_") + QByteArray(22, 'B') + '_'
                + QByteArray(59, 'c') << QStringList{u"GitHub token"_s};
        QTest::newRow("pem") << fakePem() << QStringList{u"private key"_s};
        QTest::newRow("openssh pem") << "-----BEGIN OPENSSH " + QByteArray("PRIVATE KEY-----\nb3Bl\n")
                                     << QStringList{u"private key"_s};
        QTest::newRow("api key") << "Bearer " + fakeApiKey() << QStringList{u"Notechondria API key"_s};
        QTest::newRow("all three") << fakeApiKey() + fakePem() + fakeGitHubToken()
                                   << QStringList{u"GitHub token"_s, u"private key"_s, u"Notechondria API key"_s};
        QTest::newRow("short token-like") << "ghp" + QByteArray(1, '_') + QByteArray(20, 'A') << QStringList();
        QTest::newRow("public key") << QByteArray("-----BEGIN PUBLIC KEY-----\nMIIB\n") << QStringList();
        QTest::newRow("prose") << QByteArray("snake_case ntc_ ghp_ PRIVATE KEY----- github_pat") << QStringList();
        QTest::newRow("short api key") << "ntc" + QByteArray(1, '_') + QByteArray(31, 'a') << QStringList();
    }

    void findsSecrets()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, kinds);
        QCOMPARE(findSecrets(bytes), kinds);
    }

    void withholdsFilesWithSecretsAndNamesThemByPath()
    {
        AccountSnapshot account = sampleAccount();
        account.notes[1].content = u"my token "_s + QString::fromLatin1(fakeGitHubToken());
        account.profile.mcpSkillMd = QString::fromLatin1(fakePem());
        const ExportTree tree = materialize(account, optionsAt(firstRun));
        const QString notePath = u"notes/%1.md"_s.arg(liveHex);
        QVERIFY(!tree.find(notePath));
        QVERIFY(!tree.find(u"profile/skill.md"_s));
        QVERIFY(tree.find(u"notes/%1.meta.json"_s.arg(liveHex)));
        QCOMPARE(tree.withheld.size(), 2);
        for (const ExportProblem &problem : tree.withheld) {
            QVERIFY(problem.message.startsWith(u"Not exported: Core.Export/secret_scan \u2014 "_s + problem.path));
            QVERIFY(!problem.message.contains(QString::fromLatin1(fakeGitHubToken())));
        }
        const QJsonObject manifest = jsonOf(tree, u"manifest.json"_s);
        for (const ExportFile &file : tree.files) {
            if (isChecksumPath(file.path))
                QVERIFY(!file.bytes.contains(notePath.toUtf8()));
        }
        const QJsonArray withheld = manifest.value(u"withheld"_s).toArray();
        QCOMPARE(withheld.size(), 2);
        for (const ExportFile &file : tree.files) {
            QVERIFY(!file.bytes.contains(fakeGitHubToken()));
            QVERIFY(findSecrets(file.bytes).isEmpty());
        }
        QVERIFY(tree.find(u"README.md"_s)->bytes.contains("2 file(s) were left out"));
    }

    void writesTheTreeAndRemovesFilesItWroteBefore()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const ExportTree first = materialize(sampleAccount(), optionsAt(firstRun));
        QVERIFY(writeExportTree(first, dir.path()));
        for (const ExportFile &file : first.files) {
            QFile written(dir.filePath(file.path));
            QVERIFY(written.open(QIODevice::ReadOnly));
            QCOMPARE(written.readAll(), file.bytes);
        }
        // A file of the user's own, and a tampered manifest entry pointing outside, must survive.
        QFile own(dir.filePath(u"notes/mine.txt"_s));
        QVERIFY(own.open(QIODevice::WriteOnly));
        own.write("mine");
        own.close();

        AccountSnapshot account = sampleAccount();
        account.notes.removeLast(); // the live note is gone
        account.courses.clear();
        const ExportTree second = materialize(account, optionsAt(secondRun, first.find(u"manifest.json"_s)->bytes));
        QVERIFY(writeExportTree(second, dir.path()));
        QVERIFY(!QFile::exists(dir.filePath(u"notes/%1.md"_s.arg(liveHex))));
        QVERIFY(!QFile::exists(dir.filePath(u"notes/%1.meta.json"_s.arg(liveHex))));
        QVERIFY(!QFile::exists(dir.filePath(u"courses/inbox.json"_s)));
        QVERIFY(!QDir(dir.filePath(u"courses"_s)).exists()); // emptied folders go too
        QVERIFY(QFile::exists(dir.filePath(u"notes/mine.txt"_s)));
        QStringList checksums;
        for (const ExportFile &file : second.files) {
            if (isChecksumPath(file.path))
                checksums.append(file.path.sliced(10));
        }
        QCOMPARE(QDir(dir.filePath(u"checksums"_s)).entryList(QDir::Files), checksums);
        QFile manifest(dir.filePath(u"manifest.json"_s));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QCOMPARE(manifest.readAll(), second.find(u"manifest.json"_s)->bytes);
    }

    void staleChecksumFilesGoWhenTheirNotesDo()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AccountSnapshot account = sampleAccount();
        for (int i = 0; i < 500; ++i) {
            Note note = account.notes.at(1);
            note.id = 100 + i;
            note.uuid = QUuid::fromRfc4122(QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Md5));
            account.notes.append(note);
        }
        const ExportTree many = materialize(account, optionsAt(firstRun));
        QVERIFY(writeExportTree(many, dir.path()));
        QVERIFY(QDir(dir.filePath(u"checksums"_s)).entryList(QDir::Files).size() > 10);
        const ExportTree few = materialize(sampleAccount(), optionsAt(secondRun, many.find(u"manifest.json"_s)->bytes));
        QVERIFY(writeExportTree(few, dir.path()));
        QCOMPARE(QDir(dir.filePath(u"checksums"_s)).entryList(QDir::Files), QStringList{u"all.sha256"_s});
        QCOMPARE(QDir(dir.filePath(u"notes"_s)).entryList(QDir::Files).size(), 2);
    }

    void neverDeletesOutsideTheFolderForATamperedManifest()
    {
        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        QFile outside(parent.filePath(u"outside.txt"_s));
        QVERIFY(outside.open(QIODevice::WriteOnly));
        outside.write("keep");
        outside.close();
        QDir(parent.path()).mkpath(u"export"_s);
        QFile tampered(parent.filePath(u"export/manifest.json"_s));
        QVERIFY(tampered.open(QIODevice::WriteOnly));
        tampered.write("{\"files\": [\"../outside.txt\", \"/etc/hostname\"]}");
        tampered.close();
        QVERIFY(writeExportTree(materialize(sampleAccount(), optionsAt(firstRun)), parent.filePath(u"export"_s)));
        QVERIFY(QFile::exists(parent.filePath(u"outside.txt"_s)));
    }

    void refusesToWriteAnUnsafePath()
    {
        QTemporaryDir dir;
        ExportTree tree;
        tree.files = {{u"../escape.txt"_s, "x"}};
        const auto written = writeExportTree(tree, dir.filePath(u"out"_s));
        QVERIFY(!written);
        QVERIFY(written.error().message().startsWith(u"Export not written: Core.Export/write \u2014 "_s));
    }
};

QTEST_GUILESS_MAIN(TestExporter)
#include "test_exporter.moc"
