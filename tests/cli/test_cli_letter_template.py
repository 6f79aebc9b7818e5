"""The letter template (store settings, the same for everyone): ``letter-template`` shows and
sets it, a logo that is not a PNG/JPEG of at most 100 KB is refused plainly (exit 2) and nothing
changes, the logo survives the 2,000-character settings in parts, damaged parts mean no logo; on
a shared server only IT sets it and every caseworker's Word copy carries it. ``export-plan
--format docx`` and ``export-meeting`` write the Word files and log them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from app.cli.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from app.models import AuditEvent, Case, StoreSetting
from app.models.enums import MeetingStatus
from app.services.common.letter_template import (
    MAX_LOGO_BYTES,
    LetterTemplate,
    LetterTemplateError,
    check_logo,
    letter_template,
)
from app.services.demo.demo import generate_demo
from app.services.meetings.meetings import case_meetings
from app.startup import open_context
from tests.docx.reading import headings, open_docx
from tests.docx.test_plan_docx import png
from tests.shared_server import SharedStore


@pytest.fixture
def store(tmp_path: Path) -> str:
    path = tmp_path / "store.sqlite"
    open_context(str(path), login="tester").close()
    return str(path)


def template_of(db: str) -> LetterTemplate:
    ctx = open_context(db, login="tester")
    try:
        with ctx.sessions() as s:
            return letter_template(s)
    finally:
        ctx.close()


def jpeg(width: int, height: int) -> bytes:
    """The head of a baseline JPEG: enough for its type and size."""
    sof = (
        b"\xff\xc0\x00\x11\x08" + height.to_bytes(2, "big") + width.to_bytes(2, "big") + b"\x03" + b"\x00" * 9
    )
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + sof + b"\xff\xd9"


def test_nothing_is_set_at_first(store: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["letter-template", "--db", store]) == EXIT_OK
    assert capsys.readouterr().out.split("\n")[:3] == ["sender: (none)", "address: (none)", "logo: (none)"]


@pytest.mark.parametrize("size", [(1, 1), (300, 100), (600, 600), (1200, 90)])
def test_a_logo_sender_and_address_are_kept_and_logged(
    store: str, tmp_path: Path, size: tuple[int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(*size))
    argv = [
        "letter-template",
        "--db",
        store,
        "--logo",
        str(logo),
        "--sender",
        "Familieafdelingen, Eksempel Kommune",
    ]
    argv += ["--address", "Rådhuspladsen 1", "--address", "3000 Helsingør"]
    assert main(argv) == EXIT_OK
    assert f"logo: PNG, {size[0]}x{size[1]} pixels" in capsys.readouterr().out
    kept = template_of(store)
    assert kept.sender == "Familieafdelingen, Eksempel Kommune"
    assert kept.address == ("Rådhuspladsen 1", "3000 Helsingør")
    assert kept.logo is not None and kept.logo.data == logo.read_bytes()
    ctx = open_context(store, login="tester")
    with ctx.sessions() as s:
        [entry] = s.scalars(select(AuditEvent).where(AuditEvent.object_type == "store_setting")).all()
        details = json.loads(entry.details)
    ctx.close()
    assert details["letter_sender"] == ["", "Familieafdelingen, Eksempel Kommune"]
    assert details["letter_logo"][0] == "" and details["letter_logo"][1].startswith(
        f"png {size[0]}x{size[1]}"
    )
    # only what is given changes; --no-logo removes the logo
    assert main(["letter-template", "--db", store, "--no-logo"]) == EXIT_OK
    assert template_of(store) == LetterTemplate(kept.sender, kept.address, None)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"GIF89a" + b"\x00" * 20, "must be a PNG or JPEG"),
        (b"%PDF-1.7 not a picture", "must be a PNG or JPEG"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * (MAX_LOGO_BYTES + 10), "at most 100 KB"),
        (png(6000, 1), "1-5000 pixels"),
        (jpeg(0, 10), "1-5000 pixels"),
    ],
)
def test_a_bad_logo_is_refused_plainly_and_changes_nothing(
    store: str, tmp_path: Path, content: bytes, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.png"
    good.write_bytes(png(10, 10))
    assert main(["letter-template", "--db", store, "--logo", str(good)]) == EXIT_OK
    bad = tmp_path / "bad.bin"
    bad.write_bytes(content)
    assert main(["letter-template", "--db", store, "--logo", str(bad), "--sender", "X"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert reason in err and "nothing was changed" in err and "Traceback" not in err
    kept = template_of(store)
    assert kept.logo is not None and kept.logo.data == good.read_bytes() and kept.sender == ""


def test_a_missing_file_too_many_lines_or_a_cpr_is_refused(
    store: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["letter-template", "--db", store, "--logo", "/nowhere/logo.png"]) == EXIT_USAGE
    many = [x for i in range(7) for x in ("--address", f"Linje {i}")]
    assert main(["letter-template", "--db", store, *many]) == EXIT_USAGE
    assert main(["letter-template", "--db", store, "--sender", "Lise 010190-1234"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "no file" in err and "at most 6" in err and "CPR" in err
    assert template_of(store) == LetterTemplate()


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_only_png_and_jpeg_pass_the_check(data: bytes) -> None:
    try:
        logo = check_logo(data)
    except LetterTemplateError:
        return
    assert data[:8] == b"\x89PNG\r\n\x1a\n" or data[:3] == b"\xff\xd8\xff"
    assert logo.kind in ("png", "jpeg") and logo.width > 0 and logo.height > 0


def test_a_jpeg_logo_is_read_with_its_size() -> None:
    logo = check_logo(jpeg(640, 200))
    assert (logo.kind, logo.width, logo.height) == ("jpeg", 640, 200)


def test_damaged_logo_parts_mean_no_logo(store: str, tmp_path: Path) -> None:
    big = png(600, 60, (1, 2, 3))
    logo = tmp_path / "logo.png"
    logo.write_bytes(big)
    assert main(["letter-template", "--db", store, "--logo", str(logo), "--sender", "Kommunen"]) == EXIT_OK
    ctx = open_context(store, login="tester")
    with ctx.sessions.begin() as s:
        parts = s.scalars(select(StoreSetting.key).where(StoreSetting.key.like("letter_logo.%"))).all()
        assert parts  # kept in parts of at most 2,000 characters
        s.execute(update(StoreSetting).where(StoreSetting.key == parts[-1]).values(value="AAAA"))
    ctx.close()
    assert template_of(store) == LetterTemplate("Kommunen", (), None)


# -- the Word exports ----------------------------------------------------------------------------


@pytest.fixture
def demo(tmp_path: Path) -> str:
    path = str(tmp_path / "demo.sqlite")
    ctx = open_context(path, login="tester")
    with ctx.sessions.begin() as s:
        generate_demo(s, families=1, seed=1, my_login="tester")
    ctx.close()
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(200, 80))
    assert (
        main(["letter-template", "--db", path, "--logo", str(logo), "--sender", "Eksempel Kommune"])
        == EXIT_OK
    )
    return path


def _case_and_meeting(db: str) -> tuple[str, int]:
    ctx = open_context(db, login="tester")
    with ctx.sessions() as s:
        case = s.scalars(select(Case).where(Case.title == "Familien Holm Jensen")).one()
        held = [m for m in case_meetings(s, case.id) if m.status == MeetingStatus.HELD][-1]
        number = case.number
    ctx.close()
    return number, held.id


@pytest.mark.parametrize(("name", "fmt"), [("plan.docx", []), ("plan.bin", ["--format", "docx"])])
def test_export_plan_writes_the_word_copy_on_the_template(
    demo: str, tmp_path: Path, name: str, fmt: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    number, _ = _case_and_meeting(demo)
    target = tmp_path / name
    assert main(["export-plan", number, "-o", str(target), "--db", demo, *fmt]) == EXIT_OK
    document = open_docx(target.read_bytes())
    assert headings(document)[0] == (1, "Vores fælles plan")
    header = document.sections[0].first_page_header
    assert [r for r in header.part.rels.values() if r.reltype == RT.IMAGE]
    ctx = open_context(demo, login="tester")
    with ctx.sessions() as s:
        entry = s.scalars(select(AuditEvent).where(AuditEvent.object_type == "plan")).all()[-1]
    ctx.close()
    assert json.loads(entry.details)["format"] == "docx"


@pytest.mark.parametrize("paper", ["agenda", "slip", "minutes"])
@pytest.mark.parametrize("ending", ["docx", "pdf"])
def test_export_meeting_writes_each_paper_and_logs_it(
    demo: str, tmp_path: Path, paper: str, ending: str
) -> None:
    number, meeting = _case_and_meeting(demo)
    target = tmp_path / f"paper.{ending}"
    argv = [
        "export-meeting",
        number,
        "--meeting",
        str(meeting),
        "--paper",
        paper,
        "-o",
        str(target),
        "--db",
        demo,
    ]
    assert main([*argv, "--reason", "Aftalt med familien"]) == EXIT_OK
    data = target.read_bytes()
    assert data[:2] == (b"PK" if ending == "docx" else b"%P")
    ctx = open_context(demo, login="tester")
    with ctx.sessions() as s:
        entry = s.scalars(select(AuditEvent).where(AuditEvent.object_type == "meeting")).all()[-1]
    ctx.close()
    assert json.loads(entry.details) == {"kind": f"{paper}.{ending}"}


def test_export_meeting_refuses_a_meeting_of_another_case(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    number, _ = _case_and_meeting(demo)
    argv = [
        "export-meeting",
        number,
        "--meeting",
        "99999",
        "--paper",
        "agenda",
        "-o",
        str(tmp_path / "a.docx"),
    ]
    assert main([*argv, "--db", demo]) == EXIT_USAGE
    assert "has no meeting 99999" in capsys.readouterr().err
    assert not (tmp_path / "a.docx").exists()


# -- the shared server ---------------------------------------------------------------------------


@pytest.mark.postgres
def test_on_a_shared_server_only_it_sets_it_and_every_caseworker_gets_it(
    shared_store: SharedStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(png(900, 300, (9, 8, 7)))  # many parts
    argv = ["letter-template", "--logo", str(logo), "--sender", "Eksempel Kommune"]
    assert main([*argv, "--db", shared_store.url_for("bo")]) == EXIT_FAILED
    assert "only IT" in capsys.readouterr().err
    assert main([*argv, "--db", shared_store.admin_url]) == EXIT_OK
    for login in ("anna", "bo"):
        assert main(["letter-template", "--db", shared_store.url_for(login)]) == EXIT_OK
        out = capsys.readouterr().out
        assert "sender: Eksempel Kommune" in out and "logo: PNG, 900x300 pixels" in out
    # a caseworker's Word copy of her own case's plan carries the logo, read through her views
    [(number,)] = shared_store.admin_sql(
        "SELECT c.number FROM cases c JOIN plan_versions p ON p.case_id = c.id WHERE c.id = ANY(:ids) LIMIT 1",
        ids=shared_store.cases["A"],
    )
    target = tmp_path / "plan.docx"
    assert main(["export-plan", number, "-o", str(target), "--db", shared_store.url_for("anna")]) == EXIT_OK
    header = open_docx(target.read_bytes()).sections[0].first_page_header
    [image] = [r.target_part.blob for r in header.part.rels.values() if r.reltype == RT.IMAGE]
    assert image == logo.read_bytes()
