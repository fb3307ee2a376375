// SPDX-License-Identifier: GPL-3.0-or-later
#include "backuphistorydialog.h"

#include "highlightedview.h"
#include "linediff.h"
#include "relativetime.h"
#include "syncwidgets.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr int kShaRole = Qt::UserRole;
constexpr int kUuidRole = Qt::UserRole + 1;

/// A note's uuid typed or pasted (with or without dashes or braces), in its dashed form; "" when it is not one.
QString uuidFromText(const QString &text)
{
    QString hex = text.trimmed().toLower();
    hex.remove(QRegularExpression(u"[{}-]"_s));
    static const QRegularExpression shape(u"^[0-9a-f]{32}$"_s);
    if (!shape.match(hex).hasMatch()) {
        return {};
    }
    return u"%1-%2-%3-%4-%5"_s.arg(hex.mid(0, 8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20));
}

QString whenText(const QDateTime &date)
{
    return QLocale().toString(date.toLocalTime(), QLocale::ShortFormat);
}

/// "2 added, 1 changed" (what one commit did, counted in items).
QString countsText(const BackupCommitInfo &commit)
{
    QStringList parts;
    if (commit.added > 0) {
        parts.append(BackupHistoryDialog::tr("%n added", nullptr, commit.added));
    }
    if (commit.changed > 0) {
        parts.append(BackupHistoryDialog::tr("%n changed", nullptr, commit.changed));
    }
    if (commit.deleted > 0) {
        parts.append(BackupHistoryDialog::tr("%n deleted", nullptr, commit.deleted));
    }
    return parts.isEmpty() ? BackupHistoryDialog::tr("nothing counted") : parts.join(u", "_s);
}

QString deviceText(const BackupCommitInfo &commit)
{
    return commit.device.isEmpty() ? BackupHistoryDialog::tr("an unnamed device") : commit.device;
}

} // namespace

BackupHistoryDialog::BackupHistoryDialog(NotechondriaClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
{
    setObjectName(u"backupHistoryDialog"_s);
    setWindowTitle(tr("Backup history"));
    auto *layout = new QVBoxLayout(this);
    m_caption = SyncWidgets::makeLabel(u"historyCaptionLabel"_s, this);
    layout->addWidget(m_caption);
    buildSearchRow();
    buildPanes();
    m_error = SyncWidgets::makeLabel(u"historyErrorLabel"_s, this);
    SyncWidgets::setErrorColour(m_error);
    m_error->hide();
    layout->addWidget(m_error);
    m_result = SyncWidgets::makeLabel(u"historyResultLabel"_s, this);
    m_result->hide();
    layout->addWidget(m_result);
    buildButtons();
    resize(900, 560);
    showNote({});
}

void BackupHistoryDialog::buildSearchRow()
{
    auto *row = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"historyNoteSearch"_s);
    m_search->setPlaceholderText(tr("Find a note by its title, or paste its id"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Find a note"));
    connect(m_search, &QLineEdit::returnPressed, this, [this] { doSearch(); });
    m_allBackups = new QPushButton(tr("Show &every backup"), this);
    m_allBackups->setObjectName(u"historyAllBackupsButton"_s);
    m_allBackups->setAutoDefault(false);
    connect(m_allBackups, &QPushButton::clicked, this, [this] { showNote({}); });
    row->addWidget(m_search, 1);
    row->addWidget(m_allBackups);
    static_cast<QVBoxLayout *>(layout())->addLayout(row);
    m_matches = new QListWidget(this);
    m_matches->setObjectName(u"historyNoteMatches"_s);
    m_matches->setAccessibleName(tr("Notes found"));
    m_matches->setMaximumHeight(120);
    m_matches->hide();
    connect(m_matches, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { showNote(item->data(kUuidRole).toString(), item->text()); });
    connect(m_matches, &QListWidget::itemClicked, this,
        [this](QListWidgetItem *item) { showNote(item->data(kUuidRole).toString(), item->text()); });
    layout()->addWidget(m_matches);
}

void BackupHistoryDialog::buildPanes()
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(left);
    m_list->setObjectName(u"historyCommitList"_s);
    m_list->setAccessibleName(tr("Backups, newest first"));
    m_list->setWordWrap(true);
    connect(m_list, &QListWidget::currentRowChanged, this, &BackupHistoryDialog::commitSelected);
    m_more = new QPushButton(tr("Show &older backups"), left);
    m_more->setObjectName(u"historyMoreButton"_s);
    m_more->setAutoDefault(false);
    m_more->hide();
    connect(m_more, &QPushButton::clicked, this, [this] {
        m_limit += 100;
        doLoad();
    });
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_more);
    m_detailPages = new QStackedWidget(splitter);
    m_details = new QLabel(m_detailPages);
    m_details->setObjectName(u"historyDetailsLabel"_s);
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setOpenExternalLinks(true);
    m_details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_detailPages->addWidget(m_details);
    auto *versionPage = new QWidget(m_detailPages);
    auto *versionLayout = new QVBoxLayout(versionPage);
    versionLayout->setContentsMargins(0, 0, 0, 0);
    m_versionLabel = SyncWidgets::makeLabel(u"historyVersionLabel"_s, versionPage);
    versionLayout->addWidget(m_versionLabel);
    auto *sides = new QSplitter(Qt::Horizontal, versionPage);
    m_then = new HighlightedView(sides);
    m_then->setObjectName(u"historyThenView"_s);
    m_then->setAccessibleName(tr("The note in this backup"));
    m_now = new HighlightedView(sides);
    m_now->setObjectName(u"historyNowView"_s);
    m_now->setAccessibleName(tr("The note now"));
    versionLayout->addWidget(sides, 1);
    m_detailPages->addWidget(versionPage);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    layout()->addWidget(splitter);
    static_cast<QVBoxLayout *>(layout())->setStretchFactor(splitter, 1);
}

