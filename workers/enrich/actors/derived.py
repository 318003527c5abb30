"""Phrases derived from the actor base itself: each government's country, capital and demonym forms,
national forces, police, regional governments, ministries and national bodies, branches, mandates, surnames."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Mapping


from .base import Actor, ActorBase
from .folding import fold
from .cues import ARMED_TYPES

# Countries as actors. The country, capital and demonym forms come from the base itself: the aliases of
# each government actor shaped "X government", "X authorities", "X's government", "Government of X",
# "government in X" (a person's name there, "Petro government", is left out). A government known by its own
# name ("Taliban government") gives its country through that name: "Afghanistan's Taliban rulers" gives
# "Afghanistan", "Afghan Taliban government" gives "Afghan".
_FORM_PATTERNS = (
    re.compile(r"^(?:the\s+)?(?:federal\s+)?government\s+(?P<prep>of|in)\s+(?:the\s+)?(?P<x>.+)$", re.IGNORECASE),
    re.compile(r"^(?P<x>.+?)(?:['’]s)?\s+(?:federal\s+)?(?:government|authorities|administration|rulers)$"),
)
_FORM_WORD_RE = re.compile(r"^(?:[A-Z][\w'’-]*|of|the|and)$")


def country_form_map(base: ActorBase, surnames: Mapping[str, set[str]]) -> dict[str, list[str]]:
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
                    if 0 < len(words) <= 5 and words[0][:1].isupper() and all(_FORM_WORD_RE.match(w) for w in words) and form not in personal:
                        # "government in Moscow" names its seat as surely as "Moscow government" does
                        found[form] = found.get(form, False) or n == 1 or m.groupdict().get("prep", "").lower() == "in"
                    break
        for form in list(found):
            # "<country>'s <Name>", where <Name> is itself a form: the country of that name
            owner = re.match(r"^(?P<x>[^'’]+)['’]s\s+(?P<name>.+)$", form)
            if owner and owner.group("name") in found and owner.group("x") not in personal:
                found[owner.group("x")] = True
        for form in list(found):
            # "<demonym> <Name>": the demonym when it shares its stem with the country ("Afghan" and "Afghanistan")
            owner = re.match(r"^(?P<x>[A-Z]\w+)\s+(?P<name>.+)$", form)
            if owner and owner.group("name") in found and any(
                    direct and f != form and f[:4] == owner.group("x")[:4] for f, direct in found.items()):
                found[owner.group("x")] = True
        stems = {w[:4].lower() for form, direct in found.items() if direct for w in form.split()}
        for form, direct in found.items():
            if direct or stems & {w[:4].lower() for w in form.split()}:
                result[form].append(actor.id)
    return dict(result)


_QUALIFIED_NAME_RE = re.compile(r"^(?P<bare>.+?)\s+\((?P<qualifier>[^()]+)\)$")


def generic_forms(actor: Actor, forms: Mapping[str, list[str]], base: ActorBase) -> list[str]:
    """The actor's generic phrases plus the bare name of a name qualified by its own country ("National Bureau
    of Statistics (Nigeria)" is "National Bureau of Statistics" in a story about Nigeria)."""
    result = list(actor.generic)
    m = _QUALIFIED_NAME_RE.match(actor.name)
    if m and actor.country and any(base[g].country == actor.country for g in forms.get(m.group("qualifier"), ())):
        result.append(m.group("bare"))
    return result


