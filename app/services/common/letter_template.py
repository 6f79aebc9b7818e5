"""The municipality's letter template: the logo, the sender and the address printed at the top
of the Word copies of the plan and the meeting papers. Set once (by IT on a shared server, with
``koordinator letter-template`` or the settings dialog) and kept in the store's own settings, so
every caseworker who uses the store gets the same. Qt-free.

It lives in ``store_settings`` like the team's caseload limit: every staff role reads that table,
only its owner (IT, the admin group) writes it. A setting's value holds at most 2,000 characters,
so the logo is kept base64-encoded in numbered parts (``letter_logo.000``, ``letter_logo.001``,
…) with its type and a SHA-256 of the whole beside them: parts that do not add up to that
(a half-finished change by hand) mean "no logo" rather than a broken image.
"""

from __future__ import annotations

import base64
import hashlib
import struct
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import StoreSetting
from app.services.common.danish import hide_cpr

SENDER_KEY = "letter_sender"
ADDRESS_KEY = "letter_address"
LOGO_TYPE_KEY = "letter_logo_type"
LOGO_HASH_KEY = "letter_logo_sha256"
LOGO_PART_PREFIX = "letter_logo."
PART_CHARS = 2000  # store_settings.value holds 2,000 characters

MAX_LOGO_BYTES = 100 * 1024  # a letterhead logo is a few tens of kilobytes
MAX_LOGO_PIXELS = 5000  # per side
MAX_SENDER_CHARS = 200
MAX_ADDRESS_LINES = 6
MAX_ADDRESS_LINE_CHARS = 120
LOGO_TYPES = ("png", "jpeg")


class LetterTemplateError(ValueError):
    """A logo, sender or address that cannot be used, with a plain reason."""


@dataclass(frozen=True, slots=True)
class Logo:
    data: bytes
    kind: str  # "png" or "jpeg"
    width: int  # pixels
    height: int


@dataclass(frozen=True, slots=True)
class LetterTemplate:
    sender: str = ""  # "Familieafdelingen, Eksempel Kommune"
    address: tuple[str, ...] = ()  # lines: "Rådhuspladsen 1", "3000 Helsingør", "Telefon 49 28 28 28"
    logo: Logo | None = None

    @property
    def empty(self) -> bool:
        return not self.sender and not self.address and self.logo is None


# -- checking ----------------------------------------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The size in the first start-of-frame marker (baseline, progressive, …)."""
    if data[:3] != b"\xff\xd8\xff":
        return None
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            i += 2
            continue
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[i + 5 : i + 9])
            return int(width), int(height)
        i += 2 + length
    return None


def check_logo(data: bytes) -> Logo:
    """``data`` as a logo: a PNG or JPEG image of at most 100 KB. Raises LetterTemplateError."""
    if not data:
        raise LetterTemplateError("the logo file is empty")
    kb = (len(data) + 1023) // 1024
    if len(data) > MAX_LOGO_BYTES:
        raise LetterTemplateError(
            f"the logo is {kb} KB; it may be at most {MAX_LOGO_BYTES // 1024} KB "
            "(save it smaller, e.g. 600 pixels wide)"
        )
    for kind, size in (("png", _png_size(data)), ("jpeg", _jpeg_size(data))):
        if size is None:
            continue
        width, height = size
        if not (0 < width <= MAX_LOGO_PIXELS and 0 < height <= MAX_LOGO_PIXELS):
            raise LetterTemplateError(
                f"the logo is {width}×{height} pixels; each side must be 1-{MAX_LOGO_PIXELS} pixels"
            )
        return Logo(data, kind, width, height)
    raise LetterTemplateError("the logo must be a PNG or JPEG image")


def _has_cpr(text: str) -> bool:
    return hide_cpr(text) != text


def check_sender(text: str) -> str:
    sender = " ".join(text.split())
    if len(sender) > MAX_SENDER_CHARS:
        raise LetterTemplateError(f"the sender is longer than {MAX_SENDER_CHARS} characters")
    if _has_cpr(sender):
        raise LetterTemplateError("the sender holds a CPR-shaped number")
    return sender


