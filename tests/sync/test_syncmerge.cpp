// SPDX-License-Identifier: GPL-3.0-or-later
// The pure parts of the two-way sync: the planner's decisions and the three-way merge of each kind of file.
#include "syncmerge.h"
#include "syncplanner.h"
#include "textmerge.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

const QString noteA = u"notes/0123456789abcdef0123456789abcdef.md"_s;
const QString metaA = u"notes/0123456789abcdef0123456789abcdef.meta.json"_s;

QByteArray note(
    const QByteArray &title, const QByteArray &body, const QByteArray &lastEdit = "2026-01-01T00:00:00+00:00")
{
    return "---\ntitle: \"" + title + "\"\nuuid: \"01234567-89ab-cdef-0123-456789abcdef\"\nlast_edit: \"" + lastEdit
        + "\"\n---\n\n" + body + "\n";
}

QByteArray events(const QJsonArray &items)
{
    return QJsonDocument(QJsonObject{{u"schema_version"_s, 2}, {u"events"_s, items}}).toJson(QJsonDocument::Compact);
}

QJsonObject item(int id, const QString &title, int weight = 1)
{
    return QJsonObject{{u"id"_s, id}, {u"title"_s, title}, {u"difficulty_weight"_s, weight}};
}

} // namespace

class TestSyncMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void remoteOnlyChangeIsPulledInASyncAndKeptRemoteInAPush()
    {
        SyncPlanInput input;
        input.local = {{noteA, "a1"}};
        input.ancestor = {{noteA, "a1"}};
        input.remote = {{noteA, "a2"}};
        input.pull = true;
        QCOMPARE(SyncPlanner::plan(input).actions.value(noteA), SyncAction::Theirs);
        input.pull = false;
        QCOMPARE(SyncPlanner::plan(input).actions.value(noteA), SyncAction::KeepRemote);
    }

    void editOnBothSidesMergesAndDeleteVersusEditConflicts()
    {
        SyncPlanInput input;
        input.local = {{noteA, "a2"}};
        input.ancestor = {{noteA, "a1"}};
        input.remote = {{noteA, "a3"}};
        QCOMPARE(SyncPlanner::plan(input).actions.value(noteA), SyncAction::Merge);
        input.local.clear();
        const SyncPlan deleted = SyncPlanner::plan(input);
        QCOMPARE(deleted.actions.value(noteA), SyncAction::Conflict);
        QCOMPARE(deleted.conflicts, (QList<std::pair<QString, QString>>{{noteA, u"deleted_here"_s}}));
    }

    void aRemoteEditThisDeviceNeverTookInIsNotOverwritten()
    {
        // A push left GitHub's edit on GitHub (ancestor still the old copy); editing here later is a conflict.
        SyncPlanInput input;
        input.local = {{noteA, "mine"}};
        input.ancestor = {{noteA, "old"}};
        input.remote = {{noteA, "theirs"}};
        QVERIFY(SyncPlanner::plan(input).actions.value(noteA) != SyncAction::Ours);
    }

    void aNoteResolutionCoversBothOfItsFiles()
    {
        SyncPlanInput input;
        input.local = {{metaA, "m2"}};
        input.ancestor = {{noteA, "a1"}, {metaA, "m1"}};
        input.remote = {{noteA, "a3"}, {metaA, "m1"}};
        input.resolutions.insert(noteA, SyncResolution::Theirs);
        const SyncPlan plan = SyncPlanner::plan(input);
        QCOMPARE(plan.actions.value(noteA), SyncAction::Theirs);
        QCOMPARE(plan.actions.value(metaA), SyncAction::Theirs);
    }

    void withheldFilesKeepTheirRemoteVersion()
    {
        SyncPlanInput input;
        input.ancestor = {{noteA, "a1"}};
        input.remote = {{noteA, "a1"}};
        input.withheld = {noteA};
        QCOMPARE(SyncPlanner::plan(input).actions.value(noteA), SyncAction::KeepRemote);
    }

    void foreignFilesAreNotAccountPaths()
    {
        QVERIFY(SyncPlanner::isAccountPath(noteA, false));
        QVERIFY(SyncPlanner::isAccountPath(u"courses/math.json"_s, false));
        QVERIFY(!SyncPlanner::isAccountPath(u"LICENSE"_s, false));
        QVERIFY(!SyncPlanner::isAccountPath(u".github/workflows/x.yml"_s, false));
        QVERIFY(!SyncPlanner::isAccountPath(u"assets/avatar.png"_s, false));
        QVERIFY(SyncPlanner::isAccountPath(u"assets/avatar.png"_s, true));
    }

    void textMergeKeepsEditsInDifferentParagraphs()
    {
        const QByteArray base = "one\n\ntwo\n\nthree\n";
        const auto merged = mergeText(base, "ONE\n\ntwo\n\nthree\n", "one\n\ntwo\n\nTHREE\n");
        QVERIFY(merged);
        QCOMPARE(*merged, QByteArray("ONE\n\ntwo\n\nTHREE\n"));
        QVERIFY(!mergeText(base, "uno\n\ntwo\n\nthree\n", "eins\n\ntwo\n\nthree\n"));
    }

    void noteMergeCombinesFrontmatterKeysAndBody()
    {
        MergeContext context;
        const QByteArray base = note("Title", "para one\n\npara two");
        const QByteArray ours = note("Title", "para ONE\n\npara two", "2026-01-02T00:00:00+00:00");
        const QByteArray theirs = note("New title", "para one\n\npara TWO", "2026-01-03T00:00:00+00:00");
        const MergedFile merged = mergeFile(noteA, base, ours, theirs, context);
        QVERIFY(merged.conflicts.isEmpty());
        QCOMPARE(*merged.bytes, note("New title", "para ONE\n\npara TWO", "2026-01-03T00:00:00+00:00"));
        const MergedFile clash = mergeFile(noteA, base, note("Mine", "x"), note("Theirs", "x"), context);
        QCOMPARE(clash.conflicts.size(), 1);
        QCOMPARE(clash.conflicts.first().first, noteA);
    }

    void eventsMergePerIdAndKeepBothItemsAddedWithOneId()
    {
        MergeContext context;
        context.nextId = 10;
        const QByteArray base = events({item(1, u"Exam"_s), item(2, u"Essay"_s)});
        const QByteArray ours = events({item(1, u"Exam"_s, 3), item(2, u"Essay"_s), item(3, u"Mine"_s)});
        const QByteArray theirs = events({item(1, u"Final exam"_s), item(3, u"Theirs"_s)});
        const MergedFile merged = mergeFile(u"planner/events.json"_s, base, ours, theirs, context);
        QVERIFY(merged.conflicts.isEmpty());
        const QJsonArray items = QJsonDocument::fromJson(*merged.bytes).object().value(u"events"_s).toArray();
        QCOMPARE(items.size(), 3);
        QCOMPARE(items[0].toObject(),
            QJsonObject({{u"id"_s, 1}, {u"title"_s, u"Final exam"_s}, {u"difficulty_weight"_s, 3}}));
        QCOMPARE(items[1].toObject().value(u"title"_s).toString(), u"Theirs"_s);
        QCOMPARE(items[2].toObject().value(u"id"_s).toInt(), 10);
        QCOMPARE(items[2].toObject().value(u"title"_s).toString(), u"Mine"_s);
    }

    void eventEditedHereAndDeletedThereIsAConflictOfThatEvent()
    {
        MergeContext context;
        const QByteArray base = events({item(1, u"Exam"_s), item(2, u"Essay"_s)});
        const QByteArray ours = events({item(1, u"Exam moved"_s), item(2, u"Essay"_s)});
        const QByteArray theirs = events({item(2, u"Essay"_s), item(4, u"New"_s)});
        const MergedFile merged = mergeFile(u"planner/events.json"_s, base, ours, theirs, context);
        QCOMPARE(merged.conflicts,
            (QList<std::pair<QString, QString>>{{u"planner/events.json#1"_s, u"deleted_on_github"_s}}));
        context.resolve = [](const QString &) {
            return std::optional(SyncResolution::Theirs);
        };
        const MergedFile resolved = mergeFile(u"planner/events.json"_s, base, ours, theirs, context);
        QVERIFY(resolved.conflicts.isEmpty());
        QCOMPARE(QJsonDocument::fromJson(*resolved.bytes).object().value(u"events"_s).toArray().size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSyncMerge)
#include "test_syncmerge.moc"
