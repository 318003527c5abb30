"""Actors outside the base: NER persons and organisations no base hit covers, grouped by name and typed
from keywords in their names; officials named only by office and place ("the governor of Kassala")."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import accumulate
from typing import Sequence

from indexer.article import ActorMention
from workers.enrich.ner import Entity

from .folding import fold

# Ordered: the first rule whose word appears in an organisation's name gives its type.
_ORG_TYPE_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # chambers, trade and professional associations and labour unions before "union" of international bodies
    ("monitor_ngo", ("chamber", "chambers", "association", "associations", "syndicate", "trade union", "labour", "labor")),
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


# Names the NER model tags as organisations that name no party: physical features and works ("Tishreen Dam",
# "Oskil River", "Indus Waters Treaty", "Blue Line"), storms ("Cyclone Mocha") and weapon models ("Iskander-M",
# "Bayraktar TB2", "Shahed-136"; a bare code such as "M23" or "G7" may well be a party).
_FEATURE_LAST_WORDS = frozenset(
    "river rivers dam lake mountains mountain hills valley plain plains bridge canal airport airbase highway road "
    "crossing corridor treaty accord accords agreement line framework bulletin".split())
_STORM_FIRST_WORDS = frozenset("cyclone hurricane typhoon storm".split())
_MODEL_RE = re.compile(r"^[A-Z][a-z]+\s+[A-Z]{1,4}-?\d+[A-Z]?$|^[A-Z][A-Za-z]+-(?:[A-Z]|\d+[A-Z]?)$")


def names_no_party(name: str) -> bool:
    """Whether a name the NER model found (an organisation or a person) is a feature, a storm or a weapon model."""
    words = name.lower().split()
    return words[-1] in _FEATURE_LAST_WORDS or words[0] in _STORM_FIRST_WORDS or bool(_MODEL_RE.match(name))


# An institution's name the model cut at "and" ("United Nations Office on Drugs" [and Crime], "Ministry of
# Refugees" [and Repatriation]): title-case words after the "and" complete it.
_AND_TAIL_RE = re.compile(r" and [A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){0,2}(?=[\s,.;:)'’]|$)")
_INSTITUTION_NAME_RE = re.compile(r"\b(?:of|on|for)\b")
# "Name (ABBR)", "Name, known as ABBR," "Name, known by its French acronym ABBR": later mentions of the abbreviation
# are the same organisation.
_ABBREVIATION_AFTER_RE = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)|,\s+known\s+(?:as|by\s+(?:its|the)\s+(?:[\w-]+\s+)?"
                                    r"(?:acronym|abbreviation|initials))\s+([A-Z][A-Za-z]{1,9})\b")


# A professional or trade body named for its members "in" a country ("Association of Banks in Lebanon", "Order of
# Physicians in Jordan"): the country closes its name.
_MEMBERS_BODY_RE = re.compile(r"(?:[Tt]he\s+)?(?:Association|Federation|Union|Syndicate|Order|Chamber|League)\s+of\s+")
_IN_COUNTRY_RE = re.compile(r" in ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)(?=[\s,.;:)]|$)")


def _full_extent(ent: Entity, text: str, starts: frozenset[int], country_forms: frozenset[str] = frozenset()) -> Entity:
    """The entity, extended over an "and ..." tail of its institution name that no other entity claims, or over the
    country a members' body is named for."""
    if ent.label != "ORG" or not _INSTITUTION_NAME_RE.search(ent.text) or text[ent.end - len(ent.text):ent.end] != ent.text:
        return ent
    country = _IN_COUNTRY_RE.match(text, ent.end)
    if country is not None and country.group(1) in country_forms and _MEMBERS_BODY_RE.match(ent.text):
        return Entity(ent.label, text[ent.start:country.end()], ent.start, country.end())
    tail = _AND_TAIL_RE.match(text, ent.end)
    if tail is None or any(ent.end < start < tail.end() for start in starts):
        return ent
    return Entity(ent.label, text[ent.start:tail.end()], ent.start, tail.end())


def _join_abbreviations(groups: dict[str, dict], text: str) -> None:
    """Mentions of an organisation's abbreviation, defined after its name in the text, join the name."""
    for group in [g for g in groups.values() if g["label"] == "ORG"]:
        first_end = min(group["offsets"])[1]
        defined = _ABBREVIATION_AFTER_RE.match(text, first_end)
        abbreviation = fold(defined.group(1) or defined.group(2)).lower if defined else None
        if abbreviation in groups and groups[abbreviation] is not group:
            group["offsets"] += groups.pop(abbreviation)["offsets"]


