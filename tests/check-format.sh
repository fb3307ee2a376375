#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a tracked C++ file is not formatted with the committed .clang-format.
set -eu
cd "${1:-.}"
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find app core ui tests -name '*.cpp' -o -name '*.h')
[ -n "$files" ] || exit 0
bad=$(echo "$files" | xargs clang-format --dry-run 2>&1 | grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error)' | cut -d: -f1 | sort -u || true)
if [ -n "$bad" ]; then
    echo "Format check failed: tests/check-format.sh — these files differ from .clang-format (run 'make format'):"
    echo "$bad"
    exit 1
fi
echo "All $(echo "$files" | wc -l) C++ files are formatted."
