"""Cited sources: who an article attributes its claims to ("according to SOHR", "SANA reported", "a spokesperson
for the RSF told ...", "data from ACLED show"), named canonically when the actor is linked to the base."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

from indexer.article import ActorMention
from workers.enrich.actors import fold
from workers.enrich.actors.unlinked import guess_org_type
from workers.enrich.ner import Entity


def _either_case(words: str) -> str:
    """An alternation of words that may open a sentence: "data" also matches "Data" (cheaper than IGNORECASE)."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split())


_VERBS = (
    r"said|says|say|told|tells|reported|reports|stated|states|claimed|claims|announced|announces|wrote|writes|"
    r"posted|confirmed|confirms|added|adds|estimated|estimates|documented|documents|recorded|records|counted|"
    r"warned|warns|warn|noted|notes|tweeted|alleged|alleges|allege|denied|denies|deny|insisted|insists|insist|explained|"
    r"acknowledged|accused|accuses|accuse|welcomed|urged|condemned|rejected|rejects|reject|disputes|disputed|blamed|"
    r"blames|argued|argues|stressed|vowed|pledged|promised|described|quoted|"
    r"replied|calculated|estimate|projected|projects|forecast|forecasts|measured|shows|showed|criticised|criticized|repeated|cited(?!\s+by)|puts?\s+the\s+(?:death\s+)?(?:toll|figure|number)"
)
_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b")
# what may stand between a subject and its verb: "SANA later said", "the SOHR said on Tuesday in a statement"
_FILLERS = (
    r"(?:\s+(?:also|later|earlier|previously|separately|again|repeatedly|publicly|recently|already|reportedly|"
    r"has|have|had|would|will|in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|on\s+(?:Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)|late\s+(?:on\s+)?\w+|early\s+(?:on\s+)?\w+|in\s+a\s+(?:statement|"
    r"report|briefing|post|video|message)|in\s+(?:its|their|his|her)\s+(?:\w+\s+)?(?:report|statement|update|"
    r"briefing)))*"
)
_FILLERS_TAIL_RE = re.compile(_FILLERS + r"\s+$")
# a second verb of the same subject ("X visited the camps and said ...", "X backed the plan but warned ...") or a
# participle after its clause ("X raised prices, citing costs", "X deployed troops, saying ..."): the speaker is the
# subject opening the sentence
_COORDINATED_RE = re.compile(r"(?:,\s*)?\b(?:and|but)\s+(?:(?:then|also|later|has|have)\s+)?$")
_PARTICIPLE_RE = re.compile(r",\s+(?:saying|adding|warning|describing|citing|accusing|claiming|insisting|arguing|noting|"
                            r"denying|calling\s+(?:for|on))\b")
# "the STC, which accuses them of ...", "Orano, which says the ore is its own"
_RELATIVE_RE = re.compile(r",\s+(?:which|who)$")
# a quote closed and attributed to a pronoun ('"...," she said.' / '"...," he told reporters'): the speaker is the
# person named last before the quote opened, near enough to be the one introduced
_PRONOUN_QUOTE_RE = re.compile(r"[,.?!]?[”\"]\s+(?:he|she)\s+(?:(?:later|also)\s+)?(?:said|says|added|told|explained|recalled)\b")
_QUOTE_OPEN_RE = re.compile(r"[“\"]")
_PRONOUN_REACH = 400  # characters from the quote's opening back to the person
_SENTENCE_START_RE = re.compile(r"(?:^|(?<=[.!?][\s”\"])|(?<=\n)|(?<=— ))\s*")
# from the subject to its first verb: a body's people, a place, an apposition, fillers; then a lowercase verb
_SUBJECT_TO_VERB_RE = re.compile(r"(?:\s+(?:officials|authorities|spokes\w+))?(?:\s+in\s+[A-Z][\w'’-]+)?"
                                 r"(?:\s*\([^()]{1,40}\))?(?:,[^,;:]{1,160},)?" + _FILLERS + r"\s+[a-z]")
