// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncconnectedpage.h"

#include "syncwidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPalette>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

using SyncWidgets::makeLabel;
using SyncWidgets::makeThinBar;
using SyncWidgets::setErrorColour;

namespace {

constexpr auto includeAssetsKey = "githubSync/includeAssets"_L1;

} // namespace

// The texts of the page keep the SyncCard context of the catalogs (QCoreApplication::translate).
SyncConnectedPage::SyncConnectedPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    addInstalledRow(layout);
    addRepoRows(layout);
    addIncludeAssets(layout);
    addButtons(layout);
    layout->addLayout(buildRestoreRow());
    addLastVerified(layout);
    addResults(layout);
    layout->addStretch();
}

void SyncConnectedPage::addInstalledRow(QVBoxLayout *layout)
{
    auto *installedRow = new QHBoxLayout;
    auto *check = new QLabel(this);
    check->setPixmap(QIcon(u":/icons/check.svg"_s).pixmap(16, 16));
    installedRow->addWidget(check);
    m_installedLabel = makeLabel(u"installedLabel"_s, this);
    installedRow->addWidget(m_installedLabel, 1);
    layout->addLayout(installedRow);
}

void SyncConnectedPage::addRepoRows(QVBoxLayout *layout)
{
    m_repoCombo = new QComboBox(this);
    m_repoCombo->setObjectName(u"repoComboBox"_s);
    m_repoCombo->setAccessibleName(QCoreApplication::translate("Notechondria::SyncCard", "Sync target repository"));
    m_repoCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_repoCombo, &QComboBox::activated, this, &SyncConnectedPage::repoActivated);
    layout->addLayout(SyncWidgets::makeLabelledRow(
        QCoreApplication::translate("Notechondria::SyncCard", "Sync target &repository"), m_repoCombo, this));
    m_reposBar = makeThinBar(u"reposProgressBar"_s, this);
    layout->addWidget(m_reposBar);
    auto *errorRow = new QHBoxLayout;
    m_repoError = makeLabel(u"repoErrorLabel"_s, this);
    setErrorColour(m_repoError);
    m_retryRepos = new QPushButton(QCoreApplication::translate("Notechondria::SyncCard", "Re&try"), this);
    m_retryRepos->setObjectName(u"retryReposButton"_s);
    m_retryRepos->setAccessibleName(
        QCoreApplication::translate("Notechondria::SyncCard", "Retry listing repositories"));
    connect(m_retryRepos, &QPushButton::clicked, this, &SyncConnectedPage::retryReposRequested);
    errorRow->addWidget(m_repoError, 1);
    errorRow->addWidget(m_retryRepos);
    layout->addLayout(errorRow);
    m_emptyReposHint = makeLabel(u"emptyReposHintLabel"_s, this);
    m_emptyReposHint->setText(QCoreApplication::translate("Notechondria::SyncCard",
        "No repositories visible to this installation. Open GitHub settings → Applications "
        "→ Notechondria data sync, and grant access to a repo."));
    layout->addWidget(m_emptyReposHint);
}

void SyncConnectedPage::addIncludeAssets(QVBoxLayout *layout)
{
    m_includeAssets = new QCheckBox(QCoreApplication::translate("Notechondria::SyncCard", "Include &assets"), this);
    m_includeAssets->setObjectName(u"includeAssetsCheckBox"_s);
    m_includeAssets->setChecked(QSettings().value(includeAssetsKey, false).toBool());
    connect(m_includeAssets, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(includeAssetsKey, on);
        updateIncludeAssetsHint();
    });
    layout->addWidget(m_includeAssets);
    m_includeAssetsHint = makeLabel(u"includeAssetsHintLabel"_s, this);
    layout->addWidget(m_includeAssetsHint);
    updateIncludeAssetsHint();
}

