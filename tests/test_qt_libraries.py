"""Qt's X11 libraries are checked before Qt starts (issue 18 item 6): the program says which
Debian packages are missing instead of Qt aborting, and the README's line installs them all."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import qt_libraries
from app.qt_libraries import XCB_LIBRARIES, missing_libraries_text, missing_qt_libraries, uses_xcb

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("environ", "xcb"),
    [
        ({}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "xcb:nograb"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, True),
    ],
)
def test_the_check_runs_only_where_qt_uses_x11(monkeypatch, environ: dict[str, str], xcb: bool) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(qt_libraries.sys, "platform", "linux")
    assert uses_xcb(environ) is xcb
    monkeypatch.setattr(qt_libraries.sys, "platform", "win32")
    assert uses_xcb(environ) is False


@pytest.mark.parametrize("absent", [set(), {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}, set(XCB_LIBRARIES)])
def test_missing_libraries_are_named_by_their_package(monkeypatch, absent: set[str]) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(qt_libraries.sys, "platform", "linux")
    monkeypatch.setattr(qt_libraries, "_loadable", lambda soname, _bundled: soname not in absent)
    missing = missing_qt_libraries({})
    assert missing == sorted({XCB_LIBRARIES[s] for s in absent})
    if missing:
        line = missing_libraries_text(missing).splitlines()[-1]
        assert line.split() == ["sudo", "apt-get", "install", *missing]


def test_the_readme_installs_every_library_qt_needs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"sudo apt-get install (.*?)\n```", readme, re.S)
    assert block is not None
    assert set(block.group(1).replace("\\", " ").split()) == set(XCB_LIBRARIES.values())


def test_the_check_alone_says_ok_or_the_line(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    done = subprocess.run(
        [sys.executable, "-m", "app.qt_libraries"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "xcb"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    expected = missing_qt_libraries({"QT_QPA_PLATFORM": "xcb"})
    assert done.returncode == (1 if expected else 0)
    assert ("apt-get install " + " ".join(expected) in done.stderr) if expected else done.stderr == ""
