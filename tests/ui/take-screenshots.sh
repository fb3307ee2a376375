#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the GUI tests under a virtual X server in the build environment; each card state they reach is grabbed to
# docs/screenshots/*.png (the README and the AppStream metainfo show them).
#   tests/ui/take-screenshots.sh [BUILD_DIR]     (default: build)
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=${1:-build}
cd "$source_dir"
packaging/buildenv exec cmake --build "$build_dir" --target test_synccard -j2
out=$(mktemp -d "$source_dir/.screenshots.XXXXXX") # inside the tree: the build root has its own /tmp
packaging/buildenv exec env NOTECHONDRIA_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=xcb LC_ALL=C.UTF-8 \
    QT_LOGGING_RULES='*.debug=false' xvfb-run -a -s '-screen 0 1280x1024x24 -dpi 96' \
    "$build_dir/tests/test_synccard"
mkdir -p docs/screenshots
for png in "$out"/*.png; do
    cp -- "$png" "docs/screenshots/$(basename "$png")"
    echo "ok: docs/screenshots/$(basename "$png")"
done
rm -rf -- "$out"
