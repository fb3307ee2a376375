// SPDX-License-Identifier: GPL-3.0-or-later
// The GitHub Sync card, clicked by objectName against the real local server and the GitHub test server.
#include "conflictdialog.h"
#include "demodata.h"
#include "exportpreview.h"
#include "pushhistoryview.h"
#include "relativetime.h"
#include "synccard.h"
#include "syncfixture.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Notechondria;
using namespace Notechondria::Test;

namespace {
/// When NOTECHONDRIA_SCREENSHOT_DIR is set, saves the widget as <dir>/<name>.png.
inline void screenshot(QWidget *widget, const QString &name)
{
    const QString target = qEnvironmentVariable("NOTECHONDRIA_SCREENSHOT_DIR");
    if (target.isEmpty()) {
        return;
    }
    QDir().mkpath(target);
    widget->grab().save(QDir(target).filePath(name + u".png"_s));
}

} // namespace

/// Catches QDesktopServices::openUrl so no browser starts.
class UrlRecorder : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

class TestSyncCard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncFixture> m_fx;
    std::unique_ptr<SyncCard> m_card;
    UrlRecorder m_urls;
    qint64 m_installation = 0;
    QTemporaryDir m_settingsDir;

    template<typename T>
    T *child(const QString &name) const
    {
        T *widget = m_card->findChild<T *>(name);
        if (!widget) {
            qWarning("No child %s", qPrintable(name));
        }
        return widget;
    }

    /// Connected through a pasted installation id, with octo/notes-backup chosen.
    void connectAndChooseRepo()
    {
        QTRY_COMPARE(m_card->state(), SyncCard::State::Disconnected);
        auto *edit = child<QLineEdit>(u"installationIdEdit"_s);
        edit->setText(QString::number(m_installation));
        QTest::mouseClick(child<QPushButton>(u"linkInstallationButton"_s), Qt::LeftButton);
        QTRY_COMPARE(m_card->state(), SyncCard::State::Connected);
        auto *combo = child<QComboBox>(u"repoComboBox"_s);
        QTRY_COMPARE(combo->count(), 2);
        const int index = combo->findData(u"octo/notes-backup"_s);
        QVERIFY(index >= 0);
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index);
        QTRY_COMPARE(m_card->status().repoFullName, u"octo/notes-backup"_s);
        QTRY_VERIFY(child<QPushButton>(u"pushNowButton"_s)->isEnabled());
    }

    /// Clicks Push now and waits for the commit link; returns the pushed sha.
    QString pushNow()
    {
        QSignalSpy pushed(m_card.get(), &SyncCard::pushed);
        QTest::mouseClick(child<QPushButton>(u"pushNowButton"_s), Qt::LeftButton);
        if (!pushed.wait(30000)) {
            return {};
        }
        return pushed.constFirst().constFirst().toString();
    }

    [[nodiscard]] QByteArray remoteFile(const QString &path) const
    {
        QProcess git;
        git.start(u"git"_s,
            {u"--git-dir"_s, m_fx->github.bareRepositoryPath(u"octo/notes-backup"_s), u"show"_s, u"main:"_s + path});
        git.waitForFinished(30000);
        return git.readAllStandardOutput();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QDesktopServices::setUrlHandler(u"https"_s, &m_urls, "open");
    }

    void init()
    {
        m_fx = std::make_unique<SyncFixture>();
        const QString problem = m_fx->setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_installation = m_fx->github.addInstallation(u"octo"_s);
        m_fx->github.addRepository(m_installation, u"octo/notes-backup"_s, u"main"_s, true, false);
        m_fx->github.addRepository(m_installation, u"octo/other"_s);
        m_urls.opened.clear();
        m_card = std::make_unique<SyncCard>(m_fx->clock);
        m_card->setInstallPollInterval(std::chrono::milliseconds(100));
        m_card->resize(640, 520);
        m_card->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_card.get()));
    }

    void cleanup()
    {
        m_card.reset();
        m_fx->drainRequests();
        m_fx.reset();
    }

    void passiveWithoutServerShowsSignInHintAndNothingClickable()
    {
        QCOMPARE(m_card->state(), SyncCard::State::Passive);
        auto *hint = child<QLabel>(u"passiveHintLabel"_s);
        QVERIFY(hint->isVisible());
        QCOMPARE(hint->text(), u"Sign in to enable GitHub Sync."_s);
        for (QAbstractButton *button : m_card->findChildren<QAbstractButton *>()) {
            QVERIFY2(!button->isVisible(), qPrintable(button->objectName()));
        }
        for (QLineEdit *edit : m_card->findChildren<QLineEdit *>()) {
            QVERIFY2(!edit->isVisible(), qPrintable(edit->objectName()));
        }
        screenshot(m_card.get(), u"card-passive"_s);
    }

    void withoutKeyStaysPassive()
    {
        m_fx->client->setApiKey(QString());
        m_card->setClient(m_fx->client.get());
        QCOMPARE(m_card->state(), SyncCard::State::Passive);
    }

    void loadsThenShowsInstallButtonWhenDisconnected()
    {
        m_card->setClient(m_fx->client.get());
        QCOMPARE(m_card->state(), SyncCard::State::Loading);
        QVERIFY(child<QProgressBar>(u"loadingProgressBar"_s)->isVisible());
        screenshot(m_card.get(), u"card-loading"_s);
        QTRY_COMPARE(m_card->state(), SyncCard::State::Disconnected);
        auto *install = child<QPushButton>(u"installButton"_s);
        QVERIFY(install->isVisible());
        QVERIFY(install->isEnabled());
        QCOMPARE(install->text(), u"Install Notechondria GitHub App"_s);
        QVERIFY(child<QLineEdit>(u"installationIdEdit"_s)->isVisible());
        screenshot(m_card.get(), u"card-disconnected"_s);
    }

    void installOpensBrowserAndConnectsThroughTheCallback()
    {
        m_card->setClient(m_fx->client.get());
        connect(m_fx->server.get(), &LocalServer::installationLinked, m_card.get(),
            [this](const QString &id) { m_card->installationLinked(id, QString()); });
        QTRY_COMPARE(m_card->state(), SyncCard::State::Disconnected);
        m_card->setInstallPollInterval(std::chrono::hours(1)); // only the callback may link here
        QTest::mouseClick(child<QPushButton>(u"installButton"_s), Qt::LeftButton);
        QCOMPARE(m_urls.opened.size(), 1);
        const QUrl opened = m_urls.opened.constFirst();
        QCOMPARE(opened.adjusted(QUrl::RemoveQuery), QUrl(QString::fromLatin1(installUrl)));
        const QString state = QUrlQuery(opened).queryItemValue(u"state"_s);
        QCOMPARE(state.size(), 32); // the server's nonce rides along through GitHub

        // GitHub sends the browser back to the local server's callback, with the state.
        QUrl callback = m_fx->server->baseUrl();
        callback.setPath(callback.path() + u"/integrations/github/callback/"_s);
        callback.setQuery(u"installation_id=%1&setup_action=install&state=%2"_s.arg(m_installation).arg(state));
        std::unique_ptr<QNetworkReply> reply(m_fx->nam.get(QNetworkRequest(callback)));
        QTRY_VERIFY(reply->isFinished());
        QTRY_COMPARE(m_card->state(), SyncCard::State::Connected);
        QTRY_COMPARE(child<QLabel>(u"installedLabel"_s)->text(), u"GitHub App installed on @octo."_s);
    }

    void installIsDetectedByPollingInstallations()
    {
        m_card->setClient(m_fx->client.get());
        QTRY_COMPARE(m_card->state(), SyncCard::State::Disconnected);
        QTest::mouseClick(child<QPushButton>(u"installButton"_s), Qt::LeftButton);
        QTest::qWait(300); // the card has seen the installations that existed before the click
        const qint64 fresh = m_fx->github.addInstallation(u"newcomer"_s);
        QTRY_COMPARE(m_card->state(), SyncCard::State::Connected);
        QCOMPARE(m_card->status().installationId, QString::number(fresh));
        QTRY_COMPARE(child<QLabel>(u"installedLabel"_s)->text(), u"GitHub App installed on @newcomer."_s);
    }

    void pastedInstallationIdConnectsAndListsRepositories()
    {
        m_card->setClient(m_fx->client.get());
        connectAndChooseRepo();
        QCOMPARE(m_card->status().accountLogin, u"octo"_s);
        QVERIFY(!child<QLabel>(u"repoErrorLabel"_s)->isVisible());
        QVERIFY(!child<QPushButton>(u"retryReposButton"_s)->isVisible());
        const auto stored = m_fx->store->integration();
        QVERIFY(stored && *stored);
        QCOMPARE((*stored)->repoFullName, u"octo/notes-backup"_s);
        // The refresh after the choice keeps the listed repositories: the choice stays on screen.
        auto *combo = child<QComboBox>(u"repoComboBox"_s);
        QTRY_COMPARE(combo->currentData().toString(), u"octo/notes-backup"_s);
        QCOMPARE(combo->count(), 2);
        QVERIFY(!child<QProgressBar>(u"reposProgressBar"_s)->isVisible());
        screenshot(m_card.get(), u"card-connected"_s);
    }

    void pushShowsProgressThenTheCommitLink()
    {
        m_card->setClient(m_fx->client.get());
        connectAndChooseRepo();
        QSignalSpy busy(m_card.get(), &SyncCard::busyChanged);
        QTest::mouseClick(child<QPushButton>(u"pushNowButton"_s), Qt::LeftButton);
        QVERIFY(child<QProgressBar>(u"pushProgressBar"_s)->isVisible());
        QVERIFY(!child<QPushButton>(u"pushNowButton"_s)->isEnabled());
        auto *link = child<QLabel>(u"commitLinkLabel"_s);
        QTRY_VERIFY_WITH_TIMEOUT(link->isVisible(), 30000);
        const QString head = m_fx->github.headSha(u"octo/notes-backup"_s, u"main"_s);
        QVERIFY(!head.isEmpty());
        QVERIFY2(
            link->text().contains(u"https://github.com/octo/notes-backup/commit/"_s + head), qPrintable(link->text()));
        QVERIFY(link->text().contains(head.left(8)));
        QVERIFY(!child<QProgressBar>(u"pushProgressBar"_s)->isVisible());
        QTRY_VERIFY(child<QLabel>(u"lastPushLabel"_s)->text().contains(u"just now"_s));
        QCOMPARE(child<QComboBox>(u"repoComboBox"_s)->currentData().toString(), u"octo/notes-backup"_s);
        QVERIFY(!remoteFile(u"profile/creator.json"_s).isEmpty());
        screenshot(m_card.get(), u"card-pushed"_s);
    }

    void includeAssetsIsRemembered()
    {
        m_card->setClient(m_fx->client.get());
        auto *assets = child<QCheckBox>(u"includeAssetsCheckBox"_s);
        assets->setChecked(false);
        assets->setChecked(true);
        SyncCard second(m_fx->clock);
        QVERIFY(second.findChild<QCheckBox *>(u"includeAssetsCheckBox"_s)->isChecked());
        assets->setChecked(false);
        SyncCard third(m_fx->clock);
        QVERIFY(!third.findChild<QCheckBox *>(u"includeAssetsCheckBox"_s)->isChecked());
    }

    void massDeletionAsksThenPushesConfirmed()
    {
        DemoOptions many;
        many.notes = 30;
        QVERIFY(generateDemoData(*m_fx->store, many, *m_fx->clock));
        m_card->setClient(m_fx->client.get());
        connectAndChooseRepo();
        QVERIFY(!pushNow().isEmpty());
        const QString before = m_fx->github.headSha(u"octo/notes-backup"_s, u"main"_s);
        DemoOptions removal;
        removal.deleteCount = 25;
        QVERIFY(generateDemoData(*m_fx->store, removal, *m_fx->clock));

        QSignalSpy pushed(m_card.get(), &SyncCard::pushed);
        QTest::mouseClick(child<QPushButton>(u"pushNowButton"_s), Qt::LeftButton);
        QMessageBox *ask = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((ask = m_card->findChild<QMessageBox *>(u"massDeletionDialog"_s)) != nullptr, 30000);
        QTRY_VERIFY(ask->isVisible());
        QVERIFY2(ask->text().contains(u"delete 50 file"_s), qPrintable(ask->text()));
        QCOMPARE(m_fx->github.headSha(u"octo/notes-backup"_s, u"main"_s), before); // nothing deleted yet
        QVERIFY(pushed.isEmpty());
        QTest::mouseClick(ask->findChild<QPushButton *>(u"confirmMassDeletionButton"_s), Qt::LeftButton);
        QVERIFY(pushed.wait(30000));
        const QString after = m_fx->github.headSha(u"octo/notes-backup"_s, u"main"_s);
        QCOMPARE(pushed.constFirst().constFirst().toString(), after);
        QVERIFY(after != before);
    }

    void conflictDialog_data()
    {
        QTest::addColumn<bool>("overwrite");
        QTest::newRow("overwrite GitHub") << true;
        QTest::newRow("keep GitHub's version") << false;
    }

    void conflictDialog()
    {
        QFETCH(bool, overwrite);
        m_card->setClient(m_fx->client.get());
        connectAndChooseRepo();
        QVERIFY(!pushNow().isEmpty());

        // Both sides change the same file: this device the motto, another device its own copy.
        auto profile = m_fx->store->profile();
        QVERIFY(profile);
        profile->motto = u"written here"_s;
        QVERIFY(m_fx->store->saveProfile(*profile));
        const QByteArray theirs = "{\n  \"motto\": \"written elsewhere\"\n}\n";
        m_fx->github.commitFromAnotherDevice(
            u"octo/notes-backup"_s, u"main"_s, {{u"profile/creator.json"_s, theirs}}, u"Second device"_s);

        QSignalSpy opened(m_card.get(), &SyncCard::conflictDialogOpened);
        QTest::mouseClick(child<QPushButton>(u"pushNowButton"_s), Qt::LeftButton);
        QVERIFY(opened.wait(30000));
        auto *dialog = opened.constFirst().constFirst().value<ConflictDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->objectName(), u"conflictDialog"_s);
        auto *items = dialog->findChild<QTreeWidget *>(u"conflictItemList"_s);
        QVERIFY(!items->findItems(u"profile/creator.json"_s, Qt::MatchExactly, 1).isEmpty());
        QCOMPARE(items->topLevelItem(0)->text(0), u"Profile"_s); // named in words, the path as detail
        // Both sides come from the local server: this device's export and the branch on GitHub.
        auto *remoteView = dialog->findChild<QPlainTextEdit *>(u"remoteVersionView"_s);
        auto *localView = dialog->findChild<QPlainTextEdit *>(u"localVersionView"_s);
        QTRY_COMPARE_WITH_TIMEOUT(remoteView->toPlainText(), QString::fromUtf8(theirs), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(localView->toPlainText().contains(u"\"motto\": \"written here\""_s), 30000);
        QVERIFY(!dialog->findChild<QLabel *>(u"diffErrorLabel"_s)->isVisible());
        screenshot(dialog, u"conflict-dialog"_s);

        QSignalSpy pushed(m_card.get(), &SyncCard::pushed);
        QTest::mouseClick(
            dialog->findChild<QPushButton *>(overwrite ? u"overwriteButton"_s : u"keepRemoteButton"_s), Qt::LeftButton);
        QVERIFY(pushed.wait(30000));
        const QByteArray remote = remoteFile(u"profile/creator.json"_s);
        if (overwrite) {
            QVERIFY2(remote.contains("written here"), remote.constData());
        } else {
            // GitHub's version is written into this device's store, so both sides hold it afterwards.
            QVERIFY2(remote.contains("\"motto\": \"written elsewhere\""), remote.constData());
            QCOMPARE(m_fx->store->profile()->motto, u"written elsewhere"_s);
        }
    }

    void disconnectReturnsToTheInstallButton()
    {
        m_card->setClient(m_fx->client.get());
        connectAndChooseRepo();
        QTest::mouseClick(child<QPushButton>(u"disconnectButton"_s), Qt::LeftButton);
        QTRY_COMPARE(m_card->state(), SyncCard::State::Disconnected);
        QVERIFY(child<QPushButton>(u"installButton"_s)->isVisible());
        QVERIFY(!child<QLabel>(u"operatorNoteLabel"_s)->isVisible());
        const auto stored = m_fx->store->integration();
        QVERIFY(stored && !*stored);
    }

    void existingInstallationIsPickedFromTheList()
    {
        // An installation made before anything was clicked is offered (issue #15), and picking it links it.
        m_card->setClient(m_fx->client.get(), SyncCard::Backend::Local);
        QTRY_COMPARE(m_card->state(), SyncCard::State::Disconnected);
        auto *combo = child<QComboBox>(u"installationComboBox"_s);
        QTRY_COMPARE(combo->count(), 1);
        QVERIFY(combo->isVisible());
        QCOMPARE(combo->itemData(0).toString(), QString::number(m_installation));
        QTest::mouseClick(child<QPushButton>(u"useInstallationButton"_s), Qt::LeftButton);
        QTRY_COMPARE(m_card->state(), SyncCard::State::Connected);
        QCOMPARE(m_card->status().installationId, QString::number(m_installation));
    }

    void pastedUnknownInstallationIdIsRefused()
    {
        // The local server checks a pasted id against GitHub (issue #15): an id GitHub does not know is not linked.
        m_card->setClient(m_fx->client.get(), SyncCard::Backend::Local);
        QTRY_COMPARE(m_card->state(), SyncCard::State::Disconnected);
        child<QLineEdit>(u"installationIdEdit"_s)->setText(QString::number(m_installation + 999));
        QTest::mouseClick(child<QPushButton>(u"linkInstallationButton"_s), Qt::LeftButton);
        auto *error = child<QLabel>(u"actionErrorLabel"_s);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(u"Installation not accepted: "_s), qPrintable(error->text()));
        QCOMPARE(m_card->state(), SyncCard::State::Disconnected);
        const auto stored = m_fx->store->integration();
        QVERIFY(stored && !*stored);
    }

    void listingErrorShowsRetryWhichRecovers()
    {
        GitHubTestServer::Fault fault;
        fault.method = "GET";
        fault.path = QRegularExpression(u"^/installation/repositories"_s);
        fault.status = 404;
        m_fx->github.injectFault(fault);
        m_card->setClient(m_fx->client.get());
        QTRY_COMPARE(m_card->state(), SyncCard::State::Disconnected);
        child<QLineEdit>(u"installationIdEdit"_s)->setText(QString::number(m_installation));
        QTest::mouseClick(child<QPushButton>(u"linkInstallationButton"_s), Qt::LeftButton);
        QTRY_COMPARE(m_card->state(), SyncCard::State::Connected);
        auto *error = child<QLabel>(u"repoErrorLabel"_s);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(u"Cannot list repositories: "_s), qPrintable(error->text()));
        QVERIFY(error->text().contains(QChar(0x2014)));
        auto *retry = child<QPushButton>(u"retryReposButton"_s);
        QVERIFY(retry->isVisible());
        screenshot(m_card.get(), u"card-repo-error"_s);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE(child<QComboBox>(u"repoComboBox"_s)->count(), 2);
        QVERIFY(!error->isVisible());
    }

    void pushFailureIsShownInThreeParts()
    {
        m_card->setClient(m_fx->client.get());
        connectAndChooseRepo();
        GitHubTestServer::Fault fault;
        fault.path = QRegularExpression(u"^/repos/"_s);
        fault.status = 404;
        fault.times = 100;
        m_fx->github.injectFault(fault);
        QSignalSpy failed(m_card.get(), &SyncCard::actionFailed);
        QTest::mouseClick(child<QPushButton>(u"pushNowButton"_s), Qt::LeftButton);
        QVERIFY(failed.wait(30000));
        const QString message = failed.constFirst().constFirst().toString();
        QVERIFY2(message.startsWith(u"GitHub Sync push failed: Frontend.GithubSync/push — "_s), qPrintable(message));
        QVERIFY(child<QLabel>(u"actionErrorLabel"_s)->isVisible());
        QTRY_VERIFY(child<QLabel>(u"lastErrorLabel"_s)->isVisible());
        m_fx->github.clearFaults();
    }

    void previewMarksAddedFilesThenNothingAfterPush()
    {
        m_card->setClient(m_fx->client.get());
        connectAndChooseRepo();
        ExportPreview preview;
        preview.setClient(m_fx->client.get());
        preview.resize(800, 500);
        preview.show();
        QSignalSpy loaded(&preview, &ExportPreview::loaded);
        preview.reload();
        QVERIFY(loaded.wait(10000));
        QVERIFY(loaded.constFirst().constFirst().toInt() > 0);
        auto *tree = preview.findChild<QTreeWidget *>(u"previewTree"_s);
        const QList<QTreeWidgetItem *> creator
            = tree->findItems(u"creator.json"_s, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(creator.size(), 1);
        QCOMPARE(creator.constFirst()->data(1, Qt::UserRole).toString(), u"added"_s);
        QCOMPARE(creator.constFirst()->text(1), u"added"_s);
        tree->setCurrentItem(creator.constFirst());
        auto *view = preview.findChild<QPlainTextEdit *>(u"previewFileView"_s);
        QTRY_VERIFY_WITH_TIMEOUT(view->toPlainText().startsWith(u'{'), 30000);
        const QString shown = view->toPlainText();
        screenshot(&preview, u"export-preview"_s);

        QVERIFY(!pushNow().isEmpty());
        QCOMPARE(shown, QString::fromUtf8(remoteFile(u"profile/creator.json"_s)));
        loaded.clear();
        preview.reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.constFirst().constFirst().toInt(), 0);
    }

    void historyListsTheRecordedRuns()
    {
        m_card->setClient(m_fx->client.get());
        connectAndChooseRepo();
        const QString sha = pushNow();
        QVERIFY(!sha.isEmpty());
        PushHistoryView history;
        history.setClient(m_fx->client.get());
        QSignalSpy loaded(&history, &PushHistoryView::loaded);
        history.reload();
        QVERIFY(loaded.wait(10000));
        QVERIFY(loaded.constFirst().constFirst().toInt() >= 1);
        auto *table = history.findChild<QTableWidget *>(u"runsTable"_s);
        QCOMPARE(table->item(0, 6)->text(), sha.left(8));
        QCOMPARE(table->item(0, 1)->text(), u"committed"_s);
    }

    void lastPushTimeInWords()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(relativeTimeText(now.addSecs(-10), now), u"just now"_s);
        QCOMPARE(relativeTimeText(now.addSecs(-60), now), u"1 minute ago"_s);
        QCOMPARE(relativeTimeText(now.addSecs(-5 * 60), now), u"5 minutes ago"_s);
        QCOMPARE(relativeTimeText(now.addSecs(-3 * 3600), now), u"3 hours ago"_s);
    }

    void lineDiffMarksChangedLinesOnBothSides()
    {
        const LineDiff diff = LineDiff::compute({u"a"_s, u"b"_s, u"c"_s}, {u"a"_s, u"x"_s, u"c"_s, u"d"_s});
        QCOMPARE(diff.removed, QList<int>({1}));
        QCOMPARE(diff.added, QList<int>({1, 3}));
    }
};

QTEST_MAIN(TestSyncCard)
#include "test_synccard.moc"
