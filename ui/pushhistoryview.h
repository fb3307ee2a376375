// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account.h"

#include <QCoroTask>
#include <QPointer>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace Notechondria {

class NotechondriaClient;

/// The recorded push runs: time, outcome, files added/changed/deleted, requests, commit.
class PushHistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit PushHistoryView(QWidget *parent = nullptr);
    void setClient(NotechondriaClient *client);
    /// The repository commit links point at ("owner/repo").
    void setRepository(const QString &fullName) { m_repo = fullName; }
    void showRuns(const QList<PushRun> &runs);

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void loaded(int runs);

private:
    QCoro::Task<> doReload();

    QPointer<NotechondriaClient> m_client;
    QString m_repo;
    QTableWidget *m_table;
    QLabel *m_status;
};

} // namespace Notechondria
