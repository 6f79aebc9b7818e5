"""``make screenshots`` keeps working: the tool tours every screen the way the README's
pictures show them, so a renamed widget or a moved helper breaks it. It is run whole here,
into a temporary folder (the pictures themselves are looked at by people, not by this test)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The screens the README and the issues refer to, in Danish (the default) and English.
SCREENS = (
    "my_day",
    "case_list",
    "family",
    "family_network",
    "plan",
    "plan_goals",
    "plan_preview",
    "calendar_week",
    "calendar_month",
    "meeting_dialog",
    "consent_register",
    "audit_log",
    "new_case_dialog",
    "search_everything",
)


def _rendered(tmp_path: Path, *command: str) -> set[str]:
    """Run a screenshot tool into ``tmp_path / "out"``; the names of the pictures it made."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-m", *command[:1], str(tmp_path / "out"), *command[1:]],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return {path.stem for path in (tmp_path / "out").glob("*.png") if path.stat().st_size > 1000}


def _missing(made: set[str], screens: tuple[str, ...]) -> list[str]:
    return [f"{name}{suffix}" for name in screens for suffix in ("", "_en") if f"{name}{suffix}" not in made]


@pytest.mark.slow
def test_the_screenshot_tool_renders_every_screen(tmp_path: Path) -> None:
    made = _rendered(tmp_path, "tools.screenshots")
    assert not _missing(made, SCREENS), _missing(made, SCREENS)


# The painted views' text alternatives and the timeline on a dark palette (tools.screenshots_views).
VIEW_SCREENS = ("family_timeline_list", "family_week_list", "family_timeline_dark", "plan_goals_table")


@pytest.mark.slow
def test_the_views_screenshots_render(tmp_path: Path) -> None:
    made = _rendered(tmp_path, "tools.screenshots_views", "--languages", "da,en")
    assert not _missing(made, VIEW_SCREENS), _missing(made, VIEW_SCREENS)
