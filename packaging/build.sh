#!/usr/bin/env bash
# Builds the desktop app for Linux, in one command, from a clean clone:
#
#     bash packaging/build.sh
#
#   dist/agent-editor/                         the one-folder bundle (PyInstaller)
#   dist/agent-editor_<version>_<arch>.deb     the Debian package
#
# What the build needs is installed first when missing: Debian packages with
# apt-get (as root, or through sudo), and PyInstaller plus this project into a
# build virtual environment (build/venv, created when missing; set BUILD_VENV to
# use another).  Made for Debian 12; other Debian-based systems should work.
#
# The bundle copies this machine's X and font libraries (PyInstaller collects
# what Qt links to), so they are installed before building.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

APP=agent-editor
APP_ID=io.github.agenteditor.AgentEditor
BUILD_VENV="${BUILD_VENV:-$ROOT/build/venv}"
MAX_BUNDLE_MB="${MAX_BUNDLE_MB:-120}"

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

VERSION="$(sed -n 's/^__version__ *= *["'\'']\([^"'\'']*\)["'\''].*/\1/p' agent_editor/__init__.py)"
[ -n "$VERSION" ] || die "cannot read __version__ from agent_editor/__init__.py"
command -v dpkg >/dev/null || die "needs a Debian-based system (dpkg)"
ARCH="$(dpkg --print-architecture)"
DEB="dist/${APP}_${VERSION}_${ARCH}.deb"
start_time=$(date +%s)

# ---------------------------------------------------------------- system packages
step "System packages"
# Libraries Qt's xcb, wayland and offscreen platform plugins link to (they are copied into the bundle).
qt_runtime="libegl1 libgl1 libx11-6 libx11-xcb1 libxcb1 libdbus-1-3 libfontconfig1 libfreetype6
  libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-randr0
  libwayland-client0 libwayland-cursor0 libwayland-egl1"
# Tools: strip/objdump/readelf (binutils), dpkg-deb and friends, the two validators.
build_tools="binutils dpkg-dev desktop-file-utils appstream"
APT_UPDATED=""
apt_install() {  # apt_install PACKAGE...: installs those not installed yet
    local pkg missing=""
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
    done
    [ -n "$missing" ] || return 0
    echo "Installing:$missing"
    local sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || die "not root and no sudo: install these first:$missing"
        sudo_cmd="sudo"
    fi
    [ -n "$APT_UPDATED" ] || { $sudo_cmd apt-get update -qq; APT_UPDATED=1; }
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

PYTHON="${PYTHON:-python3}"
python_pkgs=""
if [ ! -x "$BUILD_VENV/bin/python" ] && ! command -v "$PYTHON" >/dev/null; then
    [ "$PYTHON" = python3 ] || die "$PYTHON not found"
    apt_install python3 python3-venv
fi
if command -v "$PYTHON" >/dev/null; then
    py_exe="$(readlink -f "$(command -v "$PYTHON")")"
    if dpkg-query -S "$py_exe" >/dev/null 2>&1; then
        # Debian's own Python: venv needs python3-venv, PyInstaller needs the shared libpython.
        py_ver="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
        python_pkgs="python3-venv python${py_ver}-venv libpython${py_ver}"
    fi
fi
apt_install $qt_runtime $build_tools $python_pkgs
echo "System packages present."

# ---------------------------------------------------------------- build venv
step "Build environment ($BUILD_VENV)"
if [ ! -x "$BUILD_VENV/bin/python" ]; then
    "$PYTHON" -m venv "$BUILD_VENV"
fi
mkdir -p "$ROOT/build"
pip_log="$ROOT/build/pip.log"
: > "$pip_log"
pip_install() {
    "$BUILD_VENV/bin/python" -m pip install --disable-pip-version-check "$@" >>"$pip_log" 2>&1 \
        || { tail -n 40 "$pip_log" >&2; die "pip install $* failed (full log: build/pip.log)"; }
}
pip_install "pyinstaller>=6.0,<7"
# The project itself (and so its dependencies, PySide6 among them), as a user would get it.
pip_install "$ROOT"
"$BUILD_VENV/bin/python" -c 'import PyInstaller, PySide6; print("PyInstaller", PyInstaller.__version__, "- PySide6", PySide6.__version__)'

# ---------------------------------------------------------------- bundle
step "Bundle (PyInstaller)"
rm -rf "dist/$APP" "$DEB"
"$BUILD_VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/agent-editor.spec
bundle_version="$("dist/$APP/$APP" --version)"
[ "$bundle_version" = "$APP $VERSION" ] || die "bundle says '$bundle_version', expected '$APP $VERSION'"
bundle_mb=$(du -sm "dist/$APP" | cut -f1)
echo "dist/$APP: ${bundle_mb} MB, $("dist/$APP/$APP" --version)"
[ "$bundle_mb" -le "$MAX_BUNDLE_MB" ] || die "bundle is ${bundle_mb} MB, more than ${MAX_BUNDLE_MB} MB: check the spec's trimming"

# ---------------------------------------------------------------- desktop metadata
step "Desktop entry and AppStream metadata"
desktop-file-validate resources/agent-editor.desktop
grep -q "<release version=\"$VERSION\"" resources/agent-editor.metainfo.xml \
    || die "resources/agent-editor.metainfo.xml has no <release version=\"$VERSION\">: add one"
appstreamcli validate --no-net resources/agent-editor.metainfo.xml

# ---------------------------------------------------------------- Debian package
step "Debian package"
STAGE="build/deb/root"
rm -rf build/deb
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/metainfo" "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/doc/$APP"
cp -a "dist/$APP" "$STAGE/opt/$APP"
ln -s "/opt/$APP/$APP" "$STAGE/usr/bin/$APP"
install -m 644 resources/agent-editor.desktop "$STAGE/usr/share/applications/$APP.desktop"
install -m 644 resources/agent-editor.metainfo.xml "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
install -m 644 resources/icons/agent-editor.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP.svg"
for size in 16 24 32 48 64 128 256 512; do
    png="resources/icons/hicolor/${size}x${size}/apps/$APP.png"
    [ -f "$png" ] || die "missing $png (run: QT_QPA_PLATFORM=offscreen python packaging/render-icons.py)"
    install -D -m 644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/$APP.png"
done
cat > "$STAGE/usr/share/doc/$APP/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: agent-editor
Comment: The program is licensed under the MIT license.  The folder /opt/agent-editor
 also holds Python, Qt (LGPL-3.0, through PySide6), PyYAML, Markdown and
 python-frontmatter, and shared libraries copied from Debian, each under its
 own license.

Files: *
Copyright: Agent Editor contributors
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy
 of this software and associated documentation files (the "Software"), to deal
 in the Software without restriction, including without limitation the rights
 to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 copies of the Software, and to permit persons to whom the Software is
 furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in all
 copies or substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
 OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
 SOFTWARE.
EOF
# Modes as Debian expects, whatever the umask and the checkout did.
chmod -R u=rwX,go=rX "$STAGE"

# What the bundle's ELF files link to, mapped to the Debian packages that provide it.
echo "Working out Depends from the bundle's shared libraries..."
depends="$("$BUILD_VENV/bin/python" packaging/deb-depends.py "dist/$APP" 2>build/deb/depends-report.txt)" \
    || { cat build/deb/depends-report.txt >&2; die "could not work out Depends"; }
installed_kb=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: $APP
Version: $VERSION
Architecture: $ARCH
Maintainer: ${DEB_MAINTAINER:-Agent Editor maintainers <maintainers@agent-editor.invalid>}
Installed-Size: $installed_kb
Section: editors
Priority: optional
Depends: $depends
Recommends: hicolor-icon-theme
Description: editor for Claude Code agent definition files
 Agent Editor is a desktop app for writing the agents Claude Code uses: the
 Markdown files with a YAML header that live in .claude/agents.  It gives the
 header a form, the body a Markdown editor with a live preview, explains
 problems in plain words with one-click fixes, and writes back only what was
 changed.
 .
 The command line offers "agent-editor check PATH..." to validate files.
 .
 This package holds a self-contained build (Python and Qt included) in
 /opt/agent-editor.
EOF
chmod 644 "$STAGE/DEBIAN/control"
echo "Depends: $depends"

# The installed tree must hang together: desktop entry, metainfo, icon.
desktop-file-validate "$STAGE/usr/share/applications/$APP.desktop"
appstreamcli validate-tree --no-net "$STAGE"

mkdir -p dist
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
deb_mb=$(du -m "$DEB" | cut -f1)

# ---------------------------------------------------------------- summary
step "Done in $(( $(date +%s) - start_time )) s"
echo "dist/$APP/         ${bundle_mb} MB (one-folder bundle; run dist/$APP/$APP)"
echo "$DEB   ${deb_mb} MB (install: sudo apt-get install ./$DEB)"
