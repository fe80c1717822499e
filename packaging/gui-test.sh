#!/usr/bin/env bash
# Opens an agent file in the real app on a virtual screen, edits and saves it, quits.
#
#     bash packaging/gui-test.sh [options] SEED_FILE
#
#   --exec "CMD %F"   how to start the app, as in a desktop entry's Exec line
#                     (%F/%f/%U/%u become the file); default "agent-editor %F"
#   --display :N      use this X display instead of starting an Xvfb
#   --no-edit         only open and quit (no typing, no saving)
#   --timeout S       seconds to wait for the window (default 60)
#   --quiet           print only the result line
#   --chroot DIR      start the app inside this chroot (the X server and xdotool run
#   --user NAME       outside; X clients reach the display through its abstract socket),
#                     as this user, with that user's own home and a clean environment
#
# The seed is copied to a temporary folder as NAME.md (NAME = its file name
# without extension), with a temporary HOME (except with --chroot/--user), so
# nothing of the user's is touched.
# Steps: wait for a visible window whose title contains NAME.md; click into the
# Markdown editor, go to the end, type a line, wait for the title's "*"
# (modified), press Ctrl+S, wait for the "*" to go and the line to be in the file;
# press Ctrl+Q and expect exit code 0.  Prints "window after X s" (from start to
# the window with the file open) and exits non-zero on any failure.
#
# Needs: Xvfb (xvfb), xdotool; keys and clicks go through XTEST, which Qt accepts
# (events sent to a window with `xdotool key --window` are ignored by Qt).
set -uo pipefail

EXEC="agent-editor %F"
DISPLAY_ARG=""
EDIT=1
TIMEOUT=60
QUIET=0
CHROOT=""
RUN_USER=""
while [ $# -gt 0 ]; do
    case "$1" in
        --exec) EXEC="$2"; shift 2 ;;
        --display) DISPLAY_ARG="$2"; shift 2 ;;
        --no-edit) EDIT=0; shift ;;
        --timeout) TIMEOUT="$2"; shift 2 ;;
        --quiet) QUIET=1; shift ;;
        --chroot) CHROOT="$(cd "$2" && pwd)"; shift 2 ;;
        --user) RUN_USER="$2"; shift 2 ;;
        -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
        *) break ;;
    esac
