"""The encrypted local store through the program's own opening path: made with --encrypt,
opened again with the key from the keyring, refused plainly without one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from sqlalchemy import func, select

from app.cli import EXIT_OK, EXIT_STORE, main
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
        ctx.sessions.kw["bind"].dispose()
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
    assert "cannot read the store" in err and "Traceback" not in err
