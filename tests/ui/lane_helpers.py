"""Waiting for what a page or dialog handed to the store lanes (the answers come by signal)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QDialog


def wait_for(condition: Callable[[], object], timeout: float = 15.0) -> None:
    """Process events until ``condition()`` holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("waited in vain for the store lane's answer")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)


def ready(dialog: QDialog) -> QDialog:
    """Wait until the dialog has what it reads when it opens (choices, the law catalogue)."""
    wait_for(
        lambda: (
            getattr(dialog, "ready", True)
            and getattr(dialog, "professionals_read", True)
            and not getattr(dialog, "checking", False)
        )
    )
    return dialog


def save(dialog: QDialog) -> bool:
    """Save as the Save button does and wait for the lane's answer: True when stored (the dialog
    accepted), False when refused or not valid (the dialog stays open with the problems shown)."""
    if not dialog.try_save():  # type: ignore[attr-defined]
        return False
    wait_for(lambda: not dialog.saving)  # type: ignore[attr-defined]
    return dialog.result() == int(QDialog.DialogCode.Accepted)


def exec_saving(dialog: QDialog, fill: Callable[[QDialog], None]) -> int:
    """What a patched ``exec`` does: wait for the dialog's reads, fill it in and save."""
    ready(dialog)
    fill(dialog)
    return int(QDialog.DialogCode.Accepted) if save(dialog) else int(QDialog.DialogCode.Rejected)


def drain(qtbot, worker) -> None:  # type: ignore[no-untyped-def]
    """Wait until every job queued on ``worker`` so far has run and its answer has reached the
    GUI thread: a marker job queued last answers last (one thread, answers in order). The
    positive sync point before asserting that an answer did *not* change anything."""
    with qtbot.waitCallback(timeout=10_000) as answered:
        worker.submit(lambda: None, answered)
