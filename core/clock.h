// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace Notechondria {

/// The time source of core; the app passes a SystemClock, tests a FakeClock (tests/support/fakeclock.h).
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

} // namespace Notechondria
