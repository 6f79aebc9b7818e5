"""Cycles are collected on the GUI thread only (app/ui/common/main_thread_gc.py): a closed
dialog or model caught in a reference cycle is never destroyed on a store lane's thread,
where Qt may crash. Left automatic, Python collects on whichever thread allocates."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QTimer

from app.ui import app as gui
from app.ui.common import a11y, screen_fit
from app.ui.common.main_thread_gc import MainThreadCollector, collect_due, due_generation
from tests.ui.lane_helpers import wait_for


class _Page(QObject):
    """A Qt object with a running timer, caught in a cycle (as a closed page often is)."""

    def __init__(self, died_on: list[str]) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.start(60_000)
        self.myself = self  # the cycle: only the collector frees it
        self.destroyed.connect(
            lambda *_: died_on.append(threading.current_thread().name), Qt.ConnectionType.DirectConnection
        )


def _drop_a_page_in_a_cycle(died_on: list[str]) -> None:
    _Page(died_on)


def _allocate_on_a_worker(rounds: int) -> None:
    """A lane's job that reads ``rounds`` rows as small containers and keeps them."""

    def job() -> None:
        rows = [[index] for index in range(rounds)]
        del rows

    worker = threading.Thread(target=job, name="store-lane")
    worker.start()
    worker.join()


@pytest.fixture
def automatic_collection() -> Iterator[None]:
    """Python's own behaviour, for the test that shows the fault (the suite runs without it)."""
    gc.enable()
    try:
        yield
    finally:
        gc.disable()


class _Plain:
    """A plain Python object in a cycle that notes the thread it is freed on (the fault is
    shown without Qt: freeing a Qt object on the wrong thread may crash the test run)."""

    def __init__(self, died_on: list[str]) -> None:
        self.died_on = died_on
        self.myself = self

    def __del__(self) -> None:
        self.died_on.append(threading.current_thread().name)


@pytest.mark.usefixtures("automatic_collection")
def test_left_automatic_python_frees_a_cycle_on_the_worker_thread() -> None:
    gc.collect()
    died_on: list[str] = []
    _Plain(died_on)
    _allocate_on_a_worker(200_000)
    assert died_on == ["store-lane"], "the fault this module guards against did not appear"


@pytest.mark.parametrize("rounds", [1_000, 50_000, 300_000])
def test_with_the_collector_a_qt_cycle_dies_on_the_gui_thread(qtbot, rounds: int) -> None:  # type: ignore[no-untyped-def]
    gc.collect()
    collector = MainThreadCollector(interval_ms=20)
    try:
        assert not gc.isenabled()
        died_on: list[str] = []
        _drop_a_page_in_a_cycle(died_on)
        _allocate_on_a_worker(rounds)
        assert died_on == [], "freed on the worker thread"
        # The collector's timer frees it once collection is due; a full collection in any case.
        qtbot.wait(60)
        gc.collect()
        wait_for(lambda: died_on)
        assert died_on == [threading.main_thread().name]
    finally:
        collector.deleteLater()


def test_the_timer_collects_what_automatic_collection_would(qtbot) -> None:  # type: ignore[no-untyped-def]
    gc.collect()
    collector = MainThreadCollector(interval_ms=20)
    try:
        died_on: list[str] = []
        _drop_a_page_in_a_cycle(died_on)
        # Enough new containers that a young collection is due: the timer does it, unasked.
        kept = [[index] for index in range(gc.get_threshold()[0] * 3)]
        assert due_generation() is not None
        wait_for(lambda: died_on)
        assert died_on == [threading.main_thread().name]
        assert due_generation() is None
        del kept
    finally:
        collector.deleteLater()


def test_nothing_is_collected_when_nothing_is_due() -> None:
    gc.collect()
    assert due_generation() is None
    assert collect_due() == 0


@pytest.mark.parametrize("generation", [0, 1, 2])
def test_the_due_generation_follows_the_thresholds(generation: int) -> None:
    old = gc.get_threshold()
    try:
        gc.collect()
        # Thresholds the counts pass at every generation up to the one wanted.
        young = 5
        thresholds = [young, 0, 0]
        for older in (1, 2):
            thresholds[older] = 1_000_000 if older > generation else 0
        gc.set_threshold(*thresholds)
        kept = [[index] for index in range(young * 4)]
        assert due_generation() == generation
        collect_due()
        assert gc.get_count()[0] <= young
        del kept
    finally:
        gc.set_threshold(*old)


def test_the_program_installs_it(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # The other app-wide filters stay out of this test session's application.
    monkeypatch.setattr(a11y, "install", lambda _app: None)
    monkeypatch.setattr(screen_fit, "install", lambda _app: None)
    gc.enable()
    assert gui.create_application([]) is qapp
    collectors = qapp.findChildren(MainThreadCollector)
    try:
        assert len(collectors) == 1
        assert not gc.isenabled()
    finally:
        for collector in collectors:
            collector.setParent(None)
            collector.deleteLater()
        gc.disable()
