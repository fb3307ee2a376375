#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a tracked C++ file is not formatted with the committed .clang-format — and when it cannot tell (no
# clang-format, no C++ file found, clang-format itself failing). Checks the given folder, else this repository
# (wherever it is run from, the build folder or the build root included). CLANG_FORMAT names another binary.
set -eu
root=${1:-$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)}
cd "$root"
say() { echo "Format check failed: tests/check-format.sh — $*" >&2; }
clang_format=${CLANG_FORMAT:-clang-format}
if ! command -v "$clang_format" >/dev/null 2>&1; then
    say "$clang_format was not found on PATH, so the formatting cannot be checked (install clang-format, or run the check through 'packaging/buildenv exec')."
    exit 1
fi
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null) || files=$(find app core ui tests \( -name '*.cpp' -o -name '*.h' \) -print 2>/dev/null) || true
if [ -z "$files" ]; then
    say "no C++ file was found under $root."
    exit 1
fi
if output=$(echo "$files" | xargs "$clang_format" --dry-run --Werror 2>&1); then
    echo "All $(echo "$files" | wc -l) C++ files are formatted."
    exit 0
fi
bad=$(echo "$output" | grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error)' | cut -d: -f1 | sort -u || true)
if [ -n "$bad" ]; then
    say "these files differ from .clang-format (run 'make format'):"
    echo "$bad" >&2
else
    say "$clang_format failed: $(echo "$output" | head -n 5)"
fi
exit 1
