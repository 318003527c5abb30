"""Actors: load the curated actor base (workers/enrich/data/actors/*.yaml), find its aliases in text with one
Aho-Corasick pass, and link the hits to actor ids (country context for ambiguous and generic names), adding
NER persons and organisations that are not in the base as unlinked actors."""
from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Iterable, Literal, Mapping, Sequence

import ahocorasick
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from indexer.article import ActorMention
from workers.enrich.ner import Entity

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data" / "actors"
ActorType = Literal[
    "state_forces", "rebel_group", "political_militia", "identity_militia", "protesters", "civilians",
    "government", "international_org", "monitor_ngo", "media_agency", "person",
]


class ActorBaseError(ValueError):
    """The actor base files do not validate; the message lists every problem with its file."""


class Actor(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    type: ActorType
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    parent: str | None = None
    generic: tuple[str, ...] = ()
    abbreviations_case_sensitive: bool = True

    @field_validator("country", mode="before")
    @classmethod
    def _norway(cls, value):
        # YAML 1.1 reads a bare NO (Norway) as false
        return "NO" if value is False else value

    @field_validator("aliases", "generic", mode="before")
    @classmethod
    def _strings(cls, value):
        if value is None:
            return ()
        return tuple(str(v) for v in value) if isinstance(value, (list, tuple)) else value


@dataclass(frozen=True)
class ActorBase:
    actors: dict[str, Actor]

    @classmethod
    def load(cls, folder: Path | str = DATA_DIR) -> ActorBase:
        """Every *.yaml of folder (a YAML list of actors each), validated as a whole."""
        folder = Path(folder)
        actors: dict[str, Actor] = {}
        where: dict[str, str] = {}
        problems: list[str] = []
        files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
        for path in files:
            try:
                entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            except yaml.YAMLError as err:
                problems.append(f"{path.name}: not valid YAML: {err}")
                continue
            if not isinstance(entries, list):
                problems.append(f"{path.name}: must be a YAML list of actors")
                continue
            for n, entry in enumerate(entries):
                label = f"{path.name}[{n}]" + (f" ({entry.get('id')})" if isinstance(entry, dict) else "")
                try:
                    actor = Actor.model_validate(entry)
                except ValidationError as err:
                    details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
                    problems.append(f"{label}: {details}")
                    continue
                if actor.id in actors:
                    problems.append(f"{label}: duplicate id {actor.id!r} (first in {where[actor.id]})")
                    continue
                actors[actor.id] = actor
                where[actor.id] = path.name
        for actor in actors.values():
            if actor.parent is not None and actor.parent not in actors:
                problems.append(f"{where[actor.id]} ({actor.id}): parent {actor.parent!r} is not in the base")
        problems += _parent_cycles(actors, where)
        if problems:
            raise ActorBaseError(f"actor base {folder} has {len(problems)} problem(s):\n  " + "\n  ".join(problems))
        if not actors:
            logger.warning("actor base %s is empty", folder)
        return cls(actors)

    def __len__(self) -> int:
        return len(self.actors)

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]


def _parent_cycles(actors: Mapping[str, Actor], where: Mapping[str, str]) -> list[str]:
    problems, reported = [], set()
    for start in actors:
        chain, node = [], start
        while node is not None and node in actors and node not in chain:
            chain.append(node)
            node = actors[node].parent
        if node in chain:
            loop = frozenset(chain[chain.index(node):])
            if loop not in reported:
                reported.add(loop)
                problems.append(f"{where[node]} ({node}): parent chain loops: {' -> '.join(sorted(loop))}")
    return problems


# ---------------------------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------------------------
# Matching


@dataclass(frozen=True)
class ActorMatch:
    """A literal hit: original offsets, the base phrase it matched, and the actors holding it as an alias
    (`candidates`), as a generic phrase (`generic`), or as the name of their country or capital
    (`metonym`: governments, linked only where the country acts: "Rwanda denies", "brokered by Qatar")."""

    start: int
    end: int
    text: str
    alias: str
    candidates: tuple[str, ...]
    generic: tuple[str, ...] = ()
    metonym: tuple[str, ...] = ()


@dataclass
class _Key:
    alias: str
    holders: dict[str, list[str]] = field(default_factory=lambda: {"candidates": [], "generic": [], "metonym": []})
    capital: bool = True  # every phrase of this key starts with a capital: so must the text ("LeT" is no "let")

    def add(self, role: str, actor_id: str, phrase: str) -> None:
        if actor_id not in self.holders[role]:
            self.holders[role].append(actor_id)
        self.capital = self.capital and phrase[:1].isupper()


class _WordTable(dict):
    """str.translate table: letters and digits (str.isalnum) stay, every other character becomes a space."""

    def __missing__(self, code: int) -> str:
        out = self[code] = chr(code) if chr(code).isalnum() else " "
        return out


_WORD_CHARS = _WordTable()
_ASCII_WORD_CHARS = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + bytes(128)


def _word_chars(text: str) -> str:
    """text with all but letters and digits made spaces, between two spaces: a key padded with spaces then
    matches only on word boundaries."""
    if text.isascii():
        return f" {text.encode('ascii').translate(_ASCII_WORD_CHARS).decode('ascii')} "
    return f" {text.translate(_WORD_CHARS)} "


def _automaton(lower: Mapping[str, _Key], cased: Mapping[str, _Key]):
    """One automaton over lower-cased text for both key sets: a case-sensitive key is stored lower-cased and
    checked against the cased text on a hit (one pass instead of two). It runs over _word_chars(text) with
    keys padded the same way, so it reports hits on word boundaries only (most raw hits of short keys such
    as "is" or "un" fall inside words) and never follows long failure chains. Each padded key holds, per
    key it stands for (keys differing only in punctuation share one): (key, whether the text must be
    compared with it, its entries), an entry being (cased key or None, alias, capital, holders by role),
    the case-insensitive one first."""
    entries: dict[str, list[tuple]] = defaultdict(list)
    for keys, sensitive in ((lower, False), (cased, True)):
        for key, entry in keys.items():
            holders = {r: tuple(h) for r, h in entry.holders.items()}
            entries[key.lower() if sensitive else key].append((key if sensitive else None, entry.alias, entry.capital, holders))
    if not entries:
        return None
    padded: dict[str, list[tuple]] = defaultdict(list)
    for key, found in entries.items():
        # a key with spaces or punctuation is checked: its padded form also takes other punctuation there
        padded[_word_chars(key)].append((key, not key.isalnum(), tuple(found)))
    automaton = ahocorasick.Automaton()
    for word, keys in padded.items():
        automaton.add_word(word, (len(word) - 2, tuple(keys)))
    automaton.make_automaton()
    return automaton


# A capitalised word right after a hit continues the name (weekdays and months do not).
_NAME_GOES_ON_RE = re.compile(
    r" (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b)([A-Z][a-z]+)"
)


