// SPDX-License-Identifier: GPL-3.0-or-later
// Internal to the store: the courses.
#pragma once

#include "account.h"
#include "error.h"

#include <QHash>
#include <QList>
#include <QVariant>

#include <optional>

namespace Notechondria {

class StoreContext;

/// The account's courses: rows of the courses table, each with a unique, path-safe slug.
class CourseRecords
{
public:
    /// @p context must outlive the records.
    explicit CourseRecords(StoreContext &context);

    /// Whether a course slug is path-safe: `^[a-z0-9][a-z0-9._-]{0,99}$` without "..".
    [[nodiscard]] static bool isSafeSlug(const QString &slug);

    [[nodiscard]] Result<std::optional<Course>> course(qint64 id) const;
    [[nodiscard]] Result<std::optional<Course>> courseBySlug(const QString &slug) const;
    /// nullopt for an empty client id.
    [[nodiscard]] Result<std::optional<Course>> courseByClientId(const QString &clientCourseId) const;
    /// Courses ordered by sort_order, then slug.
    [[nodiscard]] Result<QList<Course>> courses() const;
    /// The courses among @p ids (ids without a course are skipped), ordered as courses().
    [[nodiscard]] Result<QList<Course>> coursesWithIds(const QList<qint64> &ids) const;

    /**
     * id 0 inserts, any other id updates that row (failing when there is none); returns the saved row. An empty slug
     * is made from the title (Django's slugify, "local-course" when nothing is left), with "-2", "-3", ... appended
     * until no other course has it. A slug that is not path-safe (isSafeSlug) is refused.
     */
    [[nodiscard]] Result<Course> saveCourse(Course course);
    /// Deletes the course; its notes, events and feeds keep living with course_id = null.
    [[nodiscard]] Result<void> deleteCourse(qint64 id);
    /// Gives the courses of @p ids sort_order 1, 2, ... in that order (and last_edit @p at), in one transaction; the
    /// other courses keep theirs. Ids without a course are skipped.
    [[nodiscard]] Result<void> reorderCourses(const QList<qint64> &ids, const QDateTime &at);

    /// The local user's subscription rows (schema 6's course_subscriptions), by course id.
    [[nodiscard]] Result<QHash<qint64, CourseSubscription>> subscriptions() const;
    /// Writes the subscription row of its course (inserted or replaced).
    [[nodiscard]] Result<void> saveSubscription(const CourseSubscription &subscription);

private:
    [[nodiscard]] Result<std::optional<Course>> selectOne(const QString &where, const QVariant &value) const;
    /// @p base, or base-2, base-3, ... (at most 100 characters): the first slug no course but @p courseId has.
    [[nodiscard]] Result<QString> uniqueSlug(
        const QString &base, qint64 courseId, const QString &consequence, const QString &process) const;

    StoreContext &m_context;
};

} // namespace Notechondria