# what may not lie between the subject's verb and the second verb: another clause with its own subject
_OTHER_CLAUSE_RE = re.compile(r"[;:]|\b(?:which|who|whom|whose|whereas|while|because|although|though|where)\b")
# "Kogi State governor Ahmed Ali": the person after a role word
_ROLE_BEFORE_RE = re.compile(r"\s+(?:[a-z]+\s+)?(?:governor|minister|president|mayor|commander|spokes\w+|chief|leader)\s+")
# verb ... subject after a quotation or a comma: '," said Ahmed Ali' / ', said the governor'
# a body speaking through its people: "Israeli officials said", "Russia's envoy said", "Herzog's office said"
_SPEAKING_FOR_RE = re.compile(r"(?:['’]s\s+(?:(?:deputy|chief|foreign|press|media)\s+)?(?:office|envoy|ambassador|"
                              r"representative|spokesman|spokeswoman|spokesperson|mission|delegation)|\s+(?:officials|"
                              r"authorities|government))$")
# an unnamed spokesperson or official speaks for the actor named before it ("a UNHCR spokesperson said", "a Malian
# official said": guideline section 4)
# a state's people with no possessive: "the US ambassador told ...", "Turkish officials regard ...", "officials in
# Ankara have warned" (the actor stage has already read the place as the state)
_ENVOY_RE = re.compile(r"\s+(?:deputy\s+)?(?:ambassador|envoy|representative|delegation)$")
_OFFICIALS_RE = re.compile(r"\s+(?:officials|authorities)$")
_OFFICIALS_IN_RE = re.compile(r"\b(?:[Oo]fficials|[Aa]uthorities)\s+in\s+(?=[A-Z])")
# what officials of a state are reported to think is a claim of that state, as what they say is
_VIEW_RE = re.compile(r"\b(?:see|regard|believe|fear|consider|expect)\b")
_SPOKESPERSON_OF_RE = re.compile(r"\s+(?:official|spokesman|spokeswoman|spokesperson)$")
# a description, then the name between commas: "the EU's naval force in the region, Operation Atalanta, reported"
_NAME_IN_APPOSITION_RE = re.compile(r"\b(?:the|its|their)\s+(?:[\w'’-]+\s+){0,6}?(?:force|agency|body|group|office|"
                                    r"mission|monitor|organisation|organization|company|ministry|unit|coalition|alliance|"
                                    r"movement|operator|regulator|watchdog|observatory|institute|network|project)"
                                    r"(?:\s+(?:in|of|for|at|on)\s+(?:the\s+)?[\w'’-]+)?,\s+$")
# a name closing a longer capitalised name that the text names as a whole ("Chamber of Mines of Mali")
_INSIDE_NAME_RE = re.compile(r"\b[A-Z][\w'’-]*\s+(?:of|for)\s+(?:the\s+)?$")
_AND_RE = re.compile(r"\s+and\s+$")
_INVERTED_RE = re.compile(
    r"[,”\"]\s*(?:said|says|added|wrote|noted|explained|told\s+reporters|according\s+to)\s+(?:(?:a|an|the)\s+"
    r"(?:representative|spokesman|spokeswoman|spokesperson|official|member|commander|researcher)\s+(?:of|for|from|at)\s+)?(?=\S)"
)
_ACCORDING_RE = re.compile(rf"\b(?:{_either_case('according')})\s+to\s+(?=\S)")
# what follows the speaker of an inverted attribution ('," said Ahmed Ali, a trader' / '... said Ahmed Ali.'); a name
# followed by a verb or noun is the subject of the reported clause instead (", said Ukrainian drones had hit ...")
_SPEAKER_END_RE = re.compile(r"\s*(?:[,.;:!?)(”\"]|$|\s(?:who|of|from|in|at|on|to|as|when|while|after|before|during)\b)")
# a spokesperson or official in apposition to a named person: "Naw Bu, a spokesman for the KIA, said" cites the person
_NAMED_VOICE_BEFORE_RE = re.compile(r",\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$")
_NAMED_VOICE_AFTER_RE = re.compile(r"\s*,\s*")
_VOICE_NOUNS = ("spokes", "official", "representative", "commander")
_VOICE_AFTER_NAME_RE = re.compile(r"\s+(?:spokes\w+|official|representative|commander)\b")
_OF_SOURCE_RE = re.compile(
    rf"\b(?:{_either_case('spokesperson spokesman spokeswoman spokespeople statement report reports data figures tally count estimate estimates official officials assessment survey analysis monitoring update')})"
    r"\s+(?:issued\s+|released\s+|published\s+|compiled\s+)?(?:by|from|for|of)\s+(?=\S)"
)
_CITING_RE = re.compile(rf"\b(?:{_either_case('citing quoting')}|(?:[Qq]uoted|[Cc]ited)\s+by)\s+(?=\S)")
# a name that only modifies the source's head: "the UN's Office for ...", "the UN agency for refugees, UNRWA"
# (not "an FLA spokesperson": a spokesperson speaks for the name before it)
_MODIFIER_RE = re.compile(r"['’]s\b|\s+(?!(?:spokes\w+|officials?|officers?|sources?|representatives?|commanders?|and|or|in|on|at|of|for|from|to|that|which|who|with|as|by)\b)[a-z]")
# what may come between "according to" and the source's name: a lowercase description ("the price reporting
# agency Fastmarkets", "the country's Ministry of ..."), or a description then its name in apposition
_LEAD_IN_RE = re.compile(r"(?:(?:[Tt]he|[Aa]n?|(?!(?:that|which|who|in|on|at|to|of|for|with|by|and|or)\s)[a-z][\w-]*|"
                         r"[\w.-]+['’]s)\s+)+")
