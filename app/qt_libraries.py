"""The Linux system libraries Qt's X11 (xcb) platform needs, checked before Qt starts.

Without them Qt prints "no Qt platform plugin could be initialized" and aborts the process,
which looked like a crash at the next start. The program (and ``make run``) checks first and
prints the one ``apt-get install`` line that fixes it (README, docs/it-guide.md).
``python -m app.qt_libraries`` runs the check alone: exit 0, or 1 with the line.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

# What Qt 6's xcb platform plugin and its libraries load, by soname, with the Debian/Ubuntu
# package that has it (read with readelf from PySide6's libqxcb.so and libQt6XcbQpa.so.6).
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def uses_xcb(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will start on X11 here (Linux, and no other platform asked for)."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":", 1)[0].split(";", 1)[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def _bundled() -> set[str]:
    """The libraries a frozen program carries itself."""
    folder = getattr(sys, "_MEIPASS", None)
    return {path.name for path in Path(folder).rglob("*.so*")} if folder else set()


def _loadable(soname: str, bundled: set[str]) -> bool:
    if soname in bundled:
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_qt_libraries(environ: dict[str, str] | os._Environ[str] = os.environ) -> list[str]:
    """The Debian packages of the libraries Qt would miss here (none where Qt will not use X11)."""
    if not uses_xcb(environ):
        return []
    bundled = _bundled()
    return sorted({package for soname, package in XCB_LIBRARIES.items() if not _loadable(soname, bundled)})


NO_DISPLAY_TEXT = (
    "koordinator: the window cannot open: there is no display (DISPLAY is not set). Start it "
    "in a desktop session; the commands (koordinator --help) need none."
)


def missing_libraries_text(packages: list[str]) -> str:
    return (
        "koordinator: the window cannot open: this computer lacks system libraries that Qt "
        "needs to show windows on X11. Install them with:\n"
        f"  sudo apt-get install {' '.join(packages)}"
    )


def main() -> int:
    missing = missing_qt_libraries()
    if missing:
        print(missing_libraries_text(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
