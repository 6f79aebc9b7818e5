"""Layers: the core is Qt-free (a ruff banned-api rule), and the linter is clean."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_is_clean_including_the_qt_import_rule() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    result = subprocess.run(
        [str(ruff), "check", "app", "tests", "benchmarks", "tools"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- what an entry point imports -----------------------------------------------------------

QT = ("PySide6",)
# Each Qt-free entry point, imported alone in a fresh interpreter, and the modules it must not
# load: Qt anywhere below the UI; the PDF and calendar libraries only when a command needs
# them (a command-line start stays quick); the keyring and the server driver only when used.
LIGHT_IMPORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "app.models": ("import app.models", QT),
    "app.store.opening": ("import app.store.opening", QT),
    "app.store.migrate": ("import app.store.migrate", QT),
    "app.store.credentials": ("import app.store.credentials", ("keyring", "psycopg", *QT)),
    "app.services.cases.case_list": ("import app.services.cases.case_list", QT),
    "app.services.demo.demo": ("import app.services.demo.demo", QT),
    "app.services.meetings.ics": ("import app.services.meetings.ics", ("reportlab", *QT)),
    "app.pdf.plan_pdf": ("import app.pdf.plan_pdf", QT),
    "app.pdf.meeting_pdf": ("import app.pdf.meeting_pdf", QT),
    "app.startup": ("import app.startup", QT),
    "app.cli.cli": (
        "import app.cli.cli; app.cli.cli.build_parser()",
        ("reportlab", "app.pdf", "icalendar", "app.services.meetings.ics", *QT),
    ),
}

_PROBE = """
import json, sys
{statement}
forbidden = tuple(sys.argv[1:])
print(json.dumps(sorted(m for m in sys.modules if any(m == f or m.startswith(f + ".") for f in forbidden))))
"""


@pytest.mark.parametrize("entry", sorted(LIGHT_IMPORTS))
def test_an_entry_point_loads_no_heavier_module_than_it_needs(entry: str) -> None:
    statement, forbidden = LIGHT_IMPORTS[entry]
    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(statement=statement), *forbidden],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.splitlines()[-1])
    roots = [m for m in loaded if m.rpartition(".")[0] not in loaded]  # icalendar, not its 80 submodules
    assert loaded == [], f"{entry} loads {roots}"


# -- one clock ---------------------------------------------------------------------------------

# Calls that read the computer's clock or zone directly. Only app/services/common/clock.py may.
_CLOCK_READS = {
    "today",  # date.today(), datetime.today()
    "now",  # datetime.now(...)
    "utcnow",
    "currentDate",  # QDate
    "currentDateTime",  # QDateTime
    "currentDateTimeUtc",
    "currentTime",  # QTime
    "currentSecsSinceEpoch",
    "currentMSecsSinceEpoch",
    "localtime",  # time.localtime()
    "systemTimeZone",  # QTimeZone
}


def _clock_violations(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name = node.func.attr
        if name in _CLOCK_READS:
            found.append((node.lineno, f".{name}()"))
        elif name == "astimezone" and not node.args and not node.keywords:
            found.append((node.lineno, "bare .astimezone() (the computer's zone)"))
        elif name in ("fromtimestamp", "fromSecsSinceEpoch", "fromMSecsSinceEpoch") and len(node.args) < 2:
            found.append((node.lineno, f".{name}() without a zone"))
    return found


def test_today_and_now_come_from_the_one_clock() -> None:
    offenders = []
    for folder in ("app", "tools", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")) if (ROOT / folder).exists() else []:
            if path == ROOT / "app" / "services" / "common" / "clock.py" or "migrations" in path.parts:
                continue
            offenders += [
                f"{path.relative_to(ROOT)}:{line}: {what}"
                for line, what in _clock_violations(path.read_text(encoding="utf-8"))
            ]
    assert not offenders, "use app.services.common.clock (local_today, now_utc, to_local …):\n" + "\n".join(
        offenders
    )


def test_the_clock_rule_finds_what_it_forbids() -> None:
    bad = (
        "date.today()\ndatetime.now()\nQDate.currentDate()\nm.astimezone()\n"
        "datetime.fromtimestamp(1)\nQDateTime.currentDateTime()\n"
    )
    assert [line for line, _ in _clock_violations(bad)] == [1, 2, 3, 4, 5, 6]
    assert _clock_violations("m.astimezone(UTC)\ndatetime.fromtimestamp(1, UTC)\nlocal_today()\n") == []


# -- sessions and the printed papers (the layer and feature rules: tests/test_import_rules.py) ----


def test_only_the_start_up_makes_the_programs_sessions() -> None:
    """The store's bare session factory lacks the services' flush rules (text limits, audit):
    in app/ only app/startup.py may call it, and adds them (tests/services/common/
    test_session_rules.py checks that it does)."""
    callers = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        if path in (ROOT / "app" / "startup.py", ROOT / "app" / "store" / "engine.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        callers += [
            f"{path.relative_to(ROOT)}:{node.lineno}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Name | ast.Attribute)
            and (node.id if isinstance(node, ast.Name) else node.attr) == "make_session_factory"
        ]
    assert not callers, "open stores through app.startup (open_context, session_factory):\n" + "\n".join(
        callers
    )


def test_the_printed_papers_import_no_private_names() -> None:
    """app/pdf shares its toolkit in app/pdf/document.py, never through another's ``_names``."""
    offenders = []
    for path in sorted((ROOT / "app" / "pdf").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app."):
                offenders += [
                    f"{path.relative_to(ROOT)}:{node.lineno}: {node.module}.{alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_")
                ]
    assert not offenders, "\n".join(offenders)


def test_no_module_is_over_600_lines() -> None:
    """A module that grows past 600 lines is split by what it does (migrations aside)."""
    long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for path in sorted((ROOT / "app").rglob("*.py"))
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 600
    ]
    assert not long, "\n".join(long)
