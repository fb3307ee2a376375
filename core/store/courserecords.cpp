// SPDX-License-Identifier: GPL-3.0-or-later
#include "courserecords.h"

#include "storecontext.h"
#include "storesql.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Notechondria {

using namespace StoreSql;

namespace {

/// Django's slugify as upstream uses it for course slugs: ASCII, lowercase, words joined by '-', at most 100.
QString slugify(const QString &title)
{
    const QString ascii = title.normalized(QString::NormalizationForm_KD);
    QString slug;
    bool pendingDash = false;
    for (const QChar c : ascii) {
        if (c.unicode() >= 128) {
            continue;
        }
        const QChar lower = c.toLower();
        if ((lower >= u'a' && lower <= u'z') || (lower >= u'0' && lower <= u'9') || lower == u'_') {
            if (pendingDash && !slug.isEmpty()) {
                slug += u'-';
            }
            pendingDash = false;
            slug += lower;
        } else if (lower == u' ' || lower == u'-') {
            pendingDash = true;
        }
    }
    while (slug.startsWith(u'_')) {
        slug.remove(0, 1);
    }
    slug.truncate(100);
    while (slug.endsWith(u'-') || slug.endsWith(u'_')) {
        slug.chop(1);
    }
    return slug.isEmpty() ? u"local-course"_s : slug;
}

Course readCourse(const QSqlQuery &q)
{
    Course c;
    c.id = q.value(0).toLongLong();
    c.clientCourseId = q.value(1).toString();
    c.slug = q.value(2).toString();
    c.title = q.value(3).toString();
    c.description = q.value(4).toString();
    c.icon = toInt(q.value(5));
    c.sortOrder = q.value(6).toInt();
    c.coverImageUrl = q.value(7).toString();
    c.dateCreated = toDateTime(q.value(8));
    c.lastEdit = toDateTime(q.value(9));
    return c;
}

const QString courseColumns
    = u"id, client_course_id, slug, title, description, icon, sort_order, cover_image_url, date_created, last_edit"_s;

} // namespace

CourseRecords::CourseRecords(StoreContext &context)
    : m_context(context)
{
}

bool CourseRecords::isSafeSlug(const QString &slug)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._-]{0,99}$"_s);
    return pattern.match(slug).hasMatch() && !slug.contains(u".."_s);
}

Result<QList<Course>> CourseRecords::courses() const
{
    return StoreContext::readAll(
        m_context.exec(u"SELECT "_s + courseColumns + u" FROM courses ORDER BY sort_order, slug"_s, {},
            u"Cannot list courses"_s, u"Core.Store/courses"_s),
        readCourse);
}

Result<QList<Course>> CourseRecords::coursesWithIds(const QList<qint64> &ids) const
{
    QList<Course> found;
    for (qsizetype first = 0; first < ids.size(); first += 500) {
        const QList<qint64> part = ids.mid(first, 500);
        QVariantList values(part.cbegin(), part.cend());
        const QStringList marks(part.size(), u"?"_s);
        auto read = StoreContext::readAll(m_context.exec(u"SELECT "_s + courseColumns + u" FROM courses WHERE id IN ("_s
                                                  + marks.join(u", "_s) + u")"_s,
                                              values, u"Cannot list courses"_s, u"Core.Store/courses"_s),
            readCourse);
        if (!read) {
            return std::unexpected(read.error());
        }
        found += *read;
    }
    std::sort(found.begin(), found.end(), [](const Course &a, const Course &b) {
        return a.sortOrder != b.sortOrder ? a.sortOrder < b.sortOrder : a.slug < b.slug;
    });
    return found;
}

