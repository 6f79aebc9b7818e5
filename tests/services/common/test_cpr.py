"""CPR numbers: shape, birth date and century (DOMAIN §3.2), sex, masking, fictional numbers."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.services.common.cpr import (
    CprError,
    CprProblem,
    century_year,
    digit7_choices,
    fictional_cpr,
    mask_cpr,
    normalize_cpr,
    parse_cpr,
    passes_mod11,
)

FIRST_YEAR, LAST_YEAR = 1858, 2057  # the years the CPR century table can express
CPR_DATES = st.dates(min_value=date(FIRST_YEAR, 1, 1), max_value=date(LAST_YEAR, 12, 31))
ASCII_CPR = re.compile(r"[0-9]{6}-?[0-9]{4}")

quick = settings(database=None, deadline=None)


def _cpr_for(born: date, digit7: int, serial: str) -> str:
    """Ten digits whose first six are ``born`` and whose 7th digit is ``digit7``."""
    return born.strftime("%d%m%y") + str(digit7) + serial


# -- round trip of fictional numbers ------------------------------------------------------


@quick
@given(born=CPR_DATES, female=st.booleans(), seed=st.integers(min_value=0, max_value=2**32))
def test_fictional_cpr_parses_back_to_its_birth_date_and_sex(born: date, female: bool, seed: int) -> None:
    digits = fictional_cpr(born, female, random.Random(seed))
    assert ASCII_CPR.fullmatch(digits) and len(digits) == 10
    parsed = parse_cpr(digits)
    assert parsed.digits == digits
    assert parsed.birth_date == born
    assert parsed.female is female
    # the same number typed with the hyphen is the same person
    assert parse_cpr(f"{digits[:6]}-{digits[6:]}") == parsed


@quick
@given(born=CPR_DATES, female=st.booleans(), seed=st.integers(min_value=0, max_value=2**32))
def test_fictional_cpr_is_deterministic_for_a_seed(born: date, female: bool, seed: int) -> None:
    assert fictional_cpr(born, female, random.Random(seed)) == fictional_cpr(
        born, female, random.Random(seed)
    )


@pytest.mark.parametrize("year", [FIRST_YEAR - 1, LAST_YEAR + 1, 1700, 2100])
def test_fictional_cpr_refuses_years_outside_the_century_table(year: int) -> None:
    with pytest.raises(ValueError):
        fictional_cpr(date(year, 6, 1), True, random.Random(1))


# -- the century table -------------------------------------------------------------------


def test_century_year_and_digit7_choices_are_inverse() -> None:
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        choices = digit7_choices(year)
        assert choices, f"no 7th digit gives {year}"
        for digit in choices:
            assert century_year(year % 100, digit) == year
        for digit in set(range(10)) - set(choices):
            assert century_year(year % 100, digit) != year


def test_every_yy_and_digit7_gives_a_year_in_the_table_range() -> None:
    for yy in range(100):
        for digit in range(10):
            year = century_year(yy, digit)
            assert FIRST_YEAR <= year <= LAST_YEAR
            assert year % 100 == yy
            assert digit in digit7_choices(year)


@pytest.mark.parametrize("year", [FIRST_YEAR - 1, LAST_YEAR + 1])
def test_years_outside_the_table_have_no_7th_digit(year: int) -> None:
    assert digit7_choices(year) == ()


@pytest.mark.parametrize(
    ("cpr", "born"),
    [
        # 7th digit 0-3: always 1900-1999
        ("010100-0000", date(1900, 1, 1)),
        ("150557-1001", date(1957, 5, 15)),
        ("311299-3999", date(1999, 12, 31)),
        ("010136-2000", date(1936, 1, 1)),
        ("010158-3000", date(1958, 1, 1)),
        # 7th digit 4 or 9: YY <= 36 -> 2000s, else 1900s
        ("010100-4000", date(2000, 1, 1)),
        ("311236-4000", date(2036, 12, 31)),
        ("010136-9000", date(2036, 1, 1)),
        ("010137-4000", date(1937, 1, 1)),
        ("010137-9000", date(1937, 1, 1)),
        ("311299-9000", date(1999, 12, 31)),
        # 7th digit 5-8: YY <= 57 -> 2000s, else 1800s
        ("010100-5000", date(2000, 1, 1)),
        ("311257-8000", date(2057, 12, 31)),
        ("010136-6000", date(2036, 1, 1)),
        ("010137-7000", date(2037, 1, 1)),
        ("010158-5000", date(1858, 1, 1)),
        ("311299-8000", date(1899, 12, 31)),
        ("150570-6000", date(1870, 5, 15)),
    ],
)
def test_century_table_from_domain(cpr: str, born: date) -> None:
    assert parse_cpr(cpr).birth_date == born


def test_century_decides_leap_years() -> None:
    assert parse_cpr("290200-4000").birth_date == date(2000, 2, 29)  # 2000 is a leap year
    assert parse_cpr("290200-5800").birth_date == date(2000, 2, 29)
    for text in ("290200-0000", "290200-3800"):  # 1900 is not
        with pytest.raises(CprError) as err:
            parse_cpr(text)
        assert err.value.problem == CprProblem.DATE


def test_century_decides_leap_years_in_the_1800s() -> None:
    with pytest.raises(CprError) as err:
        parse_cpr("290258-5800")  # 1858 is not a leap year
    assert err.value.problem == CprProblem.DATE


# -- what parses ---------------------------------------------------------------------------


@st.composite
def real_cprs(draw: st.DrawFn) -> tuple[date, str]:
    born = draw(CPR_DATES)
    digit7 = draw(st.sampled_from(digit7_choices(born.year)))
    serial = draw(st.text(alphabet="0123456789", min_size=3, max_size=3))
    return born, _cpr_for(born, digit7, serial)


@quick
@given(case=real_cprs(), hyphen=st.booleans())
@example(case=(date(2007, 1, 1), "0101074003"), hyphen=False)  # no check digit: valid since 2007
@example(case=(date(2007, 1, 1), "0101074003"), hyphen=True)
def test_every_real_date_parses_whatever_the_check_digit(case: tuple[date, str], hyphen: bool) -> None:
    born, digits = case
    text = f"{digits[:6]}-{digits[6:]}" if hyphen else digits
    parsed = parse_cpr(text)
    assert parsed.digits == digits
    assert parsed.birth_date == born
    assert parsed.female == (int(digits[9]) % 2 == 0)
    assert parsed.passes_mod11 == passes_mod11(digits)


def test_numbers_without_a_check_digit_are_valid() -> None:
    parsed = parse_cpr("0101074003")
    assert not parsed.passes_mod11  # 4*0+3*1+2*0+7*1+6*0+5*7+4*4+3*0+2*0+1*3 = 64, not divisible by 11
    assert parsed.birth_date == date(2007, 1, 1)
    assert parsed.female is False


def test_mod11_check() -> None:
    assert passes_mod11("0707614285")  # 0+21+0+49+36+5+16+6+16+5 = 154 = 14*11
    assert not passes_mod11("0707614286")


@pytest.mark.parametrize(
    ("text", "female"),
    [
        ("0101074000", True),
        ("0101074002", True),
        ("0101074008", True),
        ("0101074001", False),
        ("0101074009", False),
    ],
)
def test_sex_from_the_last_digit(text: str, female: bool) -> None:
    assert parse_cpr(text).female is female


@pytest.mark.parametrize("text", ["0101074003", "010107-4003", "010107 4003", " 010107-4003 "])
def test_hyphen_is_optional(text: str) -> None:
    assert normalize_cpr(text) == "0101074003"
    assert parse_cpr(text).digits == "0101074003"


# -- what is rejected ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "   ", "\t"])
def test_empty_is_empty(text: str) -> None:
    with pytest.raises(CprError) as err:
        parse_cpr(text)
    assert err.value.problem == CprProblem.EMPTY


@pytest.mark.parametrize(
    "text",
    [
        "12345",
        "01010-74003",
        "0101074003X",
        "ABCDEF-1234",
        "010107/4003",
        "010107--4003",
        "01-01-07-4003",
        "01010740031",
        "010107-400",
        "-0101074003",
        "0101074003-",
    ],
)
def test_wrong_shape_is_format(text: str) -> None:
    with pytest.raises(CprError) as err:
        parse_cpr(text)
    assert err.value.problem == CprProblem.FORMAT


@quick
@given(st.text(alphabet="0123456789-", min_size=1, max_size=16).filter(lambda t: not ASCII_CPR.fullmatch(t)))
def test_any_wrong_shape_of_digits_and_hyphens_is_format(text: str) -> None:
    with pytest.raises(CprError) as err:
        parse_cpr(text)
    assert err.value.problem == CprProblem.FORMAT


@quick
@given(
    st.text(
        alphabet=st.characters(exclude_categories=["Cs"]) | st.sampled_from("0123456789"),
        min_size=1,
        max_size=14,
    ).filter(lambda t: t.strip() and not re.fullmatch(r"\s*[0-9]{6}[-\s]?[0-9]{4}\s*", t))
)
def test_any_other_text_is_rejected(text: str) -> None:
    with pytest.raises(CprError) as err:
        parse_cpr(text)
    assert err.value.problem in (CprProblem.FORMAT, CprProblem.DATE)


@pytest.mark.parametrize("text", ["０１０１０７-４００３", "٠١٠١٠٧٤٠٠٣"])
def test_non_ascii_digits_are_not_a_cpr_number(text: str) -> None:
    try:
        parsed = parse_cpr(text)
    except CprError as exc:
        assert exc.problem == CprProblem.FORMAT
    else:  # a fix that normalises to ASCII is also fine
        assert parsed.digits == "0101074003"


@pytest.mark.parametrize(
    "text",
    [
        "310299-1234",  # 31 February
        "300201-4000",  # 30 February 2001
        "290201-4000",  # 2001 is not a leap year
        "000101-1234",  # day 0
        "011301-1234",  # month 13
        "010001-1234",  # month 0
        "320101-1234",  # day 32
        "310401-1234",  # 31 April
    ],
)
def test_impossible_dates_are_date(text: str) -> None:
    with pytest.raises(CprError) as err:
        parse_cpr(text)
    assert err.value.problem == CprProblem.DATE


@quick
@given(
    day=st.integers(min_value=32, max_value=99) | st.just(0),
    month=st.integers(min_value=1, max_value=12),
    rest=st.text(alphabet="0123456789", min_size=6, max_size=6),
)
def test_days_beyond_any_month_are_date(day: int, month: int, rest: str) -> None:
    with pytest.raises(CprError) as err:
        parse_cpr(f"{day:02d}{month:02d}{rest}")
    assert err.value.problem == CprProblem.DATE


def test_cpr_error_is_a_value_error_with_the_problem() -> None:
    with pytest.raises(ValueError, match="format"):
        parse_cpr("nope")


# -- masking -------------------------------------------------------------------------------


@quick
@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_mask_shows_the_date_and_hides_the_serial(digits: str) -> None:
    masked = mask_cpr(digits)
    assert re.fullmatch(r"[0-9]{6}-XXXX", masked)
    assert masked[:6] == digits[:6]
    assert not any(ch.isdigit() for ch in masked[6:])  # nothing of the last four digits


@pytest.mark.parametrize("text", ["0707614285", "070761-4285", "070761"])
def test_mask_of_full_number_hyphenated_number_or_prefix(text: str) -> None:
    assert mask_cpr(text) == "070761-XXXX"
    assert "4285" not in mask_cpr(text)


@pytest.mark.parametrize("value", [None, ""])
def test_mask_of_nothing_is_empty(value: str | None) -> None:
    assert mask_cpr(value) == ""


def test_cpr_masked_property() -> None:
    assert parse_cpr("070761-4285").masked == "070761-XXXX"
