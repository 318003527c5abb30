"""Actors: load the curated actor base (workers/enrich/data/actors/*.yaml), find its aliases in text with one
Aho-Corasick pass, and link the hits to actor ids (country context for ambiguous and generic names), adding
NER persons and organisations that are not in the base as unlinked actors."""
from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
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
# Deleted: an apostrophe inside a word (Hay'at = Hayat, Sana'a = Sanaa) but not a possessive 's; combining
# marks, Arabic harakat and tatweel, zero-width characters and soft hyphens; the second of two spaces.
_DELETE_RE = re.compile(
    r"(?<=[^\W\d_])'(?=[^\W\d_])(?!s(?![^\W\d_]))|[\u0300-\u036f\u064b-\u065f\u0670\u0640\u200b-\u200f\u00ad]|(?<= ) "
)


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
    translated = text.translate(_FOLD)
    deleted = [m.start() for m in _DELETE_RE.finditer(translated)]
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
    """A literal alias hit: original offsets, the base alias it matched, the actors holding it as an alias
    (`candidates`) and those holding it only as a generic phrase (`generic`)."""

    start: int
    end: int
    text: str
    alias: str
    candidates: tuple[str, ...]
    generic: tuple[str, ...] = ()


@dataclass
class _Key:
    alias: str
    candidates: list[str] = field(default_factory=list)
    generic: list[str] = field(default_factory=list)


def _automaton(keys: Mapping[str, _Key]):
    if not keys:
        return None
    automaton = ahocorasick.Automaton()
    for key, entry in keys.items():
        automaton.add_word(key, (len(key), entry.alias, tuple(entry.candidates), tuple(entry.generic)))
    automaton.make_automaton()
    return automaton


def _boundary(s: str, start: int, end: int) -> bool:
    return (start == 0 or not s[start - 1].isalnum()) and (end == len(s) or not s[end].isalnum())


