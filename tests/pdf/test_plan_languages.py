"""The plan's catalogues in the family's languages and the right-to-left setting: every
language has Danish's texts and placeholders, every character of every catalogue is in its
font (no empty boxes), Arabic is joined into presentation forms and put in the order the
Unicode bidirectional algorithm gives, and the family's language is found from its adults."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from bidi import get_display
from hypothesis import given
from hypothesis import strategies as st

from app.models.enums import AgreementStatus, GoalLevel, GoalStatus, MeetingKind, Relation, Sector
from app.pdf.fonts import FAMILIES, covered, printable, register_fonts
from app.pdf.plan_language import (
    LANGUAGES,
    UnknownLanguageError,
    default_language,
    language_code,
    placeholders,
    plan_language,
)
from app.pdf.rtl import keep_ltr, levels, parse, reorder, shape, visual
from app.services.cases.case_summary import MemberSummary

OTHERS = [code for code in LANGUAGES if code != "da"]
PRESENTATION_FORMS = ("\ufb50", "\ufeff")  # Arabic Presentation Forms-A and -B


def all_texts(code: str) -> list[str]:
    lang = plan_language(code)
    texts = [
        *lang.texts.values(),
        *lang.months,
        *lang.weekdays,
        lang.name,
        lang.list_and,
        lang.list_separator,
    ]
    texts += [name for table in lang.tables.values() for name in table.values()]
    return texts


# -- the catalogues ----------------------------------------------------------------------------


@pytest.mark.parametrize("code", OTHERS)
def test_every_language_has_danishs_texts_and_placeholders(code: str) -> None:
    danish, lang = plan_language("da"), plan_language(code)
    assert lang.texts.keys() == danish.texts.keys()
    for key, text in danish.texts.items():
        assert placeholders(lang.texts[key]) == placeholders(text), key
        assert lang.texts[key].strip() or not text.strip(), key
    assert lang.tables.keys() == danish.tables.keys()
    for name, table in danish.tables.items():
        assert lang.tables[name].keys() == table.keys(), name
    assert len(lang.months) == 12 and len(set(lang.months)) == 12
    assert len(lang.weekdays) == 7 and len(set(lang.weekdays)) == 7
    assert lang.font in FAMILIES and lang.code == code


@pytest.mark.parametrize(
    ("table", "values"),
    [
        ("goal_level", GoalLevel),
        ("goal_status", GoalStatus),
        ("agreement_status", AgreementStatus),
        ("sector", Sector),
        ("meeting_at", MeetingKind),
        ("meeting_kind", MeetingKind),
    ],
)
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_enum_value_has_a_name(code: str, table: str, values: type) -> None:
    names = plan_language(code).tables[table]
    assert {v.value for v in values} <= names.keys()  # type: ignore[attr-defined]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_character_of_the_catalogue_is_in_the_font(code: str) -> None:
    """No missing glyph: each character (after joining, for Arabic) in the regular and bold
    fonts, and printable() leaves every text as it is."""
    lang = plan_language(code)
    fonts = register_fonts(lang.font)
    for text in all_texts(code):
        for font in (fonts.regular, fonts.bold):
            drawn = visual(text, font) if lang.rtl else text
            missing = {ch for ch in drawn if ord(ch) not in covered(font) and ch != "\n"}
            assert not missing, (text, [unicodedata.name(ch, hex(ord(ch))) for ch in missing])
            assert printable(text, font) == text


def test_arabic_is_joined_into_presentation_forms() -> None:
    lang = plan_language("ar")
    font = register_fonts(lang.font).regular
    for text in all_texts("ar"):
        joined = shape(text, font)
        letters = [ch for ch in joined if unicodedata.bidirectional(ch) == "AL" and ch.isalpha()]
        # every Arabic letter printed in one of its contextual forms, none in the base block
        assert all(PRESENTATION_FORMS[0] <= ch <= PRESENTATION_FORMS[1] for ch in letters), text
    assert shape("لا", font) == "\ufefb"  # lam-alef as one ligature
    assert shape("خطة", font) == "\ufea7\ufec4\ufe94"  # initial, medial, final


def test_unknown_language_is_refused() -> None:
    with pytest.raises(UnknownLanguageError):
        plan_language("tr")


# -- dates and lists ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "long", "short", "meeting"),
    [
        ("da", "5. januar 2027", "05.01.2027", "Tirsdag den 5. januar 2027 kl. 10.00–11.30"),
        ("en", "5 January 2027", "05/01/2027", "Tuesday 5 January 2027, 10:00–11:30"),
        ("uk", "5 січня 2027 р.", "05.01.2027", "Вівторок, 5 січня 2027 р., 10:00–11:30"),
        ("pl", "5 stycznia 2027", "05.01.2027", "Wtorek, 5 stycznia 2027, godz. 10:00–11:30"),
        ("ar", "5 يناير 2027", "05/01/2027", "يوم الثلاثاء 5 يناير 2027، من الساعة 10:00 إلى 11:30"),
    ],
)
def test_dates_have_the_languages_month_and_weekday_names(
    code: str, long: str, short: str, meeting: str
) -> None:
    lang = plan_language(code)
    day = date(2027, 1, 5)
    assert lang.long_date(day) == long
    assert lang.short_date(day) == short
    assert lang.meeting_period(datetime(2027, 1, 5, 10), datetime(2027, 1, 5, 11, 30)) == meeting
    assert lang.text_date(day) == (short if code == "da" else long)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_month_and_weekday(code: str) -> None:
    lang = plan_language(code)
    months = {lang.long_date(date(2027, m, 1)) for m in range(1, 13)}
    weekdays = {lang.weekday(date(2027, 1, d)) for d in range(4, 11)}
    assert len(months) == 12 and len(weekdays) == 7


def test_names_are_joined_with_the_languages_and() -> None:
    names = ["Lise", "Oliver", "Emil"]
    assert plan_language("da").join(names) == "Lise, Oliver og Emil"
    assert plan_language("uk").join(names) == "Lise, Oliver і Emil"
    assert plan_language("ar").join(names) == "Lise، Oliver و Emil"
    assert plan_language("en").join(["Lise"]) == "Lise"


# -- the family's language ---------------------------------------------------------------------


def _member(n: int, language: str, born: int, custody: bool = False) -> MemberSummary:
    return MemberSummary(
        n,
        f"P{n} Test",
        Relation.OTHER,
        date(born, 1, 1),
        "",
        custody,
        True,
        n,
        f"P{n}",
        "Test",
        language=language,
    )


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        ([("da", 1980, True), ("da", 2015, False)], "da"),
        ([("ar", 1980, True), ("da", 2015, False)], "ar"),
        ([("Arabisk", 1980, True), ("da", 1982, True)], "ar"),
        ([("da", 1980, True), (" Ukrainsk ", 1982, False)], "uk"),  # the one adult who has one
        ([("pl", 1980, False), ("uk", 1982, True)], "uk"),  # custody first
        ([("tr", 1980, True), ("da", 2015, False)], "da"),  # not a language the plan has
        ([("da", 1980, True), ("en", 2015, False)], "en"),  # only the child's: still a hint
        ([], "da"),
    ],
)
def test_the_default_language_is_the_adults(languages: list[tuple[str, int, bool]], expected: str) -> None:
    members = [_member(i, lang, born, custody) for i, (lang, born, custody) in enumerate(languages)]
    assert default_language(members, date(2026, 11, 24)) == expected


@pytest.mark.parametrize(
    ("value", "code"), [("AR", "ar"), ("english", "en"), ("Polski", "pl"), ("українська", "uk"), ("x", None)]
)
def test_citizen_language_values(value: str, code: str | None) -> None:
    assert language_code(value) == code


# -- right to left -----------------------------------------------------------------------------

_MIXED = st.text(alphabet="ابتثجحخلام" + "abcXYZ" + "0123" + " ().,:-/[]+%" + "٣", min_size=1, max_size=24)


@given(_MIXED)
def test_line_order_is_the_unicode_bidirectional_algorithm(text: str) -> None:
    """Our levels (python-bidi's algorithm plus the paired brackets rule) order a line as the
    reference implementation does (before mirroring)."""
    order = "".join(ch for ch, _ in reorder(list(text), levels(text, 1)))
    assert order == get_display(text, base_dir="R")


def test_brackets_are_mirrored_around_a_name() -> None:
    font = register_fonts("dejavu-upright").regular
    line = visual("عن (Lise Holm)", font)
    assert line.startswith("(Lise Holm)") and line.endswith(shape("عن", font)[::-1])


def test_a_phone_number_reads_left_to_right_in_arabic() -> None:
    font = register_fonts("dejavu-upright").regular
    assert visual("الهاتف +45 70 85 14 71", font).startswith("71 ")  # groups run right to left
    held = visual(f"الهاتف {keep_ltr('+45 70 85 14 71')}", font)
    assert held.startswith("+45\u00a070\u00a085\u00a014\u00a071 ")


def test_markup_is_read_as_spans_and_lines() -> None:
    [first, second] = parse('<font color="#1D5C73">هدف:</font> Lise &amp; <b>Emil</b><br/>x')
    assert [(s.text, s.bold, s.color) for s in first] == [
        ("هدف:", False, "#1D5C73"),
        (" Lise & ", False, None),
        ("Emil", True, None),
    ]
    assert [s.text for s in second] == ["x"]
