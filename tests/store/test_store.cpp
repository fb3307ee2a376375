// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeclock.h"
#include "store.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

const QDateTime start = QDateTime(QDate(2026, 7, 20), QTime(12, 34, 56, 123), QTimeZone::UTC);

/// Runs a statement on the file through a separate connection (to fake another app version).
void rawExec(const QString &path, const QString &sql)
{
    const QString name = u"raw-"_s + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(sql));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

Note sampleNote()
{
    Note n;
    n.title = u"Ünïcödé 笔记 🚀 עברית e\u0301"_s;
    n.description = u"a description"_s;
    n.content = u"# Heading\n\nBody with \"quotes\" and \\ backslashes\n"_s;
    n.editorMode = u"B"_s;
    n.noteType = u"C"_s;
    n.sourceNoteUuid = QUuid::fromString(u"12345678-1234-1234-1234-123456789abc"_s);
    n.metadataJson = u"{\"k\": [1, 2]}"_s;
    n.customMeta = u"{\"title\": \"override\", \"n\": 3}"_s;
    n.clientDraftId = u"draft-1"_s;
    n.isPublic = true;
    n.lastEdit = start.addSecs(60);
    n.dateCreated = start;
    n.coverImageUrl = u"/media/covers/x.png"_s;
    return n;
}

Course courseTitled(const QString &title, const QString &slug = {}, int sortOrder = 0)
{
    Course c;
    c.title = title;
    c.slug = slug;
    c.sortOrder = sortOrder;
    return c;
}

Note noteTitled(const QString &title)
{
    Note n;
    n.title = title;
    return n;
}

Attachment attachmentOf(const QString &name, const QByteArray &bytes)
{
    Attachment a;
    a.file = StoredFile{name, QString(), bytes};
    return a;
}

Store::NoteQuery withDeleted()
{
    Store::NoteQuery q;
    q.includeDeleted = true;
    return q;
}

Store::NoteQuery onlyDeleted()
{
    Store::NoteQuery q;
    q.onlyDeleted = true;
    return q;
}

Store::NoteQuery inCourse(qint64 id)
{
    Store::NoteQuery q;
    q.courseId = id;
    return q;
}

Store::NoteQuery pageOf(int limit, int offset)
{
    Store::NoteQuery q;
    q.limit = limit;
    q.offset = offset;
    return q;
}

Store::IntegrationUpdate connection(const QString &installationId, std::optional<QString> repo = std::nullopt,
    std::optional<QString> login = std::nullopt, std::optional<QString> branch = std::nullopt)
{
    Store::IntegrationUpdate u;
    u.installationId = installationId;
    u.repoFullName = std::move(repo);
    u.accountLogin = std::move(login);
    u.repoDefaultBranch = std::move(branch);
    return u;
}

Profile profileNamed(const QString &username)
{
    Profile p;
    p.username = username;
    return p;
}

PlannerEvent eventOn(const QString &title, QDate date)
{
    PlannerEvent e;
    e.title = title;
    e.eventDate = date;
    return e;
}

