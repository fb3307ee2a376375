// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;

namespace Notechondria {

class SecretStore;

/**
 * The warning at the top of the settings page while secrets are kept in the owner-only file because no system
 * keychain answered: what happened, why (the keychain's own error) and how to get a keychain. Hidden otherwise.
 */
class SecretStoreBanner : public QFrame
{
    Q_OBJECT

public:
    explicit SecretStoreBanner(SecretStore *secrets, QWidget *parent = nullptr);

private:
    void updateFromStore();

    QPointer<SecretStore> m_secrets;
    QLabel *m_text;
};

} // namespace Notechondria
