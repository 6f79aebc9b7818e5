"""Plan-PDF benchmark: exporting a 5-page family plan.

    python benchmarks/plan_pdf.py [--repeat 9]

Measures in one process (no store: the plan document is built in memory, as the read model
hands it to the PDF code):
  * importing ReportLab and app.pdf;
  * the first export, which registers (parses) the four embedded TrueType fonts;
  * later exports (median of --repeat), normal and large print;
  * the baseline: ReportLab rendering the same number of pages of plain paragraphs in the
    same embedded font (no tables, no page x of y), median of --repeat.
Target: first export < 300 ms including font registration.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.models.enums import (
    AgreementStatus,
    GoalLevel,
    GoalStatus,
    InterventionStatus,
    PlanState,
    Relation,
    ResponsibleKind,
    Sector,
)
from app.services.cases.case_summary import MemberSummary
from app.services.plan.plan_document import (
    SECTIONS,
    AgreementView,
    GoalView,
    OfferItem,
    OfferLine,
    PlanDocument,
    PlanVersionView,
    ScorePoint,
)
from benchmarks.verdict import add_arguments, below, finish, holds

TARGET_MS = 300
TODAY = date(2026, 11, 24)
PAGES = 5

SENTENCE = (
    "Vi taler sammen om, hvordan hverdagen går, og hvad der skal til, for at det bliver lettere "
    "at nå det hele. "
)
MEMBERS = (
    ("Lise", Relation.PARENT, date(1988, 10, 15)),
    ("Oliver", Relation.CHILD, date(2011, 8, 17)),
    ("Freja", Relation.CHILD, date(2014, 11, 4)),
    ("Emil", Relation.CHILD, date(2017, 5, 8)),
)


def five_page_plan() -> PlanDocument:
    """A family plan that fills five A4 pages in normal print (checked after the timings)."""
    members = tuple(
        MemberSummary(
            i + 1,
            f"{first} Holm Jensen",
            relation,
            born,
            born.strftime("%d%m%y") + "-XXXX",
            relation == Relation.PARENT,
            True,
            i + 1,
            first,
            "Holm Jensen",
        )
        for i, (first, relation, born) in enumerate(MEMBERS)
    )
    goals: list[GoalView] = []
    for n in range(5):
        cid = n % len(MEMBERS) + 1
        scores = tuple(ScorePoint(TODAY - timedelta(days=42 * (3 - j)), 3 + j, 2 + j) for j in range(3))
        goals += [
            GoalView(
                f"g{n}",
                None,
                GoalLevel.OVERALL,
                f"Mål nummer {n + 1} for familien",
                (cid,),
                TODAY + timedelta(days=180),
                GoalStatus.OPEN,
                scores,
            ),
            GoalView(
                f"g{n}s",
                f"g{n}",
                GoalLevel.SUB,
                f"Delmål {n + 1}: et skridt mod målet",
                (cid,),
                TODAY + timedelta(days=90),
                GoalStatus.OPEN,
            ),
            GoalView(
                f"g{n}p",
                f"g{n}s",
                GoalLevel.PROGRESSION,
                f"Det første vi gør for mål {n + 1}",
                (cid,),
                TODAY + timedelta(days=42),
                GoalStatus.OPEN,
            ),
        ]
    agreements = tuple(
        AgreementView(
            f"Aftale {n + 1}: ringe til skolen og høre, hvordan det går i klassen",
            ResponsibleKind.MEMBER if n % 2 else ResponsibleKind.PROFESSIONAL,
            1,
            "Lise Holm Jensen" if n % 2 else "Mohammed Laursen (Mentor)",
            TODAY + timedelta(days=7 * n),
            AgreementStatus.DONE if n % 5 == 4 else AgreementStatus.OPEN,
        )
        for n in range(10)
    )
    offers = tuple(
        OfferLine(
            citizen_id=n % len(MEMBERS) + 1,
            group_key=f"BL-32-{n}",
            law_name="Barnets lov",
            law_reference="BL § 32, stk. 1",
            law_title="Støttende indsatser",
            sector=Sector.SOCIAL_CHILDREN,
            items=(
                OfferItem(
                    f"Indsats {n + 1}",
                    "Niels Christensen",
                    TODAY - timedelta(days=60),
                    TODAY + timedelta(days=300),
                    InterventionStatus.ACTIVE,
                ),
            ),
            comment="Et par ord om, hvad indsatsen skal hjælpe med." if n % 3 == 0 else "",
        )
        for n in range(10)
    )
    plan = PlanVersionView(
        id=1,
        number=2,
        state=PlanState.APPROVED,
        approved_on=TODAY - timedelta(days=21),
        meeting_id=None,
        meeting_label="",
        participants="",
        sections=tuple((name, SENTENCE * 2) for name in SECTIONS),
        member_sections=tuple((m.citizen_id, SENTENCE * 2) for m in members),
        goals=tuple(goals),
        agreements=agreements,
        offer_comments=(),
        row_version=1,
    )
    return PlanDocument(
        case_id=1,
        case_number="K-2026-0001",
        family_name="Familien Holm Jensen",
        is_family=True,
        coordinator_name="Lone Madsen",
        coordinator_phone="49 28 10 00",
        coordinator_email="lone.madsen@kommune.dk",
        partner_name="Kasper Holm",
        partner_phone="49 28 27 82",
        members=members,
        plan=plan,
        offers=offers,
        next_meeting=datetime(2027, 1, 5, 9, 0, tzinfo=UTC),
        history=(),
        read_only=False,
    )


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b", pdf))


def baseline_pdf(paragraphs: int, font: str) -> bytes:
    """Plain paragraphs in the same embedded font: ReportLab's own floor for this many pages."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("plain", fontName=font, fontSize=11, leading=15.2, spaceAfter=5)
    story = [Paragraph(SENTENCE * 6, style) for _ in range(paragraphs)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm, initialFontName=font).build(
        story
    )
    return out.getvalue()


