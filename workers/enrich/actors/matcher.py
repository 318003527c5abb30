"""The actor matcher: one Aho-Corasick pass finds the base's aliases, generic phrases and country forms in
a text; `link` resolves the hits to actor ids in the story's country context and adds the rest."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, NamedTuple, Sequence

import ahocorasick_rs

from indexer.article import ActorMention
from workers.enrich.ner import Entity

from .base import Actor, ActorBase
from .folding import alias_key, fold, is_abbreviation
from .cues import (
    ACTING_AFTER_RE, ACTING_BEFORE_RE, AFFILIATES_AFTER_RE, AND_RE, ARMED_TYPES, BACKED_PREFIX_RE,
    CLASHES_WITH_BEFORE_RE, COORDINATION_RE, ECONOMIC_WAR_WITH_BEFORE_RE, ENVOY_TO_BEFORE_RE, FIGHTING_AFTER_RE, FOLLOWERS_AFTER_RE, FORCES_HELD_AFTER_RE,
    FOLLOWERS_BEFORE_RE, FORMER_BEFORE_RE, FORMER_OPENING_RE, GOVERNMENT_SPOKESPERSON_RE, INDEFINITE_BEFORE_RE,
    LAST_COORDINATION_RE, LOCATED_BEFORE_RE, MEMBERS_AFTER_RE, MINISTER_AFTER_RE, MEMBERS_OF_BEFORE_RE, MILITARY_AFTER_RE, NAMED_PLACE_AFTER_RE,
    OFFICIALS_AFTER_RE, OFFICIALS_IN_BEFORE_RE, PARTY_AFTER_RE, PARTY_NAME_RE, POLICING_AFTER_RE, PREVIOUS_WORD_RE,
    SHARED_OFFICIALS_RE, SUBNATIONAL_WORDS, TERRITORY_AFTER_RE, THE_GOVERNMENT_RE, TITLES, TOLD_BEFORE_RE, UMBRELLA_AFTER_RE, UN_RE,
    UN_VOICE_AFTER_RE, WING_NAME_RE, WING_RE, FORCES_OF_AFTER_RE, PAIR_FIRST_AFTER_RE, PAIR_SECOND_RE,
)
from .derived import (
    BARE_PARLIAMENT_RE, BARE_POLICE_RE, BARE_SERVICE_RE, THE_REGIONAL_RE, ancestors, UN_BODY_AFTER_RE, body_kind, branch_map, central_bank_phrases,
    country_form_map, generic_forms,
    mandate_map, minister_subject, ministries_by_subject, ministry_phrases, national_body_phrases, national_parliaments, national_services, national_forces, national_governments, national_police,
    person_surnames, possessive_government_phrases, regional_governments,
)
from .mentions import named_only
from .unlinked import ner_mentions, office_mentions


class ActorMatch(NamedTuple):
    """A literal hit: original offsets, the base phrase it matched, and the actors holding it as an alias
    (`candidates`), as a generic phrase (`generic`), or as the name of their country or capital
    (`metonym`: governments, linked only where the country acts: "Rwanda denies", "brokered by Qatar").
    A named tuple: immutable like a frozen dataclass, and several times cheaper to make (dozens a story)."""

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
    the case-insensitive one first: the automaton finds padded key i, whose keys are the list's item i."""
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
    return ahocorasick_rs.AhoCorasick(list(padded)), [tuple(keys) for keys in padded.values()]


# A capitalised word right after a hit continues the name (weekdays and months do not).
_NAME_GOES_ON_RE = re.compile(
    r" (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b)([A-Z][a-z]+)"
)


_PAIR_OF_NAMES_RE = re.compile(r"-[A-Z][\w'’]*(?!['’]?[\w-])(?!\s+[A-Z])")


