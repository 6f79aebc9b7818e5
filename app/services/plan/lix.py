"""LIX readability index for text handed to the family, and a glossary of plain Danish.

LIX = words / sentences + 100 × long words / words (Björnsson 1968; DOMAIN.md §5). A long
word has more than six letters. The score is rounded half up to a whole number; empty text
(no words) scores 0.

How the text is cut up (the text is NFC-normalised first; all offsets returned refer to
the caller's original, un-normalised string):

* A **word** is a run of letters (any Unicode letter, so æ, ø and å count), where letters
  joined by a hyphen make one word ("e-mail", "børne-ungeudvalget") and a number joined
  by a hyphen to letters stays with them ("3-årig"). Only letters count towards "long";
  digits alone are not words. A known abbreviation ("bl.a.", "f.eks.") is one short word.
* A **sentence** ends at ``.``, ``!``, ``?``, ``:`` or ``…`` (a run of them counts once,
  closing quotes and brackets may follow) when whitespace or the end of the text follows.
  So "5.678", "1.5", "24.11.2026", "14:30" and "www.aarhus.dk" never end a sentence.
* A full stop after a number ends the sentence only if the next word starts with a capital
  letter or the text (line) ends: "den 17. maj" goes on, "Vi ses den 17. Mødet ..." breaks.
* Abbreviations that stand in front of something ("bl.a.", "f.eks.", "fx.", "dvs.", "jf.",
  "ca.", "pga.", "evt.", "nr.", "stk.", "kl." …) never end a sentence. Those that often
  close a list ("osv.", "mv.", "m.m.", "etc.", "kr." …) end it only when a capital letter
  or the end of the line follows.
* A **line break ends a sentence** too, unless the line ends with a comma or a semicolon:
  a heading or a list item without a full stop is a sentence of its own, and a text
  without any terminal punctuation is one sentence. (Sprogvaskeriet removes headings and
  lists before scoring; we keep them as short sentences because the family reads them
  too. It lowers the score of a text with many headings a little.)
* Segments without a single word (a line with only a date, "…") are not sentences.
"""

from __future__ import annotations

import csv
import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.resources import resources_dir

GLOSSARY_FILE = "plain_words.csv"
GLOSSARY_FIELDS = ["term", "plain", "note"]
LONG_WORD_LETTERS = 7  # "more than six letters"
MAX_LONGEST_SENTENCES = 3
MAX_LONGEST_WORDS = 5

# Abbreviations (lower case, as written with full stops) that never end a sentence.
_INNER_ABBREVIATIONS = (
    "bl.a.",
    "f.eks.",
    "fx.",
    "dvs.",
    "d.v.s.",
    "jf.",
    "jvf.",
    "ca.",
    "pga.",
    "p.g.a.",
    "evt.",
    "nr.",
    "stk.",
    "kl.",
    "hhv.",
    "iht.",
    "i.h.t.",
    "ifm.",
    "ift.",
    "mht.",
    "m.h.t.",
    "mhp.",
    "vedr.",
    "inkl.",
    "ekskl.",
    "tlf.",
    "att.",
    "ang.",
    "pr.",
    "pkt.",
    "afd.",
    "hr.",
    "fr.",
    "dr.",
)
# Abbreviations that often close a sentence: they end one before a capital letter.
_FINAL_ABBREVIATIONS = (
    "osv.",
    "mv.",
    "m.v.",
    "m.m.",
    "m.fl.",
    "mfl.",
    "etc.",
    "o.l.",
    "kr.",
    "ff.",
    "mdr.",
    "md.",
    "min.",
    "pt.",
    "p.t.",
    "lign.",
    "o.lign.",
)

_LETTERS = r"(?:[^\W\d_][\u0300-\u036f]*)+"  # combining marks that NFC could not compose
_HYPHEN = "[-\u2010\u2011]"
_WORD_RE = re.compile(rf"(?:\d+{_HYPHEN})?{_LETTERS}(?:{_HYPHEN}{_LETTERS})*")
_NOT_LETTER_BEFORE = r"(?<![^\W_])"
_NOT_LETTER_AFTER = r"(?![^\W_])"


def _abbreviation_pattern(abbreviations: tuple[str, ...]) -> str:
    # "bl.a." also written "bl. a.": a space may follow an inner full stop.
    alternatives = sorted(abbreviations, key=len, reverse=True)
    parts = [re.escape(a[:-1]).replace(r"\.", r"\.\s?") + r"\." for a in alternatives]
    return "|".join(parts)


_ABBREVIATION_RE = re.compile(
    rf"{_NOT_LETTER_BEFORE}(?:(?P<inner>{_abbreviation_pattern(_INNER_ABBREVIATIONS)})"
    rf"|(?P<final>{_abbreviation_pattern(_FINAL_ABBREVIATIONS)}))",
    re.IGNORECASE,
)
_BREAK_RE = re.compile(r"[.!?:…]+[\"'”’»)\]]*(?=\s|$)")
_LINE_BREAKS = "\n\r\u2028\u2029\x0b\x0c\x85"


