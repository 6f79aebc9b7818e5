"""Install the .deb, run the installed program, remove it (issue 18 item 4).

    python packaging/linux/test_deb.py dist/koordinator_VERSION_ARCH.deb

Needs root (dpkg). The X11 libraries the package depends on are apt's to install; where this
machine lacks some (a server without a desktop), the package is installed with
--force-depends and the window is tried offscreen, which needs none of them. After
``dpkg -r`` nothing of the program is left.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
INSTALLED = Path("/opt/koordinator")
LINKS = (Path("/usr/bin/koordinator"), Path("/usr/bin/koordinator-admin"))
MENU = Path("/usr/share/applications/koordinator.desktop")


def dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["dpkg", *args], capture_output=True, text=True, check=False)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if os.geteuid() != 0:
        print("test_deb: dpkg needs root; run it as root (CI does)", file=sys.stderr)
        return 2
    deb = Path(argv[1]).resolve()
    failures: list[str] = []
    if dpkg("-s", "koordinator").returncode == 0:
        print("test_deb: a koordinator package is installed already; remove it first", file=sys.stderr)
        return 2
    installed = dpkg("-i", "--force-depends", str(deb))
    try:
        if installed.returncode != 0:
            failures.append(f"dpkg -i: {installed.stderr.strip()[-500:]}")
        for path in (INSTALLED / "koordinator", INSTALLED / "koordinator-admin", *LINKS, MENU):
            if not path.exists():
                failures.append(f"not installed: {path}")
        version = subprocess.run(["/usr/bin/koordinator-admin", "--version"], capture_output=True, text=True)
        if not version.stdout.startswith("koordinator "):
            failures.append(f"/usr/bin/koordinator-admin --version: {version.stdout!r} {version.stderr!r}")
        smoke = subprocess.run(
            [sys.executable, str(HERE.parent / "smoke_test.py"), str(INSTALLED)], text=True
        )
        if smoke.returncode != 0:
            failures.append("the smoke test of the installed program failed (above)")
    finally:
        removed = dpkg("-r", "koordinator")
        if removed.returncode != 0:
            failures.append(f"dpkg -r: {removed.stderr.strip()[-500:]}")
    left = [str(p) for p in (INSTALLED, *LINKS, MENU) if p.exists() or p.is_symlink()]
    if left:
        failures.append(f"left after dpkg -r: {left}")
    for failure in failures:
        print(f"FAILED: {failure}")
    print("the .deb: " + ("OK" if not failures else f"{len(failures)} failed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
