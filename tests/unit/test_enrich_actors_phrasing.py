"""How the base's phrases and a sentence's wording name actors: generic phrases with and without "the", names
qualified by their country, and the cues that make a country, capital or "the government" act. On a small
test base."""
from __future__ import annotations

import pytest

from workers.enrich.actors import ActorMatcher

from .conftest import linked_ids

BASE = """
- {id: iq-gov, name: Government of Iraq, aliases: [Iraqi government], type: government, country: IQ}
- {id: iq-fp, name: Iraqi Federal Police, type: state_forces, country: IQ, parent: iq-gov, generic: [Federal Police]}
- {id: et-gov, name: Government of Ethiopia, aliases: [Ethiopian government], type: government, country: ET}
- {id: et-fp, name: Ethiopian Federal Police, type: state_forces, country: ET, parent: et-gov, generic: [the federal police]}
- {id: ng-gov, name: Federal Government of Nigeria, aliases: [Nigerian government], type: government, country: NG}
- {id: ng-nbs, name: National Bureau of Statistics (Nigeria), type: government, country: NG, parent: ng-gov}
- {id: cn-gov, name: Government of China, aliases: [Chinese government], type: government, country: CN}
"""


@pytest.fixture(scope="module")
def matcher(matcher_for) -> ActorMatcher:
    return matcher_for(BASE)


@pytest.mark.parametrize("text, countries, expected", [
    # one actor's "the federal police" does not hide another's "Federal Police" one word later
    ("Riot police and members of the Federal Police fired tear gas.", {"IQ": 3.0}, ["iq-fp"]),
    ("Federal police diverted lorries onto a rural road.", {"ET": 3.0}, ["et-fp"]),
    ("The federal police diverted lorries.", {"ET": 3.0}, ["et-fp"]),
    ("The federal police diverted lorries.", {"IQ": 3.0}, ["iq-fp"]),
])
def test_generic_phrases_with_and_without_the(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


def test_a_name_qualified_by_its_country_is_generic_there(matcher):
    text = "The National Bureau of Statistics said inflation eased."
    assert linked_ids(matcher, text, {"NG": 3.0}) == ["ng-nbs"]
    assert linked_ids(matcher, text, {"CN": 3.0}) == []


ACTING = """
- {id: us-gov, name: Government of the United States, aliases: [US government, Washington government], type: government, country: US}
- {id: sy-gov, name: Government of Syria, aliases: [Syrian government, Damascus government], type: government, country: SY}
- {id: lb-gov, name: Government of Lebanon, aliases: [Lebanese government], type: government, country: LB}
- {id: sd-gov, name: Government of Sudan, aliases: [Sudanese government], type: government, country: SD}
- {id: td-gov, name: Government of Chad, aliases: [Chadian government], type: government, country: TD}
- {id: pk-gov, name: Government of Pakistan, aliases: [Pakistani government], type: government, country: PK}
- {id: sd-idris, name: Kamil Idris, type: person, country: SD, parent: sd-gov}
- {id: sy-sdf, name: Syrian Democratic Forces, aliases: [SDF], type: rebel_group, country: SY}
- {id: lb-army, name: Lebanese Armed Forces, type: state_forces, country: LB, parent: lb-gov}
- {id: td-army, name: Chadian National Army, type: state_forces, country: TD, parent: td-gov}
- {id: pk-army, name: Pakistan Army, type: state_forces, country: PK, parent: pk-gov}
"""


@pytest.fixture(scope="module")
def acting(matcher_for) -> ActorMatcher:
    return matcher_for(ACTING)


@pytest.mark.parametrize("text, countries, expected", [
    # verbs of policy, and a relative clause
    ("Washington has long treated the group as a narcotics trafficking organisation.", {"MM": 3.0}, ["us-gov"]),
    ("Washington has tied cooperation on the trade to progress against cartels.", {"MX": 3.0}, ["us-gov"]),
    ("Damascus, which regards the group as a threat, stayed silent.", {"SY": 3.0}, ["sy-gov"]),
    # spoken with, prompted to
    ("The envoy spoke by phone with both Damascus and the SDF leadership.", {"SY": 3.0}, ["sy-gov", "sy-sdf"]),
    ("Fires spread, prompting the government to ask neighbours for aircraft.", {"LB": 3.0}, ["lb-gov"]),
    # a place is still no actor
    ("Flights to Damascus resumed on Monday.", {"SY": 3.0}, []),
])
def test_cues_that_a_country_or_the_government_acts(acting, text, countries, expected):
    assert linked_ids(acting, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # the government of its head
    # (the head named only inside the government's designation does nothing himself: guideline §1)
    ("He said the government of Prime Minister Kamil Idris would raise the price it pays.", {"SD": 3.0}, ["sd-gov"]),
    ("The government of Captain Ibrahim Traore, which seized power in 2022, made no statement.", {"BF": 3.0, "SD": 0.5}, []),
    ("The government of Egypt, which seized power, said nothing.", {"SD": 3.0}, []),
    # a government spokesperson speaks for the national government, not a regional one
    ("Government spokesman Gassim Cherif said the courts were independent.", {"TD": 3.0}, ["td-gov"]),
    ("A regional government spokesman said the road was closed.", {"TD": 3.0}, []),
    # federal and provincial governments
    ("The commission urged the federal and provincial governments to open a corridor.", {"PK": 3.0}, ["pk-gov"]),
])
def test_the_government_named_through_its_head_its_spokesperson_or_its_tiers(acting, text, countries, expected):
    assert linked_ids(acting, text, countries) == expected


