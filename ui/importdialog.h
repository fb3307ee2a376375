// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoroTask>
#include <QDialog>
#include <QJsonObject>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace Notechondria {

class NotechondriaClient;

/**
 * "Import from server…": brings an account from another Notechondria server (the web service) into the local store
 * through the local server (POST import/), shows its progress, and says in one sentence what came in. A rerun brings
 * only what changed.
 *
 * objectNames: importDialog, importUrlEdit, importKeyEdit, importStartButton, importProgressBar, importStatusLabel,
 * importErrorLabel.
 */
class ImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportDialog(NotechondriaClient *client, QWidget *parent = nullptr);

    [[nodiscard]] bool isBusy() const { return m_busy; }
    /// The outcome sentence for a summary of GET import/ (also used by tests).
    [[nodiscard]] static QString outcomeText(const QJsonObject &summary);

Q_SIGNALS:
    /// The import finished; `summary` as the server reported it.
    void finished(const QJsonObject &summary);
    /// It stopped or could not start; `message` is shown inline.
    void failed(const QString &message);

private:
    QCoro::Task<> start();
    QCoro::Task<> poll();
    void setBusy(bool busy);
    void showError(const QString &message);

    QPointer<NotechondriaClient> m_client;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_key = nullptr;
    QCheckBox *m_assets = nullptr;
    QPushButton *m_start = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_error = nullptr;
    QTimer *m_timer = nullptr;
    bool m_busy = false;
    bool m_polling = false;
};

} // namespace Notechondria
