"""The one way the program writes a file, and the checks that keep an output from destroying one.

* ``check_output(path)`` refuses, before anything is written, an output that resolves (through
  links too) to a store, its ``-wal``/``-shm``/``-journal`` or backup files, or to anything
  that is not a regular file or a new file in an existing folder (a device such as
  ``/dev/full``, a folder, a pipe).
* ``write_into_place(target, fill)`` is the one atomic replace: a temporary file in the same
  folder, filled, fsynced, renamed over the target, the folder fsynced: the target holds all
  of the new content or its old content, never part. The temporary file is removed on any
  failure; one left by a killed process (its name carries the process id) is swept by
  ``sweep_stale``. ``write_atomic(path, data)`` is it for bytes, checked by ``check_output``.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".koordinator-part"
# ".<target>.<pid>.<8 random characters>.koordinator-part", and the side files SQLite may
# leave beside a temporary database (a backup being written): -journal, -wal, -shm. The random
# part is required, so an all-digit one is never taken for the process id.
_TEMP_NAME = re.compile(r"^\..+\.(\d+)\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + r"(?:-journal|-wal|-shm)?$")
# Before the temporary names carried a process id, a killed draft write left ".plan-<id>-….tmp".
_OLD_DRAFT_TEMP = re.compile(r"^\.plan-\d+-[A-Za-z0-9_]+\.tmp$")
OLD_TEMP_AGE_S = 600
_STORE_SIDE_FILES = ("-wal", "-shm", "-journal")
MAX_PATH_CHARS = 4096

_protected: set[Path] = set()


class OutputRefusedError(OSError):
    """An output that must not be written; ``str()`` is the plain reason."""

    def __init__(self, message: str) -> None:
        super().__init__(errno.EINVAL, message)  # strerror is the message too
        self.message = message

    def __str__(self) -> str:
        return self.message


def _resolved(path: Path) -> Path:
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return path.absolute()


def protect_store(path: str | os.PathLike[str]) -> None:
    """Register a store file: no output may ever be written onto it or its side files."""
    _protected.add(_resolved(Path(path)))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # one file under two names (a link, a case-blind disk)
    except (OSError, ValueError):
        return False


def _is_store_file(target: Path) -> bool:
    """The store itself or one of its side files or backups, by name (also in another case,
    for a case-blind disk) or by identity (a hard link)."""
    folded = target.name.casefold()
    for store in _protected:
        sides = [store.with_name(store.name + side) for side in _STORE_SIDE_FILES]
        if target == store or _same_file(target, store) or any(_same_file(target, s) for s in sides):
            return True
        if target.parent == store.parent and (
            folded == store.name.casefold()
            or folded in {side.name.casefold() for side in sides}
            or folded.startswith(store.name.casefold() + ".backup-")
        ):
            return True
    return False


# The first bytes of SQLite's own files: a database, a write-ahead log, a rollback journal.
_DATABASE_MAGIC = (
    b"SQLite format 3\x00",
    bytes.fromhex("377f0682"),
    bytes.fromhex("377f0683"),
    bytes.fromhex("d9d505f920a163d7"),
)
_DATABASE_SUFFIXES = (".sqlite", ".sqlite3", ".db", ".db3")


def _beside_a_database(target: Path) -> bool:
    """A name SQLite would take for a database's log or journal (``x.sqlite-wal`` beside an
    existing ``x.sqlite``), whether or not that file exists now."""
    name = target.name.casefold()
    return any(
        name.endswith(side) and target.with_name(target.name[: -len(side)]).exists()
        for side in _STORE_SIDE_FILES
    )


def _looks_like_a_database(target: Path) -> bool:
    """An existing database or part of one: a store not registered here, another program's,
    an encrypted one (known by its name only), or a log or journal beside a database."""
    name = target.name.casefold()
    if name.endswith(_DATABASE_SUFFIXES) or ".backup-" in name or _beside_a_database(target):
        return True
    try:
        with target.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    return any(head.startswith(magic) for magic in _DATABASE_MAGIC)


def check_output(path: str | os.PathLike[str]) -> Path:
    """The path to write to, or OutputRefusedError with a plain reason. Writes nothing."""
    raw = os.fspath(path)
    if not raw or not raw.strip():
        raise OutputRefusedError("no output file was named")
    if "\x00" in raw:
        raise OutputRefusedError("the output file name contains a NUL character")
    if len(raw) > MAX_PATH_CHARS:
        raise OutputRefusedError(f"the output file name is longer than {MAX_PATH_CHARS} characters")
    if raw.endswith(("/", os.sep)):
        raise OutputRefusedError(f"{raw} names a folder; name a file to write")
    given = Path(raw).expanduser()
    target = _resolved(given)
    if _is_store_file(target):
        raise OutputRefusedError(f"{given} is the store (or one of its files); it is never overwritten")
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputRefusedError(f"cannot write {given}: {exc.strerror or exc}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise OutputRefusedError(f"{given} is a folder; name a file to write")
        if not stat.S_ISREG(info.st_mode):
            raise OutputRefusedError(f"{given} is not a regular file (a device or a pipe)")
        if _looks_like_a_database(target):
            raise OutputRefusedError(f"{given} is a database or part of one; an export never overwrites it")
        if not os.access(target, os.W_OK):
            raise OutputRefusedError(f"{given} is read-only; it is not replaced")
    elif _beside_a_database(target):
        raise OutputRefusedError(f"{given} would be taken for a part of the database beside it")
    folder = target.parent
    if not folder.is_dir():
        raise OutputRefusedError(f"the folder {folder} does not exist")
    if len(target.name.encode("utf-8", "surrogateescape")) > 255:
        raise OutputRefusedError("the output file name is too long for the disk (over 255 bytes)")
    return target


def sync_folder(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder to fsync it; its rename is journalled
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_into_place(
    target: Path, fill: Callable[[Path], object], *, before_rename: Callable[[Path], object] | None = None
) -> Path:
    """The one way a file is replaced atomically: ``fill`` writes the new content into a
    temporary file beside ``target`` (named so that ``sweep_stale`` knows it); the file is
    fsynced, ``before_rename`` may check or adjust it, it is renamed over ``target`` and the
    folder fsynced. ``target`` then holds all of the new content or its old content, never
    part; on any failure the temporary file (and what SQLite left beside it) is removed."""
    temp = temp_name_for(target)
    try:
        fill(temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        if before_rename is not None:
            before_rename(temp)
        os.replace(temp, target)
    except BaseException:
        remove_with_side_files(temp)
        raise
    sync_folder(target.parent)
    return target


_NEW_FILE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
)


def _give_mode(temp: Path, target: Path, private: bool) -> None:
    """A replaced file keeps its permissions; a new one gets the usual ones (0600 when private)."""
    if target.exists():
        with contextlib.suppress(OSError):
            os.chmod(temp, target.stat().st_mode & 0o777)
    elif not private:
        umask = os.umask(0)
        os.umask(umask)
        with contextlib.suppress(OSError):
            os.chmod(temp, 0o666 & ~umask)


def write_streamed(
    path: str | os.PathLike[str], produce: Callable[[BinaryIO], object], *, private: bool = False
) -> Path:
    """Replace ``path`` with what ``produce`` writes into the open file (checked by
    ``check_output``, before writing and again just before the rename: the target may have
    changed meanwhile). A replaced file keeps its permissions; a new one gets the usual ones
    (0600 when ``private``). Returns the path."""
    target = check_output(path)

    def fill(temp: Path) -> None:
        with os.fdopen(os.open(temp, _NEW_FILE_FLAGS, 0o600), "wb") as handle:
            produce(handle)

    def finish(temp: Path) -> None:
        _give_mode(temp, target, private)
        check_output(target)

    return write_into_place(target, fill, before_rename=finish)


def write_atomic(path: str | os.PathLike[str], data: bytes, *, private: bool = False) -> Path:
    """``write_streamed`` of ``data``."""
    return write_streamed(path, lambda handle: handle.write(data), private=private)


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    return write_atomic(path, text.encode(encoding))


class TextSink:
    """Text written into a binary file, encoded as it comes (an incremental encoder: a
    ``utf-8-sig`` byte-order mark once, at the start)."""

    def __init__(self, handle: BinaryIO, encoding: str) -> None:
        self._handle = handle
        self._encoder = codecs.getincrementalencoder(encoding)()

    def write(self, text: str) -> int:
        self._handle.write(self._encoder.encode(text))
        return len(text)


def write_text_streamed(
    path: str | os.PathLike[str], produce: Callable[[TextSink], object], encoding: str = "utf-8"
) -> Path:
    """``write_streamed`` through a text sink (no newline translation, as for CSV)."""
    return write_streamed(path, lambda handle: produce(TextSink(handle, encoding)))


def process_alive(pid: int, age_seconds: float) -> bool:
    """Whether the process that named a temporary file may still be writing it. On Windows
    ``os.kill(pid, 0)`` would end that process, so the file's age decides there."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return age_seconds < 3600
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def remove_with_side_files(path: Path) -> None:
    """Remove a (temporary) database file and what SQLite may have left beside it."""
    for name in (path.name, path.name + "-journal", path.name + "-wal", path.name + "-shm"):
        with contextlib.suppress(OSError):
            path.with_name(name).unlink()


def temp_name_for(target: Path) -> Path:
    """A temporary name beside ``target`` that ``sweep_stale`` recognises (for writers that
    cannot use ``write_atomic``, such as SQLite's backup)."""
    token = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(8))
    return target.with_name(f".{target.name[:80]}.{os.getpid()}.{token}{TEMP_SUFFIX}")


def sweep_stale(folder: str | os.PathLike[str]) -> int:
    """Remove the temporary files that killed processes left in ``folder``; returns how many."""
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        old_style = _OLD_DRAFT_TEMP.match(entry.name)
        if not (match or old_style) or not entry.is_file(follow_symlinks=False):
            continue
        try:
            age = time.time() - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        gone = age > OLD_TEMP_AGE_S if old_style else not process_alive(int(match.group(1)), age)  # type: ignore[union-attr]
        if gone:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
    return removed
