#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The format gate can fail: without clang-format on PATH, on an unformatted file; and it checks the repository
# when run from inside the build folder.
set -eu
script=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)/check-format.sh
repo=$(dirname -- "$(dirname -- "$script")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
problem() { echo "Format gate self-test failed: tests/check-format-selftest.sh — $*" >&2; exit 1; }

# 1. A PATH with everything the script needs except clang-format.
mkdir "$work/bin"
for tool in sh git find xargs grep cut sort wc head dirname cat; do
    path=$(command -v "$tool") && ln -s "$path" "$work/bin/$tool"
done
if PATH="$work/bin" "$work/bin/sh" "$script" "$repo" >"$work/out" 2>&1; then
    problem "it passed without clang-format on PATH: $(cat "$work/out")"
fi
grep -q 'Format check failed: tests/check-format.sh — clang-format was not found' "$work/out" \
    || problem "no three-part message without clang-format: $(cat "$work/out")"

# 2. An unformatted file in a tree that is not a git repository.
mkdir -p "$work/tree/core"
cp "$repo/.clang-format" "$work/tree/"
printf 'int  main( ){return 0;}\n' >"$work/tree/core/bad.cpp"
if GIT_DIR="$work/none" "$script" "$work/tree" >"$work/out" 2>&1; then
    problem "it passed on an unformatted file: $(cat "$work/out")"
fi
grep -q 'core/bad.cpp' "$work/out" || problem "the unformatted file is not named: $(cat "$work/out")"

# 3. Run from the build folder without an argument: it checks the repository, not an empty listing.
cd "${1:-$repo}"
"$script" >"$work/out" 2>&1 || problem "the repository check failed from $(pwd): $(cat "$work/out")"
grep -Eq '^All [1-9][0-9]* C\+\+ files are formatted\.$' "$work/out" || problem "nothing was checked: $(cat "$work/out")"
echo "The format gate fails without clang-format and on unformatted files, and checks the repository from $(pwd)."