# a description, then the name in apposition, which closes there ("according to the UN agency for refugees, UNRWA, ...");
# not a clause that follows an anonymous source ("according to residents, the army shelled ...")
_APPOSITION_RE = re.compile(r"[^.;:\"“”,]{1,60},\s+")
_APPOSITION_END_RE = re.compile(r"\s*(?:[,.;:)(]|$)")
_SOURCE_NOUN_RE = re.compile(r"\s*(?:['’]s\s+)?(?:data|figures|tally|count|report|statement|estimates?|monitors?)\s+"
                             r"(?:show|shows|showed|suggest|suggests|indicate|indicated|put|puts|said|says)\b")
_ARTICLE_RE = re.compile(r"(?:[Tt]he|[Aa]n?)\s+")
# titles before a name that NER leaves outside the person ("according to Dr Amina Yusuf")
_TITLES_RE = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Maj|Capt|Sheikh|General|Colonel|Major|Captain|Governor|"
                        r"Minister|President|Commander|Mayor|Judge|Imam|Bishop|Father|Pastor|Rev|Reverend|Rabbi|Haji|Hajji|Mullah|Senator|"
                        r"Ambassador|Sergeant|Sgt|Brigadier|Lieutenant)\.?\s+)+")
_ROLE_RE = re.compile(
    r"\b[Tt]he\s+(?:(?:regional|provincial|state|local|deputy|acting|military|army|police|health|foreign|defence|"
    r"defense|interior|prime|UN|U\.N\.)\s+)*(governor|minister|spokesman|spokeswoman|spokesperson|mayor|president|"
    r"commander|envoy|general|chief|director|coordinator|official)\s+(?:" + _VERBS + r")\b"
)
_CAPITALISED_RE = re.compile(r"[A-Z][\w'’&-]*(?:\.(?=\w)[\w'’&-]*)*(?:[ \t]+(?:(?:of|for|the|and|al|el|bin|de)[ \t]+)*"
                             r"[A-Z][\w'’&-]*(?:\.(?=\w)[\w'’&-]*)*)*")
_NAME_WORD_RE = re.compile(r"\b(?!(?:of|for|the|and|al|el|bin|de)\b)\w+")
_POSSESSIVE_RE = re.compile(r"['’]s$")
_ARTICLE_PREFIX_RE = re.compile(r"^(?:[Aa]l|[Ee]l)-")  # al-Ahmad is Ahmad
# words that open a capitalised sequence without being part of a name
_NOT_A_NAME_RE = re.compile(r"(?:(?:The|A|An|This|That|These|Those|Residents|Officials|Witnesses|Local|Many|Some|Several|"
                            r"Both|Most|Other|Senior|Former)(?:\s+of)?\s+|[A-Z][\w-]*['’]s\s+)+")


# a one-word organisation name introduced by its kind: "the price reporting agency Fastmarkets", "the French nuclear
# group Orano"; later mentions of the word name it too
_INTRODUCED_RE = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,4}(?P<kind>agency|group|company|firm|consultancy|monitor|platform|"
                            r"organi[sz]ation|charity|network|operator|producer|miner|insurer|broker|outlet|newspaper|"
                            r"broadcaster|watchdog|think\s+tank|startup)\s+$")
