"""Python's cycle collector, run on the GUI thread only.

Left automatic, the collector runs on whichever thread happens to allocate past its
threshold — often a store lane's worker. A cycle it frees there may hold the last reference
to a closed dialog or a model, whose Qt object is then destroyed off its own thread: Qt may
crash then, at a random later moment. So automatic collection is switched off and the same
thresholds are checked on the GUI thread, by a timer while the program runs (and by the
test suite after every test).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1_000


def due_generation() -> int | None:
    """The oldest generation automatic collection would collect now, or None."""
    counts = gc.get_count()
    thresholds = gc.get_threshold()
    if thresholds[0] == 0 or counts[0] <= thresholds[0]:
        return None
    generation = 0
    for older in (1, 2):
        # A younger collection adds one to the next generation's count: count it in.
        if counts[older] + 1 > thresholds[older]:
            generation = older
        else:
            break
    return generation


def collect_due() -> int:
    """Collect what automatic collection would have collected; the number freed."""
    generation = due_generation()
    return 0 if generation is None else gc.collect(generation)


class MainThreadCollector(QObject):
    """Switches automatic collection off and collects on this (the GUI) thread instead.
    Made once at start, parented to the application."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(collect_due)
        self._timer.start()


def install(app: QObject) -> MainThreadCollector:
    """Collect cycles on the GUI thread for the application's life."""
    return MainThreadCollector(app)
