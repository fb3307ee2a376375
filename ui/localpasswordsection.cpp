// SPDX-License-Identifier: GPL-3.0-or-later
#include "localpasswordsection.h"

#include "notechondriaclient.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

LocalPasswordSection::LocalPasswordSection(NotechondriaClient *client, QWidget *parent)
    : QGroupBox(tr("Local server"), parent)
    , m_client(client)
{
    setObjectName(u"localPasswordSection"_s);
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(tr("The Notechondria apps can sign in to the server on this computer with your username or "
                               "email and a password. Only a salted hash of it is kept."),
        this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *form = new QFormLayout;
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"localPasswordEdit"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("At least 8 characters"));
    m_repeat = new QLineEdit(this);
    m_repeat->setObjectName(u"localPasswordRepeatEdit"_s);
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(tr("New password:"), m_password);
    form->addRow(tr("Repeat it:"), m_repeat);
    layout->addLayout(form);
    auto *buttons = new QHBoxLayout;
    m_set = new QPushButton(tr("Set password"), this);
    m_set->setObjectName(u"setLocalPasswordButton"_s);
    m_remove = new QPushButton(tr("Remove password"), this);
    m_remove->setObjectName(u"removeLocalPasswordButton"_s);
    buttons->addWidget(m_set);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_status = new QLabel(this);
    m_status->setObjectName(u"localPasswordStatusLabel"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    connect(m_password, &QLineEdit::textChanged, this, &LocalPasswordSection::updateButtons);
    connect(m_repeat, &QLineEdit::textChanged, this, &LocalPasswordSection::updateButtons);
    connect(m_password, &QLineEdit::returnPressed, this, [this] { save(); });
    connect(m_repeat, &QLineEdit::returnPressed, this, [this] { save(); });
    connect(m_set, &QPushButton::clicked, this, [this] { save(); });
    connect(m_remove, &QPushButton::clicked, this, [this] { remove(); });
    updateButtons();
}

void LocalPasswordSection::refresh()
{
    load();
}

void LocalPasswordSection::updateButtons()
{
    m_set->setEnabled(!m_busy && m_client && !m_password->text().isEmpty() && !m_repeat->text().isEmpty());
    m_remove->setEnabled(!m_busy && m_client && m_passwordSet);
}

void LocalPasswordSection::showState(const QJsonObject &state)
{
    m_passwordSet = state.value(u"password_set"_s).toBool();
    const QString username = state.value(u"username"_s).toString();
    const QString email = state.value(u"email"_s).toString();
    const QString who = email.isEmpty() ? username : tr("%1 or %2").arg(username, email);
    m_status->setStyleSheet(QString());
    if (!m_passwordSet) {
        m_status->setText(tr("No password is set: the apps cannot sign in yet."));
    } else {
        m_status->setText(tr("A password is set: the apps sign in as %1 with it.").arg(who));
    }
    updateButtons();
    Q_EMIT stateChanged(m_passwordSet);
}

void LocalPasswordSection::showError(const QString &message)
{
    m_status->setStyleSheet(u"color: palette(highlighted-text); background: #b3261e; padding: 4px;"_s);
    m_status->setText(message);
    updateButtons();
    Q_EMIT failed(message);
}

QCoro::Task<> LocalPasswordSection::load()
{
    if (!m_client || !m_client->isConfigured()) {
        co_return;
    }
    QPointer<LocalPasswordSection> self(this);
    auto state = co_await m_client->localPasswordState();
    if (!self) {
        co_return;
    }
    if (!state) {
        showError(tr("Cannot tell whether a password is set. %1").arg(state.error().message()));
        co_return;
    }
    showState(*state);
}

QCoro::Task<> LocalPasswordSection::save()
{
    if (!m_client || m_busy || !m_set->isEnabled()) {
        co_return;
    }
    if (m_password->text() != m_repeat->text()) {
        showError(tr("The two passwords differ; type the same one twice."));
        co_return;
    }
    QPointer<LocalPasswordSection> self(this);
    const QString password = m_password->text();
    m_busy = true;
    updateButtons();
    auto state = co_await m_client->setLocalPassword(password);
    if (!self) {
        co_return;
    }
    m_busy = false;
    if (!state) {
        showError(tr("The password was not set. %1").arg(state.error().message()));
        co_return;
    }
    m_password->clear();
    m_repeat->clear();
    showState(*state);
}

QCoro::Task<> LocalPasswordSection::remove()
{
    if (!m_client || m_busy) {
        co_return;
    }
    QPointer<LocalPasswordSection> self(this);
    m_busy = true;
    updateButtons();
    auto state = co_await m_client->clearLocalPassword();
    if (!self) {
        co_return;
    }
    m_busy = false;
    if (!state) {
        showError(tr("The password was not removed. %1").arg(state.error().message()));
        co_return;
    }
    showState(*state);
}

} // namespace Notechondria
