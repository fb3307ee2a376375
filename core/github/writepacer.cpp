// SPDX-License-Identifier: GPL-3.0-or-later
#include "writepacer.h"

#include "clock.h"

#include <algorithm>

namespace Notechondria {

QList<WritePacer::Limit> WritePacer::githubLimits()
{
    return {{80, std::chrono::minutes(1)}, {500, std::chrono::hours(1)}};
}

WritePacer::WritePacer(const Clock *clock, QList<Limit> limits)
    : m_clock(clock)
    , m_limits(std::move(limits))
{
}

std::chrono::milliseconds WritePacer::delay() const
{
    const QDateTime now = m_clock->now();
    qint64 wait = 0;
    for (const Limit &limit : m_limits) {
        if (limit.requests <= 0) {
            continue;
        }
        const QDateTime windowStart = now.addSecs(-limit.window.count());
        const auto first = std::upper_bound(m_writes.cbegin(), m_writes.cend(), windowStart);
        const qsizetype inWindow = m_writes.cend() - first;
        if (inWindow < limit.requests) {
            continue;
        }
        // The write that has to leave the window (it holds the writes newer than now - window) before one more fits.
        const QDateTime leaving = *(first + (inWindow - limit.requests));
        wait = std::max(wait, now.msecsTo(leaving.addSecs(limit.window.count())));
    }
    return std::chrono::milliseconds(wait);
}

void WritePacer::record()
{
    const QDateTime now = m_clock->now();
    m_writes.append(now);
    std::chrono::seconds longest{0};
    for (const Limit &limit : std::as_const(m_limits)) {
        longest = std::max(longest, limit.window);
    }
    const QDateTime keepFrom = now.addSecs(-longest.count());
    const auto stale = std::upper_bound(m_writes.cbegin(), m_writes.cend(), keepFrom);
    m_writes.erase(m_writes.cbegin(), stale);
}

} // namespace Notechondria
