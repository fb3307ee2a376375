// SPDX-License-Identifier: GPL-3.0-or-later
// The notechondria-sync data commands, run as a user would: the built binary through QProcess.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QJsonObject json;
    QString err;
};

} // namespace

class TestCliData : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    Run run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(
            u"GITHUB_DATA_SYNC_APP_INSTALL_URL"_s, u"https://github.com/apps/notechondria-test/installations/new"_s);
        env.insert(u"GITHUB_DATA_SYNC_APP_NAME"_s, u"notechondria-test"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(NOTECHONDRIA_SYNC_BINARY), QStringList{u"--data"_s, m_dir.path()} + arguments);
        Run result;
        if (!process.waitForFinished(120'000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitCode();
        result.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void demoDataPrintsASummary()
    {
        const Run r = run({u"demo-data"_s, u"--notes"_s, u"40"_s, u"--seed"_s, u"3"_s, u"--attachments"_s, u"2"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(u"notes_created"_s).toInt(), 40);
        QCOMPARE(r.json.value(u"attachments_created"_s).toInt(), 2);
        QCOMPARE(r.json.value(u"total_notes"_s).toInt(), 40);
        QVERIFY(QFile::exists(m_dir.filePath(u"notechondria.sqlite"_s)));

        const Run edits = run({u"demo-data"_s, u"--touch"_s, u"5"_s, u"--delete"_s, u"3"_s});
        QVERIFY2(edits.exitCode == 0, qPrintable(edits.err));
        QCOMPARE(edits.json.value(u"notes_created"_s).toInt(), 0);
        QCOMPARE(edits.json.value(u"notes_touched"_s).toInt(), 5);
        QCOMPARE(edits.json.value(u"notes_deleted"_s).toInt(), 3);
        QCOMPARE(edits.json.value(u"total_notes"_s).toInt(), 37);
    }

    void statusBeforeConnectCarriesTheAppInfo()
    {
        const Run r = run({u"status"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.json.value(u"connected"_s).toBool(true), false);
        QCOMPARE(r.json.value(u"app_name"_s).toString(), u"notechondria-test"_s);
        QVERIFY(r.json.value(u"install_url"_s).toString().startsWith(u"https://github.com/apps/"_s));
        QVERIFY(!r.json.contains(u"repo_full_name"_s));
    }

    void connectStatusAndDisconnect()
    {
        const Run connected = run({u"connect"_s, u"--installation-id"_s, u"123"_s, u"--repo"_s, u"octo/backup"_s,
            u"--branch"_s, u"data"_s, u"--account"_s, u"octo"_s});
        QVERIFY2(connected.exitCode == 0, qPrintable(connected.err));
        QCOMPARE(connected.json.value(u"connected"_s).toBool(), true);

        const Run status = run({u"status"_s});
        QCOMPARE(status.exitCode, 0);
        QCOMPARE(status.json.value(u"connected"_s).toBool(), true);
        QCOMPARE(status.json.value(u"installation_id"_s).toString(), u"123"_s);
        QCOMPARE(status.json.value(u"account_login"_s).toString(), u"octo"_s);
        QCOMPARE(status.json.value(u"repo_full_name"_s).toString(), u"octo/backup"_s);
        QCOMPARE(status.json.value(u"repo_default_branch"_s).toString(), u"data"_s);
        QVERIFY(status.json.value(u"last_push_at"_s).isNull());
        QCOMPARE(status.json.value(u"last_push_sha"_s).toString(u"x"_s), u""_s);
        QCOMPARE(status.json.value(u"last_error"_s).toString(u"x"_s), u""_s);
        QCOMPARE(status.json.value(u"app_name"_s).toString(), u"notechondria-test"_s);

        // Connecting again without --account keeps the login (the callback's merge).
        QCOMPARE(run({u"connect"_s, u"--installation-id"_s, u"123"_s, u"--repo"_s, u"octo/other"_s}).exitCode, 0);
        const Run merged = run({u"status"_s});
        QCOMPARE(merged.json.value(u"account_login"_s).toString(), u"octo"_s);
        QCOMPARE(merged.json.value(u"repo_full_name"_s).toString(), u"octo/other"_s);

        const Run disconnected = run({u"disconnect"_s});
        QCOMPARE(disconnected.exitCode, 0);
        QCOMPARE(disconnected.json, QJsonObject({{u"connected"_s, false}}));
        const Run after = run({u"status"_s});
        QCOMPARE(after.json.value(u"connected"_s).toBool(true), false);
        QCOMPARE(after.json.value(u"app_name"_s).toString(), u"notechondria-test"_s);
    }

    void usageErrorsExitWithTwo()
    {
        const Run noRepo = run({u"connect"_s, u"--installation-id"_s, u"1"_s});
        QCOMPARE(noRepo.exitCode, 2);
        QVERIFY2(noRepo.err.contains(u"Command not run: notechondria-sync/connect \u2014 "_s), qPrintable(noRepo.err));
        QCOMPARE(run({u"demo-data"_s, u"--notes"_s, u"many"_s}).exitCode, 2);
        QCOMPARE(run({u"demo-data"_s}).exitCode, 2);
    }

    void aBadRepositoryNameFailsWithAThreePartMessage()
    {
        const Run r = run({u"connect"_s, u"--installation-id"_s, u"1"_s, u"--repo"_s, u"not a repo"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"GitHub App not connected: Core.Store/connect \u2014 "_s), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliData)
#include "test_cli_data.moc"