_KIND_TYPES = {"agency": "monitor_ngo", "monitor": "monitor_ngo", "watchdog": "monitor_ngo", "consultancy": "monitor_ngo",
               "think tank": "monitor_ngo", "charity": "monitor_ngo", "outlet": "media_agency", "newspaper": "media_agency",
               "broadcaster": "media_agency"}
_CALENDAR_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June "
                            "July August September October November December".split())


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    name: str
    person: bool
    actor: bool = False  # an actor mention's span
    government: bool = False  # an actor of type government (a state speaks through its officials and envoys)
    kind: str | None = None  # an actor's type


def _names(text: str, actors: Sequence[ActorMention], entities: Sequence[Entity], places: Sequence[tuple[int, int]]) -> list[_Name]:
    """Every span that can be a source: actor mentions (by their output name), then NER persons and
    organisations, then bare capitalised sequences of two words or more or acronyms that are more than a
    place; earlier kinds win where spans overlap. A lone surname stands for a person named before it."""
    spans: list[_Name] = []
    taken = bytearray(len(text))

    def take(start: int, end: int, name: str, person: bool, actor: bool = False, government: bool = False,
             kind: str | None = None) -> None:
        if not any(taken[start:end]):
            spans.append(_Name(start, end, name, person, actor, government, kind))
            taken[start:end] = b"\x01" * (end - start)

    in_place = bytearray(len(text))
    for s, e in places:
        in_place[s:e] = b"\x01" * (e - s)

    def placename(start: int, name: str) -> bool:
        """A place, or places joined ("Port Sudan and Omdurman")."""
        return all(in_place[start + w.start()] for w in _NAME_WORD_RE.finditer(name))

    for actor in actors:
        for start, end in actor.offsets:
            take(start, end, actor.name, actor.type == "person", True, actor.type == "government", actor.type)
    for ent in entities:
        if ent.label in ("ORG", "PERSON"):
            lead = _ARTICLE_RE.match(ent.text)
            start = ent.start + (lead.end() if lead else 0)
            name = _POSSESSIVE_RE.sub("", text[start:ent.end]).strip()
            if name and not placename(start, name):
                take(start, start + len(name), name, ent.label == "PERSON")
    persons = [n for n in spans if n.person]
    introduced: dict[str, str | None] = {}  # one-word organisation names the text has introduced, with their type
    for m in _CAPITALISED_RE.finditer(text):
        lead = _NOT_A_NAME_RE.match(m.group())  # "Residents of Suárez", "The Defence Ministry", "Turkey's Disaster ..."
        start = m.start() + (lead.end() if lead else 0)
        name = _POSSESSIVE_RE.sub("", text[start:m.end()])
        if not name[:1].isupper() or placename(start, name):
            continue
        if " " not in name and not (name.isupper() and len(name) > 1):
            # a lone word: a later mention of a person named before, else a demonym, place or month
            earlier = [p for p in persons if p.end <= start and _ARTICLE_PREFIX_RE.sub("", p.name.split()[-1]) == _ARTICLE_PREFIX_RE.sub("", name)]
            if earlier:
                take(start, start + len(name), earlier[-1].name, True)
            elif name in introduced or ((kind := _INTRODUCED_RE.search(text, max(0, start - 80), start))
                                        and name not in _CALENDAR_WORDS):
                introduced.setdefault(name, _KIND_TYPES.get(" ".join(kind.group("kind").split())) if kind else None)
                take(start, start + len(name), name, False, kind=introduced[name])
            continue
        take(start, start + len(name), name, False)
    spans.sort(key=lambda s: s.start)
    return spans


def _starting_at(by_start: dict[int, _Name], text: str, pos: int) -> _Name | None:
    """The name at pos, past an article or titles unless the name holds them ("the interior ministry")."""
    if pos in by_start:
        return by_start[pos]
    for prefix in (_ARTICLE_RE, _TITLES_RE):
        lead = prefix.match(text, pos)
        if lead:
            pos = lead.end()
    return by_start.get(pos)


