// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QString>

namespace Notechondria {

/**
 * The `state` nonce of the browser install flow: the install URL the server hands out (status' install_url)
 * carries it, GitHub sends it back to the Setup URL, and the browser callback links an installation only when it
 * brings the pending state back. A state is random (128 bits), used once, and expires after an hour; a
 * cross-site link cannot know it, so it cannot plant an installation.
 */
class InstallState
{
public:
    /// The pending state; a fresh one when none is pending or it expired.
    [[nodiscard]] QString current();
    /// Whether `state` is the pending state (a missing, wrong, expired or used one is not).
    [[nodiscard]] bool isPending(const QString &state) const;
    /// Uses the pending state up: the link it came with was made, it cannot serve again.
    void consume() { m_state.clear(); }
    /// `installUrl` with `state=<state>` added to its query; empty when `installUrl` is empty.
    [[nodiscard]] static QString withState(const QString &installUrl, const QString &state);

private:
    QString m_state;
    QDeadlineTimer m_expiry;
};

} // namespace Notechondria
