#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Load test of the local server: `notechondria-sync serve` on a temporary data folder with demo data, driven by wrk
# (2 threads, 50 connections, 30 s per scenario). Prints requests/s, p50/p99 latency, errors and the server's RSS.
# Scenarios: status; a notes page at the start and at the last offset of the account, plain and filtered (private
# notes without a course); `q=` search for a rare and for a common text; POST notes. Targets (issue #13, at 50,000
# notes): status >= 10,000 req/s; a notes page <= 5 ms p99 at any offset; `q=` <= 20 ms p99; zero errors; server RSS
# <= 150 MB. wrk runs 50 connections, so its p99 is a queue's: BENCH_CONNECTIONS=1 gives a single client's latency.
# wrk repeats one GET, so it measures what the server keeps per data revision (totals, the order of ids of deep pages
# and searches, courses, profile); the "after a write" lines time GETs that each follow a write (PATCH of one note),
# one client, BENCH_AFTER_WRITE rounds: their p50 and p99 columns are the median and the slowest round.
# Environment: NOTECHONDRIA_BUILD_DIR (default build/), NOTECHONDRIA_SYNC (the binary), BENCH_DURATION (30s),
# BENCH_NOTES (demo notes, 500), BENCH_CONNECTIONS (wrk connections, 50), BENCH_AFTER_WRITE (rounds, 20).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${NOTECHONDRIA_BUILD_DIR:-$root/build}
bin=${NOTECHONDRIA_SYNC:-$(find "$build" -name notechondria-sync -type f -perm -u+x 2>/dev/null | head -n 1)}
duration=${BENCH_DURATION:-30s}
notes=${BENCH_NOTES:-500}
connections=${BENCH_CONNECTIONS:-50}
after_write=${BENCH_AFTER_WRITE:-20}
threads=$([ "$connections" -ge 2 ] && echo 2 || echo 1)
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
    echo "Benchmark not run: bench-server — notechondria-sync not found under $build (build it first)" >&2
    exit 1
fi
command -v wrk >/dev/null || { echo "Benchmark not run: bench-server — wrk is not installed" >&2; exit 1; }

data=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$data"
}
trap cleanup EXIT INT TERM
export NOTECHONDRIA_SECRET_STORE=file # one key shared by the api-key and serve processes, inside the temp folder
export QT_LOGGING_RULES="notechondria.*.info=false"

"$bin" --data "$data" demo-data --notes "$notes" >/dev/null
key=$("$bin" --data "$data" api-key)
"$bin" --data "$data" serve --listen 127.0.0.1:0 >"$data/url" 2>"$data/serve.log" &
pid=$!
tries=0
while [ ! -s "$data/url" ]; do
    tries=$((tries + 1))
    if [ $tries -gt 100 ] || ! kill -0 "$pid" 2>/dev/null; then
        echo "Benchmark not run: bench-server — the server did not start:" >&2
        cat "$data/serve.log" >&2
        exit 1
    fi
    sleep 0.1
done
base=$(head -n 1 "$data/url")

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"; }

run() { # name path script
    before=$(rss)
    result=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 5s -s "$here/$3" -H "Authorization: Bearer $key" "$base$2" \
        | awk '/^RESULT/ { print $2, $3, $4, $5, $6 }')
    after=$(rss)
    set -- "$1" $result
    printf '%-26s %10s %10s %10s %8s %10s %12s %11s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$before" "$after"
}

# The last page's offset of a list query: its total (from one request) less one page.
last_offset() {
    python3 - "$base/notes/?limit=1&$1" "$key" <<'EOF'
import json, sys, urllib.request
request = urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]})
print(max(0, json.load(urllib.request.urlopen(request))["total"] - 20))
EOF
}
end=$(last_offset "")
end_filtered=$(last_offset "scope=private&course_id=none")

echo "notechondria-sync serve, $notes demo notes; wrk -t$threads -c$connections -d$duration; latency in ms, RSS in KiB"
printf '%-26s %10s %10s %10s %8s %10s %12s %11s\n' scenario "req/s" p50 p99 errors requests "RSS before" "RSS after"
run "GET status" /integrations/github/status/ bench-server-report.lua
run "GET notes page, start" "/notes/?limit=20&offset=0" bench-server-report.lua
run "GET notes page, end" "/notes/?limit=20&offset=$end" bench-server-report.lua
run "GET filtered page, end" "/notes/?scope=private&course_id=none&limit=20&offset=$end_filtered" \
    bench-server-report.lua
run "GET q= rare text" "/notes/?q=hello,%20427%22&limit=20" bench-server-report.lua
run "GET q= common word" "/notes/?q=photosynthesis&limit=20" bench-server-report.lua
python3 "$here/bench-server-after-write.py" "$base" "$key" "$after_write" \
    "page start, after a write|/notes/?limit=20&offset=0" "page end, after a write|/notes/?limit=20&offset=$end" \
    "filtered end, after write|/notes/?scope=private&course_id=none&limit=20&offset=$end_filtered" \
    "q= rare, after a write|/notes/?q=hello,%20427%22&limit=20" "q= common, after a write|/notes/?q=photosynthesis&limit=20"
run "POST notes" /notes/ bench-server-post-notes.lua
run "GET status (again)" /integrations/github/status/ bench-server-report.lua
