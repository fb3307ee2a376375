// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of the push: git blob ids, the three-way planner and the tree-request chunker.
#include "gitblob.h"
#include "pushplanner.h"
#include "treechunker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

QByteArray blob(const char *text)
{
    return GitBlob::id(QByteArray(text));
}

QMap<QString, QByteArray> files(std::initializer_list<std::pair<QString, const char *>> list)
{
    QMap<QString, QByteArray> map;
    for (const auto &[path, text] : list) {
        map.insert(path, blob(text));
    }
    return map;
}

QHash<QString, QByteArray> hashOf(const QMap<QString, QByteArray> &map)
{
    QHash<QString, QByteArray> hash;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        hash.insert(it.key(), it.value());
    }
    return hash;
}

} // namespace

class TestPushPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blobIdMatchesGitHashObject()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray bytes = "caf\xc3\xa9\n\0binary\xff"_ba;
        QFile file(dir.filePath(u"f"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        QProcess git;
        git.start(u"git"_s, {u"hash-object"_s, file.fileName()});
        QVERIFY(git.waitForFinished());
        QCOMPARE(GitBlob::id(bytes), git.readAllStandardOutput().trimmed());
        QCOMPARE(GitBlob::id({}), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391"_ba);
    }

    void inlineTextIsValidUtf8WithoutNul()
    {
        QVERIFY(GitBlob::isInlineText("plain\ntext"_ba));
        QVERIFY(GitBlob::isInlineText("\xe2\x9c\x93 \xf0\x9f\x98\x80"_ba));
        QVERIFY(GitBlob::isInlineText({}));
        QVERIFY(!GitBlob::isInlineText("nul\0inside"_ba));
        QVERIFY(!GitBlob::isInlineText("\x89PNG\r\n\x1a\n"_ba));
        QVERIFY(!GitBlob::isInlineText("truncated \xe2\x9c"_ba));
    }

    void unchangedAccountPlansNothing()
    {
        PushPlanInput input;
        input.local = files({{u"notes/a.md"_s, "a"}, {u"manifest.json"_s, "m"}});
        input.base = hashOf(input.local);
        input.hasLastPush = true;
        const PushPlan plan = PushPlanner::plan(input);
        QVERIFY(!plan.hasChanges());
        QCOMPARE(plan.newBase, input.base);
    }

    void sendsOnlyChangedAndAddedPaths()
    {
        PushPlanInput input;
        input.base = hashOf(files({{u"notes/a.md"_s, "a"}, {u"notes/b.md"_s, "b"}}));
        input.local = files({{u"notes/a.md"_s, "a2"}, {u"notes/b.md"_s, "b"}, {u"notes/c.md"_s, "c"}});
        input.hasLastPush = true;
        const PushPlan plan = PushPlanner::plan(input);
        QCOMPARE(plan.upload, (QStringList{u"notes/a.md"_s, u"notes/c.md"_s}));
        QCOMPARE(plan.added, 1);
        QCOMPARE(plan.changed, 1);
        QVERIFY(plan.remove.isEmpty());
        QCOMPARE(plan.newBase.value(u"notes/a.md"_s), blob("a2"));
        const auto statuses = plan.statuses(input.local);
        QCOMPARE(statuses.size(), 3);
        QCOMPARE(statuses[0].second, u"changed"_s);
        QCOMPARE(statuses[1].second, u"unchanged"_s);
        QCOMPARE(statuses[2].second, u"added"_s);
    }

    void deletesOnlyFilesWePushedBefore()
    {
        PushPlanInput input;
        input.base = hashOf(files({{u"notes/a.md"_s, "a"}, {u"notes/gone.md"_s, "g"}}));
        input.local = files({{u"notes/a.md"_s, "a"}});
        input.remote = hashOf(files({{u"notes/a.md"_s, "a"}, {u"notes/gone.md"_s, "g"}, {u"LICENSE"_s, "mit"}}));
        input.hasLastPush = true;
        const PushPlan plan = PushPlanner::plan(input);
        QCOMPARE(plan.remove, QStringList{u"notes/gone.md"_s});
        QCOMPARE(plan.deleted, 1);
        QVERIFY(!plan.newBase.contains(u"notes/gone.md"_s));
        QVERIFY(!plan.newBase.contains(u"LICENSE"_s));
    }

    void truncatedRemoteTreeNeverMirrorsDeletions()
    {
        PushPlanInput input;
        input.base = hashOf(files({{u"notes/a.md"_s, "a"}, {u"notes/gone.md"_s, "g"}}));
        input.local = files({{u"notes/a.md"_s, "a"}});
        input.remote = hashOf(files({{u"notes/a.md"_s, "a"}}));
        input.remoteTruncated = true;
        input.hasLastPush = true;
        const PushPlan plan = PushPlanner::plan(input);
        QVERIFY(plan.remove.isEmpty());
        QVERIFY(plan.newBase.contains(u"notes/gone.md"_s));
    }

    void massDeletionNeedsConfirmation()
    {
        PushPlanInput input;
        for (int i = 0; i < 60; ++i) {
            input.base.insert(u"notes/%1.md"_s.arg(i), blob("x"));
            if (i >= 20) {
                input.local.insert(u"notes/%1.md"_s.arg(i), blob("x"));
            }
        }
        input.hasLastPush = true;
        PushPlan plan = PushPlanner::plan(input);
        QCOMPARE(plan.wouldDelete, 20);
        QVERIFY(plan.massDeletionBlocked);
        input.confirmMassDeletion = true;
        plan = PushPlanner::plan(input);
        QVERIFY(!plan.massDeletionBlocked);
        QCOMPARE(plan.remove.size(), 20);
    }

    void fewDeletionsOrSmallShareAreNotMassDeletion()
    {
        PushPlanInput input;
        for (int i = 0; i < 200; ++i) {
            input.base.insert(u"notes/%1.md"_s.arg(i), blob("x"));
            if (i >= 40) {
                input.local.insert(u"notes/%1.md"_s.arg(i), blob("x"));
            }
        }
        input.hasLastPush = true;
        QVERIFY(!PushPlanner::plan(input).massDeletionBlocked); // 40 of 200 = 20 %
        PushPlanInput small;
        for (int i = 0; i < 19; ++i) {
            small.base.insert(u"notes/%1.md"_s.arg(i), blob("x"));
        }
        small.hasLastPush = true;
        QVERIFY(!PushPlanner::plan(small).massDeletionBlocked); // 19 < 20
    }

    void disjointRemoteChangesAreKept()
    {
        PushPlanInput input;
        input.base = hashOf(files({{u"notes/a.md"_s, "a"}, {u"notes/b.md"_s, "b"}}));
        input.local = files({{u"notes/a.md"_s, "a2"}, {u"notes/b.md"_s, "b"}});
        input.remote = hashOf(files({{u"notes/a.md"_s, "a"}, {u"notes/b.md"_s, "b-remote"}, {u"x.txt"_s, "x"}}));
        input.hasLastPush = true;
        const PushPlan plan = PushPlanner::plan(input);
        QVERIFY(plan.conflicts.isEmpty());
        QCOMPARE(plan.upload, QStringList{u"notes/a.md"_s});
        QCOMPARE(plan.remoteChanged, QStringList{u"notes/b.md"_s});
        QCOMPARE(plan.newBase.value(u"notes/b.md"_s), blob("b")); // a later push does not undo their edit
    }

    void overlappingChangesConflictWithPaths()
    {
        PushPlanInput input;
        input.base = hashOf(files({{u"notes/a.md"_s, "a"}, {u"manifest.json"_s, "m"}}));
        input.local = files({{u"notes/a.md"_s, "ours"}, {u"manifest.json"_s, "m2"}});
        input.remote = hashOf(files({{u"notes/a.md"_s, "theirs"}, {u"manifest.json"_s, "m3"}}));
        input.hasLastPush = true;
        PushPlan plan = PushPlanner::plan(input);
        QCOMPARE(plan.conflicts, QStringList{u"notes/a.md"_s}); // manifest.json is generated: ours win

        input.force = true;
        plan = PushPlanner::plan(input);
        QVERIFY(plan.conflicts.isEmpty());
        QCOMPARE(plan.upload, (QStringList{u"manifest.json"_s, u"notes/a.md"_s}));

        input.force = false;
        input.keepRemote = true;
        plan = PushPlanner::plan(input);
        QVERIFY(plan.conflicts.isEmpty());
        QCOMPARE(plan.upload, QStringList{u"manifest.json"_s});
        QCOMPARE(plan.keptRemote, QStringList{u"notes/a.md"_s});
        QCOMPARE(plan.newBase.value(u"notes/a.md"_s), blob("ours"));
    }

    void identicalChangeOnBothSidesIsNoConflict()
    {
        PushPlanInput input;
        input.base = hashOf(files({{u"notes/a.md"_s, "a"}}));
        input.local = files({{u"notes/a.md"_s, "same"}});
        input.remote = hashOf(files({{u"notes/a.md"_s, "same"}}));
        input.hasLastPush = true;
        const PushPlan plan = PushPlanner::plan(input);
        QVERIFY(plan.conflicts.isEmpty());
        QVERIFY(!plan.hasChanges());
    }

    void remoteDeletionOfAnEditedFileConflicts()
    {
        PushPlanInput input;
        input.base = hashOf(files({{u"notes/a.md"_s, "a"}}));
        input.local = files({{u"notes/a.md"_s, "a2"}});
        input.remote = QHash<QString, QByteArray>{};
        input.hasLastPush = true;
        QCOMPARE(PushPlanner::plan(input).conflicts, QStringList{u"notes/a.md"_s});
    }

    void firstPushOverExistingFilesOursWinAndSkipsEqualOnes()
    {
        PushPlanInput input;
        input.local = files({{u"notes/a.md"_s, "a"}, {u"notes/b.md"_s, "b"}, {u"README.md"_s, "r"}});
        input.remote = hashOf(files({{u"notes/a.md"_s, "a"}, {u"README.md"_s, "seed"}, {u"LICENSE"_s, "l"}}));
        const PushPlan plan = PushPlanner::plan(input);
        QVERIFY(plan.conflicts.isEmpty());
        QCOMPARE(plan.upload, (QStringList{u"README.md"_s, u"notes/b.md"_s}));
        QCOMPARE(plan.added, 1);
        QCOMPARE(plan.changed, 1);
        QVERIFY(plan.remove.isEmpty());
    }

    void pruneOrphansDeletesDeadNoteAssetsOnly()
    {
        PushPlanInput input;
        input.local = files({{u"notes/live.md"_s, "l"}});
        input.remote = hashOf(
            files({{u"notes/live.md"_s, "l"}, {u"assets/avatar.png"_s, "av"}, {u"assets/notes/live/cover.jpg"_s, "c"},
                {u"assets/notes/dead/cover.png"_s, "d"}, {u"assets/notes/dead/attachments/a1.bin"_s, "a1"}}));
        input.liveNoteIds = QSet<QString>{u"live"_s};
        const PushPlan plan = PushPlanner::plan(input);
        QCOMPARE(
            plan.remove, (QStringList{u"assets/notes/dead/attachments/a1.bin"_s, u"assets/notes/dead/cover.png"_s}));
    }

    void chunksAtTwoHundredEntries()
    {
        QList<QByteArray> entries;
        for (int i = 0; i < 450; ++i) {
            entries.append(TreeChunker::inlineEntry(u"notes/%1.md"_s.arg(i), "text"));
        }
        const auto chunks = TreeChunker::chunk(entries);
        QCOMPARE(chunks.size(), 3);
        QCOMPARE(chunks[0].count, 200);
        QCOMPARE(chunks[1].first, 200);
        QCOMPARE(chunks[2].count, 50);
    }

    void chunksAtTwoMegabytes()
    {
        QList<QByteArray> entries;
        const QByteArray big(600 * 1024, 'x');
        for (int i = 0; i < 7; ++i) {
            entries.append(TreeChunker::inlineEntry(u"big/%1.md"_s.arg(i), big));
        }
        const auto chunks = TreeChunker::chunk(entries);
        QCOMPARE(chunks.size(), 3); // 3 + 3 + 1
        for (const auto &chunk : chunks) {
            const QByteArray body = TreeChunker::body(u"0123456789012345678901234567890123456789"_s, entries, chunk);
            QVERIFY(body.size() <= TreeChunker::kMaxBodyBytes);
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            QCOMPARE(doc.object().value(u"tree"_s).toArray().size(), chunk.count);
        }
    }

    void deletionEntryCarriesNullSha()
    {
        const QJsonObject entry = QJsonDocument::fromJson(TreeChunker::deletionEntry(u"notes/a.md"_s)).object();
        QVERIFY(entry.contains(u"sha"_s));
        QVERIFY(entry.value(u"sha"_s).isNull());
        const QJsonObject text = QJsonDocument::fromJson(TreeChunker::inlineEntry(u"a"_s, "\xc3\xa9\"\n"_ba)).object();
        QCOMPARE(text.value(u"content"_s).toString().toUtf8(), "\xc3\xa9\"\n"_ba);
    }
};

QTEST_GUILESS_MAIN(TestPushPlanner)
#include "test_pushplanner.moc"
