// SPDX-License-Identifier: GPL-3.0-or-later
// Test restore (issue #16): a pushed backup verifies complete; a tampered one is named file by file. Real pushes into
// a real bare repository behind the GitHub test server; the tampering is done with git on that bare repository.
#include "backupverify.h"
#include "demodata.h"
#include "pushfixture.h"

#include <QCoroTest>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestVerify : public QObject
{
    Q_OBJECT

    std::unique_ptr<PushFixture> f;

    Result<BackupVerification> verify(const QString &commit = {})
    {
        BackupVerifier verifier(f->github.get(), &f->clock);
        auto integration = f->store->integration();
        return QCoro::waitFor(verifier.verify(**integration, commit, f->dir.filePath(u"scratch"_s)));
    }

    /// Commits @p edit (run in a clone of main) to the bare repository; returns the new head.
    QString commitInClone(const std::function<void(const QString &)> &edit, const QString &message)
    {
        const QString work = f->dir.filePath(u"tamper"_s);
        QDir(work).removeRecursively();
        f->run(u"git"_s, {u"clone"_s, u"-q"_s, u"--branch"_s, u"main"_s, f->bare(), work});
        edit(work);
        f->run(u"git"_s,
            {u"-C"_s, work, u"-c"_s, u"user.name=t"_s, u"-c"_s, u"user.email=t@example.invalid"_s, u"commit"_s,
                u"-qam"_s, message});
        f->run(u"git"_s, {u"-C"_s, work, u"push"_s, u"-q"_s, u"origin"_s, u"main"_s});
        return f->head();
    }

    [[nodiscard]] QString firstNotePath() const
    {
        const auto snapshot = f->store->snapshot(false);
        return u"notes/%1.md"_s.arg(snapshot->notes.first().uuid.toString(QUuid::Id128));
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<PushFixture>();
        QVERIFY2(f->setUp(), qPrintable(f->error));
        DemoOptions options;
        options.notes = 30;
        options.seed = 5;
        QVERIFY(generateDemoData(*f->store, options, f->clock));
        const auto pushed = QCoro::waitFor(f->service->push({}));
        QVERIFY2(pushed && pushed->committed, pushed ? "no commit" : qPrintable(pushed.error().message()));
    }

    void aPushedBackupIsComplete()
    {
        const auto result = verify();
        QVERIFY2(result, result ? "" : qPrintable(result.error().message()));
        for (const VerifyProblem &problem : result->problems) {
            qWarning().noquote() << problem.message;
        }
        QVERIFY(result->complete());
        QCOMPARE(result->commitSha, f->head());
        QCOMPARE(result->schemaVersion, 3);
        QCOMPARE(result->notes, 30);
        QCOMPARE(result->blobIdsChecked, result->files);
        QVERIFY(result->sha256Checked > 60);
        QVERIFY(result->restoredFilesCompared > 60);
        QVERIFY2(result->requests <= 6, qPrintable(QString::number(result->requests)));
        // Recorded as "last verified" and read back.
        QVERIFY(BackupVerifier::record(f->store->path(), *result));
        const auto last = BackupVerifier::last(f->store->path());
        QVERIFY(last);
        QCOMPARE(last->commitSha, result->commitSha);
        QVERIFY(last->complete());
        // The scratch profile is gone, the account untouched.
        QVERIFY(QDir(f->dir.filePath(u"scratch"_s)).isEmpty());
    }

    void aNoteEditedBehindTheChecksumsIsNamed()
    {
        const QString path = firstNotePath();
        const QString good = f->head();
        const QString bad = commitInClone(
            [&](const QString &work) {
                QFile file(work + u'/' + path);
                QVERIFY(file.open(QIODevice::Append));
                file.write("\ntampered\n");
            },
            u"edit a note by hand"_s);
        const auto result = verify();
        QVERIFY2(result, result ? "" : qPrintable(result.error().message()));
        QCOMPARE(result->commitSha, bad);
        QVERIFY(!result->complete());
        bool named = false;
        for (const VerifyProblem &problem : result->problems) {
            if (problem.path == path && problem.kind == VerifyProblem::Kind::Damaged) {
                named = true;
                QVERIFY(!problem.title.isEmpty());
                QVERIFY(problem.message.startsWith(u"Backup incomplete: Core.Sync/verify \u2014 "_s));
                QVERIFY(problem.message.contains(problem.title));
            }
        }
        QVERIFY(named);
        // The good commit before it still verifies.
        const auto earlier = verify(good);
        QVERIFY(earlier && earlier->complete());
    }

    void aLostFileIsNamedAsMissing()
    {
        const QString path = firstNotePath();
        commitInClone([&](const QString &work) { QVERIFY(QFile::remove(work + u'/' + path)); }, u"lose a note"_s);
        const auto result = verify();
        QVERIFY(result);
        const bool missing = std::ranges::any_of(result->problems, [&](const VerifyProblem &problem) {
            return problem.path == path && problem.kind == VerifyProblem::Kind::Missing;
        });
        QVERIFY(missing);
    }

    void aBlobChangedInTheObjectStoreIsDamaged()
    {
        // Overwrite the loose object of one note's blob with other bytes under the same id: what git serves no longer
        // matches the id the tree lists.
        const QString path = firstNotePath();
        const QByteArray id = f->run(u"git"_s, {u"-C"_s, f->bare(), u"rev-parse"_s, u"main:"_s + path}).trimmed();
        QVERIFY(!id.isEmpty());
        const QString object
            = f->bare() + u"/objects/"_s + QString::fromLatin1(id.left(2)) + u'/' + QString::fromLatin1(id.mid(2));
        if (!QFile::exists(object)) {
            QSKIP("the blob is packed in this repository");
        }
        const QByteArray content = "---\ntitle: not what was backed up\n---\n";
        const QByteArray raw = "blob " + QByteArray::number(content.size()) + '\0' + content;
        QByteArray compressed = qCompress(raw);
        compressed.remove(0, 4); // qCompress prefixes the length; git wants the bare zlib stream
        QFile::setPermissions(object, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QFile file(object);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(compressed);
        file.close();
        const auto result = verify();
        QVERIFY2(result, result ? "" : qPrintable(result.error().message()));
        const bool damaged = std::ranges::any_of(result->problems, [&](const VerifyProblem &problem) {
            return problem.path == path && problem.kind == VerifyProblem::Kind::Damaged
                && problem.message.contains(u"git blob id"_s);
        });
        QVERIFY(damaged);
    }

    void cleanup() { f.reset(); }
};

QTEST_GUILESS_MAIN(TestVerify)
#include "test_verify.moc"