def _source_after(names: list[_Name], starts: list[int], by_start: dict[int, _Name], text: str, pos: int) -> _Name | None:
    """The source a forward cue ("according to", "citing", "data from") introduces at pos: the name there, or
    past a description or a modifying name, the head name that follows within a short noun phrase."""
    hit = _starting_at(by_start, text, pos)
    if hit is not None and not _MODIFIER_RE.match(text, hit.end):
        return hit
    for name in names[bisect_right(starts, pos):]:
        if name.start > pos + 80:
            break
        if hit is not None and name.start < hit.end:
            continue
        if _LEAD_IN_RE.fullmatch(text, pos, name.start) or (
                _APPOSITION_RE.fullmatch(text, pos, name.start) and _APPOSITION_END_RE.match(text, name.end)):
            return name
    return hit


def _name_before(by_end: dict[int, _Name], text: str, pos: int) -> _Name | None:
    """The name ending at pos, looking through a parenthesised acronym after it ("the IOM (IOM)", "OCHA (UN)")."""
    hit = by_end.get(pos)
    if hit is None and pos > 0 and text[pos - 1] == ")":
        opening = text.rfind("(", max(0, pos - 40), pos)
        if opening > 0:
            hit = by_end.get(len(text[:opening].rstrip())) or by_end.get(pos - 1)
    return hit


def _ending_at(by_start: dict[int, _Name], by_end: dict[int, _Name], text: str, pos: int) -> _Name | None:
    """The subject ending at pos: a name, or around a comma-delimited apposition ending there: the person it
    names ("Hezbollah's leader, Naim Qassem, said"), the name opening the sentence, or the name before it
    ("SANA, the state agency, said")."""
    hit = _name_before(by_end, text, pos)
    if hit is not None or pos == 0 or text[pos - 1] != ",":
        return hit
    inner = _name_before(by_end, text, pos - 1)
    if inner is not None and (inner.person or _NAME_IN_APPOSITION_RE.search(text, max(0, inner.start - 80), inner.start)):
        return inner
    # a name opening the sentence, then its apposition up to the verb: "Valentyna Horbenko, 67, who lives ..., said"
    opening = max(text.rfind(". ", max(0, pos - 250), pos), text.rfind("\n", max(0, pos - 250), pos))
    if opening >= 0 or pos <= 250:
        first = _starting_at(by_start, text, opening + 2 if opening >= 0 and text[opening] == "." else opening + 1)
        if first is not None and text.startswith(",", first.end) and first.end < pos - 1:
            return first
    opening = text.rfind(",", max(0, pos - 90), pos - 1)
    if opening > 0 and "." not in text[opening:pos - 1]:
        return _name_before(by_end, text, opening)
    return None


def _named_voice(by_start: dict[int, _Name], by_end: dict[int, _Name], text: str, voice_start: int,
                 body_end: int) -> _Name | None:
    """The named person a spokesperson phrase stands in apposition to, before it ("Naw Bu, a spokesman for the KIA")
    or after it ("a spokesperson for the FLA, Ahmed Ag Mossa, said"); None for an unnamed voice."""
    before = _NAMED_VOICE_BEFORE_RE.search(text, max(0, voice_start - 40), voice_start)
    if before is not None:
        hit = by_end.get(before.start())
        if hit is not None and hit.person:
            return hit
    after = _NAMED_VOICE_AFTER_RE.match(text, body_end)
    if after is not None:
        hit = _starting_at(by_start, text, after.end())
        if hit is not None and hit.person:
            return hit
    return None


def _clause_subject(by_start: dict[int, _Name], text: str, pos: int) -> list[_Name]:
    """The name(s) opening the sentence that holds pos, when they are its subject: followed, past their people,
    an apposition or fillers, by a verb, with no other clause between that verb and pos ("Britain and France
    backed the text but said ..." gives both)."""
    opening = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), text.rfind("— ", 0, pos),
                  text.rfind("? ", 0, pos), text.rfind("! ", 0, pos))
    start = _SENTENCE_START_RE.match(text, opening + 2 if opening >= 0 and text[opening] != "\n" else opening + 1).end()
    subject = _starting_at(by_start, text, start)
    if subject is None:
        return []
    role = _ROLE_BEFORE_RE.match(text, subject.end)
    if role is not None and (person := by_start.get(role.end())) is not None and person.person:
        subject = person
    subjects = [subject]
    joined = re.compile(r"\s+and\s+").match(text, subject.end)
    if joined is not None and (other := _starting_at(by_start, text, joined.end())) is not None:
        subjects.append(other)
    verb = _SUBJECT_TO_VERB_RE.match(text, subjects[-1].end)
    if verb is None or verb.end() > pos or _OTHER_CLAUSE_RE.search(text, verb.end() - 1, pos):
        return []
    return subjects


