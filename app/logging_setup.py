"""One logging system: a rotating file in the platform log folder, CPR numbers redacted."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import re
import sys
from pathlib import Path
from typing import IO

from platformdirs import user_log_path

CPR_PATTERN = re.compile(r"(?<!\d)(\d{6})[- ]?(\d{4})(?!\d)")
LOG_NAME = "koordinator.log"
FAULT_NAME = "last-crash.txt"
_fault_file: IO[str] | None = None


def redact(text: str) -> str:
    """Replace anything shaped like a CPR number (ten digits, optional hyphen)."""
    return CPR_PATTERN.sub("XXXXXX-XXXX", text)


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        """Copenhagen time, as the program and the audit log show it (not the laptop's zone)."""
        from datetime import UTC, datetime

        from app.services.common.clock import to_local

        moment = to_local(datetime.fromtimestamp(record.created, UTC))
        return moment.strftime(datefmt or "%Y-%m-%d %H:%M:%S") + f",{int(record.msecs):03d}"


def log_dir() -> Path:
    return user_log_path("Koordinator", appauthor=False, ensure_exists=False)


def setup_logging(directory: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Log to the rotating file; when the log folder cannot be written, to the console only
    (said once on stderr) — the program still runs. Returns the log file, or None."""
    formatter = RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    path: Path | None = None
    handlers: list[logging.Handler] = []
    try:
        directory = directory or log_dir()
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / LOG_NAME
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(formatter)
        handlers.append(file_handler)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        print(
            f"koordinator: the log folder cannot be written ({reason}); no log file this time",
            file=sys.stderr,
        )
        path = None
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(formatter)
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_koordinator", False):
            root.removeHandler(handler)
            handler.close()
    for handler in (*handlers, console):
        handler._koordinator = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    return path


def enable_fault_handler(directory: Path | None = None) -> str | None:
    """Write hard crashes to a file; return last run's crash report, if there was one. With a
    log folder that cannot be written, hard crashes go to stderr instead."""
    global _fault_file
    try:
        directory = directory or log_dir()
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / FAULT_NAME
        previous = None
        if path.exists() and path.stat().st_size > 0:
            previous = redact(path.read_text(encoding="utf-8", errors="replace"))
            path.replace(directory / (FAULT_NAME + ".old"))
        _fault_file = path.open("w", encoding="utf-8")
    except OSError:
        faulthandler.enable()
        return None
    faulthandler.enable(_fault_file)
    return previous