class LixBand(StrEnum):
    VERY_EASY = "very_easy"  # ≤ 24
    EASY = "easy"  # 25–34
    MEDIUM = "medium"  # 35–44
    HARD = "hard"  # 45–54
    VERY_HARD = "very_hard"  # ≥ 55


# Lowest score of each band, in order.
BAND_FLOORS: tuple[tuple[LixBand, int], ...] = (
    (LixBand.VERY_EASY, 0),
    (LixBand.EASY, 25),
    (LixBand.MEDIUM, 35),
    (LixBand.HARD, 45),
    (LixBand.VERY_HARD, 55),
)


def band_for(score: int) -> LixBand:
    band = LixBand.VERY_EASY
    for candidate, floor in BAND_FLOORS:
        if score >= floor:
            band = candidate
    return band


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    start: int  # offsets into the original text: text[start:end] is the sentence
    end: int
    words: int
    text: str  # the original text of the sentence


@dataclass(frozen=True, slots=True)
class WordSpan:
    word: str  # NFC
    letters: int
    start: int  # first occurrence, offsets into the original text
    end: int


@dataclass(frozen=True, slots=True)
class LixResult:
    words: int
    sentences: int
    long_words: int
    score: int
    band: LixBand
    longest_sentences: tuple[SentenceSpan, ...]  # up to 3, most words first
    longest_words: tuple[WordSpan, ...]  # up to 5 distinct long words, most letters first

    @property
    def is_empty(self) -> bool:
        return self.words == 0


# -- normalisation with offsets back into the original text ----------------------------------


def _normalise(text: str) -> tuple[str, list[int]]:
    """NFC text and, for every index into it (and its end), the index into ``text``."""
    normalised = unicodedata.normalize("NFC", text)
    if normalised == text:
        return text, list(range(len(text) + 1))
    parts: list[str] = []
    to_original: list[int] = []
    cluster_start = 0
    for index in range(1, len(text) + 1):
        # A cluster is a starter and the combining marks after it: NFC works within it.
        if index < len(text) and unicodedata.combining(text[index]):
            continue
        piece = unicodedata.normalize("NFC", text[cluster_start:index])
        parts.append(piece)
        to_original.extend([cluster_start] * len(piece))
        cluster_start = index
    to_original.append(len(text))
    if "".join(parts) != normalised:  # compositions across starters (Hangul jamo): rare
        return normalised, [min(i, len(text)) for i in range(len(normalised) + 1)]
    return normalised, to_original


# -- words and sentences ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Word:
    start: int  # in the normalised text
    end: int
    letters: int


def _letter_count(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())


def _next_visible(text: str, index: int) -> str:
    """The next character after spaces and tabs on the same line ("" at a line's end)."""
    while index < len(text) and text[index] in " \t\u00a0":
        index += 1
    if index >= len(text) or text[index] in _LINE_BREAKS:
        return ""
    return text[index]


def _words_and_protected_stops(text: str) -> tuple[list[_Word], set[int]]:
    """Words in order, and the indices of full stops that do not end a sentence."""
    protected: set[int] = set()
    abbreviations: list[tuple[int, int]] = []
    for match in _ABBREVIATION_RE.finditer(text):
        if match.end() < len(text) and not (text[match.end()].isspace() or text[match.end()] in ",;)\"'”’»"):
            continue  # "ca.5" or "kl.10": not the abbreviation as we know it; fine either way
        abbreviations.append((match.start(), match.end()))
        stops = [i for i in range(match.start(), match.end()) if text[i] == "."]
        last = stops[-1]
        protected.update(stops[:-1])
        if match.group("inner") is not None:
            protected.add(last)
        else:
            following = _next_visible(text, match.end())
            if following and not following.isupper():
                protected.add(last)
    words: list[_Word] = []
    position = 0
    for start, end in [*abbreviations, (len(text), len(text))]:
        for match in _WORD_RE.finditer(text, position, start):
            words.append(_Word(match.start(), match.end(), _letter_count(match.group())))
        if start < end:
            words.append(_Word(start, end, _letter_count(text[start:end])))
        position = end
    # A full stop after a number: "17. maj" goes on, "den 17. Vi" breaks.
    for match in re.finditer(r"(?<=\d)\.(?=[ \t\u00a0])", text):
        following = _next_visible(text, match.end())
        if following and not following.isupper():
            protected.add(match.start())
    return words, protected


def _sentence_breaks(text: str, protected: set[int]) -> list[int]:
    """Indices just after each sentence end (before any whitespace)."""
    breaks: list[int] = []
    for match in _BREAK_RE.finditer(text):
        run = match.group()
        if all(ch == "." for ch in run.rstrip("\"'”’»)]")) and match.start() in protected:
            continue
        breaks.append(match.end())
    line_start = 0
    for index, ch in enumerate(text):
        if ch not in _LINE_BREAKS:
            continue
        line = text[line_start:index].rstrip()
        line_start = index + 1
        if not line or line[-1] not in ",;":  # a blank line always ends the sentence
            breaks.append(index)
    breaks.append(len(text))
    return sorted(set(breaks))


