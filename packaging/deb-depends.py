"""Works out a Debian Depends line for a PyInstaller bundle, from the files themselves.

    python3 packaging/deb-depends.py dist/agent-editor

Every ELF file in the bundle is read for the shared libraries it links to
(readelf's NEEDED entries).  Libraries found in the bundle itself that come from
Qt or Python (Qt6*, ICU, PySide6, shiboken6, libpython) are ignored.  Every other
library -- whether PyInstaller copied it into the bundle or left it to the system
(libc, libGL, libEGL, libxcb, libwayland-*) -- is looked up on this machine
(ldconfig) and mapped to the Debian package that owns it (dpkg's file lists).  The bundled
copies are used first at run time, but the packages also bring the data those
libraries read (fontconfig's configuration and a font, xkb-data, the D-Bus
setup), and they make the list complete should a library not be bundled.

libc6 gets a minimum version: the newest GLIBC_x.y symbol version any file needs.

Prints the Depends value on stdout and a per-library report on stderr.  Exits 1
when a library that is not in the bundle cannot be found on this machine (the
bundle could not run here either, so the build is broken).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

# Bundled libraries that come with the Python wheels or with Python itself, not from Debian packages.
BUNDLED_OWN = re.compile(r"^(libQt6|libicu|libpyside6|libshiboken6|libpython3)")


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def glibc_versions(path: Path) -> set[tuple[int, ...]]:
    out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
    return {tuple(int(x) for x in v.split(".")) for v in re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)\b", out)}


def ldconfig_paths() -> dict[str, list[str]]:
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    paths: dict[str, list[str]] = {}
    machine = os.uname().machine
    want = {"x86_64": "x86-64", "aarch64": "AArch64"}.get(machine)
    for line in out.splitlines():
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if not match:
            continue
        soname, flags, path = match.groups()
        if want and want not in flags and machine in ("x86_64", "aarch64"):
            continue  # a 32-bit or foreign-architecture copy
        paths.setdefault(soname, []).append(path)
    return paths


def dpkg_owners() -> dict[str, str]:
    """Path -> package, for every file dpkg installed (read once; far faster than dpkg -S per file)."""
    info = Path("/var/lib/dpkg/info")
    owners: dict[str, str] = {}
    for listing in info.glob("*.list"):
        package = listing.name[: -len(".list")].split(":", 1)[0]
        for line in listing.read_text(encoding="utf-8", errors="replace").splitlines():
            owners.setdefault(line, package)
    return owners


def owner(path: str, owners: dict[str, str]) -> str | None:
    real = os.path.realpath(path)
    candidates = [path, real]
    for p in list(candidates):  # merged /usr: packages may list either spelling
        candidates.append(p[4:] if p.startswith("/usr/") else "/usr" + p)
    for candidate in candidates:
        if candidate in owners:
            return owners[candidate]
    return None


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    bundle = Path(argv[1])
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    names_in_bundle = {p.name for p in bundle.rglob("*")}
    wanted: dict[str, bool] = {}  # soname -> bundled?
    glibc: set[tuple[int, ...]] = set()
    for path in files:
        glibc |= glibc_versions(path)
        for soname in needed(path):
            wanted[soname] = soname in names_in_bundle
    # Bundled copies of system libraries (their own NEEDED entries are covered above).
    for name in names_in_bundle:
        if name.startswith("lib") and ".so." in name and name not in wanted:
            wanted[name] = True

    where = ldconfig_paths()
    owners = dpkg_owners()
    packages: dict[str, list[str]] = {}
    missing = []
    for soname in sorted(wanted):
        if BUNDLED_OWN.match(soname):
            continue
        bundled = wanted[soname]
        paths = where.get(soname, [])
        package = next((pkg for pkg in (owner(p, owners) for p in paths) if pkg), None)
        if package is None:
            if bundled:
                print(f"  {soname:32} bundled, no Debian package here (left out)", file=sys.stderr)
            else:
                missing.append(soname)
                print(f"  {soname:32} NOT FOUND on this machine", file=sys.stderr)
            continue
        packages.setdefault(package, []).append(soname)
        print(f"  {soname:32} {'bundled' if bundled else 'system '}  {package}", file=sys.stderr)
    if missing:
        print(f"deb-depends: libraries needed but neither bundled nor installed: {' '.join(missing)}", file=sys.stderr)
        return 1

    depends = []
    for package in sorted(packages):
        if package == "libc6" and glibc:
            depends.append(f"libc6 (>= {'.'.join(map(str, max(glibc)))})")
        else:
            depends.append(package)
    print(", ".join(depends))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
