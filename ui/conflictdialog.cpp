// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictdialog.h"

#include "highlightedview.h"
#include "notechondriaclient.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

LineDiff LineDiff::compute(const QStringList &left, const QStringList &right)
{
    const qsizetype n = left.size();
    const qsizetype m = right.size();
    LineDiff diff;
    // Files in a backup are small; past this size mark everything rather than spend quadratic memory.
    if (n * m > 4'000'000) {
        for (int i = 0; i < n; ++i) {
            diff.removed.append(i);
        }
        for (int j = 0; j < m; ++j) {
            diff.added.append(j);
        }
        return diff;
    }
    QList<int> table((n + 1) * (m + 1), 0);
    const auto at = [&](qsizetype i, qsizetype j) -> int & {
        return table[i * (m + 1) + j];
    };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            at(i, j) = left[i] == right[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
        }
    }
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n && j < m) {
        if (left[i] == right[j]) {
            ++i;
            ++j;
        } else if (at(i + 1, j) >= at(i, j + 1)) {
            diff.removed.append(int(i++));
        } else {
            diff.added.append(int(j++));
        }
    }
    while (i < n) {
        diff.removed.append(int(i++));
    }
    while (j < m) {
        diff.added.append(int(j++));
    }
    return diff;
}

ConflictDialog::ConflictDialog(
    const QStringList &paths, const QString &detail, NotechondriaClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_paths(new QListWidget(this))
    , m_local(new HighlightedView(this))
    , m_remote(new HighlightedView(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"conflictDialog"_s);
    setWindowTitle(tr("GitHub has changes this device does not have"));
    setAccessibleName(tr("Push conflict"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("These files changed both here and on GitHub since the last push. Choose which "
                                "version GitHub keeps; other files are pushed either way."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (!detail.isEmpty()) {
        auto *detailLabel = new QLabel(detail, this);
        detailLabel->setObjectName(u"conflictDetailLabel"_s);
        detailLabel->setWordWrap(true);
        detailLabel->setTextFormat(Qt::PlainText);
        layout->addWidget(detailLabel);
    }

    m_paths->setObjectName(u"conflictPathList"_s);
    m_paths->setAccessibleName(tr("Conflicting files"));
    m_paths->addItems(paths);
    m_local->setObjectName(u"localVersionView"_s);
    m_local->setAccessibleName(tr("This device's version"));
    m_remote->setObjectName(u"remoteVersionView"_s);
    m_remote->setAccessibleName(tr("GitHub's version"));

    auto *sides = new QSplitter(Qt::Horizontal, this);
    for (auto [view, caption] : {std::pair{m_local, tr("This device")}, std::pair{m_remote, tr("GitHub")}}) {
        auto *column = new QWidget(sides);
        auto *columnLayout = new QVBoxLayout(column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        columnLayout->addWidget(new QLabel(caption, column));
        view->setParent(column);
        columnLayout->addWidget(view);
        sides->addWidget(column);
    }
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_paths);
    split->addWidget(sides);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    m_error->setObjectName(u"diffErrorLabel"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(this);
    m_overwrite = buttons->addButton(tr("Overwrite GitHub"), QDialogButtonBox::AcceptRole);
    m_overwrite->setObjectName(u"overwriteButton"_s);
    m_overwrite->setToolTip(tr("Push this device's version of these files over GitHub's."));
    m_keepRemote = buttons->addButton(tr("Keep GitHub's version"), QDialogButtonBox::AcceptRole);
    m_keepRemote->setObjectName(u"keepRemoteButton"_s);
    m_keepRemote->setToolTip(tr("Push everything else and leave GitHub's copy of these files as it is."));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_overwrite, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT resolved(Choice::OverwriteGitHub);
    });
    connect(m_keepRemote, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT resolved(Choice::KeepGitHub);
    });
    layout->addWidget(buttons);

    connect(m_paths, &QListWidget::currentTextChanged, this, [this](const QString &path) {
        if (!path.isEmpty()) {
            loadPath(path);
        }
    });
    resize(960, 640);
    if (m_paths->count() > 0) {
        m_paths->setCurrentRow(0);
    }
}

ConflictDialog::~ConflictDialog() = default;

QCoro::Task<> ConflictDialog::loadPath(QString path)
{
    if (!m_client) {
        co_return;
    }
    QPointer<ConflictDialog> self(this);
    const Result<PreviewEntry> entry = co_await m_client->previewFile(path);
    if (!self || m_paths->currentItem() == nullptr || m_paths->currentItem()->text() != path) {
        co_return;
    }
    if (!entry) {
        m_error->setText(entry.error().message());
        m_error->show();
        m_local->showFile(path, QString());
        m_remote->showFile(path, QString());
        co_return;
    }
    m_error->hide();
    showContents(path, entry->localContent, entry->remoteContent);
}

void ConflictDialog::showContents(const QString &path, const QString &local, const QString &remote)
{
    m_local->showFile(path, local);
    m_remote->showFile(path, remote);
    const LineDiff diff = LineDiff::compute(local.split(u'\n'), remote.split(u'\n'));
    m_local->markLines(diff.removed, QColor(255, 80, 80, 60));
    m_remote->markLines(diff.added, QColor(80, 200, 80, 60));
    Q_EMIT contentsShown(path);
}

} // namespace Notechondria
