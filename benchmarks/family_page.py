"""Family-page benchmark: opening a family of 8 members and 60 interventions.

    python benchmarks/family_page.py [--families 300] [--repeat 9]
    make benchmark

Measures in one run, on a SQLite store with demo families plus one large family:
  * open: from the case list's "open case" (what a double-click emits) to the family page
    shown and painted — the store is read on the worker thread, the GUI thread paints;
  * the same SQL statements replayed on a raw sqlite3 connection (the baseline);
  * the data path alone (read + rules, no widgets) and the GUI part alone (fill + paint).
Target: open < 150 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.models import Case, LawSection
from app.models.enums import ConsentCapacity, CoordinationModel, InterventionStatus, Relation, Sector
from app.services.cases.case_summary import case_summary
from app.services.cases.cases import CaseInput, MemberInput, create_case
from app.services.common.clock import local_today
from app.services.common.context import AppContext
from app.services.common.cpr import fictional_cpr
from app.services.demo.demo import generate_demo
from app.services.family.family_analysis import load_family_analysis
from app.services.family.family_warnings import WarningSettings
from app.services.family.interventions import InterventionInput, SlotInput, add_intervention
from app.services.family.professionals import ProfessionalInput, add_professional
from app.services.privacy.consents import ConsentInput, record_consent
from app.startup import open_context
from benchmarks.case_list import SqlRecorder, bare_sql_ms
from benchmarks.verdict import Target, add_arguments, below, finish, holds

TARGET_MS = 150
MEMBERS, INTERVENTIONS, PROFESSIONALS = 8, 60, 14


def build_store(path: Path, families: int) -> tuple[AppContext, int]:
    """Demo families plus one large family; returns the context and the large case's id."""
    context = open_context(str(path), login="bench")
    today = local_today()
    rng = random.Random(8)
    with context.sessions.begin() as session:
        generate_demo(session, families=families, seed=3, today=today, my_login="bench")
        people = [
            MemberInput("Anne", "Storfamilie", "", Relation.PARENT, custody=True),
            MemberInput("Bo", "Storfamilie", "", Relation.PARENT, custody=True),
        ] + [
            MemberInput(name, "Storfamilie", "", Relation.CHILD)
            for name in ("Carl", "Dora", "Erik", "Frida", "Gustav", "Hanne")
        ]
        births = [date(1984, 3, 2), date(1982, 7, 9)] + [
            date(today.year - age, 1 + i, 10) for i, age in enumerate((17, 15, 13, 11, 8, 5))
        ]
        for member, born in zip(people, births, strict=True):
            member.cpr = fictional_cpr(born, member.first_name in ("Anne", "Dora", "Frida", "Hanne"), rng)
        case = create_case(
            session,
            CaseInput(
                family_name="Familien Storfamilie",
                members=people[:MEMBERS],
                coordinator_id=context.user.id,
                model=CoordinationModel.TOGETHER_FOR_FAMILY,
            ),
            today,
        )
        session.flush()
        case_id = case.id
        sections = list(session.scalars(select(LawSection).where(LawSection.valid_to.is_(None))))
        pros = [
            add_professional(
                session,
                case_id,
                ProfessionalInput(f"Fagperson {i}", "Rådgiver", "Kommunen", list(Sector)[i % len(Sector)]),
            )
            for i in range(PROFESSIONALS)
        ]
        members = case_summary(session, case_id).members
        for i in range(INTERVENTIONS):
            member = members[i % len(members)]
            start = today - timedelta(days=rng.randrange(0, 500))
            section = rng.choice([s for s in sections if s.valid_from <= start])
            add_intervention(
                session,
                case_id,
                InterventionInput(
                    citizen_id=member.citizen_id,
                    title=f"Indsats {i + 1}: {section.title}",
                    sector=section.sector,
                    law_section_id=section.id,
                    professional_id=rng.choice(pros),
                    start_date=start,
                    end_date=start + timedelta(days=rng.choice([90, 365, 730])),
                    status=InterventionStatus.ACTIVE,
                    sector_plan="Barnets plan",
                    source_system=rng.choice(["DUBU", "Momentum", "Nexus", ""]),
                    last_checked=today - timedelta(days=rng.randrange(0, 200)),
                    slots=[
                        SlotInput(
                            rng.randrange(0, 5),
                            clock(h := rng.randrange(8, 16)),
                            clock(h + 1),
                            rng.random() < 0.2,
                        )
                    ],
                ),
                today,
            )
        for member in members[:2]:
            record_consent(
                session,
                case_id,
                ConsentInput(member.citizen_id, member.name, ConsentCapacity.SELF, today),
                today,
            )
    return context, case_id