def lix(text: str) -> LixResult:
    """The LIX score of ``text`` with its counts and its longest sentences and words."""
    normalised, to_original = _normalise(text)
    words, protected = _words_and_protected_stops(normalised)
    breaks = _sentence_breaks(normalised, protected)

    sentences: list[SentenceSpan] = []
    word_index = 0
    segment_start = 0
    for end in breaks:
        count = 0
        while word_index < len(words) and words[word_index].start < end:
            count += 1
            word_index += 1
        if count:
            segment = normalised[segment_start:end]
            start = segment_start + (len(segment) - len(segment.lstrip()))
            stop = segment_start + len(segment.rstrip())
            original_start, original_end = to_original[start], to_original[stop]
            sentences.append(
                SentenceSpan(original_start, original_end, count, text[original_start:original_end])
            )
        segment_start = end

    long_words = sum(1 for w in words if w.letters >= LONG_WORD_LETTERS)
    if words:
        raw = len(words) / len(sentences) + 100 * long_words / len(words)
        score = math.floor(raw + 0.5)
    else:
        score = 0

    longest_sentences = sorted(sentences, key=lambda s: (-s.words, s.start))[:MAX_LONGEST_SENTENCES]
    seen: set[str] = set()
    distinct: list[WordSpan] = []
    for w in words:
        word = normalised[w.start : w.end]
        if w.letters < LONG_WORD_LETTERS or word.casefold() in seen:
            continue
        seen.add(word.casefold())
        distinct.append(WordSpan(word, w.letters, to_original[w.start], to_original[w.end]))
    longest_words = sorted(distinct, key=lambda w: (-w.letters, w.start))[:MAX_LONGEST_WORDS]

    return LixResult(
        words=len(words),
        sentences=len(sentences),
        long_words=long_words,
        score=score,
        band=band_for(score),
        longest_sentences=tuple(longest_sentences),
        longest_words=tuple(longest_words),
    )


# -- glossary of plain words ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A professional term and a plain alternative.

    In ``term``, a word ending in ``*`` also matches its inflected forms ("bevilling*" finds
    "bevillingen" and "bevillinger"). An empty ``plain`` means the word is fine to keep
    (``note`` says why): it is matched, so no shorter term claims the text, but not reported.
    """

    term: str
    plain: str
    note: str

    @property
    def keep(self) -> bool:
        return not self.plain

    @property
    def display_term(self) -> str:
        return self.term.replace("*", "")


@dataclass(frozen=True, slots=True)
class GlossaryHit:
    entry: GlossaryEntry
    found: str  # the text as written
    start: int  # offsets into the original text
    end: int

    @property
    def term(self) -> str:
        return self.entry.display_term

    @property
    def plain(self) -> str:
        return self.entry.plain

    @property
    def note(self) -> str:
        return self.entry.note


def load_glossary(path: Path | None = None) -> list[GlossaryEntry]:
    path = path or resources_dir() / GLOSSARY_FILE
    entries: list[GlossaryEntry] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != GLOSSARY_FIELDS:
            raise ValueError(f"{path.name}: unexpected header {reader.fieldnames}")
        for line, raw in enumerate(reader, start=2):
            if None in raw.values() or None in raw:
                raise ValueError(f"{path.name} line {line}: expected {len(GLOSSARY_FIELDS)} columns")
            term = unicodedata.normalize("NFC", raw["term"].strip())
            if not term or term.replace("*", "").strip() == "":
                raise ValueError(f"{path.name} line {line}: empty term")
            entries.append(
                GlossaryEntry(
                    term=term,
                    plain=unicodedata.normalize("NFC", raw["plain"].strip()),
                    note=unicodedata.normalize("NFC", raw["note"].strip()),
                )
            )
    return entries


@functools.lru_cache(maxsize=512)
def _term_regex(term: str) -> re.Pattern[str]:
    parts = []
    for word in term.split():
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"[^\W\d_]*")
        else:
            parts.append(re.escape(word))
    return re.compile(_NOT_LETTER_BEFORE + r"\s+".join(parts) + _NOT_LETTER_AFTER, re.IGNORECASE)


def glossary_hits(
    text: str, entries: list[GlossaryEntry], *, include_keep: bool = False
) -> list[GlossaryHit]:
    """Every place a glossary term occurs (whole words, any case), in text order.

    Where terms overlap, the longest match wins ("børnefaglig undersøgelse" before
    "undersøgelse"); kept words take part in that but are left out unless ``include_keep``.
    """
    normalised, to_original = _normalise(text)
    candidates: list[tuple[int, int, int, GlossaryEntry]] = []
    for order, entry in enumerate(entries):
        for match in _term_regex(entry.term).finditer(normalised):
            candidates.append((match.start(), match.end(), order, entry))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int]] = []
    hits: list[GlossaryHit] = []
    for start, end, _order, entry in candidates:
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            continue
        taken.append((start, end))
        if entry.keep and not include_keep:
            continue
        original_start, original_end = to_original[start], to_original[end]
        hits.append(GlossaryHit(entry, text[original_start:original_end], original_start, original_end))
    hits.sort(key=lambda h: h.start)
    return hits
