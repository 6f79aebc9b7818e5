"""The painted views' text alternatives for `make screenshots` (issue 17): the family's timeline
and week as lists, the goal's scores as a table, and the timeline on a dark palette.

Called from ``tools.screenshots.render`` with the main window showing Lise's case, or on its own:
``python -m tools.screenshots_views OUT_DIR [--languages da,en]`` (a fresh demo store, offscreen).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

Save = Callable[[QWidget, QApplication, Path], None]
Settle = Callable[[QApplication], None]


def dark_palette() -> QPalette:
    """A dark palette like Fusion's dark scheme (for showing that the views stay readable)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
        (roles.Window, "#353535"),
        (roles.Base, "#2a2a2a"),
        (roles.AlternateBase, "#333333"),
        (roles.Button, "#353535"),
        (roles.ToolTipBase, "#3c3c3c"),
        (roles.Mid, "#5a5a5a"),
        (roles.Dark, "#232323"),
        (roles.Light, "#505050"),
        (roles.Highlight, "#2a82da"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#8ab4f8"),
    ):
        palette.setColor(role, QColor(value))
    for role in (roles.WindowText, roles.Text, roles.ButtonText, roles.ToolTipText, roles.BrightText):
        palette.setColor(role, QColor("#f0f0f0"))
    placeholder = QColor("#f0f0f0")
    placeholder.setAlpha(128)
    palette.setColor(roles.PlaceholderText, placeholder)
    return palette


def views_screens(
    window: QWidget, app: QApplication, out: Path, suffix: str, save: Save, settle: Settle
) -> list[Path]:
    """With the family page showing a case: the timeline and the week as lists, the timeline
    on a dark palette, and the first goal's scores as a table."""
    from app.ui.family.family_page import TAB_TIMELINE, TAB_WEEK
    from app.ui.main_window import PAGE_FAMILY, PAGE_PLAN

    written: list[Path] = []
    family = window.family  # type: ignore[attr-defined]
    window.nav.setCurrentRow(PAGE_FAMILY)  # type: ignore[attr-defined]
    for tab, panel, view, name in (
        (TAB_TIMELINE, family.timeline_panel, family.timeline, "family_timeline_list"),
        (TAB_WEEK, family.week_panel, family.week, "family_week_list"),
    ):
        family.tabs.setCurrentIndex(tab)
        keys = view.item_keys()
        if keys:
            view.choice.choose(keys[min(1, len(keys) - 1)])
        panel.show_list(True)
        written.append(out / f"{name}{suffix}.png")
        save(window, app, written[-1])
        panel.show_list(False)

    family.tabs.setCurrentIndex(TAB_TIMELINE)
    family.timeline.setFocus()
    before = QApplication.palette()
    QApplication.setPalette(dark_palette())
    try:  # colours chosen when the page is filled: filled again under the dark palette
        family.show_analysis(family.analysis)
        written.append(out / f"family_timeline_dark{suffix}.png")
        save(window, app, written[-1])
    finally:
        QApplication.setPalette(before)
        family.show_analysis(family.analysis)

    window.nav.setCurrentRow(PAGE_PLAN)  # type: ignore[attr-defined]
    plan = window.plan  # type: ignore[attr-defined]
    plan.worker.wait(10_000)
    plan.reading.measure()  # as the preview timer does once the plan is shown
    plan.lix.refresh()
    settle(app)
    plan.tabs.setCurrentIndex(1)
    goals = plan.goals
    scored = next((r for r, g in enumerate(goals.model.rows) if goals.model.scores.get(g.goal_key)), 0)
    if goals.model.rowCount():
        goals.view.selectRow(scored)
    goals.chart_panel.show_list(True)
    written.append(out / f"plan_goals_table{suffix}.png")
    save(window, app, written[-1])
    goals.chart_panel.show_list(False)
    plan.tabs.setCurrentIndex(0)
    return written


def render(out: Path, language: str, size: tuple[int, int], tag: str = "") -> list[Path]:
    """On their own: a fresh demo store, the main window on Lise's case, then ``views_screens``."""
    from app.services.common.clock import local_today
    from app.services.demo.demo import generate_demo
    from app.startup import open_context
    from app.ui.app import create_application
    from app.ui.common.i18n import install_translators
    from app.ui.main_window import MainWindow
    from tools.screenshots import _save, _settle, _wait_loaded

    out.mkdir(parents=True, exist_ok=True)
    app = create_application(sys.argv[:1])
    translators = install_translators(app, language)
    suffix = ("" if language == "da" else f"_{language}") + tag
    with tempfile.TemporaryDirectory() as tmp:
        context = open_context(str(Path(tmp) / "views.sqlite"), login="lone.madsen")
        with context.sessions.begin() as session:
            generate_demo(session, families=8, seed=7, today=local_today(), my_login="lone.madsen")

        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(context, settings, language)
        window.resize(*size)
        window.show()
        window.lanes.wait(10_000)
        _settle(app)
        window.open_case(_lise(context))
        _wait_loaded(window, app)
        written = views_screens(window, app, out, suffix, _save, _settle)
        window.close()
        context.close()
    for translator in translators:
        app.removeTranslator(translator)
    return written


def _lise(context: object) -> int:
    from sqlalchemy import select

    from app.models import Case

    with context.sessions() as session:  # type: ignore[attr-defined]
        return int(session.scalar(select(Case.id).where(Case.title == "Familien Holm Jensen")))


def main(argv: list[str]) -> int:
    from app.services.common.clock import clock_in_use, fixed_day_clock
    from tools.screenshots import SCREENSHOT_DAY, SIZES, _screen

    parser = argparse.ArgumentParser(prog="python -m tools.screenshots_views")
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--size", choices=sorted(SIZES), default="1366x768")
    parser.add_argument("--languages", default="da,en")
    args = parser.parse_args(argv[1:])
    size = _screen(args.size)
    with clock_in_use(fixed_day_clock(SCREENSHOT_DAY)):
        for language in args.languages.split(","):
            render(Path(args.out), language, size, SIZES[args.size])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
