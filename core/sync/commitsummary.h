// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Notechondria {

class Store;
struct PublishPlan;

/**
 * What one backup commit changed, in words (DECISIONS §9): items (a note with its sidecar and assets, a course, the
 * planner events, the feeds, the profile) rather than files, the titles of the first of them, and the device that made
 * it. It is written into the commit message — a readable subject and body and a `Device:` trailer — so the history
 * reads from GitHub's commit listing alone, one request per hundred commits.
 */
struct CommitSummary
{
    QString device;
    int added = 0, changed = 0, deleted = 0; ///< items
    /// One line per item, at most maxTitles: "Added note “Cells”", "Changed course “Biology”", "Deleted the planner
    /// events"; the items beyond are only counted.
    QStringList lines;
    /// The notes' and courses' titles, and "planner events" / "calendar feeds" / "profile", in the order of lines.
    QStringList titles;
    bool fromNotechondria = false; ///< the message is one this app writes (parse)

    static constexpr int maxTitles = 50;

    [[nodiscard]] QString message() const;
    /// A commit message taken apart; a message this app did not write gives its first line as the only title.
    [[nodiscard]] static CommitSummary parse(const QString &message);
    /// The summary of @p publish: titles read from @p store (a note's or course's as it is now, also in the bin).
    [[nodiscard]] static CommitSummary of(const PublishPlan &publish, const Store &store, const QString &device);
};

/// This computer's name for the history: $NOTECHONDRIA_DEVICE_NAME, else the host name, else "this computer".
[[nodiscard]] QString deviceName();

} // namespace Notechondria
