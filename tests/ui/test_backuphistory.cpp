// SPDX-License-Identifier: GPL-3.0-or-later
// The time machine in the app (issue #16): the card's Browse backups… opens the backup history over the real local
// server, the real sync engine and the GitHub test server (real bare repository, real commit listing and Contents
// API); a note found by its title shows the backups that changed it, an old version next to the note now, and comes
// back with one click — in place, or as a copy. Everything is clicked or typed, offscreen.
#include "backuphistorydialog.h"
#include "synccard.h"
#include "syncfixture.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

class TestBackupHistory : public QObject
{
    Q_OBJECT

    std::unique_ptr<SyncFixture> m_fx;
    std::unique_ptr<SyncCard> m_card;
    QTemporaryDir m_settingsDir;
    const QString m_repo = u"octo/notes-backup"_s;
    Note m_note; ///< the note whose history the tests walk
    const QString m_firstContent = u"# Groceries\n\nmilk\nbread\n"_s;
    const QString m_secondContent = u"# Groceries\n\nmilk\noat milk\nbread\n"_s;

    template<typename T>
    T *child(QObject *parent, const QString &name) const
    {
        T *widget = parent->findChild<T *>(name);
        if (!widget) {
            qWarning("No child %s", qPrintable(name));
        }
        return widget;
    }

    /// Sync now through the card from the device @p device; false when it did not end.
    bool syncFrom(const QString &device)
    {
        qputenv("NOTECHONDRIA_DEVICE_NAME", device.toUtf8());
        QTest::mouseClick(child<QPushButton>(m_card.get(), u"syncNowButton"_s), Qt::LeftButton);
        return QTest::qWaitFor([this] { return !m_card->isBusy(); }, 30000);
    }

    void edit(const QUuid &uuid, const QString &content)
    {
        auto note = m_fx->store->noteByUuid(uuid);
        QVERIFY(note && *note);
        Note edited = **note;
        edited.content = content;
        QVERIFY(m_fx->store->saveNote(edited));
    }

    [[nodiscard]] QString storedContent(const QUuid &uuid) const
    {
        const auto note = m_fx->store->noteByUuid(uuid);
        return note && *note ? (*note)->content : QString();
    }

    /// Clicks Browse backups… and waits for the history's first listing.
    BackupHistoryDialog *openHistory()
    {
        QSignalSpy opened(m_card.get(), &SyncCard::backupHistoryOpened);
        auto *browse = child<QPushButton>(m_card.get(), u"browseBackupsButton"_s);
        if (!browse || !browse->isVisible() || !browse->isEnabled()) {
            qWarning("Browse backups is not there to click");
            return nullptr;
        }
        QTest::mouseClick(browse, Qt::LeftButton);
        if (opened.isEmpty()) {
            return nullptr;
        }
        auto *dialog = opened.constFirst().constFirst().value<BackupHistoryDialog *>();
        // The listing comes over loopback: it cannot have arrived before the event loop turns.
        QSignalSpy listed(dialog, &BackupHistoryDialog::historyShown);
        return listed.wait(30000) ? dialog : nullptr;
    }

