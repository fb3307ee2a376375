// SPDX-License-Identifier: GPL-3.0-or-later
#include "notequerysql.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Notechondria::NoteQuerySql {

namespace {

constexpr qsizetype trigram = 3;

/// The text condition: the FTS5 index from three characters on, else title and description by LIKE.
void addTextCondition(const QString &text, TextMatch match, QStringList &conditions, QVariantList &values)
{
    if (text.isEmpty()) {
        return;
    }
    if (usesFullTextIndex(text) && match == TextMatch::PerRow) {
        conditions << u"EXISTS (SELECT 1 FROM notes_fts WHERE notes_fts MATCH ? AND notes_fts.rowid = n.id)"_s;
        values << ftsPhrase(text);
        return;
    }
    if (usesFullTextIndex(text)) {
        // "+n.id": not a rowid lookup per match (which would read each matching row, body pages included) but a
        // probe of the matches from the covering listing index.
        conditions << u"+n.id IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?)"_s;
        values << ftsPhrase(text);
        return;
    }
    conditions << u"(n.title LIKE ? ESCAPE '\\' OR n.description LIKE ? ESCAPE '\\')"_s;
    values << containsPattern(text) << containsPattern(text);
}

} // namespace

std::pair<QString, QVariantList> where(const StoreNoteQuery &query, TextMatch match)
{
    QStringList conditions;
    QVariantList values;
    if (query.onlyDeleted) {
        conditions << u"n.deleted_at IS NOT NULL"_s;
    } else if (!query.includeDeleted) {
        conditions << u"n.deleted_at IS NULL"_s;
    }
    if (query.uncategorized) {
        conditions << u"n.course_id IS NULL"_s;
    } else if (query.courseId) {
        conditions << u"n.course_id = ?"_s;
        values << *query.courseId;
    }
    if (query.isPublic) {
        conditions << u"n.is_public = ?"_s;
        values << (*query.isPublic ? 1 : 0);
    }
    addTextCondition(query.text, match, conditions, values);
    return {conditions.join(u" AND "_s), values};
}

QString ftsPhrase(const QString &text)
{
    QString phrase = text;
    phrase.replace(u'"', u"\"\""_s);
    return u'"' + phrase + u'"';
}

QString containsPattern(const QString &text)
{
    QString pattern;
    pattern.reserve(text.size() + 2);
    pattern += u'%';
    for (const QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\') {
            pattern += u'\\';
        }
        pattern += c;
    }
    pattern += u'%';
    return pattern;
}

bool usesFullTextIndex(const QString &text)
{
    return text.toUcs4().size() >= trigram;
}

} // namespace Notechondria::NoteQuerySql