void BackupHistoryDialog::buildButtons()
{
    auto *buttons = new QDialogButtonBox(this);
    m_restore = buttons->addButton(tr("&Restore this version"), QDialogButtonBox::ActionRole);
    m_restore->setObjectName(u"historyRestoreButton"_s);
    m_restore->setToolTip(tr("The note becomes this version again; the note as it is now stays in its own history, "
                             "and Undo takes it back."));
    m_restore->setAutoDefault(false);
    m_restoreCopy = buttons->addButton(tr("Restore as a &copy"), QDialogButtonBox::ActionRole);
    m_restoreCopy->setObjectName(u"historyRestoreCopyButton"_s);
    m_restoreCopy->setToolTip(tr("A new note is made from this version; the note as it is now stays as it is."));
    m_restoreCopy->setAutoDefault(false);
    // No default button: Return in the note search runs the search, it does not close the dialog.
    m_undo = buttons->addButton(tr("&Undo"), QDialogButtonBox::ResetRole);
    m_undo->setObjectName(u"historyUndoButton"_s);
    m_undo->setToolTip(tr("Bring back the account as it was just before this restore."));
    m_undo->setAutoDefault(false);
    m_undo->hide();
    connect(m_undo, &QPushButton::clicked, this, [this] { doUndo(); });
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setAutoDefault(false);
    connect(m_restore, &QPushButton::clicked, this, [this] { doRestore(false); });
    connect(m_restoreCopy, &QPushButton::clicked, this, [this] { doRestore(true); });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    layout()->addWidget(buttons);
}

void BackupHistoryDialog::showNote(const QString &uuid, const QString &title)
{
    m_noteUuid = uuid.isEmpty() ? QString() : uuidFromText(uuid);
    m_noteTitle = title;
    m_shownCommit.clear();
    m_limit = 100;
    m_matches->hide();
    m_result->hide();
    m_caption->setText(m_noteUuid.isEmpty() ? tr("Every backup of the account, newest first.")
            : title.isEmpty()               ? tr("The backups that changed this note, newest first.")
                                            : tr("The backups that changed “%1”, newest first.").arg(title));
    m_allBackups->setVisible(!m_noteUuid.isEmpty());
    m_detailPages->setCurrentIndex(m_noteUuid.isEmpty() ? 0 : 1);
    doLoad();
}

void BackupHistoryDialog::setBusy(bool busy)
{
    m_busy = busy;
    const bool versionShown = !m_noteUuid.isEmpty() && !m_shownCommit.isEmpty();
    m_restore->setEnabled(!busy && versionShown);
    m_restoreCopy->setEnabled(!busy && versionShown);
    m_search->setEnabled(!busy);
    m_undo->setEnabled(!busy);
    m_more->setEnabled(!busy);
    m_allBackups->setEnabled(!busy);
}

void BackupHistoryDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    if (!message.isEmpty()) {
        Q_EMIT failed(message);
    }
}

QCoro::Task<> BackupHistoryDialog::doLoad()
{
    if (!m_client || m_busy) {
        co_return;
    }
    QPointer<BackupHistoryDialog> self(this);
    setBusy(true);
    showError({});
    const QString note = m_noteUuid;
    const auto commits = co_await m_client->backupHistory(note, m_limit);
    if (!self || note != m_noteUuid) {
        co_return;
    }
    setBusy(false);
    if (!commits) {
        showError(commits.error().message());
        co_return;
    }
    showCommits(*commits);
}

void BackupHistoryDialog::showCommits(const QList<BackupCommitInfo> &commits)
{
    m_commits = commits;
    const QString selected = m_list->currentItem() ? m_list->currentItem()->data(kShaRole).toString() : QString();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int keep = 0;
    for (const BackupCommitInfo &commit : commits) {
        auto *item = new QListWidgetItem(
            tr("%1 (%2), %3\n%4")
                .arg(whenText(commit.date), relativeTimeText(commit.date, now), deviceText(commit), countsText(commit)),
            m_list);
        item->setData(kShaRole, commit.sha);
        item->setToolTip(commit.lines.join(u'\n'));
        if (commit.sha == selected) {
            keep = m_list->count() - 1;
        }
    }
    m_more->setVisible(commits.size() >= m_limit);
    if (commits.isEmpty()) {
        m_details->setText(
            m_noteUuid.isEmpty() ? tr("The repository has no backup yet.") : tr("No backup holds this note yet."));
        m_detailPages->setCurrentIndex(0);
    }
    Q_EMIT historyShown(int(commits.size()));
    if (!commits.isEmpty()) {
        m_list->setCurrentRow(keep);
        commitSelected(keep);
    }
}

void BackupHistoryDialog::commitSelected(int row)
{
    if (row < 0 || row >= m_commits.size()) {
        return;
    }
    if (m_noteUuid.isEmpty()) {
        showCommitDetails(row);
        return;
    }
    doLoadVersion(m_commits.at(row).sha);
}

void BackupHistoryDialog::showCommitDetails(int row)
{
    const BackupCommitInfo &commit = m_commits.at(row);
    QString html = u"<p><b>%1</b></p>"_s.arg(tr("Backed up %1 from %2: %3")
            .arg(whenText(commit.date), deviceText(commit), countsText(commit))
            .toHtmlEscaped());
    if (!commit.lines.isEmpty()) {
        html += u"<ul>"_s;
        for (const QString &line : commit.lines) {
            html += u"<li>%1</li>"_s.arg(line.toHtmlEscaped());
        }
        html += u"</ul>"_s;
    }
    html += u"<p>%1</p>"_s.arg(tr("To look at one note as this backup holds it, find the note above.").toHtmlEscaped());
    if (commit.url.isValid() && !commit.url.isEmpty()) {
        html += u"<p><a href=\"%1\">%2</a></p>"_s.arg(
            commit.url.toString(QUrl::FullyEncoded).toHtmlEscaped(), tr("Open this backup on GitHub").toHtmlEscaped());
    }
    m_details->setText(html);
    m_detailPages->setCurrentIndex(0);
}

QCoro::Task<> BackupHistoryDialog::doLoadVersion(QString commit)
{
    if (!m_client) {
        co_return;
    }
    QPointer<BackupHistoryDialog> self(this);
    m_shownCommit.clear();
    m_wantedCommit = commit;
    setBusy(true);
    showError({});
    const QString note = m_noteUuid;
    const auto version = co_await m_client->noteAtCommit(commit, note);
    // Rows picked quickly one after another: only the last one's answer is shown.
    if (!self || note != m_noteUuid || commit != m_wantedCommit) {
        co_return;
    }
    if (!version) {
        setBusy(false);
        showError(version.error().message());
        co_return;
    }
    showVersion(*version);
    m_shownCommit = commit;
    setBusy(false);
    Q_EMIT versionShown(commit);
}

