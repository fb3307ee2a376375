// SPDX-License-Identifier: GPL-3.0-or-later
#include "synccard.h"

#include "clock.h"
#include "relativetime.h"
#include "restoredialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr auto includeAssetsKey = "githubSync/includeAssets"_L1;

QLabel *makeLabel(const QString &objectName, QWidget *parent, bool wrap = true)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(wrap);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QProgressBar *makeThinBar(const QString &objectName, QWidget *parent)
{
    auto *bar = new QProgressBar(parent);
    bar->setObjectName(objectName);
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setMaximumHeight(4);
    return bar;
}

void setErrorColour(QLabel *label)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xB3, 0x26, 0x1E));
    label->setPalette(palette);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

} // namespace

SyncCard::SyncCard(const Clock *clock, QWidget *parent)
    : QFrame(parent)
    , m_clock(clock)
    , m_pollTimer(new QTimer(this))
    , m_clockTimer(new QTimer(this))
{
    setObjectName(u"syncCard"_s);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("GitHub Sync"));
    buildUi();
    m_pollTimer->setInterval(3000);
    connect(m_pollTimer, &QTimer::timeout, this, [this] { pollInstallations(); });
    m_clockTimer->setInterval(30000);
    connect(m_clockTimer, &QTimer::timeout, this, &SyncCard::updateLastPush);
    m_clockTimer->start();
    setState(State::Passive);
}

SyncCard::~SyncCard() = default;

void SyncCard::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *header = new QHBoxLayout;
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(u":/icons/flask.svg"_s).pixmap(24, 24));
    header->addWidget(icon);
    auto *title = makeLabel(u"syncCardTitle"_s, this, false);
    title->setText(tr("Experimental — GitHub Sync"));
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    header->addWidget(title, 1);
    layout->addLayout(header);
    auto *description = makeLabel(u"syncCardDescription"_s, this);
    description->setText(
        tr("Push your full account (profile, settings, MCP skill, courses, notes, custom meta, planner events) to a "
           "GitHub repo you own so you can recover everything if our server is wiped. Static assets we host "
           "(avatars, attachments, cover images) are referenced by URL, not committed. See "
           "docs/integrations/github-sync.md for the full flow."));
    layout->addWidget(description);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildPassivePage());
    m_pages->addWidget(buildLoadingPage());
    m_pages->addWidget(buildDisconnectedPage());
    m_pages->addWidget(buildConnectedPage());
    layout->addWidget(m_pages);

    m_actionError = makeLabel(u"actionErrorLabel"_s, this);
    setErrorColour(m_actionError);
    m_actionError->setAccessibleName(tr("GitHub Sync error"));
    m_actionError->hide();
    layout->addWidget(m_actionError);
}

QWidget *SyncCard::buildPassivePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_passiveHint = makeLabel(u"passiveHintLabel"_s, page);
    m_passiveHint->setText(tr("Sign in to enable GitHub Sync."));
    m_passiveHint->setFrameShape(QFrame::StyledPanel);
    m_passiveHint->setMargin(8);
    m_passiveHint->setEnabled(false);
    layout->addWidget(m_passiveHint);
    layout->addStretch();
    return page;
}

QWidget *SyncCard::buildLoadingPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_loadingBar = makeThinBar(u"loadingProgressBar"_s, page);
    m_loadingBar->setAccessibleName(tr("Loading GitHub Sync status"));
    layout->addWidget(m_loadingBar);
    layout->addStretch();
    return page;
}

