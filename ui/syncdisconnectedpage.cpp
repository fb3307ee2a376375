// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncdisconnectedpage.h"

#include "syncwidgets.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

using SyncWidgets::makeLabel;

// The texts keep the SyncCard context of the catalogs.
SyncDisconnectedPage::SyncDisconnectedPage(QWidget *parent)
    : QWidget(parent)
    , m_operatorNote(makeLabel(u"operatorNoteLabel"_s, this))
    , m_installHint(makeLabel(u"installHintLabel"_s, this))
    , m_waitingLabel(makeLabel(u"installWaitingLabel"_s, this))
    , m_installButton(new QPushButton(QIcon(u":/icons/link.svg"_s),
          QCoreApplication::translate("Notechondria::SyncCard", "Install Notechondria GitHub App"), this))
{
    auto *layout = new QVBoxLayout(this);
    m_operatorNote->setText(QCoreApplication::translate("Notechondria::SyncCard",
        "Operator note: GITHUB_DATA_SYNC_APP_INSTALL_URL is not configured on this backend. "
        "See docs/integrations/github-sync.md for the env-var contract."));
    layout->addWidget(m_operatorNote);

    m_installButton->setObjectName(u"installButton"_s);
    m_installButton->setAccessibleName(
        QCoreApplication::translate("Notechondria::SyncCard", "Install Notechondria GitHub App"));
    connect(m_installButton, &QPushButton::clicked, this, &SyncDisconnectedPage::installRequested);
    auto *installRow = new QHBoxLayout;
    installRow->addWidget(m_installButton);
    installRow->addStretch();
    layout->addLayout(installRow);
    m_installHint->setText(QCoreApplication::translate("Notechondria::SyncCard",
        "After approving the install, GitHub redirects back here and we persist your "
        "installation id automatically. The app stays installed until you remove it from "
        "your GitHub settings."));
    layout->addWidget(m_installHint);
    m_waitingLabel->setText(QCoreApplication::translate(
        "Notechondria::SyncCard", "Waiting for the installation to finish in your browser…"));
    m_waitingLabel->hide();
    layout->addWidget(m_waitingLabel);

    m_installationIdEdit = new QLineEdit(this);
    m_installationIdEdit->setObjectName(u"installationIdEdit"_s);
    m_installationIdEdit->setAccessibleName(QCoreApplication::translate("Notechondria::SyncCard", "Installation id"));
    m_installationIdEdit->setPlaceholderText(QCoreApplication::translate("Notechondria::SyncCard", "e.g. 12345678"));
    m_linkButton = new QPushButton(QCoreApplication::translate("Notechondria::SyncCard", "&Link"), this);
    m_linkButton->setObjectName(u"linkInstallationButton"_s);
    m_linkButton->setEnabled(false);
    connect(m_installationIdEdit, &QLineEdit::textChanged, this,
        [this](const QString &text) { m_linkButton->setEnabled(!m_busy && !text.trimmed().isEmpty()); });
    connect(m_linkButton, &QPushButton::clicked, this, &SyncDisconnectedPage::requestLink);
    connect(m_installationIdEdit, &QLineEdit::returnPressed, this, &SyncDisconnectedPage::requestLink);
    QHBoxLayout *pasteRow = SyncWidgets::makeLabelledRow(
        QCoreApplication::translate("Notechondria::SyncCard", "Or paste the &installation id:"), m_installationIdEdit,
        this);
    pasteRow->addWidget(m_linkButton);
    layout->addLayout(pasteRow);
    addInstallationPicker(layout);
    layout->addStretch();
}

void SyncDisconnectedPage::addInstallationPicker(QVBoxLayout *layout)
{
    m_pickRow = new QWidget(this);
    m_installations = new QComboBox(m_pickRow);
    m_installations->setObjectName(u"installationComboBox"_s);
    m_installations->setAccessibleName(
        QCoreApplication::translate("Notechondria::SyncCard", "Existing installations of the GitHub App"));
    m_useButton = new QPushButton(QCoreApplication::translate("Notechondria::SyncCard", "&Use"), m_pickRow);
    m_useButton->setObjectName(u"useInstallationButton"_s);
    connect(m_useButton, &QPushButton::clicked, this, [this] {
        const int index = m_installations->currentIndex();
        if (!m_busy && index >= 0) {
            Q_EMIT installationPicked(m_installations->itemData(index).toString(),
                m_installations->itemData(index, Qt::UserRole + 1).toString());
        }
    });
    QHBoxLayout *pickRow = SyncWidgets::makeLabelledRow(
        QCoreApplication::translate("Notechondria::SyncCard", "Or use an &existing installation:"), m_installations,
        m_pickRow);
    pickRow->addWidget(m_useButton);
    pickRow->setContentsMargins(0, 0, 0, 0);
    m_pickRow->setLayout(pickRow);
    m_pickRow->hide();
    layout->addWidget(m_pickRow);
}

void SyncDisconnectedPage::showInstallations(const QList<InstallationInfo> &installations)
{
    m_installations->clear();
    for (const InstallationInfo &installation : installations) {
        const QString label = installation.accountLogin.isEmpty()
            ? installation.id
            : QCoreApplication::translate("Notechondria::SyncCard", "@%1 (installation %2)")
                  .arg(installation.accountLogin, installation.id);
        m_installations->addItem(label, installation.id);
        m_installations->setItemData(m_installations->count() - 1, installation.accountLogin, Qt::UserRole + 1);
    }
    m_pickRow->setVisible(!installations.isEmpty());
}

void SyncDisconnectedPage::requestLink()
{
    const QString id = m_installationIdEdit->text().trimmed();
    if (!m_busy && !id.isEmpty()) {
        Q_EMIT linkRequested(id);
    }
}

void SyncDisconnectedPage::showInstallUrl(bool haveUrl)
{
    m_operatorNote->setVisible(!haveUrl);
    m_installButton->setVisible(haveUrl);
    m_installHint->setVisible(haveUrl);
    m_installButton->setEnabled(!m_busy);
}

void SyncDisconnectedPage::setBusy(bool busy)
{
    m_busy = busy;
    m_installButton->setEnabled(!busy);
    m_linkButton->setEnabled(!busy && !m_installationIdEdit->text().trimmed().isEmpty());
    m_useButton->setEnabled(!busy);
}

void SyncDisconnectedPage::setWaiting(bool waiting)
{
    m_waitingLabel->setVisible(waiting);
}

void SyncDisconnectedPage::clearInstallationId()
{
    m_installationIdEdit->clear();
}

} // namespace Notechondria