CalendarFeed feedTitled(const QString &title)
{
    CalendarFeed f;
    f.title = title;
    return f;
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeClock m_clock{start};
    int m_counter = 0;

    QString freshPath() { return m_dir.filePath(u"store-%1.sqlite"_s.arg(++m_counter)); }

    std::unique_ptr<Store> openFresh()
    {
        auto store = Store::open(freshPath(), &m_clock);
        if (!store) {
            qWarning("%s", qPrintable(store.error().message()));
            return nullptr;
        }
        return std::move(*store);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void createsTheSchemaFromAnEmptyFile()
    {
        const QString path = freshPath();
        auto store = Store::open(path, &m_clock);
        QVERIFY2(store, qPrintable(store ? QString() : store.error().message()));
        QCOMPARE((*store)->path(), QFileInfo(path).absoluteFilePath());
        QCOMPARE((*store)->courses()->size(), 0);
        QCOMPARE(*(*store)->noteCount(), 0);
        QVERIFY(!(*store)->integration()->has_value());
        QCOMPARE((*store)->profile()->username, QString());
    }

    void aCachedCountFollowsWritesFromAnotherConnection()
    {
        // noteCount() remembers counts per data revision; a write through a second Store on the same file (another
        // connection, as another process would be) moves the revision, so the first store counts again.
        const QString path = freshPath();
        auto reader = Store::open(path, &m_clock);
        auto writer = Store::open(path, &m_clock);
        QVERIFY(reader && writer);
        Note note;
        note.title = u"Photosynthesis"_s;
        QVERIFY((*writer)->saveNote(note));
        Store::NoteQuery byText;
        byText.text = u"photo"_s;
        Store::NoteQuery recycleBin;
        recycleBin.onlyDeleted = true;
        QCOMPARE(*(*reader)->noteCount(), 1);
        QCOMPARE(*(*reader)->noteCount(byText), 1);
        QCOMPARE(*(*reader)->noteCount(), 1); // from the cache: nothing was written
        const auto second = (*writer)->saveNote(note);
        QVERIFY(second);
        QCOMPARE(*(*reader)->noteCount(), 2);
        QCOMPARE(*(*reader)->noteCount(byText), 2);
        QVERIFY((*writer)->softDeleteNote(second->id));
        QCOMPARE(*(*reader)->noteCount(), 1);
        QCOMPARE(*(*reader)->noteCount(recycleBin), 1);
        // A raw write that bypasses Store still moves the revision (the triggers are in the file).
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw-count"_s);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(u"UPDATE notes SET deleted_at = NULL"_s));
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"raw-count"_s);
        QCOMPARE(*(*reader)->noteCount(), 2);
        QCOMPARE(*(*reader)->noteCount(recycleBin), 0);
    }

    void createsTheParentFolder()
    {
        auto store = Store::open(m_dir.filePath(u"a/b/c/store.sqlite"_s), &m_clock);
        QVERIFY(store);
        QVERIFY(QFileInfo::exists(m_dir.filePath(u"a/b/c/store.sqlite"_s)));
    }

    void reopeningKeepsTheData()
    {
        const QString path = freshPath();
        qint64 noteId = 0;
        {
            auto store = Store::open(path, &m_clock);
            QVERIFY(store);
            auto saved = (*store)->saveNote(sampleNote());
            QVERIFY(saved);
            noteId = saved->id;
        }
        auto store = Store::open(path, &m_clock);
        QVERIFY(store);
        auto note = (*store)->note(noteId);
        QVERIFY(note && note->has_value());
        QCOMPARE((*note)->title, sampleNote().title);
    }

    void refusesAFileFromANewerVersionAndLeavesItUntouched()
    {
        const QString path = freshPath();
        {
            auto store = Store::open(path, &m_clock);
            QVERIFY(store);
        }
        rawExec(path, u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(Store::schemaVersion + 1));
        rawExec(path, u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();

        auto store = Store::open(path, &m_clock);
        QVERIFY(!store);
        QVERIFY2(store.error().message().startsWith(u"Cannot open the local store: Core.Store/open \u2014 "_s),
            qPrintable(store.error().message()));
        QVERIFY(store.error().cause.contains(u"newer version"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }

    void refusesAFileThatIsNotADatabase()
    {
        const QString path = freshPath();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        auto store = Store::open(path, &m_clock);
        QVERIFY(!store);
        QCOMPARE(store.error().module, u"Core.Store/open"_s);
    }

    void opensInWalModeWithForeignKeys()
    {
        auto store = openFresh();
        QVERIFY(store);
        // A deleted course leaves its notes with course_id null: the foreign key is enforced.
        auto course = store->saveCourse(courseTitled(u"Physics"_s));
        QVERIFY(course);
        Note n = sampleNote();
        n.courseId = course->id;
        auto note = store->saveNote(n);
        QVERIFY(note);
        QVERIFY(store->deleteCourse(course->id));
        QCOMPARE((*store->note(note->id))->courseId, std::nullopt);
        Note orphan = sampleNote();
        orphan.clientDraftId.reset();
        orphan.courseId = 999;
        QVERIFY(!store->saveNote(orphan));
        QVERIFY(QFileInfo::exists(store->path() + u"-wal"_s));
    }

    void roundTripsEveryNoteField()
    {
        auto store = openFresh();
        QVERIFY(store);
        auto course = store->saveCourse(courseTitled(u"Course"_s));
        QVERIFY(course);
        Note n = sampleNote();
        n.courseId = course->id;
        auto saved = store->saveNote(n);
        QVERIFY(saved);
        QVERIFY(!saved->uuid.isNull());
        QVERIFY(!saved->sharingId.isNull());
        QVERIFY(
            store->setNoteCover(saved->id, StoredFile{u"cover.JPG"_s, u"image/jpeg"_s, QByteArray("\x00\xff\x01", 3)}));
        const QByteArray bytes = QByteArray::fromHex("00010203fffefd");
        auto attachment = store->addAttachment(saved->id, attachmentOf(u"data.bin"_s, bytes));
        QVERIFY(attachment);
        QCOMPARE(attachment->originalFilename, u"data.bin"_s);

        auto loaded = store->noteByUuid(saved->uuid);
        QVERIFY(loaded && loaded->has_value());
        const Note &r = **loaded;
        QCOMPARE(r.id, saved->id);
        QCOMPARE(r.uuid, saved->uuid);
        QCOMPARE(r.sharingId, saved->sharingId);
        QCOMPARE(r.title, n.title);
        QCOMPARE(r.description, n.description);
        QCOMPARE(r.content, n.content);
        QCOMPARE(r.editorMode, n.editorMode);
        QCOMPARE(r.noteType, n.noteType);
        QCOMPARE(r.sourceNoteUuid, n.sourceNoteUuid);
        QCOMPARE(r.metadataJson, n.metadataJson);
        QCOMPARE(r.customMeta, n.customMeta);
        QCOMPARE(r.clientDraftId, n.clientDraftId);
        QCOMPARE(r.courseId, course->id);
        QCOMPARE(r.isPublic, true);
        QCOMPARE(r.lastEdit, n.lastEdit);
        QCOMPARE(r.dateCreated, n.dateCreated);
        QCOMPARE(r.deletedAt, std::nullopt);
        QCOMPARE(r.coverImageUrl, n.coverImageUrl);
        QCOMPARE(r.cover.fileName, u"cover.JPG"_s);
        QCOMPARE(r.cover.bytes, QByteArray("\x00\xff\x01", 3));
        QCOMPARE(r.attachments.size(), 1);
        QCOMPARE(r.attachments[0].uuid, attachment->uuid);
        QCOMPARE(r.attachments[0].file.bytes, bytes);

        auto byDraft = store->noteByClientDraftId(u"draft-1"_s);
        QVERIFY(byDraft && byDraft->has_value());
        QCOMPARE((*byDraft)->id, saved->id);

        // Listing leaves the bytes out but names the files.
        auto listed = store->notes();
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().attachments.size(), 1);
        QVERIFY(listed->first().attachments[0].file.bytes.isEmpty());
        QCOMPARE(listed->first().cover.fileName, u"cover.JPG"_s);
    }

    void keepsNullsAndEmptyStringsApart()
    {
        auto store = openFresh();
        QVERIFY(store);
        Note n;
        n.title = QString();
        n.clientDraftId = u""_s;
        auto saved = store->saveNote(n);
        QVERIFY(saved);
        const Note r = **store->note(saved->id);
        QCOMPARE(r.title, u""_s);
        QCOMPARE(r.clientDraftId, std::optional<QString>(u""_s));
        QCOMPARE(r.sourceNoteUuid, std::nullopt);
        QCOMPARE(r.courseId, std::nullopt);
        QVERIFY(r.cover.isEmpty());
        QCOMPARE(r.dateCreated, start);

        Note none;
        auto saved2 = store->saveNote(none);
        QVERIFY(saved2);
        QCOMPARE((*store->note(saved2->id))->clientDraftId, std::nullopt);
    }

    void roundTripsTheProfileAndAvatar()
    {
        auto store = openFresh();
        QVERIFY(store);
        Profile p;
        p.username = u"ada"_s;
        p.firstName = u"Ada"_s;
        p.lastName = u"Lovelace 李"_s;
        p.email = u"ada@example.org"_s;
        p.isActive = false;
        p.displayName = u"Ada L."_s;
        p.motto = u"🧮"_s;
        p.socialLink = u"https://example.org"_s;
        p.editorMode = u"P"_s;
        p.themePreset = u"ocean"_s;
        p.themeMode = u"D"_s;
        p.apiBaseUrl = u"https://api.example.org/api/v1"_s;
        p.imageUrl = u"/media/a.png"_s;
        p.uncategorizedFolderName = u"Inbox"_s;
        p.lastSeenVersionsJson = u"{\"app\": \"1.2\"}"_s;
        p.dateJoined = start.addDays(-100);
        p.lastLogin = start;
        p.appSettingsJson = u"{\"a\": {\"b\": [1]}}"_s;
        p.appSettingsUpdatedAt = start.addSecs(5);
        p.mcpSkillMd = u"# Skill\n"_s;
        QVERIFY(store->saveProfile(p));
        QVERIFY(store->setAvatar(StoredFile{u"me.png"_s, u"image/png"_s, QByteArray("\x89PNG", 4)}));
        // Saving the profile again keeps the avatar.
        QVERIFY(store->saveProfile(p));
        const Profile r = *store->profile();
        QCOMPARE(r.username, p.username);
        QCOMPARE(r.lastName, p.lastName);
        QCOMPARE(r.isActive, false);
        QCOMPARE(r.displayName, p.displayName);
        QCOMPARE(r.motto, p.motto);
        QCOMPARE(r.socialLink, p.socialLink);
        QCOMPARE(r.editorMode, p.editorMode);
        QCOMPARE(r.themePreset, p.themePreset);
        QCOMPARE(r.themeMode, p.themeMode);
        QCOMPARE(r.apiBaseUrl, p.apiBaseUrl);
        QCOMPARE(r.imageUrl, p.imageUrl);
        QCOMPARE(r.uncategorizedFolderName, p.uncategorizedFolderName);
        QCOMPARE(r.lastSeenVersionsJson, p.lastSeenVersionsJson);
        QCOMPARE(r.dateJoined, p.dateJoined);
        QCOMPARE(r.lastLogin, p.lastLogin);
        QCOMPARE(r.appSettingsJson, p.appSettingsJson);
        QCOMPARE(r.appSettingsUpdatedAt, p.appSettingsUpdatedAt);
        QCOMPARE(r.mcpSkillMd, p.mcpSkillMd);
        QCOMPARE(r.avatar.bytes, QByteArray("\x89PNG", 4));
        QVERIFY(store->setAvatar(StoredFile{}));
        QVERIFY(store->profile()->avatar.isEmpty());
    }

    void roundTripsCoursesEventsAndFeeds()
    {
        auto store = openFresh();
        QVERIFY(store);
        Course full;
        full.clientCourseId = u"c-1"_s;
        full.slug = u"linear-algebra"_s;
        full.title = u"Linear Algebra"_s;
        full.description = u"Vectors"_s;
        full.icon = 0x1F4D0;
        full.sortOrder = 3;
        full.coverImageUrl = u"/media/c.png"_s;
        full.dateCreated = start;
        full.lastEdit = start.addSecs(1);
        auto course = store->saveCourse(full);
        QVERIFY(course);
        auto byClient = store->courseByClientId(u"c-1"_s);
        QVERIFY(byClient && byClient->has_value());
        QCOMPARE((*byClient)->slug, u"linear-algebra"_s);
        QCOMPARE((*byClient)->icon, 0x1F4D0);
        QCOMPARE((*byClient)->sortOrder, 3);
        QCOMPARE((*byClient)->lastEdit, start.addSecs(1));

        PlannerEvent e;
        e.title = u"Exam 試験"_s;
        e.eventDate = QDate(2026, 8, 1);
        e.startsAt = start;
        e.endsAt = start.addSecs(3600);
        e.difficultyWeight = 4;
        e.description = u"bring pencils"_s;
        e.courseId = course->id;
        e.isCompleted = true;
        e.completedAt = start.addDays(1);
        e.recurrenceFreq = u"W"_s;
        e.recurrenceInterval = 2;
        e.recurrenceEndDate = QDate(2026, 12, 1);
        e.recurrenceCount = 10;
        auto savedEvent = store->saveEvent(e);
        QVERIFY(savedEvent);
        const PlannerEvent re = store->events()->first();
        QCOMPARE(re.title, e.title);
        QCOMPARE(re.eventDate, e.eventDate);
        QCOMPARE(re.startsAt, e.startsAt);
        QCOMPARE(re.endsAt, e.endsAt);
        QCOMPARE(re.difficultyWeight, 4);
        QCOMPARE(re.courseId, course->id);
        QCOMPARE(re.isCompleted, true);
        QCOMPARE(re.completedAt, e.completedAt);
        QCOMPARE(re.recurrenceFreq, u"W"_s);
        QCOMPARE(re.recurrenceInterval, 2);
        QCOMPARE(re.recurrenceEndDate, e.recurrenceEndDate);
        QCOMPARE(re.recurrenceCount, 10);

        CalendarFeed f;
        f.title = u"Timetable"_s;
        f.sourceKind = u"S"_s;
        f.sourceUrl = u"https://example.org/cal.ics"_s;
        f.rawIcal = u"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"_s;
        f.isEnabled = false;
        f.lastSync = start;
        QVERIFY(store->saveFeed(f));
        const CalendarFeed rf = store->feeds()->first();
        QCOMPARE(rf.title, f.title);
        QCOMPARE(rf.sourceKind, u"S"_s);
        QCOMPARE(rf.rawIcal, f.rawIcal);
        QCOMPARE(rf.isEnabled, false);
        QCOMPARE(rf.courseId, std::nullopt);
        QCOMPARE(rf.lastSync, start);
        QCOMPARE(rf.dateCreated, start);
    }

    void makesUniqueSlugsFromTitles()
    {
        auto store = openFresh();
        QVERIFY(store);
        QCOMPARE(store->saveCourse(courseTitled(u"Linear Algebra!"_s))->slug, u"linear-algebra"_s);
        QCOMPARE(store->saveCourse(courseTitled(u"linear algebra"_s))->slug, u"linear-algebra-2"_s);
        QCOMPARE(store->saveCourse(courseTitled(u"Linear  Algebra"_s))->slug, u"linear-algebra-3"_s);
        QCOMPARE(store->saveCourse(courseTitled(u"数学"_s))->slug, u"local-course"_s);
        QCOMPARE(store->saveCourse(courseTitled(u"Café Crème"_s))->slug, u"cafe-creme"_s);
    }

    void rejectsUnsafeSlugs_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::newRow("dot dot") << u"a..b"_s;
        QTest::newRow("slash") << u"a/b"_s;
        QTest::newRow("backslash") << u"a\\b"_s;
        QTest::newRow("upper case") << u"Abc"_s;
        QTest::newRow("leading dot") << u".hidden"_s;
        QTest::newRow("nul") << u"a\u0000b"_s;
        QTest::newRow("too long") << QString(101, u'a');
    }

    void rejectsUnsafeSlugs()
    {
        QFETCH(QString, slug);
        auto store = openFresh();
        QVERIFY(store);
        QVERIFY(!Store::isSafeSlug(slug));
        auto saved = store->saveCourse(courseTitled(u"x"_s, slug));
        QVERIFY(!saved);
        QVERIFY(saved.error().message().startsWith(u"Cannot save course: Core.Store/save_course \u2014 "_s));
        QCOMPARE(store->courses()->size(), 0);
    }

    void softDeleteMovesANoteToTheRecycleBin()
    {
        auto store = openFresh();
        QVERIFY(store);
        auto a = store->saveNote(noteTitled(u"a"_s));
        auto b = store->saveNote(noteTitled(u"b"_s));
        QVERIFY(a && b);
        m_clock.advance(30);
        QVERIFY(store->softDeleteNote(a->id));
        QCOMPARE(*store->noteCount(), 1);
        QCOMPARE(*store->noteCount(withDeleted()), 2);
        QCOMPARE(*store->noteCount(onlyDeleted()), 1);
        QCOMPARE(store->notes(onlyDeleted())->first().id, a->id);
        QCOMPARE((*store->note(a->id))->deletedAt, m_clock.now());
        QVERIFY(store->restoreNote(a->id));
        QCOMPARE(*store->noteCount(), 2);
        QVERIFY(!store->softDeleteNote(12345));
    }

    void listsNotesNewestFirstWithPaging()
    {
        auto store = openFresh();
        QVERIFY(store);
        auto course = store->saveCourse(courseTitled(u"C"_s));
        for (int i = 0; i < 5; ++i) {
            Note n = noteTitled(u"n%1"_s.arg(i));
            n.lastEdit = start.addSecs(i);
            n.courseId = i % 2 == 0 ? std::optional<qint64>(course->id) : std::nullopt;
            QVERIFY(store->saveNote(n));
        }
        auto page = store->notes(pageOf(2, 1));
        QVERIFY(page);
        QCOMPARE(page->size(), 2);
        QCOMPARE(page->at(0).title, u"n3"_s);
        QCOMPARE(page->at(1).title, u"n2"_s);
        QCOMPARE(*store->noteCount(inCourse(course->id)), 3);
        QCOMPARE(store->notes(inCourse(course->id))->size(), 3);
    }

    void connectMergesOmittedFieldsAndResetsOnRepoChange()
    {
        auto store = openFresh();
        QVERIFY(store);
        auto first = store->connectIntegration(connection(u"42"_s, std::nullopt, u"octocat"_s));
        QVERIFY(first);
        QCOMPARE(first->repoFullName, u""_s);
        QCOMPARE(first->repoDefaultBranch, u"main"_s);
        QCOMPARE(first->createdAt, m_clock.now());

        auto chosen = store->connectIntegration(connection(u"42"_s, u"octocat/notes"_s, std::nullopt, u"trunk"_s));
        QVERIFY(chosen);
        QCOMPARE(chosen->accountLogin, u"octocat"_s); // omitted: kept
        QCOMPARE(chosen->repoFullName, u"octocat/notes"_s);
        QCOMPARE(chosen->repoDefaultBranch, u"trunk"_s);

        GitHubIntegration pushed = *chosen;
        pushed.lastPushSha = QString(40, u'a');
        pushed.lastPushTree = QString(40, u'b');
        pushed.lastPushAt = start;
        const QHash<QString, SyncBaseEntry> base{{u"notes/a.md"_s, {QString(40, u'c'), QString(40, u'c')}}};
        QVERIFY(store->recordSync(pushed, base));
        QVERIFY(store->setIntegrationError(u"Push failed: Core.Sync/push \u2014 boom"_s));

        // Same repo and installation: the push baseline stays, the error is cleared, the branch blank → main.
        auto again = store->connectIntegration(connection(u"42"_s, std::nullopt, std::nullopt, u" "_s));
        QVERIFY(again);
        QCOMPARE(again->lastPushSha, QString(40, u'a'));
        QCOMPARE(again->lastPushTree, QString(40, u'b'));
        QCOMPARE(again->lastError, u""_s);
        QCOMPARE(again->repoFullName, u"octocat/notes"_s);
        QCOMPARE(again->repoDefaultBranch, u"main"_s);
        QCOMPARE(store->syncBase()->size(), 1);

        // Another repository: the baseline and the pushed-files record start over.
        auto moved = store->connectIntegration(connection(u"42"_s, u"octocat/other"_s));
        QVERIFY(moved);
        QCOMPARE(moved->lastPushSha, u""_s);
        QCOMPARE(moved->lastPushTree, u""_s);
        QCOMPARE(moved->lastPushAt, std::nullopt);
        QCOMPARE(store->syncBase()->size(), 0);
        QCOMPARE(moved->accountLogin, u"octocat"_s);
    }

    void connectResetsOnInstallationChange()
    {
        auto store = openFresh();
        QVERIFY(store);
        auto row = store->connectIntegration(connection(u"1"_s, u"o/r"_s));
        QVERIFY(row);
        row->lastPushSha = QString(40, u'a');
        QVERIFY(store->recordSync(*row, {{u"x"_s, {u"y"_s, u"y"_s}}}));
        auto other = store->connectIntegration(connection(u"2"_s));
        QVERIFY(other);
        QCOMPARE(other->repoFullName, u"o/r"_s);
        QCOMPARE(other->lastPushSha, u""_s);
        QVERIFY(store->syncBase()->isEmpty());
    }

    void connectRejectsABlankInstallationOrBadRepo()
    {
        auto store = openFresh();
        QVERIFY(store);
        auto blank = store->connectIntegration(connection(u"  "_s));
        QVERIFY(!blank);
        QVERIFY(blank.error().message().contains(u"Core.Store/connect \u2014 "_s));
        QVERIFY(!store->connectIntegration(connection(u"1"_s, u"no-slash"_s)));
        QVERIFY(!store->integration()->has_value());
    }

    void disconnectDeletesTheRowAndTheSyncBase()
    {
        auto store = openFresh();
        QVERIFY(store);
        auto row = store->connectIntegration(connection(u"1"_s, u"o/r"_s));
        QVERIFY(row);
        QVERIFY(store->recordSync(*row, {{u"x"_s, {u"y"_s, u"y"_s}}}));
        QVERIFY(store->deleteIntegration());
        QVERIFY(!store->integration()->has_value());
        QVERIFY(store->syncBase()->isEmpty());
        QVERIFY(store->deleteIntegration()); // idempotent
    }

    void recordSyncReplacesTheSyncBase()
    {
        auto store = openFresh();
        QVERIFY(store);
        auto row = store->connectIntegration(connection(u"1"_s, u"o/r"_s));
        QVERIFY(row);
        QVERIFY(store->recordSync(*row, {{u"a"_s, {u"1"_s, u"1"_s}}, {u"b"_s, {u"2"_s, u"2"_s}}}));
        row->lastPushSha = u"abc"_s;
        row->lastPushAt = start.addSecs(9);
        QVERIFY(store->recordSync(*row, {{u"b"_s, {u"3"_s, u"3"_s}}, {u"notes/ü.md"_s, {u"4"_s, u""_s}}}));
        const QHash<QString, SyncBaseEntry> expected{{u"b"_s, {u"3"_s, u"3"_s}}, {u"notes/ü.md"_s, {u"4"_s, u""_s}}};
        QCOMPARE(*store->syncBase(), expected);
        QCOMPARE((*store->integration())->lastPushSha, u"abc"_s);
        QCOMPARE((*store->integration())->lastPushAt, start.addSecs(9));
    }

    void keepsARunHistoryNewestFirst()
    {
        auto store = openFresh();
        QVERIFY(store);
        for (int i = 0; i < 25; ++i) {
            PushRun run;
            run.startedAt = start.addSecs(i);
            run.durationMs = 100 + i;
            run.added = i;
            run.changed = 2;
            run.deleted = 3;
            run.bytes = 1'000'000'000'000LL;
            run.requests = 7;
            run.commitSha = QString(40, u'f');
            run.outcome = i == 24 ? u"failed"_s : u"committed"_s;
            run.message = i == 24 ? u"Push failed: Core.Sync/push \u2014 x"_s : QString();
            auto id = store->recordRun(run);
            QVERIFY(id);
        }
        auto runs = store->runs();
        QVERIFY(runs);
        QCOMPARE(runs->size(), 20);
        QCOMPARE(runs->first().added, 24);
        QCOMPARE(runs->first().outcome, u"failed"_s);
        QCOMPARE(runs->first().bytes, 1'000'000'000'000LL);
        QCOMPARE(runs->first().startedAt, start.addSecs(24));
        QCOMPARE(runs->last().added, 5);
        QCOMPARE(store->runs(3)->size(), 3);
    }

    void aFailedTransactionLeavesTheDataUntouched()
    {
        auto store = openFresh();
        QVERIFY(store);
        auto kept = store->saveNote(noteTitled(u"kept"_s));
        QVERIFY(kept);
        auto result = store->transaction([&]() -> Result<void> {
            Note changed = *kept;
            changed.title = u"changed"_s;
            if (auto saved = store->saveNote(changed); !saved) {
                return std::unexpected(saved.error());
            }
            if (auto added = store->saveNote(noteTitled(u"new"_s)); !added) {
                return std::unexpected(added.error());
            }
            // A nested transaction that succeeds is still undone with its outer one.
            if (auto inner
                = store->transaction([&] { return store->saveCourse(courseTitled(u"c"_s)).transform([](auto) { }); });
                !inner) {
                return inner;
            }
            return fail(u"Cannot do it"_s, u"Test/tx"_s, u"on purpose"_s);
        });
        QVERIFY(!result);
        QCOMPARE(result.error().cause, u"on purpose"_s);
        QCOMPARE(*store->noteCount(), 1);
        QCOMPARE((*store->note(kept->id))->title, u"kept"_s);
        QCOMPARE(store->courses()->size(), 0);

        // A failed inner transaction is undone alone when the outer one goes on.
        auto outer = store->transaction([&]() -> Result<void> {
            (void)store->transaction([&]() -> Result<void> {
                (void)store->saveNote(noteTitled(u"inner"_s));
                return fail(u"x"_s, u"y"_s, u"z"_s);
            });
            return store->saveNote(noteTitled(u"outer"_s)).transform([](auto) { });
        });
        QVERIFY(outer);
        QCOMPARE(*store->noteCount(), 2);
    }

    void snapshotHoldsEverythingInExportOrder()
    {
        auto store = openFresh();
        QVERIFY(store);
        QVERIFY(store->saveCourse(courseTitled(u"B"_s, u"b"_s, 1)));
        QVERIFY(store->saveCourse(courseTitled(u"A"_s, u"a"_s, 1)));
        QVERIFY(store->saveCourse(courseTitled(u"Z"_s, u"z"_s, 0)));
        for (int i = 0; i < 10; ++i) {
            auto n = store->saveNote(noteTitled(u"n%1"_s.arg(i)));
            QVERIFY(n);
            QVERIFY(store->addAttachment(n->id, attachmentOf(u"f.bin"_s, QByteArray(i + 1, 'x'))));
            if (i % 3 == 0) {
                QVERIFY(store->softDeleteNote(n->id));
            }
        }
        auto snap = store->snapshot();
        QVERIFY(snap);
        QCOMPARE(snap->courses.size(), 3);
        QCOMPARE(snap->courses[0].slug, u"z"_s);
        QCOMPARE(snap->courses[1].slug, u"a"_s);
        QCOMPARE(snap->notes.size(), 10);
        for (int i = 1; i < snap->notes.size(); ++i) {
            QVERIFY(snap->notes[i - 1].uuid.toString(QUuid::WithoutBraces)
                < snap->notes[i].uuid.toString(QUuid::WithoutBraces));
        }
        for (const Note &n : std::as_const(snap->notes)) {
            QCOMPARE(n.attachments.size(), 1);
            QCOMPARE(n.attachments[0].file.bytes.size(), n.title.mid(1).toInt() + 1);
        }
        auto light = store->snapshot(false);
        QVERIFY(light);
        QVERIFY(light->notes[0].attachments[0].file.bytes.isEmpty());
    }

    void clearAccountKeepsTheIntegration()
    {
        auto store = openFresh();
        QVERIFY(store);
        QVERIFY(store->saveProfile(profileNamed(u"u"_s)));
        auto n = store->saveNote(noteTitled(u"n"_s));
        QVERIFY(n);
        QVERIFY(store->setNoteCover(n->id, StoredFile{u"c.png"_s, u""_s, "png"}));
        QVERIFY(store->saveEvent(eventOn(u"e"_s, QDate(2026, 1, 1))));
        QVERIFY(store->saveFeed(feedTitled(u"f"_s)));
        QVERIFY(store->saveCourse(courseTitled(u"c"_s)));
        QVERIFY(store->connectIntegration(connection(u"7"_s)));
        QVERIFY(store->clearAccount());
        QCOMPARE(*store->noteCount(withDeleted()), 0);
        QCOMPARE(store->courses()->size(), 0);
        QCOMPARE(store->events()->size(), 0);
        QCOMPARE(store->feeds()->size(), 0);
        QCOMPARE(store->profile()->username, u""_s);
        QVERIFY(store->integration()->has_value());
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"
