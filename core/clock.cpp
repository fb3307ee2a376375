// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

namespace Notechondria {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

FakeClock::FakeClock(QDateTime start)
    : m_now(std::move(start))
{
}

QDateTime FakeClock::now() const
{
    return m_now;
}

void FakeClock::set(const QDateTime &time)
{
    m_now = time;
}

void FakeClock::advance(qint64 seconds)
{
    m_now = m_now.addSecs(seconds);
}

} // namespace Notechondria
