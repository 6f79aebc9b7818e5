"""Min profil in the service: an e-mail address an invitation can carry and a phone number, or
neither; saved against the version read; logged with which fields changed, never their values;
and the invitation's organizer read from it as stored now. On SQLite and PostgreSQL (the
program's own login, without the reach views; tests/store/test_profile_reach.py does those)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import AuditEvent
from app.services.common import audit
from app.services.common.editing import ConcurrentEditError, RowGoneError
from app.services.common.profile import ProfileInput, load_profile, save_profile, validate_profile
from app.services.common.validation import Problem, ValidationError
from app.services.meetings.invitation import organizer_for


def _changes(context: Any) -> list[AuditEvent]:
    with context.sessions() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.action == audit.CHANGE, AuditEvent.object_type == "user")
            )
        )


@pytest.mark.parametrize(
    "address",
    ["lone.madsen@kommune.example", "Søren.Ø@kommune.dk", "a+b@sub.kommune.example", "  x@y.dk  "],
)
def test_usable_addresses_pass(address: str) -> None:
    assert validate_profile(ProfileInput(address, "")) == []


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("lone", Problem.EMAIL_FORMAT),
        ("lone@kommune", Problem.EMAIL_FORMAT),
        ("lone madsen@kommune.dk", Problem.EMAIL_FORMAT),
        ("<lone@kommune.dk>", Problem.EMAIL_FORMAT),
        ("lone@kommune.dk; bo@kommune.dk", Problem.EMAIL_FORMAT),
        ("a" * 196 + "@x.dk", Problem.TOO_LONG),
    ],
)
def test_unusable_addresses_are_named_next_to_the_field(address: str, problem: Problem) -> None:
    [found] = validate_profile(ProfileInput(address, ""))
    assert (found.field, found.problem) == ("email", problem)


@given(phone=st.from_regex(r"\A\+?[0-9][0-9 ]{5,15}[0-9]\Z"))
def test_phone_numbers_with_digits_pass(phone: str) -> None:
    assert validate_profile(ProfileInput("", phone)) == []


@pytest.mark.parametrize("phone", ["ring mig", "12", "49 28 10 00 lokal 12"])
def test_phone_numbers_without_digits_alone_do_not(phone: str) -> None:
    [found] = validate_profile(ProfileInput("", phone))
    assert (found.field, found.problem) == ("phone", Problem.PHONE_FORMAT)


def test_save_load_and_log_without_the_values(context: Any) -> None:
    me = context.user.id
    with context.sessions() as session:
        before = load_profile(session, me)
    assert before.data == ProfileInput("", "")
    with context.sessions.begin() as session:
        version = save_profile(
            session, me, ProfileInput("  Lone.Madsen@kommune.example ", "49  28 10 00"), before.version
        )
    with context.sessions() as session:
        after = load_profile(session, me)
        organizer = organizer_for(session, me)
    assert after.data == ProfileInput("Lone.Madsen@kommune.example", "49 28 10 00")
    assert after.version == version > before.version
    assert (organizer.email, organizer.phone) == ("Lone.Madsen@kommune.example", "49 28 10 00")
    [entry] = _changes(context)
    assert entry.object_id == me and entry.user_login == "tester"
    assert json.loads(entry.details) == {"fields": ["email", "phone"]}
    assert "Lone" not in entry.details and "49" not in entry.details

    # the same again changes and logs nothing; one field logs that field
    with context.sessions.begin() as session:
        assert save_profile(session, me, after.data, after.version) == after.version
    with context.sessions.begin() as session:
        save_profile(session, me, ProfileInput(after.data.email, ""), after.version)
    assert [json.loads(e.details) for e in _changes(context)] == [
        {"fields": ["email", "phone"]},
        {"fields": ["phone"]},
    ]


def test_a_save_from_an_older_read_is_refused(context: Any) -> None:
    me = context.user.id
    with context.sessions() as session:
        read = load_profile(session, me)
    with context.sessions.begin() as session:
        save_profile(session, me, ProfileInput("first@kommune.example", ""), read.version)
    with pytest.raises(ConcurrentEditError), context.sessions.begin() as session:
        save_profile(session, me, ProfileInput("second@kommune.example", ""), read.version)
    with context.sessions() as session:
        assert load_profile(session, me).data.email == "first@kommune.example"


def test_a_bad_address_is_refused_and_nothing_is_stored(context: Any) -> None:
    me = context.user.id
    with pytest.raises(ValidationError) as refused, context.sessions.begin() as session:
        save_profile(session, me, ProfileInput("ikke en adresse", ""), None)
    assert [p.field for p in refused.value.problems] == ["email"]
    assert _changes(context) == []


def test_an_unknown_user_is_gone(context: Any) -> None:
    with pytest.raises(RowGoneError), context.sessions() as session:
        load_profile(session, 999_999)
    with context.sessions() as session:
        assert organizer_for(session, 999_999).email == ""