Result<std::optional<Course>> CourseRecords::selectOne(const QString &where, const QVariant &value) const
{
    auto q
        = m_context.exec(u"SELECT "_s + courseColumns + u" FROM courses WHERE "_s + where + u" ORDER BY id LIMIT 1"_s,
            {value}, u"Cannot read a course"_s, u"Core.Store/course"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    if (!q->next()) {
        return std::nullopt;
    }
    return readCourse(*q);
}

Result<std::optional<Course>> CourseRecords::course(qint64 id) const
{
    return selectOne(u"id = ?"_s, id);
}

Result<std::optional<Course>> CourseRecords::courseBySlug(const QString &slug) const
{
    return selectOne(u"slug = ?"_s, slug);
}

Result<std::optional<Course>> CourseRecords::courseByClientId(const QString &clientCourseId) const
{
    if (clientCourseId.isEmpty()) {
        return std::nullopt;
    }
    return selectOne(u"client_course_id = ?"_s, clientCourseId);
}

Result<QString> CourseRecords::uniqueSlug(
    const QString &base, qint64 courseId, const QString &consequence, const QString &process) const
{
    QString candidate = base;
    for (int suffix = 2;; ++suffix) {
        auto taken = m_context.exec(
            u"SELECT count(*) FROM courses WHERE slug = ? AND id <> ?"_s, {candidate, courseId}, consequence, process);
        if (!taken) {
            return std::unexpected(taken.error());
        }
        if (taken->next() && taken->value(0).toInt() == 0) {
            return candidate;
        }
        const QString tail = u"-%1"_s.arg(suffix);
        candidate = base.left(100 - tail.size()) + tail;
    }
}

Result<Course> CourseRecords::saveCourse(Course course)
{
    const QString consequence = u"Cannot save course"_s;
    const QString process = u"Core.Store/save_course"_s;
    if (!course.slug.isEmpty() && !isSafeSlug(course.slug)) {
        return fail(consequence, process,
            u"the slug '%1' is not path-safe (lowercase letters, digits, '.', '_', '-'; at most 100; no '..')"_s.arg(
                course.slug.left(120)));
    }
    Result<void> saved = m_context.transaction([&]() -> Result<void> {
        if (course.slug.isEmpty()) {
            auto slug = uniqueSlug(slugify(course.title), course.id, consequence, process);
            if (!slug) {
                return std::unexpected(slug.error());
            }
            course.slug = *slug;
        }
        auto id = m_context.saveRow(u"courses"_s,
            {u"client_course_id"_s, u"slug"_s, u"title"_s, u"description"_s, u"icon"_s, u"sort_order"_s,
                u"cover_image_url"_s, u"date_created"_s, u"last_edit"_s},
            {text(course.clientCourseId), text(course.slug), text(course.title), text(course.description),
                fromInt(course.icon), course.sortOrder, text(course.coverImageUrl), fromDateTime(course.dateCreated),
                fromDateTime(course.lastEdit)},
            course.id, u"course"_s, consequence, process);
        if (!id) {
            return std::unexpected(id.error());
        }
        course.id = *id;
        return {};
    });
    if (!saved) {
        return std::unexpected(saved.error());
    }
    return course;
}

Result<void> CourseRecords::reorderCourses(const QList<qint64> &ids, const QDateTime &at)
{
    return m_context.transaction([&]() -> Result<void> {
        int position = 0;
        for (const qint64 id : ids) {
            auto done = m_context.run(u"UPDATE courses SET sort_order = ?, last_edit = ? WHERE id = ?"_s,
                {++position, fromDateTime(at), id}, u"Cannot reorder the courses"_s, u"Core.Store/reorder_courses"_s);
            if (!done) {
                return done;
            }
        }
        return {};
    });
}

Result<QHash<qint64, CourseSubscription>> CourseRecords::subscriptions() const
{
    auto q = m_context.exec(
        u"SELECT course_id, is_active, is_private, subscribed_at, last_opened_at FROM course_subscriptions"_s, {},
        u"Cannot read the course subscriptions"_s, u"Core.Store/course_subscriptions"_s);
    if (!q) {
        return std::unexpected(q.error());
    }
    QHash<qint64, CourseSubscription> rows;
    while (q->next()) {
        const qint64 course = q->value(0).toLongLong();
        rows.insert(course,
            CourseSubscription{
                course, q->value(1).toBool(), q->value(2).toBool(), toDateTime(q->value(3)), toDateTime(q->value(4))});
    }
    return rows;
}

Result<void> CourseRecords::saveSubscription(const CourseSubscription &subscription)
{
    return m_context.run(u"INSERT INTO course_subscriptions (course_id, is_active, is_private, subscribed_at, "
                         "last_opened_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (course_id) DO UPDATE SET "
                         "is_active = excluded.is_active, is_private = excluded.is_private, "
                         "subscribed_at = excluded.subscribed_at, last_opened_at = excluded.last_opened_at"_s,
        {subscription.courseId, subscription.isActive ? 1 : 0, subscription.isPrivate ? 1 : 0,
            fromDateTime(subscription.subscribedAt), fromDateTime(subscription.lastOpenedAt)},
        u"Cannot save the course subscription"_s, u"Core.Store/save_course_subscription"_s);
}

Result<void> CourseRecords::deleteCourse(qint64 id)
{
    return m_context.run(
        u"DELETE FROM courses WHERE id = ?"_s, {id}, u"Cannot delete course"_s, u"Core.Store/delete_course"_s);
}

} // namespace Notechondria
