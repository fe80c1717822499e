#!/usr/bin/env bash
# Start-up time to a window with a seed open: the bundle against running from source.
#
#     bash packaging/measure-startup.sh [RUNS] [SEED_FILE]
#
#   RUNS        runs of each, alternating (default 7; the first run of each is a warm-up
#               and not counted)
#   SEED_FILE   default: the first seed in ../shared/seeds
#   PYTHON      the Python that runs the source (default .venv/bin/python, with the
#               project installed in it, e.g. pip install -e .)
#
# "window" is the time from starting the process to a visible window whose title holds
# the file name (packaging/gui-test.sh polls every 20 ms; the app sets that title once
# the file is read and shown).  With hyperfine installed, it also times a whole run
# that quits as soon as the window is up (AGENT_EDITOR_QUIT_AFTER_MS=1): start, open,
# show and shut down.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-7}"
SEED="${2:-$(find "$ROOT/../shared/seeds" -maxdepth 1 -type f \( -name '*.md' -o -name '*.txt' \) ! -iname 'README*' | sort | head -n 1)}"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
BUNDLE_EXE="$ROOT/dist/agent-editor/agent-editor"
[ -x "$BUNDLE_EXE" ] || { echo "run packaging/build.sh first" >&2; exit 1; }
[ -f "$SEED" ] || { echo "no seed file" >&2; exit 1; }

# One Xvfb for all runs.
n=81
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset >/dev/null 2>&1 &
XVFB_PID=$!
trap 'kill $XVFB_PID 2>/dev/null' EXIT
for _ in $(seq 100); do [ -S "/tmp/.X11-unix/X$n" ] && break; sleep 0.05; done
[ "$(tr -d ' \n' < "/tmp/.X$n-lock" 2>/dev/null)" = "$XVFB_PID" ] || { echo "could not start Xvfb :$n" >&2; exit 1; }
export DISPLAY=":$n"

declare -A times=([bundle]="" [source]="")
for i in $(seq "$RUNS"); do
    for variant in bundle source; do
        if [ "$variant" = bundle ]; then exec_line="\"$BUNDLE_EXE\" %F"; else exec_line="\"$PYTHON\" -m agent_editor %F"; fi
        out="$(bash packaging/gui-test.sh --no-edit --quiet --display "$DISPLAY" --exec "$exec_line" "$SEED")"
        t="$(echo "$out" | sed -n 's/.*window after \([0-9.]*\) s.*/\1/p')"
        [ -n "$t" ] || { echo "$out" >&2; exit 1; }
        [ "$i" -eq 1 ] || times[$variant]="${times[$variant]} $t"
        printf '  run %d %-6s %s s\n' "$i" "$variant" "$t"
    done
done

stats() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1; s += $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median %.2f s, mean %.2f s, min %.2f s, max %.2f s (%d runs)", m, s / NR, v[1], v[NR], NR }'; }
echo
echo "Time to the window with $(basename "$SEED") open:"
echo "  bundle (dist/agent-editor):        $(echo "${times[bundle]}" | stats)"
echo "  source ($(basename "$PYTHON") -m agent_editor): $(echo "${times[source]}" | stats)"

if command -v hyperfine >/dev/null; then
    echo
    echo "Whole run, quitting once the window is up (hyperfine):"
    work="$(mktemp -d)"
    cp "$SEED" "$work/seed.md"
    mkdir -p "$work/home"
    HOME="$work/home" AGENT_EDITOR_QUIT_AFTER_MS=1 hyperfine --warmup 1 --runs "$RUNS" --style basic \
        -n bundle "\"$BUNDLE_EXE\" \"$work/seed.md\"" \
        -n source "\"$PYTHON\" -m agent_editor \"$work/seed.md\"" 2>&1 | grep -vE '^\s*$'
    rm -rf "$work"
fi