QWidget *SyncCard::buildDisconnectedPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_operatorNote = makeLabel(u"operatorNoteLabel"_s, page);
    m_operatorNote->setText(tr("Operator note: GITHUB_DATA_SYNC_APP_INSTALL_URL is not configured on this backend. "
                               "See docs/integrations/github-sync.md for the env-var contract."));
    layout->addWidget(m_operatorNote);

    m_installButton = new QPushButton(QIcon(u":/icons/link.svg"_s), tr("Install Notechondria GitHub App"), page);
    m_installButton->setObjectName(u"installButton"_s);
    m_installButton->setAccessibleName(tr("Install Notechondria GitHub App"));
    connect(m_installButton, &QPushButton::clicked, this, &SyncCard::startInstall);
    auto *installRow = new QHBoxLayout;
    installRow->addWidget(m_installButton);
    installRow->addStretch();
    layout->addLayout(installRow);
    m_installHint = makeLabel(u"installHintLabel"_s, page);
    m_installHint->setText(tr("After approving the install, GitHub redirects back here and we persist your "
                              "installation id automatically. The app stays installed until you remove it from "
                              "your GitHub settings."));
    layout->addWidget(m_installHint);
    m_waitingLabel = makeLabel(u"installWaitingLabel"_s, page);
    m_waitingLabel->setText(tr("Waiting for the installation to finish in your browser…"));
    m_waitingLabel->hide();
    layout->addWidget(m_waitingLabel);

    auto *pasteRow = new QHBoxLayout;
    auto *pasteLabel = new QLabel(tr("Or paste the &installation id:"), page);
    m_installationIdEdit = new QLineEdit(page);
    m_installationIdEdit->setObjectName(u"installationIdEdit"_s);
    m_installationIdEdit->setAccessibleName(tr("Installation id"));
    m_installationIdEdit->setPlaceholderText(tr("e.g. 12345678"));
    pasteLabel->setBuddy(m_installationIdEdit);
    m_linkButton = new QPushButton(tr("&Link"), page);
    m_linkButton->setObjectName(u"linkInstallationButton"_s);
    m_linkButton->setEnabled(false);
    connect(m_installationIdEdit, &QLineEdit::textChanged, this,
        [this](const QString &text) { m_linkButton->setEnabled(!m_busy && !text.trimmed().isEmpty()); });
    const auto link = [this] {
        if (!m_busy && !m_installationIdEdit->text().trimmed().isEmpty()) {
            doLink(m_installationIdEdit->text().trimmed(), QString());
        }
    };
    connect(m_linkButton, &QPushButton::clicked, this, link);
    connect(m_installationIdEdit, &QLineEdit::returnPressed, this, link);
    pasteRow->addWidget(pasteLabel);
    pasteRow->addWidget(m_installationIdEdit, 1);
    pasteRow->addWidget(m_linkButton);
    layout->addLayout(pasteRow);
    layout->addStretch();
    return page;
}

QHBoxLayout *SyncCard::buildRestoreRow(QWidget *page)
{
    auto *row = new QHBoxLayout;
    auto *fromGitHub = new QPushButton(tr("Restore from &GitHub\u2026"), page);
    fromGitHub->setObjectName(u"restoreFromGitHubButton"_s);
    auto *fromFolder = new QPushButton(tr("Restore from &folder\u2026"), page);
    fromFolder->setObjectName(u"restoreFromFolderButton"_s);
    fromFolder->setFlat(true);
    connect(fromGitHub, &QPushButton::clicked, this, [this] { openRestoreDialog(RestoreSource::gitHub()); });
    connect(fromFolder, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Choose a backup folder"));
        if (!folder.isEmpty()) {
            openRestoreDialog(RestoreSource::fromFolder(folder));
        }
    });
    row->addStretch();
    row->addWidget(fromGitHub);
    row->addWidget(fromFolder);
    return row;
}

void SyncCard::openRestoreDialog(const RestoreSource &source)
{
    if (m_busy || !m_client) {
        return;
    }
    auto *dialog = new RestoreDialog(m_client, source, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RestoreDialog::restored, this, &SyncCard::refresh);
    connect(dialog, &RestoreDialog::undone, this, &SyncCard::refresh);
    Q_EMIT restoreDialogOpened(dialog);
    dialog->open();
}

