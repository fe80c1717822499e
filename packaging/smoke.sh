#!/usr/bin/env bash
# Smoke-tests what packaging/build.sh produced (for CI):
#
#     bash packaging/smoke.sh [SEEDS_FOLDER]      (default: ../shared/seeds from the repository root)
#
#   1. dist/agent-editor/agent-editor --version prints the version in agent_editor/__init__.py
#   2. the bundled `agent-editor check` runs over the seed files (exit 0 or 1 with output is
#      "ran"; a traceback or any other exit code is a failure)
#   3. the bundled app opens a seed in a real window on a virtual screen (Xvfb), the file is
#      edited and saved with Ctrl+S, and Ctrl+Q quits with exit code 0 (packaging/gui-test.sh)
#   4. the .deb: fields, file list, its payload runs from an unpacked copy, and apt can
#      resolve its Depends here (a simulated install; nothing is installed)
#
# Installs xvfb, xauth and xdotool with apt-get when missing.  Exits 1 if any step failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SEEDS="${1:-$ROOT/../shared/seeds}"
SEEDS="$(cd "$SEEDS" 2>/dev/null && pwd || echo "$SEEDS")"

APP=agent-editor
VERSION="$(sed -n 's/^__version__ *= *["'\'']\([^"'\'']*\)["'\''].*/\1/p' agent_editor/__init__.py)"
ARCH="$(dpkg --print-architecture)"
BUNDLE="dist/$APP"
DEB="dist/${APP}_${VERSION}_${ARCH}.deb"
EXE="$ROOT/$BUNDLE/$APP"

results=()
failed=0
pass() { results+=("PASS  $1"); echo "PASS: $1"; }
fail() { results+=("FAIL  $1"); echo "FAIL: $1" >&2; failed=1; }
step() { printf '\n==> %s\n' "$*"; }
t_start=$(date +%s)

[ -x "$EXE" ] || { echo "smoke.sh: $EXE is missing: run packaging/build.sh first" >&2; exit 1; }

# ---------------------------------------------------------------- tools
missing=""
for pkg in xvfb xauth xdotool; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    step "Installing:$missing"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# ---------------------------------------------------------------- 1. version
step "1. $BUNDLE/$APP --version"
out="$("$EXE" --version 2>&1)"; rc=$?
echo "$out"
if [ $rc -eq 0 ] && [ "$out" = "$APP $VERSION" ]; then
    pass "--version prints '$APP $VERSION'"
else
    fail "--version printed '$out' (exit $rc), expected '$APP $VERSION'"
fi

# ---------------------------------------------------------------- 2. check
step "2. $BUNDLE/$APP check on the seeds in $SEEDS"
seeds=()
if [ -d "$SEEDS" ]; then
    while IFS= read -r -d '' f; do seeds+=("$f"); done < <(
        find "$SEEDS" -maxdepth 1 -type f \( -name '*.md' -o -name '*.txt' \) ! -iname 'README*' -print0 | sort -z)
fi
if [ ${#seeds[@]} -eq 0 ]; then
    fail "no seed files (*.md, *.txt) in $SEEDS"
else
    out="$("$EXE" check "${seeds[@]}" 2>&1)"; rc=$?
    echo "$out" | tail -n 15
    if echo "$out" | grep -q "Traceback"; then
        fail "check crashed (traceback) on ${#seeds[@]} seed files"
    elif [ $rc -eq 0 ]; then
        pass "check ran on ${#seeds[@]} seed files: exit 0"
    elif [ $rc -eq 1 ] && [ -n "$out" ]; then
        pass "check ran on ${#seeds[@]} seed files: exit 1 (problems reported)"
    else
        fail "check exited with code $rc"
    fi
fi

# ---------------------------------------------------------------- 3. window
step "3. The bundled app opens a seed in a window, saves it, quits (Xvfb)"
if [ ${#seeds[@]} -eq 0 ]; then
    fail "window test: no seed file to open"
elif out="$(bash packaging/gui-test.sh --exec "\"$EXE\" %F" "${seeds[0]}" 2>&1)"; then
    echo "$out"
    pass "window: $(echo "$out" | sed -n 's/^gui-test: OK: //p')"
else
    echo "$out"
    fail "window test ($(echo "$out" | sed -n 's/^gui-test: FAIL: //p' | head -n 1))"
fi

# ---------------------------------------------------------------- 4. Debian package
step "4. $DEB"
if [ ! -f "$DEB" ]; then
    fail "$DEB is missing"
else
    dpkg-deb --info "$DEB" | sed -n '/Package:/,$p' | grep -v '^  *\.$'
    deb_ok=1
    [ "$(dpkg-deb --field "$DEB" Package)" = "$APP" ] || { fail "deb Package field"; deb_ok=0; }
    [ "$(dpkg-deb --field "$DEB" Version)" = "$VERSION" ] || { fail "deb Version field is not $VERSION"; deb_ok=0; }
    contents="$(dpkg-deb --contents "$DEB")"
    for path in "./opt/$APP/$APP" "./usr/bin/$APP -> /opt/$APP/$APP" "./usr/share/applications/$APP.desktop" \
        "./usr/share/metainfo/io.github.agenteditor.AgentEditor.metainfo.xml" \
        "./usr/share/icons/hicolor/scalable/apps/$APP.svg" "./usr/share/icons/hicolor/48x48/apps/$APP.png" \
        "./usr/share/icons/hicolor/256x256/apps/$APP.png" "./opt/$APP/_internal/agent_editor/resources/schema.json"; do
        echo "$contents" | grep -qF " $path" || { fail "deb lacks $path"; deb_ok=0; }
    done
    if echo "$contents" | grep -v ' root/root ' | grep -q .; then
        fail "deb has files not owned by root"; deb_ok=0
    fi
    # The payload itself runs (unpacked to a temporary folder; nothing is installed).
    unpacked="$(mktemp -d /tmp/agent-editor-deb.XXXXXX)"
    dpkg-deb -x "$DEB" "$unpacked"
    out="$("$unpacked/opt/$APP/$APP" --version 2>&1)" || true
    rm -rf "$unpacked"
    [ "$out" = "$APP $VERSION" ] || { fail "the unpacked deb's /opt/$APP/$APP --version printed '$out'"; deb_ok=0; }
    # apt can resolve every Depends from this machine's package sources.
    if apt_out="$(apt-get install --simulate -q "./$DEB" 2>&1)"; then
        echo "$apt_out" | grep -E '^(Inst|[0-9]+ upgraded)' | tail -n 3
    else
        echo "$apt_out" | tail -n 15
        fail "apt-get cannot resolve the deb's Depends (simulated install)"; deb_ok=0
    fi
    [ $deb_ok -eq 1 ] && pass "deb: $(du -m "$DEB" | cut -f1) MB, fields, file list, payload runs, Depends resolvable"
fi

# ---------------------------------------------------------------- summary
printf '\n==> Summary (%s s)\n' "$(( $(date +%s) - t_start ))"
printf '%s\n' "${results[@]}"
echo "bundle: $(du -sm "$BUNDLE" | cut -f1) MB    deb: $( [ -f "$DEB" ] && du -m "$DEB" | cut -f1 || echo -) MB"
exit $failed