def _quoted_person(persons: list[_Name], text: str, quote_end: int) -> _Name | None:
    """The person named last before the opening of the quote that ends at quote_end, within reach, not as an owner."""
    opening = max((m.start() for m in _QUOTE_OPEN_RE.finditer(text, max(0, quote_end - 1500), quote_end)), default=-1)
    if opening < 0:
        return None
    before = [p for p in persons if p.end <= opening and opening - p.end <= _PRONOUN_REACH
              and not text.startswith(("'s", "’s"), p.end)]  # "Masra's lawyer": an owner, not the one introduced
    return before[-1] if before else None


def _state_voice(by_start: dict[int, _Name], by_end: dict[int, _Name], text: str, subject_end: int,
                 verb_start: int) -> _Name | None:
    """A government speaking through an envoy named with no possessive ("the US ambassador") or through officials in
    its capital ("officials in Ankara have warned")."""
    envoy = _ENVOY_RE.search(text, max(0, subject_end - 30), subject_end)
    hit = envoy and by_end.get(envoy.start())
    if hit is None and (officials := _OFFICIALS_IN_RE.search(text, max(0, subject_end - 12), verb_start)):
        hit = by_start.get(officials.end())
    return hit if hit is not None and hit.government else None


def _role_holder(names: list[_Name], text: str, role: str, before: int) -> _Name | None:
    """The person a role noun ("the governor") points back to: the nearest earlier person named next to that role."""
    for name in reversed([n for n in names if n.person and n.end <= before]):
        if role in text[max(0, name.start - 60):name.end + 60].lower():
            return name
    return None


# a definite description or "it" as the subject of an attribution ("the fund said", "the army's directorate said", "it
# said"): the claim belongs to the nearest earlier party the description fits
_DESCRIBED_NOUNS = {
    "army": ("state_forces",), "military": ("state_forces",), "group": ("rebel_group", "political_militia",
    "identity_militia", "monitor_ngo"), "militia": ("political_militia", "identity_militia"), "rebels": ("rebel_group",),
    "agency": ("international_org", "media_agency"), "company": (None,), "firm": (None,), "operator": (None,),
}
_NAMED_NOUNS = ("fund ministry committee commission council authority bank union court office directorate department "
                "administration institute association federation chamber observatory mission coalition alliance network "
                "party movement front agency organisation organization programme program")
_DESCRIBING = "|".join(sorted(set(_NAMED_NOUNS.split()) | set(_DESCRIBED_NOUNS)))
# (one adjective may come first, "the central bank"; not one that sets it apart from a party named before)
_DESCRIPTION_RE = re.compile(rf"(?:\b[Tt]he\s+(?:(?!(?:same|other|first|second|new|former|rival|opposing)\s)[a-z]+\s+)?"
                             rf"(?P<noun>{_DESCRIBING})"
                             r"(?:['’]s(?:\s+[a-z]+){1,2})?|\b(?P<it>[Ii]t))$")
_SENTENCE_END_RE = re.compile(r"[.!?][”\"]?\s+(?=[A-Z“\"])|\n")


def _bears(noun: str, name: _Name) -> bool:
    """Whether the name holds the description's noun ("the fund": the International Monetary Fund)."""
    return noun in _NAMED_NOUNS.split() and re.search(rf"\b{noun}\b", name.name, re.IGNORECASE) is not None


def _fits(noun: str, name: _Name) -> bool:
    """Whether a definite description ("the fund", "the group") can stand for the name."""
    if name.person:
        return False
    return _bears(noun, name) or (name.actor and name.kind in _DESCRIBED_NOUNS.get(noun, ()))


