"""Normalisation shared by the actor base and the text: each character folded to one (a few deleted, and
remembered so that hits map back to original offsets), and the automaton key of an alias."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable


# Normalisation. Text and aliases are folded the same way; every fold maps one character to one
# character except a few deletions, which are remembered so that hits map back to original offsets.


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        decomposed = unicodedata.normalize("NFKD", ch)
        base = decomposed[:1]
        if len(decomposed) > 1 and base.isascii() and base.isalpha() and all(unicodedata.combining(c) for c in decomposed[1:]):
            table[cp] = base
    table.update({ord(k): v for k, v in {"ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i"}.items()})
    for ch in "’‘ʼʻʿʾ`´′":
        table[ord(ch)] = "'"
    # hyphens and dashes read as a space, so "al-Sham", "al Sham" and "al–Sham" are one key
    for ch in "-‐‑‒–—―−":
        table[ord(ch)] = " "
    for ch in "\t\n\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
        table[ord(ch)] = " "
    for ch in "أإآٱ":  # Arabic alef with hamza/madda/wasla: one alef
        table[ord(ch)] = "ا"
    return table


_FOLD = _build_fold_table()
# Characters the fold may change: everything but printable ASCII (the hyphen included). Few in English text,
# so substituting them one by one beats str.translate over the whole text.
_SPECIAL_RE = re.compile(r"[^ !-,.-~]")
# Deleted: an apostrophe inside a word (Hay'at = Hayat, Sana'a = Sanaa) but not a possessive 's; all but the
# first of a run of spaces; combining marks, Arabic harakat and tatweel, zero-width characters and soft hyphens
# (none in ASCII text). Three patterns with a literal start scan faster than one alternation.
_APOSTROPHE_RE = re.compile(r"'(?<=[^\W\d_]')(?=[^\W\d_])(?!s(?![^\W\d_]))")
_SPACES_RE = re.compile(r"  +")
_MARKS_RE = re.compile(r"[\u0300-\u036f\u064b-\u065f\u0670\u0640\u200b-\u200f\u00ad]+")


# The ASCII characters _SPECIAL_RE picks that _FOLD changes (all to a space).
_ASCII_SPACES_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in range(128)
                                            if _SPECIAL_RE.match(chr(c)) and _FOLD.get(c, chr(c)) != chr(c)) + "]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def _translate(text: str, others: Iterable[str]) -> str:
    """text with every character _SPECIAL_RE picks replaced as _FOLD says (one character for one); `others`
    are its distinct non-ASCII characters. A few replace() passes beat a Python call per character, and
    no replacement is itself replaced."""
    text = _ASCII_SPACES_RE.sub(" ", text)
    for ch in others:
        out = _FOLD.get(ord(ch))
        if out is not None:
            text = text.replace(ch, out)
    return text


def _deletions(s: str, marks: bool) -> list[int]:
    deleted = [m.start() for m in _APOSTROPHE_RE.finditer(s)] if "'" in s else []
    for m in _SPACES_RE.finditer(s):
        deleted.extend(range(m.start() + 1, m.end()))
    if marks:
        for m in _MARKS_RE.finditer(s):
            deleted.extend(range(*m.span()))
    deleted.sort()
    return deleted


@dataclass(frozen=True)
class Folded:
    """A text folded for matching: `cased` keeps letter case, `lower` is its lower-case twin (same length)."""

    cased: str
    lower: str
    _shift_at: tuple[int, ...]  # folded positions where one more original character was deleted before

    def original(self, pos: int) -> int:
        """Original offset of folded position pos."""
        return pos + bisect_right(self._shift_at, pos)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.original(start), self.original(end - 1) + 1


def fold(text: str) -> Folded:
    others = () if text.isascii() else set(_NON_ASCII_RE.findall(text))
    translated = _translate(text, others)
    deleted = _deletions(translated, any(_MARKS_RE.match(ch) for ch in others))
    if deleted:
        pieces, last = [], 0
        for pos in deleted:
            pieces.append(translated[last:pos])
            last = pos + 1
        pieces.append(translated[last:])
        cased = "".join(pieces)
    else:
        cased = translated
    lower = cased.lower()
    if len(lower) != len(cased):  # a few letters (e.g. İ) lower-case to two characters
        lower = "".join(c.lower()[:1] for c in cased)
    return Folded(cased, lower, tuple(pos - rank for rank, pos in enumerate(deleted)))


def alias_key(alias: str) -> tuple[str, bool]:
    """(the automaton key, whether it is matched case-sensitively) for an alias with default settings."""
    folded = fold(alias.strip()).cased.strip()
    return folded, is_abbreviation(folded)


def is_abbreviation(alias: str) -> bool:
    """All-caps abbreviations (HTS, RSF, M23, IS) match only in capitals."""
    return any(c.isupper() for c in alias) and not any(c.islower() for c in alias)
