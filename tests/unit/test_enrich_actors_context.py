"""Reading an actor hit in its sentence: names that are not the actor (hyphenated words, buildings named
after people, a group as its members' past, envoys to an organisation), places as locations rather than
speakers, and the acting cues that make a country or "the government" an actor. On a small test base."""
from __future__ import annotations

import pytest

from workers.enrich.actors import ActorMatcher

from .conftest import linked_ids

BASE = """
- {id: intl-un, name: United Nations, aliases: [UN], type: international_org, country: null}
- {id: intl-au, name: African Union, aliases: [AU], type: international_org, country: null}
- {id: intl-aq, name: Al-Qaeda, aliases: [al-Qaeda], type: rebel_group, country: null}
- {id: ml-jnim, name: JNIM, type: rebel_group, country: ML, parent: intl-aq}
- {id: co-farc, name: FARC, type: rebel_group, country: CO}
- {id: tr-erdogan, name: Recep Tayyip Erdogan, aliases: [Erdogan], type: person, country: TR}
- {id: ml-gov, name: Malian government, aliases: [Government of Mali, Bamako government], type: government, country: ML}
- {id: sy-gov, name: Syrian government, aliases: [Government of Syria], type: government, country: SY}
- {id: tr-gov, name: Turkish government, aliases: [Government of Turkey], type: government, country: TR}
- {id: iq-gov, name: Iraqi government, aliases: [Government of Iraq, Baghdad government], type: government, country: IQ}
- {id: co-gov, name: Colombian government, aliases: [Government of Colombia], type: government, country: CO}
- {id: us-gov, name: US government, aliases: [Government of the United States], type: government, country: US}
- {id: iq-army, name: Iraqi Army, type: state_forces, country: IQ, parent: iq-gov}
- {id: co-army, name: National Army of Colombia, type: state_forces, country: CO, parent: co-gov}
"""


@pytest.fixture(scope="module")
def matcher(matcher_for) -> ActorMatcher:
    return matcher_for(BASE)


ids = linked_ids


@pytest.mark.parametrize("text, expected", [
    # an abbreviation inside a hyphenated word is no abbreviation
    ("Gangs attacked PORT-AU-PRINCE overnight.", []),
    ("Europeans discuss a smaller, non-UN mission.", []),
    ("The AU said it would deploy.", ["intl-au"]),
    # a person's name on a building
    ("Most of the wounded were taken to Erdogan and Medina hospitals.", []),
    ("Erdogan said the talks would go on.", ["tr-erdogan"]),
    # a group named as its members' past
    ("A dissident faction of the former FARC rebels fought the ELN.", []),
    ("FARC rebels signed the deal in 2016.", ["co-farc"]),
    # a state's envoy to an organisation is not the organisation acting
    ("Syria's ambassador to the UN welcomed the decision.", ["sy-gov"]),
])
def test_a_name_that_is_not_the_actor(matcher, text, expected):
    assert ids(matcher, text, {"SY": 2.0, "TR": 1.0}) == expected


def test_a_linked_group_is_the_parent_not_the_local_branch(matcher):
    assert ids(matcher, "Al-Qaeda fighters blockaded the roads.", {"ML": 3.0}) == ["ml-jnim"]
    assert ids(matcher, "An al-Qaeda-linked group blockaded the roads.", {"ML": 3.0}) == ["intl-aq"]


@pytest.mark.parametrize("text, expected", [
    ("Economists in Bamako said the blockade was costly.", []),
    ("Bamako said the blockade was costly.", ["ml-gov"]),
    ("Officials in Bamako said the blockade was costly.", ["ml-gov"]),
])
def test_a_capital_after_in_is_where_the_speakers_are(matcher, text, expected):
    assert ids(matcher, text, {"ML": 3.0}) == expected


@pytest.mark.parametrize("text, countries, expected", [
    ("A spokesman for the government said the group remains a threat.", {"IQ": 3.0}, ["iq-gov"]),
    ("Others there credit the government with restoring deterrence.", {"IQ": 3.0}, ["iq-gov"]),
    ("Compensation payments from the federal government cover a fraction of the cost.", {"IQ": 3.0}, ["iq-gov"]),
    ("The group accused the government of having abandoned peace talks.", {"CO": 3.0}, ["co-gov"]),
    ("The halt followed an arbitration ruling against Turkey.", {"IQ": 3.0, "TR": 1.0}, ["tr-gov"]),
    ("The KRG says Baghdad uses the budget as leverage.", {"IQ": 3.0}, ["iq-gov"]),
    # still not an actor: a place, a government named as belonging to someone
    ("Fuel arrived from Turkey by truck.", {"IQ": 3.0, "TR": 1.0}, []),
    ("The government of Iraq's neighbour is silent.", {"CO": 3.0}, []),
])
def test_acting_cues_for_countries_and_the_government(matcher, text, countries, expected):
    assert ids(matcher, text, countries) == expected


# --- structure of the base: UN bodies by mandate, seats of government, a council above the government ----