READING = """
- {id: intl-un, name: United Nations, aliases: [UN], type: international_org, country: null}
- {id: intl-au, name: African Union, aliases: [AU], type: international_org, country: null}
- {id: so-gov, name: Federal Government of Somalia, aliases: [Somali government, Somalia's government], type: government, country: SO}
- {id: so-untmis, name: UN Transitional Assistance Mission in Somalia, type: international_org, country: SO}
- {id: intl-aq, name: Al-Qaeda, aliases: [al-Qaeda], type: rebel_group, country: null}
- {id: bf-jnim, name: JNIM, type: rebel_group, country: BF, parent: intl-aq}
- {id: so-sonna, name: Somali National News Agency, aliases: [SONNA], type: media_agency, country: SO}
- {id: ru-gov, name: Government of Russia, aliases: [Russian government], type: government, country: RU}
- {id: ru-army, name: Russian Armed Forces, aliases: [Russian army, Russian troops], type: state_forces, country: RU, parent: ru-gov}
- {id: ug-gov, name: Government of Uganda, aliases: [Ugandan government], type: government, country: UG}
- {id: ug-army, name: Uganda People's Defence Force, aliases: [Ugandan army, Ugandan soldiers], type: state_forces, country: UG, parent: ug-gov}
- {id: bi-gov, name: Government of Burundi, aliases: [Burundian government, Burundian authorities], type: government, country: BI}
- {id: bi-army, name: National Defence Force of Burundi, aliases: [Burundian army, Burundian soldiers], type: state_forces, country: BI, parent: bi-gov}
- {id: sd-gov, name: Government of Sudan, aliases: [Sudanese government], type: government, country: SD}
- {id: sd-army, name: Sudanese Armed Forces, aliases: [Sudanese army], type: state_forces, country: SD, parent: sd-gov}
"""


@pytest.fixture(scope="module")
def reading(matcher_for) -> ActorMatcher:
    return matcher_for(READING)


@pytest.mark.parametrize("text, countries, expected", [
    # a country's military action is its forces' doing, whatever the verb
    ("The war began when Russia launched its full-scale invasion in 2022.", {"UA": 3.0}, ["ru-army"]),
    ("Russia shelled the village overnight.", {"UA": 3.0}, ["ru-army"]),
    ("Russia struck a deal with the company.", {"UA": 3.0}, ["ru-gov"]),
    ("The Sudanese pound has lost half its value.", {"SD": 3.0}, []),
    # a chain shares the noun of the base name it ends with
    ("Ugandan and Burundian soldiers guard the road.", {"SO": 3.0}, ["bi-army", "ug-army"]),
    ("Ugandan and Burundian authorities met in Kampala.", {"SO": 3.0}, ["bi-gov", "ug-gov"]),
])
def test_countries_in_military_and_coordinated_phrases(reading, text, countries, expected):
    assert linked_ids(reading, text, countries) == expected


