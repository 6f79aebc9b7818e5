"""The youth's voice (issue 20 item 5): seed 003 proposes that young people of 15-17 can say
yes to a plan even when their parents say no. It is a rule switch in the consent rules file,
off by default (a proposal, not law), with its source; switched on, a young person's own yes
stands in for the custody holders', and the approved plan records both views — also on the
printed and the Word copy. The consent rules themselves are data with their sources."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from sqlalchemy import select

from app.models import PlanVersion
from app.models.enums import ConsentCapacity
from app.services.plan.plan_document import load_plan_document
from app.services.plan.plan_draft import consent_rule
from app.services.plan.plans import DEFAULT_CONSENT_RULE, ConsentRule, approval_problems
from app.services.privacy.consent_rules import YouthVoice, load_consent_rules
from tests.factories import TODAY, approve, consent, new_family
from tests.services.plan.test_plans import consent_field, pairs, simple_plan

CH, YOUTH, SELF = ConsentCapacity.CUSTODY_HOLDER, ConsentCapacity.YOUTH, ConsentCapacity.SELF
VOICE = replace(DEFAULT_CONSENT_RULE, youth_voice=YouthVoice(True, 15, "Forslag (seed 003)"))
RULES = Path(__file__).resolve().parents[3] / "resources" / "consent_rules.toml"


def _problems(ctx, pv_id: int, rule: ConsentRule | None) -> set:  # type: ignore[no-untyped-def, type-arg]
    with ctx.sessions() as s:
        return pairs(approval_problems(s, pv_id, TODAY, rule))


def test_the_shipped_rules_have_their_sources_and_the_switch_is_off() -> None:
    rules = load_consent_rules()
    assert not rules.youth_voice.enabled and rules.youth_voice.age == 15
    assert (
        "Dansk Socialrådgiverforening" in rules.youth_voice.source
        and "Ikke gældende lov" in rules.youth_voice.source
    )
    assert (rules.ages.party_age, rules.ages.own_health_age, rules.ages.plan_age, rules.ages.adult_age) == (
        10,
        15,
        16,
        18,
    )
    assert rules.ages.own_info_types == {"health"} and rules.ages.plan_info_types == {"plan"}
    assert rules.sources["own_health"].startswith("Sundhedsloven § 17, stk. 1 og 3")
    assert rules.sources["plan"].startswith("Barnets lov § 110, stk. 3")
    assert all(source.strip() for source in rules.sources.values())
    rule = consent_rule()  # the code's defaults are the file's values
    assert (rule.youth_age, rule.every_custody_holder, rule.youth_voice.enabled) == (
        DEFAULT_CONSENT_RULE.youth_age,
        DEFAULT_CONSENT_RULE.every_custody_holder,
        DEFAULT_CONSENT_RULE.youth_voice.enabled,
    )


@pytest.mark.parametrize("who", ["teen", "youth"])  # 15 and 16 on TODAY
def test_with_the_switch_on_a_young_persons_yes_stands_alone_and_both_views_are_recorded(
    sqlite_context, who: str
) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_context
    family = new_family(ctx)
    pv_id = simple_plan(ctx, family, citizen=family[who])
    consent(ctx, family.case_id, family[who], YOUTH, given_by="Den unge selv")
    assert consent_field(family[who], CH) in _problems(ctx, pv_id, None)  # off: the parents are needed
    assert _problems(ctx, pv_id, VOICE) == set()
    approve(ctx, pv_id, rule=VOICE)
    with ctx.sessions() as s:
        views = s.get(PlanVersion, pv_id).consent_views
        doc = load_plan_document(s, family.case_id)
    name = {"teen": "Ida Østergaard (15 år)", "youth": "Søren Østergaard (16 år)"}[who]
    assert views == (
        f"{name} har sagt ja til planen. Mette Østergaard har ikke givet samtykke. "
        "Planen er godkendt efter den unges ønske."
    )
    assert doc.plan is not None and doc.plan.consent_views == views
    from app.docx.plan_docx import build_plan_docx
    from app.pdf.plan_pdf import build_plan_pdf

    pdf = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(build_plan_pdf(doc, today=TODAY))).pages)
    assert "Samtykke til planen" in pdf and "har sagt ja til planen" in " ".join(pdf.split())
    word = "\n".join(p.text for p in Document(io.BytesIO(build_plan_docx(doc, today=TODAY))).paragraphs)
    assert "Samtykke til planen" in word and views in word
    # "we agree" is not said, and the young person who said yes signs beside the adults
    assert "enige om den" not in " ".join(pdf.split()) and "enige om den" not in word
    from app.services.plan.plan_words import signers

    assert name.split(" (")[0] in signers(doc, TODAY)


def test_the_switch_does_not_reach_below_its_age_or_replace_the_young_persons_own_yes(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_context
    family = new_family(ctx)
    child = simple_plan(ctx, family, citizen=family["child"])  # Karl, 8
    consent(ctx, family.case_id, family["child"], YOUTH, given_by="Karl")
    assert consent_field(family["child"], CH) in _problems(ctx, child, VOICE)
    family2 = new_family(ctx, seed=1, title="Familien Bæk")
    pv_id = simple_plan(ctx, family2, citizen=family2["youth"])
    consent(ctx, family2.case_id, family2["youth"], CH)  # the parents said yes, the youth did not
    assert consent_field(family2["youth"], YOUTH) in _problems(ctx, pv_id, VOICE)


def test_when_the_parents_consented_too_nothing_extra_is_recorded(sqlite_context) -> None:  # type: ignore[no-untyped-def]
    ctx = sqlite_context
    family = new_family(ctx)
    pv_id = simple_plan(ctx, family, citizen=family["youth"])
    consent(ctx, family.case_id, family["youth"], YOUTH, given_by="Søren")
    consent(ctx, family.case_id, family["youth"], CH)
    approve(ctx, pv_id, rule=VOICE)
    with ctx.sessions() as s:
        assert s.scalar(select(PlanVersion.consent_views).where(PlanVersion.id == pv_id)) == ""


def test_a_municipality_switches_it_on_with_its_own_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "koordinator.ini").write_text("[Koordinator]\n", encoding="utf-8")
    text = RULES.read_text(encoding="utf-8").replace("enabled = false", "enabled = true")
    (tmp_path / "consent_rules.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("KOORDINATOR_MACHINE_SETTINGS", str(tmp_path / "koordinator.ini"))
    assert load_consent_rules().youth_voice.enabled
    assert consent_rule().youth_voice.enabled


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("[youth_voice]", "[youth_vote]"), "the section [youth_voice] is missing"),
        (
            lambda t: t.replace('source = "Barnets lov § 3', 'sorce = "Barnets lov § 3'),
            "[party] needs its source",
        ),
        (lambda t: t.replace("age = 16", "age = 19"), "the ages must rise"),
        (lambda t: t.replace('info_types = ["health"]', 'info_types = ["helbred"]'), "info_types must name"),
        (lambda t: t.replace("enabled = false", 'enabled = "ja"'), "enabled must be true or false"),
        (lambda t: t.replace("age = 10", "age = -1"), "age must be a whole number"),
        (lambda t: t + "\n[[", "not readable as TOML"),
    ],
)
def test_a_broken_rules_file_is_refused_naming_it(tmp_path: Path, change, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "consent_rules.toml"
    path.write_text(change(RULES.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ValueError, match=r"consent_rules\.toml") as info:
        load_consent_rules(path)
    assert message in str(info.value)


def test_a_broken_municipal_file_falls_back_to_the_programs_rules_and_says_so(
    tmp_path: Path, monkeypatch, caplog
) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "koordinator.ini").write_text("[Koordinator]\n", encoding="utf-8")
    text = RULES.read_text(encoding="utf-8").replace("enabled = false", 'enabled = "ja"')
    (tmp_path / "consent_rules.toml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("KOORDINATOR_MACHINE_SETTINGS", str(tmp_path / "koordinator.ini"))
    with caplog.at_level("WARNING"):
        rules = load_consent_rules()
    assert not rules.youth_voice.enabled and rules.ages.plan_age == 16
    assert "consent_rules.toml" in caplog.text and "enabled must be true or false" in caplog.text