def wait_for(signal, app: QApplication, timeout_ms: int = 10_000) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)


def run(families: int, repeat: int, workdir: Path) -> dict[str, float]:
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    db = workdir / "family.sqlite"
    t = time.perf_counter()
    context, case_id = build_store(db, families)
    print(f"generated store in {time.perf_counter() - t:.1f} s")
    with context.sessions() as session:
        other = session.scalar(select(Case.id).where(Case.id != case_id).order_by(Case.id).limit(1))
    settings = QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings, "da")
    window.resize(1400, 860)
    window.show()
    app.processEvents()
    family = window.family

    def open_and_paint(target: int) -> float:
        start = time.perf_counter()
        window.cases.case_opened.emit(target)  # what a double-click on the row emits
        wait_for(family.loaded, app)
        window.repaint()
        return (time.perf_counter() - start) * 1000

    open_and_paint(case_id)  # warm-up: imports, fonts, first layout
    recorder = SqlRecorder(context)
    samples = []
    statements: list = []
    for _ in range(repeat):
        open_and_paint(other)
        recorder.take()
        samples.append(open_and_paint(case_id))
        statements = recorder.take()
    recorder.close()
    open_ms = statistics.median(samples)
    bare = bare_sql_ms(db, statements, repeat)

    warning_settings = WarningSettings()
    data_samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        with context.sessions() as session:
            analysis = load_family_analysis(session, case_id, local_today(), warning_settings)
        data_samples.append((time.perf_counter() - start) * 1000)
    data_ms = statistics.median(data_samples)
    gui_samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        family.show_analysis(analysis)
        window.repaint()
        gui_samples.append((time.perf_counter() - start) * 1000)
    gui_ms = statistics.median(gui_samples)
    from app.ui.family.family_page import TAB_NETWORK, TAB_PEOPLE

    network_samples = []
    for _ in range(repeat):
        family.tabs.setCurrentIndex(TAB_PEOPLE)
        family.show_analysis(analysis)  # the picture is stale again
        start = time.perf_counter()
        family.tabs.setCurrentIndex(TAB_NETWORK)
        window.repaint()
        network_samples.append((time.perf_counter() - start) * 1000)
    network_ms = statistics.median(network_samples)
    overview = analysis.overview
    window.close()
    context.close()

    print(
        f"\nfamily page, SQLite: {len(overview.members)} members, {len(overview.interventions)} interventions, "
        f"{len(overview.professionals)} professionals, {len(analysis.collisions)} collisions "
        f"(median of {repeat} runs)"
    )
    print(f"{'':34}{'ms':>8}   target")
    print(f"{'open: double-click to painted page':34}{open_ms:8.1f}   < {TARGET_MS} ms")
    print(f"{'  bare SQL, same statements':34}{bare:8.1f}   baseline ({len(statements)} statements)")
    print(f"{'  data path (read + rules)':34}{data_ms:8.1f}   on the worker thread")
    print(f"{'  GUI path (fill + paint)':34}{gui_ms:8.1f}   on the GUI thread")
    print(f"{'network tab first shown (eco-map)':34}{network_ms:8.1f}   laid out when the tab is opened")
    print(f"ratio open / bare SQL: {open_ms / bare:.1f}")
    return {
        "members": len(overview.members),
        "interventions": len(overview.interventions),
        "open_ms": open_ms,
        "bare_ms": bare,
        "data_ms": data_ms,
        "gui_ms": gui_ms,
        "network_ms": network_ms,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--families", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=9)
    add_arguments(parser)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        figures = run(args.families, args.repeat, Path(tmp))
    return finish("family_page", targets(figures), figures, args)


def targets(f: dict[str, float]) -> list[Target]:
    shown = (f["members"], f["interventions"])
    return [
        holds(
            "the large family shown whole", shown == (MEMBERS, INTERVENTIONS), shown, (MEMBERS, INTERVENTIONS)
        ),
        below("open: double-click to painted page", f["open_ms"], TARGET_MS),
    ]


if __name__ == "__main__":
    sys.exit(main())
