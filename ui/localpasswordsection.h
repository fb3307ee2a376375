// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoroTask>
#include <QGroupBox>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Notechondria {

class NotechondriaClient;

/**
 * Settings → Local server (local mode): the password with which the Notechondria apps sign in to this computer's
 * local server (its username or email and this password). Talks to the local server (auth/local-password/), which
 * keeps only an Argon2id hash; the fields are cleared once the password is sent.
 *
 * objectNames: localPasswordSection, localPasswordEdit, localPasswordRepeatEdit, setLocalPasswordButton,
 * removeLocalPasswordButton, localPasswordStatusLabel.
 */
class LocalPasswordSection : public QGroupBox
{
    Q_OBJECT

public:
    explicit LocalPasswordSection(NotechondriaClient *client, QWidget *parent = nullptr);

    /// Asks the local server whether a password is set (the client must point at it).
    void refresh();

Q_SIGNALS:
    /// An answer came: whether a password is set now.
    void stateChanged(bool passwordSet);
    /// A request failed or was refused; `message` is shown inline.
    void failed(const QString &message);

private:
    QCoro::Task<> load();
    QCoro::Task<> save();
    QCoro::Task<> remove();
    void showState(const QJsonObject &state);
    void showError(const QString &message);
    void updateButtons();

    QPointer<NotechondriaClient> m_client;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_repeat = nullptr;
    QPushButton *m_set = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_status = nullptr;
    bool m_busy = false;
    bool m_passwordSet = false;
};

} // namespace Notechondria
