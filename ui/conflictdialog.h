// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoroTask>
#include <QDialog>
#include <QPointer>
#include <QStringList>

class QLabel;
class QListWidget;
class QPushButton;

namespace Notechondria {

class HighlightedView;
class NotechondriaClient;

/// Lines of `left` not in `right` and lines of `right` not in `left`, by a longest-common-subsequence line diff.
struct LineDiff
{
    QList<int> removed; ///< 0-based lines of the left text
    QList<int> added; ///< 0-based lines of the right text
    [[nodiscard]] static LineDiff compute(const QStringList &left, const QStringList &right);
};

/**
 * The push conflict: GitHub's branch moved and some paths changed on both sides. Lists the paths, shows the
 * selected one side by side (this device's export vs GitHub's copy, highlighted, differing lines marked) and asks
 * for an explicit choice: overwrite GitHub (force) or keep GitHub's version (keepRemote), or cancel.
 */
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { OverwriteGitHub, KeepGitHub };
    Q_ENUM(Choice)

    ConflictDialog(
        const QStringList &paths, const QString &detail, NotechondriaClient *client, QWidget *parent = nullptr);
    ~ConflictDialog() override;

    /// Shows both versions of `path` (called with what the client fetched; public for callers with content).
    void showContents(const QString &path, const QString &local, const QString &remote);

Q_SIGNALS:
    void resolved(Notechondria::ConflictDialog::Choice choice);
    /// Both sides of a path are on screen.
    void contentsShown(const QString &path);

private:
    QCoro::Task<> loadPath(QString path);

    QPointer<NotechondriaClient> m_client;
    QListWidget *m_paths;
    HighlightedView *m_local;
    HighlightedView *m_remote;
    QLabel *m_error;
    QPushButton *m_overwrite;
    QPushButton *m_keepRemote;
};

} // namespace Notechondria
