#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The .deb is well-formed, installs on this Debian 13 system and starts:
#   1. cpack -G DEB builds it from the build tree into a temporary folder;
#   2. dpkg-deb --info/--contents: name, version, section, maintainer, the runtime plugin dependencies, and every
#      file we ship (binaries, desktop entry, metainfo, hicolor icons);
#   3. every library the binaries link comes from a package named in Depends, and apt can install the package on
#      this Debian 13 system (a simulated `apt install ./x.deb`: each dependency installed or in the archive);
#   4. dpkg installs it into a throwaway root (its own dpkg database), where the desktop entry and the AppStream
#      tree validate, the icons have their sizes and the translations are embedded;
#   5. the installed binaries run with no build-tree help (clean environment, LANG=de_DE.UTF-8):
#      `notechondria-sync --version`, and `notechondria-desktop` still running after 2 s, offscreen and on Xvfb.
#   check-deb.sh BUILD_DIR VERSION SOURCE_DIR
set -uo pipefail
build_dir=$(cd "$1" && pwd) || exit 2
version=$2
source_dir=$(cd "$3" && pwd) || exit 2
app_id=io.github.notechondria.Desktop
icon_sizes="16 22 24 32 48 64 128 256"

for tool in dpkg dpkg-deb dpkg-shlibdeps cpack desktop-file-validate appstreamcli objdump file strings; do
    if ! command -v "$tool" >/dev/null; then
        echo "Package not checked: packaging/check-deb — $tool is missing (the .deb is built on Debian only)"
        exit 77
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# check DESCRIPTION COMMAND... — runs COMMAND and reports DESCRIPTION as passed or failed.
check() {
    local what=$1
    shift
    if "$@"; then ok "$what"; else fail "$what"; fi
}

# --- 1. build the package ---------------------------------------------------------------------------------------
if ! cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: Package not built: packaging/cpack — cpack -G DEB failed (is the build tree built?)"
    exit 1
