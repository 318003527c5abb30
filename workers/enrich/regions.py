"""Region resolution: place mentions in a title and text -> countries, admin1 divisions and localities with
implied ancestors, mention counts, offsets and the focus; the dateline place is kept apart.

Candidates come from the gazetteer's automaton; each mention is then resolved by context, in the manner
of CLAVIN/CLIFF and Mordecai: countries and places co-mentioned, population, cue words ("X province",
"the city of X"), "Town, State" qualifiers, and person/organisation look-alikes rejected. A demonym alone
("Syrian") makes its country count as mentioned, at half the weight of a name when choosing the focus.
"""
from __future__ import annotations

import math
import re
import weakref
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Iterable, Sequence

from indexer.article import RegionMention
from workers.enrich.dateline import INSTITUTION_PLACES, Dateline, expand_qualifier, parse_dateline
from workers.enrich.gazetteer import LEVELS, Gazetteer, Place, Ref, fold, has_arabic, name_key

# Words after a name that make it a division ("Hama province", "Niger State", "Kharkiv region"; "the Donetsk
# regional administration", "the Idlib countryside": the division around a city).
ADMIN_CUES = frozenset(
    "province provinces governorate governorates state states oblast oblasts region regions district districts "
    "county counties department departments division divisions prefecture prefectures krai municipality "
    "territory wilaya regional provincial countryside".split()
)
# Words before "of X" that make X a division or a settlement (a plural one covers a list: "the regions of
# Maradi, Zinder and Tahoua").
ADMIN_BEFORE = frozenset(
    "province governorate state region oblast department provinces governorates states regions oblasts "
    "departments".split()
)
CITY_BEFORE = frozenset("city town village camp suburb outskirts district neighbourhood neighborhood port".split())
CITY_CUES = frozenset("city town village camp".split())
# Capitalised words that may follow a place without making it part of a person's or body's name.
PLACE_FOLLOWERS = ADMIN_CUES | CITY_CUES | frozenset(
    "airport port crossing border countryside front frontline offensive dam bridge road highway street square "
    "citadel hospital prison refinery market gate governor mayor council police military regional provincial "
    "international central plain plains mountains valley river camp area areas heights suburbs district".split()
)
# Capitalised words that may precede a place.
PLACE_MODIFIERS = frozenset(
    "north south east west northern southern eastern western central greater upper lower rural old new "
    "northeast northwest southeast southwest northeastern northwestern southeastern southwestern occupied "
    "downtown inner outer coastal mainland".split()
)
HONORIFICS = frozenset(
    "mr mrs ms miss dr gen general col colonel capt captain sgt lt lieutenant maj major president minister "
    "sheikh shaykh imam prof professor judge senator sen rep gov governor mayor commander brig cpl pvt "
    "ambassador envoy king queen prince princess sir lord lady father sister brother uncle aunt mother".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)
# Capitalised only because they open a sentence: before a name they say nothing about it.
SENTENCE_STARTERS = frozenset(
    "the a an in on at by for from to of and but or as after before since while when where if though although "
    "during despite with without into near across over under between among against about around this that "
    "these those there here it its their his her our we they he she i you some many most several both all "
    "each every no not more less yet so also meanwhile however still even then now once only just such what "
    "which who why how outside inside along beyond toward towards via until".split()
)
SPEECH_VERBS = frozenset("said says told added noted explained warned wrote asked replied recalled insisted".split())
ARTICLES = frozenset("al el an ar as ad az at ash ed en er es et ez".split())
# Natural features named after a place: "Lake Chad", "Euphrates River" are not the place.
FEATURES_BEFORE = frozenset("lake mount mt river gulf sea bay strait cyclone hurricane storm typhoon operation".split())
FEATURES_AFTER = frozenset("river sea lake strait desert mountains gulf island islands ocean".split())
FEATURES_AFTER_ANY_CASE = frozenset("reservoir reservoirs".split())  # "the Kakhovka reservoir"
# Words before a quoted name that make it a nickname ('known by the alias "El Tigre"').
NICKNAME_BEFORE = frozenset("alias nicknamed dubbed aka codenamed".split())
# Words after a demonym that make it a language ("its French initials").
LANGUAGE_AFTER = frozenset("initials acronym name names language speakers speaking translation word words".split())
PREPOSITIONS = frozenset("in at from near to into of outside inside across toward towards around".split())
# Division names that are also plain words ("Central", "Unity", "Northern"): need a cue or context.
GENERIC_NAMES = frozenset(
    "north south east west northern southern eastern western central centre center capital coast lakes "
    "unity nord sud ouest est upper lower islands island river mountain plateau littoral maritime "
    "savanes north east north west south east south west far north".split()
)

TITLE_WEIGHT, LEDE_WEIGHT, BODY_WEIGHT, DEMONYM_FACTOR = 3.0, 2.0, 1.0, 0.5
LEDE_CHARS = 400
BIG_CITY = 100_000  # population above which a locality stands without country context
MIN_SCORE = 2.0
PASSES = 3  # resolution rounds, each using the previous round's choices as context


