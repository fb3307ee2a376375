#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Every screenshot the AppStream metainfo points at (docs/screenshots/*.png on GitHub raw) exists in the repository
# and is a PNG. Skipped (exit 77) while docs/screenshots/ has not been produced yet.
#   check-screenshots.sh METAINFO.xml SOURCE_DIR
set -euo pipefail
metainfo=$1
source_dir=$2

if [ ! -d "$source_dir/docs/screenshots" ]; then
    echo "Screenshots not checked: packaging/check-screenshots — docs/screenshots/ does not exist yet"
    exit 77
fi

status=0
count=0
while IFS= read -r url; do
    count=$((count + 1))
    path=docs/screenshots/${url##*/docs/screenshots/}
    case "$url" in
    https://raw.githubusercontent.com/*/docs/screenshots/*.png) ;;
    *) echo "Screenshot unusable: packaging/metainfo — $url is not a docs/screenshots PNG on GitHub raw"
       status=1; continue ;;
    esac
    if [ ! -f "$source_dir/$path" ]; then
        echo "Screenshot missing from software centres: packaging/metainfo — $path does not exist"
        status=1
    elif ! file -b "$source_dir/$path" | grep -q '^PNG image data'; then
        echo "Screenshot unusable: packaging/metainfo — $path is not a PNG image"
        status=1
    else
        echo "ok: $path ($(file -b "$source_dir/$path" | cut -d, -f2 | tr -d ' '))"
    fi
done < <(grep -o '<image>[^<]*</image>' "$metainfo" | sed 's|</\?image>||g')

if [ "$count" -eq 0 ]; then
    echo "Screenshots missing from software centres: packaging/metainfo — no <image> element in $metainfo"
    status=1
fi
if [ $status -ne 0 ]; then
    echo "docs/screenshots/ holds: $(cd "$source_dir/docs/screenshots" && ls -- *.png 2>/dev/null | tr '\n' ' ')"
fi
exit $status
