// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notechondriaclient.h"

#include <QCoroTask>
#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace Notechondria {

class HighlightedView;

/**
 * The time machine (issue #16): every backup commit of the connected repository, newest first, with when, which
 * device and what changed in words; find a note (by title, or its uuid) to list only the backups that changed it,
 * look at it as any of them held it next to the note as it is now (highlighted, differing lines marked), and bring
 * that version back in place or as a copy. Every restore keeps an undo snapshot, which Undo (or `restore --undo`)
 * brings back.
 *
 * Talks only to the local server's history routes (GET integrations/github/history/, history/note/, POST
 * restore/item/) and `GET notes/?q=` for the search. Each look back costs at most two GitHub requests.
 *
 * objectNames: backupHistoryDialog, historyCaptionLabel, historyNoteSearch, historyNoteMatches,
 * historyAllBackupsButton, historyCommitList, historyMoreButton, historyDetailsLabel, historyThenView,
 * historyNowView, historyVersionLabel, historyRestoreButton, historyRestoreCopyButton, historyUndoButton (after a
 * restore), historyResultLabel, historyErrorLabel.
 */
class BackupHistoryDialog : public QDialog
{
    Q_OBJECT

public:
    explicit BackupHistoryDialog(NotechondriaClient *client, QWidget *parent = nullptr);

    /// Lists the backups that changed one note (its uuid, with or without dashes); "" lists every backup.
    void showNote(const QString &uuid, const QString &title = {});
    [[nodiscard]] bool isBusy() const { return m_busy; }
    [[nodiscard]] QString noteUuid() const { return m_noteUuid; }

Q_SIGNALS:
    /// The commit list arrived (`commits` entries).
    void historyShown(int commits);
    /// A note's version at a commit is shown next to the note now.
    void versionShown(const QString &commit);
    /// A version was brought back: `uuid` is the note restored (or the copy made).
    void noteRestored(const QString &uuid, bool asCopy);
    /// Undo took the last restore back: the account from before it is back with `notes` live notes.
    void restoreUndone(int notes);
    /// Something failed; `message` is three-part and shown inline.
    void failed(const QString &message);

private:
    void buildSearchRow();
    void buildPanes();
    void buildButtons();
    void setBusy(bool busy);
    void showError(const QString &message);
    void showCommits(const QList<BackupCommitInfo> &commits);
    void showCommitDetails(int row);
    void showVersion(const BackupNoteVersion &version);
    void commitSelected(int row);
    QCoro::Task<> doLoad();
    QCoro::Task<> doSearch();
    QCoro::Task<> doLoadVersion(QString commit);
    QCoro::Task<> doRestore(bool asCopy);
    QCoro::Task<> doUndo();

    QPointer<NotechondriaClient> m_client;
    QString m_noteUuid;
    QString m_noteTitle;
    QString m_shownCommit; ///< the commit whose version of the note is shown ("" while none is)
    QString m_wantedCommit; ///< the commit whose version was asked for last: an older answer is dropped
    int m_limit = 100;
    QList<BackupCommitInfo> m_commits;
    bool m_busy = false;
    QLabel *m_caption = nullptr;
    QLineEdit *m_search = nullptr;
    QListWidget *m_matches = nullptr;
    QPushButton *m_allBackups = nullptr;
    QListWidget *m_list = nullptr;
    QPushButton *m_more = nullptr;
    QStackedWidget *m_detailPages = nullptr;
    QLabel *m_details = nullptr;
    QLabel *m_versionLabel = nullptr;
    HighlightedView *m_then = nullptr;
    HighlightedView *m_now = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_restoreCopy = nullptr;
    QPushButton *m_undo = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace Notechondria
