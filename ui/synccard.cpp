// SPDX-License-Identifier: GPL-3.0-or-later
#include "synccard.h"

#include "backuphistorydialog.h"
#include "clock.h"
#include "relativetime.h"
#include "restoredialog.h"
#include "syncconnectedpage.h"
#include "syncdisconnectedpage.h"
#include "syncwidgets.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

using SyncWidgets::makeLabel;

SyncCard::SyncCard(const Clock *clock, QWidget *parent)
    : QFrame(parent)
    , m_clock(clock)
    , m_pollTimer(new QTimer(this))
    , m_clockTimer(new QTimer(this))
    , m_pushWaitTimer(new QTimer(this))
{
    setObjectName(u"syncCard"_s);
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("GitHub Sync"));
    buildUi();
    connectPages();
    m_pollTimer->setInterval(3000);
    connect(m_pollTimer, &QTimer::timeout, this, [this] { pollInstallations(); });
    m_clockTimer->setInterval(30000);
    connect(m_clockTimer, &QTimer::timeout, this, [this] {
        updateLastPush();
        showLastVerified();
    });
    m_clockTimer->start();
    m_pushWaitTimer->setInterval(1000);
    connect(m_pushWaitTimer, &QTimer::timeout, this, [this] { pollPushWait(); });
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
    m_disconnected = new SyncDisconnectedPage(this);
    m_pages->addWidget(m_disconnected);
    m_connected = new SyncConnectedPage(this);
    m_pages->addWidget(m_connected);
    layout->addWidget(m_pages);

    m_actionError = makeLabel(u"actionErrorLabel"_s, this);
    SyncWidgets::setErrorColour(m_actionError);
    m_actionError->setAccessibleName(tr("GitHub Sync error"));
    m_actionError->hide();
    layout->addWidget(m_actionError);
}

QWidget *SyncCard::buildPassivePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *hint = makeLabel(u"passiveHintLabel"_s, page);
    hint->setText(tr("Sign in to enable GitHub Sync."));
    hint->setFrameShape(QFrame::StyledPanel);
    hint->setMargin(8);
    hint->setEnabled(false);
    layout->addWidget(hint);
    layout->addStretch();
    return page;
}

QWidget *SyncCard::buildLoadingPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *bar = SyncWidgets::makeThinBar(u"loadingProgressBar"_s, page);
    bar->setAccessibleName(tr("Loading GitHub Sync status"));
    layout->addWidget(bar);
    layout->addStretch();
    return page;
}

void SyncCard::connectPages()
{
    connect(m_disconnected, &SyncDisconnectedPage::installRequested, this, &SyncCard::startInstall);
    connect(m_disconnected, &SyncDisconnectedPage::installationPicked, this,
        [this](const QString &installationId, const QString &accountLogin) { doLink(installationId, accountLogin); });
    connect(m_disconnected, &SyncDisconnectedPage::linkRequested, this,
        [this](const QString &installationId) { doLink(installationId, QString()); });
    connect(m_connected, &SyncConnectedPage::repoActivated, this, [this](int index) { doSelectRepo(index); });
    connect(m_connected, &SyncConnectedPage::retryReposRequested, this, [this] { doListRepos(); });
    connect(m_connected, &SyncConnectedPage::pushRequested, this, [this] {
        SyncRequest request;
        request.push.includeAssets = m_connected->includeAssets();
        doPush(request);
    });
    connect(m_connected, &SyncConnectedPage::disconnectRequested, this, [this] { doDisconnect(); });
    connect(m_connected, &SyncConnectedPage::previewRequested, this, &SyncCard::previewRequested);
    connect(m_connected, &SyncConnectedPage::historyRequested, this, &SyncCard::historyRequested);
    connect(m_connected, &SyncConnectedPage::restoreRequested, this, &SyncCard::openRestoreDialog);
    connect(m_connected, &SyncConnectedPage::backupHistoryRequested, this, &SyncCard::openBackupHistory);
    connect(m_connected, &SyncConnectedPage::testRestoreRequested, this, [this] { doTestRestore(); });
}