def check_address(lines: list[str] | tuple[str, ...] | str) -> tuple[str, ...]:
    """Address lines (a text is split at its line breaks); blank lines are dropped."""
    if isinstance(lines, str):
        lines = lines.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept = tuple(" ".join(line.split()) for line in lines if line.strip())
    if len(kept) > MAX_ADDRESS_LINES:
        raise LetterTemplateError(f"the address has {len(kept)} lines; at most {MAX_ADDRESS_LINES}")
    for line in kept:
        if len(line) > MAX_ADDRESS_LINE_CHARS:
            raise LetterTemplateError(f"an address line is longer than {MAX_ADDRESS_LINE_CHARS} characters")
        if _has_cpr(line):
            raise LetterTemplateError("the address holds a CPR-shaped number")
    return kept


# -- reading and writing -----------------------------------------------------------------------


def letter_template(session: Session) -> LetterTemplate:
    """The store's letter template (empty when none is set; a damaged logo is left out)."""
    rows = dict(
        session.execute(
            select(StoreSetting.key, StoreSetting.value).where(
                StoreSetting.key.like("letter\\_%", escape="\\")
            )
        ).all()
    )
    logo = None
    parts = sorted(k for k in rows if k.startswith(LOGO_PART_PREFIX))
    if parts and rows.get(LOGO_TYPE_KEY) in LOGO_TYPES:
        try:
            data = base64.b64decode("".join(rows[k] for k in parts), validate=True)
            if hashlib.sha256(data).hexdigest() == rows.get(LOGO_HASH_KEY):
                logo = check_logo(data)
        except (ValueError, LetterTemplateError):
            logo = None
    address = tuple(line for line in (rows.get(ADDRESS_KEY) or "").split("\n") if line.strip())
    return LetterTemplate(sender=rows.get(SENDER_KEY) or "", address=address, logo=logo)


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(StoreSetting, key)
    if row is None:
        session.add(StoreSetting(key=key, value=value))
    else:
        row.value = value


def _drop_logo(session: Session) -> None:
    session.execute(
        delete(StoreSetting).where(
            StoreSetting.key.like("letter\\_logo%", escape="\\"),
        )
    )


def _describe_logo(logo: Logo | None) -> str:
    if logo is None:
        return ""
    return f"{logo.kind} {logo.width}x{logo.height} {hashlib.sha256(logo.data).hexdigest()[:12]}"


NO_CHANGE = object()


def set_letter_template(
    session: Session,
    *,
    sender: str | None = None,
    address: list[str] | tuple[str, ...] | str | None = None,
    logo: bytes | object | None = NO_CHANGE,
) -> LetterTemplate:
    """Change what is given (``logo=None`` removes the logo; ``sender=""`` the sender), logged
    with before and after. Raises LetterTemplateError for a value that cannot be used; on a
    shared server only IT (the admin group, the store's owner) may write: a caseworker's login
    is refused by the server (DBAPIError)."""
    from app.services.common import audit

    new_sender = check_sender(sender) if sender is not None else None
    new_address = check_address(address) if address is not None else None
    new_logo = check_logo(logo) if isinstance(logo, bytes) else None
    before = letter_template(session)
    if new_sender is not None:
        _put(session, SENDER_KEY, new_sender)
    if new_address is not None:
        _put(session, ADDRESS_KEY, "\n".join(new_address))
    if logo is not NO_CHANGE:
        _drop_logo(session)
        session.flush()
        if new_logo is not None:
            text = base64.b64encode(new_logo.data).decode("ascii")
            _put(session, LOGO_TYPE_KEY, new_logo.kind)
            _put(session, LOGO_HASH_KEY, hashlib.sha256(new_logo.data).hexdigest())
            for number, start in enumerate(range(0, len(text), PART_CHARS)):
                _put(session, f"{LOGO_PART_PREFIX}{number:03d}", text[start : start + PART_CHARS])
    session.flush()
    after = letter_template(session)
    audit.record(
        session,
        audit.CHANGE,
        object_type="store_setting",
        details={
            SENDER_KEY: [before.sender, after.sender],
            ADDRESS_KEY: ["\n".join(before.address), "\n".join(after.address)],
            "letter_logo": [_describe_logo(before.logo), _describe_logo(after.logo)],
        },
    )
    return after