@pytest.mark.parametrize("text, expected", [
    # only a UN umbrella names a UN mission by its kind
    ("The mission replaced an earlier African Union force in 2025.", []),
    ("The UN mission said it would stay.", ["so-untmis"]),
    # an outlet as the place someone spoke is no actor; as a source it is
    ("The minister told the state news agency SONNA that dozens were killed.", []),
    ("SONNA reported that dozens were killed.", ["so-sonna"]),
])
def test_umbrellas_and_outlets(reading, text, expected):
    assert linked_ids(reading, text, {"SO": 3.0}) == expected


def test_a_group_that_only_qualifies_a_named_one(reading):
    assert linked_ids(reading, "Fighters of the al-Qaeda-linked JNIM stormed a camp.", {"BF": 3.0}) == ["bf-jnim"]
    assert linked_ids(reading, "An al-Qaeda-linked group stormed a camp.", {"BF": 3.0}) == ["intl-aq"]


POLICE = """
- {id: td-gov, name: Government of Chad, aliases: [Chadian government], type: government, country: TD}
- {id: td-police, name: Chadian National Police, type: state_forces, country: TD, parent: td-gov, generic: [the police]}
- {id: pk-gov, name: Government of Pakistan, aliases: [Pakistani government], type: government, country: PK}
- {id: pk-police, name: Police of Pakistan, type: state_forces, country: PK, parent: pk-gov, generic: [the police]}
- {id: il-gov, name: Government of Israel, aliases: [Israeli government], type: government, country: IL}
- {id: il-police, name: Israel Police, type: state_forces, country: IL, parent: il-gov, generic: [police]}
"""


@pytest.mark.parametrize("text, expected", [
    ("Police fired tear gas at several hundred supporters.", ["td-police"]),
    ("The party said 37 members were arrested; police said a few were detained.", ["td-police"]),
    # not acting, or another name's police
    ("Gunmen attacked a convoy under police escort.", []),
    ("The Motorway Police closed the road.", []),
])
def test_bare_police_that_acts_is_the_national_police(matcher_for, text, expected):
    assert linked_ids(matcher_for(POLICE), text, {"TD": 3.0}) == expected


LEADERS = """
- {id: iq-gov, name: Government of Iraq, aliases: [Iraqi government], type: government, country: IQ}
- {id: iq-police, name: Iraqi Police, type: state_forces, country: IQ, parent: iq-gov}
- {id: iq-sadrists, name: Sadrist Movement, type: government, country: IQ}
- {id: iq-sadr, name: Muqtada al-Sadr, type: person, country: IQ, parent: iq-sadrists}
- {id: iq-minister, name: Fuad Hussein, type: person, country: IQ, parent: iq-gov}
"""


@pytest.mark.parametrize("text, expected", [
    ("The cleric Muqtada al-Sadr, whose movement stayed out of the election, wrote online.", ["iq-sadr", "iq-sadrists"]),
    ("Muqtada al-Sadr's movement won the most seats.", ["iq-sadrists"]),  # (he does nothing himself: §1)
    ("Muqtada al-Sadr, whose statement was brief, wrote online.", ["iq-sadr"]),
    # a minister's "party" is not the government he belongs to (nor does he act)
    ("Fuad Hussein's party lost ground.", []),
    # policy verbs make the government act
    ("Economists said the government should tackle energy costs.", ["iq-gov"]),
])
def test_a_party_named_through_its_leader_and_policy_verbs(matcher_for, text, expected):
    assert linked_ids(matcher_for(LEADERS), text, {"IQ": 3.0}) == sorted(expected)
