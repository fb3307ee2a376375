// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoroTask>
#include <QGroupBox>
#include <QPointer>
#include <QUrl>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace Notechondria {

class SecretStore;

/**
 * Where the app gets its data: the local server (the default) or a remote Notechondria server (URL + API key).
 * The URL is a plain setting; the key goes to the SecretStore (the OS keychain), never to QSettings.
 */
class ConnectionSection : public QGroupBox
{
    Q_OBJECT

public:
    enum class Mode { Local, Remote };
    Q_ENUM(Mode)

    ConnectionSection(SecretStore *secrets, QWidget *parent = nullptr);

    [[nodiscard]] Mode mode() const;
    [[nodiscard]] QUrl serverUrl() const;
    /// Reads the stored mode, URL and key and announces them (localSelected or remoteConfigured).
    QCoro::Task<> load();
    /// Stores what the form holds and announces it.
    QCoro::Task<> apply();
    /// Tells the user how the local server is doing ("Local server at http://127.0.0.1:PORT", or why it is not).
    void setLocalServerState(const QString &text);
    /// The address the local server listens on (empty when it is not running), shown with a Copy button.
    void setLocalServerAddress(const QUrl &baseUrl);

    /// The port the local server should listen on (the setting, default LocalServer's 8765); read at start.
    [[nodiscard]] static quint16 localServerPort();
    static constexpr quint16 defaultLocalServerPort = 8765;

Q_SIGNALS:
    void localSelected();
    void remoteConfigured(const QUrl &url, const QString &key);

private:
    void updateEnabled();
    [[nodiscard]] QLayout *makeLocalAddressRow();

    QPointer<SecretStore> m_secrets;
    QRadioButton *m_local;
    QRadioButton *m_remote;
    QLineEdit *m_url;
    QLineEdit *m_key;
    QPushButton *m_apply;
    QLabel *m_state;
    QLineEdit *m_address;
    QPushButton *m_copy;
    QSpinBox *m_port;
    QLabel *m_error;
};

} // namespace Notechondria
