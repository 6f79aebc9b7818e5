"""koordinator access-request: the person's PDF and its CSV index from the command line,
items withheld with --withhold, the items listed with --list; plain errors and exit codes,
never the CPR number on the screen or in the log, never a file over the store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.cli.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from app.models import AuditEvent
from app.services.common import audit
from app.services.demo.demo import generate_demo
from app.startup import open_context
from tests.access_casework import LISE_NOTE, OLIVER_NOTE, LiseCasework, add_casework, expected_keys
from tests.shared_server import SharedStore

REASON = "Oplysninger om tredjemand"


@pytest.fixture
def store(tmp_path: Path) -> tuple[str, LiseCasework, set[str]]:
    path = tmp_path / "store.sqlite"
    ctx = open_context(str(path), login="tester")
    try:
        with ctx.sessions.begin() as s:
            generate_demo(s, families=2, seed=5, my_login="tester")
            work = add_casework(s)
        with ctx.sessions() as s:
            keys = expected_keys(s, work)
    finally:
        ctx.close()
    return str(path), work, keys


def _events(db: str) -> list[AuditEvent]:
    ctx = open_context(db, login="tester")
    try:
        with ctx.sessions() as s:
            rows = list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))
            s.expunge_all()
        return rows
    finally:
        ctx.close()


def _clean(cpr: str, *texts: str) -> None:
    for text in texts:
        assert cpr not in text and f"{cpr[:6]}-{cpr[6:]}" not in text


def test_list_shows_every_item_with_its_reference_and_logs_the_lookup(
    store: tuple[str, LiseCasework, set[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, work, keys = store
    assert main(["access-request", f"{work.cpr[:6]}-{work.cpr[6:]}", "--list", "--db", db]) == EXIT_OK
    captured = capsys.readouterr()
    refs = [line.split()[0] for line in captured.out.splitlines()[1:]]
    assert set(refs) == keys and len(refs) == len(keys)
    assert f"{len(keys)} items held about {work.cpr[:6]}-XXXX in 2 case(s)" in captured.err
    _clean(work.cpr, captured.out, captured.err)
    lookups = [e for e in _events(db) if e.action == audit.OPEN_CITIZEN]
    assert [(e.object_type, e.citizen_id) for e in lookups] == [("access_request", work.lise_id)]
    assert not [e for e in _events(db) if e.action == audit.EXPORT]


def test_the_pdf_and_its_index_are_written_with_a_withheld_item(
    store: tuple[str, LiseCasework, set[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, work, keys = store
    out = tmp_path / "aktindsigt til Lise.pdf"
    withheld = f"journal:{work.journal['lise']}"
    args = ["access-request", work.cpr, "-o", str(out), "--withhold", f"{withheld}={REASON}", "--db", db]
    assert main(args) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [str(out.resolve()), str(out.with_suffix(".csv").resolve())]
    assert f"{len(keys)} items ({len(keys) - 1} handed over, 1 withheld) from 2 case(s)" in captured.err
    _clean(work.cpr, captured.out, captured.err)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert LISE_NOTE not in text and OLIVER_NOTE not in text and REASON in text
    rows = list(csv.DictReader(io.StringIO(out.with_suffix(".csv").read_text("utf-8-sig")), delimiter=";"))
    assert {r["Ref."] for r in rows} == keys
    [row] = [r for r in rows if r["Ref."] == withheld]
    assert (row["Status"], row["Begrundelse"]) == ("Undtaget", REASON)
    exports = [e for e in _events(db) if e.action == audit.EXPORT]
    assert len(exports) == len(keys) + 1
    [journal] = [
        e for e in exports if (e.object_type, e.object_id) == ("journal_entry", work.journal["lise"])
    ]
    assert json.loads(journal.details) == {
        "via": "access-request",
        "request": "access_request",
        "withheld": REASON,
    }
    for event in _events(db):
        _clean(work.cpr, event.details or "", event.search_term or "", event.purpose or "")


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        ([], "give -o FILE.pdf"),
        (["-o", "OUT", "--withhold", "journal:1"], "KIND:ID=REASON"),
        (["-o", "OUT", "--withhold", "secret:1=x"], "not a kind of item"),
        (["-o", "OUT", "--withhold", "journal:1=a", "--withhold", "journal:1=b"], "given twice"),
        (["-o", "OUT", "--withhold", "journal:999999=not held"], "not among the items"),
    ],
)
def test_a_usage_error_says_what_to_write_and_writes_nothing(
    store: tuple[str, LiseCasework, set[str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    says: str,
) -> None:
    db, work, _keys = store
    out = tmp_path / "out" / "a.pdf"
    out.parent.mkdir()
    args = ["access-request", work.cpr, *[str(out) if a == "OUT" else a for a in extra], "--db", db]
    assert main(args) == EXIT_USAGE
    captured = capsys.readouterr()
    assert says in captured.err and "Traceback" not in captured.err
    _clean(work.cpr, captured.out, captured.err)
    assert not list(out.parent.iterdir())
    assert not [e for e in _events(db) if e.action == audit.EXPORT]


@pytest.mark.parametrize("given", ["010190-1234", "0101901234", "not-a-cpr", "12"])
def test_an_unknown_person_is_a_plain_error_with_the_number_masked(
    store: tuple[str, LiseCasework, set[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str], given: str
) -> None:
    db, _work, _keys = store
    assert main(["access-request", given, "-o", str(tmp_path / "a.pdf"), "--db", db]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert ("010190-XXXX" in err and "1234" not in err) or "not a CPR number" in err
    assert not (tmp_path / "a.pdf").exists()


def test_never_over_the_store_nor_an_index_over_a_database(
    store: tuple[str, LiseCasework, set[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, work, _keys = store
    before = Path(db).read_bytes()
    other = tmp_path / "other.csv"  # another program's database, by its first bytes
    other.write_bytes(before[:4096])
    for target in (db, str(tmp_path / "index.csv"), str(tmp_path / "other.pdf")):
        assert main(["access-request", work.cpr, "-o", target, "--db", db]) == EXIT_FAILED, target
        err = capsys.readouterr().err
        assert "nothing was written" in err and "Traceback" not in err
    assert Path(db).read_bytes() == before and other.read_bytes() == before[:4096]
    assert not (tmp_path / "other.pdf").exists() and not (tmp_path / "index.pdf").exists()
    assert not [e for e in _events(db) if e.action == audit.EXPORT]


@pytest.mark.postgres
def test_on_a_shared_server_only_the_persons_team_can_make_it(
    shared_store: SharedStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    admin = open_context(shared_store.admin_url)
    try:
        with admin.sessions.begin() as s:
            work = add_casework(s)
        with admin.sessions() as s:
            keys = expected_keys(s, work)
    finally:
        admin.close()
    out = tmp_path / "a.pdf"
    assert (
        main(["access-request", work.cpr, "-o", str(out), "--db", shared_store.url_for("bo")]) == EXIT_USAGE
    )
    err = capsys.readouterr().err
    assert "within your reach" in err and f"{work.cpr[:6]}-XXXX" in err and work.cpr not in err
    assert not out.exists()
    assert main(["access-request", work.cpr, "-o", str(out), "--db", shared_store.url_for("anna")]) == EXIT_OK
    capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out.with_suffix(".csv").read_text("utf-8-sig")), delimiter=";"))
    assert {r["Ref."] for r in rows} == keys
