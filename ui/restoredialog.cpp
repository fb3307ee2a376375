// SPDX-License-Identifier: GPL-3.0-or-later
#include "restoredialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

RestoreDialog::RestoreDialog(NotechondriaClient *client, RestoreSource source, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_source(std::move(source))
{
    setObjectName(u"restoreDialog"_s);
    setWindowTitle(m_source.fromGitHub ? tr("Restore from GitHub") : tr("Restore from folder"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(m_source.fromGitHub
            ? tr("The backup in the connected GitHub repository replaces the account on this computer.")
            : tr("The backup in %1 replaces the account on this computer.").arg(m_source.folder),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_summary = new QLabel(tr("Reading the backup…"), this);
    m_summary->setObjectName(u"restoreSummaryLabel"_s);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_changes = new QListWidget(this);
    m_changes->setObjectName(u"restoreChangesList"_s);
    m_changes->setAccessibleName(tr("Files the restore changes"));
    layout->addWidget(m_changes, 1);
    m_problems = new QLabel(this);
    m_problems->setObjectName(u"restoreProblemsLabel"_s);
    m_problems->setWordWrap(true);
    m_problems->hide();
    layout->addWidget(m_problems);
    m_error = new QLabel(this);
    m_error->setObjectName(u"restoreErrorLabel"_s);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(u"color: #b3261e;"_s);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    m_confirm = buttons->addButton(tr("&Restore"), QDialogButtonBox::DestructiveRole);
    m_confirm->setObjectName(u"restoreConfirmButton"_s);
    m_confirm->setEnabled(false);
    m_confirm->setAutoDefault(false);
    m_undo = buttons->addButton(tr("&Undo restore"), QDialogButtonBox::ResetRole);
    m_undo->setObjectName(u"restoreUndoButton"_s);
    m_undo->setToolTip(tr("Bring back the account as it was just before this restore."));
    m_undo->setAutoDefault(false);
    m_undo->hide();
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(u"restoreCloseButton"_s);
    m_close->setDefault(true);
    connect(m_confirm, &QPushButton::clicked, this, [this] { doRestore(); });
    connect(m_undo, &QPushButton::clicked, this, [this] { doUndo(); });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 420);
    loadPlan();
}

void RestoreDialog::loadPlan()
{
    doPlan();
}

void RestoreDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_confirm->setEnabled(!busy && !m_done && m_changes->count() > 0);
    m_close->setEnabled(!busy);
    m_undo->setEnabled(!busy);
}

void RestoreDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    if (!message.isEmpty()) {
        Q_EMIT failed(message);
    }
}

void RestoreDialog::showProblems(const QStringList &problems)
{
    m_problems->setText(problems.isEmpty()
            ? QString()
            : tr("%n backup file(s) cannot be read and will be left out:", nullptr, int(problems.size())) + u'\n'
                + problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
}

QCoro::Task<> RestoreDialog::doPlan()
{
    QPointer<RestoreDialog> self(this);
    if (!m_client) {
        showError(tr("Restore not available: Frontend.Restore/plan \u2014 the local server is not running."));
        co_return;
    }
    setBusy(true);
    showError({});
    const auto plan = co_await m_client->restorePlan(m_source);
    if (!self) {
        co_return;
    }
    m_changes->clear();
    if (!plan) {
        m_summary->setText(tr("The backup could not be read."));
        setBusy(false);
        showError(plan.error().message());
        co_return;
    }
    int added = 0;
    int changed = 0;
    int removed = 0;
    for (const RestoreChange &change : plan->changes) {
        QString mark;
        if (change.status == u"added"_s) {
            ++added;
            mark = tr("added");
        } else if (change.status == u"removed"_s) {
            ++removed;
            mark = tr("removed");
        } else {
            ++changed;
            mark = tr("changed");
        }
        auto *item = new QListWidgetItem(mark + u"  "_s + change.path, m_changes);
        item->setData(Qt::UserRole, change.status);
        item->setData(Qt::UserRole + 1, change.path);
    }
    m_summary->setText(plan->changes.isEmpty()
            ? tr("The backup matches the account on this computer; restoring changes nothing.")
            : tr("%1 added, %2 changed, %3 removed. Files marked removed exist only on this computer and will be "
                 "deleted.")
                  .arg(added)
                  .arg(changed)
                  .arg(removed));
    showProblems(plan->problems);
    setBusy(false);
    Q_EMIT planShown(int(plan->changes.size()));
}

QCoro::Task<> RestoreDialog::doRestore()
{
    QPointer<RestoreDialog> self(this);
    if (!m_client || m_busy) {
        co_return;
    }
    setBusy(true);
    showError({});
    m_summary->setText(tr("Restoring…"));
    const auto result = co_await m_client->restoreApply(m_source);
    if (!self) {
        co_return;
    }
    if (!result) {
        m_summary->setText(tr("Nothing was restored."));
        setBusy(false);
        showError(result.error().message());
        co_return;
    }
    m_done = true;
    m_summary->setText(
        tr("Restored %n note(s)", nullptr, result->notes) + u", "_s + tr("%n course(s).", nullptr, result->courses));
    showProblems(result->problems);
    m_undo->show();
    setBusy(false);
    Q_EMIT restored(result->notes, result->courses);
}

QCoro::Task<> RestoreDialog::doUndo()
{
    QPointer<RestoreDialog> self(this);
    if (!m_client || m_busy) {
        co_return;
    }
    setBusy(true);
    showError({});
    const auto result = co_await m_client->restoreUndo();
    if (!self) {
        co_return;
    }
    setBusy(false);
    if (!result) {
        showError(result.error().message());
        co_return;
    }
    m_undo->hide();
    m_changes->clear();
    m_summary->setText(
        tr("The restore was undone: the account from before it is back (%n note(s)).", nullptr, result->notes));
    Q_EMIT undone(result->notes);
}

} // namespace Notechondria
