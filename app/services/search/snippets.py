"""The words of a search, and where they are found in a text: the query's words as each store
reads them, whether a field holds them, and the short excerpt a result shows ("… skolen …").

A word is a run of letters and digits, lower-cased, as the stores' tokenizers read text. A
word matches a word of the text that starts with it; for prose the server also stems
("skolen" finds "skole"), so a stem of the query word counts when the excerpt is made. CPR
numbers in a text are masked before anything is cut out of it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.services.common.audit import mask_cpr_in

_WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 8  # as the case list: more words find nothing more
MAX_WORD_CHARS = 100
EXCERPT_CHARS = 90  # about a line of the result list
_BEFORE = 30  # characters shown before the first matched word
# Endings the Danish stemmer takes off ("skolen", "skolerne", "børnenes"); only for
# marking the words in an excerpt, never for deciding what is found.
_ENDINGS = ("ernes", "erne", "enes", "ene", "ens", "ers", "er", "en", "et", "es", "e", "s")


def fold_word(word: str) -> str:
    """A word as the indexes compare it: NFC, lower case (å, é, ø and æ stay as written)."""
    return unicodedata.normalize("NFC", word).lower()


def words_of(text: str) -> list[str]:
    """The search words of a text (NFC, lower case), at most MAX_WORDS of MAX_WORD_CHARS."""
    found = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    return [w[:MAX_WORD_CHARS] for w in found[:MAX_WORDS]]


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if len(word) - len(ending) >= 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


@dataclass(frozen=True)
class Matcher:
    """Tests the words of a text against the query's words."""

    words: tuple[str, ...]

    @classmethod
    def of(cls, words: list[str]) -> Matcher:
        return cls(tuple(fold_word(w) for w in words))

    def hits(self, token: str, stemmed: bool = False) -> bool:
        token = fold_word(token)
        return any(token.startswith(w) or (stemmed and token.startswith(_stem(w))) for w in self.words)

    def exact(self, tokens: list[str]) -> bool:
        """Every query word is a whole word of ``tokens``."""
        folded = {fold_word(t) for t in tokens}
        return all(w in folded for w in self.words)

    def all_in(self, tokens: list[str]) -> bool:
        """Every query word starts a word of ``tokens``."""
        folded = [fold_word(t) for t in tokens]
        return all(any(t.startswith(w) for t in folded) for w in self.words)

    def any_in(self, text: str, stemmed: bool = False) -> bool:
        return any(self.hits(t, stemmed) for t in _WORD.findall(text))


def tokens(*texts: str) -> list[str]:
    return [t for text in texts for t in _WORD.findall(text)]


@dataclass(frozen=True)
class Excerpt:
    text: str
    marks: tuple[tuple[int, int], ...]  # (start, end) of each matched word in ``text``


def excerpt(text: str, matcher: Matcher, stemmed: bool = False, width: int = EXCERPT_CHARS) -> Excerpt | None:
    """A part of ``text`` around its first matched word, cut at spaces, with "…" where it
    was cut, and the matched words marked; None when no word matches."""
    flat = " ".join(mask_cpr_in(text).split())
    found = [m for m in _WORD.finditer(flat) if matcher.hits(m.group(), stemmed)]
    if not found:
        return None
    start = max(0, found[0].start() - _BEFORE)
    if start > 0:
        space = flat.find(" ", start, found[0].start())
        start = space + 1 if space >= 0 else start
    end = min(len(flat), max(start + width, found[0].end()))
    if end < len(flat):
        space = flat.rfind(" ", found[0].end(), end)
        end = space if space >= 0 else end
    lead = "… " if start > 0 else ""
    tail = " …" if end < len(flat) else ""
    shift = len(lead) - start
    marks = tuple(
        (m.start() + shift, m.end() + shift) for m in found if m.start() >= start and m.end() <= end
    )
    return Excerpt(lead + flat[start:end] + tail, marks)


def whole(text: str, matcher: Matcher, stemmed: bool = False) -> Excerpt:
    """A short text shown whole (a name, a title), its matched words marked."""
    flat = " ".join(mask_cpr_in(text).split())
    marks = tuple((m.start(), m.end()) for m in _WORD.finditer(flat) if matcher.hits(m.group(), stemmed))
    return Excerpt(flat, marks)
