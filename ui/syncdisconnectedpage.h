// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncwire.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QVBoxLayout;
class QPushButton;

namespace Notechondria {

/**
 * The disconnected page of the GitHub Sync card: Install Notechondria GitHub App (installButton) with its hint, or the
 * operator note when the backend has no install URL; the "waiting for the browser" line; and a pasted installation
 * id (installationIdEdit, linkInstallationButton), or one of the App's existing installations (installationComboBox,
 * useInstallationButton; shown when there are some).
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
    /// The App's existing installations to pick from; the picker hides when there are none.
    void showInstallations(const QList<InstallationInfo> &installations);

Q_SIGNALS:
    void installRequested();
    /// Link was pressed (or Return) with a non-blank id, trimmed.
    void linkRequested(const QString &installationId);
    /// An existing installation was picked from the list.
    void installationPicked(const QString &installationId, const QString &accountLogin);

private:
    void requestLink();
    void addInstallationPicker(QVBoxLayout *layout);

    bool m_busy = false;
    QLabel *m_operatorNote, *m_installHint, *m_waitingLabel;
    QPushButton *m_installButton;
    QLineEdit *m_installationIdEdit = nullptr;
    QPushButton *m_linkButton = nullptr;
    QWidget *m_pickRow = nullptr;
    QComboBox *m_installations = nullptr;
    QPushButton *m_useButton = nullptr;
};

} // namespace Notechondria
