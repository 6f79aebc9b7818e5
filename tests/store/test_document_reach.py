"""Documents on a shared server: a caseworker reaches the documents of her team's cases and
their files, and nothing of another team's — not through the program and not with her own
login and plain SQL (reading, changing, deleting, or tying rows into her own case)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import psycopg
import pytest

from app.services.common.editing import RowGoneError
from app.services.documents.documents import (
    DocumentInput,
    get_document,
    list_documents,
    read_content,
    remove_document,
    update_document,
)
from app.services.documents.open_copies import write_open_copy
from app.startup import open_context
from tests.services.documents.helpers import attach
from tests.services.documents.samples import SAMPLES, school_report_pdf
from tests.shared_server import SharedStore
from tests.store.test_hostile_roles import _admin, psql

pytestmark = pytest.mark.postgres

A_REPORT = school_report_pdf("Skoleudtalelse, hold A")
B_REPORT = school_report_pdf("Lægeerklæring, hold B")


def _attach_as(store: SharedStore, who: str, case_id: int, folder: Path, data: bytes, title: str) -> int:
    ctx = open_context(store.url_for(who))
    try:
        return attach(ctx, case_id, folder, name="rapport.pdf", data=data, title=title)
    finally:
        ctx.close()


@pytest.fixture
def docs(shared_store: SharedStore, tmp_path: Path) -> dict[str, Any]:
    """A document in one of Anna's cases (team A) and one in Bo's (team B), each attached by
    its caseworker through the program with their own login; and a document of team B
    without a file (written by IT)."""
    a_case, b_case = shared_store.cases["A"][0], shared_store.cases["B"][0]
    a_doc = _attach_as(shared_store, "anna", a_case, tmp_path, A_REPORT, "Skoleudtalelse A")
    b_doc = _attach_as(shared_store, "bo", b_case, tmp_path, B_REPORT, "Lægeerklæring B")
    bare = _admin(
        shared_store,
        "INSERT INTO documents (case_id, title, kind, received_on, from_whom, original_name, media_type, "
        "size_bytes, sha256, version, created_at, updated_at, created_by, updated_by) VALUES "
        "(:c, 'Uden fil', 'other', current_date, '', '', 'application/pdf', 0, '', 1, now(), now(), 'it', 'it') "
        "RETURNING id",
        c=b_case,
    )[0][0]
    return {"a_case": a_case, "b_case": b_case, "a_doc": a_doc, "b_doc": b_doc, "bare": bare}


def _b_untouched(store: SharedStore, docs: dict[str, Any]) -> None:
    rows = _admin(
        store,
        "SELECT d.title, d.case_id, f.content FROM documents d JOIN document_files f ON f.document_id = d.id "
        "WHERE d.id = :d",
        d=docs["b_doc"],
    )
    assert rows == [("Lægeerklæring B", docs["b_case"], B_REPORT)]
    assert _admin(store, "SELECT count(*) FROM document_files WHERE document_id = :d", d=docs["bare"]) == [
        (0,)
    ]


def test_plain_sql_reads_only_the_teams_documents_and_files(
    shared_store: SharedStore, docs: dict[str, Any]
) -> None:
    for who, own, other in (
        ("anna", "a_doc", "b_doc"),
        ("ali", "a_doc", "b_doc"),
        ("reader", "a_doc", "b_doc"),
        ("bo", "b_doc", "a_doc"),
    ):
        with psql(shared_store, who) as conn:
            ids = {r[0] for r in conn.execute("SELECT id FROM documents")}
            assert docs[own] in ids and docs[other] not in ids, who
            files = {r[0] for r in conn.execute("SELECT document_id FROM document_files")}
            assert docs[own] in files and docs[other] not in files, who
            content = conn.execute(
                "SELECT content FROM document_files WHERE document_id = %s", (docs[other],)
            )
            assert content.fetchall() == [], who
            mine = conn.execute("SELECT content FROM document_files WHERE document_id = %s", (docs[own],))
            assert mine.fetchone() == ((A_REPORT if own == "a_doc" else B_REPORT),), who
            joined = conn.execute(
                "SELECT count(*) FROM document_files f JOIN documents d ON d.id = f.document_id "
                "WHERE d.case_id = %s",
                (docs["b_case"] if own == "a_doc" else docs["a_case"],),
            )
            assert joined.fetchone() == (0,), who
            members = conn.execute(
                "SELECT count(*) FROM document_members WHERE document_id = %s", (docs[other],)
            )
            assert members.fetchone() == (0,), who


def test_plain_sql_changes_nothing_of_another_teams_documents(
    shared_store: SharedStore, docs: dict[str, Any]
) -> None:
    b_citizen = _admin(
        shared_store,
        "SELECT fm.citizen_id FROM cases c JOIN family_members fm ON fm.family_id = c.family_id WHERE c.id = :c "
        "LIMIT 1",
        c=docs["b_case"],
    )[0][0]
    row = "version, created_at, updated_at, created_by, updated_by"
    stamp = "1, now(), now(), 'x', 'x'"
    attacks = [
        ("UPDATE documents SET title = 'stjålet' WHERE id = %s", (docs["b_doc"],)),
        ("UPDATE document_files SET content = 'x' WHERE document_id = %s", (docs["b_doc"],)),
        ("DELETE FROM document_files WHERE document_id = %s", (docs["b_doc"],)),
        ("DELETE FROM documents WHERE id = %s", (docs["b_doc"],)),
        # tying rows of her own into team B's case, or B's rows into hers
        ("UPDATE documents SET case_id = %s WHERE id = %s", (docs["b_case"], docs["a_doc"])),
        ("UPDATE documents SET case_id = %s WHERE id = %s", (docs["a_case"], docs["b_doc"])),
        ("UPDATE document_files SET document_id = %s WHERE document_id = %s", (docs["bare"], docs["a_doc"])),
        (
            f"INSERT INTO document_files (document_id, content, {row}) VALUES (%s, 'x', {stamp})",
            (docs["bare"],),
        ),
        (
            f"INSERT INTO document_members (document_id, citizen_id, {row}) VALUES (%s, %s, {stamp})",
            (docs["a_doc"], b_citizen),
        ),
        (
            "INSERT INTO documents (case_id, title, kind, received_on, from_whom, original_name, media_type, "
            f"size_bytes, sha256, {row}) VALUES (%s, 'x', 'other', current_date, '', '', 'x', 0, '', {stamp})",
            (docs["b_case"],),
        ),
    ]
    for sql, params in attacks:
        with psql(shared_store, "anna") as conn:
            try:
                changed = conn.execute(sql, params).rowcount
            except psycopg.errors.InsufficientPrivilege as exc:
                assert "reach" in str(exc), sql
            else:
                assert changed == 0, sql
    _b_untouched(shared_store, docs)
    assert _admin(shared_store, "SELECT case_id FROM documents WHERE id = :d", d=docs["a_doc"]) == [
        (docs["a_case"],)
    ]
    assert _admin(shared_store, "SELECT count(*) FROM documents WHERE case_id = :c", c=docs["b_case"]) == [
        (2,)
    ]


def test_a_read_only_role_reads_but_changes_nothing(shared_store: SharedStore, docs: dict[str, Any]) -> None:
    with psql(shared_store, "reader") as conn:
        assert conn.execute(
            "SELECT content FROM document_files WHERE document_id = %s", (docs["a_doc"],)
        ).fetchone() == (A_REPORT,)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM documents WHERE id = %s", (docs["a_doc"],))
    assert _admin(shared_store, "SELECT count(*) FROM documents WHERE id = :d", d=docs["a_doc"]) == [(1,)]


def test_the_program_with_a_caseworkers_login_keeps_to_her_reach(
    shared_store: SharedStore, docs: dict[str, Any], tmp_path: Path
) -> None:
    ctx = open_context(shared_store.url_for("anna"))
    try:
        with ctx.sessions() as s:
            assert [d.id for d in list_documents(s, docs["a_case"])] == [docs["a_doc"]]
            assert list_documents(s, docs["b_case"]) == []
            info, content = read_content(s, docs["a_doc"])
            assert content == A_REPORT and info.sha256 == hashlib.sha256(A_REPORT).hexdigest()
            for other in (docs["b_doc"], docs["bare"]):
                with pytest.raises(RowGoneError):
                    read_content(s, other)
                with pytest.raises(RowGoneError):
                    write_open_copy(s, other, tmp_path / "copies")
        for change in (
            lambda s: update_document(
                s, docs["b_doc"], DocumentInput("x", received_on=info.received_on), None, info.received_on
            ),
            lambda s: remove_document(s, docs["b_doc"], None),
        ):
            with pytest.raises(RowGoneError), ctx.sessions.begin() as s:
                change(s)
        # Her own: changed and removed through the reach views, file and all.
        with ctx.sessions.begin() as s:
            update_document(
                s,
                docs["a_doc"],
                DocumentInput("Ny titel", received_on=info.received_on),
                info.version,
                info.received_on,
            )
        with ctx.sessions() as s:
            assert get_document(s, docs["a_doc"]).title == "Ny titel"
            path = write_open_copy(s, docs["a_doc"], tmp_path / "copies")
            assert path.read_bytes() == A_REPORT
        with ctx.sessions.begin() as s:
            remove_document(s, docs["a_doc"], None)
    finally:
        ctx.close()
    assert _admin(
        shared_store, "SELECT count(*) FROM document_files WHERE document_id = :d", d=docs["a_doc"]
    ) == [(0,)]
    _b_untouched(shared_store, docs)
    logged = _admin(  # chained, or still waiting in the inbox to be chained
        shared_store,
        "SELECT action, user_login FROM (SELECT occurred_at, action, user_login, object_type, object_id "
        "FROM audit_events UNION ALL SELECT occurred_at, action, user_login, object_type, object_id "
        "FROM audit_inbox) e WHERE object_type = 'document' AND object_id = :d ORDER BY occurred_at",
        d=docs["a_doc"],
    )
    anna = shared_store.logins["anna"]
    assert logged == [("create", anna), ("change", anna), ("open_case", anna), ("delete", anna)]


def test_a_sample_of_every_kind_goes_through_the_reach_views(
    shared_store: SharedStore, tmp_path: Path
) -> None:
    ctx = open_context(shared_store.url_for("ali"))
    try:
        case_id = shared_store.cases["A"][1]
        ids = {ext: attach(ctx, case_id, tmp_path, name=f"bilag.{ext}") for ext in SAMPLES}
        with ctx.sessions() as s:
            for ext, doc_id in ids.items():
                assert read_content(s, doc_id)[1] == SAMPLES[ext]
    finally:
        ctx.close()
