#!/usr/bin/env bash
# Installs the .deb on a fresh Debian 12 the way a new user would, and uses the app there.
# Not for CI: it needs root and a Debian mirror, and takes several minutes.
#
#     sudo bash packaging/clean-install-test.sh [CHROOT_DIR] [SEEDS_FOLDER]
#
#   CHROOT_DIR     default build/clean-install/bookworm (created with debootstrap when
#                  missing; when it exists, a previous install of the app is purged first)
#   SEEDS_FOLDER   default ../shared/seeds from the repository root
#   MIRROR=URL     Debian mirror for debootstrap (default: the first Debian mirror in this
#                  machine's apt sources)
#   NO_RECOMMENDS=1  install with --no-install-recommends: proves Depends alone suffice
#
# 1. debootstrap --variant=minbase bookworm: the smallest Debian 12 (no X, no fonts)
# 2. apt-get install ./dist/agent-editor_<version>_<arch>.deb in it: Depends must pull
#    in everything the app needs
# 3. as a new user "tester": agent-editor --version; agent-editor check on the seeds
# 4. start the app with the Exec line of the installed desktop entry on a virtual screen,
#    open a seed, type a line, save with Ctrl+S, check the file, quit with Ctrl+Q
#    (packaging/gui-test.sh; Xvfb and xdotool run outside the chroot so they add
#    nothing to it)
#
# Prints what apt installed, sizes and the results; the whole output also goes to
# build/clean-install/last-run.log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CHROOT="${1:-$ROOT/build/clean-install/bookworm}"
SEEDS="${2:-$ROOT/../shared/seeds}"
SUITE=bookworm
APP=agent-editor
TEST_USER=tester

die() { echo "clean-install-test: $*" >&2; exit 1; }
step() { printf '\n==> %s\n' "$*"; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap and chroot need it)"
VERSION="$(sed -n 's/^__version__ *= *["'\'']\([^"'\'']*\)["'\''].*/\1/p' agent_editor/__init__.py)"
ARCH="$(dpkg --print-architecture)"
DEB="$ROOT/dist/${APP}_${VERSION}_${ARCH}.deb"
[ -f "$DEB" ] || die "$DEB is missing: run packaging/build.sh first"
[ -d "$SEEDS" ] || die "no seeds folder $SEEDS"
SEEDS="$(cd "$SEEDS" && pwd)"

mkdir -p "$ROOT/build/clean-install"
exec > >(tee "$ROOT/build/clean-install/last-run.log") 2>&1
t_start=$(date +%s)

if [ -z "${MIRROR:-}" ]; then
    MIRROR="$(grep -rhoE '^(URIs:|deb)\s+https?://\S+/debian/?(\s|$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
        | grep -oE 'https?://\S+' | head -n 1 || true)"
    [ -n "$MIRROR" ] || { echo "No Debian mirror in /etc/apt/sources*: set MIRROR=URL" >&2; exit 2; }
fi

step "Host tools"
missing=""
for pkg in debootstrap xvfb xauth xdotool; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
echo "ok"

