"""Cited sources and unlinked actors, round 2: names the model cut short, organisations named with a place inside,
abbreviations defined in the text, and definite descriptions ("the fund said") pointing back to a named actor."""
from __future__ import annotations

from workers.enrich import ner
from workers.enrich.actors import unlinked
from workers.enrich.ner import Entity


def _person(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity("PERSON", name, start, start + len(name))


def test_a_person_grows_over_the_given_names_before_it():
    text = "The river rose overnight.\n\nKyaw Min Soe, whose shop flooded, said the water came fast."
    grown = ner.whole_persons(text, [_person(text, "Soe")])
    assert [e.text for e in grown] == ["Kyaw Min Soe"]
    assert text[grown[0].start:grown[0].end] == "Kyaw Min Soe"


def test_a_person_does_not_grow_over_titles_openers_or_other_names():
    text = "Sheikh Omar Bakri spoke. Meanwhile Farida Noor left. Kassala's Idris Musa waited. Tuesday Hamid Ali."
    found = [_person(text, "Omar Bakri"), _person(text, "Farida Noor"), _person(text, "Idris Musa"), _person(text, "Hamid Ali")]
    day = text.index("Tuesday")
    grown = ner.whole_persons(text, found, [(day, day + len("Tuesday"))])
    assert [e.text for e in grown] == ["Omar Bakri", "Farida Noor", "Idris Musa", "Hamid Ali"]


def test_a_person_does_not_grow_over_a_neighbouring_organisation():
    text = "a statement from Oxfam Selma Greer read"
    org = text.index("Oxfam")
    found = [Entity("ORG", "Oxfam", org, org + 5), _person(text, "Selma Greer")]
    assert [e.text for e in ner.whole_persons(text, found)] == ["Oxfam", "Selma Greer"]


def _org(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity("ORG", name, start, start + len(name))


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_an_organisation_named_with_a_place_inside_is_an_actor_and_its_abbreviation_joins_it():
    text = ("Floods hit Kenya. The Federation of Dairy Farmers of Kenya (FDFK) said 300 herds drowned. "
            "The FDFK asked for feed.")
    place = _span(text, "Kenya (")[0], _span(text, "Kenya (")[0] + 5
    entities = [_org(text, "Federation of Dairy Farmers of Kenya"), _org(text, "FDFK asked")]
    entities[1] = Entity("ORG", "FDFK", entities[1].start, entities[1].start + 4)
    mentions = unlinked.ner_mentions(entities, [place], [place], [], frozenset(), text)
    assert [(m.name, m.mentions) for m in mentions] == [("Federation of Dairy Farmers of Kenya", 2)]


def test_a_known_name_inside_an_organisation_still_hides_it():
    text = "The Kenya Army said. The Kenyan Government said."
    army, government = _org(text, "Kenya Army"), _org(text, "Kenyan Government")
    kenya, kenyan = _span(text, "Kenya "), _span(text, "Kenyan")
    # a place with one name word besides, and a base name that is not a place, leave no unlinked actor
    assert unlinked.ner_mentions([army], [kenya], [kenya], [], frozenset(), text) == []
    assert unlinked.ner_mentions([government], [_span(text, "Kenyan Government")], [kenyan], [], frozenset(), text) == []


def test_a_person_does_not_grow_over_offices_or_compound_titles():
    text = "Speaker Amal Haddad met Commander-in-chief Pavlo Hrytsenko. Besides Nuri Saleh, no one came."
    found = [_person(text, "Amal Haddad"), _person(text, "Pavlo Hrytsenko"), _person(text, "Nuri Saleh")]
    assert [e.text for e in ner.whole_persons(text, found)] == ["Amal Haddad", "Pavlo Hrytsenko", "Nuri Saleh"]