void SyncConnectedPage::addButtons(QVBoxLayout *layout)
{
    auto *buttons = new QHBoxLayout;
    m_pushNow = new QPushButton(
        QIcon(u":/icons/cloud-upload.svg"_s), QCoreApplication::translate("Notechondria::SyncCard", "&Push now"), this);
    m_pushNow->setObjectName(u"pushNowButton"_s);
    m_pushNow->setDefault(true);
    m_syncNow = new QPushButton(
        QIcon(u":/icons/cloud-upload.svg"_s), QCoreApplication::translate("Notechondria::SyncCard", "&Sync now"), this);
    m_syncNow->setObjectName(u"syncNowButton"_s);
    m_syncNow->setToolTip(QCoreApplication::translate(
        "Notechondria::SyncCard", "Bring in what changed on GitHub, then send what changed on this device."));
    m_syncNow->hide();
    connect(m_pushNow, &QPushButton::clicked, this, &SyncConnectedPage::pushRequested);
    connect(m_syncNow, &QPushButton::clicked, this, &SyncConnectedPage::pushRequested);
    m_disconnect = new QPushButton(
        QIcon(u":/icons/link-off.svg"_s), QCoreApplication::translate("Notechondria::SyncCard", "&Disconnect"), this);
    m_disconnect->setObjectName(u"disconnectButton"_s);
    m_disconnect->setFlat(true);
    connect(m_disconnect, &QPushButton::clicked, this, &SyncConnectedPage::disconnectRequested);
    auto *preview = new QPushButton(QCoreApplication::translate("Notechondria::SyncCard", "Pre&view next push"), this);
    preview->setObjectName(u"previewButton"_s);
    connect(preview, &QPushButton::clicked, this, &SyncConnectedPage::previewRequested);
    auto *history = new QPushButton(QCoreApplication::translate("Notechondria::SyncCard", "Push &history"), this);
    history->setObjectName(u"historyButton"_s);
    connect(history, &QPushButton::clicked, this, &SyncConnectedPage::historyRequested);
    buttons->addWidget(m_pushNow);
    buttons->addWidget(m_syncNow);
    buttons->addWidget(m_disconnect);
    buttons->addStretch();
    m_browseBackups
        = new QPushButton(QCoreApplication::translate("Notechondria::SyncCard", "&Browse backups\u2026"), this);
    m_browseBackups->setObjectName(u"browseBackupsButton"_s);
    m_browseBackups->setToolTip(QCoreApplication::translate(
        "Notechondria::SyncCard", "Every backup on GitHub: what changed when, and any note as a backup held it."));
    m_browseBackups->hide();
    connect(m_browseBackups, &QPushButton::clicked, this, &SyncConnectedPage::backupHistoryRequested);
    buttons->addWidget(preview);
    buttons->addWidget(history);
    buttons->addWidget(m_browseBackups);
    layout->addLayout(buttons);
}

QHBoxLayout *SyncConnectedPage::buildRestoreRow()
{
    auto *row = new QHBoxLayout;
    auto *fromGitHub
        = new QPushButton(QCoreApplication::translate("Notechondria::SyncCard", "Restore from &GitHub\u2026"), this);
    fromGitHub->setObjectName(u"restoreFromGitHubButton"_s);
    auto *fromFolder
        = new QPushButton(QCoreApplication::translate("Notechondria::SyncCard", "Restore from &folder\u2026"), this);
    fromFolder->setObjectName(u"restoreFromFolderButton"_s);
    fromFolder->setFlat(true);
    connect(fromGitHub, &QPushButton::clicked, this, [this] { Q_EMIT restoreRequested(RestoreSource::gitHub()); });
    connect(fromFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(
            this, QCoreApplication::translate("Notechondria::SyncCard", "Choose a backup folder"));
        if (!folder.isEmpty()) {
            Q_EMIT restoreRequested(RestoreSource::fromFolder(folder));
        }
    });
    m_testRestore = new QPushButton(QCoreApplication::translate("Notechondria::SyncCard", "T&est restore"), this);
    m_testRestore->setObjectName(u"testRestoreButton"_s);
    m_testRestore->setToolTip(QCoreApplication::translate("Notechondria::SyncCard",
        "Check every file of the latest backup and restore it into a scratch profile, without touching this "
        "device's notes."));
    m_testRestore->setEnabled(false);
    m_testRestore->hide();
    connect(m_testRestore, &QPushButton::clicked, this, &SyncConnectedPage::testRestoreRequested);
    row->addStretch();
    row->addWidget(m_testRestore);
    row->addWidget(fromGitHub);
    row->addWidget(fromFolder);
    return row;
}

void SyncConnectedPage::addLastVerified(QVBoxLayout *layout)
{
    m_lastVerified = makeLabel(u"lastVerifiedLabel"_s, this);
    m_lastVerified->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_lastVerified->hide();
    layout->addWidget(m_lastVerified);
}

void SyncConnectedPage::addResults(QVBoxLayout *layout)
{
    m_pushProgress = makeThinBar(u"pushProgressBar"_s, this);
    m_pushProgress->setAccessibleName(QCoreApplication::translate("Notechondria::SyncCard", "Push in progress"));
    m_pushProgress->hide();
    layout->addWidget(m_pushProgress);
    m_pushWait = makeLabel(u"pushWaitLabel"_s, this);
    m_pushWait->hide();
    layout->addWidget(m_pushWait);
    m_syncResult = makeLabel(u"syncResultLabel"_s, this);
    m_syncResult->hide();
    layout->addWidget(m_syncResult);
    m_commitLink = new QLabel(this);
    m_commitLink->setObjectName(u"commitLinkLabel"_s);
    m_commitLink->setTextFormat(Qt::RichText);
    m_commitLink->setOpenExternalLinks(true);
    m_commitLink->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_commitLink->hide();
    layout->addWidget(m_commitLink);
    m_lastPush = makeLabel(u"lastPushLabel"_s, this);
    layout->addWidget(m_lastPush);
    m_lastError = makeLabel(u"lastErrorLabel"_s, this);
    setErrorColour(m_lastError);
    layout->addWidget(m_lastError);
}