QWidget *SyncCard::buildConnectedPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *installedRow = new QHBoxLayout;
    auto *check = new QLabel(page);
    check->setPixmap(QIcon(u":/icons/check.svg"_s).pixmap(16, 16));
    installedRow->addWidget(check);
    m_installedLabel = makeLabel(u"installedLabel"_s, page);
    installedRow->addWidget(m_installedLabel, 1);
    layout->addLayout(installedRow);

    auto *repoRow = new QHBoxLayout;
    auto *repoLabel = new QLabel(tr("Sync target &repository"), page);
    m_repoCombo = new QComboBox(page);
    m_repoCombo->setObjectName(u"repoComboBox"_s);
    m_repoCombo->setAccessibleName(tr("Sync target repository"));
    m_repoCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    repoLabel->setBuddy(m_repoCombo);
    connect(m_repoCombo, &QComboBox::activated, this, [this](int index) { doSelectRepo(index); });
    repoRow->addWidget(repoLabel);
    repoRow->addWidget(m_repoCombo, 1);
    layout->addLayout(repoRow);
    m_reposBar = makeThinBar(u"reposProgressBar"_s, page);
    layout->addWidget(m_reposBar);
    auto *errorRow = new QHBoxLayout;
    m_repoError = makeLabel(u"repoErrorLabel"_s, page);
    setErrorColour(m_repoError);
    m_retryRepos = new QPushButton(tr("Re&try"), page);
    m_retryRepos->setObjectName(u"retryReposButton"_s);
    m_retryRepos->setAccessibleName(tr("Retry listing repositories"));
    connect(m_retryRepos, &QPushButton::clicked, this, [this] { doListRepos(); });
    errorRow->addWidget(m_repoError, 1);
    errorRow->addWidget(m_retryRepos);
    layout->addLayout(errorRow);
    m_emptyReposHint = makeLabel(u"emptyReposHintLabel"_s, page);
    m_emptyReposHint->setText(tr("No repositories visible to this installation. Open GitHub settings → Applications "
                                 "→ Notechondria data sync, and grant access to a repo."));
    layout->addWidget(m_emptyReposHint);

    m_includeAssets = new QCheckBox(tr("Include &assets"), page);
    m_includeAssets->setObjectName(u"includeAssetsCheckBox"_s);
    m_includeAssets->setChecked(QSettings().value(includeAssetsKey, false).toBool());
    connect(m_includeAssets, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(includeAssetsKey, on);
        updateIncludeAssetsHint();
    });
    layout->addWidget(m_includeAssets);
    m_includeAssetsHint = makeLabel(u"includeAssetsHintLabel"_s, page);
    layout->addWidget(m_includeAssetsHint);
    updateIncludeAssetsHint();

    auto *buttons = new QHBoxLayout;
    m_pushNow = new QPushButton(QIcon(u":/icons/cloud-upload.svg"_s), tr("&Push now"), page);
    m_pushNow->setObjectName(u"pushNowButton"_s);
    m_pushNow->setDefault(true);
    m_syncNow = new QPushButton(QIcon(u":/icons/cloud-upload.svg"_s), tr("&Sync now"), page);
    m_syncNow->setObjectName(u"syncNowButton"_s);
    m_syncNow->setToolTip(tr("Bring in what changed on GitHub, then send what changed on this device."));
    m_syncNow->hide();
    for (QPushButton *button : {m_pushNow, m_syncNow}) {
        connect(button, &QPushButton::clicked, this, [this] {
            SyncRequest request;
            request.push.includeAssets = m_includeAssets->isChecked();
            doPush(request);
        });
    }
    m_disconnect = new QPushButton(QIcon(u":/icons/link-off.svg"_s), tr("&Disconnect"), page);
    m_disconnect->setObjectName(u"disconnectButton"_s);
    m_disconnect->setFlat(true);
    connect(m_disconnect, &QPushButton::clicked, this, [this] { doDisconnect(); });
    m_previewButton = new QPushButton(tr("Pre&view next push"), page);
    m_previewButton->setObjectName(u"previewButton"_s);
    connect(m_previewButton, &QPushButton::clicked, this, &SyncCard::previewRequested);
    m_historyButton = new QPushButton(tr("Push &history"), page);
    m_historyButton->setObjectName(u"historyButton"_s);
    connect(m_historyButton, &QPushButton::clicked, this, &SyncCard::historyRequested);
    buttons->addWidget(m_pushNow);
    buttons->addWidget(m_syncNow);
    buttons->addWidget(m_disconnect);
    buttons->addStretch();
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_historyButton);
    layout->addLayout(buttons);
    layout->addLayout(buildRestoreRow(page));

    m_pushProgress = makeThinBar(u"pushProgressBar"_s, page);
    m_pushProgress->setAccessibleName(tr("Push in progress"));
    m_pushProgress->hide();
    layout->addWidget(m_pushProgress);
    m_syncResult = makeLabel(u"syncResultLabel"_s, page);
    m_syncResult->hide();
    layout->addWidget(m_syncResult);
    m_commitLink = new QLabel(page);
    m_commitLink->setObjectName(u"commitLinkLabel"_s);
    m_commitLink->setTextFormat(Qt::RichText);
    m_commitLink->setOpenExternalLinks(true);
    m_commitLink->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_commitLink->hide();
    layout->addWidget(m_commitLink);
    m_lastPush = makeLabel(u"lastPushLabel"_s, page);
    layout->addWidget(m_lastPush);
    m_lastError = makeLabel(u"lastErrorLabel"_s, page);
    setErrorColour(m_lastError);
    layout->addWidget(m_lastError);
    layout->addStretch();
    return page;
}

void SyncCard::setClient(NotechondriaClient *client, Backend backend)
{
    m_client = client;
    m_backend = backend;
    m_pushNow->setVisible(backend == Backend::Remote);
    m_syncNow->setVisible(backend == Backend::Local);
    m_syncNow->setDefault(backend == Backend::Local);
    m_pushNow->setDefault(backend == Backend::Remote);
    m_syncResult->hide();
    m_status = {};
    m_repos.reset();
    m_sessionPushSha.clear();
    m_pollTimer->stop();
    refresh();
}

void SyncCard::setInstallPollInterval(std::chrono::milliseconds interval)
{
    m_pollTimer->setInterval(interval);
}

