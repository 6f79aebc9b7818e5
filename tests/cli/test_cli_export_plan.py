"""koordinator export-plan: a PDF of a case's plan, plain errors with exit codes, no traceback."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.cli.cli import EXIT_FAILED, EXIT_OK, EXIT_STORE, EXIT_USAGE, main
from app.models import Case
from app.services.demo.demo import generate_demo
from app.startup import open_context
from tests.factories import single_citizen_case

TODAY = date(2026, 11, 24)


@pytest.fixture
def store(tmp_path: Path) -> tuple[str, str, str]:
    """A demo store; returns its path, Lise's case number and a case number without a plan."""
    path = tmp_path / "store.sqlite"
    ctx = open_context(str(path), login="tester")
    try:
        with ctx.sessions.begin() as s:
            generate_demo(s, families=2, seed=1, today=TODAY, my_login="tester")
            bare = single_citizen_case(s, ctx.user.id, "Planløs", TODAY)
            no_plan = bare.number
        with ctx.sessions() as s:
            lise = s.scalar(select(Case.number).where(Case.title == "Familien Holm Jensen"))
    finally:
        ctx.close()
    assert lise is not None
    return str(path), lise, no_plan


def _text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def _pages(path: Path) -> int:
    return len(PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_export_writes_the_plan_and_prints_the_path(
    store: tuple[str, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, lise, _ = store
    out = tmp_path / "plan.pdf"
    assert main(["export-plan", lise, "-o", str(out), "--db", db]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out.strip() == str(out.resolve())
    assert captured.err == ""
    text = _text(out)
    assert "Familien Holm Jensen" in text and f"Sag {lise}" in text
    assert "Udkast" in text  # the draft is the plan being worked on


def test_version_and_large_print(store: tuple[str, str, str], tmp_path: Path) -> None:
    db, lise, _ = store
    normal, large = tmp_path / "v1.pdf", tmp_path / "v1-large.pdf"
    assert main(["export-plan", lise, "-o", str(normal), "--db", db, "--version", "1"]) == EXIT_OK
    assert (
        main(["export-plan", lise.lower(), "-o", str(large), "--db", db, "--version", "1", "--large-print"])
        == 0
    )
    assert "Version 1, godkendt" in _text(normal)
    assert "Udkast" not in _text(normal)
    assert _pages(large) > _pages(normal)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["K-2026-0999"], EXIT_USAGE, "koordinator export-plan: no case K-2026-0999 in this store"),
        (
            ["{lise}", "--version", "7"],
            EXIT_USAGE,
            "koordinator export-plan: case {lise} has no plan version 7",
        ),
        (["{no_plan}"], EXIT_USAGE, "koordinator export-plan: case {no_plan} has no plan yet"),
    ],
)
def test_plain_errors_for_unknown_case_version_and_missing_plan(
    store: tuple[str, str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    message: str,
) -> None:
    db, lise, no_plan = store
    out = tmp_path / "plan.pdf"
    args = [a.format(lise=lise, no_plan=no_plan) for a in args]
    assert main(["export-plan", *args, "-o", str(out), "--db", db]) == code
    err = capsys.readouterr().err
    assert message.format(lise=lise, no_plan=no_plan) in err
    assert "Traceback" not in err
    assert not out.exists()


def test_unwritable_path_is_exit_1_with_the_reason(
    store: tuple[str, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, lise, _ = store
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    out = blocker / "sub" / "plan.pdf"
    assert main(["export-plan", lise, "-o", str(out), "--db", db]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert err.startswith(f"koordinator export-plan: cannot write {out}: ")
    assert "Not a directory" in err or "cannot find" in err.lower() or "No such file" in err
    assert "Traceback" not in err
    assert blocker.read_text() == "not a folder"


def test_missing_store_is_a_store_error_and_is_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "missing.sqlite"
    assert main(["export-plan", "K-2026-0001", "-o", str(tmp_path / "p.pdf"), "--db", str(db)]) == EXIT_STORE
    assert "no store at" in capsys.readouterr().err
    assert not db.exists()


def test_output_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export-plan", "K-2026-0001"]) == EXIT_USAGE
    assert "-o" in capsys.readouterr().err


def test_a_file_that_is_not_a_store_gives_a_plain_message(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli.cli import main

    not_a_store = tmp_path / "notes.sqlite"
    not_a_store.write_text("these are notes, not a database", encoding="utf-8")
    code = main(["export-plan", "K-2026-0001", "-o", str(tmp_path / "plan.pdf"), "--db", str(not_a_store)])
    err = capsys.readouterr().err
    assert code == 3
    assert "is not a Koordinator store" in err and "Traceback" not in err


# -- the family's language ---------------------------------------------------------------------


def test_export_in_the_familys_language(store: tuple[str, str, str], tmp_path: Path) -> None:
    from app.models import Citizen, FamilyMember

    db, lise, _ = store
    out = tmp_path / "en.pdf"
    assert main(["export-plan", lise, "-o", str(out), "--db", db, "--language", "en"]) == EXIT_OK
    assert "Our shared plan" in _text(out) and "Vores fælles plan" not in _text(out)
    # "family": the language recorded for the family's adults
    ctx = open_context(db, login="tester")
    try:
        with ctx.sessions.begin() as s:
            family_id = s.scalar(select(Case.family_id).where(Case.number == lise))
            for citizen in s.scalars(
                select(Citizen).join(FamilyMember).where(FamilyMember.family_id == family_id)
            ):
                citizen.language = "ukrainsk"
    finally:
        ctx.close()
    family = tmp_path / "family.pdf"
    assert main(["export-plan", lise, "-o", str(family), "--db", db, "--language", "family"]) == EXIT_OK
    assert "Наш спільний план" in _text(family)
    danish = tmp_path / "da.pdf"
    assert main(["export-plan", lise, "-o", str(danish), "--db", db]) == EXIT_OK  # Danish by default
    assert "Vores fælles plan" in _text(danish)


def test_a_recipients_copy_is_danish(
    store: tuple[str, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, lise, _ = store
    out = tmp_path / "x.pdf"
    args = ["export-plan", lise, "-o", str(out), "--db", db, "--for", "sector:education", "--language", "ar"]
    assert main(args) == EXIT_USAGE
    assert "printed in Danish" in capsys.readouterr().err and not out.exists()


def test_the_cli_offers_the_printed_plan_s_languages() -> None:
    """The CLI names the languages itself (it starts without ReportLab): they must agree."""
    from app.cli.cli import PRINT_LANGUAGES
    from app.pdf.plan_language import LANGUAGES

    assert tuple(LANGUAGES) == PRINT_LANGUAGES


def test_the_admin_console_prints_its_commands_and_never_opens_the_window(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli import cli

    monkeypatch.setattr(cli.sys, "argv", ["/opt/koordinator/koordinator-admin"])
    monkeypatch.setattr("app.ui.app.run_gui", lambda **_kw: pytest.fail("no window from the console"))
    assert cli.main([]) == cli.EXIT_USAGE
    assert "server-init" in capsys.readouterr().out