void SyncConnectedPage::updateIncludeAssetsHint()
{
    m_includeAssetsHint->setText(m_includeAssets->isChecked()
            ? QCoreApplication::translate("Notechondria::SyncCard",
                  "Avatar, cover images, and attachments are inlined under assets/. Subject to per-file (50 MB) and "
                  "per-push (200 MB) caps.")
            : QCoreApplication::translate("Notechondria::SyncCard",
                  "Static assets stay referenced by URL only. Faster push, but a fresh server can't recover the "
                  "bytes."));
}

void SyncConnectedPage::setLocalBackend(bool local)
{
    m_pushNow->setVisible(!local);
    m_syncNow->setVisible(local);
    m_syncNow->setDefault(local);
    m_pushNow->setDefault(!local);
    m_browseBackups->setVisible(local);
    m_local = local;
    m_testRestore->setVisible(local);
    m_lastVerified->setVisible(local && !m_lastVerified->text().isEmpty());
    m_syncResult->hide();
}

bool SyncConnectedPage::includeAssets() const
{
    return m_includeAssets->isChecked();
}

void SyncConnectedPage::setBusy(bool busy, bool repoSelected, bool reposListed)
{
    const bool haveRepo = m_repoCombo->currentIndex() >= 0 && repoSelected;
    m_pushNow->setEnabled(!busy && haveRepo);
    m_syncNow->setEnabled(!busy && haveRepo);
    m_browseBackups->setEnabled(!busy && haveRepo);
    m_testRestore->setEnabled(!busy && haveRepo);
    m_disconnect->setEnabled(!busy);
    m_repoCombo->setEnabled(!busy && reposListed);
    m_retryRepos->setEnabled(!busy);
    m_pushProgress->setVisible(busy && m_pushing);
}

void SyncConnectedPage::setPushing(bool pushing)
{
    m_pushing = pushing;
    if (!pushing) {
        showPushWait(0);
    }
}

void SyncConnectedPage::showPushWait(qint64 seconds)
{
    if (seconds <= 0) {
        m_pushWait->hide();
        m_pushWait->clear();
        return;
    }
    m_pushWait->setText(QCoreApplication::translate("Notechondria::SyncCard",
        "Waiting %n s for GitHub's limit on writes (about 80 a minute and 500 an hour); the sync goes on by itself.",
        nullptr, int(seconds)));
    m_pushWait->show();
}

void SyncConnectedPage::showInstallation(const QString &installedText, const QString &lastError)
{
    m_installedLabel->setText(installedText);
    m_lastError->setText(lastError);
    m_lastError->setVisible(!lastError.isEmpty());
}

void SyncConnectedPage::showRepos(
    const std::optional<QList<RepoInfo>> &repos, const QString &errorText, const QString &selected, bool busy)
{
    const bool failed = !errorText.isEmpty();
    m_repoError->setText(errorText);
    m_repoError->setVisible(failed);
    m_retryRepos->setVisible(failed);
    m_reposBar->setVisible(!repos && !failed);
    m_emptyReposHint->setVisible(repos && repos->isEmpty());
    m_repoCombo->clear();
    if (repos) {
        for (const RepoInfo &repo : *repos) {
            m_repoCombo->addItem(repo.fullName.isEmpty()
                    ? QCoreApplication::translate("Notechondria::SyncCard", "unknown")
                    : repo.fullName,
                repo.fullName);
        }
    }
    m_repoCombo->setCurrentIndex(m_repoCombo->findData(selected));
    m_repoCombo->setEnabled(!busy && repos && !repos->isEmpty());
    m_repoCombo->setVisible(!repos || !repos->isEmpty());
    m_pushNow->setEnabled(!busy && !selected.isEmpty());
    m_syncNow->setEnabled(!busy && !selected.isEmpty());
    m_testRestore->setEnabled(!busy && !selected.isEmpty());
}

void SyncConnectedPage::showLastPush(const QString &text, const std::optional<QString> &toolTip)
{
    m_lastPush->setText(text);
    if (toolTip) {
        m_lastPush->setToolTip(*toolTip);
    }
}

void SyncConnectedPage::showSyncResult(const QString &summary)
{
    m_syncResult->setText(summary);
    m_syncResult->show();
}

void SyncConnectedPage::showLastVerified(const QString &text, const QString &toolTip, bool incomplete)
{
    m_lastVerified->setText(text);
    m_lastVerified->setToolTip(toolTip);
    m_lastVerified->setAccessibleDescription(toolTip);
    if (incomplete) {
        setErrorColour(m_lastVerified);
    } else {
        m_lastVerified->setPalette(QPalette()); // back to the page's colours
    }
    m_lastVerified->setVisible(m_local && !text.isEmpty());
}

void SyncConnectedPage::showCommitLink(const QString &richText, const QString &url, bool visible)
{
    m_commitLink->setText(richText);
    m_commitLink->setVisible(visible);
    m_commitLink->setToolTip(url);
}

void SyncConnectedPage::clearResult()
{
    m_commitLink->hide();
    m_syncResult->hide();
}

void SyncConnectedPage::hideCommitLink()
{
    m_commitLink->hide();
}

} // namespace Notechondria