def baseline_paragraphs(pages: int, font: str) -> int:
    """How many plain paragraphs fill ``pages`` pages (found before the timings)."""
    paragraphs = 8 * pages
    for _ in range(4):
        got = page_count(baseline_pdf(paragraphs, font))
        if got == pages:
            break
        paragraphs = max(1, paragraphs * pages // got - (1 if got > pages else 0))
    return paragraphs


def ms(seconds: float) -> float:
    return seconds * 1000.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=9, help="exports per median (default 9)")
    add_arguments(parser)
    args = parser.parse_args(argv)
    repeat = max(1, args.repeat)
    doc = five_page_plan()

    t = time.perf_counter()
    from app.pdf import fonts
    from app.pdf.plan_pdf import build_plan_pdf

    import_ms = ms(time.perf_counter() - t)

    t = time.perf_counter()
    first = build_plan_pdf(doc, today=TODAY)  # registers the fonts
    first_ms = ms(time.perf_counter() - t)

    later = []
    for _ in range(repeat):
        t = time.perf_counter()
        pdf = build_plan_pdf(doc, today=TODAY)
        later.append(ms(time.perf_counter() - t))
    large_times = []
    for _ in range(repeat):
        t = time.perf_counter()
        large = build_plan_pdf(doc, today=TODAY, large_print=True)
        large_times.append(ms(time.perf_counter() - t))

    # What registering the fonts costs by itself: parsing the four files again.
    from reportlab.pdfbase.ttfonts import TTFont

    t = time.perf_counter()
    for name in ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf"):
        TTFont(f"probe-{name}", str(fonts.font_dir() / name))
    parse_ms = ms(time.perf_counter() - t)

    pages = page_count(pdf)
    font = fonts.register_fonts().regular
    paragraphs = baseline_paragraphs(pages, font)
    base = []
    for _ in range(repeat):
        t = time.perf_counter()
        plain = baseline_pdf(paragraphs, font)
        base.append(ms(time.perf_counter() - t))
    later_ms, large_ms, base_ms = (statistics.median(x) for x in (later, large_times, base))

    plan = doc.plan
    assert plan is not None
    print(
        f"plan: {page_count(first)} pages normal, {page_count(large)} pages large print "
        f"({len(doc.members)} members, {len(plan.goals)} goals, {len(plan.agreements)} agreements, "
        f"{len(doc.offers)} offers)"
    )
    print(f"{'':44}{'ms':>8}   target")
    print(f"{'import ReportLab + app.pdf':44}{import_ms:8.1f}")
    print(f"{'first export (incl. font registration)':44}{first_ms:8.1f}   < {TARGET_MS} ms")
    print(f"{'  font files parsed alone':44}{parse_ms:8.1f}   part of the first export")
    print(f"{'import + first export (a fresh CLI run)':44}{import_ms + first_ms:8.1f}")
    print(f"{f'later exports (median of {repeat})':44}{later_ms:8.1f}")
    print(f"{f'large print, later exports (median of {repeat})':44}{large_ms:8.1f}")
    print(
        f"{f'baseline: {page_count(plain)} pages of plain paragraphs':44}{base_ms:8.1f}   same font, no tables"
    )
    print(f"ratio later export / baseline: {later_ms / base_ms:.1f}")
    figures = {
        "pages": page_count(first),
        "import_ms": import_ms,
        "first_ms": first_ms,
        "font_parse_ms": parse_ms,
        "later_ms": later_ms,
        "large_ms": large_ms,
        "baseline_ms": base_ms,
    }
    targets = [
        holds("the plan's page count", page_count(first) == PAGES, page_count(first), PAGES),
        below("first export (incl. font registration)", first_ms, TARGET_MS),
    ]
    return finish("plan_pdf", targets, figures, args)


if __name__ == "__main__":
    sys.exit(main())
