// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notechondriaclient.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace Notechondria {

/**
 * The connected page of the GitHub Sync card: the installation, the sync target repository (repoComboBox, with
 * its loading bar, error and Retry), Include assets, the main button (pushNowButton for a remote backend,
 * syncNowButton for the local server), Disconnect, preview and history, the restore buttons, Test restore with the
 * last verification under it (testRestoreButton, lastVerifiedLabel; local server only), and what the last push did
 * (syncResultLabel, commitLinkLabel, lastPushLabel, lastErrorLabel).
 *
 * The page shows what the card tells it and reports presses as signals; the card runs the actions.
 */
class SyncConnectedPage : public QWidget
{
    Q_OBJECT

public:
    explicit SyncConnectedPage(QWidget *parent = nullptr);

    /// The local server makes Sync now the main button, a remote backend Push now; Test restore is the local server's.
    void setLocalBackend(bool local);
    [[nodiscard]] bool includeAssets() const;
    /// While busy nothing can be started; `repoSelected` tells whether the status names a repository.
    void setBusy(bool busy, bool repoSelected, bool reposListed);
    /// The push progress bar shows while busy with a push or sync.
    void setPushing(bool pushing);
    /// Under the progress bar: the push waits @p seconds for GitHub's write limits (0 hides the line).
    void showPushWait(qint64 seconds);
    void showInstallation(const QString &installedText, const QString &lastError);
    /// The repositories (nullopt while they load), the error of listing them, and the status's repository.
    void showRepos(
        const std::optional<QList<RepoInfo>> &repos, const QString &errorText, const QString &selected, bool busy);
    /// `toolTip` nullopt keeps the current one.
    void showLastPush(const QString &text, const std::optional<QString> &toolTip = std::nullopt);
    void showSyncResult(const QString &summary);
    /// Under the restore row: the last test restore in a sentence, its details (the damaged files) as the tooltip;
    /// in the error colour when @p incomplete.
    void showLastVerified(const QString &text, const QString &toolTip, bool incomplete = false);
    void showCommitLink(const QString &richText, const QString &url, bool visible);
    /// Hides the sync result and the commit link.
    void clearResult();
    void hideCommitLink();

Q_SIGNALS:
    void repoActivated(int index);
    void retryReposRequested();
    void pushRequested();
    void disconnectRequested();
    void previewRequested();
    void historyRequested();
    /// Browse backups…: the time machine (local server only).
    void backupHistoryRequested();
    void restoreRequested(const Notechondria::RestoreSource &source);
    void testRestoreRequested();

private:
    void addInstalledRow(QVBoxLayout *layout);
    void addRepoRows(QVBoxLayout *layout);
    void addIncludeAssets(QVBoxLayout *layout);
    void addButtons(QVBoxLayout *layout);
    QHBoxLayout *buildRestoreRow();
    void addLastVerified(QVBoxLayout *layout);
    void addResults(QVBoxLayout *layout);
    void updateIncludeAssetsHint();

    bool m_pushing = false;
    bool m_local = false;
    QLabel *m_installedLabel = nullptr;
    QComboBox *m_repoCombo = nullptr;
    QProgressBar *m_reposBar = nullptr;
    QLabel *m_repoError = nullptr;
    QPushButton *m_retryRepos = nullptr;
    QLabel *m_emptyReposHint = nullptr;
    QCheckBox *m_includeAssets = nullptr;
    QLabel *m_includeAssetsHint = nullptr;
    QPushButton *m_pushNow = nullptr;
    QPushButton *m_syncNow = nullptr;
    QPushButton *m_disconnect = nullptr;
    QPushButton *m_browseBackups = nullptr;
    QProgressBar *m_pushProgress = nullptr;
    QLabel *m_pushWait = nullptr;
    QPushButton *m_testRestore = nullptr;
    QLabel *m_lastVerified = nullptr;
    QLabel *m_syncResult = nullptr;
    QLabel *m_commitLink = nullptr;
    QLabel *m_lastPush = nullptr;
    QLabel *m_lastError = nullptr;
};

} // namespace Notechondria
