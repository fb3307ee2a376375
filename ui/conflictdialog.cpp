// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictdialog.h"

#include "highlightedview.h"
#include "notechondriaclient.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

namespace {

enum Column { TitleColumn, PathColumn, KindColumn, ChoiceColumn };

} // namespace

QString ConflictDialog::displayTitle(const ConflictItem &item)
{
    if (!item.title.trimmed().isEmpty()) {
        return item.title;
    }
    const QString file = item.path.section(u'#', 0, 0);
    if (file == "profile/creator.json"_L1) {
        return tr("Profile");
    }
    if (file == "profile/settings.json"_L1) {
        return tr("Settings");
    }
    if (file == "profile/skill.md"_L1) {
        return tr("MCP skill");
    }
    if (file == "planner/events.json"_L1) {
        return tr("Planner events");
    }
    if (file == "planner/feeds.json"_L1) {
        return tr("Calendar feeds");
    }
    return item.path;
}

QString ConflictDialog::kindText(const QString &kind)
{
    if (kind == "deleted_here"_L1) {
        return tr("Deleted here, edited on GitHub");
    }
    if (kind == "deleted_on_github"_L1) {
        return tr("Deleted on GitHub, edited here");
    }
    return tr("Changed here and on GitHub");
}

QString ConflictDialog::choiceText(ConflictChoice choice)
{
    switch (choice) {
    case ConflictChoice::Theirs:
        return tr("Keep GitHub's");
    case ConflictChoice::Both:
        return tr("Keep both");
    case ConflictChoice::Mine:
        break;
    }
    return tr("Keep this device's");
}

