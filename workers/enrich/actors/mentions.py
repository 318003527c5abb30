"""Mentions that name a party without it acting (guideline §1): an owner inside another actor's designation, a
parent describing its branch, a dissolved origin, a legislature as a seat count or venue, a topic, an outlet
that only carried someone else's words. An actor is dropped only when every one of its mentions is of this kind."""
from __future__ import annotations

import re
from typing import Mapping, Sequence

from .base import Actor, ActorBase
from .cues import ACTING_AFTER_RE

# What a person's name only qualifies: "the government of Prime Minister X", "X's party", "X's elected government".
_DESIGNATION = (r"government|governments|administration|regime|cabinet|party|faction|movement|camp|coalition|bloc|"
                r"wing|loyalists|era|presidency|premiership|tenure|rule")
# "Prime Minister ", "Senior General ", "Gen. ", and titles in lower case: "transitional president ", "junta leader "
_TITLE_WORD = (r"(?:(?:[A-Z][a-z]*\.?|transitional|interim|acting|caretaker|military|junta|coup|president|prime|minister|"
               r"premier|leader|general|colonel|captain|strongman|king|emir|sultan|chancellor)\s+)")
_DESIGNATION_OF_BEFORE_RE = re.compile(
    rf"\b(?:{_DESIGNATION})\s+of\s+(?:the\s+(?:late\s+|former\s+|ousted\s+)?)?(?:(?:late|former|ousted|then-)\s*)?"
    rf"{_TITLE_WORD}{{0,3}}$")
_POSSESSIVE = r"(?:['’]s?|['’])"
_DESIGNATION_AFTER_RE = re.compile(rf"{_POSSESSIVE}\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{_DESIGNATION})\b")
# A possessive before another actor's name: "Hezbollah's Radwan Force", "the EU's naval force Operation Atalanta".
_MODIFIER = r"(?:(?!(?:of|the|a|an|to|for|on|in|at|with|against|and|or|by|from|as|into|over)\b)[a-z][\w-]*\s+)"
_OWNER_AFTER_RE = re.compile(rf"{_POSSESSIVE}\s+{_MODIFIER}{{0,3}}|\s+{_MODIFIER}{{0,2}}?"
                             r"(?:force|mission|operation|unit|brigade|wing)\s+")
# A parent named only to describe a branch: "al-Qaeda's Yemeni branch", "the Syrian branch of the PKK".
_BRANCH = r"branch(?:es)?|affiliates?|offshoots?|franchises?|chapters?|extension"
_BRANCH_AFTER_RE = re.compile(rf"{_POSSESSIVE}\s+(?:[\w-]+\s+){{0,3}}?(?:{_BRANCH})\b")
_BRANCH_OF_BEFORE_RE = re.compile(rf"\b(?:{_BRANCH})\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# A dissolved unit or a group's past name as an origin: "former officers of elite units such as the Fourth Division",
# "the group's earlier incarnation as the Nusra Front", "a former Syrian army base". (Not "split from X": X may live on.)
_MEMBERS = r"officers|members|fighters|soldiers|commanders|rebels|combatants|militants|guerrillas|loyalists|cadres|remnants"
_FORMER_MEMBERS_BEFORE_RE = re.compile(
    rf"\b(?:former|ex-)\s*(?:{_MEMBERS})\s+of\s+(?:[\w-]+\s+){{0,4}}?(?:(?:such\s+as|like|including)\s+)?(?:the\s+)?"
    rf"(?:[A-Z][\w'’-]*\s+(?:or|and)\s+(?:the\s+)?)?$", re.IGNORECASE)
_PAST_NAME_BEFORE_RE = re.compile(
    r"\b(?:incarnation|guise)\s+as\s+(?:the\s+)?$|\b(?:formerly|previously|once)\s+(?:known\s+as|called)\s+(?:the\s+)?$|"
    r"\b(?:successor|heir)\s+(?:to|of)\s+(?:the\s+)?$")
_FORMER_BEFORE_RE = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)
_PLACE_AFTER_RE = re.compile(r"\s+(?:air\s+)?(?:base|bases|barracks|headquarters|compound|airfield|airport|prison|building|"
                             r"positions?|facility|facilities|depot)\b")
