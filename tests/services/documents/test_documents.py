"""Documents kept with a case, on both stores: attach, list (without reading a file), change
(version-checked), remove, read; refusals store nothing; the audit log says what was done to
which document, never its title or file name."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from app.models import Case, Document
from app.models.casework import DOCUMENT_MAX_BYTES
from app.models.enums import CaseStatus, DocumentKind
from app.services.common import audit
from app.services.common.clock import local_today
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.validation import FieldProblem, Problem, ValidationError
from app.services.documents.documents import (
    DocumentInput,
    get_document,
    list_documents,
    read_content,
    remove_document,
    update_document,
    validate_document,
)
from tests.services.documents.helpers import attach, entries, family_case, row_counts
from tests.services.documents.samples import SAMPLES

TODAY = date(2026, 12, 3)


def pairs(problems: list[FieldProblem]) -> set[tuple[str, Problem]]:
    return {(p.field, p.problem) for p in problems}


@pytest.fixture
def family(context: Any) -> Any:
    return context, family_case(context)


# -- attaching and listing -------------------------------------------------------------------------


def test_attached_documents_are_listed_newest_first(family: Any, tmp_path: Path) -> None:
    ctx, fam = family
    today = local_today()
    first = attach(ctx, fam.case_id, tmp_path, received_on=today - timedelta(days=9), members=(fam["Freja"],))
    second = attach(
        ctx,
        fam.case_id,
        tmp_path,
        name="Mail fra lægen.eml",
        title="Mail fra lægen",
        kind=DocumentKind.EMAIL,
        from_whom="Lægehuset Ørsted",
        received_on=today,
        members=(fam["Emil"], fam["Mette"]),
    )
    with ctx.sessions() as s:
        docs = list_documents(s, fam.case_id)
    assert [d.id for d in docs] == [second, first]
    mail, report = docs
    assert (report.title, report.kind, report.from_whom) == (
        "Skoleudtalelse",
        DocumentKind.REPORT,
        "Vestskolen",
    )
    assert report.member_ids == (fam["Freja"],)
    assert report.media_type == "application/pdf" and report.extension == "pdf"
    assert report.size_bytes == len(SAMPLES["pdf"])
    assert report.sha256 == hashlib.sha256(SAMPLES["pdf"]).hexdigest()
    assert report.file_name == "Skoleudtalelse.pdf" and report.version == 1
    assert mail.member_ids == tuple(sorted((fam["Emil"], fam["Mette"])))
    assert (mail.media_type, mail.extension, mail.received_on) == ("message/rfc822", "eml", today)


def test_listing_never_reads_the_files(family: Any, tmp_path: Path) -> None:
    ctx, fam = family
    attach(ctx, fam.case_id, tmp_path, members=(fam["Freja"],))
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(ctx.engine, "before_cursor_execute", seen)
    try:
        with ctx.sessions() as s:
            assert len(list_documents(s, fam.case_id)) == 1
    finally:
        event.remove(ctx.engine, "before_cursor_execute", seen)
    assert any("documents" in sql for sql in statements)
    assert not any("document_files" in sql for sql in statements)


@pytest.mark.parametrize("ext", sorted(SAMPLES))
def test_the_content_comes_back_as_it_went_in(family: Any, tmp_path: Path, ext: str) -> None:
    ctx, fam = family
    doc_id = attach(ctx, fam.case_id, tmp_path, name=f"bilag.{ext}")
    with ctx.sessions() as s:
        info, content = read_content(s, doc_id)
    assert content == SAMPLES[ext]
    assert info.sha256 == hashlib.sha256(content).hexdigest()
    assert info.extension == ext


def test_a_document_of_exactly_the_limit_is_stored(family: Any, tmp_path: Path) -> None:
    ctx, fam = family
    path = tmp_path / "stor.pdf"
    with path.open("wb") as handle:  # sparse: no 25 MB on the disk
        handle.write(SAMPLES["pdf"])
        handle.truncate(DOCUMENT_MAX_BYTES)
    doc_id = attach(ctx, fam.case_id, tmp_path, name="stor.pdf", data=path.read_bytes())
    with ctx.sessions() as s:
        assert get_document(s, doc_id).size_bytes == DOCUMENT_MAX_BYTES
        _info, content = read_content(s, doc_id)
        assert len(content) == DOCUMENT_MAX_BYTES and content.startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("title", "stored"),
    [
        ("Lægeerklæring 120379-1234", "Lægeerklæring 120379-XXXX"),
        ("Udtalelse om 0101011234 fra skolen", "Udtalelse om 010101-XXXX fra skolen"),
        ("  Skoleudtalelse   Freja  ", "Skoleudtalelse Freja"),
    ],
)
def test_cpr_shaped_text_in_a_typed_title_is_masked(
    family: Any, tmp_path: Path, title: str, stored: str
) -> None:
    ctx, fam = family
    doc_id = attach(ctx, fam.case_id, tmp_path, title=title)
    with ctx.sessions() as s:
        assert get_document(s, doc_id).title == stored
    with ctx.sessions.begin() as s:
        info = get_document(s, doc_id)
        update_document(
            s, doc_id, DocumentInput(title + " v2", info.kind, info.received_on), info.version, TODAY
        )
    with ctx.sessions() as s:
        assert get_document(s, doc_id).title == f"{stored} v2"


# -- refusals store nothing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (DocumentInput("", received_on=TODAY), {("title", Problem.REQUIRED)}),
        (DocumentInput("   ", received_on=TODAY), {("title", Problem.REQUIRED)}),
        (DocumentInput("Æ" * 301, received_on=TODAY), {("title", Problem.TOO_LONG)}),
        (DocumentInput("Brev", received_on=None), {("received_on", Problem.REQUIRED)}),
        (DocumentInput("Brev", received_on=TODAY + timedelta(days=1)), {("received_on", Problem.IN_FUTURE)}),
        (DocumentInput("Brev", received_on=date(1899, 12, 31)), {("received_on", Problem.OUT_OF_RANGE)}),
        (DocumentInput("Brev", received_on=TODAY, from_whom="x" * 301), {("from_whom", Problem.TOO_LONG)}),
        (DocumentInput("Brev", received_on=TODAY, member_ids=(5, 5)), {("members", Problem.ALREADY_MEMBER)}),
    ],
)
def test_invalid_input(data: DocumentInput, expected: set[tuple[str, Problem]]) -> None:
    assert pairs(validate_document(data, TODAY)) == expected


def test_valid_input_at_the_edges() -> None:
    for data in (
        DocumentInput("Æ" * 300, received_on=TODAY, from_whom="ø" * 300),
        DocumentInput("Brev", received_on=date(1900, 1, 1)),
    ):
        assert validate_document(data, TODAY) == []


def test_refused_attachments_leave_nothing(family: Any, tmp_path: Path) -> None:
    ctx, fam = family
    other = family_case(ctx, "Ørsted", seed=1)
    before = row_counts(ctx)
    with pytest.raises(ValidationError) as caught:
        attach(ctx, fam.case_id, tmp_path, members=(fam["Freja"], other["Emil"]))
    assert pairs(caught.value.problems) == {("members.1", Problem.REQUIRED)}
    with pytest.raises(ValidationError):
        attach(ctx, fam.case_id, tmp_path, title="")
    with pytest.raises(ValidationError):
        attach(ctx, 999_999, tmp_path)
    assert row_counts(ctx) == before
    assert entries(ctx) == []


def test_a_closed_case_takes_no_documents_and_keeps_its_own(family: Any, tmp_path: Path) -> None:
    ctx, fam = family
    doc_id = attach(ctx, fam.case_id, tmp_path)
    with ctx.sessions.begin() as s:
        case = s.get(Case, fam.case_id)
        case.status, case.closed_on = CaseStatus.CLOSED, TODAY
    with pytest.raises(ValidationError) as caught:
        attach(ctx, fam.case_id, tmp_path)
    assert pairs(caught.value.problems) == {("case", Problem.CASE_CLOSED)}
    with ctx.sessions() as s:
        info = get_document(s, doc_id)
    for change in (
        lambda s: update_document(s, doc_id, DocumentInput("Nyt", received_on=TODAY), info.version, TODAY),
        lambda s: remove_document(s, doc_id, info.version),
    ):
        with pytest.raises(ValidationError), ctx.sessions.begin() as s:
            change(s)
    with ctx.sessions() as s:
        assert get_document(s, doc_id) == info
        assert read_content(s, doc_id)[1] == SAMPLES["pdf"]


# -- changing and removing -------------------------------------------------------------------------


def test_changes_are_version_checked(family: Any, tmp_path: Path) -> None:
    ctx, fam = family
    doc_id = attach(ctx, fam.case_id, tmp_path, members=(fam["Freja"],))
    with ctx.sessions() as s:
        opened = get_document(s, doc_id)
    mine = DocumentInput(
        "Skoleudtalelse, 2. udgave", DocumentKind.LETTER, TODAY - timedelta(days=2), "Skolen", (fam["Freja"],)
    )
    with ctx.sessions.begin() as s:
        update_document(s, doc_id, mine, opened.version, TODAY)
    with ctx.sessions() as s:
        now = get_document(s, doc_id)
    assert now.as_input() == mine and now.version == opened.version + 1
    assert now.sha256 == opened.sha256  # the file stays
    theirs = DocumentInput("Et andet navn", received_on=TODAY)
    with pytest.raises(ConcurrentEditError), ctx.sessions.begin() as s:
        update_document(s, doc_id, theirs, opened.version, TODAY)
    with ctx.sessions() as s:
        assert get_document(s, doc_id).as_input() == mine


def test_changing_only_the_members_moves_the_version_on(family: Any, tmp_path: Path) -> None:
    ctx, fam = family
    doc_id = attach(ctx, fam.case_id, tmp_path, members=(fam["Freja"], fam["Mette"]))
    for members in ((fam["Emil"],), (fam["Emil"], fam["Freja"], fam["Mette"]), ()):
        with ctx.sessions() as s:
            info = get_document(s, doc_id)
        data = DocumentInput(info.title, info.kind, info.received_on, info.from_whom, tuple(sorted(members)))
        with ctx.sessions.begin() as s:
            update_document(s, doc_id, data, info.version, TODAY)
        with ctx.sessions() as s:
            after = get_document(s, doc_id)
        assert after.member_ids == tuple(sorted(members))
        assert after.version == info.version + 1
    with pytest.raises(ConcurrentEditError), ctx.sessions.begin() as s:
        update_document(s, doc_id, data, info.version, TODAY)  # the version before the last change


def test_a_change_to_a_member_outside_the_case_is_refused(family: Any, tmp_path: Path) -> None:
    ctx, fam = family
    other = family_case(ctx, "Ørsted", seed=2)
    doc_id = attach(ctx, fam.case_id, tmp_path, members=(fam["Freja"],))
    with ctx.sessions() as s:
        info = get_document(s, doc_id)
    bad = DocumentInput(info.title, info.kind, info.received_on, "", (other["Freja"],))
    with pytest.raises(ValidationError), ctx.sessions.begin() as s:
        update_document(s, doc_id, bad, info.version, TODAY)
    with ctx.sessions() as s:
        assert get_document(s, doc_id) == info


def test_removing_deletes_the_document_its_file_and_members(family: Any, tmp_path: Path) -> None:
    ctx, fam = family
    keep = attach(ctx, fam.case_id, tmp_path, title="Bliver")
    doc_id = attach(ctx, fam.case_id, tmp_path, members=(fam["Freja"], fam["Emil"]))
    with ctx.sessions() as s:
        info = get_document(s, doc_id)
    with pytest.raises(ConcurrentEditError), ctx.sessions.begin() as s:
        remove_document(s, doc_id, info.version - 1)
    assert row_counts(ctx) == {"documents": 2, "document_files": 2, "document_members": 2}
    with ctx.sessions.begin() as s:
        remove_document(s, doc_id, info.version)
    assert row_counts(ctx) == {"documents": 1, "document_files": 1, "document_members": 0}
    with ctx.sessions() as s:
        assert [d.id for d in list_documents(s, fam.case_id)] == [keep]
        with pytest.raises(RowGoneError):
            get_document(s, doc_id)
    with pytest.raises(RowGoneError), ctx.sessions.begin() as s:
        remove_document(s, doc_id, None)


# -- the audit log -----------------------------------------------------------------------------------


def test_attach_change_and_remove_are_logged_without_titles_or_names(family: Any, tmp_path: Path) -> None:
    ctx, fam = family
    secret_title, secret_name = "Udtalelse om Frejas angst", "Frejas_angst_120379-1234.pdf"
    doc_id = attach(ctx, fam.case_id, tmp_path, name=secret_name, title=secret_title, members=(fam["Freja"],))
    with ctx.sessions() as s:
        info = get_document(s, doc_id)
    changed = DocumentInput(
        secret_title + " (rettet)", DocumentKind.LETTER, info.received_on, "Psykolog Ærø", ()
    )
    with ctx.sessions.begin() as s:
        update_document(s, doc_id, changed, info.version, TODAY)
    with ctx.sessions.begin() as s:
        update_document(s, doc_id, changed, info.version + 1, TODAY)  # nothing changed: no entry
    with ctx.sessions.begin() as s:
        remove_document(s, doc_id, info.version + 1)
    logged = entries(ctx, doc_id)
    assert [e.action for e in logged] == [audit.CREATE, audit.CHANGE, audit.DELETE]
    assert all(e.case_id == fam.case_id and e.user_login == ctx.user.login for e in logged)
    created, change, removed = (json.loads(e.details) for e in logged)
    assert created == {
        "kind": "report",
        "media_type": "application/pdf",
        "size_bytes": len(SAMPLES["pdf"]),
        "members": 1,
    }
    assert change["fields"] == ["title", "kind", "from_whom", "members"]
    assert removed["kind"] == "letter"
    for e in logged:
        text = f"{e.details} {e.search_term} {e.purpose}"
        for secret in ("angst", "Freja", "Ærø", "120379", "1234", ".pdf"):
            assert secret not in text


def test_read_content_of_a_missing_document_says_so(family: Any) -> None:
    ctx, _fam = family
    with ctx.sessions() as s, pytest.raises(RowGoneError):
        read_content(s, 424242)


def test_documents_go_with_their_case(family: Any, tmp_path: Path) -> None:
    ctx, fam = family
    attach(ctx, fam.case_id, tmp_path, members=(fam["Freja"],))
    with ctx.sessions.begin() as s:
        s.delete(s.get(Case, fam.case_id))
    assert row_counts(ctx) == {"documents": 0, "document_files": 0, "document_members": 0}
    with ctx.sessions() as s:
        assert s.scalars(select(Document)).all() == []