class ActorMatcher:
    """Finds actor-base aliases in text and links them to actors."""

    def __init__(self, base: ActorBase):
        self.base = base
        cased: dict[str, _Key] = {}
        lower: dict[str, _Key] = {}
        self._surnames = person_surnames(base)
        forms = country_form_map(base, self._surnames)
        self._forces = national_forces(base, forms)
        self._governments = national_governments(base, forms)
        self._country_forms = frozenset(forms)
        self._forms = forms
        self._regional = regional_governments(base, forms, self._governments)
        ministries = ministry_phrases(base, forms, self._governments)
        for derived in (national_body_phrases, possessive_government_phrases, central_bank_phrases):
            for actor_id, phrases in derived(base, forms, self._governments).items():
                ministries.setdefault(actor_id, []).extend(phrases)
        self._derived = {alias_key(p)[0].lower() for phrases in ministries.values() for p, role in phrases if role == "generic"}
        self._mandates = mandate_map(base, forms)
        self._ministries = ministries_by_subject(base, forms, self._governments)
        for actor in base.actors.values():
            phrases = [(a, "candidates") for a in (actor.name, *actor.aliases)] + [(g, "generic") for g in generic_forms(actor, forms, base)]
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
        self._branches = branch_map(base, forms, self._governments)
        self._police = national_police(base, forms, self._governments)
        self._services = national_services(base, forms, self._governments, self._forces)
        self._parliaments = national_parliaments(base, forms, self._governments)
        self._automaton = _automaton(lower, cased)
        national = set(self._governments.values())
        armed_children: dict[str, list[str]] = defaultdict(list)
        for actor in base.actors.values():
            parent = base.actors.get(actor.parent) if actor.parent else None
            # (a group's wing is at home with it: no state force's unit, no international group's branch)
            if actor.type in ARMED_TYPES and parent is not None and parent.id not in national and parent.type != "state_forces" \
                    and parent.country == actor.country and any(WING_NAME_RE.search(n) for n in (actor.name, *actor.aliases)):
                armed_children[actor.parent].append(actor.id)
        self._wings = {group: ids[0] for group, ids in armed_children.items() if len(ids) == 1}
        # a government's own forces: its national forces, else its one state force
        state_children: dict[str, list[str]] = defaultdict(list)
        for actor in base.actors.values():
            if actor.type == "state_forces" and actor.parent in base.actors and base.actors[actor.parent].type == "government":
                state_children[actor.parent].append(actor.id)
        self._own_forces = {g: ids[0] for g, ids in state_children.items() if len(ids) == 1} | self._forces

    def find(self, text: str, generic: bool = True) -> list[ActorMatch]:
        """Every hit in text, leftmost-longest, not overlapping, on word boundaries (generic phrases left out
        with generic=False)."""
        if self._automaton is None:
            return []
        folded = fold(text)
        hits: dict[tuple[int, int], tuple[str, dict[str, tuple[str, ...]]]] = {}
        cased, lower = folded.cased, folded.lower
        automaton, padded_keys = self._automaton
        for index, start, end in automaton.find_matches_as_indexes(_word_chars(lower), overlapping=True):
            keys = padded_keys[index]
            end -= 2  # the hit is " key " from `start` in the padded text: the key from `start` in the text
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
                    # (not across a hyphen ending a name: "US-Iran talks", "the Ethiopia-Eritrea deal" name two parties;
                    # "the Pakistan-Afghanistan Joint Chamber" is one longer name)
                    goes_on = _NAME_GOES_ON_RE.match(cased, end) or False
                    if goes_on and _PAIR_OF_NAMES_RE.match(text, folded.original_span(start, end)[1]):
                        goes_on = False
                if goes_on and goes_on.group(1) not in TITLES:
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
        taken = (-1, -1)
        for (start, end), (alias, holders) in sorted(hits.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
            if start < taken[1]:
                # "the health ministry of Khartoum state": a longer name right after a generic phrase's "the" wins
                if not (start == taken[0] + 4 and end > taken[1] and lower.startswith("the ", taken[0])):
                    continue
                matches.pop()
            taken = (start, end)
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
                if actor_id in self._own_forces and FORCES_OF_AFTER_RE.match(text, match.end):  # ("X, whose forces": both act)
                    offsets[self._own_forces[actor_id]].append((match.start, match.end))
        for actor_id, span in self._mandated_bodies(umbrellas, text, context):
            offsets[actor_id].append(span)
        for actor_id, span in self._backers_inside(matches, context):
            offsets[actor_id].append(span)
        for match, actor_id in self._acting_countries([m for m in matches if m.metonym and not m.candidates], text, context,
                                                      {m.start: m for m in matches if m.candidates}):
            offsets[actor_id].append((match.start, match.end))
        # (a generic phrase of another country's government, "interim authorities" in a Haiti story, claims nothing)
        taken = [span for spans in offsets.values() for span in spans] + [(m.start, m.end) for m in matches if m.candidates or m.metonym]
        persons = {m.start for m in matches if m.candidates and all(actors[c].type == "person" for c in m.candidates)}
        for actor_id, span in self._the_government(text, context, taken, persons, list(offsets)):
            offsets[actor_id].append(span)
        # (an unresolved generic "police" of another country's police does not claim its span)
        claimed = [span for spans in offsets.values() for span in spans] + [(m.start, m.end) for m in matches if m.candidates or m.metonym]
        for actor_id, span in self._bare_police(text, context, claimed):
            offsets[actor_id].append(span)
        for actor_id, span in self._bare_services(text, context, claimed):
            offsets[actor_id].append(span)
        for actor_id, span in self._bare_parliament(text, context, claimed):
            offsets[actor_id].append(span)
        for actor_id, span in self._the_regional_government(text, context, matches, offsets):
            offsets[actor_id].append(span)
        wings = list(self._wing_of_group(text, offsets))
        for actor_id, span in wings:
            offsets[actor_id].append(span)
        for actor_id in self._described_only(offsets, matches, text, {span for _, span in wings}):
            del offsets[actor_id]
        covered = [(m.start, m.end) for m in matches + passing]
        covered += self._surname_mentions(text, offsets, covered)
        covered += _defined_abbreviations(text, offsets, covered)
        for actor_id in named_only(offsets, text, self.base):  # named, but doing nothing in the story (§1)
            del offsets[actor_id]

        mentions = [
            ActorMention(name=actors[i].name, id=i, type=actors[i].type, country=actors[i].country,
                         parent=actors[i].parent, linked=True, mentions=len(spans), offsets=sorted(spans))
            for i, spans in offsets.items()
        ]
        mentions += _unresolved_mentions(unresolved, actors)
        offices = office_mentions(text, list(skip_spans), [(m.start, m.end) for m in matches if m.candidates or m.generic])
        mentions += offices
        covered += [span for office in offices for span in office.offsets]
        mentions += ner_mentions(entities, covered, list(skip_spans), [actors[i].name for i in offsets if actors[i].type == "person"],
                                  self._country_forms, text)
        mentions.sort(key=lambda m: m.offsets[0] if m.offsets else (len(text), 0))
        return mentions

    def _as_meant(self, actor_id: str, match: ActorMatch, text: str, context: _Context, named: set[str]) -> str:
        """The actor a resolved hit stands for in its story and sentence: an international armed group's only
        branch in the country the story is about ("al-Qaeda" in a Yemen story is AQAP) unless that branch is
        `named` in the story itself; a government's national forces where it fights ("the junta shelled",
        "the regime's jets")."""
        actors = self.base.actors
        if actor_id in self._branches and not AFFILIATES_AFTER_RE.match(text, match.end):
            country = _dominant(context)
            local = [b for b in self._branches[actor_id] if actors[b].country == country]
            if len(local) == 1 and local[0] not in named:  # "AQAP, al-Qaeda's Yemen branch": the parent itself
                return local[0]
        if actor_id in self._forces and actors[actor_id].type == "government":
            after = text[match.end:match.end + 80]
            if MILITARY_AFTER_RE.match(after) or FIGHTING_AFTER_RE.match(after):
                return self._forces[actor_id]
        if actor_id in self._own_forces and (owned := FORCES_OF_AFTER_RE.match(text, match.end)) and owned.group(0)[0] in "'’":
            return self._own_forces[actor_id]  # "the Palestinian Authority's security forces": the owner only qualifies
        return actor_id

    def _wing_of_group(self, text: str, offsets: Mapping[str, list[tuple[int, int]]]):
        """(wing id, span) for a group's armed branch named through the group ("the group's military", "its armed
        wing"): the one armed child in the base of the non-state group named last before it in the sentence or the one before."""
        if not self._wings:
            return
        named = sorted((s, e, i) for i, spans in offsets.items() for s, e in spans)
        for m in WING_RE.finditer(text):
            before = [(s, e, i) for s, e, i in named if e <= m.start() and text.count(".", e, m.start()) <= 1
                      and self.base.actors[i].type not in ("person", "media_agency")]
            if before and (wing := self._wings.get(before[-1][2])) and not any(s < m.end() and m.start() < e for s, e, _ in named):
                yield wing, m.span()

    def _described_only(self, offsets: Mapping[str, list[tuple[int, int]]], matches: Sequence[ActorMatch], text: str,
                        wings: set[tuple[int, int]]) -> list[str]:
        """Non-state armed groups met only as a description ("a FARC dissident group", "the dissidents") of one of
        their own units named in the story (the Estado Mayor Central): one actor, the unit. (A wing named through its
        group, at one of `wings`, is named.)"""
        named = {(m.start, m.end) for m in matches if m.candidates and not INDEFINITE_BEFORE_RE.search(text, max(0, m.start - 4), m.start)}
        named |= wings
        result = []
        for actor_id, spans in offsets.items():
            actor = self.base.actors[actor_id]
            if actor.type not in ARMED_TYPES or actor.type == "state_forces" or any(span in named for span in spans):
                continue
            if any(actor_id in ancestors(self.base, other) for other in offsets if other != actor_id):
                result.append(actor_id)
        return result

    def _group_named_through(self, actor_id: str, match: ActorMatch, text: str) -> str | None:
        """The armed group a person leads when the text names it through them ("the faction of Hafiz Gul
        Bahadur", "fighters loyal to X", "Hemedti's fighters"): the person's parent in the base."""
        actor = self.base.actors[actor_id]
        if actor.type != "person" or actor.parent is None:
            return None
        parent = self.base.actors[actor.parent]
        if parent.type == "government" and PARTY_NAME_RE.search(parent.name) and PARTY_AFTER_RE.match(text, match.end):
            return actor.parent
        if parent.type not in ARMED_TYPES:
            return None
        if FOLLOWERS_AFTER_RE.match(text, match.end) or FOLLOWERS_BEFORE_RE.search(text[max(0, match.start - 80):match.start]):
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
            if not UN_RE.fullmatch(match.text):  # "an earlier African Union force" is no UN mission
                continue
            described = UN_BODY_AFTER_RE.match(text, match.end)
            if described is None:
                continue
            kind = body_kind(described.group("kind"))
            bodies = self._mandates.get((country, kind), [])
            if len(bodies) == 1:
                yield bodies[0], (match.start, described.end())

    def _not_the_actor(self, match: ActorMatch, text: str) -> bool:
        """A hit that names something other than its actor: an abbreviation inside a hyphenated word
        ("PORT-AU-PRINCE", "non-UN"), a person's name on a building ("Erdogan hospital"), a group named only
        as the past of its members ("former FARC rebels", "dissidents of the former FARC")."""
        holders = match.candidates or match.generic
        if not holders:
            return False
        if is_abbreviation(match.text.split()[0]) and match.start >= 2 and text[match.start - 1] == "-" and text[match.start - 2].isalpha():
            return True
        if all(self.base[c].type == "person" for c in holders) and NAMED_PLACE_AFTER_RE.match(text, match.end):
            return True
        if not (FORMER_BEFORE_RE.search(text, max(0, match.start - 12), match.start) or FORMER_OPENING_RE.match(match.text)):
            return False
        return bool(MEMBERS_AFTER_RE.match(text, match.end) or MEMBERS_OF_BEFORE_RE.search(text, max(0, match.start - 40), match.start))

    def _outlet_only(self, match: ActorMatch, text: str) -> bool:
        """An outlet named only as where someone spoke ("told the state news agency SONNA"): not an actor."""
        holders = match.candidates or match.generic
        return bool(holders) and all(self.base[c].type == "media_agency" for c in holders) \
            and bool(TOLD_BEFORE_RE.search(text, max(0, match.start - 60), match.start))

    def _umbrella(self, match: ActorMatch, text: str) -> bool:
        """An international organisation named only as the umbrella of one of its bodies or things ("UN
        refugee agency", "the UN's humanitarian office", "UN-brokered truce", "UN sanctions") is not itself acting."""
        if not match.candidates or any(self.base[c].type != "international_org" for c in match.candidates):
            return False
        return bool(UMBRELLA_AFTER_RE.match(text, match.end) or ENVOY_TO_BEFORE_RE.search(text, max(0, match.start - 40), match.start)
                    or (UN_RE.fullmatch(match.text) and UN_VOICE_AFTER_RE.match(text, match.end)))

    def _backers_inside(self, matches: Sequence[ActorMatch], context: _Context):
        """(government id, span) for a country that backs a group named with it ("Iran-backed militias",
        "the Turkish-backed Syrian National Army"): the base phrase holds the country form, which acts."""
        for match in matches:
            backed = BACKED_PREFIX_RE.match(match.text)
            if backed and (governments := self._forms.get(backed.group("form"))):
                government = _pick(governments, context, self.base.actors)
                if government is not None:
                    yield government, (match.start, match.start + backed.end("form"))

    def _acting_countries(self, matches: Sequence[ActorMatch], text: str, context: _Context,
                          named_at: Mapping[int, ActorMatch] = {}):
        """(match, actor id) for country/capital names used as actors: a government when the country acts
        ("Rwanda denies", "Riyadh and Abu Dhabi keep talking", "brokered by Qatar and Turkey", "Israeli
        officials", "Iran-backed"), its national forces before military nouns ("Turkish drone strikes")."""
        chains: list[list[ActorMatch]] = []
        for match in matches:  # "Qatar and Turkey", "Riyadh and Abu Dhabi": a chain shares its role
            if chains and COORDINATION_RE.fullmatch(text, chains[-1][-1].end, match.start):
                chains[-1].append(match)
            else:
                chains.append([match])
        # a list ends in "and"/"or": "According to Kyiv, Russia launched" is two clauses, not a list
        chains = [part for chain in chains for part in
                  ([chain] if len(chain) == 1 or LAST_COORDINATION_RE.match(text, chain[-2].end) else [[m] for m in chain])]
        for chain in chains:
            after = text[chain[-1].end:chain[-1].end + 80]
            before = text[max(0, chain[0].start - 80):chain[0].start]
            if ECONOMIC_WAR_WITH_BEFORE_RE.search(before):
                continue
            military = MILITARY_AFTER_RE.match(after) or FIGHTING_AFTER_RE.match(after) or CLASHES_WITH_BEFORE_RE.search(before) \
                or TERRITORY_AFTER_RE.match(after)
            # "Ugandan and Burundian soldiers": the chain shares the noun of a base name coordinated after it
            joined = AND_RE.match(text, chain[-1].end)
            shared = named_at.get(joined.end()) if joined else None
            shared_types = {self.base.actors[c].type for c in shared.candidates} if shared else set()
            military = military or shared_types == {"state_forces"}
            stationed = not military and FORCES_HELD_AFTER_RE.match(after)
            minister = MINISTER_AFTER_RE.match(after)
            # "Economists in Bamako said": the place is where the speakers are, not who speaks
            acting = not military and ((ACTING_AFTER_RE.match(after) and not LOCATED_BEFORE_RE.search(before))
                                           or ACTING_BEFORE_RE.search(before) or OFFICIALS_IN_BEFORE_RE.search(before)
                                           or PAIR_FIRST_AFTER_RE.match(after)
                                           or (PAIR_SECOND_RE[0].search(before) and PAIR_SECOND_RE[1].match(after)))
            for match in chain:
                government = _pick(match.metonym, context, self.base.actors)
                if government is None:
                    continue
                if military and government in self._forces:
                    yield match, self._forces[government]
                    continue
                # "Turkish and Syrian defence ministers signed": each country's ministry acts through its minister
                ministry = self._ministries.get(government, {}).get(minister_subject(minister.group("x"))) if minister else None
                if ministry is not None:
                    yield match, ministry
                    continue
                if stationed and government in self._forces:  # "Russia keeps forces at the base": its forces
                    yield match, self._forces[government]
                # "Estonian and Finnish authorities": a plural noun serves every name of the chain
                if acting or ((len(chain) == 1 or SHARED_OFFICIALS_RE.match(after)) and OFFICIALS_AFTER_RE.match(after)) \
                        or (shared_types == {"government"} and SHARED_OFFICIALS_RE.search(shared.text)):
                    yield match, government

    def _the_government(self, text: str, context: _Context, taken: list[tuple[int, int]], persons: set[int],
                        acting: Iterable[str]):
        """(government id, span) for each bare "the government" ("the federal government", "the army-backed
        government", "the government of <a person at one of `persons`>") that acts, when one country dominates the
        story (twice the weight of any other): its government; or, where the `acting` actors hold none of the national
        government but one other government of the country with a place of its own (Somaliland's, Puntland's),
        through itself or a body or person under it, that one: the story is about it."""
        country = _dominant(context)
        if country is None:
            return
        government = self._governments.get(country)
        if government is None:
            return
        holders = {g for ids in self._forms.values() for g in ids}
        named = {g for i in acting for g in (i, *ancestors(self.base, i))}
        local = {g for g in named if g in holders and g != government and self.base.actors[g].type == "government"
                 and self.base.actors[g].country == country}
        if government not in named and len(local) == 1:
            government = local.pop()
        for m in THE_GOVERNMENT_RE.finditer(text):
            start, end = m.span("head")
            if any(s < end and start < e for s, e in taken) or (m.group("leader") and m.start("leader") not in persons):
                continue
            # as for country names, only where it acts ("the government said", "urged the government")
            if ACTING_AFTER_RE.match(text, m.end()) or ACTING_BEFORE_RE.search(text[max(0, start - 80):start]):
                yield government, (start, end)
        for m in GOVERNMENT_SPOKESPERSON_RE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            # not "Tigray government spokesman", "a regional government spokeswoman"
            before = PREVIOUS_WORD_RE.search(text, max(0, m.start() - 40), m.start())
            word = before.group(1) if before else ""
            if not word or word[-1] in ".!?:;,\"“" or (word.islower() and word not in SUBNATIONAL_WORDS):
                yield government, m.span()

    def _bare_police(self, text: str, context: _Context, taken: list[tuple[int, int]]):
        """(police id, span) for a bare "police" that acts ("Police fired tear gas", "police said") when one country
        dominates the story: its national police. Not "Motorway Police" or "Kurdish police" (a name before it)."""
        country = _dominant(context)
        police = self._police.get(country)
        if police is None or "olice" not in text:
            return
        for m in BARE_POLICE_RE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken) or _after_other_name(text, m.start()):
                continue
            if _acts_as_force(text, m.end()):
                yield police, m.span()

    def _bare_services(self, text: str, context: _Context, taken: list[tuple[int, int]]):
        """(force id, span) for "the army", "the military", "the armed forces" that act ("the army said", "the
        military shelled") when one country dominates the story and its base holds no such phrase: its forces."""
        services = self._services.get(_dominant(context))
        if not services:
            return
        for m in BARE_SERVICE_RE.finditer(text):
            force = services.get(" ".join(m.group("word").lower().split()))
            if force is None or any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if _acts_as_force(text, m.end()):
                yield force, m.span()

    def _bare_parliament(self, text: str, context: _Context, taken: list[tuple[int, int]]):
        """(legislature id, span) for a bare "parliament" that acts ("the previous parliament debated a law", "urged
        parliament") when one country dominates the story: its national legislature, as "the government" is its
        government. Not "the regional parliament", "Kurdistan parliament" or "members of parliament"."""
        parliament = self._parliaments.get(_dominant(context))
        if parliament is None or "arliament" not in text:
            return
        for m in BARE_PARLIAMENT_RE.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken) or _after_other_name(text, m.start()):
                continue
            before = PREVIOUS_WORD_RE.search(text, max(0, m.start() - 40), m.start())
            if before and before.group(1).lower() in SUBNATIONAL_WORDS:
                continue
            if ACTING_AFTER_RE.match(text, m.end()) or ACTING_BEFORE_RE.search(text[max(0, m.start() - 80):m.start()]):
                yield parliament, m.span()

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
        for m in THE_REGIONAL_RE.finditer(text):
            before = [g for start, g in named if start < m.start()]
            if not before:
                continue
            if ACTING_AFTER_RE.match(text, m.end()) or ACTING_BEFORE_RE.search(text[max(0, m.start() - 80):m.start()]):
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


