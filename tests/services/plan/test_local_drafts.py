"""Unsaved plan edits in a local file: a round trip, atomic replacement (a crash mid-write
leaves the previous draft whole), file names with ids only, and "is anything unsaved"."""

from __future__ import annotations

import os
import re
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.models.enums import AgreementStatus, GoalLevel, GoalStatus, ResponsibleKind
from app.services.plan import local_drafts
from app.services.plan.local_drafts import LocalDraft, LocalDrafts, has_unsaved_work, store_key
from app.services.plan.plans import AgreementInput, GoalInput, PlanDraft

CPR = "0101901234"
NAME = "Lise Holm Jensen"


def a_draft(summary: str = "Lise vil have arbejde.") -> PlanDraft:
    return PlanDraft(
        sections={"summary": summary, "barriers": f"{NAME} ({CPR}) sover dårligt."},
        member_sections={7: "Søren går i 9. klasse."},
        goals=[
            GoalInput(
                "k-1", None, GoalLevel.OVERALL, "Fast arbejde", (7,), date(2027, 6, 1), GoalStatus.OPEN
            ),
            GoalInput("k-2", "k-1", GoalLevel.SUB, "Praktik", (7, 8), None, GoalStatus.ACHIEVED),
        ],
        agreements=[
            AgreementInput("Ring til jobcentret", ResponsibleKind.PROFESSIONAL, 3, date(2027, 1, 4)),
            AgreementInput("Madplan", None, None, None, AgreementStatus.DONE),
        ],
        offer_comments={(7, "BL-32"): "Virker godt", (8, "sector:health"): "Afventer"},
    )


def local(case_id: int = 42, summary: str = "Lise vil have arbejde.") -> LocalDraft:
    return LocalDraft(
        case_id=case_id,
        plan_version_id=9,
        row_version=4,
        base=a_draft("Lise vil arbejde."),
        draft=a_draft(summary),
        written_at=datetime(2026, 11, 24, 13, 5, tzinfo=UTC),
    )


def test_a_draft_comes_back_as_written(tmp_path: Path) -> None:
    drafts = LocalDrafts(tmp_path / "drafts")
    written = local()
    path = drafts.write(written)
    assert drafts.read(42) == written
    assert drafts.case_ids() == [42]
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # the user's own
    drafts.remove(42)
    assert drafts.read(42) is None and drafts.case_ids() == []
    drafts.remove(42)  # removing nothing is fine


def test_a_crash_mid_write_leaves_the_previous_draft_whole(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    drafts = LocalDrafts(tmp_path)
    drafts.write(local(summary="Første udgave."))
    before = drafts.path(42).read_bytes()

    def crash(_src, _dst):  # type: ignore[no-untyped-def]
        raise OSError("power cut after the temporary file was written")

    monkeypatch.setattr(local_drafts.os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        drafts.write(local(summary="Anden udgave, aldrig færdig."))
    assert drafts.path(42).read_bytes() == before
    assert drafts.read(42).draft.sections["summary"] == "Første udgave."  # type: ignore[union-attr]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan-42.json"]  # no temporary left


def test_a_write_is_flushed_to_disk_before_it_replaces_the_old_one(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(local_drafts.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(
        local_drafts.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))[1]
    )
    LocalDrafts(tmp_path).write(local())
    assert calls[:2] == ["fsync", "replace"]
    if os.name == "posix":
        assert calls == ["fsync", "replace", "fsync"]  # and the folder, so the rename lasts


def test_a_damaged_file_is_no_draft(tmp_path: Path) -> None:
    drafts = LocalDrafts(tmp_path)
    drafts.path(5).write_bytes(b'{"format": 1, "case_id": 5, "base": {')
    assert drafts.read(5) is None


def test_file_and_folder_names_hold_ids_only(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    drafts = LocalDrafts.for_store("postgresql+psycopg://lise@plan.example.dk/kommune", "lise.jensen")
    drafts.write(local(case_id=42))
    drafts.write(local(case_id=7))
    assert tmp_path in drafts.folder.parents
    names = [p.name for p in drafts.folder.parent.rglob("*")]
    assert names and all(re.fullmatch(r"plan-\d+\.json|[0-9a-f]{16}", name) for name in names), names
    for text in (CPR, "Lise", "lise", "Holm", "example", "kommune"):
        assert all(text not in str(p.relative_to(tmp_path)) for p in drafts.folder.rglob("*"))
    # One folder per store and login: the same case id in two stores never collides.
    assert store_key("a.sqlite", "lise") != store_key("b.sqlite", "lise") != store_key("b.sqlite", "bo")


def test_unsaved_work_is_what_the_store_does_not_have() -> None:
    base = a_draft("Start.")
    stored_now = a_draft("Start.")
    mine = LocalDraft(1, 9, 4, base, a_draft("Start.\nMin tilføjelse."), datetime.now(UTC))
    assert has_unsaved_work(mine, stored_now)
    assert has_unsaved_work(mine, None)
    # Someone (or we, elsewhere) saved it since, with more: nothing left to restore.
    assert not has_unsaved_work(mine, a_draft("Start.\nMin tilføjelse.\nOg mere."))
    # No edits of its own: nothing to restore, whatever is stored.
    assert not has_unsaved_work(LocalDraft(1, 9, 4, base, a_draft("Start. "), datetime.now(UTC)), None)
    # Edits that the store has lost again (someone removed them) are still ours to offer.
    assert has_unsaved_work(mine, a_draft("Noget helt andet."))


# -- an encrypted store's drafts are encrypted (issue 12) -----------------------------------


@pytest.mark.parametrize("summary", ["Lise vil have arbejde.", "Emil 010190-1234 æøå " * 50, ""])
def test_an_encrypted_stores_draft_is_never_plain_text(tmp_path: Path, summary: str) -> None:
    key = local_drafts.draft_key("ab" * 32)
    drafts = LocalDrafts(tmp_path, key)
    drafts.write(local(summary=summary))
    raw = drafts.path(42).read_bytes()
    assert b"Lise" not in raw and b"summary" not in raw and b"case_id" not in raw
    assert drafts.read(42).draft.sections["summary"] == summary  # type: ignore[union-attr]
    # Another key (another store, or the key lost) reads no draft, and says so in the log only.
    assert LocalDrafts(tmp_path, local_drafts.draft_key("cd" * 32)).read(42) is None
    assert LocalDrafts(tmp_path).read(42) is None


def test_a_plain_draft_left_from_before_is_read_and_rewritten_sealed(tmp_path: Path) -> None:
    LocalDrafts(tmp_path).write(local(summary="Skrevet før krypteringen."))
    sealed = LocalDrafts(tmp_path, local_drafts.draft_key("01" * 32))
    found = sealed.read(42)
    assert found is not None and found.draft.sections["summary"] == "Skrevet før krypteringen."
    sealed.write(found)
    assert b"krypteringen" not in sealed.path(42).read_bytes()


def test_a_killed_writes_temporary_file_is_swept_at_the_next_start(tmp_path: Path) -> None:
    drafts = LocalDrafts(tmp_path)
    drafts.write(local())
    # What a process killed mid-write leaves: a temporary file named with its (gone) pid.
    stale = tmp_path / ".plan-42.json.999999999.x1y2z3ab.koordinator-part"
    stale.write_bytes(b"{half a draft")
    live = tmp_path / f".plan-42.json.{os.getpid()}.a1b2c3d4.koordinator-part"
    live.write_bytes(b"{being written now")
    LocalDrafts(tmp_path)
    assert not stale.exists() and live.exists()
    live.unlink()
