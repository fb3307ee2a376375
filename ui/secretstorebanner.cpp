// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstorebanner.h"

#include "secretstore.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace Notechondria {

SecretStoreBanner::SecretStoreBanner(SecretStore *secrets, QWidget *parent)
    : QFrame(parent)
    , m_secrets(secrets)
    , m_text(new QLabel(this))
{
    setObjectName(u"secretStoreBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(u"#secretStoreBanner { background: #fff4e5; border: 1px solid #e6a23c; border-radius: 4px; }"_s);
    m_text->setObjectName(u"secretStoreBannerText"_s);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text);
    if (m_secrets) {
        connect(m_secrets, &SecretStore::fellBack, this, &SecretStoreBanner::updateFromStore);
    }
    updateFromStore();
}

void SecretStoreBanner::updateFromStore()
{
    const auto fallback = m_secrets ? m_secrets->fallback() : std::nullopt;
    setVisible(fallback.has_value());
    if (!fallback) {
        return;
    }
    m_text->setText(tr("Secrets are stored unencrypted: no system keychain answered, so your API keys and the GitHub "
                       "App key are kept in %1, readable only by you.\n"
                       "Why: %2.\n"
                       "To use a keychain, install and unlock one in your desktop session — gnome-keyring (or "
                       "KeePassXC's Secret Service) or KWallet — then restart Notechondria Desktop; the secrets in the "
                       "file move into it.")
            .arg(QDir::toNativeSeparators(fallback->filePath), fallback->reason));
}

} // namespace Notechondria