class ActorMatcher:
    """Finds actor-base aliases in text and links them to actors."""

    def __init__(self, base: ActorBase):
        self.base = base
        cased: dict[str, _Key] = {}
        lower: dict[str, _Key] = {}
        self._surnames = _person_surnames(base)
        forms = _country_forms(base, self._surnames)
        self._forces = _national_forces(base, forms)
        self._governments = _national_governments(base, forms)
        self._country_forms = frozenset(forms)
        self._regional = _regional_governments(base, forms, self._governments)
        ministries = _ministry_phrases(base, forms, self._governments)
        for actor_id, phrases in _national_body_phrases(base, forms, self._governments).items():
            ministries.setdefault(actor_id, []).extend(phrases)
        self._derived = {alias_key(p)[0].lower() for phrases in ministries.values() for p, role in phrases if role == "generic"}
        self._mandates = _mandates(base, forms)
        for actor in base.actors.values():
            phrases = [(a, "candidates") for a in (actor.name, *actor.aliases)] + [(g, "generic") for g in _generic_forms(actor, forms, base)]
            phrases += ministries.get(actor.id, [])
            # "UN refugee agency" is also "the UN's refugee agency"
            phrases += [(f"UN's {a[3:]}", role) for a, role in phrases if a.startswith("UN ") and a[3:4].islower()]
            for phrase, role in phrases:
                key, abbreviation = alias_key(phrase)
                if not key:
                    continue
                if role == "generic" or not (abbreviation and actor.abbreviations_case_sensitive):
                    lower.setdefault(key.lower(), _Key(phrase)).add(role, actor.id, phrase)
                else:
                    cased.setdefault(key, _Key(phrase)).add(role, actor.id, phrase)
        for form, governments in forms.items():
            for government in governments:
                cased.setdefault(form, _Key(form)).add("metonym", government, form)
        _share_article_forms(lower)
        self._branches = _branches(base, forms, self._governments)
        self._police = _national_police(base)
        self._automaton = _automaton(lower, cased)

    def find(self, text: str, generic: bool = True) -> list[ActorMatch]:
        """Every hit in text, leftmost-longest, not overlapping, on word boundaries (generic phrases left out
        with generic=False)."""
        if self._automaton is None:
            return []
        folded = fold(text)
        hits: dict[tuple[int, int], tuple[str, dict[str, tuple[str, ...]]]] = {}
        cased, lower = folded.cased, folded.lower
        for last, (length, keys) in self._automaton.iter(_word_chars(lower)):
            # `last` is the padded text's index of the space after the hit: text index + 1
            start, end = last - length - 1, last - 1
            if len(keys) == 1:
                key, checked, found = keys[0]
                if checked and lower[start:end] != key:
                    continue  # the same letters, other punctuation
            else:
                found = next((f for key, _, f in keys if lower[start:end] == key), None)
                if found is None:
                    continue
            goes_on = None
            for cased_key, alias, capital, holders in found:
                if (cased_key is not None and cased[start:end] != cased_key) or (capital and not cased[start].isupper()):
                    continue
                if goes_on is None:
                    goes_on = _NAME_GOES_ON_RE.match(cased, end) or False
                if goes_on and goes_on.group(1) not in _TITLES:
                    break  # "UN Group of Experts": the hit only starts a longer name the base lacks
                if not generic and not holders["candidates"] and not holders["metonym"]:
                    continue
                span = (start, end)
                if span not in hits:
                    hits[span] = (alias, holders)
                    continue
                merged = hits[span][1]
                hits[span] = (hits[span][0], {role: merged[role] + tuple(i for i in ids if i not in merged[role])
                                              for role, ids in holders.items()})
        matches: list[ActorMatch] = []
        taken_until = -1
        for (start, end), (alias, holders) in sorted(hits.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
            if start < taken_until:
                continue
            taken_until = end
            o_start, o_end = folded.original_span(start, end)
            matches.append(ActorMatch(o_start, o_end, text[o_start:o_end], alias, holders["candidates"],
                                      holders["generic"], holders["metonym"]))
        return matches

    def link(
        self,
        matches: Sequence[ActorMatch],
        text: str,
        countries: Iterable[str] | Mapping[str, float] = (),
        entities: Sequence[Entity] = (),
        skip_spans: Iterable[tuple[int, int]] = (),
    ) -> list[ActorMention]:
        """Actor mentions of the text: base hits resolved to ids, surname-only mentions of persons, countries
        acting as governments, and NER persons/organisations not in the base as unlinked actors. `countries`
        are the story's countries (a mapping gives them weights); `skip_spans` are spans explained otherwise
        (e.g. places) where NER hits are ignored."""
        actors = self.base.actors
        umbrellas = [m for m in matches if self._umbrella(m, text)]
        named_at = {m.start for m in matches if m.candidates}
        # names that only qualify another or only say where a story ran: no actor, and no NER entity either
        passing = [m for m in matches if _qualifies_named(m, text, named_at) or self._outlet_only(m, text)]
        matches = [m for m in matches
                   if not self._someone_else(m, text) and m not in umbrellas and not self._not_the_actor(m, text)
                   and m not in passing]
        context = _country_context(countries, matches, actors)
        story = set(context.story)
        named = {c for m in matches for c in m.candidates}
        offsets: dict[str, list[tuple[int, int]]] = defaultdict(list)
        unresolved: list[ActorMatch] = []
        for match in matches:
            if match.candidates:
                actor_id = _pick(match.candidates, context, actors)
                if actor_id is None:
                    unresolved.append(match)
            elif match.generic:
                actor_id = _pick_generic(match.generic, story, context, actors)
                if actor_id and alias_key(match.alias)[0].lower() in self._derived and actors[actor_id].country != _dominant(context):
                    actor_id = None  # a ministry named without its country: only the country the story is about
                if actor_id is None:  # "Islamic State fighters" outside any branch's country: still the Islamic State
                    for inner in self.find(match.text, generic=False):
                        if inner.candidates and (inner_id := _pick(inner.candidates, context, actors)):
                            offsets[inner_id].append((match.start + inner.start, match.start + inner.end))
            else:
                continue
            if actor_id is not None:
                actor_id = self._as_meant(actor_id, match, text, context, named)
                offsets[actor_id].append((match.start, match.end))
                group = self._group_named_through(actor_id, match, text)
                if group is not None:
                    offsets[group].append((match.start, match.end))
        for actor_id, span in self._mandated_bodies(umbrellas, text, context):
            offsets[actor_id].append(span)
        for match, actor_id in self._acting_countries([m for m in matches if m.metonym and not m.candidates], text, context,
                                                      {m.start: m for m in matches if m.candidates}):
            offsets[actor_id].append((match.start, match.end))
        taken = [span for spans in offsets.values() for span in spans] + [(m.start, m.end) for m in matches]
        for actor_id, span in self._the_government(text, context, taken):
            offsets[actor_id].append(span)
        # (an unresolved generic "police" of another country's police does not claim its span)
        claimed = [span for spans in offsets.values() for span in spans] + [(m.start, m.end) for m in matches if m.candidates or m.metonym]
        for actor_id, span in self._bare_police(text, context, claimed):
            offsets[actor_id].append(span)
        for actor_id, span in self._the_regional_government(text, context, matches, offsets):
            offsets[actor_id].append(span)
        covered = [(m.start, m.end) for m in matches + passing]
        covered += self._surname_mentions(text, offsets, covered)

        mentions = [
            ActorMention(name=actors[i].name, id=i, type=actors[i].type, country=actors[i].country,
                         parent=actors[i].parent, linked=True, mentions=len(spans), offsets=sorted(spans))
            for i, spans in offsets.items()
        ]
        mentions += _unresolved_mentions(unresolved, actors)
        mentions += _ner_mentions(entities, covered, list(skip_spans), [actors[i].name for i in offsets if actors[i].type == "person"],
                                  self._country_forms)
        mentions.sort(key=lambda m: m.offsets[0] if m.offsets else (len(text), 0))
        return mentions

    def _as_meant(self, actor_id: str, match: ActorMatch, text: str, context: _Context, named: set[str]) -> str:
        """The actor a resolved hit stands for in its story and sentence: an international armed group's only
        branch in the country the story is about ("al-Qaeda" in a Yemen story is AQAP) unless that branch is
        `named` in the story itself; a government's national forces where it fights ("the junta shelled",
        "the regime's jets")."""
        actors = self.base.actors
        if actor_id in self._branches and not _AFFILIATES_AFTER_RE.match(text, match.end):
            country = _dominant(context)
            local = [b for b in self._branches[actor_id] if actors[b].country == country]
            if len(local) == 1 and local[0] not in named:  # "AQAP, al-Qaeda's Yemen branch": the parent itself
                return local[0]
        if actor_id in self._forces and actors[actor_id].type == "government":
            after = text[match.end:match.end + 80]
            if _MILITARY_AFTER_RE.match(after) or _FIGHTING_AFTER_RE.match(after):
                return self._forces[actor_id]
        return actor_id

    def _group_named_through(self, actor_id: str, match: ActorMatch, text: str) -> str | None:
        """The armed group a person leads when the text names it through them ("the faction of Hafiz Gul
        Bahadur", "fighters loyal to X", "Hemedti's fighters"): the person's parent in the base."""
        actor = self.base.actors[actor_id]
        if actor.type != "person" or actor.parent is None:
            return None
        parent = self.base.actors[actor.parent]
        if parent.type == "government" and _PARTY_NAME_RE.search(parent.name) and _PARTY_AFTER_RE.match(text, match.end):
            return actor.parent
        if parent.type not in _ARMED_TYPES:
            return None
        if _FOLLOWERS_AFTER_RE.match(text, match.end) or _FOLLOWERS_BEFORE_RE.search(text[max(0, match.start - 80):match.start]):
            return actor.parent
        return None

    def _someone_else(self, match: ActorMatch, text: str) -> bool:
        """A one-word person alias right after another capitalised name word is someone else's surname
        ("Mansour Abbas" is not Mahmoud Abbas, "Lake Assad" no person); titles do not count."""
        holders = match.candidates or match.generic
        if not holders or " " in match.text.strip() or any(self.base[c].type != "person" for c in holders):
            return False
        return _after_other_name(text, match.start)

    def _mandated_bodies(self, umbrellas: Sequence[ActorMatch], text: str, context: _Context):
        """(body id, span) for a UN body named by its kind in a story about one country: "the UN envoy's office"
        in a Yemen story is the Office of the UN Special Envoy for Yemen, "a UN fact-finding mission" in a
        Sudan story the mission for Sudan; the body must be the only one of its kind for that country."""
        country = _dominant(context)
        if country is None or not self._mandates:
            return
        for match in umbrellas:
            if not _UN_RE.fullmatch(match.text):  # "an earlier African Union force" is no UN mission
                continue
            described = _UN_BODY_AFTER_RE.match(text, match.end)
            if described is None:
                continue
            kind = _body_kind(described.group("kind"))
            bodies = self._mandates.get((country, kind), [])
            if len(bodies) == 1:
                yield bodies[0], (match.start, described.end())

    def _not_the_actor(self, match: ActorMatch, text: str) -> bool:
        """A hit that names something other than its actor: an abbreviation inside a hyphenated word
        ("PORT-AU-PRINCE", "non-UN"), a person's name on a building ("Erdogan hospital"), a group named only
        as the past of its members ("former FARC rebels")."""
        holders = match.candidates or match.generic
        if not holders:
            return False
        if is_abbreviation(match.text.split()[0]) and match.start >= 2 and text[match.start - 1] == "-" and text[match.start - 2].isalpha():
            return True
        if all(self.base[c].type == "person" for c in holders) and _NAMED_PLACE_AFTER_RE.match(text, match.end):
            return True
        return bool(_FORMER_BEFORE_RE.search(text, max(0, match.start - 12), match.start)
                    and _MEMBERS_AFTER_RE.match(text, match.end))

    def _outlet_only(self, match: ActorMatch, text: str) -> bool:
        """An outlet named only as where someone spoke ("told the state news agency SONNA"): not an actor."""
        holders = match.candidates or match.generic
        return bool(holders) and all(self.base[c].type == "media_agency" for c in holders) \
            and bool(_TOLD_BEFORE_RE.search(text, max(0, match.start - 60), match.start))

    def _umbrella(self, match: ActorMatch, text: str) -> bool:
        """An international organisation named only as the umbrella of one of its bodies or things ("UN
        refugee agency", "the UN's humanitarian office", "UN-brokered truce", "UN sanctions") is not itself acting."""
        if not match.candidates or any(self.base[c].type != "international_org" for c in match.candidates):
            return False
        return bool(_UMBRELLA_AFTER_RE.match(text, match.end) or _ENVOY_TO_BEFORE_RE.search(text, max(0, match.start - 40), match.start))

    def _acting_countries(self, matches: Sequence[ActorMatch], text: str, context: _Context,
                          named_at: Mapping[int, ActorMatch] = {}):
        """(match, actor id) for country/capital names used as actors: a government when the country acts
        ("Rwanda denies", "Riyadh and Abu Dhabi keep talking", "brokered by Qatar and Turkey", "Israeli
        officials", "Iran-backed"), its national forces before military nouns ("Turkish drone strikes")."""
        chains: list[list[ActorMatch]] = []
        for match in matches:  # "Qatar and Turkey", "Riyadh and Abu Dhabi": a chain shares its role
            if chains and _COORDINATION_RE.fullmatch(text, chains[-1][-1].end, match.start):
                chains[-1].append(match)
            else:
                chains.append([match])
        for chain in chains:
            after = text[chain[-1].end:chain[-1].end + 80]
            before = text[max(0, chain[0].start - 80):chain[0].start]
            military = _MILITARY_AFTER_RE.match(after) or _FIGHTING_AFTER_RE.match(after)
            # "Ugandan and Burundian soldiers": the chain shares the noun of a base name coordinated after it
            joined = _AND_RE.match(text, chain[-1].end)
            shared = named_at.get(joined.end()) if joined else None
            shared_types = {self.base.actors[c].type for c in shared.candidates} if shared else set()
            military = military or shared_types == {"state_forces"}
            # "Economists in Bamako said": the place is where the speakers are, not who speaks
            acting = not military and ((_ACTING_AFTER_RE.match(after) and not _LOCATED_BEFORE_RE.search(before))
                                           or _ACTING_BEFORE_RE.search(before))
            for match in chain:
                government = _pick(match.metonym, context, self.base.actors)
                if government is None:
                    continue
                if military and government in self._forces:
                    yield match, self._forces[government]
                # "Estonian and Finnish authorities": a plural noun serves every name of the chain
                elif acting or ((len(chain) == 1 or _SHARED_OFFICIALS_RE.match(after)) and _OFFICIALS_AFTER_RE.match(after)) \
                        or (shared_types == {"government"} and _SHARED_OFFICIALS_RE.search(shared.text)):
                    yield match, government

    def _the_government(self, text: str, context: _Context, taken: list[tuple[int, int]]):
        """(government id, span) for each bare "the government" ("the federal government", "the army-backed
        government") that acts, when one country dominates the story (twice the weight of any other): its government."""
        country = _dominant(context)
        if country is None:
            return
        government = self._governments.get(country)
        if government is None:
            return
        for m in _THE_GOVERNMENT_RE.finditer(text):
            start, end = m.span("head")
            if any(s < end and start < e for s, e in taken):
                continue
            # as for country names, only where it acts ("the government said", "urged the government")
            if _ACTING_AFTER_RE.match(text, m.end()) or _ACTING_BEFORE_RE.search(text[max(0, start - 80):start]):
                yield government, (start, end)
        for m in _GOVERNMENT_SPOKESPERSON_RE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            # not "Tigray government spokesman", "a regional government spokeswoman"
            before = _PREVIOUS_WORD_RE.search(text, max(0, m.start() - 40), m.start())
            word = before.group(1) if before else ""
            if not word or word[-1] in ".!?:;,\"“" or (word.islower() and word not in _SUBNATIONAL_WORDS):
                yield government, m.span()

    def _bare_police(self, text: str, context: _Context, taken: list[tuple[int, int]]):
        """(police id, span) for a bare "police" that acts ("Police fired tear gas", "police said") when one country
        dominates the story: its national police. Not "Motorway Police" or "Kurdish police" (a name before it)."""
        country = _dominant(context)
        police = self._police.get(country)
        if police is None or "olice" not in text:
            return
        for m in _BARE_POLICE_RE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken) or _after_other_name(text, m.start()):
                continue
            if _ACTING_AFTER_RE.match(text, m.end()) or _FIGHTING_AFTER_RE.match(text, m.end()):
                yield police, m.span()

    def _the_regional_government(self, text: str, context: _Context, matches: Sequence[ActorMatch],
                                 offsets: Mapping[str, list[tuple[int, int]]]):
        """(government id, span) for "the provincial/state/regional government" that acts: the sub-national
        government of the story's country named last before it (by its province's name or its own)."""
        country = _dominant(context)
        if country is None or "government" not in text:
            return
        named = sorted((m.start, g) for m in matches for g in (*m.metonym, *m.candidates)
                       if self._regional.get(g) == country)
        if not named:
            return
        for m in _THE_REGIONAL_RE.finditer(text):
            before = [g for start, g in named if start < m.start()]
            if not before:
                continue
            if _ACTING_AFTER_RE.match(text, m.end()) or _ACTING_BEFORE_RE.search(text[max(0, m.start() - 80):m.start()]):
                yield before[-1], m.span()

    def _surname_mentions(self, text: str, offsets: dict[str, list[tuple[int, int]]], covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Add later surname-only mentions ("Burhan" after "Abdel Fattah al-Burhan") to linked persons;
        a surname shared by two persons of the story is left alone."""
        persons = [i for i in offsets if i in self._surnames]
        if not persons:
            return []
        owners: dict[str, list[str]] = defaultdict(list)
        for person in persons:
            for surname in self._surnames[person]:
                owners[surname].append(person)
        folded = fold(text)
        added: list[tuple[int, int]] = []
        for surname, who in sorted(owners.items(), key=lambda kv: -len(kv[0])):  # "al Burhan" before "Burhan"
            if len(who) > 1 or surname not in folded.cased:  # (a substring test spares most regex scans)
                continue
            person = who[0]
            first = min(s for s, _ in offsets[person])
            for m in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", folded.cased):
                span = folded.original_span(*m.span())
                if span[0] > first and not any(s < span[1] and span[0] < e for s, e in covered + added) \
                        and not _after_other_name(text, span[0]):
                    offsets[person].append(span)
                    added.append(span)
        return added


def _qualifies_named(match: ActorMatch, text: str, named_at: set[int]) -> bool:
    """A group named only to qualify another one the base names right after it: "al-Qaeda-linked JNIM"."""
    affiliated = _AFFILIATES_AFTER_RE.match(text, match.end)
    if affiliated is None:
        return False
    following = _SPACES_AFTER_RE.match(text, affiliated.end())
    return following.end() in named_at


_SPACES_AFTER_RE = re.compile(r"\s*")


def _after_other_name(text: str, start: int) -> bool:
    """Whether a capitalised word other than a title sits right before start ("Mansour| Abbas", "Lake| Assad")."""
    before = _PREVIOUS_WORD_RE.search(text, max(0, start - 40), start)
    if not before or not before.group(1)[:1].isupper() or before.group(1).strip(".") in _TITLES:
        return False
    return not before.group(1).endswith(".")  # "Omdurman. Burhan said": a sentence ends there


# ---------------------------------------------------------------------------------------------
# Countries as actors. The country, capital and demonym forms come from the base itself: the aliases of
# each government actor shaped "X government", "X authorities", "X's government", "Government of X",
# "government in X" (a person's name there, "Petro government", is left out).
_FORM_PATTERNS = (
    re.compile(r"^(?:the\s+)?(?:federal\s+)?government\s+(?P<prep>of|in)\s+(?:the\s+)?(?P<x>.+)$", re.IGNORECASE),
    re.compile(r"^(?P<x>.+?)(?:['’]s)?\s+(?:federal\s+)?(?:government|authorities|administration)$"),
)
_FORM_WORD_RE = re.compile(r"^(?:[A-Z][\w'’-]*|of|the|and)$")


def _country_forms(base: ActorBase, surnames: Mapping[str, set[str]]) -> dict[str, list[str]]:
    """form -> government ids. "X government/authorities" forms are taken as they are; a "Government of X"
    form only when it shares a word stem with one of those (so "Government of Hope" gives no "Hope")."""
    personal = {fold(a).cased for actor in base.actors.values() if actor.type == "person" for a in (actor.name, *actor.aliases)}
    personal |= {s for forms in surnames.values() for s in forms}
    result: dict[str, list[str]] = defaultdict(list)
    for actor in base.actors.values():
        if actor.type != "government":
            continue
        found: dict[str, bool] = {}  # form -> came from an "X government" shape
        for alias in (actor.name, *actor.aliases):
            for n, pattern in enumerate(_FORM_PATTERNS):
                m = pattern.match(fold(alias).cased.strip())
                if m:
                    form = m.group("x").strip()
                    words = form.split()
                    if 0 < len(words) <= 4 and words[0][:1].isupper() and all(_FORM_WORD_RE.match(w) for w in words) and form not in personal:
                        # "government in Moscow" names its seat as surely as "Moscow government" does
                        found[form] = found.get(form, False) or n == 1 or m.groupdict().get("prep", "").lower() == "in"
                    break
        stems = {w[:4].lower() for form, direct in found.items() if direct for w in form.split()}
        for form, direct in found.items():
            if direct or stems & {w[:4].lower() for w in form.split()}:
                result[form].append(actor.id)
    return dict(result)


def _share_article_forms(lower: dict[str, _Key]) -> None:
    """A generic phrase with and without "the" ("the federal police", "Federal Police") names the same thing:
    both keys hold the generic holders of both, so one actor's longer "the ..." key never hides another's."""
    for key, entry in lower.items():
        bare = lower.get(key[4:]) if key.startswith("the ") and " " in key[4:] else None  # ("police" is too loose)
        if bare is None:
            continue
        for ids, other in ((entry.holders["generic"], bare.holders["generic"]), (bare.holders["generic"], entry.holders["generic"])):
            ids.extend(i for i in list(other) if i not in ids)


_QUALIFIED_NAME_RE = re.compile(r"^(?P<bare>.+?)\s+\((?P<qualifier>[^()]+)\)$")


def _generic_forms(actor: Actor, forms: Mapping[str, list[str]], base: ActorBase) -> list[str]:
    """The actor's generic phrases plus the bare name of a name qualified by its own country ("National Bureau
    of Statistics (Nigeria)" is "National Bureau of Statistics" in a story about Nigeria)."""
    result = list(actor.generic)
    m = _QUALIFIED_NAME_RE.match(actor.name)
    if m and actor.country and any(base[g].country == actor.country for g in forms.get(m.group("qualifier"), ())):
        result.append(m.group("bare"))
    return result


def _national_police(base: ActorBase) -> dict[str, str]:
    """country -> its national police: the one state force of the country whose generic phrases say "the police"."""
    found: dict[str, list[str]] = defaultdict(list)
    for actor in base.actors.values():
        if actor.type == "state_forces" and actor.country and any(g.lower() == "the police" for g in actor.generic):
            found[actor.country].append(actor.id)
    return {country: ids[0] for country, ids in found.items() if len(ids) == 1}


_BARE_POLICE_RE = re.compile(r"\b[Pp]olice(?:\s+officers)?\b(?!['’-])")


def _national_forces(base: ActorBase, forms: Mapping[str, list[str]]) -> dict[str, str]:
    """government id -> its national armed forces: the state_forces actor under that government (through
    its parents) with the most aliases shaped "<country form> army/military/armed forces/troops"."""
    by_government: dict[str, list[str]] = defaultdict(list)
    for form, governments in forms.items():
        for government in governments:
            by_government[government].append(re.escape(form))
    best: dict[str, tuple[int, str]] = {}
    for actor in base.actors.values():
        if actor.type != "state_forces":
            continue
        chain, node = [], actor.parent
        while node and node in base.actors and node not in chain:
            chain.append(node)
            node = base.actors[node].parent
        government = next((g for g in chain if g in by_government), None)
        if government is None:
            continue
        shape = re.compile(rf"^(?:{'|'.join(by_government[government])})(?:['’]s)?\s+(?:army|military|armed forces|troops|forces|soldiers)$")
        score = sum(bool(shape.match(fold(a).cased)) for a in (actor.name, *actor.aliases))
        if score and score > best.get(government, (0, ""))[0]:
            best[government] = (score, actor.id)
    return {government: actor_id for government, (_, actor_id) in best.items()}


def _national_governments(base: ActorBase, forms: Mapping[str, list[str]]) -> dict[str, str]:
    """country -> its national government: the top-level government most of the country's base hangs under
    (ministries, forces, agencies), holding country forms, and with twice the actors of any rival top-level
    government (a country with two authorities, such as Gaza's and Ramallah's, has none)."""
    holders = {g for governments in forms.values() for g in governments}
    under: Counter = Counter()
    for actor in base.actors.values():
        node, seen = actor.parent, set()
        while node and node in base.actors and node not in seen:
            seen.add(node)
            if base.actors[node].parent is None:
                under[node] += 1
            node = base.actors[node].parent
    ranked: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for actor in base.actors.values():
        if actor.type == "government" and actor.parent is None and actor.country:
            ranked[actor.country].append((under[actor.id], actor.id))
    result = {}
    for country, rivals in ranked.items():
        rivals.sort(reverse=True)
        (top, government), rest = rivals[0], rivals[1:]
        if government not in holders:  # a head of state above the government (Yemen's council): its government
            government = max((a.id for a in base.actors.values() if a.parent == government and a.id in holders
                              and a.type == "government" and a.country == country), key=lambda i: under[i], default=government)
        if government in holders and top > 0 and (not rest or top >= 2 * rest[0][0]):
            result[country] = government
    return result


_REGIONAL_WORDS_RE = re.compile(r"\b(?:state|provincial|province|regional|region|governorate|oblast)\b", re.IGNORECASE)
_THE_REGIONAL_RE = re.compile(r"\b[Tt]he\s+(?:provincial|state|regional)\s+(?:government|administration|authorities)\b")


def _regional_governments(base: ActorBase, forms: Mapping[str, list[str]], national: Mapping[str, str]) -> dict[str, str]:
    """Sub-national government id -> its country: a government holding a place form (its province or state)
    whose names say it is a state, provincial or regional government."""
    holders = {g for ids in forms.values() for g in ids}
    return {a.id: a.country for a in base.actors.values()
            if a.type == "government" and a.id in holders and a.country and national.get(a.country) != a.id
            and any(_REGIONAL_WORDS_RE.search(n) for n in (a.name, *a.aliases))}


def _verb_forms(lemmas: str, irregular: str) -> str:
    forms = set(irregular.split())
    for lemma in lemmas.split():
        forms.add(lemma)
        # "is pressing", "has been mediating", "keeps shipping"
        if lemma.endswith("e") and not lemma.endswith("ee"):
            forms.add(lemma[:-1] + "ing")
        elif len(lemma) <= 4 and lemma[-1] in "bdgmnprt" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            forms.add(lemma + lemma[-1] + "ing")
        else:
            forms.add(lemma + "ing")
        if lemma.endswith("y") and lemma[-2] not in "aeiou":
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
        elif lemma.endswith("e"):
            forms |= {lemma + "s", lemma + "d"}
        elif lemma.endswith(("s", "sh", "ch", "x", "z")):
            forms |= {lemma + "es", lemma + "ed"}
        else:
            forms |= {lemma + "s", lemma + "ed"}
    return "|".join(sorted(forms, key=len, reverse=True))


# What a country or capital does in a news story when it stands for its government.
_ACTING_VERBS = _verb_forms(
    "accuse acknowledge agree allow announce annex approve arm arrest ask attack back ban blame block bomb broker call "
    "capture claim close condemn confirm consider continue criticise criticize decide declare demand deny deploy deport "
    "designate detain dismiss dispute expel extend fear finance fund halt host impose insist intend intercept invade "
    "invite join launch lobby maintain mediate mobilise mobilize move negotiate object offer oppose order pledge press "
    "pressure promise push raid ratify recognise recognize recruit refuse reject rely remain repel request respond resume "
    "retaliate sanction seize shell ship sign summon supply support suspend target threaten train try urge veto vow want "
    "warn welcome regard reopen insist argue accept abstain vote cut use reduce point compensate provide allocate "
    "transfer withhold delay increase raise lower slash freeze treat tie tackle address ensure implement introduce adopt "
    "enforce borrow repay issue restructure invest spend",
    "said says say sent sends send struck strike strikes built builds build sees see saw held holds hold kept keeps keep "
    "paid pays pay gave gives give sought seeks seek began begins begin sold sells sell bought buys buy told tells tell "
    "met meets meet led leads lead left withdrew withdraws withdraw banned bans plans planned stepped shipped vetoed tying",
)
_FILLER = (r"(?:(?:has|have|had|is|was|were|are|been|being|would|will|could|can|may|might|must|should|also|now|still|again|then|"
           r"repeatedly|reportedly|long|already|never|not|quickly|formally|publicly|officially|itself|so\s+far|"
           r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s+)*")
_ACTING_AFTER_RE = re.compile(rf"(?:,[^,.;]{{1,60}},|,\s+(?:which|who))?\s+{_FILLER}(?:{_ACTING_VERBS})\b|-(?:backed|led|brokered|funded|"
                              r"allied|aligned|sponsored|supported|mediated|imposed|run|controlled)\b")
# (a war or clashes "with" a country are its forces' doing, not its government's: see the guideline)
_RELATION_NOUNS = (r"talks|agreement|deal|accord|negotiations|ceasefire|truce|tensions|dispute|relations|ties|pact|treaty|"
                   r"cooperation|summit|meeting|rift")
# names coordinated before the country ("pressure from Washington and Israel", "between the Democratic Republic of
# Congo and Rwanda") belong to the same chain even when they are no country form themselves
_COORDINATED_NAMES = r"(?:(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w'’-]*)*(?:,\s+|\s+and\s+))*"
_ACTING_BEFORE_RE = re.compile(
    rf"(?:\b(?:\w+(?:ed|en|ght)|made)\s+by|\b(?:accus(?:ed|es|ing)|urg(?:ed|es|ing)|call(?:ed|s|ing)\s+on|press(?:ed|es|ing)|"
    rf"warn(?:ed|ing)|critici[sz](?:ed|ing)|condemn(?:ed|ing)|blam(?:ed|ing)|sanction(?:ed|ing)|ask(?:ed|ing)|"
    rf"credit(?:ed|s|ing)?|prais(?:ed|es|ing)|thank(?:ed|s|ing)?|su(?:ed|es|ing)|prompt(?:ed|s|ing)|forc(?:ed|es|ing))|"
    rf"\b(?:spoke|speak(?:s|ing)?|talk(?:ed|s|ing)|met|meet(?:s|ing)?)\s+(?:by\s+(?:tele)?phone\s+)?with(?:\s+both)?|"
    rf"\b(?:[Ss]pokes(?:man|woman|person)|[Mm]inisters?|[Oo]fficials?)\s+(?:for|of|from)|"
    rf"\b(?:ruling|rulings|case|lawsuit|complaint|verdict|award|arbitration|judgment|judgement)\s+against|"
    rf"\b(?:[Oo]fficials|[Aa]uthorities|(?<!Western\s)(?<!foreign\s)(?<!European\s)[Dd]iplomats|[Mm]inisters|[Ll]eaders|"
    rf"[Nn]egotiators)\s+in|"
    rf"\b(?:sanctions|suspension|embargo|tariffs|pressure)\s+(?:on|against|of)|\b(?:pressure|support|backing|funding|mediation|objections|opposition|demands|money|"
    rf"weapons|arms|loans|deposits|grants|abstentions|payments|compensation|transfers|aid|assistance|salaries|"
    rf"subsidies|funds)\s+from|\b(?:{_RELATION_NOUNS})\b[^.;]{{0,60}}?\s(?:between|with))"
    rf"\s+{_COORDINATED_NAMES}(?:the\s+)?(?:[A-Z][\w'’-]*\s+(?:of\s+)?)*$"
)
_OFFICIALS_AFTER_RE = re.compile(
    r"['’]s\s+(?:(?:new|interim|transitional|military|federal|army-backed|army-led|civilian|current)\s+)*"
    r"(?:government|authorities|administration|cabinet)\b|"
    r"\s+(?:(?:state|provincial|regional)\s+)?(?:government|authorities)\b|"
    r"\s+(?:and|or)\s+[A-Z][\w'’-]*\s+(?:authorities|officials|governments)\b|"
    r"(?:['’]s)?\s+(?:special\s+)?(?:officials?|diplomats?|negotiators?|envoys?|delegation|delegates|leaders?|leadership|"
    r"mediators?|ambassador|counterparts?|backers|patrons|sponsors|allies|mediation|auspices|pressure|"
    r"sanctions|designation|decision|position|role|policy|demands|approval|proposal|offer|request)\b"
)
_SHARED_OFFICIALS_RE = re.compile(r"\s+(?:authorities|officials|governments|leaders|diplomats)\b")
_MILITARY_AFTER_RE = re.compile(
    r"(?:['’]s\s+|\s+|-)(?:(?:drone|air|missile|artillery|guided|aerial|glide|attack|ballistic|cruise)\s+)*(?:strikes?|airstrikes?|"
    r"jets|warplanes|aircraft|helicopters|drones|missiles?|bombs?|rockets?|shells|artillery|shelling|troops|soldiers|"
    r"forces|officers|military|army|navy|air\s+force|air\s+defen[cs]es|warships|tanks|raids?)\b"
)
_UMBRELLA_AFTER_RE = re.compile(
    r"['’]s\s+[A-Z]|(?:['’]s)?(?:-[a-z]|\s+(?:(?!(?:said|says|say|told|tells|has|have|had|is|was|were|will|would|"
    r"warned|called|urged|reported|added)\b)[a-z]+\s+){0,3}?(?:agency|agencies|office|offices|envoy|envoys|mission|missions|force|"
    r"peacekeepers|peacekeeping|staff|workers|data|figures|sanctions|resolution|resolutions|experts|panel|fact-finding|"
    r"investigators|coordinator|chief|official|officials|spokesperson|spokesman|spokeswoman|team|teams|convoy|convoys|"
    r"compound|report|monitors|observers|special\s+rapporteur|rapporteur|body|bodies|programme|fund|summit|talks)\b)"
)
_LOCATED_BEFORE_RE = re.compile(r"\b(?:in|at|near|outside|inside|across|around|from|to)\s+$")
# "an al-Qaeda-linked group": the parent organisation itself, not its local branch.
_AFFILIATES_AFTER_RE = re.compile(r"-(?:linked|affiliated|allied|aligned|inspired|style)\b")
# A state's envoy to an organisation speaks for the state: "Syria's ambassador to the UN".
_ENVOY_TO_BEFORE_RE = re.compile(r"\b(?:ambassador|envoy|representative|mission|delegation|delegate)s?\s+(?:to|at)\s+(?:the\s+)?$",
                                 re.IGNORECASE)
# A person's name on a building or place: "taken to Erdogan and Medina hospitals".
_NAMED_PLACE_AFTER_RE = re.compile(
    r"(?:\s+and\s+[A-Z][\w'’-]*)?\s+(?i:hospitals?|airport|university|stadium|street|avenue|road|bridge|dam|mosque|"
    r"school|square|park|camp|centre|center|library|museum|port)\b")
# An outlet only as the place a story ran: "told the state news agency SONNA", "in an interview with the BBC".
_TOLD_BEFORE_RE = re.compile(
    r"\b(?:told|tells|telling|(?:spoke|speaking|talking)\s+to|(?:an\s+)?interview\s+with)\s+(?:the\s+)?(?:(?:state|state-run|"
    r"state-owned|official|local|national|pan-Arab|private|independent|broadcaster|news|agency|newspaper|daily|television|"
    r"radio|channel|outlet|TV)\s+)*$")
_AND_RE = re.compile(r"\s+(?:and|or|&)\s+(?:the\s+)?")
_UN_RE = re.compile(r"(?:the\s+)?(?:UN|U\.N\.|United\s+Nations)(?:['’]s)?")
# A group named as its members' past: "former FARC rebels", "ex-PKK fighters".
_FORMER_BEFORE_RE = re.compile(r"\b(?:former|ex-|erstwhile)\s*(?:the\s+)?$", re.IGNORECASE)
_MEMBERS_AFTER_RE = re.compile(r"\s+(?:rebels|fighters|members|combatants|guerrillas|militants|officers|soldiers|commanders)\b")
# A bare "the government": the government of the country the story is about (not "the government of X",
# "government forces", "government-held").
# "the government of President X" is the government X heads; the acting cue follows X's name.
_HEAD_OF_GOVERNMENT = (r"(?i:(?:transitional|interim|acting|military|caretaker)\s+)?(?i:president|prime\s+minister|premier|"
                       r"chancellor|captain|colonel|general|field\s+marshal|king|emir|sultan)")
_THE_GOVERNMENT_RE = re.compile(
    r"(?P<head>\b[Tt]he\s+(?:(?:federal|national|central|interim|transitional|military|army-backed|army-led|civilian|new|"
    r"current)\s+)?government\b|\b[Tt]he\s+(?:federal|national|central)\s+and\s+(?:provincial|state|regional)\s+governments\b)"
    rf"(?:\s+of\s+{_HEAD_OF_GOVERNMENT}(?:\s+[A-Z][\w'’.-]*)+)?"
    r"(?!['’]s\s+(?:forces|troops|army))(?![-\s]+(?:of(?!\s+\w+ing\b)|in|forces|troops|soldiers|units|army|"
    r"military|held|controlled|backed|aligned|allied|run|owned|side|areas|positions)\b)"
)
# "Government spokesman X said", "a government spokeswoman": the national government speaking.
_GOVERNMENT_SPOKESPERSON_RE = re.compile(r"\b[Gg]overnment(?=\s+spokes(?:man|woman|person)\b)")
_SUBNATIONAL_WORDS = frozenset({"regional", "provincial", "state", "local", "municipal", "city", "county", "district"})
_COORDINATION_RE = re.compile(r"-?,?\s+(?:and|or|&)\s+(?:the\s+)?|,\s+(?:the\s+)?")
_PREVIOUS_WORD_RE = re.compile(r"([\w.'’-]+)\s+$")
_TITLES = frozenset(
    "President Prime Minister Premier General Gen Lt Col Colonel Major Maj Captain Capt Commander Mr Mrs Ms Dr Sheikh "
    "Spokesman Spokeswoman Spokesperson Official Officials Head Director Founder Member Members Fighters "
    "King Queen Prince Emir Sultan Chairman Chief Judge Governor Gov Senator Sen Rep Speaker Secretary Ambassador Envoy "
    "Field Marshal Admiral Adm Brigadier Imam Ayatollah Pope Father Rev Bishop Leader Former Late Deputy Acting Interim "
    "Foreign Defence Defense Interior Finance Vice".split()
)


_ARMED_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia", "state_forces"})
# A military action right after a government's name: its forces did it ("the junta shelled villages").
_FIGHTING_AFTER_RE = re.compile(
    rf"\s+{_FILLER}(?:{_verb_forms('shell bomb attack raid recapture retake strafe bombard fire', 'struck strikes retook shot pounded pounding')}|"
    r"launched\s+(?:[\w-]+\s+){0,2}(?:strikes|airstrikes|offensive|attacks?|raids?|assault|invasion))\b(?!\s+(?:a|an)\s+(?:\w+\s+)?deal)"
)
# A group named through its leader: "Hemedti's fighters", "the faction of Hafiz Gul Bahadur", "men loyal to X".
_FOLLOWERS = r"(?:faction|group|fighters|forces|men|militiamen|militia|loyalists|followers|troops|outfit|network|paramilitaries)"
_FOLLOWERS_AFTER_RE = re.compile(rf"['’]s?\s+(?:own\s+|armed\s+)?{_FOLLOWERS}\b")
# A party or movement named through its leader: "Muqtada al-Sadr, whose movement ...", "Masra's party".
_PARTY_AFTER_RE = re.compile(r"(?:['’]s?|,\s+whose)\s+(?:own\s+)?(?:political\s+)?(?:party|movement)\b")
_PARTY_NAME_RE = re.compile(r"\b(?:Movement|Party|Parti|Mouvement|Transformateurs|Bloc|Alliance)\b")
_FOLLOWERS_BEFORE_RE = re.compile(
    rf"\b{_FOLLOWERS}\s+(?:of|loyal\s+to|led\s+by|commanded\s+by|headed\s+by|allied\s+(?:to|with))\s+"
    r"(?:(?:the\s+)?(?:[a-z]+\s+)?(?:commander|leader|chief|warlord|general|cleric)\s+)?$"
)


def _dominant(context: _Context) -> str | None:
    """The country the story is about: the one with twice the weight of any other in the story's countries."""
    ranked = sorted(context.story.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _branches(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str]) -> dict[str, list[str]]:
    """International armed group -> its national branches: the children of a country-less armed group with
    the same type and a country ("al-Qaeda" -> AQAP, JNIM, ...), except in a country the group's own names
    carry ("Islamic State of Iraq and Syria" is at home in Iraq and Syria: there it is no branch)."""
    result: dict[str, list[str]] = defaultdict(list)
    for actor in base.actors.values():
        parent = base.actors.get(actor.parent) if actor.parent else None
        if not (parent is not None and parent.country is None and parent.type in _ARMED_TYPES and actor.country
                and actor.type == parent.type):
            continue
        names = " ".join(f" {fold(n).cased} " for n in (parent.name, *parent.aliases))
        home = [f for f, holders in forms.items() if governments.get(actor.country) in holders]
        if not any(f" {f} " in names for f in home):
            result[parent.id].append(actor.id)
    return dict(result)


_MINISTRY_OF_RE = re.compile(r"\bMinistry\s+of\s+(?:the\s+)?(?P<x>[A-Z][\w'’]*(?:\s+(?:and\s+)?[A-Z][\w'’]*)*)")
_X_MINISTRY_RE = re.compile(r"(?P<x>\b[A-Za-z][a-z]+)\s+[Mm]inistry$")


def _ministry_phrases(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Ministry id -> phrases naming it without a country, derived from its name and aliases: generic "the
    health ministry", "the ministry of health", "the federal health ministry" (linked only in a story about
    the ministry's country), and aliases "<capital or country>'s health ministry" from its government's
    country forms. Only for ministries directly under a national government."""
    national = set(governments.values())
    result: dict[str, list[tuple[str, str]]] = {}
    for actor in base.actors.values():
        if actor.type != "government" or actor.parent not in national or "ministry" not in actor.name.lower():
            continue
        subjects = set()
        for name in (actor.name, *actor.aliases):
            folded = fold(name).cased
            m = _MINISTRY_OF_RE.search(folded) or _X_MINISTRY_RE.search(folded)
            if m and m.group("x") not in forms:
                subjects.add(m.group("x").lower())
        country_forms = [f for f, holders in forms.items() if actor.parent in holders]
        phrases = []
        for x in sorted(subjects):
            phrases += [(f"the {x} ministry", "generic"), (f"the ministry of {x}", "generic"),
                        (f"the federal {x} ministry", "generic"), (f"federal {x} ministry", "generic")]
            phrases += [(f"{f}'s {x} ministry", "candidates") for f in country_forms]
        if phrases:
            result[actor.id] = phrases
    return result


_UN_BODY_AFTER_RE = re.compile(
    r"(?:['’]s)?\s+(?:(?:special|independent|international|peacekeeping|observer)\s+)*(?P<kind>envoy|fact-finding\s+mission|"
    r"commission\s+of\s+inquiry|(?:group|panel)\s+of\s+experts|mission|force|peacekeepers)(?:['’]s\s+office|\s+office)?\b",
    re.IGNORECASE)
_MANDATE_RE = re.compile(r"\b(?:for|in|on|to)\s+(?:the\s+)?(?P<x>[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*)*)")


def _body_kind(words: str) -> str:
    """The kind of a UN body from the words naming it: envoy, fact-finding, inquiry, experts or mission."""
    words = words.lower()
    for kind in ("envoy", "fact-finding", "inquiry", "experts"):
        if kind in words:
            return kind
    return "mission"  # missions, forces and peacekeepers


def _mandates(base: ActorBase, forms: Mapping[str, list[str]]) -> dict[tuple[str, str], list[str]]:
    """(country, kind) -> the international bodies with a mandate for that country, from their names and aliases
    ("Office of the UN Special Envoy for Yemen", "UN Interim Force in Lebanon"): the country is a country form
    after for/in/on/to, the kind as _body_kind reads the name."""
    country_of = {form: base.actors[ids[0]].country for form, ids in forms.items()
                  if len({base.actors[i].country for i in ids}) == 1}
    result: dict[tuple[str, str], list[str]] = defaultdict(list)
    for actor in base.actors.values():
        if actor.type != "international_org":
            continue
        names = [fold(n).cased for n in (actor.name, *actor.aliases)]
        if not any(re.search(r"\b(?:UN|United Nations)\b", n) for n in names):
            continue
        for name in names:
            head = re.search(r"(?i)\b(envoy|fact-finding|fact finding|inquiry|experts|mission|force|observer)\b", name)
            if head is None:
                continue
            for m in _MANDATE_RE.finditer(name, head.end()):
                country = country_of.get(m.group("x"))
                if country and actor.id not in result[(country, _body_kind(head.group(1).replace(" ", "-")))]:
                    result[(country, _body_kind(head.group(1).replace(" ", "-")))].append(actor.id)
                    break
    return dict(result)


_TITLE_WORDS = frozenset({"for", "of", "to", "in", "the"})


def _national_body_phrases(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Body id -> aliases "<country form>'s <body>" for the agencies and forces of a national government whose
    name carries its country ("Niger Civil Protection", "National Police of Ukraine" give "Niger's civil
    protection", "Ukraine's National Police", "Kyiv's National Police"), so every country form names them."""
    national = set(governments.values())
    forms_of: dict[str, list[str]] = defaultdict(list)
    for form, ids in forms.items():
        for government in ids:
            forms_of[government].append(form)
    result: dict[str, list[tuple[str, str]]] = {}
    for actor in base.actors.values():
        if actor.type not in ("government", "state_forces") or actor.id in national:
            continue
        government = next((g for g in _ancestors(base, actor.id) if g in national), None)
        if government is None:
            continue
        own = forms_of[government]
        bodies = set()
        for name in (actor.name, *actor.aliases):
            folded = fold(name).cased.strip()
            for form in own:
                if folded.startswith(form + " "):
                    bodies.add(folded[len(form) + 1:])
                elif m := re.fullmatch(rf"(?:the\s+)?(.+?)\s+of\s+(?:the\s+)?{re.escape(form)}", folded):
                    bodies.add(m.group(1))
        # one plain word ("Bank", "Office") is too loose after a possessive, except the forces' own names
        bodies = {b for b in bodies if b[:1].isupper() and not any(f in b for f in own) and b.lower() not in _TOO_GENERIC
                  and (" " in b or b.lower() in _ONE_WORD_BODIES)}
        phrases = [(f"{form}'s {body}", "candidates") for body in sorted(bodies) for form in own]
        if phrases:
            result[actor.id] = phrases
    return result


_TOO_GENERIC = frozenset({"government", "authorities", "state", "army", "military", "forces", "armed forces"})
_ONE_WORD_BODIES = frozenset({"police", "navy", "gendarmerie", "rangers", "marines", "coastguard"})


def _ancestors(base: ActorBase, actor_id: str) -> list[str]:
    chain, node = [], base.actors[actor_id].parent
    while node and node in base.actors and node not in chain:
        chain.append(node)
        node = base.actors[node].parent
    return chain


def _person_surnames(base: ActorBase) -> dict[str, set[str]]:
    """Folded surname forms of every person in the base: the last word of each multi-word name/alias,
    with and without an al-/el- article."""
    result: dict[str, set[str]] = {}
    for actor in base.actors.values():
        if actor.type != "person":
            continue
        forms = set()
        for name in (actor.name, *actor.aliases):
            words = fold(name).cased.split()
            # a title alias ("UN envoy for Yemen", "King Abdullah II of Jordan") ends in a place, not a surname
            if len(words) < 2 or not words[-1][:1].isupper() or _TITLE_WORDS & set(words):
                continue
            forms.add(words[-1])
            if words[-2].lower() in ("al", "el") and len(words) > 2:
                forms.add(f"{words[-2]} {words[-1]}")
        result[actor.id] = {f for f in forms if len(f) >= 3}
    return result


@dataclass(frozen=True)
class _Context:
    story: dict[str, float]  # the story's countries as given by the caller (weights)
    weight: dict[str, float]  # the story's countries plus the countries of unambiguous base hits


def _country_context(countries, matches: Sequence[ActorMatch], actors: Mapping[str, Actor]) -> _Context:
    if isinstance(countries, Mapping):
        story = {c: float(w) for c, w in countries.items()}
    else:
        story = {c: 1.0 for c in countries}
    weight = Counter(story)
    for match in matches:
        if len(match.candidates) == 1:
            country = actors[match.candidates[0]].country
            if country:
                weight[country] += 0.5
    return _Context(story, dict(weight))


def _pick(candidates: Sequence[str], context: _Context, actors: Mapping[str, Actor]) -> str | None:
    """One actor for an alias: the only holder, or the one whose country the story is most about."""
    if len(candidates) == 1:
        return candidates[0]
    scored = sorted(((context.weight.get(actors[c].country or "", 0.0), c) for c in candidates), reverse=True)
    if scored[0][0] > 0 and scored[0][0] > scored[1][0]:
        return scored[0][1]
    return None


def _pick_generic(holders: Sequence[str], story: set[str], context: _Context, actors: Mapping[str, Actor]) -> str | None:
    """A generic phrase ("regime forces") names an actor only when the story's countries leave one holder,
    or one holder's country clearly dominates the story (twice the weight of any other)."""
    in_story = [h for h in holders if actors[h].country in story]
    if len(in_story) == 1:
        return in_story[0]
    if len(in_story) > 1:
        scored = sorted(((context.weight.get(actors[h].country, 0.0), h) for h in in_story), reverse=True)
        if scored[0][0] >= 2 * scored[1][0]:
            return scored[0][1]
    return None


def _unresolved_mentions(matches: Sequence[ActorMatch], actors: Mapping[str, Actor]) -> list[ActorMention]:
    """Ambiguous aliases the context could not settle: kept visible, unlinked, typed only if all holders agree."""
    grouped: dict[str, list[ActorMatch]] = defaultdict(list)
    for match in matches:
        grouped[match.alias].append(match)
    mentions = []
    for alias, group in grouped.items():
        types = {actors[c].type for c in group[0].candidates}
        mentions.append(ActorMention(
            name=alias, type=types.pop() if len(types) == 1 else None, linked=False,
            mentions=len(group), offsets=[(m.start, m.end) for m in group],
        ))
    return mentions


# ---------------------------------------------------------------------------------------------
# NER actors outside the base

# Ordered: the first rule whose word appears in an organisation's name gives its type.
_ORG_TYPE_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("media_agency", ("news", "agency news", "press", "television", "tv", "radio", "times", "post", "gazette", "tribune", "herald", "broadcasting")),
    ("international_org", ("united nations", "un", "unicef", "unhcr", "ocha", "world", "international", "programme", "program", "fund", "union", "organisation", "organization", "bank", "commission", "nato")),
    ("monitor_ngo", ("observatory", "human rights", "watch", "amnesty", "red cross", "red crescent", "relief", "foundation", "institute", "initiative", "project", "network", "doctors", "médecins", "medecins", "aid", "charity", "ngo", "monitor", "centre", "center", "council for", "committee")),
    ("government", ("ministry", "ministries", "government", "cabinet", "presidency", "parliament", "senate", "council", "office", "department", "administration", "authority", "authorities", "party")),
    ("state_forces", ("armed forces", "air force", "navy", "police", "gendarmerie", "national guard", "coast guard", "border guard", "military")),
    ("political_militia", ("militia", "militias", "vigilante", "self defense", "self defence", "gang", "cartel")),
    ("rebel_group", ("brigade", "brigades", "battalion", "army", "front", "movement", "liberation", "resistance", "mujahideen", "jihad", "rebels", "insurgents", "fighters", "legion", "ansar")),
)


# A state body: an institution word with a national or local-state marker ("National Emergency Management
# Agency", "Central Bank of Yemen", "Nigerian Meteorological Agency": a country form counts as a marker).
_STATE_MARKERS = ("national", "federal", "central", "state", "provincial", "regional", "municipal", "city", "county")
_INSTITUTIONS = ("agency", "authority", "bank", "board", "commission", "committee", "corporation", "company", "service",
                 "directorate", "department", "office", "council", "administration", "bureau", "prosecutor", "court")


def guess_org_type(name: str, country_forms: frozenset[str] = frozenset()) -> str | None:
    """An actor type for an organisation outside the base, from keywords in its name (country_forms: the
    matcher's country, capital and demonym forms); None if nothing fits."""
    folded = fold(name)
    words = " " + " ".join(_WORD_RE.findall(folded.lower)) + " "
    if any(f" {w} " in words for w in _INSTITUTIONS) and (
            any(f" {m} " in words for m in _STATE_MARKERS) or any(f in folded.cased for f in country_forms)):
        return "government"
    for actor_type, keywords in _ORG_TYPE_RULES:
        if any(f" {k} " in words for k in keywords):
            return actor_type
    return None


_WORD_RE = re.compile(r"[^\W_]+")
_LEADING_RE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TRAILING_RE = re.compile(r"(?:['’]s|['’])$")


def _clean_entity(text: str) -> str:
    text = " ".join(text.split())
    text = _LEADING_RE.sub("", text)
    return _TRAILING_RE.sub("", text).strip(" ,.;:")


def _ner_mentions(entities: Sequence[Entity], covered: list[tuple[int, int]], places: list[tuple[int, int]],
                  linked_persons: list[str], country_forms: frozenset[str]) -> list[ActorMention]:
    """NER persons and organisations that no base hit overlaps and that are not just a place, grouped by name;
    a lone surname joins the full name it belongs to (a linked person's surname is dropped, it was counted)."""
    linked_surnames = {fold(n).lower.split()[-1] for n in linked_persons}
    groups: dict[str, dict] = {}
    # overlap with a covered span by bisection: the spans starting before the entity ends, the furthest end among them
    covered = sorted(covered)
    starts = [s for s, _ in covered]
    furthest = list(accumulate((e for _, e in covered), max))
    for ent in entities:
        if ent.label not in ("PERSON", "ORG"):
            continue
        before = bisect_left(starts, ent.end)
        if (before and furthest[before - 1] > ent.start) or any(s <= ent.start and ent.end <= e for s, e in places):
            continue
        name = _clean_entity(ent.text)
        if len(name) < 2 or not any(c.isupper() for c in name):
            continue
        key = fold(name).lower
        if ent.label == "PERSON" and " " not in key and key in linked_surnames:
            continue
        group = groups.setdefault(key, {"label": ent.label, "names": Counter(), "offsets": []})
        group["names"][name] += 1
        group["offsets"].append((ent.start, ent.end))
    # a one-word PERSON that is the last word of a fuller PERSON name of the story joins it
    full_names = {k: g for k, g in groups.items() if g["label"] == "PERSON" and " " in k}
    for key in [k for k, g in groups.items() if g["label"] == "PERSON" and " " not in k]:
        owners = [g for k, g in full_names.items() if k.split()[-1] == key]
        if len(owners) == 1:
            owners[0]["offsets"] += groups.pop(key)["offsets"]
    mentions = []
    for group in groups.values():
        name = max(group["names"].items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        kind = "person" if group["label"] == "PERSON" else guess_org_type(name, country_forms)
        mentions.append(ActorMention(name=name, type=kind, linked=False, mentions=len(group["offsets"]),
                                     offsets=sorted(group["offsets"])))
    return mentions


@lru_cache(maxsize=1)
def default_matcher() -> ActorMatcher:
    """The matcher over the repository's actor base, built once per process."""
    return ActorMatcher(ActorBase.load())
