"""Dateline parsing: the "KHARKIV, Ukraine —" / "UNITED NATIONS (AP) -" opener that says where a story was
filed, found at the start of the text (or of one of its first paragraphs) and kept apart from its places."""
from __future__ import annotations

import re
from typing import NamedTuple

# AP-style abbreviations of US states as datelines write them ("LEBANON, Pa. —").
US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}

_DASH = r"(?:—|–|--|-)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
_AGENCY = r"\((?:[A-Z][\w&.' -]{0,30})\)"
# PLACE in capitals (letters, spaces, hyphens, apostrophes, dots), then optionally ", Qualifier"
# (a country, state or province as written), a date, an agency in parentheses, then a dash.
_LETTERS = r"(?:[^\W\d_]|['’.\-])*"  # letters, apostrophes, dots, hyphens
_UPPER_PLACE = rf"(?P<place>[^\W\d_]{_LETTERS}(?:[ \-][^\W\d_]{_LETTERS}){{0,4}})"
_TITLE_PLACE = r"(?P<place>[A-Z][a-zà-ÿ'’.\-]+(?:[ \-](?:[A-Z][a-zà-ÿ'’.\-]+|al|el|ez|es|ad|de|du|la|le)){0,3})"
_QUALIFIER = r"(?:,\s*(?P<qual>[A-Z][\w.'’\-]*(?:\s+(?:of|the|and|[A-Z][\w.'’\-]*)){0,5}))?"
_TAIL = rf"(?:,?\s*{_MONTH})?\s*(?:{_AGENCY}\s*)?{_DASH}(?=\s|$)\s*"

_UPPER_RE = re.compile(rf"{_UPPER_PLACE}{_QUALIFIER}{_TAIL}")
_TITLE_RE = re.compile(rf"{_TITLE_PLACE}{_QUALIFIER}{_TAIL}")

# Datelines that name an institution rather than a place, and where it sits.
INSTITUTION_PLACES = {"UNITED NATIONS": "New York City"}

PARAGRAPHS_SEARCHED = 3  # a standfirst or byline line may come before the dateline


class Dateline(NamedTuple):
    place: str  # as written, e.g. "KHARKIV" or "UNITED NATIONS"
    country_text: str | None  # the qualifier as written ("Ukraine", "Pa.") or None
    span: tuple[int, int]  # offsets in the text of the whole opener, dash and following space included


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the start of the text or of one of its first paragraphs; None when there is none.
    The place must be in capitals ("HAMA, Syria —"), except at the very start where "Hama, Syria —" with
    a qualifier also counts."""
    offset = 0
    text_start = _first_non_space(text, 0)
    for _ in range(PARAGRAPHS_SEARCHED):
        start = _first_non_space(text, offset)
        found = _match_at(text, start, allow_title_case=start == text_start)
        if found is not None:
            return found
        newline = text.find("\n", start)
        if newline < 0:
            return None
        offset = newline + 1
    return None


_NON_SPACE_RE = re.compile(r"\S")  # \s is what str.isspace() says, as str.strip() uses


def _first_non_space(text: str, pos: int) -> int:
    """The index of the first non-space character from pos (len(text) when none)."""
    found = _NON_SPACE_RE.search(text, pos)
    return found.start() if found else len(text)


def _match_at(text: str, start: int, allow_title_case: bool) -> Dateline | None:
    m = _UPPER_RE.match(text, start)
    if m and _is_upper_place(m.group("place")):
        return _dateline(m)
    if allow_title_case:
        m = _TITLE_RE.match(text, start)
        if m and m.group("qual"):
            return _dateline(m)
    return None


# Capitalised openers that are labels, not places.
_LABELS = {"BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "ANALYSIS", "OPINION", "WATCH", "LIVE", "EDITORIAL",
           "CORRECTION", "NOTE", "FILE", "PHOTO", "VIDEO", "COMMENT", "REVIEW", "INTERVIEW"}


def _is_upper_place(place: str) -> bool:
    letters = [ch for ch in place if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters) and place.strip(" .") not in _LABELS


def _dateline(m: re.Match) -> Dateline:
    qual = m.group("qual")
    if qual:
        qual = qual.strip()
    return Dateline(m.group("place").strip(), qual or None, (m.start(), m.end()))


def expand_qualifier(qualifier: str | None) -> str | None:
    """The qualifier spelled out where datelines abbreviate it ("Pa." -> "Pennsylvania")."""
    if qualifier is None:
        return None
    return US_STATE_ABBREVIATIONS.get(qualifier, qualifier)
