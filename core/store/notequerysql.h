// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: a StoreNoteQuery as SQL (the WHERE clause over `notes n` and its bound values).
#pragma once

#include "store.h"

#include <QString>
#include <QVariantList>

#include <utility>

namespace Notechondria::NoteQuerySql {

/// How a text of 3+ characters is matched: the phrase's matches read once as a set (a listing), or looked up for
/// each row on its own (a few known rows: FTS5 seeks to each rowid instead of reading every match).
enum class TextMatch { AsSet, PerRow };

/// The conditions of @p query over the table alias `n` joined by AND (empty: every note) and their values in order.
/// The live-note conditions are written so SQLite can use the partial listing indexes of schema version 3.
[[nodiscard]] std::pair<QString, QVariantList> where(const StoreNoteQuery &query, TextMatch match = TextMatch::AsSet);

/// @p text as one FTS5 phrase: in double quotes, inner quotes doubled, so no character of it is an FTS5 operator.
[[nodiscard]] QString ftsPhrase(const QString &text);

/// @p text as a LIKE pattern for "contains" with `ESCAPE '\'`: `%`, `_` and `\` in it match themselves.
[[nodiscard]] QString containsPattern(const QString &text);

/// Whether @p text is long enough for the trigram index (3 or more Unicode characters).
[[nodiscard]] bool usesFullTextIndex(const QString &text);

} // namespace Notechondria::NoteQuerySql