_NAME_WORD_RE = re.compile(r"\b[A-Z][\w'’-]*")


def _place_inside_name(ent: Entity, covered: list[tuple[int, int]], places: frozenset[tuple[int, int]]) -> bool:
    """Whether the only known names an organisation overlaps are places (or country names) inside its own name, which
    has two name words besides ("Human Rights Commission of Pakistan", "Kenya Farmers Union"): the place does not
    make it a base actor."""
    inside = [(s, e) for s, e in covered if e > ent.start]
    if not inside or not all(span in places and ent.start <= span[0] and span[1] <= ent.end for span in inside):
        return False
    words = [m for m in _NAME_WORD_RE.finditer(ent.text) if not any(s <= ent.start + m.start() < e for s, e in inside)]
    return len(words) >= 2


# an owner before an organisation's own name: "Addis Ababa University's Institute of Geophysics" names the institute
# (not a name's own possessive: "People's Defence Force", "Women's Union")
_OWNER_RE = re.compile(r"(?:[Tt]he\s+)?(?!(?:People|Women|Children|Men|Youth|Martyrs|Workers|Mothers|Citizens|Veterans|"
                       r"Students|Nation)['’])[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*['’]s\s+"
                       r"(?=[A-Z][\w'’-]*\s+(?:[A-Z]|(?:of|for|on)\b))")


# an organisation only qualifying something else: "UN-brokered talks", "the UN's Office for ..." (a named body it owns)
_MODIFIER_AFTER_RE = re.compile(r"-[a-z]|['’]s\s+[A-Z][\w'’-]*\s+(?:[A-Z]|(?:of|for|on|and)\b)")


def _without_owner(ent: Entity) -> Entity:
    """An organisation without the owner its name opens with, when a name of two words or more follows."""
    owner = _OWNER_RE.match(ent.text) if ent.label == "ORG" else None
    if owner is None:
        return ent
    return Entity(ent.label, ent.text[owner.end():], ent.start + owner.end(), ent.end)


def _clean_entity(text: str) -> str:
    text = " ".join(text.split())
    text = _LEADING_RE.sub("", text)
    return _TRAILING_RE.sub("", text).strip(" ,.;:")


