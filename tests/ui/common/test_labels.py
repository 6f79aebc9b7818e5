"""Every value of the store's vocabularies has its own label, also where enums share values."""

from __future__ import annotations

from app.models.enums import (
    CaseStatus,
    ConsentCapacity,
    CoordinationModel,
    InterventionStatus,
    JournalKind,
    Relation,
    Sector,
)
from app.ui.common.labels import label


def test_each_member_of_each_enum_has_a_label(qapp) -> None:  # type: ignore[no-untyped-def]
    for enum in (
        CaseStatus,
        ConsentCapacity,
        CoordinationModel,
        InterventionStatus,
        JournalKind,
        Relation,
        Sector,
    ):
        texts = [label(member) for member in enum]
        assert all(text != member.value for text, member in zip(texts, enum, strict=True)), enum
        assert len(set(texts)) == len(texts), enum


def test_members_sharing_a_value_keep_their_own_labels(qapp) -> None:  # type: ignore[no-untyped-def]
    assert Sector.YOUTH.value == ConsentCapacity.YOUTH.value
    assert label(Sector.YOUTH) != label(ConsentCapacity.YOUTH)
    assert label(Relation.OTHER) != label(CoordinationModel.OTHER)
    assert label(CaseStatus.ACTIVE) != label(InterventionStatus.ACTIVE)


def test_deadline_titles_follow_the_language(qapp, danish) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from PySide6.QtCore import QLocale

    from app.services.cases.deadlines import Deadline, load_rules
    from app.ui.common.labels import deadline_title

    rule = load_rules()[0]
    deadline = Deadline(
        1, "K-1", "Familien", date(2026, 12, 1), rule.code, rule.law_reference, rule.title_da, "", None, False
    )
    assert deadline_title(deadline) == rule.title_da
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Denmark))
    assert deadline_title(deadline) == rule.title_en != rule.title_da
