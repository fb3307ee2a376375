#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark under tests/bench/ and prints their tables. Run through `make bench`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
status=0
for script in "$here"/bench-*.sh; do
    [ -e "$script" ] || continue
    echo "== $(basename "$script" .sh)"
    sh "$script" || status=1
    echo
done
exit $status