def forms_by_holder(forms: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """government id -> its country forms, in the order of `forms` (the inverse of the form map)."""
    result: dict[str, list[str]] = defaultdict(list)
    for form, holders in forms.items():
        for government in holders:
            result[government].append(form)
    return result


def national_police(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str]) -> dict[str, str]:
    """country -> its national police: the one state force of the country whose generic phrases say "the police",
    else the one named "<country form> police" or "<country form>'s national police" ("Kenyan police")."""
    forms_of = forms_by_holder(forms)
    generic: dict[str, list[str]] = defaultdict(list)
    named: dict[str, list[str]] = defaultdict(list)
    for actor in base.actors.values():
        if actor.type != "state_forces" or not actor.country:
            continue
        if any(g.lower() == "the police" for g in actor.generic):
            generic[actor.country].append(actor.id)
        elif own := forms_of.get(governments.get(actor.country)):
            shape = re.compile(rf"^(?:{'|'.join(map(re.escape, own))})(?:['’]s)?\s+(?:[Nn]ational\s+)?[Pp]olice$")
            if any(shape.match(fold(a).cased) for a in (actor.name, *actor.aliases)):
                named[actor.country].append(actor.id)
    result = {country: ids[0] for country, ids in named.items() if len(ids) == 1}
    result.update({country: ids[0] for country, ids in generic.items() if len(ids) == 1})
    return result


BARE_POLICE_RE = re.compile(r"\b[Pp]olice(?:\s+officers)?\b(?!['’-])")


def national_forces(base: ActorBase, forms: Mapping[str, list[str]]) -> dict[str, str]:
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


_SERVICE_WORDS = ("army", "military", "armed forces")
BARE_SERVICE_RE = re.compile(r"\b[Tt]he\s+(?P<word>army|military|armed\s+forces)\b(?![-'’])")


def national_services(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str],
                      forces: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """country -> {"army" | "military" | "armed forces" -> force id} for the words no actor of that country holds
    as a generic phrase: "the army" is the force named "<country form> army" when there is one (Iraq's army, not
    its security forces as a whole), else the national forces."""
    held: dict[str, set[str]] = defaultdict(set)
    for actor in base.actors.values():
        if actor.country:
            held[actor.country] |= {g.lower().removeprefix("the ") for g in actor.generic}
    forms_of = forms_by_holder(forms)
    result: dict[str, dict[str, str]] = {}
    for country, government in governments.items():
        if government not in forces:
            continue
        own = "|".join(map(re.escape, forms_of[government]))
        under = [a for a in base.actors.values() if a.type == "state_forces" and government in ancestors(base, a.id)]
        words = {}
        for word in _SERVICE_WORDS:
            if word in held[country]:
                continue
            shape = re.compile(rf"^(?:{own})(?:['’]s)?\s+(?i:{word})$")
            named = {a.id for a in under if any(shape.match(fold(n).cased) for n in (a.name, *a.aliases))}
            words[word] = named.pop() if len(named) == 1 else forces[government]
        if words:
            result[country] = words
    return result


_PARLIAMENT = "parliament"


def national_parliaments(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str]) -> dict[str, str]:
    """country -> its national legislature for a bare "parliament": the one government actor of the country named
    "<country form> parliament" or "Parliament of <country form>", where no actor of the country holds "parliament"
    as a generic phrase (that phrase then decides)."""
    forms_of = forms_by_holder(forms)
    found: dict[str, set[str]] = defaultdict(set)
    held = set()
    for actor in base.actors.values():
        if actor.type != "government" or not actor.country:
            continue
        if any(g.lower().removeprefix("the ") == _PARLIAMENT for g in actor.generic):
            held.add(actor.country)
        own = forms_of.get(governments.get(actor.country), [])
        if not own:
            continue
        alternatives = "|".join(map(re.escape, own))
        shape = re.compile(rf"^(?:(?:{alternatives})(?:['’]s)?\s+(?i:parliament)|(?i:parliament)\s+of\s+(?:the\s+)?(?:{alternatives}))$")
        if any(shape.match(fold(n).cased.strip()) for n in (actor.name, *actor.aliases)):
            found[actor.country].add(actor.id)
    return {country: ids.pop() for country, ids in found.items() if len(ids) == 1 and country not in held}


BARE_PARLIAMENT_RE = re.compile(r"\b(?:[Tt]he\s+(?:(?:previous|outgoing|new|current|incoming|national)\s+)?)?[Pp]arliament\b(?!['’-]|ary)")