@dataclass(slots=True)
class Mention:
    """One name occurrence in the title or the text, with what it may mean and its context cues."""

    source: str  # "title" | "text"
    start: int
    end: int
    surface: str
    key: str
    refs: list[Ref]
    initial: bool = False  # starts a sentence (or sits in a title-case title or subheading)
    feature: bool = False  # "Lake Chad", "Jordan River"
    surname: str | None = None  # "Jordan Whitaker": the name after a given-name place
    prev_name: bool = False  # a capitalised word before that is not a modifier ("Tamar Golan")
    language: bool = False  # "French initials", "Arabic name": a language, not a nationality
    admin_cue: bool = False
    city_cue: bool = False
    list_cue: int = 0  # a plural division word covers the list: -1 the names before it, 1 those after it
    among_countries: bool = False  # listed with country names: "Sudan, Mali, Burkina Faso and Niger"
    person: bool = False
    loose: bool = False  # capitalised words on either side: maybe part of a longer name
    qualifier: "Mention | None" = None  # "Paris, Texas": the mention of Texas
    chosen: Place | None = None
    demonym: str | None = None  # country code
    region: tuple[str, str | None] | None = None  # (country, admin1) of a named area
    places: list[tuple[Place, Ref]] = field(default_factory=list)  # the refs that are places
    facts: tuple | None = None  # what _choose weighs that stays fixed (_choice_facts)
    kinds: frozenset[str] = frozenset()  # of refs
    alone: str | None = None  # the country the places name without help (_alone)


@dataclass
class RegionResult:
    regions: list[RegionMention] = field(default_factory=list)
    dateline: RegionMention | None = None


def find_regions(
    title: str,
    text: str,
    skip_spans: Iterable[tuple[int, int]] = (),
    entities: Sequence = (),
    gazetteer: Gazetteer | None = None,
    spans: Sequence[tuple[int, int, int]] | None = None,
) -> RegionResult:
    """Resolve the places of an article. `skip_spans` are text spans of other names (actor-base persons and
    organisations): a place strictly inside one is not a place. `entities` are NER spans (objects with
    label, start, end): a place strictly inside a PERSON is dropped, and GPE/LOC spans support a place.
    `spans` are the text's gazetteer spans (Gazetteer.span_list(fold(text))) when the caller has them."""
    gaz = gazetteer or Gazetteer.load()
    dateline = parse_dateline(text)
    persons = [(e.start, e.end) for e in entities if getattr(e, "label", "") == "PERSON"]
    skip = sorted([*skip_spans, *persons])
    places_ner = {(e.start, e.end) for e in entities if getattr(e, "label", "") in ("GPE", "LOC")}

    mentions = _mentions(gaz, "title", title, None, (), ()) if title else []
    mentions += _mentions(gaz, "text", text, dateline.span if dateline else None, skip, places_ner, spans)
    _mark_surnames(mentions, text, persons)
    dateline_place = _resolve_dateline(gaz, dateline) if dateline else None
    _resolve(gaz, mentions, dateline_place)
    lede_end = _lede_end(text, dateline.span[1] if dateline else 0)
    regions = _aggregate(gaz, mentions, lede_end)
    _mark_focus(gaz, regions, dateline_place)
    out = [r.to_model(gaz) for r in sorted(regions.values(), key=_region_order)]
    dl = _dateline_model(gaz, dateline_place, dateline) if dateline_place else None
    return RegionResult(out, dl)


# ---------------------------------------------------------------- candidate mentions
_NEXT_WORD = re.compile(r"(?:'s|’s)?[ \t]*([^\W_][\w'’\-.]*)?")  # a possessive, spaces, a word


def _mentions(gaz: Gazetteer, source: str, text: str, dateline_span: tuple[int, int] | None,
              skip: Sequence[tuple[int, int]], ner_places: set[tuple[int, int]] | tuple,
              spans: Sequence[tuple[int, int, int]] | None = None) -> list[Mention]:
    """Candidate mentions of one text, longest matches first, with their cues."""
    title_case = source == "title" and _is_title_case(text)
    headings = _Headings(text) if source == "text" else None
    raw = []
    after = dateline_span[1] if dateline_span else 0
    known = _memo(gaz).surfaces
    for start, end, index in gaz.span_list(fold(text)) if spans is None else spans:
        if start < after:
            continue
        surface = text[start:end]
        if surface.islower():
            continue  # no meaning takes an all lower-case Latin name ("bar", "of", "police")
        read = known.get(surface)
        if read is None:
            refs = _surface_refs(surface, gaz.meaning(index))
            read = _Memo.keep(known, surface, _read(gaz, surface, refs))
        if read[1]:
            raw.append((start - end, start, end, surface, read))
    # longest match first, left to right (no two hits share a span: the tuples never compare past `end`);
    # a kept match hides the shorter ones it overlaps
    raw.sort()
    kept: list[Mention] = []
    covered = bytearray(len(text))
    inside = _Containers(skip)
    for _, start, end, surface, (key, refs, places, kinds, alone) in raw:
        if covered.find(1, start, end) >= 0:
            continue
        covered[start:end] = b"\x01" * (end - start)
        if inside(start, end) and not all(r.kind in ("demonym", "country") for r in refs):
            continue
        m = Mention(source, start, end, surface, key, refs, places=places, kinds=kinds, alone=alone)
        _cues(m, text, gaz, title_case, headings, (start, end) in ner_places)
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    _share_admin_cues(kept, text)
    surnames = {m.surname for m in kept if m.surname}
    for m in kept:
        if m.key in surnames:
            m.person = True  # "Whitaker said", after "Jordan Whitaker"
    _link_qualifiers(kept, text)
    return kept


def _mark_surnames(mentions: list[Mention], text: str, persons: Sequence[tuple[int, int]]) -> None:
    """Once the model reads "Naftali Bennett" as a person, a bare "Bennett" elsewhere (title included) is that
    person, not a small town of the name (a big or curated place stays: "Hawa Aden" leaves Aden a city;
    countries keep their own rule: _drop_person_namesakes)."""
    surnames = set()
    for start, end in persons:
        words = text[start:end].split()
        if len(words) > 1:
            surnames.add(name_key(re.sub(r"['’]s$", "", words[-1])))
    if surnames:
        for m in mentions:
            if m.key in surnames and "country" not in m.kinds and not any(
                    r.curated or p.population >= BIG_CITY for p, r in m.places):
                m.person = True


