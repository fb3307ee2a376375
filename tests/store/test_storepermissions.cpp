// SPDX-License-Identifier: GPL-3.0-or-later
// Owner-only data on real files: the data folder 0700, notechondria.sqlite and its -wal/-shm 0600 — created so, and
// tightened when an older version left them world-readable.
#include "clock.h"
#include "privatefiles.h"
#include "store.h"

#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;

namespace {

int modeOf(const QString &path)
{
    struct stat info{};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

void setMode(const QString &path, int mode)
{
    QVERIFY2(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0, qPrintable(path));
}

/// Opens the store (which migrates or reads it, so the WAL and shared-memory files exist) and checks every mode.
void openAndCheckPrivate(const QString &folder, const SystemClock &clock)
{
    const QString database = QDir(folder).filePath(u"notechondria.sqlite"_s);
    auto store = Store::open(database, &clock);
    QVERIFY2(store.has_value(), store ? "" : qPrintable(store.error().message()));
    QCOMPARE(modeOf(folder), 0700);
    QCOMPARE(modeOf(database), 0600);
    QVERIFY(QFile::exists(database + u"-wal"_s));
    QCOMPARE(modeOf(database + u"-wal"_s), 0600);
    QCOMPARE(modeOf(database + u"-shm"_s), 0600);
}

} // namespace

class TestStorePermissions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    SystemClock m_clock;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Even under the common umask 022, nothing of the store is readable by others.
        ::umask(022);
    }

    void aNewStoreIsOwnerOnlyFromTheStart() { openAndCheckPrivate(m_dir.filePath(u"new/data"_s), m_clock); }

    void aWorldReadableStoreIsTightenedOnOpen()
    {
        const QString folder = m_dir.filePath(u"old"_s);
        const QString database = QDir(folder).filePath(u"notechondria.sqlite"_s);
        openAndCheckPrivate(folder, m_clock);
        // As an older version left it: folder 755, files 644 (the -wal and -shm remain after a crash).
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s}) {
            if (!QFile::exists(database + suffix)) {
                QFile file(database + suffix);
                QVERIFY(file.open(QIODevice::WriteOnly));
            }
            setMode(database + suffix, 0644);
        }
        setMode(folder, 0755);
        QCOMPARE(modeOf(database), 0644);
        openAndCheckPrivate(folder, m_clock);
    }

    void filesWrittenNextToTheStoreAreOwnerOnly()
    {
        const QString file = m_dir.filePath(u"last-push-manifest.json"_s);
        QVERIFY(PrivateFiles::ensureFile(file, u"c"_s, u"p"_s).has_value());
        QCOMPARE(modeOf(file), 0600);
        setMode(file, 0664);
        QVERIFY(PrivateFiles::tightenFile(file, u"c"_s, u"p"_s).has_value());
        QCOMPARE(modeOf(file), 0600);
    }

    void aSharedStickyFolderIsNeverChanged()
    {
        const QString shared = m_dir.filePath(u"shared"_s);
        QVERIFY(QDir().mkpath(shared));
        setMode(shared, 01777);
        QVERIFY(PrivateFiles::ensureFolder(shared, u"c"_s, u"p"_s).has_value());
        QCOMPARE(modeOf(shared), 01777);
    }

    void aFileAtTheFolderPathIsNamed()
    {
        const QString path = m_dir.filePath(u"not-a-folder"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto result = Store::open(path + u"/notechondria.sqlite"_s, &m_clock);
        QVERIFY(!result.has_value());
        QVERIFY2(result.error().message().startsWith(u"Cannot open the local store: Core.Store/open \u2014 "_s),
            qPrintable(result.error().message()));
        QVERIFY2(result.error().message().contains(path), qPrintable(result.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestStorePermissions)
#include "test_storepermissions.moc"
