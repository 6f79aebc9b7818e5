"""Copies of a document's file outside the store: one to open in the system's viewer, one
the caseworker saves somewhere ("Save copy…").

A copy to open is written into a private folder of the user's (mode 0700, under the user's
cache folder, never a shared temporary folder another user could prepare), in a folder of
the running program's own (``run-<process id>``), under a neutral name:
``dokument-<id>.<ext>`` — never the file's own name, never a title, so no CPR number or
name is ever a file name on disk. The program removes its folder when it closes
(``remove_open_copies``) and, at the next start, the folders of programs that were killed
(``sweep_open_copies``). Opening is logged as a read of the case, saving a copy as an
export. Qt-free: the UI hands the path to the system's viewer.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_path

from app.store.safe_files import process_alive, write_atomic

if TYPE_CHECKING:  # the documents service is loaded when a document is opened, not at start
    from sqlalchemy.orm import Session

    from app.services.documents.documents import DocumentInfo

FOLDER_NAME = "open-documents"
_RUN_FOLDER = re.compile(r"^run-(\d+)$")


class PrivateFolderError(OSError):
    """The private folder is not safe to write into (a link, someone else's, not a folder)."""


def open_copies_root() -> Path:
    """The user's private folder for copies being opened (the user's cache folder)."""
    return user_cache_path("Koordinator", appauthor=False) / FOLDER_NAME


def _private_dir(path: Path) -> Path:
    """``path`` as a folder only this user may enter (made when missing)."""
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700, parents=True)
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode):
        raise PrivateFolderError(f"{path} is not a folder")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise PrivateFolderError(f"{path} belongs to another user")
    if os.name == "posix" and stat.S_IMODE(info.st_mode) != 0o700:
        os.chmod(path, 0o700)
    return path


def run_folder(root: Path | None = None) -> Path:
    """This program's own folder of copies (made when missing)."""
    base = _private_dir(root or open_copies_root())
    return _private_dir(base / f"run-{os.getpid()}")


def copy_name(info: DocumentInfo) -> str:
    """The neutral name of a copy: ``dokument-<id>.<ext>``."""
    return f"dokument-{info.id}.{info.extension}"


def write_open_copy(session: Session, document_id: int, root: Path | None = None) -> Path:
    """Write the document's file into the private folder, to be opened; returns its path.
    Logged as a read of the document (before the file is written)."""
    from app.services.common import audit
    from app.services.documents.documents import log_document, read_content

    info, content = read_content(session, document_id)
    details: dict[str, object] = {"media_type": info.media_type, "size_bytes": info.size_bytes}
    log_document(session, audit.OPEN_CASE, info, details, now=True)
    folder = run_folder(root)
    name = copy_name(info)
    try:
        return write_atomic(folder / name, content, private=True)
    except PermissionError:
        # The copy opened before is still held by its viewer (Windows): another copy beside it.
        stem, ext = name.rsplit(".", 1)
        for n in range(2, 10):
            with contextlib.suppress(PermissionError):
                return write_atomic(folder / f"{stem}-{n}.{ext}", content, private=True)
        raise


def save_copy(session: Session, document_id: int, path: str | os.PathLike[str]) -> Path:
    """Write the document's file where the caseworker chose; logged as an export (the kind
    of file, never the path or name). Raises OutputRefusedError for a place that must not
    be written (the store itself, a folder, a device)."""
    from app.services.common import audit
    from app.services.documents.documents import log_document, read_content
    from app.store.safe_files import check_output

    target = check_output(path)  # refused before anything is read or logged
    info, content = read_content(session, document_id)
    details: dict[str, object] = {"kind": f"document.{info.extension}", "size_bytes": info.size_bytes}
    log_document(session, audit.EXPORT, info, details, now=True)
    return write_atomic(target, content)


def remove_open_copies(root: Path | None = None) -> int:
    """Remove this program's copies (when it closes); returns how many files went."""
    folder = (root or open_copies_root()) / f"run-{os.getpid()}"
    return _remove_folder(folder)


def sweep_open_copies(root: Path | None = None) -> int:
    """Remove the copies programs that no longer run left behind (killed, crashed); returns
    how many files went. Another running program's copies stay."""
    base = root or open_copies_root()
    removed = 0
    try:
        entries = list(os.scandir(base))
    except OSError:
        return 0
    for entry in entries:
        match = _RUN_FOLDER.match(entry.name)
        if match is None:
            if entry.is_file(follow_symlinks=False) or entry.is_symlink():
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed += 1
            continue
        if int(match.group(1)) == os.getpid():
            continue
        try:
            age = time.time() - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        if not process_alive(int(match.group(1)), age):
            removed += _remove_folder(Path(entry.path))
    return removed


def _remove_folder(folder: Path) -> int:
    try:
        if folder.is_symlink():
            folder.unlink()
            return 0
        count = sum(1 for p in folder.rglob("*") if p.is_file())
    except OSError:
        return 0
    shutil.rmtree(folder, ignore_errors=True)
    return count if not folder.exists() else 0