def _described(names: list[_Name], starts: list[int], text: str, noun: str | None, pos: int) -> _Name | None:
    """The party a description at pos ("the fund") or "it" points back to: the nearest earlier name the description
    fits, in the same paragraph or the previous sentence; "it" is the organised actor opening this or the previous
    sentence."""
    paragraph = text.rfind("\n", 0, pos) + 1
    sentence_starts = [0] + [m.end() for m in _SENTENCE_END_RE.finditer(text, 0, pos)]
    previous = sentence_starts[-2] if len(sentence_starts) > 1 else 0
    reach = min(paragraph, previous)
    if noun is None:
        by_start = {n.start: n for n in names}
        for start in reversed(sentence_starts[-2:]):
            hit = _starting_at(by_start, text, start)
            if hit is not None and hit.actor and not hit.person and hit.start < pos:
                return hit
        return None
    # a noun the name itself bears ("the committee" for the Central Elections Committee) reaches one paragraph further
    named_reach = text.rfind("\n", 0, max(0, min(paragraph, previous) - 1)) + 1
    for name in reversed(names[:bisect_right(starts, pos)]):
        if name.start < named_reach:
            break
        if name.end <= pos and _fits(noun, name) and (name.start >= reach or _bears(noun, name)):
            return name
    return None


def cited_sources(text: str, actors: Sequence[ActorMention], entities: Sequence[Entity] = (), outlet: str | None = None,
                  skip_spans: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Names the text attributes claims to, in order of first attribution; the publishing outlet excluded.
    `skip_spans` are places: never a source unless an actor mention covers them ("Ankara said")."""
    return [hit.name for hit in _sources(text, _names(text, actors, entities, skip_spans), outlet)]


def sources_and_actors(text: str, actors: Sequence[ActorMention], entities: Sequence[Entity] = (),
                       outlet: str | None = None, skip_spans: Sequence[tuple[int, int]] = (),
                       country_forms: frozenset[str] = frozenset()) -> tuple[list[str], list[ActorMention]]:
    """cited_sources(), and an unlinked actor for each source no actor names (every cited source is an actor,
    guideline section 4): a person, or an organisation typed from its name, with the spans bearing its name."""
    names = _names(text, actors, entities, skip_spans)
    sources = _sources(text, names, outlet)
    known = {fold(a.name).lower for a in actors}
    new = []
    for hit in sources:
        if fold(hit.name).lower in known:
            continue
        spans = sorted((n.start, n.end) for n in names if n.name == hit.name)
        kind = "person" if hit.person or _described_as_person(text, names, hit) else (
            hit.kind or guess_org_type(hit.name, country_forms))
        new.append(ActorMention(name=hit.name, type=kind, linked=False, mentions=len(spans), offsets=spans))
    return [hit.name for hit in sources], new


# a name shaped like a person's (two to four capitalised words), described as one right after it: "Khadra Idle, a
# herder from Burao", "Omar Farah, who teaches law", "Lena Marsh, the WFP's country director"
_PERSON_SHAPE_RE = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:(?:al|el|bin|ibn|de|van|von)[\s-])?[A-Z][\w'’-]+){1,3}")
_PERSON_APPOSITION_RE = re.compile(r",\s+(?:who\b|(?:a|an|the|[A-Z][\w'’.-]*['’]s)\s+(?P<role>[^,.;:“”\"]{1,80}))")
_ORG_NOUN_RE = re.compile(r"\b(?:group|groups|watchdog|charity|organi[sz]ation|agency|company|firm|body|network|union|"
                          r"association|outlet|newspaper|broadcaster|coalition|alliance|party|movement|militia|force|forces|"
                          r"ministry|department|authority|institute|centre|center|council|committee|project|initiative|"
                          r"consultancy|operator|producer|exporter|bank|fund|chamber|federation|platform|station)\b")


def _described_as_person(text: str, names: list[_Name], hit: _Name) -> bool:
    """Whether a source that no model called a person is one by its shape and the description after a mention."""
    if not _PERSON_SHAPE_RE.fullmatch(hit.name) or guess_org_type(hit.name) is not None:
        return False
    for name in (n for n in names if n.name == hit.name):
        described = _PERSON_APPOSITION_RE.match(text, name.end)
        if described is not None and not _ORG_NOUN_RE.search(described.group("role") or ""):
            return True
    return False


def _sources(text: str, names: list[_Name], outlet: str | None) -> list[_Name]:
    """The names attributed claims, each once, in order of first attribution; the outlet excluded."""
    by_start = {n.start: n for n in names}
    by_end = {n.end: n for n in names}
    starts = [n.start for n in names]
    found: list[_Name] = []
    for regex in (_ACCORDING_RE, _OF_SOURCE_RE, _CITING_RE):
        for m in regex.finditer(text):
            hit = _source_after(names, starts, by_start, text, m.end())
            if hit is not None and regex is _OF_SOURCE_RE and m.group().lower().startswith(_VOICE_NOUNS):
                hit = _named_voice(by_start, by_end, text, m.start(), hit.end) or hit
            elif hit is not None and (voice := _VOICE_AFTER_NAME_RE.match(text, hit.end)):
                hit = _named_voice(by_start, by_end, text, hit.start, voice.end()) or hit
            if hit is not None:
                found.append(hit)
    for m in _INVERTED_RE.finditer(text):
        hit = _starting_at(by_start, text, m.end())
        if hit is not None and _SPEAKER_END_RE.match(text, hit.end):
            found.append(hit)
    for m in _VERB_RE.finditer(text):
        window_start = max(0, m.start() - 80)
        tail = _FILLERS_TAIL_RE.search(text, window_start, m.start())
        if tail:
            # a name running on over what reads as a filler ("the Association of Banks in Lebanon said") is the subject
            hit = next((by_end[end] for end in range(tail.end(), tail.start(), -1)
                        if end in by_end and by_end[end].start < tail.start()), None)
            hit = hit or _ending_at(by_start, by_end, text, tail.start())
            if hit is not None and _INSIDE_NAME_RE.search(text, max(0, hit.start - 40), hit.start):
                hit = None  # "the Chamber of Mines of Mali said": the speaker is the longer name, not Mali
            if hit is None:
                body = _SPEAKING_FOR_RE.search(text, max(0, tail.start() - 40), tail.start())
                hit = body and by_end.get(body.start())
                if hit is None and (voice := _SPOKESPERSON_OF_RE.search(text, max(0, tail.start() - 20), tail.start())):
                    hit = by_end.get(voice.start())
                    hit = hit if hit is not None and hit.actor and not hit.person else None
            if hit is None and (relative := _RELATIVE_RE.search(text, max(0, tail.start() - 12), tail.start())):
                hit = _name_before(by_end, text, relative.start())
            if hit is None:
                hit = _state_voice(by_start, by_end, text, tail.start(), tail.end())
            if hit is None and (description := _DESCRIPTION_RE.search(text, max(0, tail.start() - 40), tail.start())):
                hit = _described(names, starts, text, description.group("noun") and description.group("noun").lower(),
                                 description.start())
            if hit is not None:
                found.append(hit)
                both = _AND_RE.search(text, max(0, hit.start - 8), hit.start)  # "HRW and Amnesty said"
                other = both and by_end.get(both.start())
                if other:
                    found.append(other)
            elif _COORDINATED_RE.search(text, max(0, tail.start() - 12), tail.start() + 1):
                found.extend(_clause_subject(by_start, text, m.start()))
    for m in _VIEW_RE.finditer(text):
        officials = _OFFICIALS_RE.search(text, max(0, m.start() - 20), m.start() - 1)
        hit = officials and by_end.get(officials.start())
        if hit is not None and hit.government:
            found.append(hit)
    for m in _PARTICIPLE_RE.finditer(text):
        found.extend(_clause_subject(by_start, text, m.start()))
    persons = [n for n in names if n.person]
    for m in _PRONOUN_QUOTE_RE.finditer(text):
        hit = _quoted_person(persons, text, m.start())
        if hit is not None:
            found.append(hit)
    for name in names:
        if _SOURCE_NOUN_RE.match(text, name.end):
            found.append(name)
    for m in _ROLE_RE.finditer(text):
        hit = _role_holder(names, text, m.group(1), m.start())
        if hit is not None:
            found.append(hit)
    seen = {fold(outlet).lower} if outlet else set()
    result: list[_Name] = []
    for hit in sorted(found, key=lambda n: n.start):
        key = fold(hit.name).lower
        if key not in seen and any(c.isupper() for c in hit.name):
            seen.add(key)
            result.append(hit)
    return result