void SyncCard::openBackupHistory()
{
    if (!m_client || m_backend != Backend::Local) {
        return;
    }
    auto *dialog = new BackupHistoryDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A note brought back is a local change: the card's count of changes waiting follows.
    connect(dialog, &BackupHistoryDialog::noteRestored, this, &SyncCard::refresh);
    connect(dialog, &BackupHistoryDialog::restoreUndone, this, &SyncCard::refresh);
    Q_EMIT backupHistoryOpened(dialog);
    dialog->open();
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

void SyncCard::setClient(NotechondriaClient *client, Backend backend)
{
    m_client = client;
    m_backend = backend;
    m_connected->setLocalBackend(backend == Backend::Local);
    m_status = {};
    m_repos.reset();
    m_sessionPushSha.clear();
    m_lastVerification.reset();
    m_lastVerificationLoaded = false;
    showLastVerified();
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
    m_connected->setBusy(busy, !m_status.repoFullName.isEmpty(), m_repos && !m_repos->isEmpty());
    m_disconnected->setBusy(busy);
    Q_EMIT busyChanged(busy);
}

void SyncCard::showStatus()
{
    if (!m_status.connected) {
        m_disconnected->showInstallUrl(!m_status.installUrl.isEmpty());
        setState(State::Disconnected);
        return;
    }
    m_pollTimer->stop();
    m_disconnected->setWaiting(false);
    m_connected->showInstallation(m_status.accountLogin.isEmpty()
            ? tr("GitHub App installed.")
            : tr("GitHub App installed on @%1.").arg(m_status.accountLogin),
        m_status.lastError);
    updateLastPush();
    showLastVerified();
    showRepos();
    setState(State::Connected);
}

void SyncCard::showRepos()
{
    m_connected->showRepos(m_repos, m_repoErrorText, m_status.repoFullName, m_busy);
}

void SyncCard::updateLastPush()
{
    if (!m_clock || !m_status.lastPushAt) {
        m_connected->showLastPush(
            m_sessionPushSha.isEmpty() ? tr("Not pushed yet.") : tr("Last push: %1").arg(m_sessionPushSha.left(8)));
        return;
    }
    const QString when = relativeTimeText(*m_status.lastPushAt, m_clock->now());
    m_connected->showLastPush(m_status.lastPushSha.isEmpty()
            ? tr("Last push: %1.").arg(when)
            : tr("Last push: %1 (commit %2).").arg(when, m_status.lastPushSha.left(8)),
        QLocale().toString(m_status.lastPushAt->toLocalTime(), QLocale::LongFormat));
}

namespace {

/// The counts of the verification sentences; the singular spelled out (no English catalog is loaded).
QString filesText(int count)
{
    return count == 1 ? SyncCard::tr("1 file") : SyncCard::tr("%Ln files", nullptr, count);
}

QString notesText(int count)
{
    return count == 1 ? SyncCard::tr("1 note") : SyncCard::tr("%Ln notes", nullptr, count);
}

QString problemKindText(const QString &kind)
{
    if (kind == "missing"_L1) {
        return SyncCard::tr("missing");
    }
    if (kind == "unlisted"_L1) {
        return SyncCard::tr("not covered by the checksums");
    }
    if (kind == "unreadable"_L1) {
        return SyncCard::tr("cannot be read");
    }
    if (kind == "restores_differently"_L1) {
        return SyncCard::tr("comes back different from a restore");
    }
    return SyncCard::tr("damaged");
}

/// The tooltip of an incomplete backup: one line per damaged or missing file, by title with the path as detail.
QString problemList(const VerifyReport &report)
{
    constexpr qsizetype shown = 20;
    QStringList lines;
    for (const VerifyReport::Problem &problem : report.problems) {
        const QString line = problem.title.isEmpty()
            ? SyncCard::tr("%1: %2").arg(problem.path, problemKindText(problem.kind))
            : SyncCard::tr("\u201c%1\u201d (%2): %3").arg(problem.title, problem.path, problemKindText(problem.kind));
        if (!lines.contains(line)) {
            lines.append(line);
        }
    }
    if (lines.size() > shown) {
        const auto more = static_cast<int>(lines.size() - shown);
        lines.resize(shown);
        lines.append(SyncCard::tr("…and %n more", nullptr, more));
    }
    return lines.join(u'\n');
}

} // namespace

void SyncCard::showLastVerified()
{
    if (m_verifying) {
        m_connected->showLastVerified(tr("Testing the backup…"), QString());
        return;
    }
    if (!m_lastVerification) {
        m_connected->showLastVerified(m_lastVerificationLoaded ? tr("Never verified.") : QString(), QString());
        return;
    }
    const VerifyReport &report = *m_lastVerification;
    const QString when = relativeTimeText(report.verifiedAt, m_clock ? m_clock->now() : QDateTime::currentDateTime());
    const QString commit = report.commit.left(8);
    const QString at = QLocale().toString(report.verifiedAt.toLocalTime(), QLocale::LongFormat);
    if (report.complete) {
        m_connected->showLastVerified(
            tr("Last verified %1: complete — %2, %3.").arg(when, filesText(report.files), notesText(report.notes)),
            tr("Commit %1, tested %2: every file matches its checksum, and the backup restores as it was made.")
                .arg(commit, at));
        return;
    }
    QSet<QString> paths;
    for (const VerifyReport::Problem &problem : report.problems) {
        paths.insert(problem.path);
    }
    m_connected->showLastVerified(
        tr("Last verified %1: %2 damaged or missing.").arg(when, filesText(static_cast<int>(paths.size()))),
        tr("Commit %1, tested %2. Damaged or missing:").arg(commit, at) + u'\n' + problemList(report), true);
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