void SyncCard::refresh()
{
    if (!m_client || !m_client->isConfigured() || !m_client->hasApiKey()) {
        setState(State::Passive);
        return;
    }
    doRefresh();
}

void SyncCard::setState(State state)
{
    m_pages->setCurrentIndex(static_cast<int>(state));
    if (state == State::Passive) {
        m_actionError->hide();
    }
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

void SyncCard::setBusy(bool busy)
{
    if (m_busy == busy) {
        return;
    }
    m_busy = busy;
    const bool haveRepo = m_repoCombo->currentIndex() >= 0 && !m_status.repoFullName.isEmpty();
    m_pushNow->setEnabled(!busy && haveRepo);
    m_syncNow->setEnabled(!busy && haveRepo);
    m_disconnect->setEnabled(!busy);
    m_repoCombo->setEnabled(!busy && m_repos && !m_repos->isEmpty());
    m_retryRepos->setEnabled(!busy);
    m_installButton->setEnabled(!busy);
    m_linkButton->setEnabled(!busy && !m_installationIdEdit->text().trimmed().isEmpty());
    m_pushProgress->setVisible(busy && m_pushProgress->property("pushing").toBool());
    Q_EMIT busyChanged(busy);
}

void SyncCard::showStatus()
{
    if (!m_status.connected) {
        const bool haveUrl = !m_status.installUrl.isEmpty();
        m_operatorNote->setVisible(!haveUrl);
        m_installButton->setVisible(haveUrl);
        m_installHint->setVisible(haveUrl);
        m_installButton->setEnabled(!m_busy);
        setState(State::Disconnected);
        return;
    }
    m_pollTimer->stop();
    m_waitingLabel->hide();
    m_installedLabel->setText(m_status.accountLogin.isEmpty()
            ? tr("GitHub App installed.")
            : tr("GitHub App installed on @%1.").arg(m_status.accountLogin));
    m_lastError->setText(m_status.lastError);
    m_lastError->setVisible(!m_status.lastError.isEmpty());
    updateLastPush();
    showRepos();
    setState(State::Connected);
}

void SyncCard::showRepos()
{
    const bool failed = !m_repoErrorText.isEmpty();
    m_repoError->setText(m_repoErrorText);
    m_repoError->setVisible(failed);
    m_retryRepos->setVisible(failed);
    m_reposBar->setVisible(!m_repos && !failed);
    m_emptyReposHint->setVisible(m_repos && m_repos->isEmpty());
    m_repoCombo->clear();
    if (m_repos) {
        for (const RepoInfo &repo : *m_repos) {
            m_repoCombo->addItem(repo.fullName.isEmpty() ? tr("unknown") : repo.fullName, repo.fullName);
        }
    }
    m_repoCombo->setCurrentIndex(m_repoCombo->findData(m_status.repoFullName));
    m_repoCombo->setEnabled(!m_busy && m_repos && !m_repos->isEmpty());
    m_repoCombo->setVisible(!m_repos || !m_repos->isEmpty());
    m_pushNow->setEnabled(!m_busy && !m_status.repoFullName.isEmpty());
    m_syncNow->setEnabled(!m_busy && !m_status.repoFullName.isEmpty());
}

void SyncCard::updateLastPush()
{
    if (!m_clock || !m_status.lastPushAt) {
        m_lastPush->setText(
            m_sessionPushSha.isEmpty() ? tr("Not pushed yet.") : tr("Last push: %1").arg(m_sessionPushSha.left(8)));
        return;
    }
    const QString when = relativeTimeText(*m_status.lastPushAt, m_clock->now());
    m_lastPush->setText(m_status.lastPushSha.isEmpty()
            ? tr("Last push: %1.").arg(when)
            : tr("Last push: %1 (commit %2).").arg(when, m_status.lastPushSha.left(8)));
    m_lastPush->setToolTip(QLocale().toString(m_status.lastPushAt->toLocalTime(), QLocale::LongFormat));
}

void SyncCard::updateIncludeAssetsHint()
{
    m_includeAssetsHint->setText(m_includeAssets->isChecked()
            ? tr("Avatar, cover images, and attachments are inlined under assets/. Subject to per-file (50 MB) and "
                 "per-push (200 MB) caps.")
            : tr("Static assets stay referenced by URL only. Faster push, but a fresh server can't recover the "
                 "bytes."));
}

void SyncCard::showActionError(const QString &message)
{
    m_actionError->setText(message);
    m_actionError->setVisible(!message.isEmpty());
    if (!message.isEmpty()) {
        Q_EMIT actionFailed(message);
    }
}

void SyncCard::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && m_state == State::Connected) {
        showStatus();
    }
}

} // namespace Notechondria
