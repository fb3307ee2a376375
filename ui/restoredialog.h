// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notechondriaclient.h"

#include <QCoroTask>
#include <QDialog>
#include <QPointer>

class QLabel;
class QListWidget;
class QPushButton;

namespace Notechondria {

/**
 * "Restore from GitHub" / "Restore from folder": asks the local server what a restore would change (a dry run),
 * lists the files marked added/changed/removed with counts, and replaces the local account only when "Restore" is
 * clicked. Errors are shown inline in the three-part shape.
 *
 * objectNames: restoreDialog, restoreSummaryLabel, restoreChangesList, restoreProblemsLabel, restoreErrorLabel,
 * restoreConfirmButton, restoreUndoButton (shown after a restore: brings back the account from before it).
 */
class RestoreDialog : public QDialog
{
    Q_OBJECT

public:
    RestoreDialog(NotechondriaClient *client, RestoreSource source, QWidget *parent = nullptr);

    /// Asks the server for the plan (called once on construction; again after an error).
    void loadPlan();
    [[nodiscard]] bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void planShown(int changes);
    /// The account was replaced: `notes` live notes, `courses` courses.
    void restored(int notes, int courses);
    /// The restore was undone: the account from before it is back with `notes` live notes.
    void undone(int notes);
    /// Something failed; `message` is three-part and shown inline.
    void failed(const QString &message);

private:
    QCoro::Task<> doPlan();
    QCoro::Task<> doRestore();
    QCoro::Task<> doUndo();
    void setBusy(bool busy);
    void showError(const QString &message);
    void showProblems(const QStringList &problems);

    QPointer<NotechondriaClient> m_client;
    RestoreSource m_source;
    QLabel *m_summary = nullptr;
    QListWidget *m_changes = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_confirm = nullptr;
    QPushButton *m_close = nullptr;
    QPushButton *m_undo = nullptr;
    bool m_busy = false;
    bool m_done = false;
};

} // namespace Notechondria
