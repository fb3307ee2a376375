// SPDX-License-Identifier: GPL-3.0-or-later
// Test restore in the GitHub Sync card (issue #16), clicked by objectName against the real local server, the real
// verifier and the GitHub test server: "Last verified …" after a click, after a restart of the card, and the damaged
// note by its title when the backup on GitHub was edited behind its checksums.
#include "synccard.h"
#include "syncfixture.h"

#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestTestRestore : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncFixture> m_fx;
    std::unique_ptr<SyncCard> m_card;
    QTemporaryDir m_settingsDir;
    const QString m_repo = u"octo/notes-backup"_s;
    Note m_note;

    template<typename T>
    T *child(const QString &name) const
    {
        T *widget = m_card->findChild<T *>(name);
        if (!widget) {
            qWarning("No child %s", qPrintable(name));
        }
        return widget;
    }

    [[nodiscard]] QLabel *lastVerified() const { return child<QLabel>(u"lastVerifiedLabel"_s); }
    [[nodiscard]] QPushButton *testRestore() const { return child<QPushButton>(u"testRestoreButton"_s); }
    [[nodiscard]] QString notePath() const { return u"notes/"_s + m_note.uuid.toString(QUuid::Id128) + u".md"_s; }

    /// A new card over the same server and data, connected.
    void openCard()
    {
        m_card = std::make_unique<SyncCard>(m_fx->clock);
        m_card->resize(640, 600);
        m_card->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_card.get()));
        m_card->setClient(m_fx->client.get(), SyncCard::Backend::Local);
        QTRY_COMPARE(m_card->state(), SyncCard::State::Connected);
        QTRY_VERIFY(child<QPushButton>(u"syncNowButton"_s)->isEnabled());
    }

    /// Clicks @p button and waits for the card to be idle again; false when it is not within a minute.
    bool clickAndWait(QPushButton *button)
    {
        QTest::mouseClick(button, Qt::LeftButton);
        return QTest::qWaitFor([this] { return !m_card->isBusy(); }, 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    }

    void init()
    {
        m_fx = std::make_unique<SyncFixture>();
        const QString problem = m_fx->setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const qint64 installation = m_fx->github.addInstallation(u"octo"_s);
        m_fx->github.addRepository(installation, m_repo, u"main"_s, true, false);
        CallbackRequest link;
        link.installationId = QString::number(installation);
        link.repoFullName = m_repo;
        link.repoDefaultBranch = u"main"_s;
        QVERIFY(QCoro::waitFor(m_fx->client->callback(link)));
        Note note;
        note.title = u"Groceries"_s;
        note.content = u"eggs\nflour\n"_s;
        auto saved = m_fx->store->saveNote(note);
        QVERIFY(saved);
        m_note = *saved;
        openCard();
    }

    void cleanup()
    {
        m_card.reset();
        m_fx->drainRequests();
        m_fx.reset();
    }

    void aSyncedBackupTestsCompleteAndStaysShownAfterARestart()
    {
        QTRY_COMPARE(lastVerified()->text(), u"Never verified."_s);
        QVERIFY(lastVerified()->isVisible());
        QVERIFY(testRestore()->isVisible());
        QVERIFY(testRestore()->isEnabled());
        QVERIFY(clickAndWait(child<QPushButton>(u"syncNowButton"_s)));

        QSignalSpy shown(m_card.get(), &SyncCard::lastVerificationShown);
        QTest::mouseClick(testRestore(), Qt::LeftButton);
        QCOMPARE(lastVerified()->text(), u"Testing the backup…"_s);
        QVERIFY(m_card->isBusy());
        QVERIFY(!testRestore()->isEnabled());
        QVERIFY(!child<QPushButton>(u"syncNowButton"_s)->isEnabled());
        QVERIFY(shown.wait(60000));
        QVERIFY(!m_card->isBusy());
        QVERIFY(testRestore()->isEnabled());
        const QString complete = lastVerified()->text();
        QCOMPARE(lastVerified()->palette().color(QPalette::WindowText), m_card->palette().color(QPalette::WindowText));
        QVERIFY2(complete.startsWith(u"Last verified just now: complete — "_s) && complete.contains(u"1 note."_s),
            qPrintable(complete));
        QVERIFY2(!child<QLabel>(u"actionErrorLabel"_s)->isVisible(),
            qPrintable(child<QLabel>(u"actionErrorLabel"_s)->text()));

        // A new card over the same data shows the recorded result.
        m_card.reset();
        openCard();
        QTRY_COMPARE(lastVerified()->text(), complete);
    }

    void aNoteEditedOnGitHubBehindTheChecksumsIsNamedByItsTitle()
    {
        QVERIFY(clickAndWait(child<QPushButton>(u"syncNowButton"_s)));
        QProcess git;
        git.start(
            u"git"_s, {u"--git-dir"_s, m_fx->github.bareRepositoryPath(m_repo), u"show"_s, u"main:"_s + notePath()});
        QVERIFY(git.waitForFinished(30000));
        const QByteArray edited = git.readAllStandardOutput() + "butter\n";
        m_fx->github.commitFromAnotherDevice(m_repo, u"main"_s, {{notePath(), edited}}, u"By hand"_s);

        QVERIFY(clickAndWait(testRestore()));
        QTRY_VERIFY(lastVerified()->text().startsWith(u"Last verified just now: "_s));
        QCOMPARE(lastVerified()->text(), u"Last verified just now: 1 file damaged or missing."_s);
        const QString details = lastVerified()->toolTip();
        QVERIFY2(details.contains(u"\u201cGroceries\u201d (%1): damaged"_s.arg(notePath())), qPrintable(details));
        QVERIFY2(!details.contains(m_note.uuid.toString(QUuid::WithoutBraces)), qPrintable(details));
        QVERIFY(lastVerified()->palette().color(QPalette::WindowText) != m_card->palette().color(QPalette::WindowText));
    }

    void aBackupThatCannotBeReadIsAnErrorAndKeepsTheLastResult()
    {
        QVERIFY(clickAndWait(child<QPushButton>(u"syncNowButton"_s)));
        QTRY_COMPARE(lastVerified()->text(), u"Never verified."_s);
        GitHubTestServer::Fault fault;
        fault.method = "GET";
        fault.path = QRegularExpression(u"/tarball/"_s);
        fault.status = 404;
        fault.times = 5;
        m_fx->github.injectFault(fault);
        QVERIFY(clickAndWait(testRestore()));
        auto *error = child<QLabel>(u"actionErrorLabel"_s);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(u"Test restore failed: Frontend.GithubSync/verify \u2014 "_s),
            qPrintable(error->text()));
        QCOMPARE(lastVerified()->text(), u"Never verified."_s);
        QVERIFY(testRestore()->isEnabled());
    }
};

QTEST_MAIN(TestTestRestore)
#include "test_testrestore.moc"
