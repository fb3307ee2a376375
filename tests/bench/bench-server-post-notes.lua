-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script for the local-server benchmark: POST /api/v1/notes/ (find-or-update over 1,000 client draft ids,
-- so the store stays bounded and memory can be judged), then the same result line as bench-server-report.lua.
local counter = 0
local headers = nil

request = function()
    if headers == nil then
        -- wrk.format with an explicit table drops the -H headers (Authorization): copy them in.
        headers = {}
        for name, value in pairs(wrk.headers) do
            headers[name] = value
        end
        headers["Content-Type"] = "application/json"
        if headers["Host"] == nil then
            headers["Host"] = wrk.host .. ":" .. wrk.port
        end
    end
    counter = counter + 1
    local body = string.format(
        '{"title": "Bench note %d", "content": "# Bench\\n\\nA note written by wrk, request %d.", ' ..
        '"client_draft_id": "bench-%d", "is_public": false}', counter % 1000, counter, counter % 1000)
    return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.status + summary.errors.timeout
    io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n",
        summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, errors, summary.requests))
end