fi
shopt -s nullglob
debs=("$work/out"/*.deb)
if [ ${#debs[@]} -ne 1 ]; then
    echo "FAIL: Package not built: packaging/cpack — expected one .deb, found ${#debs[@]}"
    exit 1
fi
deb=${debs[0]}
echo "cpack built $(basename "$deb") in ${SECONDS} s"
check "file name is notechondria-desktop_${version}_<arch>.deb" \
    test "$(basename "$deb")" = "notechondria-desktop_${version}_$(dpkg --print-architecture).deb"

# --- 2. control fields and contents -----------------------------------------------------------------------------
field() { dpkg-deb --field "$deb" "$1"; }
check "Package: notechondria-desktop" test "$(field Package)" = notechondria-desktop
check "Version: $version" test "$(field Version)" = "$version"
check "Section: $(field Section)" test -n "$(field Section)"
check "Maintainer '$(field Maintainer)' is 'Name <email>'" grep -Eq '^.+ <[^@ ]+@[^> ]+>$' <<<"$(field Maintainer)"
check "has a Description" test -n "$(field Description)"
depends=$(field Depends)
echo "Depends: $depends"
for needed in libqca-qt6-plugins qt6-qpa-plugins qt6-svg-plugins libqt6sql6-sqlite libqt6core6t64 libc6; do
    check "Depends on $needed" grep -Eq "(^|, )$needed( |,|$)" <<<"$depends"
done

dpkg-deb --contents "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/contents"
expected=(/usr/bin/notechondria-desktop /usr/bin/notechondria-sync
    "/usr/share/applications/$app_id.desktop" "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" /usr/share/doc/notechondria-desktop/copyright)
for size in $icon_sizes; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    check "ships $path" grep -qxF "$path" "$work/contents"
done

# --- 3. dependencies ---------------------------------------------------------------------------------------------
dpkg-deb -x "$deb" "$work/x"
dep_names=$(tr ',|' '\n\n' <<<"$depends" | sed -E 's/^ *([^ :(]+).*/\1/')
# NEEDED sonames of both binaries, resolved by ldd, each mapped to the package that owns it (one dpkg-query call:
# each call reads the whole file database).
: >"$work/needed"
for binary in notechondria-desktop notechondria-sync; do
    ldd "$work/x/usr/bin/$binary" >"$work/ldd"
    for soname in $(objdump -p "$work/x/usr/bin/$binary" | awk '/NEEDED/ {print $2}'); do
        path=$(awk -v s="$soname" '$1 == s {print $3}' "$work/ldd")
        echo "$binary $soname $path $(realpath "$path")" >>"$work/needed"
    done
done
dpkg-query -S $(awk '{print $3; print $4}' "$work/needed" | sort -u) 2>/dev/null >"$work/owners"
while read -r binary soname path real; do
    owner=$(awk -F': ' -v p="$path" -v r="$real" '$2 == p || $2 == r {print $1; exit}' "$work/owners" | cut -d: -f1)
    if [ -z "$owner" ]; then
        fail "$binary needs $soname, which no installed package provides"
    else
        check "$binary: $soname comes from $owner, named in Depends" grep -qxF "$owner" <<<"$dep_names"
    fi
done <"$work/needed"
# apt resolves the package against this Debian 13 system and its archive, as `apt install ./x.deb` would.
if apt-get -s -o Debug::NoLocking=1 install "$deb" >"$work/apt.log" 2>&1 \
    && grep -q "^Inst notechondria-desktop " "$work/apt.log" && ! grep -q "^Remv " "$work/apt.log"; then
    ok "apt can install the package here (simulated), removing nothing"
    apt_ok=1
else
    cat "$work/apt.log"
    fail "apt can install the package here (simulated), removing nothing"
    apt_ok=0
fi
# One "name [(op version)]" alternative: installed here, in a version that satisfies it.
dpkg-query -W -f='${Package} ${db:Status-Abbrev}${Version}\n' >"$work/installed"
satisfied() {
    local name op ver installed
    read -r name op ver <<<"$(sed -E 's/^ *([^ :(]+)(:[a-z0-9]+)? *(\(([<=>]+) *([^)]+)\))? *$/\1 \4 \5/' <<<"$1")"
    installed=$(awk -v n="$name" '$1 == n && $2 == "ii" {print $3; exit}' "$work/installed")
    [ -n "$installed" ] || return 1
    [ -z "$op" ] || dpkg --compare-versions "$installed" "$op" "$ver"
}
IFS=',' read -ra groups <<<"$depends"
for group in "${groups[@]}"; do
    group=$(sed -E 's/^ +| +$//g' <<<"$group")
    met=1
    IFS='|' read -ra alternatives <<<"$group"
    for alternative in "${alternatives[@]}"; do
        if satisfied "$alternative"; then met=0; fi
    done
    if [ $met = 0 ]; then
        ok "dependency installed here: $group"
    elif [ $apt_ok = 1 ]; then
        # apt would fetch it from the archive; the start test below runs without it.
        echo "note: dependency not installed here, apt would install it from the archive: $group"
    else
        fail "dependency neither installed here nor installable: $group"
    fi
done

# --- 4. install into a throwaway root ---------------------------------------------------------------------------
root=$work/root
admin=$root/var/lib/dpkg
mkdir -p "$admin/info" "$admin/updates" "$admin/triggers"
touch "$admin/status" "$admin/available"
# The throwaway root has its own empty dpkg database: the dependencies were checked against this system above.
# dpkg sets file ownership, which needs root (the build root runs as root); elsewhere the package is unpacked.
if [ "$(id -u)" -eq 0 ]; then
    if dpkg --root="$root" --log=/dev/null --force-depends -i "$deb" >"$work/dpkg.log" 2>&1 \
        && [ "$(dpkg-query --admindir="$admin" -W -f='${db:Status-Abbrev}' notechondria-desktop)" = "ii " ]; then
        ok "dpkg installed the package"
    else
        cat "$work/dpkg.log"
        fail "dpkg installed the package"
    fi
else
    check "dpkg-deb unpacked the package (not root: no dpkg --root install)" dpkg-deb -x "$deb" "$root"
fi
check "installed desktop entry validates" desktop-file-validate "$root/usr/share/applications/$app_id.desktop"
if appstreamcli validate-tree --no-net "$root" >"$work/validate-tree.log" 2>&1; then
    ok "appstreamcli validate-tree accepts the installed tree"
else
    cat "$work/validate-tree.log"
    fail "appstreamcli validate-tree accepts the installed tree"
fi
for size in $icon_sizes; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    check "${size}x${size} icon is a ${size}x${size} PNG" \
        grep -q "PNG image data, $size x $size," <<<"$(file -b "$png")"
done
# The German and Chinese catalogs travel inside the desktop binary (qt_add_translations embeds them as resources,
# whose names rcc stores as UTF-16BE).
resources=$(strings -e b -n 4 "$root/usr/bin/notechondria-desktop")
for ts in "$source_dir"/translations/*_de.ts "$source_dir"/translations/*_zh_CN.ts; do
    qm=$(basename "${ts%.ts}.qm")
    check "notechondria-desktop embeds $qm" grep -qxF "$qm" <<<"$resources"
done

# --- 5. start the installed binaries ----------------------------------------------------------------------------
home=$work/home
mkdir -p "$home/runtime" && chmod 700 "$home/runtime"
run_clean() {
    env -i PATH=/usr/bin:/bin HOME="$home" XDG_RUNTIME_DIR="$home/runtime" XDG_CONFIG_HOME="$home/config" \
        XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" TMPDIR="$work" LANG=de_DE.UTF-8 \
        QT_QPA_PLATFORM=offscreen "$@"
}
sync_out=$(cd "$home" && run_clean "$root/usr/bin/notechondria-sync" --version 2>"$work/sync.err")
sync_rc=$?
if [ $sync_rc -eq 0 ] && [ "$sync_out" = "notechondria-sync $version" ]; then
    ok "installed notechondria-sync --version prints '$sync_out'"
else
    cat "$work/sync.err"
    fail "installed notechondria-sync --version exited $sync_rc and printed '$sync_out'"
fi
# Once the catalogs exist, the installed CLI speaks German under LANG=de_DE.UTF-8 (its --help differs from C's).
catalogs=("$source_dir"/translations/*_de.ts)
if [ ${#catalogs[@]} -gt 0 ]; then
    help_c=$(cd "$home" && run_clean env LANG=C.UTF-8 "$root/usr/bin/notechondria-sync" --help 2>/dev/null)
    help_de=$(cd "$home" && run_clean "$root/usr/bin/notechondria-sync" --help 2>/dev/null)
    check "installed notechondria-sync --help is translated under LANG=de_DE.UTF-8" test "$help_c" != "$help_de"
fi
# The desktop app, offscreen and — where xvfb-run exists — on a virtual X server through the xcb plugin, one after
# the other (a second instance could find the first one's local server port taken): each must still be running
# after 2 s and must not report a missing component.
fatal='Could not (load|find) the Qt platform plugin|cannot open shared object|No QCA|driver not loaded'
fatal+='|plugin .* not (found|loaded)'
desktop=$root/usr/bin/notechondria-desktop
(cd "$home" && run_clean timeout -s TERM 2 "$desktop" >"$work/offscreen.out" 2>&1; echo $? >"$work/offscreen.rc")
platforms=(offscreen)
if command -v xvfb-run >/dev/null; then
    platforms+=(xcb)
    (cd "$home" && run_clean env QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x800x24" \
        timeout -s TERM 2 "$desktop" >"$work/xcb.out" 2>&1; echo $? >"$work/xcb.rc")
fi
for platform in "${platforms[@]}"; do
    rc=$(cat "$work/$platform.rc")
    if [ "$rc" -eq 124 ] && ! grep -Eiq "$fatal" "$work/$platform.out"; then
        ok "installed notechondria-desktop was still running after 2 s ($platform, LANG=de_DE.UTF-8)"
    else
        cat "$work/$platform.out"
        fail "installed notechondria-desktop ($platform) exited $rc within 2 s or reported a missing component"
    fi
done

if [ $failures -ne 0 ]; then
    echo "Package not ready: packaging/check-deb — $failures check(s) failed"
    exit 1
fi
echo "The package builds, installs and starts (${SECONDS} s)."
