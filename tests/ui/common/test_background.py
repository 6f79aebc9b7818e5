"""The store lanes let go of a job on the GUI thread: a page, model or dialog that a job's
closure holds last is destroyed there, never on the lane's thread (a Qt object with timers
destroyed on another thread warns "Timers cannot be stopped from another thread" and may
crash the program)."""

from __future__ import annotations

import gc
import threading

import pytest
from PySide6.QtCore import QObject, Qt, QTimer

from app.ui.common.background import StoreWorker
from tests.ui.lane_helpers import wait_for


class _Holder(QObject):
    """A Qt object with a running timer, like a page's debounce."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.start(60_000)


def _job_holding(fails: bool, died_on: list[str]):  # type: ignore[no-untyped-def]
    """A job whose closure alone holds a Qt object with a timer (no one else keeps either)."""
    holder = _Holder()
    holder.destroyed.connect(
        lambda *_: died_on.append(threading.current_thread().name), Qt.ConnectionType.DirectConnection
    )

    def job(kept: _Holder = holder) -> str:
        if fails:
            raise ValueError("the store said no")
        return type(kept).__name__

    return job


@pytest.mark.parametrize("fails", [False, True])
def test_an_object_only_a_job_holds_dies_on_the_gui_thread(qtbot, fails: bool) -> None:  # type: ignore[no-untyped-def]
    worker = StoreWorker()
    died_on: list[str] = []
    answered: list[object] = []
    worker.submit(_job_holding(fails, died_on), answered.append, answered.append)
    assert worker.wait(10_000)
    wait_for(lambda: answered)
    answered.clear()  # a failure's traceback holds the job's frame, and so the object
    gc.collect()
    wait_for(lambda: died_on)
    assert died_on == [threading.main_thread().name]
