// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportpreview.h"

#include "highlightedview.h"
#include "notechondriaclient.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

constexpr int pathRole = Qt::UserRole + 1;

QString changeLabel(const QString &change)
{
    if (change == "added"_L1) {
        return ExportPreview::tr("added");
    }
    if (change == "changed"_L1) {
        return ExportPreview::tr("changed");
    }
    if (change == "deleted"_L1) {
        return ExportPreview::tr("deleted");
    }
    return change;
}

QColor changeColour(const QString &change)
{
    if (change == "added"_L1) {
        return QColor(0x1E, 0x88, 0x3E);
    }
    if (change == "deleted"_L1) {
        return QColor(0xB3, 0x26, 0x1E);
    }
    return QColor(0xB0, 0x6A, 0x00);
}

} // namespace

ExportPreview::ExportPreview(QWidget *parent)
    : QWidget(parent)
    , m_includeAssets(new QCheckBox(tr("Include &assets"), this))
    , m_tree(new QTreeWidget(this))
    , m_view(new HighlightedView(this))
    , m_summary(new QLabel(this))
{
    setObjectName(u"exportPreview"_s);
    setAccessibleName(tr("Export preview"));
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_includeAssets->setObjectName(u"previewIncludeAssetsCheckBox"_s);
    m_includeAssets->setChecked(QSettings().value(u"githubSync/includeAssets"_s, false).toBool());
    connect(m_includeAssets, &QCheckBox::toggled, this, &ExportPreview::reload);
    auto *reloadButton = new QPushButton(tr("&Reload"), this);
    reloadButton->setObjectName(u"previewReloadButton"_s);
    connect(reloadButton, &QPushButton::clicked, this, &ExportPreview::reload);
    m_summary->setObjectName(u"previewSummaryLabel"_s);
    m_summary->setWordWrap(true);
    top->addWidget(m_summary, 1);
    top->addWidget(m_includeAssets);
    top->addWidget(reloadButton);
    layout->addLayout(top);

    m_tree->setObjectName(u"previewTree"_s);
    m_tree->setAccessibleName(tr("Files of the next push"));
    m_tree->setHeaderLabels({tr("File"), tr("Change")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->setObjectName(u"previewFileView"_s);
    m_view->setAccessibleName(tr("Selected file"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tree);
    split->addWidget(m_view);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, pathRole).toString().isEmpty()) {
            showFile(item->data(0, pathRole).toString());
        }
    });
}

ExportPreview::~ExportPreview() = default;

void ExportPreview::setClient(NotechondriaClient *client)
{
    m_client = client;
}

void ExportPreview::reload()
{
    doReload();
}

QCoro::Task<> ExportPreview::doReload()
{
    if (!m_client) {
        co_return;
    }
    QPointer<ExportPreview> self(this);
    m_summary->setText(tr("Preparing the preview…"));
    const Result<QList<PreviewEntry>> entries = co_await m_client->preview(m_includeAssets->isChecked());
    if (!self) {
        co_return;
    }
    if (!entries) {
        m_summary->setText(u"%1: Frontend.GithubSync/preview — %2"_s.arg(
            tr("Cannot preview the next push"), entries.error().message()));
        co_return;
    }
    showEntries(*entries);
}

QTreeWidgetItem *ExportPreview::folderItem(const QString &folder)
{
    if (folder.isEmpty()) {
        return m_tree->invisibleRootItem();
    }
    if (QTreeWidgetItem *existing = m_folders.value(folder)) {
        return existing;
    }
    const qsizetype slash = folder.lastIndexOf(u'/');
    QTreeWidgetItem *parent = folderItem(slash < 0 ? QString() : folder.left(slash));
    auto *item = new QTreeWidgetItem(parent, {slash < 0 ? folder : folder.mid(slash + 1)});
    item->setExpanded(true);
    m_folders.insert(folder, item);
    return item;
}

void ExportPreview::showEntries(const QList<PreviewEntry> &entries)
{
    m_tree->clear();
    m_folders.clear();
    m_entries.clear();
    int added = 0;
    int changed = 0;
    int deleted = 0;
    for (const PreviewEntry &entry : entries) {
        if (entry.change == "unchanged"_L1) {
            continue;
        }
        added += entry.change == "added"_L1;
        changed += entry.change == "changed"_L1;
        deleted += entry.change == "deleted"_L1;
        m_entries.insert(entry.path, entry);
        const qsizetype slash = entry.path.lastIndexOf(u'/');
        auto *item = new QTreeWidgetItem(folderItem(slash < 0 ? QString() : entry.path.left(slash)),
            {slash < 0 ? entry.path : entry.path.mid(slash + 1), changeLabel(entry.change)});
        item->setData(0, pathRole, entry.path);
        item->setData(1, Qt::UserRole, entry.change);
        item->setForeground(1, changeColour(entry.change));
    }
    m_tree->expandAll();
    m_tree->sortItems(0, Qt::AscendingOrder);
    const int total = added + changed + deleted;
    m_summary->setText(total == 0
            ? tr("Nothing to push: GitHub already has this account as it is.")
            : tr("Next push: %1 added, %2 changed, %3 deleted.").arg(added).arg(changed).arg(deleted));
    Q_EMIT loaded(total);
}

QCoro::Task<> ExportPreview::showFile(QString path)
{
    const PreviewEntry entry = m_entries.value(path);
    if (!entry.localContent.isEmpty() || !entry.remoteContent.isEmpty() || !m_client) {
        m_view->showFile(path, entry.change == "deleted"_L1 ? entry.remoteContent : entry.localContent);
        co_return;
    }
    QPointer<ExportPreview> self(this);
    const Result<PreviewEntry> full = co_await m_client->previewFile(path);
    if (!self) {
        co_return;
    }
    if (!full) {
        m_view->showFile(path, full.error().message());
        co_return;
    }
    m_entries.insert(path, *full);
    m_view->showFile(path, entry.change == "deleted"_L1 ? full->remoteContent : full->localContent);
}

} // namespace Notechondria
