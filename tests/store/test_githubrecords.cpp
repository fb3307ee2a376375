// SPDX-License-Identifier: GPL-3.0-or-later
// GitHubRecords: the integration row, the connect merge (DECISIONS §2) and the sync base (DECISIONS §8).
#include "githubrecords.h"
#include "storepartfixture.h"

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::StorePartFixture;

namespace {

Store::IntegrationUpdate connection(const QString &installationId, std::optional<QString> repo = std::nullopt,
    std::optional<QString> branch = std::nullopt)
{
    Store::IntegrationUpdate u;
    u.installationId = installationId;
    u.repoFullName = std::move(repo);
    u.repoDefaultBranch = std::move(branch);
    return u;
}

const QHash<QString, SyncBaseEntry> twoPaths{
    {u"notes/a.md"_s, {u"a1"_s, u"a1"_s}}, {u"notes/b.md"_s, {u""_s, u"b1"_s}}};

} // namespace

Q_DECLARE_METATYPE(Notechondria::Store::IntegrationUpdate)

class TestGitHubRecords : public QObject
{
    Q_OBJECT

private:
    Files m_files;
    Fresh<GitHubRecords> m_records;

    /// A connected integration that has pushed once and has a sync base.
    void connectAndSync()
    {
        auto row = m_records->connectIntegration(connection(u"42"_s, u"octo/notes"_s));
        QVERIFY(row);
        row->lastPushSha = u"c0ffee"_s;
        row->lastPushTree = u"7ree"_s;
        row->lastPushAt = start;
        QVERIFY(m_records->recordSync(*row, twoPaths));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_files.isValid()); }
    void init()
    {
        m_files.clock.set(start);
        QVERIFY(m_records.open(m_files));
    }

    void aFirstConnectWritesTheRowWithDefaults()
    {
        QVERIFY(!m_records->integration()->has_value());
        auto update = connection(u" 42 "_s, u"octo/notes"_s, u"  "_s);
        update.accountLogin = u"octo"_s;
        update.includeAssets = true;
        const auto row = m_records->connectIntegration(update);
        QVERIFY2(row, qPrintable(row ? QString() : row.error().message()));
        QCOMPARE(row->installationId, u"42"_s);
        QCOMPARE(row->accountLogin, u"octo"_s);
        QCOMPARE(row->repoDefaultBranch, u"main"_s);
        QVERIFY(row->includeAssets);
        QCOMPARE(row->createdAt, std::optional<QDateTime>(start));
        QCOMPARE(row->updatedAt, std::optional<QDateTime>(start));
        const auto stored = m_records->integration();
        QVERIFY(stored && stored->has_value());
        QCOMPARE((*stored)->repoFullName, u"octo/notes"_s);
        QCOMPARE((*stored)->updatedAt, row->updatedAt);
    }

    void aReconnectToTheSameRepoKeepsTheSyncStateAndOmittedFields()
    {
        connectAndSync();
        QVERIFY(m_records->setIntegrationError(u"Cannot push: Core.Sync/push \u2014 offline"_s));
        m_files.clock.advance(30);
        const auto row = m_records->connectIntegration(connection(u"42"_s, std::nullopt, u"develop"_s));
        QVERIFY(row);
        QCOMPARE(row->repoFullName, u"octo/notes"_s);
        QCOMPARE(row->repoDefaultBranch, u"develop"_s);
        QCOMPARE(row->lastPushSha, u"c0ffee"_s);
        QCOMPARE(row->lastError, QString());
        QCOMPARE(row->createdAt, std::optional<QDateTime>(start));
        QCOMPARE(row->updatedAt, std::optional<QDateTime>(start.addSecs(30)));
        QCOMPARE(*m_records->syncBase(), twoPaths);
    }

    void anotherRepoOrInstallationStartsOver_data()
    {
        QTest::addColumn<QString>("installation");
        QTest::addColumn<QString>("repo");
        QTest::newRow("repo") << u"42"_s << u"octo/other"_s;
        QTest::newRow("installation") << u"43"_s << u"octo/notes"_s;
    }

    void anotherRepoOrInstallationStartsOver()
    {
        QFETCH(QString, installation);
        QFETCH(QString, repo);
        connectAndSync();
        const auto row = m_records->connectIntegration(connection(installation, repo));
        QVERIFY(row);
        QCOMPARE(row->lastPushSha, QString());
        QCOMPARE(row->lastPushTree, QString());
        QCOMPARE(row->lastPushAt, std::nullopt);
        QVERIFY(m_records->syncBase()->isEmpty());
    }

    void aBadInstallationOrRepoChangesNothing_data()
    {
        const QString notAnId = u"the installation id must be a positive integer"_s;
        QTest::addColumn<Store::IntegrationUpdate>("update");
        QTest::addColumn<QString>("cause");
        QTest::newRow("blank") << connection(u" "_s, u"octo/x"_s) << notAnId;
        QTest::newRow("zero") << connection(u"0"_s, u"octo/x"_s) << notAnId;
        QTest::newRow("repo") << connection(u"42"_s, u"not a repo"_s)
                              << u"'not a repo' is not a repository name of the form OWNER/NAME"_s;
    }

    void aBadInstallationOrRepoChangesNothing()
    {
        QFETCH(Store::IntegrationUpdate, update);
        QFETCH(QString, cause);
        connectAndSync();
        const auto before = m_records->integration();
        const auto row = m_records->connectIntegration(update);
        QVERIFY(!row);
        QCOMPARE(row.error().consequence, u"GitHub App not connected"_s);
        QCOMPARE(row.error().module, u"Core.Store/connect"_s);
        QCOMPARE(row.error().cause, cause);
        const auto after = m_records->integration();
        QVERIFY(before && before->has_value() && after && after->has_value());
        QCOMPARE((*after)->installationId, (*before)->installationId);
        QCOMPARE((*after)->repoFullName, (*before)->repoFullName);
        QCOMPARE((*after)->lastPushSha, u"c0ffee"_s);
        QCOMPARE((*after)->updatedAt, (*before)->updatedAt);
        QCOMPARE(*m_records->syncBase(), twoPaths);
    }

    void recordSyncReplacesTheBaseAndSavesTheRow()
    {
        connectAndSync();
        auto row = **m_records->integration();
        QCOMPARE(row.lastPushTree, u"7ree"_s);
        row.lastPushSha = u"beef"_s;
        const QHash<QString, SyncBaseEntry> next{
            {u"notes/a.md"_s, {u"a2"_s, u"a2"_s}}, {u"notes/c.md"_s, {u"c"_s, u"c"_s}}};
        QVERIFY(m_records->recordSync(row, next));
        QCOMPARE(*m_records->syncBase(), next);
        QCOMPARE((*m_records->integration())->lastPushSha, u"beef"_s);
        QCOMPARE(scalar(m_records.context(), u"SELECT count(*) FROM sync_base"_s), 2);
    }

    void disconnectingDeletesTheRowAndTheBase()
    {
        // An error while not connected is a no-op, not a new row.
        QVERIFY(m_records->setIntegrationError(u"nothing"_s));
        QVERIFY(!m_records->integration()->has_value());
        connectAndSync();
        QVERIFY(m_records->deleteIntegration());
        QVERIFY(!m_records->integration()->has_value());
        QVERIFY(m_records->syncBase()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestGitHubRecords)
#include "test_githubrecords.moc"
