"""Access requests (aktindsigt): everything held about Lise in one PDF with an index, items
withheld with a reason (marked in the index, their content absent), the CSV index beside it,
and the audit log (an export per item, the reasons, never the CPR number) — on SQLite and
PostgreSQL, and as a caseworker on a shared server who reaches only their team's cases."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.models import AuditEvent
from app.pdf.access_request_pdf import CSV_HEADERS, write_access_request
from app.services.common import audit
from app.services.common.context import AppContext
from app.services.demo.demo import generate_demo
from app.services.privacy.access_request import (
    AccessRequestError,
    ItemKind,
    check_withheld,
    collect,
    find_person,
    parse_withhold,
    person_by_id,
    record_export,
)
from app.startup import open_context
from app.store.safe_files import OutputRefusedError
from tests.access_casework import (
    CORRECTION_NOTE,
    FAMILY_NOTE,
    LISE_NOTE,
    OLIVER_NOTE,
    OWN_CASE_NOTE,
    SCHOOL_REPORT_PAGE,
    LiseCasework,
    add_casework,
    expected_keys,
    not_lises,
)
from tests.shared_server import SharedStore

REASON = "Oplysninger om tredjemands helbred (forvaltningslovens § 15 b)"


@pytest.fixture
def lise(context: AppContext) -> LiseCasework:
    with context.sessions.begin() as s:
        generate_demo(s, families=3, seed=4, my_login="tester")
        return add_casework(s)


def pdf_text(path: Path) -> tuple[str, int]:
    reader = PdfReader(path)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return text, len(reader.pages)


def csv_rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads æ, ø and å
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def _export(context: AppContext, cpr: str, out: Path, withheld: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    with context.sessions.begin() as s:
        request = collect(s, find_person(s, cpr), withheld)
        record_export(s, request, via="test")
        write_access_request(request, out)
    return request


def _exports(context: AppContext) -> list[AuditEvent]:
    with context.sessions() as s:
        rows = list(
            s.scalars(select(AuditEvent).where(AuditEvent.action == audit.EXPORT).order_by(AuditEvent.id))
        )
        s.expunge_all()
    return rows


def _no_cpr_in_the_log(context: AppContext, cpr: str) -> None:
    with context.sessions() as s:
        for event in s.scalars(select(AuditEvent)):
            for value in (event.details or "", event.search_term or "", event.purpose or ""):
                assert cpr not in value and cpr[6:] not in value.replace(cpr[:6] + "-XXXX", "")


# -- what the index lists ----------------------------------------------------------------------


def test_the_index_lists_every_item_concerning_lise_and_nothing_else(
    context: AppContext, lise: LiseCasework, tmp_path: Path
) -> None:
    out = tmp_path / "aktindsigt.pdf"
    request = _export(context, lise.cpr, out)
    keys = [item.key for item in request.items]
    with context.sessions() as s:
        expected = expected_keys(s, lise)
    assert set(keys) == expected and len(keys) == len(expected)
    assert not set(keys) & not_lises(lise)
    assert {item.kind for item in request.items} == set(ItemKind)
    assert [c.number for c in request.cases] == [lise.number, lise.own_number]

    text, _pages = pdf_text(out)
    assert lise.cpr[:6] + "-" + lise.cpr[6:] in text  # the person's own copy carries the number
    assert "forvaltningslovens § 9" in text and "artikel 15" in text
    for key in keys:
        assert f"({key})" in text or key in text, key
    for note in (LISE_NOTE, OWN_CASE_NOTE, CORRECTION_NOTE):
        assert " ".join(note.split()) in text
    assert OLIVER_NOTE not in text and FAMILY_NOTE not in text
    # each consent says which way it lets information go (issue 20 item 3)
    assert "Gælder At kommunen må" in " ".join(text.split()) and "oplysninger" in text

    rows = csv_rows(out.with_suffix(".csv"))
    assert list(rows[0]) == list(CSV_HEADERS)
    assert [r["Ref."] for r in rows] == keys
    assert [r["Nr."] for r in rows] == [str(n) for n in range(1, len(keys) + 1)]
    assert all(r["Side"].isdigit() for r in rows)
    # The index's page numbers are where each item's page is.
    reader = PdfReader(out)
    for row in rows:
        page_text = reader.pages[int(row["Side"]) - 1].extract_text()
        assert f"Ref. {row['Ref.']}" in " ".join(page_text.split()), row


def test_a_pdf_document_is_attached_and_other_files_are_handed_over_separately(
    context: AppContext, lise: LiseCasework, tmp_path: Path
) -> None:
    out = tmp_path / "aktindsigt.pdf"
    _export(context, lise.cpr, out)
    text, pages = pdf_text(out)
    rows = {r["Ref."]: r for r in csv_rows(out.with_suffix(".csv"))}
    report = rows[f"document:{lise.documents['report']}"]
    assert report["Status"].startswith("Vedlagt som bilag, side")
    first, last = (int(n) for n in report["Status"].rsplit(" ", 1)[1].split("-"))
    assert (first, last) == (pages - 1, pages)  # its two pages, at the end
    reader = PdfReader(out)
    for number, page in enumerate(range(first, last + 1), start=1):
        page_text = reader.pages[page - 1].extract_text()
        assert f"{SCHOOL_REPORT_PAGE} {number}" in page_text
        assert f"Side {page} af {pages}" in page_text
    assert f"Side 1 af {pages}" in reader.pages[0].extract_text()
    for other in ("word", "own_image"):
        assert rows[f"document:{lise.documents[other]}"]["Status"] == "Filen udleveres særskilt"
    assert "brev.docx" in text and "kontrakt.jpg" in text


# -- withholding -------------------------------------------------------------------------------


def _one_of_each(lise: LiseCasework, keys: list[str]) -> dict[ItemKind, str]:
    chosen = {
        ItemKind.JOURNAL: f"journal:{lise.journal['lise']}",
        ItemKind.DOCUMENT: f"document:{lise.documents['report']}",
        ItemKind.TASK: f"task:{lise.tasks['lise']}",
    }
    for key in keys:
        kind = ItemKind(key.split(":")[0])
        chosen.setdefault(kind, key)
    return chosen


@pytest.mark.parametrize("kinds", [[k] for k in ItemKind] + [list(ItemKind)], ids=lambda k: "+".join(k))
def test_withheld_items_are_marked_with_their_reason_their_content_left_out_and_logged(
    context: AppContext, lise: LiseCasework, tmp_path: Path, kinds: list[ItemKind]
) -> None:
    with context.sessions() as s:
        everything = collect(s, find_person(s, lise.cpr))
    full = {item.key: item for item in everything.items}
    chosen = _one_of_each(lise, list(full))
    withheld = {chosen[kind]: f"{REASON} ({kind.value})" for kind in kinds}
    out = tmp_path / "aktindsigt.pdf"
    request = _export(context, lise.cpr, out, withheld)
    text, _pages = pdf_text(out)
    rows = {r["Ref."]: r for r in csv_rows(out.with_suffix(".csv"))}
    assert set(rows) == set(full)
    for key, reason in withheld.items():
        assert rows[key]["Status"] == "Undtaget" and rows[key]["Begrundelse"] == reason
        assert rows[key]["Indhold"] == ""
        item = next(i for i in request.items if i.key == key)
        assert item.withheld == reason and not item.lines and not item.blocks and item.pdf is None
        shown = " ".join(b.text for k, i in full.items() if k not in withheld for b in i.blocks)
        for block in full[key].blocks:  # none of its text is printed (unless another item has it)
            for line in block.text.splitlines():
                if len(line.strip()) > 12 and line not in shown:
                    assert " ".join(line.replace("- ", "").split()) not in text, key
        assert reason in text
    if f"document:{lise.documents['report']}" in withheld:
        assert SCHOOL_REPORT_PAGE not in text
    if f"journal:{lise.journal['lise']}" in withheld:
        assert LISE_NOTE not in text and CORRECTION_NOTE in text
    for key in set(full) - set(withheld):
        assert rows[key]["Status"] != "Undtaget" and rows[key]["Begrundelse"] == ""

    exports = _exports(context)
    per_item = [e for e in exports if json.loads(e.details or "{}").get("request") == "access_request"]
    assert sorted(f"{e.object_type}:{e.object_id}" for e in per_item) == sorted(
        f"{'journal_entry' if k.startswith('journal:') else k.split(':')[0]}:{k.split(':')[1]}" for k in full
    )
    reasons = {json.loads(e.details)["withheld"] for e in per_item if "withheld" in json.loads(e.details)}
    assert reasons == set(withheld.values())
    assert all(e.citizen_id == lise.lise_id and e.purpose == "aktindsigt" for e in per_item)
    [whole] = [e for e in exports if e.object_type == "access_request"]
    assert json.loads(whole.details)["withheld"] == len(withheld)
    _no_cpr_in_the_log(context, lise.cpr)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("journal:12", "KIND:ID=REASON"),
        ("journal=reason", "KIND:ID=REASON"),
        ("journal:x=reason", "KIND:ID=REASON"),
        ("secret:12=reason", "not a kind of item"),
        ("journal:12=", "give the reason"),
        ("journal:12=   \t ", "give the reason"),
        ("journal:12=" + "x" * 501, "longer than 500"),
    ],
)
def test_a_withholding_is_written_kind_id_reason(text: str, problem: str) -> None:
    with pytest.raises(AccessRequestError, match=problem):
        parse_withhold(text)


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        ("journal:12=Tredjemand", "journal:12", "Tredjemand"),
        (" document : 7 = Lægens   oplysninger ", "document:7", "Lægens oplysninger"),
        ("task:3=a=b", "task:3", "a=b"),
        ("plan:1=Udkast\nendnu ikke godkendt", "plan:1", "Udkast endnu ikke godkendt"),
    ],
)
def test_a_withholding_parses(text: str, key: str, reason: str) -> None:
    assert parse_withhold(text) == (key, reason)


def test_withholding_an_item_not_held_or_without_reason_is_refused_before_anything(
    context: AppContext, lise: LiseCasework, tmp_path: Path
) -> None:
    with context.sessions() as s:
        items = collect(s, find_person(s, lise.cpr)).items
    oliver_only = f"journal:{lise.journal['oliver']}"
    with pytest.raises(AccessRequestError, match="not among the items"):
        check_withheld(items, {oliver_only: "x"})
    with pytest.raises(AccessRequestError, match="needs a reason"):
        check_withheld(items, {items[0].key: "  "})
    with pytest.raises(AccessRequestError, match="not among the items"):
        _export(context, lise.cpr, tmp_path / "out" / "a.pdf", {oliver_only: "x"})
    assert not (tmp_path / "out").exists() and not _exports(context)


@pytest.mark.parametrize("given", ["", "12345", "abcdef-ghij", "3113001234", "010101-0000"])
def test_an_unknown_or_malformed_cpr_is_a_plain_error_with_the_number_masked(
    context: AppContext, lise: LiseCasework, given: str
) -> None:
    with context.sessions() as s, pytest.raises(AccessRequestError) as caught:
        find_person(s, given)
    message = str(caught.value)
    assert "CPR" in message and (given[6:] not in message or not given[6:])


def test_a_member_picked_in_the_program_is_the_same_person(context: AppContext, lise: LiseCasework) -> None:
    with context.sessions() as s:
        assert person_by_id(s, lise.lise_id) == find_person(s, lise.cpr)
        with pytest.raises(AccessRequestError, match="no longer"):
            person_by_id(s, 10**9)


def test_the_pdf_and_index_refuse_the_store_and_a_csv_name(
    context: AppContext, lise: LiseCasework, tmp_path: Path
) -> None:
    with context.sessions() as s:
        request = collect(s, find_person(s, lise.cpr))
    with pytest.raises(OutputRefusedError, match="CSV"):
        write_access_request(request, tmp_path / "index.csv")
    store = tmp_path / "other.sqlite"
    store.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    with pytest.raises(OutputRefusedError):
        write_access_request(request, tmp_path / "other.sqlite")
    assert store.read_bytes().startswith(b"SQLite format 3")
    # The index beside a PDF that names a database's file: refused before the PDF is written.
    (tmp_path / "x.csv").mkdir()
    with pytest.raises(OutputRefusedError, match="folder"):
        write_access_request(request, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


# -- a caseworker on a shared server -------------------------------------------------------------


@pytest.mark.postgres
def test_a_caseworker_gets_lises_items_and_another_team_finds_no_such_person(
    shared_store: SharedStore, tmp_path: Path
) -> None:
    admin = open_context(shared_store.admin_url)
    try:
        with admin.sessions.begin() as s:
            lise = add_casework(s)
        with admin.sessions() as s:
            expected = expected_keys(s, lise)
    finally:
        admin.close()
    anna = open_context(shared_store.url_for("anna"))
    try:
        out = tmp_path / "aktindsigt.pdf"
        request = _export(anna, lise.cpr, out, {f"journal:{lise.journal['lise']}": REASON})
        assert {item.key for item in request.items} == expected
        rows = csv_rows(out.with_suffix(".csv"))
        assert {r["Ref."] for r in rows} == expected
        text, _pages = pdf_text(out)
        assert LISE_NOTE not in text and REASON in text and OWN_CASE_NOTE in text
    finally:
        anna.close()
    bo = open_context(shared_store.url_for("bo"))
    try:
        with bo.sessions() as s, pytest.raises(AccessRequestError, match="within your reach"):
            find_person(s, lise.cpr)
    finally:
        bo.close()
    admin = open_context(shared_store.admin_url)
    try:
        exports = _exports(admin)
        assert exports and {e.user_login for e in exports} == {shared_store.logins["anna"]}
        assert len([e for e in exports if e.object_type != "access_request"]) == len(expected)
        _no_cpr_in_the_log(admin, lise.cpr)
    finally:
        admin.close()
