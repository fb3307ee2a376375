// SPDX-License-Identifier: GPL-3.0-or-later
// For the tests of the store's parts: a real SQLite file in a temporary folder, at the current schema, and the
// StoreContext the part under test runs on.
#pragma once

#include "fakeclock.h"
#include "storecontext.h"
#include "storeschema.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>
#include <optional>

namespace Notechondria::StorePartFixture {

inline const QDateTime start = QDateTime(QDate(2026, 7, 20), QTime(12, 34, 56, 123), QTimeZone::UTC);

/// @p value after @p change, e.g. `with(Course(), [](Course &c) { c.title = u"Physics"_s; })`.
template<typename T, typename Change>
T with(T value, Change change)
{
    change(value);
    return value;
}

/// A connected, configured context on @p path, migrated up to @p version (-1: the current one); null on failure.
inline std::unique_ptr<StoreContext> openContext(const QString &path, const Clock *clock, int version = -1)
{
    auto context = std::make_unique<StoreContext>(path, clock);
    auto opened
        = context->connect(QStringLiteral("Cannot open"), QStringLiteral("Test/open"))
              .and_then([&] { return context->configure(QStringLiteral("Cannot open"), QStringLiteral("Test/open")); })
              .and_then([&] { return StoreSchema::storedVersion(*context); })
              .and_then([&](int stored) { return StoreSchema::migrate(*context, stored, version); });
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message()));
        return nullptr;
    }
    return context;
}

/// One integer read back with @p sql (e.g. a count), -1 when it fails.
inline qint64 scalar(const StoreContext &context, const QString &sql, const QVariantList &values = {})
{
    auto q = context.exec(sql, values, QStringLiteral("Cannot read"), QStringLiteral("Test/scalar"));
    return q && q->next() ? q->value(0).toLongLong() : -1;
}

/// A fresh store file for each test function, with a fake clock at `start`.
class Files
{
public:
    [[nodiscard]] bool isValid() const { return m_dir.isValid(); }
    [[nodiscard]] QString freshPath() { return m_dir.filePath(QStringLiteral("part-%1.sqlite").arg(++m_counter)); }
    [[nodiscard]] std::unique_ptr<StoreContext> freshContext() { return openContext(freshPath(), &clock); }

    FakeClock clock{start};

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
};

/// The part under test on a fresh file: made again by init() before every test function.
template<typename Part>
class Fresh
{
public:
    [[nodiscard]] bool open(Files &files)
    {
        m_part.reset();
        m_context = files.freshContext();
        if (m_context) {
            m_part.emplace(*m_context);
        }
        return m_part.has_value();
    }
    [[nodiscard]] StoreContext &context() { return *m_context; }
    Part *operator->() { return &*m_part; }
    Part &operator*() { return *m_part; }

private:
    std::unique_ptr<StoreContext> m_context;
    std::optional<Part> m_part;
};

} // namespace Notechondria::StorePartFixture
