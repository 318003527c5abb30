"""Cited sources and unlinked actors, round 2: names the model cut short, organisations named with a place inside,
abbreviations defined in the text, and definite descriptions ("the fund said") pointing back to a named actor."""
from __future__ import annotations

from pathlib import Path

import pytest

from workers.enrich import ner
from workers.enrich.actors import ActorBase, ActorMatcher, unlinked
from workers.enrich.cited import cited_sources, sources_and_actors
from workers.enrich.ner import Entity

FIXTURE = Path(__file__).parent / "fixtures" / "actors"


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


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher(ActorBase.load(FIXTURE))


def cite(matcher, text, spans=(), countries=("SD",)):
    entities = []
    for label, name in spans:
        start = text.index(name)
        entities.append(Entity(label, name, start, start + len(name)))
    actors = matcher.link(matcher.find(text), text, set(countries), entities)
    return cited_sources(text, actors, entities)


@pytest.mark.parametrize("text, spans, expected", [
    # the description's noun in the name
    ("The Global Grain Fund cut its forecast. Harvests will fall by a fifth, the fund said.",
     [("ORG", "The Global Grain Fund")], ["Global Grain Fund"]),
    ("The Kordofan Farmers Union met on Monday. The union's secretary said seed prices had doubled.",
     [("ORG", "The Kordofan Farmers Union")], ["Kordofan Farmers Union"]),
    # the description's noun fitting the actor's type
    ("Fighting spread to Bara after the Rapid Support Forces moved in. The group said it had taken the town.",
     [], ["Rapid Support Forces"]),
    ("The Sudanese Armed Forces shelled the road. The army said the convoy carried weapons.", [], ["Sudanese Armed Forces"]),
    # one adjective before the noun
    ("The Kordofan Reserve Bank cut its rate. The central bank said prices had steadied.",
     [("ORG", "The Kordofan Reserve Bank")], ["Kordofan Reserve Bank"]),
    # a noun the name bears reaches back into the previous paragraph
    ("Counting went on, the Kassala Vote Committee's tally showed.\n\nTurnout was low. Few came, the committee said.",
     [("ORG", "the Kassala Vote Committee")], ["Kassala Vote Committee"]),
    # "it": the organised actor opening this or the previous sentence
    ("Médecins Sans Frontières treated 40 people in Tawila. It said most had gunshot wounds.", [],
     ["Médecins Sans Frontières"]),
])
def test_a_description_points_back_to_the_party_it_fits(matcher, text, spans, expected):
    assert cite(matcher, text, spans) == expected


@pytest.mark.parametrize("text, spans", [
    # a description no earlier name fits
    ("Amna Idris runs a clinic in Kosti. The fund said prices had doubled.", [("PERSON", "Amna Idris")]),
    # the name fits by type alone and lies beyond the previous sentence, in another paragraph
    ("The Rapid Support Forces moved in.\n\nTrade resumed. Prices fell. The group said the road was open.", []),
    # an adjective setting the party apart from the one named before
    ("The Kordofan Reserve Bank cut its rate. The rival bank said prices had steadied.",
     [("ORG", "The Kordofan Reserve Bank")]),
    # "it" after a sentence opened by a person or by a place
    ("Amna Idris closed her shop. It said nothing about the looting.", [("PERSON", "Amna Idris")]),
    ("In Kosti Town the market reopened. It said the road was open.", []),
])
def test_a_description_with_no_fitting_party_cites_no_one(matcher, text, spans):
    assert cite(matcher, text, spans) == []


def test_a_cited_source_no_actor_names_becomes_an_unlinked_actor(matcher):
    text = ('"Stocks will not last the month," said Selma Okafor, a grain trader in Kosti. The Kosti Chamber of Commerce '
            'said prices had tripled. Demand fell, according to Harbor Metrics.')
    names, actors = sources_and_actors(text, [], [])
    assert names == ["Selma Okafor", "Kosti Chamber of Commerce", "Harbor Metrics"]
    assert [(a.name, a.type, a.linked) for a in actors] == [
        ("Selma Okafor", "person", False), ("Kosti Chamber of Commerce", "monitor_ngo", False), ("Harbor Metrics", None, False)]