def national_governments(base: ActorBase, forms: Mapping[str, list[str]]) -> dict[str, str]:
    """country -> its national government: the top-level government most of the country's base hangs under
    (ministries, forces, agencies), holding country forms, and with twice the actors of any rival top-level
    government (a country with two authorities, such as Gaza's and Ramallah's, has none); a country's only
    top-level government is its national one even with nothing under it."""
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
        if government in holders and (not rest or top > 0 and top >= 2 * rest[0][0]):
            result[country] = government
    return result


_REGIONAL_WORDS_RE = re.compile(r"\b(?:state|provincial|province|regional|region|governorate|oblast)\b", re.IGNORECASE)
THE_REGIONAL_RE = re.compile(r"\b[Tt]he\s+(?:provincial|state|regional)\s+(?:government|administration|authorities)\b")


def regional_governments(base: ActorBase, forms: Mapping[str, list[str]], national: Mapping[str, str]) -> dict[str, str]:
    """Sub-national government id -> its country: a government holding a place form (its province or state)
    whose names say it is a state, provincial or regional government."""
    holders = {g for ids in forms.values() for g in ids}
    return {a.id: a.country for a in base.actors.values()
            if a.type == "government" and a.id in holders and a.country and national.get(a.country) != a.id
            and any(_REGIONAL_WORDS_RE.search(n) for n in (a.name, *a.aliases))}


def branch_map(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str]) -> dict[str, list[str]]:
    """International armed group -> its national branches: the children of a country-less armed group with
    the same type and a country ("al-Qaeda" -> AQAP, JNIM, ...), except in a country the group's own names
    carry ("Islamic State of Iraq and Syria" is at home in Iraq and Syria: there it is no branch)."""
    result: dict[str, list[str]] = defaultdict(list)
    for actor in base.actors.values():
        parent = base.actors.get(actor.parent) if actor.parent else None
        if not (parent is not None and parent.country is None and parent.type in ARMED_TYPES and actor.country
                and actor.type == parent.type):
            continue
        names = " ".join(f" {fold(n).cased} " for n in (parent.name, *parent.aliases))
        home = [f for f, holders in forms.items() if governments.get(actor.country) in holders]
        if not any(f" {f} " in names for f in home):
            result[parent.id].append(actor.id)
    return dict(result)


_MINISTRY_OF_RE = re.compile(r"\bMinistry\s+of\s+(?:the\s+)?(?P<x>[A-Z][\w'’]*(?:\s+(?:and\s+)?[A-Z][\w'’]*)*)")
_X_MINISTRY_RE = re.compile(r"(?P<x>\b[A-Za-z][a-z]+)\s+[Mm]inistry$")


