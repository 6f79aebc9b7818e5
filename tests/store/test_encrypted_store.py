"""The encrypted local store through the program's own opening path: made with --encrypt,
opened again with the key from the keyring, refused plainly without one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import func, select

from app.cli.cli import EXIT_OK, EXIT_STORE, main
from app.models import Case
from app.startup import open_context
from app.store.encryption import SQLITE_HEADER, available
from tests.store.test_credentials import DictKeyring

pytestmark = pytest.mark.skipif(not available()[0], reason="SQLCipher is not installed here")


@pytest.fixture
def desktop_keyring() -> Iterator[DictKeyring]:
    previous = keyring.get_keyring()
    backend = DictKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_encrypt_makes_a_store_the_program_opens_again_with_the_keyrings_key(
    tmp_path: Path, desktop_keyring: DictKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "secret.sqlite"
    monkeypatch.setenv("KOORDINATOR_ENCRYPT", "0")  # restored after the test (main sets it)
    assert main(["--encrypt", "demo", "--db", str(db), "--families", "1"]) == EXIT_OK
    monkeypatch.setenv("KOORDINATOR_ENCRYPT", "0")  # --encrypt only makes new stores
    assert db.read_bytes()[: len(SQLITE_HEADER)] != SQLITE_HEADER
    assert any(
        secret for (service, _entry), secret in desktop_keyring.entries.items() if service == "Koordinator"
    )
    ctx = open_context(str(db), login="tester")
    try:
        with ctx.sessions() as session:
            assert session.scalar(select(func.count(Case.id))) == 2  # one household plus Lise's
    finally:
        ctx.close()
    assert main(["verify-audit", "--db", str(db)]) == EXIT_OK


def test_without_the_key_the_store_is_refused_plainly(
    tmp_path: Path,
    desktop_keyring: DictKeyring,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = tmp_path / "secret.sqlite"
    monkeypatch.setenv("KOORDINATOR_ENCRYPT", "0")
    assert main(["--encrypt", "demo", "--db", str(db), "--families", "0"]) == EXIT_OK
    monkeypatch.setenv("KOORDINATOR_ENCRYPT", "0")
    desktop_keyring.entries.clear()  # another computer, or the key was lost
    capsys.readouterr()
    assert main(["export-ics", "K-2026-0001", "-o", str(tmp_path / "x.ics"), "--db", str(db)]) == EXIT_STORE
    err = capsys.readouterr().err
    assert (
        "no key for this encrypted database is kept in this computer's keyring" in err
        and "Traceback" not in err
    )


def test_an_encrypted_stores_plan_drafts_are_encrypted_with_its_key(
    tmp_path: Path, desktop_keyring: DictKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.common.clock import now_utc
    from app.services.plan.local_drafts import LocalDraft, LocalDrafts
    from app.services.plan.plans import PlanDraft

    db = tmp_path / "secret.sqlite"
    monkeypatch.setenv("KOORDINATOR_ENCRYPT", "0")
    assert main(["--encrypt", "demo", "--db", str(db), "--families", "0"]) == EXIT_OK
    monkeypatch.setenv("KOORDINATOR_ENCRYPT", "0")
    ctx = open_context(str(db), login="tester")
    plain = open_context(str(tmp_path / "plain.sqlite"), login="tester")
    try:
        assert ctx.draft_key is not None and len(ctx.draft_key) == 32
        assert plain.draft_key is None
        drafts = LocalDrafts(tmp_path / "drafts", ctx.draft_key)
        text = "Lise vil gerne have arbejde i Helsingør."
        drafts.write(LocalDraft(1, None, None, PlanDraft(), PlanDraft(sections={"summary": text}), now_utc()))
    finally:
        ctx.close()
        plain.close()
    raw = drafts.path(1).read_bytes()
    assert text.encode() not in raw and b"Helsing" not in raw
    assert drafts.read(1).draft.sections["summary"] == text  # type: ignore[union-attr]


@pytest.mark.parametrize("move", ["renamed", "other-folder", "both"])
def test_a_moved_or_renamed_encrypted_store_still_opens(
    tmp_path: Path, desktop_keyring: DictKeyring, monkeypatch: pytest.MonkeyPatch, move: str
) -> None:
    db = tmp_path / "secret.sqlite"
    monkeypatch.setenv("KOORDINATOR_ENCRYPT", "0")
    assert main(["--encrypt", "demo", "--db", str(db), "--families", "1"]) == EXIT_OK
    monkeypatch.setenv("KOORDINATOR_ENCRYPT", "0")
    target = {
        "renamed": tmp_path / "hemmelig.sqlite",
        "other-folder": tmp_path / "usb" / "secret.sqlite",
        "both": tmp_path / "backup" / "kopi.db",
    }[move]
    target.parent.mkdir(exist_ok=True)
    db.rename(target)
    ctx = open_context(str(target), login="tester")
    try:
        with ctx.sessions() as session:
            assert session.scalar(select(func.count(Case.id))) == 2
    finally:
        ctx.close()
    assert main(["verify-audit", "--db", str(target)]) == EXIT_OK


@pytest.mark.parametrize(
    ("keyring_state", "says"),
    [
        ("none", "keyring cannot be used"),
        ("locked", "could not be read"),
        ("empty", "no key for this encrypted database"),
    ],
)
def test_each_keyring_problem_has_its_own_message(
    tmp_path: Path,
    desktop_keyring: DictKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    keyring_state: str,
    says: str,
) -> None:
    db = tmp_path / "secret.sqlite"
    monkeypatch.setenv("KOORDINATOR_ENCRYPT", "0")
    assert main(["--encrypt", "demo", "--db", str(db), "--families", "0"]) == EXIT_OK
    monkeypatch.setenv("KOORDINATOR_ENCRYPT", "0")
    before = db.read_bytes()
    if keyring_state == "none":
        from keyring.backends import fail

        keyring.set_keyring(fail.Keyring())
    elif keyring_state == "locked":

        def locked(*_args: object) -> str:
            raise RuntimeError("the keyring is locked")

        monkeypatch.setattr(desktop_keyring, "get_password", locked)
    else:
        desktop_keyring.entries.clear()
    capsys.readouterr()
    assert main(["verify-audit", "--db", str(db)]) == EXIT_STORE
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err and "file is not a database" not in err
    assert db.read_bytes() == before


def test_encrypt_on_an_existing_plain_store_is_refused_not_ignored(
    tmp_path: Path,
    desktop_keyring: DictKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db = tmp_path / "plain.sqlite"
    assert main(["demo", "--db", str(db), "--families", "0"]) == EXIT_OK
    before = db.read_bytes()
    monkeypatch.setenv("KOORDINATOR_ENCRYPT", "0")
    for args in (["--encrypt", "demo", "--db", str(db)], ["--encrypt", "--db", str(db), "verify-audit"]):
        capsys.readouterr()
        assert main(args) == 2
        assert "already exists without encryption" in capsys.readouterr().err
    assert db.read_bytes() == before
