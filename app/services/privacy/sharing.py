"""Who may receive what: the vocabulary the consent register and its users share.

A consent names the parties information may be shared with and the types of information.
Both are stored as text on ``consents`` (``parties``: one encoded ``Party`` a line;
``info_types``: keys from ``INFO_TYPES``, comma-separated), so they read back the same on
SQLite and PostgreSQL. ``app/services/privacy/consent_register.py`` decides whether sharing is
covered; the per-recipient print and the invitations ask it, never the UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class PartyKind(StrEnum):
    SECTOR = "sector"  # a whole sector, value = app.models.enums.Sector value (e.g. "school")
    ORGANISATION = "organisation"  # value = the organisation's name as on the professionals
    PROFESSIONAL = "professional"  # value = a professional's id


@dataclass(frozen=True, slots=True)
class Party:
    kind: PartyKind
    value: str

    def encode(self) -> str:
        return f"{self.kind.value}:{self.value}"

    @classmethod
    def decode(cls, text: str) -> Party | None:
        """One stored line back into a party; None for a line that is not one (old free text)."""
        kind, sep, value = text.strip().partition(":")
        if not sep or not value.strip():
            return None
        try:
            return cls(PartyKind(kind), value.strip())
        except ValueError:
            return None


# The types of information a consent can cover (RSL § 11 a: "what type of information").
# Keys are stored; the UI shows their labels.
INFO_TYPES: tuple[str, ...] = (
    "plan",  # the coordinating plan: situation, goals, agreements
    "social",  # social services' case and interventions
    "health",  # health information (GDPR art. 9)
    "school",  # school and day care
    "employment",  # job centre and benefits
    "family",  # family relations and household
)


def encode_parties(parties: list[Party]) -> str:
    return "\n".join(p.encode() for p in parties)


def decode_parties(text: str) -> list[Party]:
    return [p for p in (Party.decode(line) for line in text.splitlines()) if p is not None]


def encode_info_types(types: set[str] | frozenset[str] | list[str]) -> str:
    return ",".join(t for t in INFO_TYPES if t in set(types))


def decode_info_types(text: str) -> frozenset[str]:
    return frozenset(t.strip() for t in text.split(",") if t.strip() in INFO_TYPES)
