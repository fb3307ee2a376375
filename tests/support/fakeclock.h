// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clock.h"

namespace Notechondria {

/// A clock that only moves when told to (tests only; the app uses SystemClock).
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