# A legislature as a seat count, a contested prize or where others sit: "the 120-member Knesset", "the Knesset's
# 120 seats", "seats in parliament", "control of the Senate", "critics in Colombia's Congress", "a Knesset member".
_LEGISLATURE_RE = re.compile(r"\b(?:Parliament|Congress|Senate|Knesset|Assembly|House|Chamber|Duma|Majlis|Council\s+of\s+"
                             r"Representatives|Legislature|Legislative)\b", re.IGNORECASE)
_SEAT_BEFORE_RE = re.compile(
    r"(?:\b\d+|-)-?(?:member|seat|strong)\s+$|"
    r"\b(?:seats?|majority|majorities|control|member|lawmakers|legislators|deputies|critics|chambers?|"
    r"quorum|balance)\s+(?:in|of)\s+(?:(?:both|the|two|either)\s+)*(?:chambers?\s+of\s+)?(?:the\s+)?(?:[A-Z][\w'’-]*['’]s\s+)?$",
    re.IGNORECASE)
_SEAT_AFTER_RE = re.compile(rf"(?:{_POSSESSIVE}\s+\d+|\s+\d+)?\s+(?:seats?|member|majority|elections?|candidates?|"
                            r"hearing|hearings)\b", re.IGNORECASE)
# A party only talked about: "the future of the Asayish", "what happens to the administration", "a list for al-Qaeda".
_TOPIC_BEFORE_RE = re.compile(
    r"\b(?:the\s+(?:future|fate|status|question|issue)\s+of|what\s+(?:happens|will\s+happen)\s+to|"
    r"(?:sanctions?|terror(?:ism)?|blacklist|watch)\s+lists?\s+(?:for|of)|"
    r"(?:regard|regards|regarded|regarding|consider|considers|considered|see|sees|saw|view|views|viewed)\s+"
    r"(?:[\w'’-]+\s+){1,6}?as\s+(?:(?:an?|the)\s+)?(?:[\w'’-]+\s+){0,3}?(?:of|to)|"
    r"\ban?\s+(?:extension|offshoot|front|proxy)\s+(?:of|for))\s+(?:the\s+)?$",
    re.IGNORECASE)
# An owner, an affiliation or the origin of things: "majority-owned by the French state", "an agency close to the
# Kurdish-led administration", "militias aligned with Iran", "weapons left behind by US forces".
_RELATED_BEFORE_RE = re.compile(r"\b(?:owned\s+by|(?:close|closely\s+linked|affiliated|aligned)\s+(?:to|with)|"
                                r"left\s+behind\s+by)\s+(?:the\s+)?$")
# The object of someone's view: "Ankara regards the YPG as a terrorist group".
_REGARDED_BEFORE_RE = re.compile(r"\b(?:regard|regards|regarded|consider|considers|considered|view|views|viewed|brand|brands|"
                                 r"branded)\s+(?:[\w'’-]+,?\s+){0,5}?(?:the\s+)?$", re.IGNORECASE)
_AS_AFTER_RE = re.compile(r"(?:\s*\([^()]{1,15}\))?,?\s+as\b")
_BRACKET_RE = re.compile(r"\s*\(\s*")
_LIST_AFTER_RE = re.compile(r"\s+(?:sanctions\s+)?(?:list|committee|regime)\b")
# An outlet that only carried someone else's words: "in a statement carried by the Saba news agency", "said on the
# group's Al-Masirah television", "State television broadcast footage of ...".
_OUTLET_WORDS = (r"(?:state|state-run|state-owned|official|local|national|private|news|agency|broadcaster|television|TV|"
                 r"radio|channel|outlet|newspaper|daily|website|group['’]s|its|their|his|her)")