BODIES = """
- {id: intl-un, name: United Nations, aliases: [UN], type: international_org, country: null}
- {id: intl-unhcr, name: UNHCR, aliases: [UN refugee agency], type: international_org, country: null}
- {id: intl-envoy-ye, name: Office of the UN Special Envoy for Yemen, type: international_org, country: null}
- {id: intl-envoy-sy, name: Office of the UN Special Envoy for Syria, type: international_org, country: null}
- {id: intl-ffm-sd, name: Independent International Fact-Finding Mission for the Sudan,
   aliases: [UN Fact-Finding Mission for Sudan], type: international_org, country: null}
- {id: intl-grundberg, name: Hans Grundberg, aliases: [UN envoy for Yemen], type: person, country: null}
- {id: ye-plc, name: Presidential Leadership Council, type: government, country: YE}
- {id: ye-gov, name: Yemeni government, aliases: [Government of Yemen, "Yemen's government", government in Aden],
   type: government, country: YE, parent: ye-plc}
- {id: ye-army, name: Yemeni Army, type: state_forces, country: YE, parent: ye-gov}
- {id: sy-gov, name: Syrian government, aliases: [Government of Syria], type: government, country: SY}
- {id: sd-gov, name: Sudanese government, aliases: [Government of Sudan], type: government, country: SD}
- {id: ru-gov, name: Russian government, aliases: [Government of Russia, government in Moscow], type: government, country: RU}
"""


@pytest.fixture(scope="module")
def bodies(matcher_for) -> ActorMatcher:
    return matcher_for(BODIES)


@pytest.mark.parametrize("text, countries, expected", [
    ("The UN envoy's office said it was deeply concerned.", {"YE": 3.0}, ["intl-envoy-ye"]),
    ("The UN envoy's office said it was deeply concerned.", {"SY": 3.0}, ["intl-envoy-sy"]),
    ("A UN fact-finding mission said the conduct may amount to genocide.", {"SD": 3.0}, ["intl-ffm-sd"]),
    # no country the story is about, or no such body for it: nobody
    ("The UN envoy's office said it was deeply concerned.", {"YE": 1.0, "SY": 1.0}, []),
    ("A UN fact-finding mission said the conduct may amount to genocide.", {"YE": 3.0}, []),
])
def test_a_un_body_named_by_its_kind_is_the_one_for_the_story_country(bodies, text, countries, expected):
    assert ids(bodies, text, countries) == expected


def test_the_possessive_un_names_the_same_agency(bodies):
    assert ids(bodies, "The UN's refugee agency said 14,000 had crossed.", {"SD": 3.0}) == ["intl-unhcr"]


def test_a_title_alias_gives_no_surname_and_keeps_the_country_a_country(bodies):
    assert ids(bodies, "Yemen said the incident showed the group is a threat.", {"YE": 3.0}) == ["ye-gov"]


def test_the_seat_of_a_government_stands_for_it(bodies):
    assert ids(bodies, "Moscow said it did not object.", {"RU": 3.0}) == ["ru-gov"]


def test_the_government_under_a_ruling_council_is_the_national_government(bodies):
    assert ids(bodies, "A spokesman for the government said the group remains a threat.", {"YE": 3.0}) == ["ye-gov"]


@pytest.mark.parametrize("text, expected", [
    ("Diplomats in Moscow said talks were under way.", ["ru-gov"]),
    ("It was repeated to Western diplomats in Moscow last week.", []),
])
def test_diplomats_in_a_capital(bodies, text, expected):
    assert ids(bodies, text, {"RU": 3.0}) == expected


# --- sub-national governments, shared nouns of a chain, national bodies through any country form ----------

REGIONS = """
- {id: pk-gov, name: Pakistani government, aliases: [Government of Pakistan, Islamabad government], type: government, country: PK}
- {id: pk-police, name: Police of Pakistan, type: state_forces, country: PK, parent: pk-gov}
- {id: pk-sbp, name: State Bank of Pakistan, type: government, country: PK, parent: pk-gov}
- {id: pk-punjab-gov, name: Government of Punjab, aliases: [Punjab government, Punjab provincial government], type: government, country: PK}
- {id: pk-sindh-gov, name: Government of Sindh, aliases: [Sindh government, Sindh provincial government], type: government, country: PK}
- {id: ne-gov, name: Nigerien government, aliases: [Government of Niger], type: government, country: NE}
- {id: ne-cp, name: Niger Civil Protection, type: government, country: NE, parent: ne-gov}
- {id: ee-gov, name: Estonian government, aliases: [Estonian authorities], type: government, country: EE}
- {id: fi-gov, name: Finnish government, aliases: [Finnish authorities], type: government, country: FI}
"""


@pytest.fixture(scope="module")
def regions(matcher_for) -> ActorMatcher:
    return matcher_for(REGIONS)


@pytest.mark.parametrize("text, expected", [
    ("Floods hit Sindh. Maryam Nawaz, Punjab's chief minister, said the provincial government would compensate farmers.",
     ["pk-punjab-gov"]),
    ("Officials in Sindh said the provincial government would compensate farmers.", ["pk-sindh-gov"]),
    # no province named before it, or not acting: nobody
    ("The provincial government would compensate farmers, Punjab officials said.", ["pk-punjab-gov"]),
    ("Floods hit Punjab, whose help from the provincial government was slow.", []),
])
def test_the_provincial_government_is_the_one_named_last(regions, text, expected):
    assert ids(regions, text, {"PK": 3.0}) == expected


def test_a_plural_noun_serves_every_country_of_a_chain(regions):
    text = "Estonian and Finnish authorities have detained several tankers."
    assert ids(regions, text, {"RU": 3.0, "EE": 1.0, "FI": 1.0}) == ["ee-gov", "fi-gov"]


@pytest.mark.parametrize("text, expected", [
    ("Niger's civil protection services said 4,000 people had fled.", ["ne-cp"]),
    ("Pakistan's police detained him in Peshawar.", ["pk-police"]),
    ("Pakistan's bank holidays were extended.", []),  # one plain word is too loose
])
def test_a_national_body_through_its_country(regions, text, expected):
    assert ids(regions, text, {"NE": 2.0, "PK": 2.0}) == expected