def ner_mentions(entities: Sequence[Entity], covered: list[tuple[int, int]], places: list[tuple[int, int]],
                 linked_persons: list[str], country_forms: frozenset[str], text: str = "") -> list[ActorMention]:
    """NER persons and organisations that no base hit overlaps and that are not just a place, grouped by name;
    a lone surname joins the full name it belongs to (a linked person's surname is dropped, it was counted),
    an abbreviation defined in the text joins its organisation."""
    linked_surnames = {fold(n).lower.split()[-1] for n in linked_persons}
    groups: dict[str, dict] = {}
    # overlap with a covered span by bisection: the spans starting before the entity ends, the furthest end among them
    covered = sorted(covered)
    starts = [s for s, _ in covered]
    furthest = list(accumulate((e for _, e in covered), max))
    entity_starts = frozenset(e.start for e in entities)
    place_spans = frozenset(places) | {span for span in covered if text[span[0]:span[1]] in country_forms}
    for ent in entities:
        if ent.label not in ("PERSON", "ORG"):
            continue
        ent = _without_owner(_full_extent(ent, text, entity_starts, country_forms))
        before = bisect_left(starts, ent.end)
        if (before and furthest[before - 1] > ent.start and not _place_inside_name(ent, covered[:before], place_spans)) \
                or any(s <= ent.start and ent.end <= e for s, e in places):
            continue
        if ent.label == "ORG" and _MODIFIER_AFTER_RE.match(text, ent.end):
            continue
        name = _clean_entity(ent.text)
        if len(name) < 2 or not any(c.isupper() for c in name) or names_no_party(name):
            continue
        key = fold(name).lower
        if ent.label == "PERSON" and " " not in key and key in linked_surnames:
            continue
        group = groups.setdefault(key, {"label": ent.label, "names": Counter(), "offsets": []})
        group["names"][name] += 1
        group["offsets"].append((ent.start, ent.end))
    _join_abbreviations(groups, text)
    # a PERSON that is the last word or words of one fuller PERSON name of the story joins it ("Ag Mossa")
    persons = [k for k, g in groups.items() if g["label"] == "PERSON"]
    for key in sorted(persons, key=lambda k: -len(k.split())):  # longest first: "ag mossa" joins before "mossa"
        owners = [groups[k] for k in persons if k in groups and k != key and k.endswith(" " + key)]
        if len(owners) == 1:
            owners[0]["offsets"] += groups.pop(key)["offsets"]
    mentions = []
    for group in groups.values():
        name = max(group["names"].items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        kind = "person" if group["label"] == "PERSON" else guess_org_type(name, country_forms)
        mentions.append(ActorMention(name=name, type=kind, linked=False, mentions=len(group["offsets"]),
                                     offsets=sorted(group["offsets"])))
    return mentions


# Officials named by their office and place, not by name (guideline section 3): "the governor of Marib", "Kassala's
# governor", "the Dhi Qar governor" are the actor "Governor of Marib"; a later bare "the governor" is the same office when
# the story has one. Not where a person's name goes with the office ("the governor of X, William Y,", "Governor Zulum").
_OFFICES = r"[Gg]overnor|[Mm]ayor"
_PLACE_NAME = r"[A-Z][\w'’-]*(?:\s+(?:(?:de|del|la|du)\s+)?(?:al-|el-)?[A-Z][\w'’-]*){0,3}"
_OFFICE_OF_RE = re.compile(rf"\b[Tt]he\s+(?P<office>{_OFFICES})\s+of\s+(?:the\s+)?(?P<place>{_PLACE_NAME})")
_PLACE_OFFICE_RE = re.compile(rf"\b(?<!\bof\s)(?:[Tt]he\s+)?(?P<place>{_PLACE_NAME})(?:['’]s)?\s+(?:(?i:state|provincial|regional|city)\s+)?"
                              rf"(?P<office>{_OFFICES})\b")
_BARE_OFFICE_RE = re.compile(rf"\b[Tt]he\s+(?P<office>{_OFFICES})\b(?!\s+of\b)")
_POSSESSIVE_END_RE = re.compile(r"['’]s$")
_NAME_WITH_OFFICE_RE = re.compile(r",?\s+(?:[A-Z][a-z]*\.?\s+)?[A-Z][\w'’.-]+\s+[A-Z]|\s+[A-Z][\w'’-]+\b")
# a person holding an office of that kind somewhere in the story: "Ihor Terekhov, the city's mayor", "Governor Zulum"
_HOLDER_RE = re.compile(rf"[A-Z][\w'’.-]+,\s+(?:the|its|their|[A-Z][\w'’-]*['’]s)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<office>{_OFFICES})\b|"
                        r"\b(?P<title>Governor|Mayor)\s+[A-Z][\w'’-]+")


def office_mentions(text: str, places: Sequence[tuple[int, int]], covered: Sequence[tuple[int, int]]) -> list[ActorMention]:
    """Unlinked government actors for offices named with their place (a place the regions found) and no person."""
    def in_place(start: int) -> bool:
        return any(s <= start < e for s, e in places)

    offices: dict[str, list[tuple[int, int]]] = {}
    # offices, and offices of a place, that a person's name goes with somewhere in the story
    named_holder = {(m.group("office") or m.group("title")).title() for m in _HOLDER_RE.finditer(text)}
    found = [(m, m.start()) for m in _OFFICE_OF_RE.finditer(text)] + [(m, m.start("place")) for m in _PLACE_OFFICE_RE.finditer(text)]
    for m, start in sorted(found, key=lambda f: f[1]):
        office = m.group("office").title()
        name = f"{office} of {_POSSESSIVE_END_RE.sub('', m.group('place'))}"
        if _NAME_WITH_OFFICE_RE.match(text, m.end()):
            named_holder |= {office, name}
        elif in_place(m.start("place")) and not any(s < m.end() and start < e for s, e in covered):
            offices.setdefault(name, []).append((start, m.end()))
    for name in [n for n in offices if n in named_holder or n.split()[0] in named_holder]:
        del offices[name]
    for office in {name.split()[0] for name in offices}:
        holders = [name for name in offices if name.startswith(office + " ")]
        if len(holders) != 1 or office in named_holder:
            continue
        first = offices[holders[0]][0][0]
        taken = [span for spans in offices.values() for span in spans]
        offices[holders[0]] += [m.span() for m in _BARE_OFFICE_RE.finditer(text) if m.start() > first
                                and not any(s <= m.start() < e for s, e in taken)]
    return [ActorMention(name=name, type="government", linked=False, mentions=len(spans), offsets=sorted(spans))
            for name, spans in offices.items()]