def ministry_phrases(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Ministry id -> phrases naming it without a country, derived from its name and aliases: generic "the
    health ministry", "the ministry of health", "the federal health ministry" (linked only in a story about
    the ministry's country), and aliases "<capital or country>'s health ministry" from its government's
    country forms, for ministries directly under a national government; and for a ministry under any government,
    aliases "the health ministry of <that government>" ("of the Houthi-run administration", "of Khartoum state")."""
    national = set(governments.values())
    forms_of = forms_by_holder(forms)
    result: dict[str, list[tuple[str, str]]] = {}
    for actor in base.actors.values():
        parent = base.actors.get(actor.parent) if actor.parent else None
        if actor.type != "government" or parent is None or parent.type != "government" or "ministry" not in actor.name.lower():
            continue
        subjects = _subjects(actor, forms)
        owners = {fold(n).cased.strip() for n in (parent.name, *parent.aliases) if _GOVERNMENT_WORD_RE.search(n)}
        owners = {o[4:] if o.lower().startswith("the ") else o for o in owners} | set(forms_of.get(parent.id, ()))
        phrases = [(f"{x} ministry of {the}{owner}", "candidates") for x in sorted(subjects) for owner in sorted(owners)
                   for the in ("", "the ")]
        if parent.id in national:
            for x in sorted(subjects):
                phrases += [(f"the {x} ministry", "generic"), (f"the ministry of {x}", "generic"),
                            (f"the federal {x} ministry", "generic"), (f"federal {x} ministry", "generic")]
                phrases += [(f"{f}'s {x} ministry", "candidates") for f in forms_of.get(parent.id, ())]
        if phrases:
            result[actor.id] = phrases
    return result


def _subjects(ministry: Actor, forms: Mapping[str, list[str]]) -> set[str]:
    """What a ministry's names say it is for, lower-cased: "health", "national defence", "foreign affairs"."""
    subjects = set()
    for name in (ministry.name, *ministry.aliases):
        folded = fold(name).cased
        m = _MINISTRY_OF_RE.search(folded) or _X_MINISTRY_RE.search(folded)
        if m and m.group("x") not in forms:
            subjects.add(m.group("x").lower())
    return subjects


_SAME_SUBJECT = {"defense": "defence", "foreign": "foreign affairs", "interior": "internal affairs"}


def ministries_by_subject(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """National government id -> {subject word(s) -> its ministry}, for naming a ministry through its minister
    ("defence ministers"): each subject also by its last words ("national defence" is "defence") and a subject
    held by two ministries of one government by neither."""
    national = set(governments.values())
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for actor in base.actors.values():
        if actor.type != "government" or actor.parent not in national or "ministry" not in actor.name.lower():
            continue
        for subject in _subjects(actor, forms):
            words = subject.replace("defense", "defence").split()
            for k in range(len(words)):
                found[actor.parent][" ".join(words[k:])].add(actor.id)
    return {g: {x: ids.pop() for x, ids in by.items() if len(ids) == 1} for g, by in found.items()}


def minister_subject(words: str) -> str:
    """The subject of a minister's office as ministries_by_subject keys it: "defense" is "defence", "foreign" is
    "foreign affairs"."""
    words = " ".join(words.lower().split()).replace("defense", "defence")
    return _SAME_SUBJECT.get(words, words)


_GOVERNMENT_WORD_RE = re.compile(r"\b(?:[Gg]overnment|[Aa]dministration|[Aa]uthorities|[Aa]uthority)\b")


UN_BODY_AFTER_RE = re.compile(
    r"(?:['’]s)?\s+(?:(?:special|independent|international|peacekeeping|observer)\s+)*(?P<kind>envoy|fact-finding\s+mission|"
    r"commission\s+of\s+inquiry|(?:group|panel)\s+of\s+experts|mission|force|peacekeepers)(?:['’]s\s+office|\s+office)?\b",
    re.IGNORECASE)
_MANDATE_RE = re.compile(r"\b(?:for|in|on|to)\s+(?:the\s+)?(?P<x>[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*)*)")


def body_kind(words: str) -> str:
    """The kind of a UN body from the words naming it: envoy, fact-finding, inquiry, experts or mission."""
    words = words.lower()
    for kind in ("envoy", "fact-finding", "inquiry", "experts"):
        if kind in words:
            return kind
    return "mission"  # missions, forces and peacekeepers


def mandate_map(base: ActorBase, forms: Mapping[str, list[str]]) -> dict[tuple[str, str], list[str]]:
    """(country, kind) -> the international bodies with a mandate for that country, from their names and aliases
    ("Office of the UN Special Envoy for Yemen", "UN Interim Force in Lebanon"): the country is a country form
    after for/in/on/to, the kind as body_kind reads the name."""
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
                if country and actor.id not in result[(country, body_kind(head.group(1).replace(" ", "-")))]:
                    result[(country, body_kind(head.group(1).replace(" ", "-")))].append(actor.id)
                    break
    return dict(result)


_TITLE_WORDS = frozenset({"for", "of", "to", "in", "on", "the"})


def national_body_phrases(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Body id -> aliases "<country form>'s <body>" for the agencies and forces of a national government whose
    name carries its country ("Niger Civil Protection", "National Police of Ukraine" give "Niger's civil
    protection", "Ukraine's National Police", "Kyiv's National Police"), so every country form names them."""
    national = set(governments.values())
    forms_of = forms_by_holder(forms)
    result: dict[str, list[tuple[str, str]]] = {}
    for actor in base.actors.values():
        if actor.type not in ("government", "state_forces") or actor.id in national:
            continue
        government = next((g for g in ancestors(base, actor.id) if g in national), None)
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


_DESCRIBED_GOVERNMENT_RE = re.compile(r"^(?:the\s+)?(?!the\b)(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:government|authorities|administration))$")


def possessive_government_phrases(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    """National government id -> aliases "<country form>'s <description>" from its generic descriptions ("the
    army-led government" gives "Sudan's army-led government"), so a shorter alias inside ("Sudan's army") does not win."""
    forms_of = forms_by_holder(forms)
    result: dict[str, list[tuple[str, str]]] = {}
    for government in set(governments.values()):
        own = [f for f in forms_of[government] if "'" not in f and "’" not in f]
        lowered = {f.lower() for f in own}
        described = {m.group("what") for g in base.actors[government].generic
                     if (m := _DESCRIBED_GOVERNMENT_RE.match(g)) and not lowered & set(m.group("what").split())}
        phrases = [(f"{form}'s {what}", "candidates") for what in sorted(described) for form in own]
        if phrases:
            result[government] = phrases
    return result


def central_bank_phrases(base: ActorBase, forms: Mapping[str, list[str]], governments: Mapping[str, str]) -> dict[str, list[tuple[str, str]]]:
    """Central bank id -> phrases naming it without its name: generic "the central bank" (linked only in a story
    about its country, as "the health ministry" is) and aliases "<country form>'s central bank", "<demonym> central
    bank". A country's central bank is the one body under its national government named "... central bank ...",
    "Bank of <country form>" ("State Bank of Pakistan", "National Bank of Ethiopia") or "<country form> Bank"."""
    forms_of = forms_by_holder(forms)
    found: dict[str, set[str]] = defaultdict(set)
    for country, government in governments.items():
        own = "|".join(map(re.escape, (f for f in forms_of.get(government, ()) if "'" not in f and "’" not in f)))
        if not own:
            continue
        shape = re.compile(rf"(?i:.*\bcentral\s+bank\b.*)|(?:(?:State|National|Reserve|People['’]s)\s+)?Bank\s+of\s+(?:the\s+)?"
                           rf"(?:Republic\s+of\s+)?(?:{own})|(?:Da\s+)?(?:{own})\s+Bank")
        for actor in base.actors.values():
            if actor.type == "government" and actor.country == country and government in ancestors(base, actor.id) \
                    and any(shape.fullmatch(fold(n).cased.strip()) for n in (actor.name, *actor.aliases)):
                found[government].add(actor.id)
    result: dict[str, list[tuple[str, str]]] = {}
    for government, banks in found.items():
        if len(banks) != 1:
            continue
        own = [f for f in forms_of[government] if "'" not in f and "’" not in f]
        result[banks.pop()] = [("the central bank", "generic")] + [(p, "candidates") for f in own
                                                                    for p in (f"{f}'s central bank", f"{f} central bank")]
    return result


_TOO_GENERIC = frozenset({"government", "authorities", "state", "army", "military", "forces", "armed forces"})
_ONE_WORD_BODIES = frozenset({"police", "navy", "gendarmerie", "rangers", "marines", "coastguard"})


def ancestors(base: ActorBase, actor_id: str) -> list[str]:
    """The chain of parents above an actor, nearest first."""
    chain, node = [], base.actors[actor_id].parent
    while node and node in base.actors and node not in chain:
        chain.append(node)
        node = base.actors[node].parent
    return chain


def person_surnames(base: ActorBase) -> dict[str, set[str]]:
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