done
[ $# -eq 1 ] || { echo "usage: gui-test.sh [options] SEED_FILE" >&2; exit 2; }
SEED="$1"
[ -f "$SEED" ] || { echo "gui-test: no such file: $SEED" >&2; exit 2; }

say() { [ "$QUIET" -eq 1 ] || echo "  $*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

if [ -n "$CHROOT" ]; then
    [ -n "$RUN_USER" ] || { echo "gui-test: --chroot needs --user" >&2; exit 2; }
    WORK="$(mktemp -d "$CHROOT/tmp/agent-editor-gui.XXXXXX")"
    INNER="${WORK#"$CHROOT"}"           # the same folder as the app inside the chroot sees it
else
    WORK="$(mktemp -d /tmp/agent-editor-gui.XXXXXX)"
    INNER="$WORK"
fi
NAME="$(basename "$SEED")"
NAME="${NAME%.*}.md"
FILE="$WORK/$NAME"
cp "$SEED" "$FILE"
chmod u+w "$FILE"
if [ -n "$CHROOT" ]; then
    ids="$(chroot "$CHROOT" id -u "$RUN_USER"):$(chroot "$CHROOT" id -g "$RUN_USER")" \
        || { echo "gui-test: no user $RUN_USER in $CHROOT" >&2; exit 2; }
    chown -R "$ids" "$WORK"
else
    mkdir -p "$WORK/home"
fi

XVFB_PID=""
APP_PID=""
cleanup() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID" 2>/dev/null; fi
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "gui-test: FAIL: $*" >&2
    if [ -s "$WORK/app.log" ]; then
        echo "---- app output ----" >&2
        tail -n 40 "$WORK/app.log" >&2
    fi
    exit 1
}

# ---- display
if [ -n "$DISPLAY_ARG" ]; then
    export DISPLAY="$DISPLAY_ARG"
else
    # A free display number from 71 up.  Another program may take the same number at the
    # same moment, so the display counts as ours only once its lock file holds our Xvfb's pid.
    n=71
    while [ -z "$XVFB_PID" ]; do
        [ "$n" -le 200 ] || fail "no free X display between :71 and :200"
        if [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; then n=$((n + 1)); continue; fi
        Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp -noreset >"$WORK/xvfb.log" 2>&1 &
        pid=$!
        for _ in $(seq 200); do
            kill -0 "$pid" 2>/dev/null || break  # lost the race for this number
            if [ -S "/tmp/.X11-unix/X$n" ] && [ "$(tr -d ' \n' < "/tmp/.X$n-lock" 2>/dev/null)" = "$pid" ]; then
                XVFB_PID=$pid
                break
            fi
            sleep 0.05
        done
        if [ -z "$XVFB_PID" ]; then
            kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
            n=$((n + 1))
        fi
    done
    export DISPLAY=":$n"
fi

# ---- start the app as the desktop entry would
cmd="${EXEC//%F/\"$INNER/$NAME\"}"
cmd="${cmd//%f/\"$INNER/$NAME\"}"
cmd="${cmd//%U/\"$INNER/$NAME\"}"
cmd="${cmd//%u/\"$INNER/$NAME\"}"
t0=$(now)
# exec: the shell becomes the app, so APP_PID is the app's own process (or chroot's, which
# passes the app's exit code on) and its exit code ours to read.
if [ -n "$CHROOT" ]; then
    say "start in $CHROOT as $RUN_USER: $cmd"
    chroot "$CHROOT" runuser -u "$RUN_USER" -- env -i HOME="/home/$RUN_USER" USER="$RUN_USER" \
        LOGNAME="$RUN_USER" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 DISPLAY="$DISPLAY" \
        sh -c "cd && exec $cmd" >"$WORK/app.log" 2>&1 &
else
    say "start: $cmd"
    (cd "$WORK" && HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share" \
        exec sh -c "exec $cmd") >"$WORK/app.log" 2>&1 &
fi
APP_PID=$!

# ---- wait for the window (polled every 20 ms: xdotool's own --sync waits in 0.5 s steps)
WIN=""
deadline=$(awk -v t="$t0" -v d="$TIMEOUT" 'BEGIN { printf "%.3f", t + d }')  # printf: print would round to 6 digits
while :; do
    WIN="$(xdotool search --onlyvisible --name "$NAME" 2>/dev/null | head -n 1)"
    [ -n "$WIN" ] && break
    kill -0 "$APP_PID" 2>/dev/null || { wait "$APP_PID"; fail "app exited (code $?) before its window showed"; }
    awk -v now="$(now)" -v d="$deadline" 'BEGIN { exit !(now > d) }' && fail "no window titled '$NAME' within $TIMEOUT s"
    sleep 0.02
done
t_window=$(now)
WINDOW_S=$(elapsed "$t0" "$t_window")
say "window after $WINDOW_S s: \"$(xdotool getwindowname "$WIN")\""

title_has_star() { xdotool getwindowname "$WIN" 2>/dev/null | grep -q "$NAME\*"; }
wait_for() {  # wait_for SECONDS COMMAND...
    local limit=$1; shift
    for _ in $(seq $((limit * 20))); do "$@" && return 0; sleep 0.05; done
    return 1
}

xdotool windowfocus --sync "$WIN" 2>/dev/null || true

# ---- edit and save
if [ "$EDIT" -eq 1 ]; then
    MARK="Saved by the Agent Editor install test $$."
    before="$(md5sum < "$FILE")"
    # The Markdown editor is the middle pane; click into it, go to the end, type.
    read -r w h < <(xdotool getwindowgeometry --shell "$WIN" | awk -F= '/^WIDTH/{w=$2} /^HEIGHT/{h=$2} END{print w, h}')
    xdotool mousemove --window "$WIN" $((w * 47 / 100)) $((h * 45 / 100)) click 1
    sleep 0.2
    xdotool key ctrl+End
    xdotool type --delay 5 "$MARK"
    wait_for 10 title_has_star || fail "typing did not modify the document (title: $(xdotool getwindowname "$WIN"))"
    say "edited: title \"$(xdotool getwindowname "$WIN")\""
    xdotool key ctrl+s
    saved() { ! title_has_star && grep -qF "$MARK" "$FILE"; }
    wait_for 10 saved || fail "Ctrl+S did not save (title: $(xdotool getwindowname "$WIN"))"
    [ "$(md5sum < "$FILE")" != "$before" ] || fail "file unchanged after saving"
    # Only the typed line may differ from the original.
    changed=$(diff "$SEED" "$FILE" | grep -c '^[<>]')
    say "saved: $FILE now ends with \"$(tail -c 60 "$FILE" | tr '\n' ' ')\" ($changed changed line(s))"
    [ "$changed" -le 2 ] || fail "saving changed $changed lines, expected only the typed one"
fi

# ---- quit with Ctrl+Q and read the exit code
xdotool windowfocus --sync "$WIN" 2>/dev/null || true
xdotool key ctrl+q
for _ in $(seq 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.05; done
if kill -0 "$APP_PID" 2>/dev/null; then
    fail "app still running 15 s after Ctrl+Q (a dialog open?)"
fi
wait "$APP_PID"
rc=$?
APP_PID=""
[ "$rc" -eq 0 ] || fail "app exited with code $rc after Ctrl+Q"
if grep -q "Traceback" "$WORK/app.log"; then fail "a Python traceback in the app's output"; fi
echo "gui-test: OK: window after ${WINDOW_S} s$([ "$EDIT" -eq 1 ] && echo ', edited and saved'), quit with exit code 0"
