#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sync cost benchmark (issue #13): export, first push, a sync with nothing changed and a push after editing 5 notes at
# 1,000 / 10,000 / 100,000 notes, against the GitHub test server. BENCH_SYNC_SIZES overrides the sizes,
# BENCH_FIRST_PUSH_MAX (default 100000) the largest account first-pushed (as a git pack), BENCH_TWO_DEVICES_MAX (default
# 10000) the largest one a second device joins (its first sync takes about 12 s per 1,000 notes); BUILD_DIR the build
# tree.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${BUILD_DIR:-$here/../../build}
exe="$build/tests/bench_sync"
if [ ! -x "$exe" ]; then
    echo "Benchmark not run: bench-sync — $exe is missing (build the bench_sync target)" >&2
    exit 1
fi
# shellcheck disable=SC2086 # the sizes are a word list
QT_LOGGING_RULES='*.debug=false;*.info=false' "$exe" ${BENCH_SYNC_SIZES:-1000 10000 100000}
