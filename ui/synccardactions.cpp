// SPDX-License-Identifier: GPL-3.0-or-later
// The actions of the GitHub Sync card (upstream §7.4): each one a coroutine on the client, guarded by the busy flag.
#include "conflictdialog.h"
#include "synccard.h"
#include "syncconnectedpage.h"
#include "syncdisconnectedpage.h"

#include <QDesktopServices>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcUi, "notechondria.ui")

namespace Notechondria {

namespace {

constexpr int maxInstallPolls = 200;

QString shaped(const QString &consequence, const QString &process, const QString &cause)
{
    return consequence % u": Frontend.GithubSync/"_s % process % u" — "_s % cause;
}

} // namespace

QCoro::Task<> SyncCard::doRefresh()
{
    QPointer<SyncCard> self(this);
    const int generation = ++m_refreshGeneration;
    if (m_state == State::Passive || m_state == State::Loading) {
        setState(State::Loading);
    }
    const Result<SyncStatus> status = co_await m_client->status();
    if (!self || generation != m_refreshGeneration) {
        co_return;
    }
    if (!status) {
        const bool rejected = status.error().httpStatus == 401 || status.error().httpStatus == 403;
        setState(rejected || m_state == State::Loading ? State::Passive : m_state);
        showActionError(shaped(tr("Cannot load GitHub Sync status"), u"status"_s, status.error().message()));
        co_return;
    }
    const bool sameInstallation = m_status.connected && m_status.installationId == status->installationId;
    m_status = *status;
    if (!m_status.connected || !sameInstallation) {
        m_repos.reset();
        m_repoErrorText.clear();
    }
    showStatus();
    if (m_status.connected && m_backend == Backend::Local) {
        loadLastVerification();
    }
    if (!m_status.connected && m_backend == Backend::Local) {
        // The App's existing installations, to pick one (an installation made before the click is found too).
        const Result<QList<InstallationInfo>> installations = co_await m_client->installations();
        if (!self || generation != m_refreshGeneration) {
            co_return;
        }
        m_disconnected->showInstallations(installations.value_or(QList<InstallationInfo>()));
    }
    // The repository list of this installation is kept across refreshes (after a push or a repo choice), so the
    // combo box does not blank out; Retry and a new installation list again.
    if (m_status.connected && !m_repos) {
        co_await doListRepos();
    }
}

QCoro::Task<> SyncCard::doListRepos()
{
    if (!m_client) {
        co_return;
    }
    QPointer<SyncCard> self(this);
    m_repoErrorText.clear();
    m_repos.reset();
    showRepos();
    const Result<QList<RepoInfo>> repos = co_await m_client->repos();
    if (!self) {
        co_return;
    }
    if (!repos) {
        // The server's detail already reads "Cannot list repositories: …"; keep it verbatim.
        const QString message = repos.error().message();
        m_repoErrorText = message.startsWith("Cannot list repositories"_L1)
            ? message
            : shaped(tr("Cannot list repositories"), u"list_repos"_s, message);
        qCWarning(lcUi).noquote() << m_repoErrorText;
    } else {
        m_repos = *repos;
    }
    showRepos();
}

QCoro::Task<> SyncCard::doSelectRepo(int index)
{
    if (!m_client || m_busy || !m_repos || index < 0 || index >= m_repos->size()) {
        co_return;
    }
    const RepoInfo repo = m_repos->at(index);
    if (repo.fullName == m_status.repoFullName) {
        co_return;
    }
    QPointer<SyncCard> self(this);
    setBusy(true);
    CallbackRequest request;
    request.installationId = m_status.installationId;
    request.repoFullName = repo.fullName;
    request.repoDefaultBranch = repo.defaultBranch.isEmpty() ? u"main"_s : repo.defaultBranch;
    const Result<SyncStatus> answer = co_await m_client->callback(request);
    if (!self) {
        co_return;
    }
    setBusy(false);
    if (!answer) {
        showActionError(shaped(tr("Cannot select repository"), u"repository.select"_s, answer.error().message()));
        showRepos();
        co_return;
    }
    showActionError(QString());
    m_sessionPushSha.clear();
    m_connected->hideCommitLink();
    co_await doRefresh();
}

QCoro::Task<> SyncCard::pollPushWait()
{
    if (!m_client || m_pushWaitPolling) {
        co_return;
    }
    QPointer<SyncCard> self(this);
    m_pushWaitPolling = true;
    const Result<SyncStatus> status = co_await m_client->status();
    if (!self) {
        co_return;
    }
    m_pushWaitPolling = false;
    if (!m_pushWaitTimer->isActive()) {
        co_return; // the push ended meanwhile
    }
    qint64 seconds = 0;
    if (status && status->pushPausedUntil) {
        seconds = (m_clock->now().msecsTo(*status->pushPausedUntil) + 999) / 1000;
    }
    m_connected->showPushWait(seconds);
}

QCoro::Task<> SyncCard::doPush(SyncRequest request)
{
    if (!m_client || m_busy) {
        co_return;
    }
    QPointer<SyncCard> self(this);
    const bool sync = m_backend == Backend::Local;
    m_connected->clearResult();
    showActionError(QString());
    m_connected->setPushing(true);
    setBusy(true);
    m_pushWaitTimer->start();
    const Result<PushResult> answer = co_await (sync ? m_client->sync(request) : m_client->push(request.push));
    if (!self) {
        co_return;
    }
    m_pushWaitTimer->stop();
    m_connected->setPushing(false);
    setBusy(false);
    if (!answer) {
        showActionError(sync ? shaped(tr("GitHub Sync failed"), u"sync"_s, answer.error().message())
                             : shaped(tr("GitHub Sync push failed"), u"push"_s, answer.error().message()));
    } else if (answer->conflict) {
        openConflictDialog(*answer, request);
    } else if (answer->massDeletion) {
        askMassDeletion(*answer, request);
    } else {
        showPushed(*answer);
    }
    co_await doRefresh();
}

void SyncCard::askMassDeletion(const PushResult &result, const SyncRequest &request)
{
    // The server's guard stopped a push that would delete many files: ask, then resend confirmed.
    auto *ask = new QMessageBox(QMessageBox::Warning, tr("Delete files on GitHub?"),
        tr("This push would delete %n file(s) from the repository on GitHub.", nullptr, result.wouldDelete),
        QMessageBox::NoButton, this);
    ask->setObjectName(u"massDeletionDialog"_s);
    ask->setInformativeText(result.detail);
    QPushButton *confirm = ask->addButton(tr("Delete and push"), QMessageBox::DestructiveRole);
    confirm->setObjectName(u"confirmMassDeletionButton"_s);
    QPushButton *cancel = ask->addButton(QMessageBox::Cancel);
    cancel->setObjectName(u"cancelMassDeletionButton"_s);
    ask->setDefaultButton(cancel);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::buttonClicked, this, [this, confirm, request](QAbstractButton *clicked) {
        if (clicked == confirm) {
            SyncRequest confirmed = request;
            confirmed.push.confirmMassDeletion = true;
            doPush(confirmed);
        }
    });
    ask->open();
}