class ActorMatcher:
    """Finds actor-base aliases in text and links them to actors."""

    def __init__(self, base: ActorBase):
        self.base = base
        cased: dict[str, _Key] = {}
        lower: dict[str, _Key] = {}
        for actor in base.actors.values():
            phrases = [(a, False) for a in (actor.name, *actor.aliases)] + [(g, True) for g in actor.generic]
            for phrase, generic in phrases:
                key, abbreviation = alias_key(phrase)
                if not key:
                    continue
                if generic or not (abbreviation and actor.abbreviations_case_sensitive):
                    table, key = lower, key.lower()
                else:
                    table = cased
                entry = table.setdefault(key, _Key(phrase))
                holders = entry.generic if generic else entry.candidates
                if actor.id not in holders:
                    holders.append(actor.id)
        self._cased = _automaton(cased)
        self._lower = _automaton(lower)
        self._surnames = _person_surnames(base)

    def find(self, text: str) -> list[ActorMatch]:
        """Every alias hit in text, leftmost-longest, not overlapping, on word boundaries."""
        folded = fold(text)
        hits: dict[tuple[int, int], list] = {}
        for automaton, haystack in ((self._lower, folded.lower), (self._cased, folded.cased)):
            if automaton is None:
                continue
            for last, (length, alias, candidates, generic) in automaton.iter(haystack):
                start, end = last - length + 1, last + 1
                if not _boundary(haystack, start, end):
                    continue
                hit = hits.get((start, end))
                if hit is None:
                    hits[(start, end)] = [alias, list(candidates), list(generic)]
                else:
                    hit[1] += [c for c in candidates if c not in hit[1]]
                    hit[2] += [g for g in generic if g not in hit[2]]
        matches: list[ActorMatch] = []
        taken_until = -1
        for (start, end), (alias, candidates, generic) in sorted(hits.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
            if start < taken_until:
                continue
            taken_until = end
            o_start, o_end = folded.original_span(start, end)
            matches.append(ActorMatch(o_start, o_end, text[o_start:o_end], alias, tuple(candidates), tuple(generic)))
        return matches

    def link(
        self,
        matches: Sequence[ActorMatch],
        text: str,
        countries: Iterable[str] | Mapping[str, float] = (),
        entities: Sequence[Entity] = (),
        skip_spans: Iterable[tuple[int, int]] = (),
    ) -> list[ActorMention]:
        """Actor mentions of the text: base hits resolved to ids, surname-only mentions of persons, and NER
        persons/organisations not in the base as unlinked actors. `countries` are the story's countries (a
        mapping gives them weights); `skip_spans` are spans already explained otherwise (e.g. places)."""
        actors = self.base.actors
        context = _country_context(countries, matches, actors)
        story = set(context.story)
        resolved: list[tuple[ActorMatch, str | None]] = []
        for match in matches:
            if match.candidates:
                resolved.append((match, _pick(match.candidates, context, actors)))
            else:
                resolved.append((match, _pick_generic(match.generic, story, context, actors)))

        offsets: dict[str, list[tuple[int, int]]] = defaultdict(list)
        unresolved: list[ActorMatch] = []
        for match, actor_id in resolved:
            if actor_id is not None:
                offsets[actor_id].append((match.start, match.end))
            elif match.candidates:
                unresolved.append(match)
        covered = [(m.start, m.end) for m in matches]
        covered += self._surname_mentions(text, offsets, covered)

        mentions = [
            ActorMention(name=actors[i].name, id=i, type=actors[i].type, country=actors[i].country,
                         parent=actors[i].parent, linked=True, mentions=len(spans), offsets=sorted(spans))
            for i, spans in offsets.items()
        ]
        mentions += _unresolved_mentions(unresolved, actors)
        mentions += _ner_mentions(entities, covered + list(skip_spans), [actors[i].name for i in offsets if actors[i].type == "person"])
        mentions.sort(key=lambda m: m.offsets[0] if m.offsets else (len(text), 0))
        return mentions

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
        added = []
        for surname, who in sorted(owners.items(), key=lambda kv: -len(kv[0])):  # "al Burhan" before "Burhan"
            if len(who) > 1:
                continue
            person = who[0]
            first = min(s for s, _ in offsets[person])
            for m in re.finditer(rf"(?<!\w){re.escape(surname)}(?!\w)", folded.cased):
                span = folded.original_span(*m.span())
                if span[0] > first and not any(s < span[1] and span[0] < e for s, e in covered + added):
                    offsets[person].append(span)
                    added.append(span)
        return added


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
            if len(words) < 2 or not words[-1][:1].isupper():
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
    ("government", ("ministry", "ministries", "government", "cabinet", "presidency", "parliament", "senate", "council", "office", "department", "administration", "authority", "authorities")),
    ("state_forces", ("armed forces", "air force", "navy", "police", "gendarmerie", "national guard", "coast guard", "border guard", "military")),
    ("political_militia", ("militia", "militias", "vigilante", "self defense", "self defence", "gang", "cartel")),
    ("rebel_group", ("brigade", "brigades", "battalion", "army", "front", "movement", "liberation", "resistance", "mujahideen", "jihad", "rebels", "insurgents", "fighters", "legion", "ansar")),
)


def guess_org_type(name: str) -> str | None:
    """An actor type for an organisation outside the base, from keywords in its name; None if nothing fits."""
    words = " " + " ".join(_WORD_RE.findall(fold(name).lower)) + " "
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


def _ner_mentions(entities: Sequence[Entity], covered: list[tuple[int, int]], linked_persons: list[str]) -> list[ActorMention]:
    """NER persons and organisations that no base hit explains, grouped by name; a lone surname joins the
    full name it belongs to (a linked person's surname is dropped, it was counted already)."""
    linked_surnames = {fold(n).lower.split()[-1] for n in linked_persons}
    groups: dict[str, dict] = {}
    for ent in entities:
        if ent.label not in ("PERSON", "ORG"):
            continue
        if any(s < ent.end and ent.start < e for s, e in covered):
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
        kind = "person" if group["label"] == "PERSON" else guess_org_type(name)
        mentions.append(ActorMention(name=name, type=kind, linked=False, mentions=len(group["offsets"]),
                                     offsets=sorted(group["offsets"])))
    return mentions


@lru_cache(maxsize=1)
def default_matcher() -> ActorMatcher:
    """The matcher over the repository's actor base, built once per process."""
    return ActorMatcher(ActorBase.load())
