// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakeclock.h"

namespace Notechondria {

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
