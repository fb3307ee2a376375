#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Push benchmark (our incremental push vs a one-blob-per-file baseline on the GitHub test server).
# BENCH_PUSH_NOTES (default 10000) and BENCH_PUSH_BASELINE_NOTES (default: the same) set the sizes;
# BUILD_DIR the build tree (default build).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${BUILD_DIR:-$here/../../build}
exe="$build/tests/bench_push"
if [ ! -x "$exe" ]; then
    echo "bench-push: $exe is missing (build the bench_push target)" >&2
    exit 1
fi
notes=${BENCH_PUSH_NOTES:-10000}
QT_LOGGING_RULES='*.debug=false;*.info=false' "$exe" "$notes" "${BENCH_PUSH_BASELINE_NOTES:-$notes}"
