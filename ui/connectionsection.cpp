// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionsection.h"

#include "secretstore.h"

#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {
constexpr auto modeKey = "connection/mode"_L1;
constexpr auto urlKey = "connection/serverUrl"_L1;
constexpr auto portKey = "localServer/port"_L1;
} // namespace

ConnectionSection::ConnectionSection(SecretStore *secrets, QWidget *parent)
    : QGroupBox(tr("Connection"), parent)
    , m_secrets(secrets)
    , m_local(new QRadioButton(tr("&Local mode — this computer keeps the data and talks to GitHub itself"), this))
    , m_remote(new QRadioButton(tr("&Remote server"), this))
    , m_url(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_state(new QLabel(this))
    , m_address(new QLineEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_port(new QSpinBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"connectionSection"_s);
    m_local->setObjectName(u"localModeRadio"_s);
    m_remote->setObjectName(u"remoteModeRadio"_s);
    m_url->setObjectName(u"serverUrlEdit"_s);
    m_url->setAccessibleName(tr("Server URL"));
    m_url->setPlaceholderText(u"https://notechondria.example/api/v1"_s);
    m_key->setObjectName(u"apiKeyEdit"_s);
    m_key->setAccessibleName(tr("API key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("Stored in the system keychain"));
    m_apply->setObjectName(u"applyConnectionButton"_s);
    m_state->setObjectName(u"localServerStateLabel"_s);
    m_state->setWordWrap(true);
    m_error->setObjectName(u"connectionErrorLabel"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    m_local->setChecked(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_local);
    layout->addWidget(m_state);
    layout->addLayout(makeLocalAddressRow());
    layout->addWidget(m_remote);
    auto *form = new QFormLayout;
    form->addRow(tr("Server &URL"), m_url);
    form->addRow(tr("API &key"), m_key);
    layout->addLayout(form);
    layout->addWidget(m_apply, 0, Qt::AlignRight);
    layout->addWidget(m_error);

    connect(m_local, &QRadioButton::toggled, this, &ConnectionSection::updateEnabled);
    connect(m_apply, &QPushButton::clicked, this, [this] { apply(); });
    updateEnabled();
}

QLayout *ConnectionSection::makeLocalAddressRow()
{
    m_address->setObjectName(u"localServerAddressEdit"_s);
    m_address->setReadOnly(true);
    m_address->setAccessibleName(tr("Local server address"));
    m_address->setToolTip(tr("The address to give the Notechondria apps (and a GitHub App's Setup URL) for this "
                             "computer's server."));
    m_copy->setObjectName(u"copyLocalServerAddressButton"_s);
    m_copy->setEnabled(false);
    m_port->setObjectName(u"localServerPortSpin"_s);
    m_port->setRange(1024, 65535);
    m_port->setAccessibleName(tr("Local server port"));
    m_port->setToolTip(tr("Used from the next start; when it is taken, the next free port after it is used."));
    m_port->setValue(localServerPort());
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_address->text());
        m_copy->setText(tr("Copied"));
    });
    connect(m_port, &QSpinBox::valueChanged, this, [](int port) { QSettings().setValue(portKey, port); });
    auto *row = new QHBoxLayout;
    row->addWidget(m_address, 1);
    row->addWidget(m_copy);
    auto *portLabel = new QLabel(tr("&Port:"), this);
    portLabel->setBuddy(m_port);
    row->addWidget(portLabel);
    row->addWidget(m_port);
    return row;
}

void ConnectionSection::setLocalServerAddress(const QUrl &baseUrl)
{
    m_address->setText(baseUrl.toString());
    m_copy->setEnabled(!baseUrl.isEmpty());
    m_copy->setText(tr("&Copy"));
}

quint16 ConnectionSection::localServerPort()
{
    bool ok = false;
    const int port = QSettings().value(portKey, defaultLocalServerPort).toInt(&ok);
    return ok && port >= 1024 && port <= 65535 ? static_cast<quint16>(port) : defaultLocalServerPort;
}

ConnectionSection::Mode ConnectionSection::mode() const
{
    return m_remote->isChecked() ? Mode::Remote : Mode::Local;
}

QUrl ConnectionSection::serverUrl() const
{
    return QUrl::fromUserInput(m_url->text().trimmed());
}

void ConnectionSection::setLocalServerState(const QString &text)
{
    m_state->setText(text);
}

void ConnectionSection::updateEnabled()
{
    const bool remote = m_remote->isChecked();
    m_url->setEnabled(remote);
    m_key->setEnabled(remote);
    m_state->setEnabled(!remote);
    m_address->setEnabled(!remote);
    m_port->setEnabled(!remote);
}

QCoro::Task<> ConnectionSection::load()
{
    QSettings settings;
    const bool remote = settings.value(modeKey).toString() == "remote"_L1;
    m_url->setText(settings.value(urlKey).toString());
    (remote ? m_remote : m_local)->setChecked(true);
    if (!remote || !m_secrets) {
        Q_EMIT localSelected();
        co_return;
    }
    QPointer<ConnectionSection> self(this);
    const Result<std::optional<QString>> key = co_await m_secrets->read(QString::fromUtf16(SecretKeys::RemoteApiKey));
    if (!self) {
        co_return;
    }
    if (!key) {
        m_error->setText(key.error().message());
        m_error->show();
    }
    Q_EMIT remoteConfigured(serverUrl(), key && *key ? **key : QString());
}

QCoro::Task<> ConnectionSection::apply()
{
    QSettings settings;
    m_error->hide();
    if (m_local->isChecked()) {
        settings.setValue(modeKey, u"local"_s);
        Q_EMIT localSelected();
        co_return;
    }
    const QUrl url = serverUrl();
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1)) {
        m_error->setText(tr("Connection not saved: Frontend.Settings/connection — the server URL is not a valid "
                            "http(s) URL."));
        m_error->show();
        co_return;
    }
    settings.setValue(modeKey, u"remote"_s);
    settings.setValue(urlKey, url.toString());
    QString key = m_key->text().trimmed();
    QPointer<ConnectionSection> self(this);
    if (m_secrets && !key.isEmpty()) {
        const Result<void> stored = co_await m_secrets->write(QString::fromUtf16(SecretKeys::RemoteApiKey), key);
        if (!self) {
            co_return;
        }
        if (!stored) {
            m_error->setText(stored.error().message());
            m_error->show();
        }
        m_key->clear();
    } else if (m_secrets) {
        const Result<std::optional<QString>> existing
            = co_await m_secrets->read(QString::fromUtf16(SecretKeys::RemoteApiKey));
        if (!self) {
            co_return;
        }
        key = existing && *existing ? **existing : QString();
    }
    Q_EMIT remoteConfigured(url, key);
}

} // namespace Notechondria
