// SPDX-License-Identifier: GPL-3.0-or-later
// Two devices (two data folders) syncing with one repository on the GitHub test server (real bare git): the sequences
// that used to lose an edit, three-way merges, every resolution, truncated listings, and a randomized property test.
#include "pushfixture.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <coroutine>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {

QString paragraphs(const QStringList &parts)
{
    return parts.join(u"\n\n"_s);
}

/// The note of a conflict key notes/<32 hex>.md.
QUuid uuidOfKey(const QString &key)
{
    const QString hex = key.mid(6, 32);
    return QUuid::fromString(
        u"%1-%2-%3-%4-%5"_s.arg(hex.left(8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20)));
}

const QStringList kParagraphs{u"one"_s, u"two"_s, u"three"_s, u"four"_s, u"five"_s};

} // namespace

class TestTwoDevices : public QObject
{
    Q_OBJECT

    std::unique_ptr<PushFixture> f; ///< device A, the server and the repository
    std::unique_ptr<Store> storeB;
    std::unique_ptr<PushService> serviceB;

    Result<PushOutcome> run(PushService &service, bool pull, PushOptions options = {})
    {
        options.pull = pull;
        return QCoro::waitFor(service.push(options));
    }
    Result<PushOutcome> syncA(PushOptions options = {}) { return run(*f->service, true, options); }
    Result<PushOutcome> syncB(PushOptions options = {}) { return run(*serviceB, true, options); }
    Result<PushOutcome> pushA(PushOptions options = {}) { return run(*f->service, false, options); }

    Note makeNote(Store &store, const QString &title, const QString &content)
    {
        Note note;
        note.title = title;
        note.content = content;
        auto saved = store.saveNote(note);
        return saved ? *saved : Note{};
    }

    Note noteOf(Store &store, const QUuid &uuid)
    {
        auto found = store.noteByUuid(uuid);
        return found && found->has_value() ? **found : Note{};
    }

    void edit(Store &store, const QUuid &uuid, int paragraph, const QString &text)
    {
        Note note = noteOf(store, uuid);
        QStringList parts = note.content.split(u"\n\n"_s);
        while (parts.size() <= paragraph) {
            parts.append(QString());
        }
        parts[paragraph] = text;
        note.content = paragraphs(parts);
        note.lastEdit = f->clock.now();
        QVERIFY(store.saveNote(note));
    }

    /// Adds @p token to one paragraph (an edit that keeps the earlier ones, so every edit can be looked for).
    void append(Store &store, const QUuid &uuid, int paragraph, const QString &token)
    {
        Note note = noteOf(store, uuid);
        QStringList parts = note.content.split(u"\n\n"_s);
        while (parts.size() <= paragraph) {
            parts.append(QString());
        }
        parts[paragraph] += u' ' + token;
        note.content = paragraphs(parts);
        note.lastEdit = f->clock.now();
        QVERIFY(store.saveNote(note));
    }

    /// The export of one device, as the next sync would compare it (its own last synced manifest).
    QMap<QString, QByteArray> exportOf(Store &store, PushService &service)
    {
        QFile manifest(service.lastManifestPath());
        ExportOptions options;
        if (manifest.open(QIODevice::ReadOnly)) {
            options.previousManifest = manifest.readAll();
        }
        options.now = f->clock.now();
        QMap<QString, QByteArray> files;
        for (const ExportFile &file : materialize(*store.snapshot(false), options).files) {
            files.insert(file.path, file.bytes);
        }
        return files;
    }

    int commitCount()
    {
        return f->run(u"git"_s, {u"-C"_s, f->bare(), u"rev-list"_s, u"--count"_s, u"main"_s}).trimmed().toInt();
    }

    QString notePath(const QUuid &uuid) const { return u"notes/%1.md"_s.arg(uuid.toString(QUuid::Id128)); }