MEMO_KEPT = 50_000  # entries per memo table; a table is emptied when full


class _Memo:
    """What follows from a gazetteer and a name (or place) alone, kept across stories: a worker meets the
    same names again and again. Shared, so what these tables hold is never changed in place."""

    def __init__(self) -> None:
        # surface (a name as written) -> its key, the refs its writing allows and the places among them
        self.surfaces: dict[str, tuple[str, list[Ref], list[tuple[Place, Ref]]]] = {}
        self.choices: dict[tuple, tuple] = {}  # a mention's surface and cues -> _choice_facts
        self.fields: dict[tuple[str, str], dict] = {}  # (level, code) -> the RegionMention fields of a place
        self.datelines: dict[tuple[str, str | None], Place | None] = {}  # (place, qualifier) -> filing place

    @staticmethod
    def keep(table: dict, key, value):
        if len(table) >= MEMO_KEPT:
            table.clear()
        table[key] = value
        return value


# By id(gazetteer), the entry dropped when that gazetteer goes (so an id is never reused while listed): a
# plain dict lookup is several times cheaper than a WeakKeyDictionary's, and a story asks dozens of times.
_MEMOS: dict[int, _Memo] = {}


def _memo(gaz: Gazetteer) -> _Memo:
    memo = _MEMOS.get(id(gaz))
    if memo is None:
        memo = _MEMOS[id(gaz)] = _Memo()
        weakref.finalize(gaz, _MEMOS.pop, id(gaz), None)
    return memo


def _read(gaz: Gazetteer, surface: str, refs: list[Ref]) -> tuple:
    """A surface's entry in _Memo.surfaces: key, refs, places, kinds of refs, and the country it names alone."""
    key = name_key(surface)
    places = [(p, r) for r in refs if (p := gaz.place(r)) is not None]
    return key, refs, places, frozenset(r.kind for r in refs), _alone(gaz, key, refs, places)


def _surface_refs(surface: str, refs: Sequence[Ref]) -> list[Ref]:
    """Meanings compatible with how the name is written: abbreviations only in their exact case; Latin
    names only capitalised (a lower-case Arabic article such as "al-" may come first); no all-caps words
    except abbreviations (body-text capitals are acronyms: OCHA, ISIS)."""
    if has_arabic(surface):
        return [r for r in refs if r.exact is None or r.exact == surface]
    first, _, rest = surface.partition(" ")
    if rest and first in PLACE_MODIFIERS:
        return []  # "central Ethiopia", "northern Syria": a direction and a name, not a name ("Central Ethiopia")
    all_caps = surface.isupper() and sum(ch.isalpha() for ch in surface) > 1
    capitalised = surface[0].isupper() or _article_then_capital(surface)
    out = []
    for ref in refs:
        if ref.exact is not None:
            if surface == ref.exact:
                out.append(ref)
        elif not all_caps and (capitalised or (ref.curated and _any_capital(surface))):
            out.append(ref)
    return out


def _article_then_capital(surface: str) -> bool:
    parts = re.split(r"[\s\-]+", surface, maxsplit=1)
    return len(parts) == 2 and parts[0].lower() in ARTICLES and parts[1][:1].isupper()


def _any_capital(surface: str) -> bool:
    return any(tok[:1].isupper() for tok in surface.split())


