// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Notechondria {

/// How one conflicting item is resolved (DECISIONS §8).
enum class SyncResolution {
    Mine, ///< this device's version goes to GitHub
    Theirs, ///< GitHub's version is written into the local store
    Both, ///< this device's version stays; GitHub's becomes a conflict copy "<title> (GitHub, <date>)" (notes only)
};

/// An item changed on both sides that the merge could not combine.
struct SyncConflict
{
    QString path; ///< the item's key: notes/<hex>.md, courses/<slug>.json, planner/events.json#<id>, a file path
    QString title; ///< the note, course or event title ("" for other files)
    QString kind; ///< "both_changed", "deleted_here" (edited on GitHub) or "deleted_on_github" (edited here)
    QString item; ///< "note", "course", "event", "feed", "profile" or "file"
};

} // namespace Notechondria