void BackupHistoryDialog::showVersion(const BackupNoteVersion &version)
{
    const auto commit = std::ranges::find(m_commits, version.commit, &BackupCommitInfo::sha);
    const QString when = commit != m_commits.end() ? whenText(commit->date) : version.commit.left(7);
    if (m_noteTitle.isEmpty()) {
        m_noteTitle = version.title;
    }
    m_versionLabel->setText(version.existsNow
            ? tr("Left: “%1” in the backup of %2. Right: the note now. Lines that differ are marked.")
                  .arg(version.title, when)
            : tr("Left: “%1” in the backup of %2. The note is no longer on this computer; restoring brings it back.")
                  .arg(version.title, when));
    m_then->showFile(u"note.md"_s, version.content);
    m_now->showFile(u"note.md"_s, version.existsNow ? version.currentContent : QString());
    const LineDiff diff = LineDiff::compute(
        version.content.split(u'\n'), version.existsNow ? version.currentContent.split(u'\n') : QStringList());
    m_then->markLines(diff.removed, QColor(255, 80, 80, 60));
    m_now->markLines(diff.added, QColor(80, 200, 80, 60));
    m_detailPages->setCurrentIndex(1);
}

QCoro::Task<> BackupHistoryDialog::doSearch()
{
    const QString text = m_search->text().trimmed();
    if (!m_client || m_busy || text.isEmpty()) {
        co_return;
    }
    if (const QString uuid = uuidFromText(text); !uuid.isEmpty()) {
        showNote(uuid);
        co_return;
    }
    QPointer<BackupHistoryDialog> self(this);
    setBusy(true);
    showError({});
    const auto found = co_await m_client->notes(QUrlQuery{{u"q"_s, text}, {u"limit"_s, u"20"_s}});
    if (!self) {
        co_return;
    }
    setBusy(false);
    if (!found) {
        showError(found.error().message());
        co_return;
    }
    m_matches->clear();
    for (const QJsonValue note : found->toObject().value("results"_L1).toArray()) {
        auto *item = new QListWidgetItem(note.toObject().value("title"_L1).toString(), m_matches);
        item->setData(kUuidRole, note.toObject().value("uuid"_L1).toString());
    }
    if (m_matches->count() == 0) {
        new QListWidgetItem(tr("No note on this computer matches “%1”.").arg(text), m_matches);
        m_matches->item(0)->setFlags(Qt::NoItemFlags);
    }
    m_matches->show();
}

QCoro::Task<> BackupHistoryDialog::doRestore(bool asCopy)
{
    const int row = m_list->currentRow();
    if (!m_client || m_busy || m_noteUuid.isEmpty() || row < 0 || row >= m_commits.size()) {
        co_return;
    }
    const BackupCommitInfo commit = m_commits.at(row);
    if (commit.sha != m_shownCommit) {
        co_return;
    }
    QPointer<BackupHistoryDialog> self(this);
    setBusy(true);
    showError({});
    const auto restored = co_await m_client->restoreNoteVersion(commit.sha, m_noteUuid, asCopy);
    if (!self) {
        co_return;
    }
    setBusy(false);
    if (!restored) {
        showError(restored.error().message());
        co_return;
    }
    m_result->setText(restored->asCopy ? tr("“%1” was made from the backup of %2. The next sync backs it up.")
                                             .arg(restored->title, whenText(commit.date))
                                       : tr("“%1” is back as it was in the backup of %2. The next sync backs it up.")
                                             .arg(restored->title, whenText(commit.date)));
    m_result->show();
    m_undo->show();
    Q_EMIT noteRestored(restored->uuid, restored->asCopy);
    if (!restored->asCopy) {
        doLoadVersion(commit.sha);
    }
}

QCoro::Task<> BackupHistoryDialog::doUndo()
{
    if (!m_client || m_busy) {
        co_return;
    }
    QPointer<BackupHistoryDialog> self(this);
    setBusy(true);
    showError({});
    const auto undone = co_await m_client->restoreUndo();
    if (!self) {
        co_return;
    }
    setBusy(false);
    if (!undone) {
        showError(undone.error().message());
        co_return;
    }
    m_undo->hide();
    m_result->setText(tr("The account is as it was before the restore."));
    m_result->show();
    Q_EMIT restoreUndone(undone->notes);
    if (const int row = m_list->currentRow(); !m_noteUuid.isEmpty() && row >= 0 && row < m_commits.size()) {
        doLoadVersion(m_commits.at(row).sha);
    }
}

} // namespace Notechondria