_CARRIED_BEFORE_RE = re.compile(
    rf"\b(?:(?:carried|published|broadcast|aired|read|relayed|posted|run)\s+(?:by|on|in)|"
    rf"(?:said|says|spoke|speaking|appeared|appearing|statement|remarks|speech|address|interview|message)\s+on)\s+"
    rf"(?:the\s+)?(?:{_OUTLET_WORDS}\s+)*$", re.IGNORECASE)
_CARRIED_AFTER_RE = re.compile(
    r"(?:\s+(?:television|TV|radio|channel|agency))?\s+(?:(?:this|last|on)\s+\w+\s+|also\s+|later\s+)?"
    r"(?:carried|published|broadcast|aired|ran|showed|relayed|posted)\s+(?:(?:an?|the|its|his|her|their|[\w'’-]+['’]s)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:footage|video|videos|images|pictures|statement|remarks|speech|message|claim|address|interview|"
    r"communiqu[eé])\b")


def non_acting(actor: Actor, text: str, start: int, end: int, others: Mapping[int, str]) -> bool:
    """Whether the mention text[start:end] of an actor names it without it acting;
    `others` maps where the story's other actor names begin to their types (an owner or a parent describes one)."""
    before = text[max(0, start - 90):start]
    owner = _OWNER_AFTER_RE.match(text, end)
    if owner and others.get(owner.end(), "person") != "person":  # ("Trump's envoy X": the envoy acts for him)
        return True
    if actor.type == "person":
        # (the person's span may hold the title: "Senior General Min Aung Hlaing")
        return bool(_DESIGNATION_OF_BEFORE_RE.search(before) or _DESIGNATION_AFTER_RE.match(text, end))
    if actor.type == "media_agency":
        return bool(_CARRIED_BEFORE_RE.search(before) or _CARRIED_AFTER_RE.match(text, end))
    # a branch description needs the branch named before it in the sentence ("AQAP, al-Qaeda's Yemeni branch")
    if (_BRANCH_AFTER_RE.match(text, end) or _BRANCH_OF_BEFORE_RE.search(before)) \
            and any(s < start and not re.search(r"[.!?]\s", text[s:start]) for s in others):
        return True
    if _FORMER_MEMBERS_BEFORE_RE.search(before) or (_FORMER_BEFORE_RE.search(before) and _PLACE_AFTER_RE.match(text, end)):
        return True  # (a verb after the name is the members' or belongs to the place's sentence)
    if _REGARDED_BEFORE_RE.search(before) and _AS_AFTER_RE.match(text, end):
        return True
    # the rest name the party in passing, unless its own verb follows ("owned by the X, which said ...",
    # "the 300-seat parliament voted": a seat count does not stop the chamber acting)
    if _LIST_AFTER_RE.match(text, end):  # (before the verbs: "the EU sanctions list" has none)
        return True
    if ACTING_AFTER_RE.match(text, end):
        return False
    if _PAST_NAME_BEFORE_RE.search(before) or _TOPIC_BEFORE_RE.search(before) or _RELATED_BEFORE_RE.search(before):
        return True
    if actor.type == "government" and any(_LEGISLATURE_RE.search(n) for n in (actor.name, *actor.aliases)):
        return bool(_SEAT_BEFORE_RE.search(before) or _SEAT_AFTER_RE.match(text, end))
    return False


def named_only(offsets: Mapping[str, Sequence[tuple[int, int]]], text: str, base: ActorBase) -> list[str]:
    """Ids of the actors all of whose mentions name them without them acting (a party acting anywhere stays)."""
    types = {start: base.actors[i].type for i, spans in offsets.items() for start, _ in spans}
    dropped = []
    for actor_id, spans in offsets.items():
        actor = base.actors[actor_id]
        own = sorted(spans)
        others = {s: t for s, t in types.items() if all(s != o for o, _ in own)}
        # an abbreviation in brackets right after the name ("the Kurdistan Workers' Party (PKK)") shares its role
        judged = [(s, e) for k, (s, e) in enumerate(own) if not (k and _BRACKET_RE.fullmatch(text, own[k - 1][1], s))]
        if judged and all(non_acting(actor, text, s, e, others) for s, e in judged):
            dropped.append(actor_id)
    return dropped
