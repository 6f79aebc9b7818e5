"""Where the program's data files (catalogue, translations, fonts) live."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    override = os.environ.get("KOORDINATOR_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def municipal_file(name: str) -> Path:
    """The municipality's own copy of a data file in the machine-wide settings folder (beside
    koordinator.ini, docs/it-guide.md section 2), else the program's."""
    from app.machine_settings import machine_file

    own = machine_file().parent / name
    return own if own.is_file() else resources_dir() / name