    /// Types @p text into the note search, presses Enter and clicks the first match.
    bool findAndPick(BackupHistoryDialog *dialog, const QString &text)
    {
        auto *search = child<QLineEdit>(dialog, u"historyNoteSearch"_s);
        search->clear();
        QTest::keyClicks(search, text);
        QSignalSpy listed(dialog, &BackupHistoryDialog::historyShown);
        QTest::keyClick(search, Qt::Key_Return);
        auto *matches = child<QListWidget>(dialog, u"historyNoteMatches"_s);
        if (!QTest::qWaitFor([&] { return matches->isVisible() || !listed.isEmpty(); }, 30000)) {
            return false;
        }
        if (listed.isEmpty()) {
            if (matches->count() == 0 || !(matches->item(0)->flags() & Qt::ItemIsEnabled)) {
                return false;
            }
            const QRect place = matches->visualItemRect(matches->item(0));
            QTest::mouseClick(matches->viewport(), Qt::LeftButton, {}, place.center());
        }
        return !listed.isEmpty() || listed.wait(30000);
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
        note.content = m_firstContent;
        auto saved = m_fx->store->saveNote(note);
        QVERIFY(saved);
        m_note = *saved;
        Note other;
        other.title = u"Reading list"_s;
        other.content = u"Dune\n"_s;
        const auto otherSaved = m_fx->store->saveNote(other);
        QVERIFY(otherSaved);
        m_card = std::make_unique<SyncCard>(m_fx->clock);
        m_card->resize(640, 560);
        m_card->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_card.get()));
        m_card->setClient(m_fx->client.get(), SyncCard::Backend::Local);
        QTRY_COMPARE(m_card->state(), SyncCard::State::Connected);
        QTRY_VERIFY(child<QPushButton>(m_card.get(), u"syncNowButton"_s)->isEnabled());
        // Three backups: both notes from the laptop, the grocery list edited on the desk, the reading list alone.
        QVERIFY(syncFrom(u"laptop"_s));
        edit(m_note.uuid, m_secondContent);
        QVERIFY(syncFrom(u"desk"_s));
        edit(otherSaved->uuid, u"Dune\nSolaris\n"_s);
        QVERIFY(syncFrom(u"desk"_s));
    }

    void cleanup()
    {
        m_card.reset();
        m_fx->drainRequests();
        m_fx.reset();
        qunsetenv("NOTECHONDRIA_DEVICE_NAME");
    }

    void everyBackupIsListedWithItsDeviceAndWhatChanged()
    {
        BackupHistoryDialog *dialog = openHistory();
        QVERIFY(dialog);
        auto *list = child<QListWidget>(dialog, u"historyCommitList"_s);
        QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 3, 30000);
        // Newest first, the device and the counts in words; the repository's own first commit comes last.
        QVERIFY2(list->item(0)->text().contains(u"desk"_s), qPrintable(list->item(0)->text()));
        QVERIFY2(list->item(0)->text().contains(u"1 changed"_s), qPrintable(list->item(0)->text()));
        QVERIFY2(list->item(2)->text().contains(u"laptop"_s), qPrintable(list->item(2)->text()));
        QVERIFY2(list->item(2)->text().contains(u" added"_s), qPrintable(list->item(2)->text()));
        auto *details = child<QLabel>(dialog, u"historyDetailsLabel"_s);
        QVERIFY2(details->text().contains(u"Changed note “Reading list”"_s), qPrintable(details->text()));
        QVERIFY2(details->text().contains(u"Open this backup on GitHub"_s), qPrintable(details->text()));
        list->setCurrentRow(1);
        QVERIFY2(details->text().contains(u"Changed note “Groceries”"_s), qPrintable(details->text()));
        list->setCurrentRow(2);
        QVERIFY2(details->text().contains(u"Added note “Groceries”"_s), qPrintable(details->text()));
        QVERIFY2(details->text().contains(u"Added note “Reading list”"_s), qPrintable(details->text()));
        // Return in the search box searches; it does not close the dialog.
        QTest::keyClick(child<QLineEdit>(dialog, u"historyNoteSearch"_s), Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY(!child<QPushButton>(dialog, u"historyRestoreButton"_s)->isEnabled());
        dialog->close();
    }

    void anOldVersionComesBackInPlaceWithOneClick()
    {
        BackupHistoryDialog *dialog = openHistory();
        QVERIFY(dialog);
        QSignalSpy shown(dialog, &BackupHistoryDialog::versionShown);
        QVERIFY(findAndPick(dialog, u"Groceries"_s));
        // Only the two backups that changed the grocery list; the newest is shown at once.
        auto *list = child<QListWidget>(dialog, u"historyCommitList"_s);
        QCOMPARE(list->count(), 2);
        QVERIFY(shown.wait(30000) || !shown.isEmpty());
        auto *then = child<QPlainTextEdit>(dialog, u"historyThenView"_s);
        auto *now = child<QPlainTextEdit>(dialog, u"historyNowView"_s);
        QCOMPARE(then->toPlainText(), m_secondContent);
        QCOMPARE(now->toPlainText(), m_secondContent);

        shown.clear();
        list->setCurrentRow(1);
        QVERIFY(shown.wait(30000));
        QCOMPARE(then->toPlainText(), m_firstContent);
        QCOMPARE(now->toPlainText(), m_secondContent);
        QVERIFY2(child<QLabel>(dialog, u"historyVersionLabel"_s)->text().contains(u"“Groceries”"_s),
            qPrintable(child<QLabel>(dialog, u"historyVersionLabel"_s)->text()));

        auto *restore = child<QPushButton>(dialog, u"historyRestoreButton"_s);
        QVERIFY(restore->isEnabled());
        QSignalSpy restored(dialog, &BackupHistoryDialog::noteRestored);
        QTest::mouseClick(restore, Qt::LeftButton);
        QVERIFY(restored.wait(30000));
        QCOMPARE(restored.constFirst().at(0).toString(), m_note.uuid.toString(QUuid::WithoutBraces));
        QCOMPARE(storedContent(m_note.uuid), m_firstContent);
        auto *result = child<QLabel>(dialog, u"historyResultLabel"_s);
        QVERIFY2(result->isVisible() && result->text().startsWith(u"“Groceries” is back as it was"_s),
            qPrintable(result->text()));
        // The look back follows: the note now is the version brought back.
        QTRY_COMPARE_WITH_TIMEOUT(now->toPlainText(), m_firstContent, 30000);
        QVERIFY(!child<QLabel>(dialog, u"historyErrorLabel"_s)->isVisible());

        // Undo takes the restore back; restoring again brings the old version once more.
        auto *undo = child<QPushButton>(dialog, u"historyUndoButton"_s);
        QVERIFY(undo->isVisible());
        QSignalSpy undone(dialog, &BackupHistoryDialog::restoreUndone);
        QTest::mouseClick(undo, Qt::LeftButton);
        QVERIFY(undone.wait(30000));
        QCOMPARE(storedContent(m_note.uuid), m_secondContent);
        QTRY_COMPARE_WITH_TIMEOUT(now->toPlainText(), m_secondContent, 30000);
        QVERIFY(!undo->isVisible());
        restored.clear();
        QTest::mouseClick(restore, Qt::LeftButton);
        QVERIFY(restored.wait(30000));
        QCOMPARE(storedContent(m_note.uuid), m_firstContent);

        // The next sync carries it to GitHub as a change of that note.
        dialog->close();
        QVERIFY(syncFrom(u"laptop"_s));
        QVERIFY2(child<QLabel>(m_card.get(), u"syncResultLabel"_s)->text().startsWith(u"Synced: "_s),
            qPrintable(child<QLabel>(m_card.get(), u"syncResultLabel"_s)->text()));
    }

    void aVersionComesBackAsACopyFoundByItsId()
    {
        BackupHistoryDialog *dialog = openHistory();
        QVERIFY(dialog);
        // The id as the backup's file names write it: no dashes.
        QVERIFY(findAndPick(dialog, m_note.uuid.toString(QUuid::Id128)));
        auto *list = child<QListWidget>(dialog, u"historyCommitList"_s);
        QCOMPARE(list->count(), 2);
        QSignalSpy shown(dialog, &BackupHistoryDialog::versionShown);
        list->setCurrentRow(1);
        QVERIFY(shown.wait(30000));
        const int before = m_fx->store->noteCount().value_or(-1);
        QSignalSpy restored(dialog, &BackupHistoryDialog::noteRestored);
        QTest::mouseClick(child<QPushButton>(dialog, u"historyRestoreCopyButton"_s), Qt::LeftButton);
        QVERIFY(restored.wait(30000));
        QVERIFY(restored.constFirst().at(1).toBool());
        const QUuid copy = QUuid::fromString(restored.constFirst().at(0).toString());
        QVERIFY(copy != m_note.uuid);
        QCOMPARE(m_fx->store->noteCount().value_or(-1), before + 1);
        QCOMPARE(storedContent(copy), m_firstContent);
        QCOMPARE(storedContent(m_note.uuid), m_secondContent); // the note itself is left as it is
        const auto made = m_fx->store->noteByUuid(copy);
        QVERIFY(made && *made);
        QVERIFY2((*made)->title.startsWith(u"Groceries (restored "_s), qPrintable((*made)->title));
        dialog->close();
    }

    void aSearchThatFindsNothingSaysSo()
    {
        BackupHistoryDialog *dialog = openHistory();
        QVERIFY(dialog);
        QVERIFY(!findAndPick(dialog, u"no such note anywhere"_s));
        auto *matches = child<QListWidget>(dialog, u"historyNoteMatches"_s);
        QCOMPARE(matches->count(), 1);
        QVERIFY2(matches->item(0)->text().startsWith(u"No note on this computer matches"_s),
            qPrintable(matches->item(0)->text()));
        dialog->close();
    }
};

QTEST_MAIN(TestBackupHistory)
#include "test_backuphistory.moc"