ConflictDialog::ConflictDialog(
    const QList<ConflictItem> &items, const QString &detail, NotechondriaClient *client, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_items(items)
    , m_list(new QTreeWidget(this))
    , m_local(new HighlightedView(this))
    , m_remote(new HighlightedView(this))
    , m_pathLabel(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"conflictDialog"_s);
    setWindowTitle(tr("GitHub has changes this device does not have"));
    setAccessibleName(mode == Mode::Sync ? tr("Sync conflict") : tr("Push conflict"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(mode == Mode::Sync
            ? tr("These items changed both here and on GitHub since the last sync, and the changes could not be "
                 "combined. Choose which version to keep for each; nothing changes until you do.")
            : tr("These files changed both here and on GitHub since the last push. Choose which version GitHub "
                 "keeps; other files are pushed either way."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (!detail.isEmpty() && mode == Mode::Push) {
        auto *detailLabel = new QLabel(detail, this);
        detailLabel->setObjectName(u"conflictDetailLabel"_s);
        detailLabel->setWordWrap(true);
        detailLabel->setTextFormat(Qt::PlainText);
        layout->addWidget(detailLabel);
    }

    m_list->setObjectName(u"conflictItemList"_s);
    m_list->setAccessibleName(tr("Conflicting items"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Item"), tr("File"), tr("What happened"), tr("Your choice")});
    m_list->setColumnHidden(ChoiceColumn, mode == Mode::Push);
    for (const ConflictItem &item : std::as_const(m_items)) {
        auto *row = new QTreeWidgetItem(m_list, {displayTitle(item), item.path, kindText(item.kind), QString()});
        row->setToolTip(TitleColumn, item.path);
    }
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(buildSides());
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    m_error->setObjectName(u"diffErrorLabel"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    if (mode == Mode::Sync) {
        buildSyncButtons(layout);
    } else {
        buildPushButtons(layout);
    }
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        updateButtons();
        if (current) {
            loadItem(m_list->indexOfTopLevelItem(current));
        }
    });
    resize(980, 660);
    if (!m_items.isEmpty()) {
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    updateButtons();
}

ConflictDialog::~ConflictDialog() = default;

QWidget *ConflictDialog::buildSides()
{
    m_local->setObjectName(u"localVersionView"_s);
    m_local->setAccessibleName(tr("This device's version"));
    m_remote->setObjectName(u"remoteVersionView"_s);
    m_remote->setAccessibleName(tr("GitHub's version"));
    auto *box = new QWidget(this);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    m_pathLabel->setObjectName(u"conflictPathLabel"_s);
    m_pathLabel->setTextFormat(Qt::PlainText);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    boxLayout->addWidget(m_pathLabel);
    auto *sides = new QSplitter(Qt::Horizontal, box);
    for (auto [view, caption] : {std::pair{m_local, tr("This device")}, std::pair{m_remote, tr("GitHub")}}) {
        auto *column = new QWidget(sides);
        auto *columnLayout = new QVBoxLayout(column);
        columnLayout->setContentsMargins(0, 0, 0, 0);
        columnLayout->addWidget(new QLabel(caption, column));
        view->setParent(column);
        columnLayout->addWidget(view);
        sides->addWidget(column);
    }
    boxLayout->addWidget(sides, 1);
    // The two panes scroll together: vertically to the same place of the diff, horizontally by the same amount.
    connect(m_local->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { scrollOther(true); });
    connect(m_remote->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] { scrollOther(false); });
    connect(m_local->horizontalScrollBar(), &QScrollBar::valueChanged, m_remote->horizontalScrollBar(),
        &QScrollBar::setValue);
    connect(m_remote->horizontalScrollBar(), &QScrollBar::valueChanged, m_local->horizontalScrollBar(),
        &QScrollBar::setValue);
    return box;
}

void ConflictDialog::scrollOther(bool fromLeft)
{
    if (m_scrolling) {
        return;
    }
    m_scrolling = true;
    // A QPlainTextEdit scrolls by lines: the scroll bar's value is the first visible line.
    const int line = (fromLeft ? m_local : m_remote)->verticalScrollBar()->value();
    (fromLeft ? m_remote : m_local)->verticalScrollBar()->setValue(m_diff.counterpart(line, fromLeft));
    m_scrolling = false;
}

void ConflictDialog::buildPushButtons(QVBoxLayout *layout)
{
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *overwrite = buttons->addButton(tr("Overwrite GitHub"), QDialogButtonBox::AcceptRole);
    overwrite->setObjectName(u"overwriteButton"_s);
    overwrite->setToolTip(tr("Push this device's version of these files over GitHub's."));
    QPushButton *keepRemote = buttons->addButton(tr("Keep GitHub's version"), QDialogButtonBox::AcceptRole);
    keepRemote->setObjectName(u"keepRemoteButton"_s);
    keepRemote->setToolTip(tr("Push everything else and leave GitHub's copy of these files as it is."));
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(overwrite, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT resolved(Choice::OverwriteGitHub);
    });
    connect(keepRemote, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT resolved(Choice::KeepGitHub);
    });
    layout->addWidget(buttons);
}

void ConflictDialog::buildSyncButtons(QVBoxLayout *layout)
{
    struct Spec
    {
        ConflictChoice choice;
        QString name;
        QString text;
        QString forAllText;
        QString tip;
    };
    const QList<Spec> specs{
        {ConflictChoice::Mine, u"keepMine"_s, tr("Keep this &device's"), tr("Keep this device's for all"),
            tr("This device's version goes to GitHub.")},
        {ConflictChoice::Theirs, u"keepTheirs"_s, tr("Keep &GitHub's"), tr("Keep GitHub's for all"),
            tr("GitHub's version is written on this device.")},
        {ConflictChoice::Both, u"keepBoth"_s, tr("Keep &both"), tr("Keep both for all"),
            tr("This device's note stays; GitHub's becomes a copy titled \u201c<title> (GitHub, <date>)\u201d. "
               "Notes only.")},
    };
    auto *perItem = new QHBoxLayout;
    perItem->addWidget(new QLabel(tr("This item:"), this));
    auto *forAll = new QHBoxLayout;
    forAll->addWidget(new QLabel(tr("All items:"), this));
    for (const Spec &spec : specs) {
        auto *one = new QPushButton(spec.text, this);
        one->setObjectName(spec.name + u"Button"_s);
        one->setToolTip(u"<p>"_s + spec.tip.toHtmlEscaped() + u"</p>"_s); // shows the <title> placeholder
        connect(one, &QPushButton::clicked, this, [this, choice = spec.choice] { choose(choice); });
        perItem->addWidget(one);
        auto *all = new QPushButton(spec.forAllText, this);
        all->setObjectName(spec.name + u"ForAllButton"_s);
        all->setToolTip(u"<p>"_s + spec.tip.toHtmlEscaped() + u"</p>"_s);
        connect(all, &QPushButton::clicked, this, [this, choice = spec.choice] { chooseForAll(choice); });
        forAll->addWidget(all);
        if (spec.choice == ConflictChoice::Both) {
            m_keepBoth = one;
            m_keepBothForAll = all;
        }
    }
    perItem->addStretch();
    forAll->addStretch();
    layout->addLayout(perItem);
    layout->addLayout(forAll);
    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(tr("&Sync with these choices"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(u"applyChoicesButton"_s);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(u"cancelButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT choicesMade(m_choices);
    });
    layout->addWidget(buttons);
}

void ConflictDialog::choose(ConflictChoice choice)
{
    QTreeWidgetItem *row = m_list->currentItem();
    if (!row) {
        return;
    }
    const ConflictItem &item = m_items.at(m_list->indexOfTopLevelItem(row));
    if (choice == ConflictChoice::Both && !item.isNote()) {
        return;
    }
    m_choices.insert(item.path, choice);
    row->setText(ChoiceColumn, choiceText(choice));
    // On to the next item without a choice.
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (!m_choices.contains(m_items.at(i).path)) {
            m_list->setCurrentItem(m_list->topLevelItem(i));
            break;
        }
    }
    updateButtons();
}

void ConflictDialog::chooseForAll(ConflictChoice choice)
{
    // Each listed item gets the choice (not resolve_all): a conflict that appears meanwhile is shown, never
    // resolved unseen.
    if (choice == ConflictChoice::Both
        && std::any_of(m_items.cbegin(), m_items.cend(), [](const auto &item) { return !item.isNote(); })) {
        return;
    }
    for (int i = 0; i < m_items.size(); ++i) {
        m_choices.insert(m_items.at(i).path, choice);
        m_list->topLevelItem(i)->setText(ChoiceColumn, choiceText(choice));
    }
    accept();
    Q_EMIT choicesMade(m_choices);
}

void ConflictDialog::updateButtons()
{
    const int index = m_list->currentItem() ? m_list->indexOfTopLevelItem(m_list->currentItem()) : -1;
    if (m_keepBoth) {
        m_keepBoth->setEnabled(index >= 0 && m_items.at(index).isNote());
        m_keepBothForAll->setEnabled(
            !m_items.isEmpty() && std::ranges::all_of(m_items, [](const ConflictItem &item) { return item.isNote(); }));
    }
    if (m_apply) {
        m_apply->setEnabled(!m_items.isEmpty() && m_choices.size() == m_items.size());
    }
    if (index >= 0) {
        m_pathLabel->setText(tr("%1 \u2014 %2").arg(m_items.at(index).path, kindText(m_items.at(index).kind)));
    }
}

QCoro::Task<> ConflictDialog::loadItem(int index)
{
    if (!m_client || index < 0 || index >= m_items.size()) {
        co_return;
    }
    QPointer<ConflictDialog> self(this);
    const QString path = m_items.at(index).path;
    const QString file = path.section(u'#', 0, 0); // planner/events.json#<id> is shown as its file
    const Result<PreviewEntry> entry = co_await m_client->previewFile(file);
    if (!self || m_list->currentItem() == nullptr || m_list->currentItem()->text(PathColumn) != path) {
        co_return;
    }
    if (!entry) {
        m_error->setText(entry.error().message());
        m_error->show();
        m_local->showFile(file, QString());
        m_remote->showFile(file, QString());
        co_return;
    }
    m_error->hide();
    showContents(file, entry->localContent, entry->remoteContent);
}

void ConflictDialog::showContents(const QString &path, const QString &local, const QString &remote)
{
    m_local->showFile(path, local);
    m_remote->showFile(path, remote);
    m_diff = LineDiff::compute(local.split(u'\n'), remote.split(u'\n'));
    m_local->markLines(m_diff.removed, QColor(255, 80, 80, 60));
    m_remote->markLines(m_diff.added, QColor(80, 200, 80, 60));
    Q_EMIT contentsShown(path);
}

} // namespace Notechondria
