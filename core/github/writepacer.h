// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>

#include <chrono>

namespace Notechondria {

class Clock;

/**
 * Keeps content-creating requests (POST, PATCH, PUT, DELETE) inside GitHub's secondary limits by construction:
 * about 80 a minute and 500 an hour (DECISIONS §12, docs/github.md "Limits"). Before each write the caller asks how
 * long to wait, waits, and records the write. Pure bookkeeping over the clock's time; the waiting is the caller's.
 */
class WritePacer
{
public:
    struct Limit
    {
        int requests = 0; ///< at most this many writes
        std::chrono::seconds window{0}; ///< in any window of this length
    };

    /// GitHub's documented secondary limits: 80 per minute, 500 per hour.
    [[nodiscard]] static QList<Limit> githubLimits();

    explicit WritePacer(const Clock *clock, QList<Limit> limits = githubLimits());

    /// How long to wait before the next write so that no limit is exceeded; zero when it may go now.
    [[nodiscard]] std::chrono::milliseconds delay() const;
    /// Records a write made now.
    void record();

private:
    const Clock *m_clock;
    QList<Limit> m_limits;
    QList<QDateTime> m_writes; ///< oldest first, only those inside the longest window
};

} // namespace Notechondria
