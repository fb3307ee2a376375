// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace Notechondria {

/// The time source of core; tests pass a FakeClock, the app a SystemClock.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Current time in UTC.
    [[nodiscard]] virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    [[nodiscard]] QDateTime now() const override;
};

/// A clock that only moves when told to.
class FakeClock final : public Clock
{
public:
    explicit FakeClock(QDateTime start = QDateTime::currentDateTimeUtc());
    [[nodiscard]] QDateTime now() const override;
    void set(const QDateTime &time);
    void advance(qint64 seconds);

private:
    QDateTime m_now;
};

} // namespace Notechondria