def test_a_source_described_as_an_organisation_is_no_person(matcher):
    text = "Granite Lens, a monitoring group based in Nairobi, said the fires spread. Omar Sirag, who farms near Sennar, said so too."
    _, actors = sources_and_actors(text, [], [])
    assert [(a.name, a.type) for a in actors] == [("Granite Lens", None), ("Omar Sirag", "person")]


def test_a_source_already_an_actor_adds_none(matcher):
    text = "The Rapid Support Forces said the town had fallen."
    actors = matcher.link(matcher.find(text), text, {"SD"}, [])
    assert sources_and_actors(text, actors, []) == (["Rapid Support Forces"], [])


@pytest.mark.parametrize("name, expected", [
    ("Kosti Chamber of Commerce", "monitor_ngo"), ("Federation of Pharmacists' Associations", "monitor_ngo"),
    ("Port Workers Labour Syndicate", "monitor_ngo"), ("African Union", "international_org"),
])
def test_chambers_associations_and_labour_bodies_are_monitor_ngos(name, expected):
    assert unlinked.guess_org_type(name) == expected


@pytest.mark.parametrize("definition", [", known as UPWA,", ", known by its French acronym UPWA,"])
def test_an_abbreviation_introduced_with_known_as_joins_its_organisation(definition):
    text = f"The Union of Port Workers of Aden{definition} said ships waited. UPWA later called a strike."
    entities = [_org(text, "The Union of Port Workers of Aden"), _org(text, "UPWA later")]
    entities[1] = Entity("ORG", "UPWA", entities[1].start, entities[1].start + 4)
    mentions = unlinked.ner_mentions(entities, [], [], [], frozenset(), text)
    assert [(m.name, m.mentions) for m in mentions] == [("Union of Port Workers of Aden", 2)]


def test_an_abbreviation_not_defined_stays_apart():
    text = "The Union of Port Workers of Aden said ships waited, known to all. UPWA later called a strike."
    entities = [_org(text, "The Union of Port Workers of Aden"), _org(text, "UPWA")]
    assert len(unlinked.ner_mentions(entities, [], [], [], frozenset(), text)) == 2


def test_a_country_name_inside_an_organisation_name_does_not_hide_it():
    text = "The Grain Traders Association of Nigeria warned of shortages."
    country = _span(text, "Nigeria")
    mentions = unlinked.ner_mentions([_org(text, "The Grain Traders Association of Nigeria")], [country], [], [],
                                     frozenset({"Nigeria"}), text)
    assert [m.name for m in mentions] == ["Grain Traders Association of Nigeria"]


@pytest.mark.parametrize("name, expected", [
    ("Makerere University's Centre for Climate Studies", "Centre for Climate Studies"),
    ("the Kenya Red Cross's Disaster Response Unit", "Disaster Response Unit"),
    ("People's Liberation Front", "People's Liberation Front"),  # a possessive of the name itself
    ("Women's Union of Kassala", "Women's Union of Kassala"),
    ("Oxfam's Sudan", "Oxfam's Sudan"),  # one word after the owner: no name of its own
])
def test_an_organisation_drops_the_owner_its_name_opens_with(name, expected):
    text = f"Yesterday {name} said the season failed."
    mentions = unlinked.ner_mentions([_org(text, name)], [], [], [], frozenset(), text)
    assert [m.name for m in mentions] == [expected]
    assert text[mentions[0].offsets[0][0]:mentions[0].offsets[0][1]].endswith(expected.split()[-1])


def test_a_one_word_organisation_introduced_by_its_kind_is_a_source(matcher):
    text = ("Prices rose, according to the commodity pricing agency Pricewell. The Dutch grain group Korvan, which says the "
            "harvest is its own, sued. Korvan later said it would appeal.")
    names, actors = sources_and_actors(text, [], [])
    assert names == ["Pricewell", "Korvan"]
    assert [(a.name, a.type, a.mentions) for a in actors] == [("Pricewell", "monitor_ngo", 1), ("Korvan", None, 2)]


