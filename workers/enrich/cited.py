"""Cited sources: who an article attributes its claims to ("according to SOHR", "SANA reported", "a spokesperson
for the RSF told ...", "data from ACLED show"), named canonically when the actor is linked to the base."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from indexer.article import ActorMention
from workers.enrich.actors import fold
from workers.enrich.ner import Entity

_VERBS = (
    r"said|says|say|told|tells|reported|reports|stated|states|claimed|claims|announced|announces|wrote|writes|"
    r"posted|confirmed|confirms|added|adds|estimated|estimates|documented|documents|recorded|records|counted|"
    r"warned|warns|noted|notes|tweeted|alleged|alleges|denied|denies|insisted|explained|acknowledged|accused|"
    r"put the (?:toll|figure|number) at|puts the (?:toll|figure|number) at"
)
# subject ... verb: the subject's last character sits right before these fillers
_FILLERS = (
    r"(?:\s+(?:also|later|earlier|previously|separately|again|has|have|had|would|will|on\s+(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)|late\s+(?:on\s+)?\w+|early\s+(?:on\s+)?\w+|in\s+a\s+(?:statement|report|"
    r"briefing|post|video|message)|in\s+(?:its|their|his|her)\s+(?:\w+\s+)?(?:report|statement|update|briefing)))*"
)
_SUBJECT_VERB_RE = re.compile(rf"(?P<tail>{_FILLERS})\s+(?:{_VERBS})\b")
# verb ... subject after a quotation or a comma: '," said Ahmed Ali' / ', said the governor'
_INVERTED_RE = re.compile(r"[,”\"]\s*(?:said|says|added|wrote|noted|explained|told\s+reporters|according\s+to)\s+(?=\S)")
_ACCORDING_RE = re.compile(r"\baccording\s+to\s+(?=\S)", re.IGNORECASE)
_OF_SOURCE_RE = re.compile(
    r"\b(?:spokesperson|spokesman|spokeswoman|spokespeople|statement|report|reports|data|figures|tally|count|"
    r"estimates?|officials?|assessment|survey|analysis|monitoring|update)\s+(?:issued\s+|released\s+|published\s+|"
    r"compiled\s+)?(?:by|from|for|of)\s+(?=\S)",
    re.IGNORECASE,
)
_CITING_RE = re.compile(r"\b(?:citing|quoting|quoted\s+by|cited\s+by)\s+(?=\S)", re.IGNORECASE)
_SOURCE_NOUN_RE = re.compile(r"\s*(?:['’]s\s+)?(?:data|figures|tally|count|report|statement|estimates?|monitors?)\s+"
                             r"(?:show|shows|showed|suggest|suggests|indicate|indicated|put|puts|said|says)\b")
_ARTICLE_RE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
# titles before a name that NER leaves outside the person ("according to Dr Amina Yusuf")
_TITLES_RE = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Maj|Capt|Sheikh|General|Colonel|Major|Captain|Governor|"
                        r"Minister|President|Commander|Mayor|Judge|Imam|Bishop|Father)\.?\s+)+")
_ROLE_RE = re.compile(
    r"\bthe\s+(?:(?:regional|provincial|state|local|deputy|acting|military|army|police|health|foreign|defence|defense|"
    r"interior|prime|UN|U\.N\.)\s+)*(governor|minister|spokesman|spokeswoman|spokesperson|mayor|president|commander|"
    r"envoy|general|chief|director|coordinator|official)\s+(?:" + _VERBS + r")\b"
)
_SENTENCE_START_RE = re.compile(r"(?:[.!?:;\"“”]|\n)\s*$")
_CAPITALISED_RE = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|the|and|al|el|bin|de)\s+)*[A-Z][\w'’.&-]*)*")


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    name: str
    person: bool


def _names(text: str, actors: Sequence[ActorMention], entities: Sequence[Entity]) -> list[_Name]:
    """Every span that can be a source: actor mentions (by their output name), then NER persons and
    organisations, then bare capitalised sequences; earlier kinds win where spans overlap."""
    spans: list[_Name] = []

    def free(start: int, end: int) -> bool:
        return not any(s.start < end and start < s.end for s in spans)

    for actor in actors:
        for start, end in actor.offsets:
            spans.append(_Name(start, end, actor.name, actor.type == "person"))
    for ent in entities:
        if ent.label in ("ORG", "PERSON") and free(ent.start, ent.end):
            lead = _ARTICLE_RE.match(ent.text)
            start = ent.start + (lead.end() if lead else 0)
            name = re.sub(r"['’]s$", "", text[start:ent.end]).strip()
            if name:
                spans.append(_Name(start, start + len(name), name, ent.label == "PERSON"))
    for m in _CAPITALISED_RE.finditer(text):
        # a lone capitalised word opening a sentence ("Residents said") is not a name; an acronym is
        opener = m.start() == 0 or bool(_SENTENCE_START_RE.search(text, 0, m.start()))
        if opener and " " not in m.group() and not m.group().isupper():
            continue
        if free(*m.span()):
            spans.append(_Name(m.start(), m.end(), re.sub(r"['’]s$", "", m.group()), False))
    spans.sort(key=lambda s: s.start)
    return spans


def _starting_at(names: list[_Name], text: str, pos: int) -> _Name | None:
    for prefix in (_ARTICLE_RE, _TITLES_RE):
        lead = prefix.match(text, pos)
        if lead:
            pos = lead.end()
    return next((n for n in names if n.start == pos), None)


def _ending_at(names: list[_Name], text: str, pos: int) -> _Name | None:
    """The name ending at pos, or before a comma-delimited apposition ending there ("SANA, the state agency,")."""
    hit = next((n for n in names if n.end == pos), None)
    if hit is not None or pos == 0 or text[pos - 1] != ",":
        return hit
    opening = text.rfind(",", max(0, pos - 90), pos - 1)
    if opening > 0 and "." not in text[opening:pos - 1]:
        return next((n for n in names if n.end == opening), None)
    return None


def _role_holder(names: list[_Name], text: str, role: str, before: int) -> _Name | None:
    """The person a role noun ("the governor") points back to: the nearest earlier person named next to that role."""
    for name in reversed([n for n in names if n.person and n.end <= before]):
        window = text[max(0, name.start - 60):name.end + 60].lower()
        if role.lower() in window:
            return name
    return None


def cited_sources(text: str, actors: Sequence[ActorMention], entities: Sequence[Entity] = (), outlet: str | None = None) -> list[str]:
    """Names the text attributes claims to, in order of first attribution; the publishing outlet excluded."""
    names = _names(text, actors, entities)
    found: list[_Name] = []
    for regex in (_ACCORDING_RE, _OF_SOURCE_RE, _CITING_RE, _INVERTED_RE):
        for m in regex.finditer(text):
            hit = _starting_at(names, text, m.end())
            if hit is not None:
                found.append(hit)
    for m in _SUBJECT_VERB_RE.finditer(text):
        hit = _ending_at(names, text, m.start())
        if hit is not None:
            found.append(hit)
    for name in names:
        if _SOURCE_NOUN_RE.match(text, name.end):
            found.append(name)
    for m in _ROLE_RE.finditer(text):
        hit = _role_holder(names, text, m.group(1), m.start())
        if hit is not None:
            found.append(hit)
    excluded = {fold(outlet).lower} if outlet else set()
    result: list[str] = []
    seen = set(excluded)
    for hit in sorted(found, key=lambda n: n.start):
        key = fold(hit.name).lower
        if key not in seen and any(c.isupper() for c in hit.name):
            seen.add(key)
            result.append(hit.name)
    return result