QString SyncCard::syncSummary(const PushResult &result)
{
    // No English catalog is loaded: the singular is spelled out rather than shown as "file(s)".
    const auto files = [](qsizetype count) {
        return count == 1 ? tr("1 file") : tr("%n files", nullptr, static_cast<int>(count));
    };
    const int in = result.pulled.total();
    const int out = result.pushed.total();
    QString sentence;
    if (in == 0 && out == 0) {
        sentence = tr("Nothing to sync: this device and GitHub already agree.");
    } else if (out == 0) {
        sentence = tr("Synced: %1 came in from GitHub.").arg(files(in));
    } else if (in == 0) {
        sentence = tr("Synced: %1 went out to GitHub.").arg(files(out));
    } else {
        sentence = tr("Synced: %1 came in from GitHub, %2 went out.").arg(files(in)).arg(out);
    }
    if (!result.merged.isEmpty()) {
        sentence += u' ' + tr("Changes made on both sides were combined in %1.").arg(files(result.merged.size()));
    }
    return sentence;
}

void SyncCard::showPushed(const PushResult &result)
{
    m_sessionPushSha = result.commitSha;
    const QString url = u"https://github.com/%1/commit/%2"_s.arg(m_status.repoFullName, result.commitSha);
    const QString link = u"<a href=\"%1\">%2</a>"_s.arg(url.toHtmlEscaped(), result.commitSha.left(8));
    if (m_backend == Backend::Local) {
        m_connected->showSyncResult(syncSummary(result));
        m_connected->showCommitLink(tr("Commit %1.").arg(link), url, result.committed && !result.commitSha.isEmpty());
    } else {
        m_connected->showCommitLink(tr("Pushed to GitHub: Frontend.GithubSync/push — commit %1.").arg(link), url, true);
    }
    Q_EMIT pushed(result.commitSha);
}

