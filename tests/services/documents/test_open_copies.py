"""Copies of a document's file outside the store: opened from a private folder under a neutral
name and removed afterwards (when the program closes, and a killed program's at the next
start); saved elsewhere as a logged export."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from app.services.common import audit
from app.services.documents import open_copies
from app.services.documents.documents import get_document
from app.services.documents.open_copies import (
    PrivateFolderError,
    open_copies_root,
    remove_open_copies,
    run_folder,
    save_copy,
    sweep_open_copies,
    write_open_copy,
)
from app.store.safe_files import OutputRefusedError
from tests.services.documents.helpers import attach, entries, family_case
from tests.services.documents.samples import SAMPLES

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def document(context: Any, tmp_path: Path) -> Any:
    fam = family_case(context)
    folder = tmp_path / "in"
    folder.mkdir()
    doc_id = attach(
        context,
        fam.case_id,
        folder,
        name="Lægeerklæring Freja 120379-1234.pdf",
        title="Lægeerklæring om Freja 120379-1234",
        members=(fam["Freja"],),
    )
    return context, doc_id


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_copy_is_opened_from_a_private_folder_under_a_neutral_name(document: Any, tmp_path: Path) -> None:
    ctx, doc_id = document
    root = tmp_path / "copies"
    with ctx.sessions() as s:
        path = write_open_copy(s, doc_id, root)
    assert path.name == f"dokument-{doc_id}.pdf"
    assert path.parent == root / f"run-{os.getpid()}"
    assert path.read_bytes() == SAMPLES["pdf"]
    if os.name == "posix":
        assert mode(root) == 0o700 and mode(path.parent) == 0o700
        assert mode(path) == 0o600
    for part in path.parts[len(tmp_path.parts) :]:
        assert "1234" not in part and "Freja" not in part and "Lægeerklæring" not in part
    # Opening it again writes the same copy anew.
    with ctx.sessions() as s:
        assert write_open_copy(s, doc_id, root) == path
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]
    logged = entries(ctx, doc_id)
    assert [e.action for e in logged] == [audit.CREATE, audit.OPEN_CASE, audit.OPEN_CASE]
    assert json.loads(logged[1].details) == {
        "media_type": "application/pdf",
        "size_bytes": len(SAMPLES["pdf"]),
    }


def test_the_default_folder_is_in_the_users_own_cache(document: Any) -> None:
    ctx, doc_id = document
    with ctx.sessions() as s:
        path = write_open_copy(s, doc_id)
    cache = Path(os.environ["XDG_CACHE_HOME"]) if os.name == "posix" and sys.platform != "darwin" else None
    if cache is not None:
        assert open_copies_root().is_relative_to(cache)
    assert path.is_relative_to(open_copies_root())
    assert remove_open_copies() == 1
    assert not path.exists() and not path.parent.exists()


def test_the_program_removes_its_copies_when_it_closes(document: Any, tmp_path: Path) -> None:
    ctx, doc_id = document
    root = tmp_path / "copies"
    other = root / "run-1"  # another program's (process 1 always runs)
    other.mkdir(parents=True)
    (other / "dokument-9.pdf").write_bytes(b"%PDF-")
    with ctx.sessions() as s:
        path = write_open_copy(s, doc_id, root)
    assert remove_open_copies(root) == 1
    assert not path.exists() and not path.parent.exists()
    assert (other / "dokument-9.pdf").exists()
    assert remove_open_copies(root) == 0  # nothing left: no error


@pytest.mark.skipif(os.name != "posix", reason="kills a process with SIGKILL")
def test_a_killed_programs_copies_are_removed_at_the_next_start(tmp_path: Path) -> None:
    root = tmp_path / "copies"
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from app.services.documents.open_copies import run_folder
        folder = run_folder(Path({str(root)!r}))
        (folder / "dokument-7.pdf").write_bytes(b"%PDF-1.4")
        (folder / "dokument-8.docx").write_bytes(b"PK")
        print(folder, flush=True)
        time.sleep(120)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        folder = Path(child.stdout.readline().strip())
        assert folder.name == f"run-{child.pid}" and len(list(folder.iterdir())) == 2
        # While it runs, its copies stay (it may still be showing them).
        assert sweep_open_copies(root) == 0 and folder.exists()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        if child.stdout is not None:
            child.stdout.close()
    mine = run_folder(root)
    (mine / "dokument-1.pdf").write_bytes(b"%PDF-")
    stray = root / "dokument-3.pdf"  # a copy outside any program's folder
    stray.write_bytes(b"%PDF-")
    assert sweep_open_copies(root) == 3
    assert not folder.exists() and not stray.exists()
    assert (mine / "dokument-1.pdf").exists()  # this program's own stay until it closes
    assert sweep_open_copies(root) == 0


def test_a_missing_folder_is_no_error(tmp_path: Path) -> None:
    assert sweep_open_copies(tmp_path / "never-made") == 0
    assert remove_open_copies(tmp_path / "never-made") == 0


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_private_folder_that_is_a_link_is_not_written_into(document: Any, tmp_path: Path) -> None:
    ctx, doc_id = document
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = tmp_path / "copies"
    root.symlink_to(elsewhere)
    with ctx.sessions() as s, pytest.raises(PrivateFolderError):
        write_open_copy(s, doc_id, root)
    assert list(elsewhere.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_private_folder_left_open_is_closed_again(tmp_path: Path) -> None:
    root = tmp_path / "copies"
    root.mkdir(mode=0o777)
    os.chmod(root, 0o777)
    folder = run_folder(root)
    assert mode(root) == 0o700 and mode(folder) == 0o700


def test_a_copy_held_by_its_viewer_is_written_beside_it(
    document: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx, doc_id = document
    root = tmp_path / "copies"
    real = open_copies.write_atomic

    def held(path: Any, data: bytes, **kwargs: Any) -> Path:
        if Path(path).name == f"dokument-{doc_id}.pdf":
            raise PermissionError(13, "in use")  # Windows, while a viewer has it open
        return real(path, data, **kwargs)

    monkeypatch.setattr(open_copies, "write_atomic", held)
    with ctx.sessions() as s:
        path = write_open_copy(s, doc_id, root)
    assert path.name == f"dokument-{doc_id}-2.pdf" and path.read_bytes() == SAMPLES["pdf"]


# -- a copy saved elsewhere -------------------------------------------------------------------------


def test_save_copy_writes_the_file_and_logs_an_export(document: Any, tmp_path: Path) -> None:
    ctx, doc_id = document
    target = tmp_path / "ud" / "min kopi.pdf"
    target.parent.mkdir()
    with ctx.sessions() as s:
        assert save_copy(s, doc_id, target) == target.resolve()
    assert target.read_bytes() == SAMPLES["pdf"]
    logged = entries(ctx, doc_id)
    assert [e.action for e in logged] == [audit.CREATE, audit.EXPORT]
    details = json.loads(logged[1].details)
    assert details == {"kind": "document.pdf", "size_bytes": len(SAMPLES["pdf"])}
    assert "min kopi" not in logged[1].details and "ud" not in logged[1].details.split('"')


def test_save_copy_refuses_the_store_and_folders_and_logs_nothing(
    document: Any, tmp_path: Path, store_url: str
) -> None:
    ctx, doc_id = document
    refused = [tmp_path, tmp_path / "no-such-folder" / "x.pdf"]
    if "://" not in store_url:
        refused.append(Path(store_url))  # the SQLite store itself
    for place in refused:
        with ctx.sessions() as s, pytest.raises(OutputRefusedError):
            save_copy(s, doc_id, place)
    assert [e.action for e in entries(ctx, doc_id)] == [audit.CREATE]
    with ctx.sessions() as s:
        assert get_document(s, doc_id).size_bytes == len(SAMPLES["pdf"])
