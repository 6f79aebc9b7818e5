"""LIX on Danish texts counted by hand, sentence splitting, and the glossary of plain words."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.plan.lix import (
    GlossaryEntry,
    LixBand,
    band_for,
    glossary_hits,
    lix,
    load_glossary,
)


def counts(text: str) -> tuple[int, int, int, int]:
    result = lix(text)
    return result.words, result.sentences, result.long_words, result.score


# -- texts counted by hand --------------------------------------------------------------------


def test_two_short_sentences() -> None:
    # Vi mødes hver uge (4) · Du får hjælp af din kontaktperson (6); long: kontaktperson (13)
    # LIX = 10/2 + 100·1/10 = 5 + 10 = 15
    result = lix("Vi mødes hver uge. Du får hjælp af din kontaktperson.")
    assert (result.words, result.sentences, result.long_words, result.score) == (10, 2, 1, 15)
    assert result.band is LixBand.VERY_EASY


def test_three_sentences_and_a_six_letter_word_is_not_long() -> None:
    # Barnet skal have en plan (5) · Familien får støtte hver uge (5) · Vi taler sammen igen i maj (6)
    # long: Familien (8); "Barnet", "støtte", "sammen" have 6 letters: not long.
    # LIX = 16/3 + 100·1/16 = 5.33 + 6.25 = 11.58 → 12
    text = "Barnet skal have en plan. Familien får støtte hver uge. Vi taler sammen igen i maj."
    assert counts(text) == (16, 3, 1, 12)


def test_rounding_is_half_up() -> None:
    # 5 words / 2 sentences = 2.5 → 3 (not 2, as round() would give)
    assert counts("Vi ses. Du og jeg.") == (5, 2, 0, 3)


def test_question_exclamation_and_colon_end_sentences() -> None:
    # Kan du komme (3) · Ja (1) · Vi skal tale om (4) · skolen og fritiden (3); long: fritiden
    # LIX = 11/4 + 100·1/11 = 2.75 + 9.09 = 11.84 → 12
    assert counts("Kan du komme? Ja! Vi skal tale om: skolen og fritiden.") == (11, 4, 1, 12)


def test_a_long_bureaucratic_sentence_is_very_difficult() -> None:
    text = (
        "Kommunalbestyrelsen skal i forbindelse med behandlingen af ansøgningen om merudgiftsydelse "
        "vurdere, hvorvidt ansøgerens nedsatte funktionsevne medfører nødvendige merudgifter ved den "
        "daglige livsførelse."
    )
    # 22 words in one sentence; short: skal i med af om ved den (7) → 15 long words.
    # LIX = 22/1 + 100·15/22 = 22 + 68.18 = 90.18 → 90
    result = lix(text)
    assert (result.words, result.sentences, result.long_words, result.score) == (22, 1, 15, 90)
    assert result.band is LixBand.VERY_HARD
    assert result.longest_words[0].word == "Kommunalbestyrelsen"
    assert result.longest_words[0].letters == 19


def test_the_same_message_in_plain_danish_is_easy() -> None:
    plain = "Du kan få penge til ekstra udgifter. Vi ser på, hvad du har brug for. Du får svar i maj."
    # Du kan få penge til ekstra udgifter (7) · Vi ser på hvad du har brug for (8) · Du får svar i maj (5)
    # long: udgifter (8). LIX = 20/3 + 100·1/20 = 6.67 + 5 = 11.67 → 12
    assert counts(plain) == (20, 3, 1, 12)


def test_ellipsis_ends_a_sentence_and_a_text_without_punctuation_is_one_sentence() -> None:
    assert counts("Vi mødes… Tak") == (3, 2, 0, 2)
    assert counts("Vi mødes hver uge og taler sammen") == (7, 1, 0, 7)


# -- bands ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, LixBand.VERY_EASY),
        (24, LixBand.VERY_EASY),
        (25, LixBand.EASY),
        (34, LixBand.EASY),
        (35, LixBand.MEDIUM),
        (44, LixBand.MEDIUM),
        (45, LixBand.HARD),
        (54, LixBand.HARD),
        (55, LixBand.VERY_HARD),
        (120, LixBand.VERY_HARD),
    ],
)
def test_band_boundaries(score: int, band: LixBand) -> None:
    assert band_for(score) is band


def one_sentence(words: int) -> str:
    """A sentence of short words only: its LIX is its word count."""
    short = ["vi", "ses", "i", "dag", "og", "tal", "med", "mor"]
    return " ".join(short[i % len(short)] for i in range(words)) + "."


@pytest.mark.parametrize(
    ("words", "band"),
    [
        (24, LixBand.VERY_EASY),
        (25, LixBand.EASY),
        (34, LixBand.EASY),
        (35, LixBand.MEDIUM),
        (44, LixBand.MEDIUM),
        (45, LixBand.HARD),
        (54, LixBand.HARD),
        (55, LixBand.VERY_HARD),
    ],
)
def test_band_boundaries_on_text(words: int, band: LixBand) -> None:
    result = lix(one_sentence(words))
    assert (result.score, result.band) == (words, band)


# -- what does not end a sentence -------------------------------------------------------------

ABBREVIATIONS = [
    "bl.a.",
    "bl. a.",
    "f.eks.",
    "f. eks.",
    "fx.",
    "dvs.",
    "jf.",
    "ca.",
    "mv.",
    "osv.",
    "pga.",
    "evt.",
    "nr.",
    "stk.",
    "kl.",
    "m.m.",
    "hhv.",
    "vedr.",
    "inkl.",
    "kr.",
]


@pytest.mark.parametrize("abbreviation", ABBREVIATIONS)
def test_abbreviations_do_not_end_a_sentence(abbreviation: str) -> None:
    # "Vi ses <abbr> i dag" is five words (the abbreviation is one), then "Tak".
    result = lix(f"Vi ses {abbreviation} i dag. Tak.")
    assert (result.words, result.sentences) == (6, 2)


@pytest.mark.parametrize("abbreviation", ["Bl.a.", "F.eks.", "Kl.", "JF."])
def test_abbreviations_in_any_case(abbreviation: str) -> None:
    assert lix(f"{abbreviation} i dag ses vi. Tak.").sentences == 2


def test_an_abbreviation_in_front_of_a_name_does_not_end_the_sentence() -> None:
    assert lix("Vi mødes bl.a. Peter og Anne. Tak.").sentences == 2


def test_osv_before_a_capital_letter_ends_the_sentence() -> None:
    # Vi taler om skole fritid osv (6) · Næste gang taler vi om ferien (6); long: ferien has 6
    assert counts("Vi taler om skole, fritid osv. Næste gang taler vi om ferien.") == (12, 2, 0, 6)


@pytest.mark.parametrize(
    "text",
    [
        "Det koster 5.678 kr. om året.",
        "Mødet er den 17. maj kl. 14.30 på skolen.",
        "Vi ses 24.11.2026 i huset.",
        "Vi bruger 1.5 time hver dag.",
        "Vi ses kl. 14:30 i dag.",
        "Se mere på www.aarhus.dk i dag.",
        "Det gælder efter § 11, stk. 3, nr. 2 i loven.",
    ],
)
def test_numbers_dates_and_addresses_do_not_end_a_sentence(text: str) -> None:
    assert lix(text).sentences == 1


def test_a_number_at_the_end_of_a_sentence_still_ends_it() -> None:
    assert lix("Lise er født i 2015. Hun går i skole.").sentences == 2
    assert lix("Vi ses den 17. Mødet er kort.").sentences == 2


def test_digits_are_not_words_and_hyphenated_words_are_one() -> None:
    # Vi ses i huset: the date is no word.
    assert lix("Vi ses 24.11.2026 i huset.").words == 4
    # Vi sender en e-mail til børne-ungeudvalget: 6 words; e-mail has 5 letters,
    # børne-ungeudvalget 17 letters (the hyphen does not count).
    assert counts("Vi sender en e-mail til børne-ungeudvalget.")[:3] == (6, 1, 1)
    result = lix("En 3-årig pige.")
    assert result.words == 3
    assert result.longest_words == ()


# -- lines: headings and list items -----------------------------------------------------------


def test_each_heading_and_list_item_is_a_sentence() -> None:
    text = "Plan for Lise\n\nMål\n- Lise skal gå i skole\n- Lise skal sove godt\nVi mødes igen i maj."
    # Plan for Lise (3) · Mål (1) · Lise skal gå i skole (5) · Lise skal sove godt (4) ·
    # Vi mødes igen i maj (5): 18 words, 5 sentences, no long word → 18/5 = 3.6 → 4
    assert counts(text) == (18, 5, 0, 4)


def test_a_line_ending_in_a_comma_goes_on() -> None:
    assert lix("Vi mødes hver uge,\nog vi taler sammen.").sentences == 1
    assert lix("Vi mødes hver uge,\n\nOverskrift").sentences == 2  # a blank line always ends one


def test_empty_text() -> None:
    for text in ("", "   \n\n", "123 456.", "…"):
        result = lix(text)
        assert (result.words, result.sentences, result.long_words, result.score) == (0, 0, 0, 0)
        assert result.band is LixBand.VERY_EASY
        assert result.is_empty
        assert result.longest_sentences == ()
        assert result.longest_words == ()


# -- normalisation and offsets ----------------------------------------------------------------


def test_nfd_text_gives_the_same_result_with_offsets_into_the_nfd_text() -> None:
    nfc = "På gensyn. Du får hjælp på skolen af én voksen hver dag. Vi går på tur i skoven."
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    a, b = lix(nfc), lix(nfd)
    assert (a.words, a.sentences, a.long_words, a.score) == (b.words, b.sentences, b.long_words, b.score)
    longest = b.longest_sentences[0]
    assert nfd[longest.start : longest.end] == longest.text
    assert unicodedata.normalize("NFC", longest.text) == "Du får hjælp på skolen af én voksen hver dag."


def test_offsets_of_the_longest_sentences() -> None:
    text = "Hej.  Vi mødes hver tirsdag på skolen med din lærer.\nTak for i dag. Vi ses."
    result = lix(text)
    first, second, third = result.longest_sentences
    assert text[first.start : first.end] == first.text == "Vi mødes hver tirsdag på skolen med din lærer."
    assert first.words == 9
    # ties: the earlier sentence first
    assert (second.text, second.words) == ("Tak for i dag.", 4)
    assert (third.text, third.words) == ("Vi ses.", 2)


def test_longest_words_are_distinct_and_point_at_the_first_occurrence() -> None:
    text = "Kontaktperson og kontaktperson. Familiebehandling hjælper, og hjælper igen."
    words = lix(text).longest_words
    assert [(w.word, w.letters) for w in words] == [
        ("Familiebehandling", 17),
        ("Kontaktperson", 13),
        ("hjælper", 7),
    ]
    assert (words[1].start, words[1].end) == (0, 13)
    assert text[words[2].start : words[2].end] == "hjælper"
    assert words[2].start == text.index("hjælper")


def test_at_most_five_longest_words() -> None:
    text = "Familien skolen hjælpen lægerne kommunen barnets pædagogen bostøtten."
    assert len(lix(text).longest_words) == 5


# -- properties -------------------------------------------------------------------------------

danish_word = st.text(alphabet="abcdefghijklmnoprstuvyæøåÆØÅ", min_size=1, max_size=14)
separator = st.sampled_from(
    [" ", " ", " ", ", ", ". ", "? ", "\n", "\n\n", " bl.a. ", " 17. ", " 5.678 ", ": "]
)


@st.composite
def danish_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(danish_word, min_size=0, max_size=40))
    parts: list[str] = []
    for word in words:
        parts.append(word)
        parts.append(draw(separator))
    return "".join(parts)


any_text = st.one_of(danish_texts(), st.text(max_size=200))


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_counts_are_consistent(text: str) -> None:
    result = lix(text)
    assert result.score >= 0
    assert 0 <= result.long_words <= result.words
    assert (result.sentences == 0) == (result.words == 0)
    assert result.sentences <= result.words
    assert result.score <= result.words + 100
    assert result.band is band_for(result.score)
    assert len(result.longest_sentences) == min(3, result.sentences)
    assert [s.words for s in result.longest_sentences] == sorted(
        (s.words for s in result.longest_sentences), reverse=True
    )
    for span in result.longest_sentences:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
    for word in result.longest_words:
        assert word.letters >= 7
        assert 0 <= word.start < word.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_normal_forms_do_not_matter(text: str) -> None:
    nfc, nfd = unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)
    assert counts(nfc) == counts(nfd) == counts(text)


@settings(max_examples=200, deadline=None)
@given(danish_texts(), st.integers(min_value=1, max_value=40))
def test_a_sentence_of_short_words_no_longer_than_the_average_never_raises_the_score(
    text: str, length: int
) -> None:
    # LIX = W/S + 100·L/W: a sentence of k ≤ W/S short words lowers or keeps both terms.
    before = lix(text)
    if before.words == 0:
        return
    k = max(1, min(length, before.words // before.sentences))
    after = lix(text + "\n\n" + one_sentence(k))
    assert after.sentences == before.sentences + 1
    assert after.score <= before.score


# -- glossary ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def glossary() -> list[GlossaryEntry]:
    return load_glossary()


def test_the_glossary_loads(glossary: list[GlossaryEntry]) -> None:
    assert 30 <= len(glossary) <= 60
    terms = [e.display_term.casefold() for e in glossary]
    assert len(terms) == len(set(terms)), "a term twice"
    by_term = {e.display_term: e for e in glossary}
    assert by_term["iværksætte"].plain == "sætte i gang"
    assert by_term["indsats"].note == "Ok i overskrifter"
    assert by_term["sagsbehandler"].keep
    for entry in glossary:
        assert entry.plain.casefold() != entry.display_term.casefold()
        assert entry.keep == (entry.plain == "")
        assert unicodedata.is_normalized("NFC", entry.term + entry.plain + entry.note)


def test_every_glossary_term_finds_itself(glossary: list[GlossaryEntry]) -> None:
    for entry in glossary:
        text = f"Vi skriver {entry.display_term} her."
        hits = glossary_hits(text, [entry], include_keep=True)
        assert [h.found for h in hits] == [entry.display_term], entry.term


def test_glossary_hits_in_text(glossary: list[GlossaryEntry]) -> None:
    text = "Vi vil Iværksætte en indsats, såfremt bevillingen foreligger."
    hits = glossary_hits(text, glossary)
    assert [(h.term, h.found, h.plain) for h in hits] == [
        ("iværksætte", "Iværksætte", "sætte i gang"),
        ("indsats", "indsats", "hjælp"),
        ("såfremt", "såfremt", "hvis"),
        ("bevilling", "bevillingen", "du får"),
        ("foreligger", "foreligger", "er der"),
    ]
    for hit in hits:
        assert text[hit.start : hit.end] == hit.found


def test_glossary_matches_whole_words_only(glossary: list[GlossaryEntry]) -> None:
    assert glossary_hits("En god samtale om idéer.", glossary) == []
    assert [h.term for h in glossary_hits("Mor samt far.", glossary)] == ["samt"]


def test_glossary_phrases_across_spaces_and_line_breaks(glossary: list[GlossaryEntry]) -> None:
    text = "Det sker i  henhold\ntil loven, jf. § 32, med henblik på skolestart."
    hits = glossary_hits(text, glossary)
    assert [(h.term, h.found) for h in hits] == [
        ("i henhold til", "i  henhold\ntil"),
        ("jf.", "jf."),
        ("med henblik på", "med henblik på"),
    ]


def test_the_longest_overlapping_term_wins() -> None:
    entries = [
        GlossaryEntry("undersøgelse*", "at se på", ""),
        GlossaryEntry("børnefaglig* undersøgelse*", "undersøgelse af, hvordan barnet har det", ""),
    ]
    hits = glossary_hits("Den børnefaglige undersøgelse er klar. Undersøgelsen tager tid.", entries)
    assert [(h.found, h.plain) for h in hits] == [
        ("børnefaglige undersøgelse", "undersøgelse af, hvordan barnet har det"),
        ("Undersøgelsen", "at se på"),
    ]


def test_kept_words_are_left_out_unless_asked_for(glossary: list[GlossaryEntry]) -> None:
    text = "Din sagsbehandler giver dig et tilbud."
    assert glossary_hits(text, glossary) == []
    assert [h.term for h in glossary_hits(text, glossary, include_keep=True)] == ["sagsbehandler", "tilbud"]


def test_glossary_hits_in_nfd_text_point_into_it(glossary: list[GlossaryEntry]) -> None:
    text = unicodedata.normalize("NFD", "Det påhviler kommunen. Vi går videre med afklaringen.")
    hits = glossary_hits(text, glossary)
    assert [h.term for h in hits] == ["påhviler", "afklaring"]
    for hit in hits:
        assert text[hit.start : hit.end] == hit.found
    assert unicodedata.normalize("NFC", hits[0].found) == "påhviler"


def test_a_broken_glossary_file_is_refused(tmp_path: Path) -> None:
    bad_header = tmp_path / "header.csv"
    bad_header.write_text("word,plain\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        load_glossary(bad_header)
    bad_row = tmp_path / "row.csv"
    bad_row.write_text("term,plain,note\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        load_glossary(bad_row)
    empty_term = tmp_path / "empty.csv"
    empty_term.write_text("term,plain,note\n*,y,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="empty term"):
        load_glossary(empty_term)