void SyncCard::openConflictDialog(const PushResult &result, const SyncRequest &request)
{
    QList<ConflictItem> items = result.conflictItems;
    if (items.isEmpty()) {
        for (const QString &path : result.conflictPaths) {
            items.append(ConflictItem{path, QString(), u"both_changed"_s, QString()});
        }
    }
    const bool sync = m_backend == Backend::Local;
    auto *dialog = new ConflictDialog(
        items, result.detail, m_client, sync ? ConflictDialog::Mode::Sync : ConflictDialog::Mode::Push, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConflictDialog::resolved, this, [this, request](ConflictDialog::Choice choice) {
        SyncRequest again = request;
        again.push.force = choice == ConflictDialog::Choice::OverwriteGitHub;
        again.push.keepRemote = choice == ConflictDialog::Choice::KeepGitHub;
        doPush(again);
    });
    connect(dialog, &ConflictDialog::choicesMade, this, [this, request](const QHash<QString, ConflictChoice> &choices) {
        SyncRequest again = request;
        again.resolutions.insert(choices);
        doPush(again);
    });
    dialog->open();
    Q_EMIT conflictDialogOpened(dialog);
}

QCoro::Task<> SyncCard::doDisconnect()
{
    if (!m_client || m_busy) {
        co_return;
    }
    QPointer<SyncCard> self(this);
    setBusy(true);
    const Result<void> answer = co_await m_client->disconnect();
    if (!self) {
        co_return;
    }
    setBusy(false);
    if (!answer) {
        showActionError(shaped(tr("Cannot disconnect GitHub Sync"), u"disconnect"_s, answer.error().message()));
        co_return;
    }
    showActionError(QString());
    m_sessionPushSha.clear();
    m_connected->hideCommitLink();
    m_repos.reset();
    m_installationsSnapshotted = false;
    // Reload rather than reset locally: the status after disconnect still carries install_url (DECISIONS §2.5).
    co_await doRefresh();
}

QCoro::Task<> SyncCard::doTestRestore()
{
    if (!m_client || m_busy || m_backend != Backend::Local) {
        co_return;
    }
    QPointer<SyncCard> self(this);
    showActionError(QString());
    ++m_verifyGeneration;
    m_verifying = true;
    setBusy(true);
    showLastVerified();
    const Result<VerifyReport> report = co_await m_client->verifyBackup();
    if (!self) {
        co_return;
    }
    m_verifying = false;
    setBusy(false);
    if (!report) {
        showActionError(shaped(tr("Test restore failed"), u"verify"_s, report.error().message()));
    } else {
        m_lastVerification = *report;
        m_lastVerificationLoaded = true;
    }
    showLastVerified();
    Q_EMIT lastVerificationShown();
}

QCoro::Task<> SyncCard::loadLastVerification()
{
    if (!m_client || m_verifying) {
        co_return;
    }
    QPointer<SyncCard> self(this);
    const int generation = m_verifyGeneration;
    const Result<std::optional<VerifyReport>> last = co_await m_client->lastVerification();
    if (!self || m_verifying || generation != m_verifyGeneration) {
        co_return;
    }
    if (!last) {
        // Not worth an error line: the card works without it, and the next refresh asks again.
        qCInfo(lcUi).noquote() << u"Last verification not read: Frontend.GithubSync/verify — %1"_s.arg(
            last.error().message());
        co_return;
    }
    m_lastVerification = *last;
    m_lastVerificationLoaded = true;
    showLastVerified();
    Q_EMIT lastVerificationShown();
}