    /// Device B joins: an empty data folder connected to the same repository, then a first sync.
    void joinB()
    {
        auto opened = Store::open(f->dir.filePath(u"dataB/notechondria.sqlite"_s), &f->clock);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message()));
        storeB = std::move(*opened);
        Store::IntegrationUpdate update;
        update.installationId = QString::number(f->installation);
        update.repoFullName = f->repo;
        update.repoDefaultBranch = u"main"_s;
        QVERIFY(storeB->connectIntegration(update));
        serviceB = std::make_unique<PushService>(storeB.get(), f->github.get(), &f->clock);
        auto joined = syncB();
        QVERIFY2(joined && !joined->conflict, joined ? "conflict" : qPrintable(joined.error().message()));
    }

    void verifyConverged()
    {
        QVERIFY2(f->fsckClean(), qPrintable(f->error));
        const QMap<QString, QByteArray> a = exportOf(*f->store, *f->service);
        const QMap<QString, QByteArray> b = exportOf(*storeB, *serviceB);
        QCOMPARE(a.keys(), b.keys());
        for (auto it = a.cbegin(); it != a.cend(); ++it) {
            QVERIFY2(b.value(it.key()) == it.value(), qPrintable(it.key()));
        }
        const QMap<QString, QByteArray> clone = f->cloneFiles();
        QCOMPARE(clone.keys(), a.keys());
        QVERIFY(clone == a);
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<PushFixture>();
        QVERIFY2(f->setUp(), qPrintable(f->error));
        storeB.reset();
        serviceB.reset();
    }

    void cleanup()
    {
        serviceB.reset();
        storeB.reset();
        f.reset();
    }

    void aSecondDeviceJoinsWithTheWholeAccount()
    {
        makeNote(*f->store, u"Alpha"_s, paragraphs(kParagraphs));
        makeNote(*f->store, u"Beta"_s, u"b"_s);
        QVERIFY(syncA());
        joinB();
        QCOMPARE(storeB->noteCount().value_or(0), 2);
        verifyConverged();
    }

    void aDeviceJoiningALargeAccountReadsItInOneTarball()
    {
        // 150 notes are 300 files: one request for the commit's tarball instead of one per blob (at 100,000 notes
        // that was 200,000 requests against GitHub's 5,000 an hour).
        for (int i = 0; i < 150; ++i) {
            makeNote(*f->store, u"Note %1"_s.arg(i), u"Body of note %1\n"_s.arg(i));
        }
        QVERIFY(syncA());
        const qsizetype before = f->server.requests().size();
        joinB();
        QCOMPARE(storeB->noteCount().value_or(0), 150);
        const QList<GitHubTestServer::Request> requests = f->server.requests().mid(before);
        const auto count = [&](const QString &part) {
            return std::ranges::count_if(requests, [&](const GitHubTestServer::Request &request) {
                return request.method == "GET" && request.path.contains(part);
            });
        };
        QVERIFY(count(u"/git/blobs/"_s) <= 1); // the backup's manifest at most (one per file before)
        QCOMPARE(count(u"/tarball/"_s), 1);
        QVERIFY2(requests.size() < 12, qPrintable(QString::number(requests.size())));
        verifyConverged();
    }

    void aPullOfOneEditWritesOnlyThatNote()
    {
        for (int i = 0; i < 30; ++i) {
            makeNote(*f->store, u"Note %1"_s.arg(i), paragraphs(kParagraphs));
        }
        QVERIFY(syncA());
        joinB();
        // Every write to B's notes table from here on is counted, by SQLite itself, in a second connection's trigger.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
            db.setDatabaseName(storeB->path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE probe (kind TEXT)"_s));
            QVERIFY(q.exec(u"CREATE TRIGGER probe_update AFTER UPDATE ON notes BEGIN INSERT INTO probe VALUES "
                           "('update'); END"_s));
            QVERIFY(q.exec(u"CREATE TRIGGER probe_delete AFTER DELETE ON notes BEGIN INSERT INTO probe VALUES "
                           "('delete'); END"_s));
            QVERIFY(q.exec(u"CREATE TRIGGER probe_insert AFTER INSERT ON notes BEGIN INSERT INTO probe VALUES "
                           "('insert'); END"_s));
        }
        QSqlDatabase::removeDatabase(u"probe"_s);
        const QList<Note> notes = f->store->notes().value_or(QList<Note>());
        QVERIFY(notes.size() == 30);
        append(*f->store, notes[7].uuid, 2, u"edited-on-A"_s);
        const Note made = makeNote(*f->store, u"Made on A"_s, u"new"_s);
        QVERIFY(syncA());
        auto pulled = syncB();
        QVERIFY2(pulled && !pulled->conflict, pulled ? "conflict" : qPrintable(pulled.error().message()));
        QVERIFY(noteOf(*storeB, notes[7].uuid).content.contains(u"edited-on-A"_s));
        QCOMPARE(noteOf(*storeB, made.uuid).title, u"Made on A"_s);
        QCOMPARE(noteOf(*storeB, made.uuid).id, made.id);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"probe"_s);
            db.setDatabaseName(storeB->path());
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"SELECT kind, count(*) FROM probe GROUP BY kind ORDER BY kind"_s));
            QStringList writes;
            while (q.next()) {
                writes.append(u"%1 %2"_s.arg(q.value(0).toString()).arg(q.value(1).toInt()));
            }
            // The edited note, and the new one given the id it has on GitHub; before, a pull deleted and re-inserted
            // all 31 notes.
            QCOMPARE(writes.join(u", "_s), u"insert 1, update 2"_s);
        }
        QSqlDatabase::removeDatabase(u"probe"_s);
        verifyConverged();
    }

    void editingANoteGitHubChangedIsAConflictAndKeepGitHubsKeepsIt_data()
    {
        QTest::addColumn<bool>("deleteHere");
        QTest::newRow("edit here") << false;
        QTest::newRow("delete here") << true;
    }

    void editingANoteGitHubChangedIsAConflictAndKeepGitHubsKeepsIt()
    {
        QFETCH(bool, deleteHere);
        const Note a = makeNote(*f->store, u"Note A"_s, paragraphs(kParagraphs));
        const Note b = makeNote(*f->store, u"Note B"_s, u"b"_s);
        QVERIFY(pushA());
        joinB();
        edit(*storeB, a.uuid, 0, u"edited on the other device"_s);
        QVERIFY(syncB());
        // Here: edit B and push: merged, A kept.
        edit(*f->store, b.uuid, 0, u"b edited here"_s);
        auto pushed = pushA();
        QVERIFY(pushed && pushed->committed && !pushed->conflict);
        QVERIFY(f->cloneFiles().value(notePath(a.uuid)).contains("edited on the other device"));
        // Then edit (or delete) A here and push: a conflict that names A, the branch untouched.
        const QString head = f->head();
        if (deleteHere) {
            QVERIFY(f->store->softDeleteNote(noteOf(*f->store, a.uuid).id));
        } else {
            edit(*f->store, a.uuid, 0, u"edited here"_s);
        }
        auto stopped = pushA();
        QVERIFY(stopped);
        QVERIFY(stopped->conflict);
        QCOMPARE(stopped->conflicts.size(), 1);
        QCOMPARE(stopped->conflicts.first().path, notePath(a.uuid));
        QCOMPARE(stopped->conflicts.first().title, u"Note A"_s);
        QCOMPARE(stopped->conflicts.first().kind, deleteHere ? u"deleted_here"_s : u"both_changed"_s);
        QCOMPARE(f->head(), head);
        // Keep GitHub's: written into the store; a plain sync then leaves GitHub's A in place.
        PushOptions theirs;
        theirs.resolutions.insert(notePath(a.uuid), SyncResolution::Theirs);
        auto resolved = pushA(theirs);
        QVERIFY(resolved && !resolved->conflict);
        const Note kept = noteOf(*f->store, a.uuid);
        QVERIFY(kept.content.startsWith(u"edited on the other device"_s));
        QVERIFY(!kept.deletedAt);
        auto again = syncA();
        QVERIFY(again && !again->conflict && !again->committed);
        QVERIFY(f->cloneFiles().value(notePath(a.uuid)).contains("edited on the other device"));
        QVERIFY(syncB());
        verifyConverged();
    }

    void editsInDifferentParagraphsMergeInOneSync()
    {
        const Note a = makeNote(*f->store, u"Merge me"_s, paragraphs(kParagraphs));
        QVERIFY(syncA());
        joinB();
        edit(*storeB, a.uuid, 0, u"ONE from B"_s);
        QVERIFY(syncB());
        edit(*f->store, a.uuid, 4, u"FIVE from A"_s);
        const int commits = commitCount();
        auto merged = syncA();
        QVERIFY2(merged && !merged->conflict && merged->committed, merged ? "" : qPrintable(merged.error().message()));
        QCOMPARE(merged->merged, QStringList{notePath(a.uuid)});
        QCOMPARE(commitCount(), commits + 1);
        const QString content = noteOf(*f->store, a.uuid).content;
        QVERIFY2(content.contains(u"ONE from B"_s) && content.contains(u"FIVE from A"_s), qPrintable(content));
        QVERIFY(syncB());
        QCOMPARE(noteOf(*storeB, a.uuid).content, content);
        verifyConverged();
    }

    void eachResolutionDoesWhatItSays_data()
    {
        QTest::addColumn<int>("choice");
        QTest::newRow("mine") << int(SyncResolution::Mine);
        QTest::newRow("theirs") << int(SyncResolution::Theirs);
        QTest::newRow("both") << int(SyncResolution::Both);
    }

    void eachResolutionDoesWhatItSays()
    {
        QFETCH(int, choice);
        const Note a = makeNote(*f->store, u"Contested"_s, paragraphs(kParagraphs));
        QVERIFY(syncA());
        joinB();
        edit(*storeB, a.uuid, 2, u"THREE from B"_s);
        QVERIFY(syncB());
        edit(*f->store, a.uuid, 2, u"THREE from A"_s);
        const QString head = f->head();
        auto stopped = syncA();
        QVERIFY(stopped && stopped->conflict);
        QCOMPARE(f->head(), head);
        QCOMPARE(noteOf(*f->store, a.uuid).content.contains(u"THREE from A"_s), true);
        PushOptions options;
        options.resolutions.insert(notePath(a.uuid), SyncResolution(choice));
        auto resolved = syncA(options);
        QVERIFY2(resolved && !resolved->conflict, resolved ? "" : qPrintable(resolved.error().message()));
        const QString mine = noteOf(*f->store, a.uuid).content;
        QCOMPARE(mine.contains(u"THREE from A"_s), SyncResolution(choice) != SyncResolution::Theirs);
        const QList<Note> notes = f->store->notes().value_or(QList<Note>());
        if (SyncResolution(choice) == SyncResolution::Both) {
            QCOMPARE(notes.size(), 2);
            const auto copy = std::ranges::find_if(notes, [&](const Note &n) { return n.uuid != a.uuid; });
            QVERIFY(copy->title.startsWith(u"Contested (GitHub, "_s));
            QVERIFY(copy->content.contains(u"THREE from B"_s));
        } else {
            QCOMPARE(notes.size(), 1);
        }
        QVERIFY(syncB());
        verifyConverged();
    }

    void aTruncatedListingNeverOverwritesAnEditMadeOnGitHub()
    {
        QList<Note> notes;
        for (int i = 0; i < 6; ++i) {
            notes.append(makeNote(*f->store, u"N%1"_s.arg(i), paragraphs(kParagraphs)));
        }
        QVERIFY(syncA());
        joinB();
        edit(*storeB, notes[3].uuid, 0, u"edited on B"_s);
        QVERIFY(syncB());
        // The recursive listing (~20 entries) is cut short, each folder alone still fits.
        f->server.setTreeListingLimit(14);
        edit(*f->store, notes[3].uuid, 4, u"edited on A"_s);
        auto synced = syncA();
        QVERIFY2(synced && !synced->conflict, synced ? "" : qPrintable(synced.error().message()));
        const QString content = noteOf(*f->store, notes[3].uuid).content;
        QVERIFY2(content.contains(u"edited on B"_s) && content.contains(u"edited on A"_s), qPrintable(content));
        // Not even one folder fits: a clear stop, nothing changed.
        f->server.setTreeListingLimit(3);
        edit(*storeB, notes[1].uuid, 0, u"later on B"_s);
        const QString head = f->head();
        auto stopped = syncB();
        QVERIFY(!stopped);
        QVERIFY2(stopped.error().message().startsWith(u"GitHub sync stopped: Core.Sync/push \u2014 GitHub cut short"_s),
            qPrintable(stopped.error().message()));
        QCOMPARE(f->head(), head);
        f->server.setTreeListingLimit(0);
        QVERIFY(syncB());
        QVERIFY(syncA());
        verifyConverged();
    }

    void randomizedTwoDeviceSessionsConverge_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::newRow("seed 1") << 1u;
        QTest::newRow("seed 2026") << 2026u;
    }

    void randomizedTwoDeviceSessionsConverge()
    {
        QFETCH(quint32, seed);
        const int steps = qEnvironmentVariableIntValue("NOTECHONDRIA_PROPERTY_STEPS") > 0
            ? qEnvironmentVariableIntValue("NOTECHONDRIA_PROPERTY_STEPS")
            : 200;
        QRandomGenerator random(seed);
        for (int i = 0; i < 4; ++i) {
            makeNote(*f->store, u"Start %1"_s.arg(i), paragraphs(kParagraphs));
        }
        QVERIFY(syncA());
        joinB();
        struct Device
        {
            Store *store;
            PushService *service;
        };
        const Device devices[2] = {{f->store.get(), f->service.get()}, {storeB.get(), serviceB.get()}};
        QHash<QString, QUuid> edits; // token → note it was written into
        QSet<QUuid> conflicted; // notes reported in a conflict (an edit may be given up for the other side)
        int counter = 0;
        for (int step = 0; step < steps; ++step) {
            const Device &device = devices[random.bounded(2)];
            const QList<Note> notes = device.store->notes().value_or(QList<Note>());
            const int op = random.bounded(10);
            if (op < 5 && !notes.isEmpty()) {
                const Note &note = notes[random.bounded(int(notes.size()))];
                const QString token = u"edit-%1-%2"_s.arg(seed).arg(++counter);
                append(*device.store, note.uuid, random.bounded(5), token);
                edits.insert(token, note.uuid);
            } else if (op == 5) {
                const QString token = u"edit-%1-%2"_s.arg(seed).arg(++counter);
                const Note made = makeNote(*device.store, u"Made %1"_s.arg(counter), token);
                edits.insert(token, made.uuid);
            } else if (op == 6 && notes.size() > 2) {
                QVERIFY(device.store->softDeleteNote(notes[random.bounded(int(notes.size()))].id));
            } else {
                auto synced = run(*device.service, true);
                QVERIFY2(synced, synced ? "" : qPrintable(synced.error().message()));
                if (synced->conflict) {
                    PushOptions options;
                    for (const SyncConflict &conflict : std::as_const(synced->conflicts)) {
                        conflicted.insert(uuidOfKey(conflict.path));
                        options.resolutions.insert(conflict.path, SyncResolution(random.bounded(3)));
                    }
                    auto resolved = run(*device.service, true, options);
                    QVERIFY2(resolved && !resolved->conflict, resolved ? "" : qPrintable(resolved.error().message()));
                }
            }
        }
        // Final syncs until a round of both devices commits nothing: then both replicas and the branch are the same.
        int rounds = 0;
        for (bool committed = true; committed; ++rounds) {
            QVERIFY2(rounds < 3, "the devices keep committing: the sync does not converge");
            committed = false;
            for (const Device &device : devices) {
                PushOptions both;
                both.resolveAll = SyncResolution::Both;
                auto synced = run(*device.service, true, both);
                QVERIFY2(synced && !synced->conflict, synced ? "" : qPrintable(synced.error().message()));
                committed = committed || synced->committed;
            }
        }
        verifyConverged();
        // Every edit survives somewhere (recycle bin and conflict copies included) unless its note was in a conflict.
        QString everything;
        for (const Device &device : devices) {
            StoreNoteQuery all;
            all.includeDeleted = true;
            const QList<Note> listed = device.store->notes(all).value_or(QList<Note>());
            for (const Note &note : listed) {
                everything += noteOf(*device.store, note.uuid).content + u'\n';
            }
        }
        int lost = 0;
        for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
            if (!everything.contains(it.key()) && !conflicted.contains(it.value())) {
                ++lost;
                qWarning("lost %s (note %s)", qPrintable(it.key()), qPrintable(it.value().toString()));
            }
        }
        QCOMPARE(lost, 0);
    }
};

QTEST_GUILESS_MAIN(TestTwoDevices)
#include "test_twodevices.moc"
