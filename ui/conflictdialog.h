// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "linediff.h"
#include "syncwire.h"

#include <QCoroTask>
#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QStringList>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class QVBoxLayout;

namespace Notechondria {

class HighlightedView;
class NotechondriaClient;

/**
 * The conflict of a push or a sync: items changed both here and on GitHub. Lists them by title (the path as
 * detail), shows the selected one side by side (this device's export vs GitHub's copy, highlighted, differing
 * lines marked, the two panes scrolling together) and asks for an explicit choice.
 *
 * Push mode (remote server): overwrite GitHub or keep GitHub's version, for all files. Sync mode (local server):
 * keep this device's, keep GitHub's or keep both (notes only), per item or for all; then syncs again.
 */
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { OverwriteGitHub, KeepGitHub };
    Q_ENUM(Choice)
    enum class Mode { Push, Sync };

    ConflictDialog(const QList<ConflictItem> &items, const QString &detail, NotechondriaClient *client, Mode mode,
        QWidget *parent = nullptr);
    ~ConflictDialog() override;

    /// Shows both versions of `path` (called with what the client fetched; public for callers with content).
    void showContents(const QString &path, const QString &local, const QString &remote);
    /// The choices made so far (sync mode), keyed by the item's path.
    [[nodiscard]] QHash<QString, ConflictChoice> choices() const { return m_choices; }
    /// A title for the item: its own, else a name for the file ("Profile", "Planner events"), else its path.
    [[nodiscard]] static QString displayTitle(const ConflictItem &item);

Q_SIGNALS:
    void resolved(Notechondria::ConflictDialog::Choice choice);
    /// Sync mode: every item has a choice; sync again with them.
    void choicesMade(const QHash<QString, Notechondria::ConflictChoice> &choices);
    /// Both sides of a path are on screen.
    void contentsShown(const QString &path);

private:
    QWidget *buildSides();
    void buildPushButtons(QVBoxLayout *layout);
    void buildSyncButtons(QVBoxLayout *layout);
    void choose(ConflictChoice choice);
    void chooseForAll(ConflictChoice choice);
    void updateButtons();
    void scrollOther(bool fromLeft);
    [[nodiscard]] static QString choiceText(ConflictChoice choice);
    [[nodiscard]] static QString kindText(const QString &kind);
    QCoro::Task<> loadItem(int index);

    QPointer<NotechondriaClient> m_client;
    QList<ConflictItem> m_items;
    QHash<QString, ConflictChoice> m_choices;
    LineDiff m_diff;
    bool m_scrolling = false;
    QTreeWidget *m_list;
    HighlightedView *m_local;
    HighlightedView *m_remote;
    QLabel *m_pathLabel;
    QLabel *m_error;
    QPushButton *m_keepBoth = nullptr;
    QPushButton *m_keepBothForAll = nullptr;
    QPushButton *m_apply = nullptr;
};

} // namespace Notechondria