class _Containers:
    """Sorted spans (of other names), asked whether one of them strictly contains [start, end)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self._spans = spans
        self._starts = [s for s, _ in spans]
        # the furthest end among the spans up to each index: most places lie in no span, and say so at once
        self._reach = list(accumulate((e for _, e in spans), max))

    def __call__(self, start: int, end: int) -> bool:
        n = bisect_right(self._starts, start)
        if not n or self._reach[n - 1] < end:
            return False
        return any(end <= e and (s, e) != (start, end) for s, e in self._spans[:n])


def _is_title_case(title: str, min_words: int = 3) -> bool:
    words = [w for w in title.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= min_words and sum(w[0].isupper() for w in words) / len(words) > 0.6


HEADING_WORDS = 12  # a line this short without closing punctuation is a subheading, not a sentence


class _Headings:
    """Subheadings of an extracted text: short title-case lines without closing punctuation ("Rivers
    Running Low"), where a capital letter says nothing about a name. Lines are checked on demand."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[int, bool] = {}

    def at(self, pos: int) -> bool:
        start = self._text.rfind("\n", 0, pos) + 1
        found = self._lines.get(start)
        if found is None:
            end = self._text.find("\n", pos)
            line = self._text[start:end if end >= 0 else len(self._text)].strip()
            found = (bool(line) and line[-1] not in ".!?:;\"”’)" and len(line.split()) <= HEADING_WORDS
                     and _is_title_case(line, min_words=2))
            self._lines[start] = found
        return found


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word ending before pos (skipping spaces only) and its start; "" at punctuation."""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’.-"):
        j -= 1
    return text[j:i].rstrip("."), j


def _next_word(text: str, pos: int) -> str:
    """The word after pos (past a possessive 's and spaces only), without a final full stop or comma."""
    word = _NEXT_WORD.match(text, pos).group(1)
    return word.rstrip(".,") if word else ""


def _quoted_prev(text: str, pos: int) -> str:
    """The word before an opening quote right before pos ('alias "El Tigre"' -> 'alias'), else ""."""
    i = pos
    if i == 0 or text[i - 1] not in "\"“'‘":
        return ""
    return _prev_word(text, i - 1)[0]


def _sentence_initial(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t\"“‘'(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?\n:;—–"


def _cues(m: Mention, text: str, gaz: Gazetteer, title_case: bool, headings: _Headings | None,
          ner_place: bool) -> None:
    prev, prev_at = _prev_word(text, m.start)
    nxt = _next_word(text, m.end)
    prev_l, nxt_l = prev.lower(), nxt.lower()
    m.initial = title_case or _sentence_initial(text, m.start) or (headings is not None and headings.at(m.start))
    m.admin_cue = nxt_l in ADMIN_CUES
    if m.admin_cue and nxt_l.endswith("s"):
        m.list_cue = -1
    before_of = _prev_word(text, prev_at)[0].lower() if prev_l == "of" else ""
    if before_of in ADMIN_BEFORE:
        m.admin_cue = True
        if before_of.endswith("s"):
            m.list_cue = 1
    m.city_cue = nxt_l in CITY_CUES or before_of in CITY_BEFORE
    m.feature = (prev_l in FEATURES_BEFORE and prev[:1].isupper()) or (nxt_l in FEATURES_AFTER and nxt[:1].isupper())
    m.feature |= nxt_l in FEATURES_AFTER_ANY_CASE
    m.feature |= _quoted_prev(text, m.start).lower() in NICKNAME_BEFORE
    m.language = nxt_l in LANGUAGE_AFTER
    # a possessive before ("Mali's Ménaka region") is an owner, not a given name
    prev_cap = bool(prev) and prev[0].isupper() and not prev_l.endswith(("'s", "’s")) and (
        not _sentence_initial(text, prev_at) or prev_l not in SENTENCE_STARTERS)
    prev_name = prev_cap and prev_l not in PLACE_MODIFIERS and prev_l not in MONTHS and "-" not in prev \
        and name_key(prev) not in gaz.demonyms
    next_cap = bool(nxt) and nxt[0].isupper() and nxt_l not in MONTHS
    next_name = next_cap and nxt_l not in PLACE_FOLLOWERS
    if ner_place:
        return
    m.prev_name = prev_name and prev_l not in HONORIFICS
    # a person: an honorific before, a name on both sides, or a place name that people bear next to another
    if (prev_l in HONORIFICS and prev[:1].isupper()) or (prev_name and next_name):
        m.person = True
    elif m.key in gaz.first_names and (next_name or (prev_name and prev_l not in HONORIFICS)):
        m.person = True
        if next_name:
            m.surname = name_key(nxt)
    m.loose = next_name or prev_name or (nxt_l in SPEECH_VERBS and prev_l not in PREPOSITIONS)


LIST_JOINERS = (",", "and", ", and", "or", ", or")


def _share_admin_cues(mentions: list[Mention], text: str) -> None:
    """"Khost, Paktia and Nangarhar provinces", "the regions of Maradi, Zinder and Tahoua": a plural cue
    covers the whole list before it (after it for "the Xs of"); a feature word the same way ("the Kainji
    and Jebba reservoirs")."""
    def listed(a: Mention, b: Mention) -> bool:
        return a.source == b.source and text[a.end:b.start].strip().lower() in LIST_JOINERS

    if any(m.list_cue or m.feature for m in mentions):  # (most stories have no cue to share)
        _share_list_cues(mentions, text, listed)
    if any("country" in m.kinds and len(m.kinds) > 1 for m in mentions):
        _mark_country_lists(mentions, text, listed)


def _share_list_cues(mentions: list[Mention], text: str, listed) -> None:
    """_share_admin_cues for plural cues and feature words."""
    water = False  # the mention after this one ends a list of reservoirs
    for i in range(len(mentions) - 1, 0, -1):
        b, a = mentions[i], mentions[i - 1]
        if b.list_cue >= 0 and not b.feature:
            water = False
            continue  # nothing to share (most pairs)
        water = b.feature and (water or _next_word(text, b.end).lower() in FEATURES_AFTER_ANY_CASE)
        if not listed(a, b):
            water = False
            continue
        if b.list_cue < 0:
            a.admin_cue, a.list_cue = True, -1
        if water:
            a.feature = True
    for a, b in zip(mentions, mentions[1:]):
        if a.list_cue > 0 and listed(a, b):
            b.admin_cue, b.list_cue = True, 1


def _mark_country_lists(mentions: list[Mention], text: str, listed) -> None:
    """A name that may be a country, listed with names that can only be countries ("Sudan, Mali, Burkina Faso
    and Niger"), is the country (not Nigeria's Niger State). A pair needs "and"/"or" ("Georgia, US" is a
    qualifier)."""
    run: list[Mention] = []
    for m in [*mentions, None]:
        if m is not None and run and listed(run[-1], m):
            run.append(m)
            continue
        if (len(run) > 2 or (len(run) == 2 and text[run[0].end:run[1].start].strip() != ",")) \
                and any(m_.kinds == {"country"} for m_ in run):
            for member in run:
                if "country" in member.kinds and len(member.kinds) > 1:
                    member.among_countries = True
        run = [m] if m is not None else []


def _link_qualifiers(mentions: list[Mention], text: str) -> None:
    """"Paris, Texas" / "Lebanon, Pennsylvania": a name followed by ", " and a country or division, when
    the two are not part of a list ("Sudan, Mali, Burkina Faso and Niger"); "India's Punjab": a country's
    possessive before a name."""
    def joined(a: Mention, b: Mention) -> str | None:
        return text[a.end:b.start].strip().lower() if a.source == b.source and b.start - a.end <= 6 else None

    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        gap = text[a.end:b.start]
        if gap in ("'s ", "’s ") and a.source == b.source and not a.person \
                and "country" in a.kinds and b.kinds & {"admin1", "locality"}:
            b.qualifier = a
            continue
        if gap not in (", ", ",") or a.source != b.source:
            continue
        if i > 0 and joined(mentions[i - 1], a) in (",", "and", ", and", "or"):
            continue
        if i + 2 < len(mentions) and joined(b, mentions[i + 2]) in (",", "and", ", and", "or"):
            continue
        if any(r.kind in ("country", "admin1") for r in b.refs) and not b.admin_cue:
            a.qualifier = b


# ---------------------------------------------------------------- resolution
class _Evidence:
    """Weights of the places a story points at, kept per name so that a name is never its own context
    (five mentions of "Orano" must not vouch for Oran)."""

    def __init__(self, weights: Iterable[tuple[str | None, str, float]] = ()) -> None:
        """`weights`: (code, key, weight) to add, in order."""
        self._by_code: dict[str, dict[str, float]] = {}
        self._total: dict[str, float] = {}
        by_code, total = self._by_code, self._total
        for code, key, weight in weights:  # add() inlined: a story adds dozens each round
            if code:
                by_key = by_code.get(code)
                if by_key is None:
                    by_code[code] = {key: weight}
                    total[code] = weight
                else:
                    by_key[key] = by_key.get(key, 0.0) + weight
                    total[code] += weight

    def get(self, code: str | None, key: str) -> float:
        """The weight of `code` from names other than `key`."""
        total = self._total.get(code)
        if total is None:
            return 0.0
        return total - self._by_code[code].get(key, 0.0)


def _resolve(gaz: Gazetteer, mentions: list[Mention], dateline_place: Place | None) -> None:
    """Choose a meaning for every mention, or none: first with the context of country names, demonyms and
    unambiguous places, then again with the context of the previous round's choices."""
    for m in mentions:
        kinds = m.kinds
        if ("reject" in kinds and not (m.admin_cue and "admin1" in kinds)) or m.feature:
            m.refs, m.places, m.alone = [], [], None
            continue
        if m.key in MONTHS or (m.key in GENERIC_NAMES and not m.admin_cue):
            m.refs = [r for r in m.refs if r.curated and r.kind != "admin1"]  # "August", "Central Commission"
            m.places = [(p, r) for p, r in m.places if r in m.refs]
            m.alone = _alone(gaz, m.key, m.refs, m.places)
        if "demonym" not in kinds and "region" not in kinds:
            continue  # (most names)
        for r in m.refs:
            if r.kind == "demonym" and not m.language:
                m.demonym = r.target
            elif r.kind == "region" and not (m.admin_cue and "admin1" in kinds) and not m.prev_name:
                m.region = gaz.regions[r.target]
    countries = _first_evidence(gaz, mentions, dateline_place)
    if _drop_foreign_regions(mentions, countries):
        countries = _first_evidence(gaz, mentions, dateline_place)
    # _choose reads only these fields of a mention: mentions alike choose alike, and weigh alike, as many
    # times as they occur (weights are halves and wholes: their sums are exact in any order)
    groups: dict[tuple, list[Mention]] = {}
    fixed: list[tuple[str | None, str, float]] = []  # what the mentions that choose nothing weigh each round
    fixed_below: list[tuple[str | None, str, float]] = []
    for m in mentions:
        if not (m.demonym or m.region or m.person):
            alike = (m.surface, m.feature, m.admin_cue, m.city_cue, m.qualifier.surface if m.qualifier else None,
                     m.loose, m.initial, m.prev_name, m.among_countries)
            groups.setdefault(alike, []).append(m)
            continue
        if m.demonym:
            fixed.append((m.demonym, m.key, 0.5))
        elif m.region:
            fixed.append((m.region[0], m.key, 1.0))
        if m.region and m.region[1]:
            fixed_below += ((m.region[0], m.key, 1.0), (m.region[1], m.key, 1.0))
    # a group whose choice needs no context (a country name alone, a name left with no place) chooses once;
    # the others are weighed round after round
    open_groups: list[tuple[Mention, float, list[Mention]]] = []
    settled_below: list[tuple[str | None, str, float]] = []  # what the groups chosen once add from round 2
    changed = False
    for group in groups.values():
        first, count = group[0], float(len(group))
        first.facts = _choice_facts(gaz, first)
        choice, _has_country, entries = first.facts
        if entries is not None:
            open_groups.append((first, count, group))
            continue
        for m in group:
            m.chosen = choice
        if choice is not None:
            changed = True
            fixed.append((choice.country_code, first.key, count))
            if choice.level != "country":
                settled_below += ((choice.country_code, first.key, count), (choice.admin1_code, first.key, count))
    dateline_weight = [(dateline_place.country_code, "\0dateline", 1.0)] if dateline_place is not None else []
    for round_ in range(PASSES):
        # places below country level, by country code and by admin1 code (a group chosen once counts from the
        # second round, as if chosen again in the first)
        below = fixed_below + settled_below if round_ else fixed_below.copy()
        for first, count, _group in open_groups:
            chosen = first.chosen
            if chosen is not None and chosen.level != "country":
                below += ((chosen.country_code, first.key, count), (chosen.admin1_code, first.key, count))
        below = _Evidence(below)
        for first, _count, group in open_groups:
            chosen = _choose(first, countries, below)
            changed = changed or (chosen is not first.chosen and chosen != first.chosen)
            for m in group:
                m.chosen = chosen
        weights = dateline_weight + fixed
        weights += [(first.chosen.country_code, first.key, count) for first, count, _group in open_groups
                    if first.chosen is not None]
        countries = _Evidence(weights)
        if not changed:
            break
        changed = False
    _drop_person_namesakes(mentions, countries)


def _first_evidence(gaz: Gazetteer, mentions: list[Mention], dateline_place: Place | None) -> _Evidence:
    """The countries the story points at before any choice: the dateline, country names, demonyms, named
    areas and places that name their country alone."""
    weights = [(dateline_place.country_code, "\0dateline", 1.0)] if dateline_place is not None else []
    for m in mentions:
        if m.person:
            continue
        if m.demonym:
            weights.append((m.demonym, m.key, 0.5))
        elif m.region:
            weights.append((m.region[0], m.key, 1.0))
        else:
            weights.append((m.alone, m.key, 1.0))
    return _Evidence(weights)


def _drop_foreign_regions(mentions: list[Mention], countries: _Evidence) -> bool:
    """A named area that shares its name with a division of another country ("Jazira": Syria's region,
    Sudan's Gezira state) yields to that division when only the other country is in the story (a village
    abroad never outweighs the area: "the Golan" in a story on Iran stays the Golan)."""
    dropped = False
    for m in mentions:
        if not m.region or countries.get(m.region[0], m.key) > 0:
            continue
        if any(p.level == "admin1" and p.country_code != m.region[0] and countries.get(p.country_code, m.key) > 0
               for p, _ in m.places):
            m.region = None
            dropped = True
    return dropped


def _alone(gaz: Gazetteer, key: str, refs: Sequence[Ref], places: Sequence[tuple[Place, Ref]]) -> str | None:
    """The country a name's places all lie in, when the name points there without help."""
    owners = {p.country_code for p, _ in places}
    return owners.pop() if len(owners) == 1 and _strong_alone(gaz, key, refs, places) else None


def _strong_alone(gaz: Gazetteer, key: str, refs: Sequence[Ref], places: Sequence[tuple[Place, Ref]]) -> bool:
    """A name that names its country without help: a country, a curated alias, or one big city."""
    if key in GENERIC_NAMES or key in gaz.common_words:
        return any(r.kind == "country" for r in refs)
    for r in refs:
        if r.kind == "country" or r.curated:
            return True
    ranked = sorted(places, key=lambda pr: -pr[0].population)
    if not ranked or ranked[0][1].alternate or ranked[0][0].population < BIG_CITY:
        return False
    # one big city, or one that dwarfs its namesakes (Atlanta, not Atlanta, Texas)
    return len(ranked) == 1 or ranked[0][0].population >= 10 * ranked[1][0].population


def _choose(m: Mention, countries: _Evidence, below: _Evidence) -> Place | None:
    """The best-scoring meaning of a mention with meanings to weigh (m.facts set), or None below MIN_SCORE.
    `countries` weighs the countries the story points at; `below` the places chosen below country level, by
    country and by admin1."""
    _, has_country, entries = m.facts
    key = m.key
    # _Evidence.get inlined: this loop is the hottest of the module
    c_total, c_by, b_total, b_by = countries._total, countries._by_code, below._total, below._by_code
    best, best_score = None, -math.inf
    for level, place, cc, admin1_code, static in entries:
        if level == 2:  # locality: its score takes one of four values, by context and own division around
            t = b_total.get(admin1_code)
            same_admin1 = t is not None and t - b_by[admin1_code].get(key, 0.0) > 0
            if has_country:
                score = static[3 if same_admin1 else 0]
            else:
                t = c_total.get(cc)
                has_ctx = t is not None and t - c_by[cc].get(key, 0.0) > 0
                score = static[(2 if has_ctx else 0) + (1 if same_admin1 else 0)]
        else:
            t = c_total.get(cc)
            ctx = 0.0 if t is None else t - c_by[cc].get(key, 0.0)
            if level == 0:
                score = static + min(ctx, 3.0)
            else:
                t = b_total.get(cc)
                sub = 0.0 if t is None else t - b_by[cc].get(key, 0.0)
                # beside a country of the same name, a division needs places of its own country around it
                has_ctx = ctx > 0 and (sub > 0 or not has_country)
                score, generic = static
                if generic and not (m.admin_cue and has_ctx):
                    score -= 4.0  # "Federal states", "Central": words
                if has_ctx:
                    score += 2.5 + 0.5 * min(sub, 2.0)
        if score > best_score:
            best, best_score = place, score
    return best if best_score >= MIN_SCORE else None


def _choice_facts(gaz: Gazetteer, m: Mention) -> tuple:
    """What _choose weighs that does not change from one round (or story) to the next: (the choice when
    there is nothing to weigh, whether a country is among the meanings, the meanings with their fixed
    scores). Mentions alike in surface and cues share one, across stories."""
    qualifier = _qualifier_place(gaz, m.qualifier) if m.qualifier else None
    alike = (m.surface, m.feature, m.admin_cue, m.city_cue, m.qualifier is not None, qualifier, m.loose, m.initial,
             m.prev_name, m.among_countries)
    known = _memo(gaz).choices
    facts = known.get(alike)
    if facts is None:
        facts = _Memo.keep(known, alike, _static_choice(gaz, m, qualifier))
    return facts


def _static_choice(gaz: Gazetteer, m: Mention, qualifier: Place | None) -> tuple:
    places = m.places
    if m.among_countries:
        places = [(p, r) for p, r in places if p.level == "country"]
    if not places:
        return None, False, None
    if len(places) == 1 and places[0][0].level == "country" and not (m.admin_cue or m.city_cue or m.qualifier):
        return places[0][0], True, None  # a country name alone: nothing to weigh
    has_country = any(p.level == "country" for p, _ in places)
    biggest = max((p.population for p, _ in places if p.level == "locality"), default=0)
    localities_by_admin1 = {p.admin1_code for p, _ in places if p.level == "locality"}
    # a division named like a city in it, beside another division of the same name that holds no such city
    city_divisions = len({p.code for p, _ in places if p.level == "admin1"} - localities_by_admin1) > 0 and \
        any(p.level == "admin1" and p.code in localities_by_admin1 for p, _ in places)
    generic = m.key in GENERIC_NAMES or m.key in gaz.common_words
    feature_word = m.key.split()[0] in FEATURES_BEFORE
    entries = []
    for place, ref in places:
        level = place.level
        if level == "country":
            score = 4.0
            if m.admin_cue or m.city_cue:
                score -= 4.0
            if qualifier is not None and qualifier.level != "country":
                score -= 3.0
            entries.append((0, place, place.country_code, None, score))
            continue
        if level == "admin1":
            score = 1.0 + (3.0 if m.admin_cue else 0.0) + (1.5 if ref.curated else 0.0)
            if not m.admin_cue and place.code in localities_by_admin1:
                score -= 2.5  # "Hama" alone is the city (which implies the governorate)
            elif m.admin_cue and place.code in localities_by_admin1 and city_divisions:
                score -= 2.0  # "Kyiv region" is Kyiv Oblast around the city, not the city's own division
            score += _common_terms(m, place, qualifier)
            entries.append((1, place, place.country_code, None, (score, generic)))
            continue
        scores = tuple(_locality_score(m, place, ref, qualifier, biggest, generic, feature_word, has_ctx, same_admin1)
                       for has_ctx in (False, True) for same_admin1 in (False, True))
        entries.append((2, place, place.country_code, place.admin1_code, scores))
    return None, has_country, tuple(entries)


def _common_terms(m: Mention, place: Place, qualifier: Place | None) -> float:
    """The terms every level below country shares: a given name before, a "Town, State" qualifier."""
    score = 0.0
    if m.prev_name:
        score -= 2.5  # "Tamar Golan", "Hawa Aden": a given name before
    if qualifier is not None:
        inside = qualifier.level == "country" and place.country_code == qualifier.code
        inside |= qualifier.level == "admin1" and place.admin1_code == qualifier.code
        score += 5.0 if inside else -2.0
    return score


def _locality_score(m: Mention, place: Place, ref: Ref, qualifier: Place | None, biggest: int, generic: bool,
                    feature_word: bool, has_ctx: bool, same_admin1: bool) -> float:
    """A locality's score given whether the story points at its country (or, beside a country of the same
    name, its division) and whether other places of its division are chosen. The terms are added in one
    fixed order so that equal inputs give bit-equal scores."""
    score = math.log10(place.population + 10) / 2 + (1.5 if ref.curated else 0.0)
    score += 1.5 if m.city_cue else 0.0
    score -= 2.0 if m.admin_cue else 0.0
    # a town sharing its name with a much bigger city needs its own division around it
    overshadowed = biggest >= BIG_CITY and biggest >= 10 * place.population and not same_admin1
    if has_ctx and not overshadowed:
        score += 2.5
    elif (place.population < BIG_CITY or ref.alternate) and not ref.curated:
        score -= 3.0  # a small place abroad, or a foreign spelling, with nothing else pointing there
    if not ref.curated:
        if m.loose:
            score -= 3.0  # "Hassan Ali": capitalised neighbours make a person more likely
        if (generic or feature_word) and (not same_admin1 or m.initial) and qualifier is None and not m.city_cue:
            # "Police said", "the Council", "Mount Hermon": words or features, not towns; where every
            # word is capitalised (a sentence start, a title-case line) even with towns of its state around
            score -= 5.0
        elif m.initial and (ref.alternate or place.population < 10_000) and not same_admin1:
            score -= 3.0  # a capital letter that only opens a sentence ("Voters queued")
    if same_admin1:
        score += 1.0
    return score + _common_terms(m, place, qualifier)


def _qualifier_place(gaz: Gazetteer, q: Mention) -> Place | None:
    for r in q.refs:
        if r.kind in ("country", "admin1"):
            return gaz.place(r)
    return None


def _drop_person_namesakes(mentions: list[Mention], countries: _Evidence) -> None:
    """Once "Jordan Whitaker" reads as a person, a later bare "Jordan" counts only if something else in the
    story points at Jordan."""
    person_keys = {m.key for m in mentions if m.person}
    for m in mentions:
        if m.key in person_keys and m.chosen is not None and countries.get(m.chosen.country_code, m.key) <= 0:
            m.chosen = None


# ---------------------------------------------------------------- aggregation and focus
@dataclass(slots=True)
class _Region:
    place: Place
    mentions: int = 0  # direct and descendant mentions, title included
    offsets: list[tuple[int, int]] = field(default_factory=list)
    direct: float = 0.0  # prominence of its own mentions: title, lede and body weighted
    focus: bool = False

    def to_model(self, gaz: Gazetteer) -> RegionMention:
        p = self.place
        known = _memo(gaz).fields
        fields = known.get((p.level, p.code))
        if fields is None:
            fields = _Memo.keep(known, (p.level, p.code), _place_fields(gaz, p))
        # validation copies the shared location dict
        return RegionMention(**fields, mentions=self.mentions, focus=self.focus, offsets=sorted(self.offsets))


def _place_fields(gaz: Gazetteer, p: Place) -> dict:
    country = gaz.countries.get(p.country_code)
    admin1 = gaz.admin1.get(p.admin1_code) if p.admin1_code else None
    location = {"lat": round(p.lat, 5), "lon": round(p.lon, 5)} if p.lat is not None and p.lon is not None else None
    return dict(level=p.level, code=p.code, name=p.name, country_code=p.country_code,
                country=country.name if country else None,
                admin1_code=admin1.code if admin1 else None, admin1=admin1.name if admin1 else None,
                location=location)


def _lede_end(text: str, start: int) -> int:
    para = text.find("\n", start + 1)
    return max(start + LEDE_CHARS, para if para > 0 else 0)


def _aggregate(gaz: Gazetteer, mentions: list[Mention], lede_end: int) -> dict[tuple[str, str], _Region]:
    regions: dict[tuple[str, str], _Region] = {}

    def add(place: Place, m: Mention, weight: float, direct: bool) -> None:
        r = regions.get((place.level, place.code))
        if r is None:
            r = regions[(place.level, place.code)] = _Region(place)
        r.mentions += 1
        if direct:
            r.direct += weight
            if m.source == "text":
                r.offsets.append((m.start, m.end))

    for m in mentions:
        weight = TITLE_WEIGHT if m.source == "title" else LEDE_WEIGHT if m.start < lede_end else BODY_WEIGHT
        if m.chosen is not None:
            add(m.chosen, m, weight, True)
            for place in _ancestors(gaz, m.chosen):
                r = regions.get((place.level, place.code))  # add(place, m, weight, False) inlined: most mentions
                if r is None:
                    r = regions[(place.level, place.code)] = _Region(place)
                r.mentions += 1
        elif m.demonym and m.demonym in gaz.countries:
            add(gaz.countries[m.demonym], m, weight * DEMONYM_FACTOR, True)
        elif m.region:
            cc, admin1 = m.region
            if admin1:
                add(gaz.admin1[admin1], m, weight, False)
            if cc in gaz.countries:
                add(gaz.countries[cc], m, weight, True)
    return regions


def _ancestors(gaz: Gazetteer, place: Place) -> list[Place]:
    """What a place implies: a locality its admin1 and country, an admin1 its country."""
    if place.level == "country":
        return []
    chain = []
    if place.level == "locality" and place.admin1_code in gaz.admin1:
        chain.append(gaz.admin1[place.admin1_code])
    if place.country_code in gaz.countries:
        chain.append(gaz.countries[place.country_code])
    return chain


FOCUS_SECOND = 0.6  # a second focus needs this share of the first's score
# A country's name recurs in any story about one of its places; the specific place says more.
LEVEL_FACTOR = {"country": 0.4, "admin1": 1.0, "locality": 1.0}
DATELINE_BONUS = 2.0  # a story mostly is about the place it was filed from, when it names it again
# A capital often stands for its government ("Damascus said", "talks in Kabul"): less often the scene.
CAPITAL_FACTOR = 0.5


def _mark_focus(gaz: Gazetteer, regions: dict[tuple[str, str], _Region], dateline_place: Place | None) -> None:
    """The 1-2 most prominent places: a place's own mentions (title and lede weigh more, countries and
    capitals less), plus a bonus when it is also the dateline place; a second focus when another place
    comes close: one elsewhere, or the division holding the first (or a place inside it) - but never the
    first's country, which any place implies."""
    if not regions:
        return

    def score(r: _Region) -> float:
        value = r.direct
        if dateline_place is not None and r.place.code == dateline_place.code and r.direct > 0:
            value += DATELINE_BONUS
        if _is_capital(gaz, r.place):
            value *= CAPITAL_FACTOR
        return value * LEVEL_FACTOR[r.place.level]

    ranked = sorted(((score(r), r) for r in regions.values()), key=lambda sr: (-sr[0], -LEVELS.index(sr[1].place.level)))
    first_score, first = ranked[0]
    first.focus = True
    for r_score, r in ranked[1:]:
        if r_score < FOCUS_SECOND * first_score:
            break
        if not _related(r.place, first.place) or "country" not in (r.place.level, first.place.level):
            r.focus = True
            break


def _is_capital(gaz: Gazetteer, place: Place) -> bool:
    """A country's capital city: the gazetteer places each country at its capital's coordinates."""
    country = gaz.countries.get(place.country_code)
    return (place.level == "locality" and country is not None and country.lat is not None
            and place.lat == country.lat and place.lon == country.lon)


def _related(a: Place, b: Place) -> bool:
    """True when one place lies within the other (or they are the same)."""
    def up(p: Place) -> set[str]:
        return {p.code, p.country_code} | ({p.admin1_code} if p.admin1_code else set())
    return a.code in up(b) or b.code in up(a)


def _region_order(r: _Region) -> tuple:
    return (LEVELS.index(r.place.level), -r.mentions, r.place.name)


# ---------------------------------------------------------------- dateline
def _resolve_dateline(gaz: Gazetteer, dateline: Dateline) -> Place | None:
    """The filing place: a locality (preferred), division or country, within the qualifier when given."""
    known = _memo(gaz).datelines
    key = (dateline.place, dateline.country_text)
    if key in known:
        return known[key]
    return _Memo.keep(known, key, _filing_place(gaz, dateline))


def _filing_place(gaz: Gazetteer, dateline: Dateline) -> Place | None:
    name = dateline.place.title() if dateline.place.isupper() else dateline.place
    name = INSTITUTION_PLACES.get(dateline.place.upper(), name)
    qualifier = expand_qualifier(dateline.country_text)
    where: Place | None = None
    if qualifier:
        for level in ("country", "admin1"):
            found = gaz.lookup(qualifier, level=level)
            if found:
                where = found[0]
                break
    candidates = gaz.lookup(name)
    if where is not None:
        inside = [p for p in candidates if p.country_code == where.country_code
                  and (where.level == "country" or p.admin1_code == where.code or p.code == where.code)]
        candidates = inside or candidates
    if not candidates:
        return None
    localities = [p for p in candidates if p.level == "locality"]
    if localities:
        return max(localities, key=lambda p: p.population)
    return candidates[0]


def _dateline_model(gaz: Gazetteer, place: Place, dateline: Dateline) -> RegionMention:
    region = _Region(place, mentions=1, offsets=[dateline.span])
    return region.to_model(gaz)