in_chroot() { chroot "$CHROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root \
    DEBIAN_FRONTEND=noninteractive "$@"; }
as_user() { chroot "$CHROOT" runuser -u "$TEST_USER" -- env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
    HOME="/home/$TEST_USER" USER="$TEST_USER" sh -c "cd && $1"; }
chroot_mb() { du -sm --exclude=./proc -x "$CHROOT" | cut -f1; }

# ---------------------------------------------------------------- 1. a fresh Debian 12
if [ ! -x "$CHROOT/usr/bin/apt-get" ]; then
    step "1. debootstrap --variant=minbase $SUITE $CHROOT $MIRROR"
    t=$(date +%s)
    debootstrap --variant=minbase "$SUITE" "$CHROOT" "$MIRROR" > "$ROOT/build/clean-install/debootstrap.log" 2>&1 \
        || { tail -n 20 "$ROOT/build/clean-install/debootstrap.log"; die "debootstrap failed"; }
    echo "debootstrap took $(( $(date +%s) - t )) s"
else
    step "1. Reusing $CHROOT (purging any earlier install of the app)"
fi

mount -t proc proc "$CHROOT/proc"
mkdir -p "$CHROOT/dev/pts"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$CHROOT/dev/pts" 2>/dev/null || true
cleanup() {
    for m in dev/pts proc; do
        mountpoint -q "$CHROOT/$m" && { umount "$CHROOT/$m" 2>/dev/null || umount -l "$CHROOT/$m"; }
    done
    return 0
}
trap cleanup EXIT
[ -f /etc/resolv.conf ] && cp -L /etc/resolv.conf "$CHROOT/etc/resolv.conf"

if in_chroot dpkg-query -W "$APP" >/dev/null 2>&1; then
    in_chroot apt-get purge -y -qq "$APP" >/dev/null
fi
in_chroot apt-get autoremove --purge -y -qq >/dev/null
in_chroot apt-get update -qq
in_chroot apt-get clean
base_pkgs=$(in_chroot dpkg-query -W -f='${Status}\n' | grep -c "install ok installed")
base_mb=$(chroot_mb)
echo "Fresh system: $base_pkgs packages, $base_mb MB"

# ---------------------------------------------------------------- 2. install the .deb
APT_OPTS=""
[ -z "${NO_RECOMMENDS:-}" ] || APT_OPTS="--no-install-recommends"
step "2. apt-get install $APT_OPTS ./$(basename "$DEB")"
cp "$DEB" "$CHROOT/tmp/"
t=$(date +%s)
in_chroot apt-get install -y $APT_OPTS "/tmp/$(basename "$DEB")" | tee "$ROOT/build/clean-install/apt-install.log" \
    | sed -n '/NEW packages will be installed/,/^[0-9]* upgraded/p; /^Need to get/p; /^After this operation/p'
echo "apt-get install took $(( $(date +%s) - t )) s"
in_chroot apt-get clean   # sizes below without the downloaded archives
after_pkgs=$(in_chroot dpkg-query -W -f='${Status}\n' | grep -c "install ok installed")
after_mb=$(chroot_mb)
echo "After install: $after_pkgs packages (+$((after_pkgs - base_pkgs))), $after_mb MB (+$((after_mb - base_mb)) MB)"
rm -f "$CHROOT/tmp/$(basename "$DEB")"

# ---------------------------------------------------------------- 3. command line as a new user
step "3. Command line as user $TEST_USER"
in_chroot id "$TEST_USER" >/dev/null 2>&1 || in_chroot useradd -m -s /bin/bash "$TEST_USER"
rm -rf "$CHROOT/home/$TEST_USER/seeds"
mkdir -p "$CHROOT/home/$TEST_USER/seeds"
find "$SEEDS" -maxdepth 1 -type f \( -name '*.md' -o -name '*.txt' \) ! -iname 'README*' -exec cp {} "$CHROOT/home/$TEST_USER/seeds/" \;
in_chroot chown -R "$TEST_USER:" "/home/$TEST_USER/seeds"
ls -l "$CHROOT/usr/bin/$APP"
version_out="$(as_user "$APP --version")"
echo "$version_out"
[ "$version_out" = "$APP $VERSION" ] || die "--version printed '$version_out'"
set +e
check_out="$(as_user "$APP check seeds/* 2>&1")"; check_rc=$?
set -e
echo "$check_out" | tail -n 3
echo "check exit code: $check_rc"
if echo "$check_out" | grep -q Traceback || [ "$check_rc" -gt 1 ]; then die "check crashed"; fi

# ---------------------------------------------------------------- 4. the desktop entry, a window, a save
step "4. Desktop entry: open a seed, edit, save, quit"
desktop="$CHROOT/usr/share/applications/$APP.desktop"
[ -f "$desktop" ] || die "no $desktop"
EXEC_LINE="$(sed -n 's/^Exec=//p' "$desktop" | head -n 1)"
ICON="$(sed -n 's/^Icon=//p' "$desktop" | head -n 1)"
echo "Exec=$EXEC_LINE   Icon=$ICON"
ls "$CHROOT/usr/share/icons/hicolor/"*/apps/"$ICON".* | sed "s|^$CHROOT||"
SEED="$(find "$SEEDS" -maxdepth 1 -type f \( -name '*.md' -o -name '*.txt' \) ! -iname 'README*' | sort | head -n 1)"
bash "$ROOT/packaging/gui-test.sh" --chroot "$CHROOT" --user "$TEST_USER" --exec "$EXEC_LINE" "$SEED"

step "Done in $(( $(date +%s) - t_start )) s: installed with $((after_pkgs - base_pkgs)) packages (+$((after_mb - base_mb)) MB), command line and window work"
