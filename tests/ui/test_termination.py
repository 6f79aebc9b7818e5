"""The window closes as the caseworker would close it when the system asks the program to end
(SIGTERM at a logout or shutdown), and a start that cannot show a window says why and leaves
no crash to report (issue 18)."""

from __future__ import annotations

import os
import signal
import sys

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from app.ui import app as gui
from app.ui.termination import Termination

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_termination_signal_closes_the_window_and_quits(
    qtbot, qapp: QApplication, monkeypatch, number
) -> None:  # type: ignore[no-untyped-def]
    quits: list[bool] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(True)))
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    before = signal.getsignal(number)
    termination = Termination(qapp, window)
    try:
        os.kill(os.getpid(), number)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
        assert quits == [True]
    finally:
        termination.restore()
    assert signal.getsignal(number) == before


def test_a_start_without_qts_libraries_says_which_and_claims_no_crash(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    faults: list[bool] = []
    monkeypatch.setattr(gui, "missing_qt_libraries", lambda: ["libxcb-icccm4", "libxcb-keysyms1"])
    monkeypatch.setattr(gui, "enable_fault_handler", lambda: faults.append(True))
    monkeypatch.setattr(gui, "setup_logging", lambda **_kw: None)
    monkeypatch.setattr(gui, "create_application", lambda _argv: pytest.fail("Qt must not start"))
    assert gui.start_gui(None, "da") == gui.EXIT_NO_WINDOW
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in capsys.readouterr().err
    assert faults == []  # nothing was armed that could call this a crash next time


def test_a_start_without_a_display_says_so(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(gui, "missing_qt_libraries", lambda: [])
    monkeypatch.setattr(gui, "uses_xcb", lambda: True)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.setattr(gui, "setup_logging", lambda **_kw: None)
    monkeypatch.setattr(gui, "create_application", lambda _argv: pytest.fail("Qt must not start"))
    assert gui.start_gui(None, "da") == gui.EXIT_NO_WINDOW
    assert "no display" in capsys.readouterr().err
