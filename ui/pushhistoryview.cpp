// SPDX-License-Identifier: GPL-3.0-or-later
#include "pushhistoryview.h"

#include "notechondriaclient.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

QString outcomeText(const QString &outcome)
{
    if (outcome == "committed"_L1) {
        return PushHistoryView::tr("committed");
    }
    if (outcome == "unchanged"_L1) {
        return PushHistoryView::tr("nothing changed");
    }
    if (outcome == "conflict"_L1) {
        return PushHistoryView::tr("conflict");
    }
    if (outcome == "failed"_L1) {
        return PushHistoryView::tr("failed");
    }
    return outcome;
}

} // namespace

PushHistoryView::PushHistoryView(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"pushHistoryView"_s);
    setAccessibleName(tr("Push history"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_status->setObjectName(u"historyStatusLabel"_s);
    m_status->setWordWrap(true);
    auto *reloadButton = new QPushButton(tr("&Reload"), this);
    reloadButton->setObjectName(u"historyReloadButton"_s);
    connect(reloadButton, &QPushButton::clicked, this, &PushHistoryView::reload);
    top->addWidget(m_status, 1);
    top->addWidget(reloadButton);
    layout->addLayout(top);
    m_table->setObjectName(u"runsTable"_s);
    m_table->setAccessibleName(tr("Recorded pushes"));
    m_table->setColumnCount(7);
    m_table->setHorizontalHeaderLabels(
        {tr("Started"), tr("Outcome"), tr("Added"), tr("Changed"), tr("Deleted"), tr("Requests"), tr("Commit")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    layout->addWidget(m_table, 1);
}

void PushHistoryView::setClient(NotechondriaClient *client)
{
    m_client = client;
}

void PushHistoryView::reload()
{
    doReload();
}

QCoro::Task<> PushHistoryView::doReload()
{
    if (!m_client) {
        co_return;
    }
    QPointer<PushHistoryView> self(this);
    const Result<QList<PushRun>> runs = co_await m_client->runs();
    if (!self) {
        co_return;
    }
    if (!runs) {
        m_status->setText(
            u"%1: Frontend.GithubSync/runs — %2"_s.arg(tr("Cannot show the push history"), runs.error().message()));
        co_return;
    }
    showRuns(*runs);
}

void PushHistoryView::showRuns(const QList<PushRun> &runs)
{
    m_table->setRowCount(int(runs.size()));
    for (int row = 0; row < runs.size(); ++row) {
        const PushRun &run = runs.at(row);
        const QStringList cells = {
            QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
            outcomeText(run.outcome),
            QString::number(run.added),
            QString::number(run.changed),
            QString::number(run.deleted),
            QString::number(run.requests),
            run.commitSha.left(8),
        };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 1 && !run.message.isEmpty()) {
                item->setToolTip(run.message);
            }
            if (column == 6 && !run.commitSha.isEmpty() && !m_repo.isEmpty()) {
                item->setToolTip(u"https://github.com/%1/commit/%2"_s.arg(m_repo, run.commitSha));
            }
            m_table->setItem(row, column, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_status->setText(runs.isEmpty() ? tr("No pushes recorded yet.") : tr("%1 recorded pushes.").arg(runs.size()));
    Q_EMIT loaded(int(runs.size()));
}

} // namespace Notechondria
