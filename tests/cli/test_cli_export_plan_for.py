"""koordinator export-plan --for PARTY: the recipient's copy leaves out what consent does not
cover and says so; the family's copy is complete; each export is in the audit log."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.cli.cli import EXIT_OK, EXIT_USAGE, main
from app.models import AuditEvent, CaseProfessional, Professional
from app.models.enums import Sector
from app.services.common import audit
from app.services.common.clock import local_today
from app.services.demo.demo import generate_demo
from app.startup import open_context
from tests.lise_consents import GOAL_TEXT, SECTION_TEXT, LiseCase, prepare_lise


@pytest.fixture
def store(tmp_path: Path) -> tuple[str, LiseCase, int]:
    """A demo store with Lise's consents for the school; returns its path, the case and the id
    of a professional at Vestskolen."""
    path = tmp_path / "store.sqlite"
    ctx = open_context(str(path), login="tester")
    today = local_today()
    try:
        with ctx.sessions.begin() as s:
            generate_demo(s, families=1, seed=1, today=today, my_login="tester")
            lise = prepare_lise(s, today)
            teacher = s.scalar(
                select(Professional.id).where(Professional.organisation == "Vestskolen").limit(1)
            )
            if teacher is None:  # the demo's random network has none today: the school joins it
                school = Professional(
                    name="Birgit Vest", role="Skoleleder", organisation="Vestskolen", sector=Sector.EDUCATION
                )
                s.add(school)
                s.flush()
                s.add(CaseProfessional(case_id=lise.case_id, professional_id=school.id))
                teacher = school.id
    finally:
        ctx.close()
    assert teacher is not None
    return str(path), lise, teacher


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _exports(db: str) -> list[dict[str, object]]:
    ctx = open_context(db)
    try:
        with ctx.sessions() as s:
            rows = s.scalars(
                select(AuditEvent).where(AuditEvent.action == audit.EXPORT).order_by(AuditEvent.id)
            )
            return [json.loads(r.details) | {"case_id": r.case_id} for r in rows]
    finally:
        ctx.close()


@pytest.mark.parametrize("party", ["sector:school", "sector:education", "organisation:Vestskolen"])
def test_the_schools_copy_leaves_out_oliver_and_emil(
    store: tuple[str, LiseCase, int], tmp_path: Path, capsys: pytest.CaptureFixture[str], party: str
) -> None:
    db, lise, _ = store
    out = tmp_path / "skolen.pdf"
    assert main(["export-plan", lise.number, "-o", str(out), "--db", db, "--for", party]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out.resolve())
    assert "left out: Det, der står om to familiemedlemmer, er udeladt" in captured.err
    text = _text(out)
    assert "Kopi til:" in text
    assert "Udeladt på grund af manglende samtykke" in text
    assert "Det, der står om to familiemedlemmer, er udeladt" in text
    # The copy names no one it does not cover, and is neither signed nor names the next meeting.
    assert "Planen gælder for Lise og Freja" in text
    for first in ("Oliver", "Emil"):  # where the program names a member (free text is the caseworker's)
        for named in (f"Gælder {first}", f"Om {first}", f"står om {first}", f"{first} Holm Jensen"):
            assert named not in text, named
    assert "Underskrifter" not in text and "Næste møde" not in text
    for first in ("Oliver", "Emil"):
        assert " ".join(SECTION_TEXT[first].split()) not in text
        assert GOAL_TEXT[first] not in text
    assert SECTION_TEXT["Freja"] in text
    [entry] = _exports(db)
    assert entry["recipient"] in ("sector:education", "organisation:Vestskolen")
    assert (
        entry["left_out"] == 3
    )  # the family's common parts, two members, some of Lise's help and entry["case_id"] == lise.case_id


def test_a_professionals_copy_names_them(
    store: tuple[str, LiseCase, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, lise, teacher = store
    out = tmp_path / "laerer.pdf"
    assert (
        main(["export-plan", lise.number, "-o", str(out), "--db", db, "--for", f"professional:{teacher}"])
        == 0
    )
    text = _text(out)
    assert "Kopi til:" in text and "Skoleleder" in text
    assert SECTION_TEXT["Freja"] in text and SECTION_TEXT["Emil"] not in text
    assert _exports(db)[0]["recipient"] == f"professional:{teacher}"


def test_the_familys_copy_is_complete(
    store: tuple[str, LiseCase, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, lise, _ = store
    out = tmp_path / "familien.pdf"
    assert main(["export-plan", lise.number, "-o", str(out), "--db", db]) == EXIT_OK
    assert capsys.readouterr().err == ""
    text = _text(out)
    assert "Kopi til" not in text and "Udeladt" not in text
    assert all(t in text for t in SECTION_TEXT.values())
    assert _exports(db)[0]["recipient"] == "family"


@pytest.mark.parametrize(
    ("party", "message"),
    [
        ("school", "is not a recipient"),
        ("sector:moon", "no sector 'moon'"),
        ("professional:Dorthe", "give the professional's id"),
        ("professional:9999", "no professional 9999 in this store"),
    ],
)
def test_an_unknown_recipient_is_a_plain_usage_error(
    store: tuple[str, LiseCase, int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    party: str,
    message: str,
) -> None:
    db, lise, _ = store
    out = tmp_path / "x.pdf"
    assert main(["export-plan", lise.number, "-o", str(out), "--db", db, "--for", party]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists()
    assert _exports(db) == []
