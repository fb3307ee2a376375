// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notechondriaclient.h"

#include <QCoroTask>
#include <QFrame>
#include <QPointer>
#include <QSet>

class QLabel;
class QStackedWidget;
class QTimer;

namespace Notechondria {

class Clock;
class ConflictDialog;
class RestoreDialog;
class BackupHistoryDialog;
class SyncConnectedPage;
class SyncDisconnectedPage;

/**
 * The GitHub Sync card (upstream §7, DECISIONS §6), built in code because it changes shape with its state:
 * passive (no server or not signed in), loading, disconnected (Install Notechondria GitHub App, or a pasted
 * installation id) and connected (repository, Include assets, Push now, Disconnect, last push, last error).
 *
 * The disconnected and connected pages are widgets of their own (SyncDisconnectedPage, SyncConnectedPage) that
 * report presses; the card runs every action as a coroutine on the NotechondriaClient (synccardactions.cpp), one
 * busy flag keeping actions from overlapping. Widgets carry objectNames (syncCard,
 * installButton, repoComboBox, pushNowButton…) for tests.
 *
 * With the local server (Backend::Local) the main button is Sync now (syncNowButton): GitHub's changes come in,
 * this device's go out, and the card says in words what moved; conflicts are resolved per item. A remote server
 * keeps Push now (pushNowButton) and the upstream push contract. The local server also offers Test restore
 * (testRestoreButton): the backup checked file by file and restored into a scratch profile, the last result shown as
 * "Last verified …" (lastVerifiedLabel) with the damaged files by title in its tooltip.
 */
class SyncCard : public QFrame
{
    Q_OBJECT

public:
    enum class State { Passive, Loading, Disconnected, Connected };
    Q_ENUM(State)
    /// Who does the GitHub work: the embedded local server (two-way sync) or a remote backend (push).
    enum class Backend { Local, Remote };

    SyncCard(const Clock *clock, QWidget *parent = nullptr);
    ~SyncCard() override;

    /// The client to use; nullptr (or a client with no server/key) makes the card passive.
    void setClient(NotechondriaClient *client, Backend backend = Backend::Remote);
    [[nodiscard]] Backend backend() const { return m_backend; }
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] bool isBusy() const { return m_busy; }
    /// How often the card asks the server for a new installation after Install was pressed.
    void setInstallPollInterval(std::chrono::milliseconds interval);
    [[nodiscard]] const SyncStatus &status() const { return m_status; }
    /// What a sync did, in one plain sentence ("Synced: 2 files came in from GitHub, 1 went out.").
    [[nodiscard]] static QString syncSummary(const PushResult &result);

public Q_SLOTS:
    /// Reloads the status (and the repositories when connected).
    void refresh();
    /// An installation came back (the local server's callback, or detected): persist it when not yet stored.
    void installationLinked(const QString &installationId, const QString &accountLogin);

Q_SIGNALS:
    void stateChanged(Notechondria::SyncCard::State state);
    void busyChanged(bool busy);
    /// A push or sync ended with a commit (or an unchanged head).
    void pushed(const QString &commitSha);
    /// A conflict dialog was opened (tests and the main window use it).
    void conflictDialogOpened(Notechondria::ConflictDialog *dialog);
    /// An action failed; `message` is in the three-part shape and is also shown inline.
    void actionFailed(const QString &message);
    void previewRequested();
    void historyRequested();
    /// A restore dialog was opened (tests use it).
    void restoreDialogOpened(Notechondria::RestoreDialog *dialog);
    /// The backup history (time machine) was opened (tests use it).
    void backupHistoryOpened(Notechondria::BackupHistoryDialog *dialog);
    /// The last verification was read from the server or a test restore ended (shown in lastVerifiedLabel).
    void lastVerificationShown();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    QWidget *buildPassivePage();
    QWidget *buildLoadingPage();
    void connectPages();
    void openRestoreDialog(const RestoreSource &source);
    void openBackupHistory();
    void setState(State state);
    void setBusy(bool busy);
    void showStatus();
    void showRepos();
    void updateLastPush();
    /// lastVerifiedLabel: "Testing the backup…", the last verification in a sentence, or "Never verified.".
    void showLastVerified();
    void showActionError(const QString &message);
    void startInstall();

    QCoro::Task<> doRefresh();
    QCoro::Task<> doListRepos();
    QCoro::Task<> doSelectRepo(int index);
    /// Push now (remote) or Sync now (local) with the request's choices.
    QCoro::Task<> doPush(SyncRequest request);
    void askMassDeletion(const PushResult &result, const SyncRequest &request);
    void showPushed(const PushResult &result);
    QCoro::Task<> doDisconnect();
    /// Test restore (local server): verifies the branch head and shows the result as the last verification.
    QCoro::Task<> doTestRestore();
    QCoro::Task<> loadLastVerification();
    /// The account of a pasted installation id: checked against GitHub on the local server (an error when GitHub does
    /// not know it as this App's), looked up in the installations elsewhere (empty when not found).
    [[nodiscard]] QCoro::Task<Result<QString>> accountOf(QString installationId);
    QCoro::Task<> doLink(QString installationId, QString accountLogin);
    QCoro::Task<> snapshotInstallations();
    QCoro::Task<> pollInstallations();
    /// While a push runs: asks the server whether it waits for GitHub's write limits, and shows the countdown.
    QCoro::Task<> pollPushWait();
    void openConflictDialog(const PushResult &result, const SyncRequest &request);

    const Clock *m_clock;
    QPointer<NotechondriaClient> m_client;
    Backend m_backend = Backend::Remote;
    State m_state = State::Passive;
    bool m_busy = false;
    SyncStatus m_status;
    std::optional<QList<RepoInfo>> m_repos;
    QString m_repoErrorText;
    QString m_sessionPushSha;
    QSet<QString> m_knownInstallations;
    bool m_installationsSnapshotted = false;
    int m_refreshGeneration = 0;
    int m_pollsLeft = 0;
    std::optional<VerifyReport> m_lastVerification;
    bool m_lastVerificationLoaded = false;
    bool m_verifying = false;
    int m_verifyGeneration = 0; ///< a test restore's answer is newer than a last verification read before it

    QStackedWidget *m_pages = nullptr;
    SyncDisconnectedPage *m_disconnected = nullptr;
    SyncConnectedPage *m_connected = nullptr;
    QLabel *m_actionError = nullptr; ///< all states
    QTimer *m_pollTimer;
    QTimer *m_clockTimer;
    QTimer *m_pushWaitTimer; ///< once a second while a push runs
    bool m_pushWaitPolling = false;
};

} // namespace Notechondria
