// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Notechondria {

/**
 * When backups run by themselves (schema 7, one sync_schedule row; issue #15), and how the last scheduled run went.
 * Off by default. SyncScheduler (core/sync) reads and writes it; next_run is kept so a closed app or a sleeping
 * computer catches up once when it comes back.
 */
struct SyncSchedule
{
    enum class Mode {
        Off, ///< backups only when asked
        Every, ///< every interval
        AfterSettle, ///< when no change was made for an interval since the last one
    };

    static constexpr qint64 defaultIntervalSeconds = 15LL * 60;
    static constexpr qint64 maxIntervalSeconds = 7LL * 24 * 3600;

    Mode mode = Mode::Off;
    qint64 intervalSeconds = defaultIntervalSeconds;
    std::optional<QDateTime> nextRun; ///< when the next scheduled run is due; nullopt: none is
    std::optional<QDateTime> lastRun; ///< when the last scheduled (or tray) run ended
    QString lastResult; ///< "" (never ran), "synced", "conflict", "blocked" (mass deletion) or "failed"
    QString lastMessage; ///< the three-part message of a run that did not succeed
    int consecutiveFailures = 0;

    /// "off", "every", "after_settle".
    [[nodiscard]] static QString modeName(Mode mode);
    [[nodiscard]] static std::optional<Mode> modeNamed(const QString &name);
    /**
     * A duration such as "15m", "30s", "1h" or "2h30m" (hours, minutes, seconds in that order, each at most once) in
     * seconds, from 1 s to 7 days; else an error in the three-part shape.
     */
    [[nodiscard]] static Result<qint64> parseDuration(const QString &text);
    /// The shortest such text for @p seconds ("2h30m", "90s" → "1m30s").
    [[nodiscard]] static QString formatDuration(qint64 seconds);
};

} // namespace Notechondria
