// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Notechondria {

/**
 * The disconnected page of the GitHub Sync card: Install Notechondria GitHub App (installButton) with its hint, or the
 * operator note when the backend has no install URL; the "waiting for the browser" line; and a pasted installation
 * id (installationIdEdit, linkInstallationButton).
 */
class SyncDisconnectedPage : public QWidget
{
    Q_OBJECT

public:
    explicit SyncDisconnectedPage(QWidget *parent = nullptr);

    /// With an install URL the Install button and its hint show, without one the operator note.
    void showInstallUrl(bool haveUrl);
    /// While the card is busy nothing can be started.
    void setBusy(bool busy);
    void setWaiting(bool waiting);
    void clearInstallationId();

Q_SIGNALS:
    void installRequested();
    /// Link was pressed (or Return) with a non-blank id, trimmed.
    void linkRequested(const QString &installationId);

private:
    void requestLink();

    bool m_busy = false;
    QLabel *m_operatorNote, *m_installHint, *m_waitingLabel;
    QPushButton *m_installButton;
    QLineEdit *m_installationIdEdit = nullptr;
    QPushButton *m_linkButton = nullptr;
};

} // namespace Notechondria