def test_a_lone_word_after_a_kind_that_is_a_day_or_not_introduced_is_no_source(matcher):
    text = "The company Monday said output fell. Pricewell said prices rose, according to Brennan."
    assert sources_and_actors(text, [], [])[0] == []


@pytest.mark.parametrize("text, qualifier", [
    ("Talks resumed under an AU-brokered truce.", "AU"),
    ("According to the AU's Peace and Security Council, talks resumed.", "AU"),
])
def test_an_organisation_only_qualifying_something_else_is_no_actor(text, qualifier):
    assert unlinked.ner_mentions([_org(text, qualifier)], [], [], [], frozenset(), text) == []


def test_an_organisation_acting_with_a_possessive_stays_an_actor():
    text = "The AU's envoy arrived, and the AU said talks would resume."
    second = text.index("AU said")
    mentions = unlinked.ner_mentions([_org(text, "AU"), Entity("ORG", "AU", second, second + 2)], [], [], [], frozenset(), text)
    assert [(m.name, m.mentions) for m in mentions] == [("AU", 2)]


def test_two_persons_one_space_apart_are_one():
    text = "the president, Faustin Obama Ndong Mezui, spoke; Amal Idris and Omar Saleh met"
    found = [_person(text, "Faustin Obama"), _person(text, "Ndong Mezui"), _person(text, "Amal Idris"),
             _person(text, "Omar Saleh")]
    assert [e.text for e in ner.whole_persons(text, found)] == ["Faustin Obama Ndong Mezui", "Amal Idris", "Omar Saleh"]


def test_a_person_named_by_the_last_words_of_a_fuller_name_joins_it():
    text = "Moussa Ag Attaher, a spokesman, spoke. Ag Attaher said more. Attaher left. Ali Attaher stayed. Bakri Ali came."
    found = [_person(text, "Moussa Ag Attaher"), _person(text, "Ag Attaher said")]
    found[1] = Entity("PERSON", "Ag Attaher", found[1].start, found[1].start + len("Ag Attaher"))
    found.append(_person(text, "Attaher left"))
    found[2] = Entity("PERSON", "Attaher", found[2].start, found[2].start + len("Attaher"))
    found += [_person(text, "Ali Attaher"), _person(text, "Bakri Ali")]
    mentions = unlinked.ner_mentions(found, [], [], [], frozenset(), text)
    # "Attaher" ends two fuller names once "Ag Attaher" has joined "Moussa Ag Attaher": it stays apart
    assert sorted((m.name, m.mentions) for m in mentions) == [
        ("Ali Attaher", 1), ("Attaher", 1), ("Bakri Ali", 1), ("Moussa Ag Attaher", 2)]


def test_a_storm_or_a_weapon_tagged_as_a_person_is_no_actor():
    text = "Cyclone Hamoon hit the coast; a Bayraktar TB2 was seen."
    found = [_person(text, "Cyclone Hamoon"), _person(text, "Bayraktar TB2")]
    assert unlinked.ner_mentions(found, [], [], [], frozenset(), text) == []


@pytest.mark.parametrize("text, org, expected", [
    ("The Syndicate of Pharmacists in Jordan said stocks ran low.", "The Syndicate of Pharmacists", "Syndicate of Pharmacists in Jordan"),
    # not a body named for its members, nor a place that is no country
    ("The Office of the Envoy in Jordan said stocks ran low.", "The Office of the Envoy", "Office of the Envoy"),
    ("The Syndicate of Pharmacists in Irbid said stocks ran low.", "The Syndicate of Pharmacists", "Syndicate of Pharmacists"),
])
def test_a_members_body_is_named_with_the_country_it_serves(text, org, expected):
    actors = unlinked.ner_mentions([_org(text, org)], [], [], [], frozenset({"Jordan"}), text)
    assert [a.name for a in actors] == [expected]
    if expected.endswith("Jordan"):
        assert cited_sources(text, actors, []) == [expected]