_DEFINED_ABBREVIATION_RE = re.compile(r"\s*\((?P<abbr>[A-Z][A-Za-z]*[A-Z][A-Za-z]*)\)")


def _defined_abbreviations(text: str, offsets: dict[str, list[tuple[int, int]]], covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Add the later uses of an abbreviation the text defines in brackets right after an actor's name ("the Human
    Rights Commission of Pakistan (HRCP) ... HRCP said") to that actor, where the base lacks it; an abbreviation
    defined for two actors is left alone."""
    defined: dict[str, set[str]] = defaultdict(set)
    for actor_id, spans in offsets.items():
        for start, end in spans:
            m = _DEFINED_ABBREVIATION_RE.match(text, end)
            # the abbreviation of the whole name: its letters are initials of the name ("Pakistan (HRCP)" ends a longer one)
            initials = {w[0].upper() for w in re.findall(r"[\w'’]+", text[start:end])}
            if m and len(initials) > 1 and set(m.group("abbr").upper()) <= initials:
                defined[m.group("abbr")].add(actor_id)
    added: list[tuple[int, int]] = []
    for abbreviation, owners in defined.items():
        if len(owners) > 1:
            continue
        actor_id = owners.pop()
        for m in re.finditer(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w-])", text):
            if not any(s < m.end() and m.start() < e for s, e in covered + added + offsets[actor_id]):
                offsets[actor_id].append(m.span())
                added.append(m.span())
    return added


def _qualifies_named(match: ActorMatch, text: str, named_at: set[int]) -> bool:
    """A group named only to qualify another one the base names right after it: "al-Qaeda-linked JNIM"."""
    affiliated = AFFILIATES_AFTER_RE.match(text, match.end)
    if affiliated is None:
        return False
    following = _SPACES_AFTER_RE.match(text, affiliated.end())
    return following.end() in named_at


_SPACES_AFTER_RE = re.compile(r"\s*")


def _acts_as_force(text: str, end: int) -> bool:
    """Whether a bare force word ending at `end` acts: as states do, fights, or polices."""
    return bool(ACTING_AFTER_RE.match(text, end) or FIGHTING_AFTER_RE.match(text, end) or POLICING_AFTER_RE.match(text, end))


def _after_other_name(text: str, start: int) -> bool:
    """Whether a capitalised word other than a title sits right before start ("Mansour| Abbas", "Lake| Assad")."""
    before = PREVIOUS_WORD_RE.search(text, max(0, start - 40), start)
    if not before or not before.group(1)[:1].isupper() or before.group(1).strip(".") in TITLES:
        return False
    return not before.group(1).endswith(".")  # "Omdurman. Burhan said": a sentence ends there


def _dominant(context: _Context) -> str | None:
    """The country the story is about: the one with twice the weight of any other in the story's countries."""
    ranked = sorted(context.story.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


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


@lru_cache(maxsize=1)
def default_matcher() -> ActorMatcher:
    """The matcher over the repository's actor base, built once per process."""
    return ActorMatcher(ActorBase.load())


def _share_article_forms(lower: dict[str, _Key]) -> None:
    """A generic phrase with and without "the" ("the federal police", "Federal Police") names the same thing:
    both keys hold the generic holders of both, so one actor's longer "the ..." key never hides another's."""
    for key, entry in lower.items():
        bare = lower.get(key[4:]) if key.startswith("the ") and " " in key[4:] else None  # ("police" is too loose)
        if bare is None:
            continue
        for ids, other in ((entry.holders["generic"], bare.holders["generic"]), (bare.holders["generic"], entry.holders["generic"])):
            ids.extend(i for i in list(other) if i not in ids)