void SyncCard::startInstall()
{
    const QString raw = m_status.installUrl.trimmed();
    if (raw.isEmpty()) {
        showActionError(shaped(tr("Cannot install GitHub App"), u"install"_s, tr("no install_url configured.")));
        return;
    }
    const QUrl url(raw);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != "https"_L1 && url.scheme() != "http"_L1)) {
        showActionError(
            shaped(tr("Cannot install GitHub App"), u"install"_s, tr("install_url is not a valid http(s) URL.")));
        return;
    }
    showActionError(QString());
    snapshotInstallations();
    if (!QDesktopServices::openUrl(url)) {
        showActionError(shaped(tr("Cannot install GitHub App"), u"install"_s,
            tr("no web browser could be opened; open %1 yourself and paste the installation id.").arg(raw)));
    }
    m_disconnected->setWaiting(true);
}

QCoro::Task<> SyncCard::snapshotInstallations()
{
    if (!m_client) {
        co_return;
    }
    QPointer<SyncCard> self(this);
    m_pollTimer->stop();
    if (!m_installationsSnapshotted) {
        const Result<QList<InstallationInfo>> known = co_await m_client->installations();
        if (!self) {
            co_return;
        }
        if (!known) {
            // A backend without installation discovery: the callback or a pasted id still work.
            qCInfo(lcUi).noquote() << u"Installation detection off: Frontend.GithubSync/install — %1"_s.arg(
                known.error().message());
            co_return;
        }
        m_knownInstallations.clear();
        for (const InstallationInfo &installation : *known) {
            m_knownInstallations.insert(installation.id);
        }
        m_installationsSnapshotted = true;
    }
    m_pollsLeft = maxInstallPolls;
    m_pollTimer->start();
}

QCoro::Task<> SyncCard::pollInstallations()
{
    if (!m_client || m_busy || m_status.connected || --m_pollsLeft < 0) {
        m_pollTimer->stop();
        co_return;
    }
    QPointer<SyncCard> self(this);
    const Result<QList<InstallationInfo>> found = co_await m_client->installations();
    if (!self || !found || m_status.connected || !m_pollTimer->isActive()) {
        co_return;
    }
    for (const InstallationInfo &installation : *found) {
        if (!m_knownInstallations.contains(installation.id)) {
            m_pollTimer->stop();
            m_knownInstallations.insert(installation.id);
            co_await doLink(installation.id, installation.accountLogin);
            co_return;
        }
    }
}

void SyncCard::installationLinked(const QString &installationId, const QString &accountLogin)
{
    if (m_status.connected && m_status.installationId == installationId) {
        refresh();
        return;
    }
    doLink(installationId, accountLogin);
}

QCoro::Task<Result<QString>> SyncCard::accountOf(QString installationId)
{
    if (m_backend == Backend::Local) {
        // The local server checks a pasted id against GitHub before it is accepted (404: not this App's).
        const Result<InstallationInfo> checked = co_await m_client->checkInstallation(installationId);
        if (!checked) {
            co_return std::unexpected(checked.error());
        }
        co_return checked->accountLogin;
    }
    // Another backend: name the account from the App's installations when it answers.
    const Result<QList<InstallationInfo>> found = co_await m_client->installations();
    if (found) {
        for (const InstallationInfo &installation : *found) {
            if (installation.id == installationId) {
                co_return installation.accountLogin;
            }
        }
    }
    co_return QString();
}

QCoro::Task<> SyncCard::doLink(QString installationId, QString accountLogin)
{
    if (!m_client || m_busy) {
        co_return;
    }
    QPointer<SyncCard> self(this);
    m_pollTimer->stop();
    setBusy(true);
    if (accountLogin.isEmpty()) {
        const Result<QString> account = co_await accountOf(installationId);
        if (!self) {
            co_return;
        }
        if (!account) {
            setBusy(false);
            m_disconnected->setWaiting(false);
            showActionError(account.error().message());
            co_return;
        }
        accountLogin = *account;
    }
    CallbackRequest request;
    request.installationId = installationId;
    request.accountLogin = accountLogin;
    const Result<SyncStatus> answer = co_await m_client->callback(request);
    if (!self) {
        co_return;
    }
    setBusy(false);
    m_disconnected->setWaiting(false);
    if (!answer) {
        showActionError(
            shaped(tr("Cannot complete GitHub App install"), u"install.callback"_s, answer.error().message()));
        co_return;
    }
    showActionError(QString());
    m_disconnected->clearInstallationId();
    co_await doRefresh();
}

} // namespace Notechondria
