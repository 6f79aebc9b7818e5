"""Who may consent, and to what, as data (``resources/consent_rules.toml``, or the
municipality's copy beside koordinator.ini): the ages of Barnets lov and sundhedsloven with
the rule each comes from, the plan's approval rule, and the youth's-voice switch — a
proposal, off unless the municipality turns it on (docs/law-notes.md, "Consent")."""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.resources import municipal_file, resources_dir
from app.services.privacy.sharing import INFO_TYPES

RULES_FILE = "consent_rules.toml"
log = logging.getLogger(__name__)
_SECTIONS = ("party", "own_health", "plan", "adult", "plan_approval", "youth_voice")


@dataclass(frozen=True)
class ConsentAges:
    """The ages in DOMAIN.md §2.2 (from the rules file; these defaults are its values)."""

    party_age: int = 10  # Barnets lov § 3: the child is a party
    own_health_age: int = 15  # sundhedsloven § 17; BL § 46 (with the custody holder)
    plan_age: int = 16  # BL § 110, stk. 3: the youth consents to the helhedsorienteret plan
    adult_age: int = 18
    own_info_types: frozenset[str] = frozenset({"health"})  # the youth's own say from own_health_age
    plan_info_types: frozenset[str] = frozenset({"plan"})  # needs the youth too from plan_age

    @property
    def review_ages(self) -> tuple[int, ...]:
        return (self.party_age, self.own_health_age, self.plan_age)


@dataclass(frozen=True, slots=True)
class YouthVoice:
    """Young people from ``age`` may say yes to the plan though their parents say no."""

    enabled: bool = False
    age: int = 15
    source: str = ""


@dataclass(frozen=True, slots=True)
class ConsentRules:
    ages: ConsentAges
    sources: dict[str, str]  # per section: the rule it comes from
    every_custody_holder: bool
    youth_voice: YouthVoice


def _section(data: dict[str, Any], name: str, where: str) -> dict[str, Any]:
    value = data.get(name)
    if not isinstance(value, dict):
        raise ValueError(f"{where}: the section [{name}] is missing")
    source = value.get("source")
    if not isinstance(source, str) or not source.strip():
        raise ValueError(f"{where}: [{name}] needs its source (the rule it comes from)")
    return value


def _age(section: dict[str, Any], name: str, where: str) -> int:
    age = section.get("age")
    if not isinstance(age, int) or isinstance(age, bool) or not 0 <= age <= 25:
        raise ValueError(f"{where}: [{name}] age must be a whole number from 0 to 25")
    return age


def _types(section: dict[str, Any], name: str, where: str) -> frozenset[str]:
    types = section.get("info_types")
    if not isinstance(types, list) or not types or not all(t in INFO_TYPES for t in types):
        raise ValueError(f"{where}: [{name}] info_types must name some of {', '.join(INFO_TYPES)}")
    return frozenset(types)


def _parse(data: dict[str, Any], where: str) -> ConsentRules:
    sections = {name: _section(data, name, where) for name in _SECTIONS}
    party, health, plan, adult = (
        _age(sections[n], n, where) for n in ("party", "own_health", "plan", "adult")
    )
    if not party <= health <= plan < adult:
        raise ValueError(f"{where}: the ages must rise: party ≤ own_health ≤ plan < adult")
    ages = ConsentAges(
        party,
        health,
        plan,
        adult,
        _types(sections["own_health"], "own_health", where),
        _types(sections["plan"], "plan", where),
    )
    approval, voice = sections["plan_approval"], sections["youth_voice"]
    for name, section, key in (
        ("plan_approval", approval, "every_custody_holder"),
        ("youth_voice", voice, "enabled"),
    ):
        if not isinstance(section.get(key), bool):
            raise ValueError(f"{where}: [{name}] {key} must be true or false")
    voice_age = _age(voice, "youth_voice", where)
    if not voice_age < adult:
        raise ValueError(f"{where}: [youth_voice] age must be below the adult age")
    return ConsentRules(
        ages=ages,
        sources={name: str(section["source"]).strip() for name, section in sections.items()},
        every_custody_holder=bool(approval["every_custody_holder"]),
        youth_voice=YouthVoice(bool(voice["enabled"]), voice_age, str(voice["source"]).strip()),
    )


def load_consent_rules(path: Path | None = None) -> ConsentRules:
    """The rules from ``path`` (default: the municipality's file, else the program's); raises
    ValueError naming the file on a missing section, source or a wrong value."""
    if path is None:
        path = municipal_file(RULES_FILE)
        try:
            return _cached(str(path), path.stat().st_mtime_ns)
        except (ValueError, OSError) as exc:
            own = resources_dir() / RULES_FILE
            if path == own:
                raise
            # The municipality's file is broken: the program's own rules (the law's, with
            # the proposal off) apply until IT mends it; the log says which file and why.
            log.warning("The consent rules in %s are not used: %s", path, exc)
            return _cached(str(own), own.stat().st_mtime_ns)
    return _read(path)


def _read(path: Path) -> ConsentRules:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path.name}: not readable as TOML ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path.name}: not readable as TOML ({exc})") from None
    return _parse(data, path.name)


@lru_cache(maxsize=4)
def _cached(path: str, mtime_ns: int) -> ConsentRules:
    return _read(Path(path))
