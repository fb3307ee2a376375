// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "syncwire.h"

#include <QCoroTask>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace Notechondria {

class HighlightedView;
class NotechondriaClient;

/// The file tree the next push would send, each file marked added/changed/deleted; the selected file highlighted.
class ExportPreview : public QWidget
{
    Q_OBJECT

public:
    explicit ExportPreview(QWidget *parent = nullptr);
    ~ExportPreview() override;

    void setClient(NotechondriaClient *client);
    /// Fills the tree from entries (unchanged files are left out).
    void showEntries(const QList<PreviewEntry> &entries);

public Q_SLOTS:
    void reload();

Q_SIGNALS:
    void loaded(int files);

private:
    QCoro::Task<> doReload();
    QCoro::Task<> showFile(QString path);
    QTreeWidgetItem *folderItem(const QString &folder);

    QPointer<NotechondriaClient> m_client;
    QCheckBox *m_includeAssets;
    QTreeWidget *m_tree;
    HighlightedView *m_view;
    QLabel *m_summary;
    QHash<QString, QTreeWidgetItem *> m_folders;
    QHash<QString, PreviewEntry> m_entries;
};

} // namespace Notechondria
