// SPDX-License-Identifier: GPL-3.0-or-later
// Sync now in local mode: the GitHub Sync card and its conflict dialog, clicked by objectName against the real
// local server, the real sync engine and the GitHub test server (changes made on GitHub are commits in its bare
// repository).
#include "conflictdialog.h"
#include "synccard.h"
#include "syncfixture.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestSyncNow : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncFixture> m_fx;
    std::unique_ptr<SyncCard> m_card;
    QTemporaryDir m_settingsDir;
    const QString m_repo = u"octo/notes-backup"_s;
    Note m_note;

    template<typename T>
    T *child(QObject *parent, const QString &name) const
    {
        T *widget = parent->findChild<T *>(name);
        if (!widget) {
            qWarning("No child %s", qPrintable(name));
        }
        return widget;
    }

    [[nodiscard]] QString notePath() const { return u"notes/"_s + m_note.uuid.toString(QUuid::Id128) + u".md"_s; }

    [[nodiscard]] QByteArray remoteFile(const QString &path) const
    {
        QProcess git;
        git.start(u"git"_s, {u"--git-dir"_s, m_fx->github.bareRepositoryPath(m_repo), u"show"_s, u"main:"_s + path});
        git.waitForFinished(30000);
        return git.readAllStandardOutput();
    }

    /// Another device replaces `from` by `to` in the note's file on GitHub.
    void editOnGitHub(const QByteArray &from, const QByteArray &to)
    {
        QByteArray file = remoteFile(notePath());
        QVERIFY2(file.contains(from), file.constData());
        file.replace(from, to);
        m_fx->github.commitFromAnotherDevice(m_repo, u"main"_s, {{notePath(), file}}, u"Other device"_s);
    }

    void editHere(const QString &from, const QString &to)
    {
        auto note = m_fx->store->noteByUuid(m_note.uuid);
        QVERIFY(note && *note);
        Note edited = **note;
        edited.content.replace(from, to);
        QVERIFY(m_fx->store->saveNote(edited));
    }

    [[nodiscard]] QString storedContent() const
    {
        const auto note = m_fx->store->noteByUuid(m_note.uuid);
        return note && *note ? (*note)->content : QString();
    }

    /// Clicks Sync now and waits for the card to finish; false when it did not.
    bool clickSyncNow()
    {
        auto *button = child<QPushButton>(m_card.get(), u"syncNowButton"_s);
        QTest::mouseClick(button, Qt::LeftButton);
        return QTest::qWaitFor([this] { return !m_card->isBusy(); }, 30000);
    }

    [[nodiscard]] QString sentence() const { return child<QLabel>(m_card.get(), u"syncResultLabel"_s)->text(); }

    /// Both sides edit the same line of the note: the next sync opens the conflict dialog.
    ConflictDialog *conflictOnTheNote()
    {
        if (!clickSyncNow()) {
            return nullptr;
        }
        editHere(u"line two"_s, u"line two, written here"_s);
        editOnGitHub("line two", "line two, written on GitHub");
        QSignalSpy opened(m_card.get(), &SyncCard::conflictDialogOpened);
        QTest::mouseClick(child<QPushButton>(m_card.get(), u"syncNowButton"_s), Qt::LeftButton);
        if (!opened.wait(30000)) {
            return nullptr;
        }
        return opened.constFirst().constFirst().value<ConflictDialog *>();
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
        note.content = u"line one\nline two\nline three\n"_s;
        auto saved = m_fx->store->saveNote(note);
        QVERIFY(saved);
        m_note = *saved;
        m_card = std::make_unique<SyncCard>(m_fx->clock);
        m_card->resize(640, 560);
        m_card->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_card.get()));
        m_card->setClient(m_fx->client.get(), SyncCard::Backend::Local);
        QTRY_COMPARE(m_card->state(), SyncCard::State::Connected);
        QTRY_VERIFY(child<QPushButton>(m_card.get(), u"syncNowButton"_s)->isEnabled());
    }

    void cleanup()
    {
        m_card.reset();
        m_fx->drainRequests();
        m_fx.reset();
    }

    void aWaitForGitHubsWriteLimitsIsShownWithItsCountdown()
    {
        // One write every 3 s: the sync's tree, commit and ref update wait in turn, as a long push would on
        // github.com (80 writes a minute, 500 an hour).
        m_fx->api->writePacer() = WritePacer(m_fx->clock, {{1, std::chrono::seconds(3)}});
        auto *wait = child<QLabel>(m_card.get(), u"pushWaitLabel"_s);
        QVERIFY(!wait->isVisible());
        QTest::mouseClick(child<QPushButton>(m_card.get(), u"syncNowButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wait->isVisible(), 10000);
        const QRegularExpression countdown(u"^Waiting [1-3] s for GitHub's limit on writes"_s);
        QVERIFY2(countdown.match(wait->text()).hasMatch(), qPrintable(wait->text()));
        QVERIFY(m_card->isBusy());
        QVERIFY(QTest::qWaitFor([this] { return !m_card->isBusy(); }, 30000));
        QVERIFY(!wait->isVisible());
        QVERIFY2(sentence().startsWith(u"Synced: "_s), qPrintable(sentence()));
        QVERIFY(remoteFile(notePath()).contains("line two"));
    }

    void localModeOffersSyncNowInsteadOfPushNow()
    {
        QVERIFY(child<QPushButton>(m_card.get(), u"syncNowButton"_s)->isVisible());
        QCOMPARE(child<QPushButton>(m_card.get(), u"syncNowButton"_s)->text(), u"&Sync now"_s);
        QVERIFY(!child<QPushButton>(m_card.get(), u"pushNowButton"_s)->isVisible());
        m_card->setClient(m_fx->client.get(), SyncCard::Backend::Remote);
        QVERIFY(child<QPushButton>(m_card.get(), u"pushNowButton"_s)->isVisible());
        QVERIFY(!child<QPushButton>(m_card.get(), u"syncNowButton"_s)->isVisible());
    }

    void firstSyncSaysWhatWentOutThenNothingToSync()
    {
        QVERIFY(clickSyncNow());
        QVERIFY2(sentence().startsWith(u"Synced: "_s) && sentence().contains(u"went out to GitHub."_s),
            qPrintable(sentence()));
        QVERIFY(child<QLabel>(m_card.get(), u"commitLinkLabel"_s)->isVisible());
        QVERIFY(remoteFile(notePath()).contains("line two"));
        QVERIFY(clickSyncNow());
        QCOMPARE(sentence(), u"Nothing to sync: this device and GitHub already agree."_s);
        QVERIFY(!child<QLabel>(m_card.get(), u"commitLinkLabel"_s)->isVisible());
    }

    void syncNowPullsAChangeMadeOnGitHub()
    {
        QVERIFY(clickSyncNow());
        editOnGitHub("line three", "line three, edited on GitHub");
        QVERIFY(clickSyncNow());
        QVERIFY2(sentence().contains(u"came in from GitHub"_s), qPrintable(sentence()));
        QVERIFY2(storedContent().contains(u"line three, edited on GitHub"_s), qPrintable(storedContent()));
    }

    void conflictOpensTheDialogWithTheNoteTitle()
    {
        ConflictDialog *dialog = conflictOnTheNote();
        QVERIFY(dialog && dialog->isVisible());
        auto *items = child<QTreeWidget>(dialog, u"conflictItemList"_s);
        QCOMPARE(items->topLevelItemCount(), 1);
        QCOMPARE(items->topLevelItem(0)->text(0), u"Groceries"_s);
        QCOMPARE(items->topLevelItem(0)->text(1), notePath());
        QVERIFY(child<QPushButton>(dialog, u"keepBothButton"_s)->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, u"applyChoicesButton"_s)->isEnabled());
        auto *remoteView = child<QPlainTextEdit>(dialog, u"remoteVersionView"_s);
        QTRY_VERIFY_WITH_TIMEOUT(remoteView->toPlainText().contains(u"written on GitHub"_s), 30000);
        QVERIFY(child<QPlainTextEdit>(dialog, u"localVersionView"_s)->toPlainText().contains(u"written here"_s));
    }

    void eachChoiceResolves_data()
    {
        QTest::addColumn<QString>("button");
        QTest::newRow("keep this device's") << u"keepMineButton"_s;
        QTest::newRow("keep GitHub's") << u"keepTheirsButton"_s;
        QTest::newRow("keep both") << u"keepBothButton"_s;
        QTest::newRow("keep GitHub's for all") << u"keepTheirsForAllButton"_s;
    }

    void eachChoiceResolves()
    {
        QFETCH(QString, button);
        ConflictDialog *dialog = conflictOnTheNote();
        QVERIFY(dialog);
        QSignalSpy pushed(m_card.get(), &SyncCard::pushed);
        QTest::mouseClick(child<QPushButton>(dialog, button), Qt::LeftButton);
        if (!button.endsWith(u"ForAllButton"_s)) {
            auto *apply = child<QPushButton>(dialog, u"applyChoicesButton"_s);
            QVERIFY(apply->isEnabled());
            QTest::mouseClick(apply, Qt::LeftButton);
        }
        QVERIFY(pushed.wait(30000));
        const QByteArray remote = remoteFile(notePath());
        if (!button.startsWith(u"keepTheirs"_s)) { // this device's note stays (keep both: GitHub's is a copy)
            QVERIFY2(remote.contains("written here"), remote.constData());
        } else {
            QVERIFY2(remote.contains("written on GitHub"), remote.constData());
        }
        if (button.startsWith(u"keepTheirs"_s)) {
            QVERIFY2(storedContent().contains(u"written on GitHub"_s), qPrintable(storedContent()));
        } else {
            QVERIFY2(storedContent().contains(u"written here"_s), qPrintable(storedContent()));
        }
        if (button == u"keepBothButton"_s) {
            const auto notes = m_fx->store->notes();
            QVERIFY(notes);
            QVERIFY(std::ranges::any_of(
                *notes, [](const Note &note) { return note.title.startsWith(u"Groceries (GitHub, "_s); }));
        }
        // Resolved: the next sync has nothing left to do.
        QVERIFY(clickSyncNow());
        QCOMPARE(sentence(), u"Nothing to sync: this device and GitHub already agree."_s);
    }

    void keepBothIsOnlyOfferedForNotes()
    {
        ConflictDialog dialog({{u"profile/creator.json"_s, QString(), u"both_changed"_s, u"profile"_s}}, QString(),
            m_fx->client.get(), ConflictDialog::Mode::Sync);
        QCOMPARE(child<QTreeWidget>(&dialog, u"conflictItemList"_s)->topLevelItem(0)->text(0), u"Profile"_s);
        QVERIFY(!child<QPushButton>(&dialog, u"keepBothButton"_s)->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, u"keepBothForAllButton"_s)->isEnabled());
        QVERIFY(child<QPushButton>(&dialog, u"keepTheirsButton"_s)->isEnabled());
    }

    void bothPanesScrollTogether()
    {
        ConflictDialog dialog({{u"notes/a.md"_s, u"Long"_s, u"both_changed"_s, u"note"_s}}, QString(), nullptr,
            ConflictDialog::Mode::Sync);
        dialog.show();
        QStringList left;
        QStringList right{u"inserted on GitHub"_s, u"and another line"_s};
        for (int i = 0; i < 300; ++i) {
            left.append(u"line %1"_s.arg(i));
            right.append(u"line %1"_s.arg(i));
        }
        dialog.showContents(u"notes/a.md"_s, left.join(u'\n'), right.join(u'\n'));
        auto *local = child<QPlainTextEdit>(&dialog, u"localVersionView"_s);
        auto *remote = child<QPlainTextEdit>(&dialog, u"remoteVersionView"_s);
        QTRY_VERIFY(local->verticalScrollBar()->maximum() > 100);
        local->verticalScrollBar()->setValue(100);
        QCOMPARE(remote->verticalScrollBar()->value(), 102); // the same line, two lines further down there
        remote->verticalScrollBar()->setValue(52);
        QCOMPARE(local->verticalScrollBar()->value(), 50);
    }

    void syncSentencesArePlainWords()
    {
        PushResult result;
        QCOMPARE(SyncCard::syncSummary(result), u"Nothing to sync: this device and GitHub already agree."_s);
        result.pulled.changed = 2;
        result.pushed.added = 1;
        QCOMPARE(SyncCard::syncSummary(result), u"Synced: 2 files came in from GitHub, 1 went out."_s);
        result.pushed = {};
        result.merged = {u"notes/a.md"_s};
        QCOMPARE(SyncCard::syncSummary(result),
            u"Synced: 2 files came in from GitHub. Changes made on both sides were combined in 1 file."_s);
    }
};

QTEST_MAIN(TestSyncNow)
#include "test_syncnow.moc"
