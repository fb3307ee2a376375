-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script for the local-server benchmark: GET requests; prints one machine-readable result line.
function done(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.status + summary.errors.timeout
    io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, errors, summary.requests))
end
