"""The rules of demo/articles/ANNOTATION.md not covered by test_enrich_guideline_actors.py, on invented news
sentences: security forces of a country, local and provincial officials, clashes and wars "with" a country,
venues, names inside other names, spokespersons, officials named by office, and cited sources (section 4)."""
from __future__ import annotations

import re

import pytest

from workers.enrich.actors import ActorMatcher
from workers.enrich.cited import cited_sources
from workers.enrich.ner import Entity

from .conftest import linked_ids

BASE = """
- {id: ml-gov, name: Government of Mali, aliases: [Malian government, Bamako government, Malian authorities], type: government, country: ML}
- {id: ml-fama, name: Malian Armed Forces, aliases: [FAMa, Malian army, Malian troops], type: state_forces, country: ML, parent: ml-gov}
- {id: ng-gov, name: Government of Nigeria, aliases: [Nigerian government, Abuja government], type: government, country: NG}
- {id: ng-army, name: Nigerian Army, aliases: [Nigerian army, Nigerian military, Nigerian troops], type: state_forces, country: NG, parent: ng-gov}
- {id: pk-gov, name: Government of Pakistan, aliases: [Pakistani government, Islamabad government], type: government, country: PK}
- {id: pk-army, name: Pakistan Army, aliases: [Pakistani army, Pakistani military, Pakistani soldiers], type: state_forces, country: PK, parent: pk-gov}
- {id: af-gov, name: Taliban (Islamic Emirate of Afghanistan), aliases: [Taliban government, Afghanistan's Taliban government, Kabul's Taliban rulers], type: government, country: AF}
- {id: af-forces, name: Taliban security forces, aliases: [Taliban forces, Afghan Taliban forces], type: state_forces, country: AF, parent: af-gov}
- {id: cd-gov, name: Government of the Democratic Republic of the Congo, aliases: [Congolese government, Kinshasa government], type: government, country: CD}
- {id: rw-gov, name: Government of Rwanda, aliases: [Rwandan government, Kigali government], type: government, country: RW}
- {id: rw-rdf, name: Rwanda Defence Force, aliases: [Rwandan army, Rwandan troops], type: state_forces, country: RW, parent: rw-gov}
- {id: et-gov, name: Government of Ethiopia, aliases: [Ethiopian government, Addis Ababa government], type: government, country: ET}
- {id: er-gov, name: Government of Eritrea, aliases: [Eritrean government, Asmara government], type: government, country: ER}
- {id: er-edf, name: Eritrean Defence Forces, aliases: [Eritrean army, Eritrean troops], type: state_forces, country: ER, parent: er-gov}
- {id: cn-gov, name: Government of China, aliases: [Chinese government, Beijing government], type: government, country: CN}
- {id: qa-gov, name: Government of Qatar, aliases: [Qatari government, Doha government], type: government, country: QA}
- {id: iq-gov, name: Government of Iraq, aliases: [Iraqi government, Baghdad government], type: government, country: IQ}
- {id: so-gov, name: Federal Government of Somalia, aliases: [Somali government, Mogadishu government], type: government, country: SO}
- {id: us-gov, name: Government of the United States, aliases: [US government, Washington government], type: government, country: US}
- {id: ua-gov, name: Government of Ukraine, aliases: [Ukrainian government, Kyiv government], type: government, country: UA}
- {id: eg-gov, name: Government of Egypt, aliases: [Egyptian government, Cairo government], type: government, country: EG}
"""


@pytest.fixture(scope="module")
def matcher(matcher_for) -> ActorMatcher:
    return matcher_for(BASE)


@pytest.mark.parametrize("text, countries, expected", [
    # "<demonym> security forces" act as the country's national armed forces
    ("Malian security forces detained twelve men at a market in Mopti.", {"ML": 3.0}, ["ml-fama"]),
    ("Nigerian security forces rescued 40 pupils in Kaduna state.", {"NG": 3.0}, ["ng-army"]),
    ("Pakistan's security forces killed six militants in North Waziristan.", {"PK": 3.0}, ["pk-army"]),
    # the situation of a country's security is no force
    ("Mali's security situation has worsened since 2012.", {"ML": 3.0}, []),
])
def test_security_forces_of_a_country_are_its_armed_forces(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # officials in the capital, or named by their country, speak for the national government
    ("Officials in Islamabad said talks would resume next week.", {"PK": 3.0}, ["pk-gov"]),
    ("Officials in Kinshasa and Kigali said the deal would hold.", {"CD": 2.0, "RW": 1.0}, ["cd-gov", "rw-gov"]),
    ("Pakistani officials said the crossing at Torkham would reopen.", {"PK": 3.0}, ["pk-gov"]),
    # local, regional and provincial officials do not, even where the country is named after their town
    ("Local officials in Mopti, Mali, said the bridge had collapsed.", {"ML": 3.0}, []),
    ("Local officials in Bamako said the market would reopen.", {"ML": 3.0}, []),
    ("Regional officials in Islamabad said schools would close.", {"PK": 3.0}, []),
    ("Officials in Lahore said the floods had reached 300 villages.", {"PK": 3.0}, []),
    ("Provincial authorities in Kabul said the road was closed.", {"AF": 3.0}, []),
])
def test_national_not_local_or_provincial_officials(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # clashes "with" a country are its armed forces' doing, not its government's
    ("Border clashes with Afghanistan left 20 Pakistani soldiers dead.", {"PK": 2.0, "AF": 1.0}, ["af-forces", "pk-army"]),
    ("Clashes with Rwanda erupted near Goma overnight.", {"CD": 2.0, "RW": 1.0}, ["rw-rdf"]),
    ("Heavy fighting with Eritrea resumed along the border.", {"ET": 2.0, "ER": 1.0}, ["er-edf"]),
    # so is a war "with" it, even one named in passing; a trade or price war makes no actor
    ("The 1998 war with Eritrea killed tens of thousands.", {"ET": 2.0, "ER": 1.0}, ["er-edf"]),
    ("Asmara said the war with Ethiopia was over.", {"ER": 2.0, "ET": 1.0}, ["er-gov"]),
    ("Beijing's trade war with Washington hurt exporters.", {"CN": 1.0, "US": 1.0}, []),
    ("A price war with Eritrea's traders hurt Ethiopian farmers.", {"ET": 2.0, "ER": 1.0}, []),
    # talks "with" a country are the state's doing
    ("Cairo resumed talks with Addis Ababa on the dam.", {"EG": 2.0, "ET": 1.0}, ["eg-gov", "et-gov"]),
])
def test_clashes_and_wars_with_a_country(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # a host of a tournament, or a country voting in its own election, is a venue
    ("Qatar will host the Asian Cup final in January.", {"QA": 3.0}, []),
    ("Qatar hosted the 2022 World Cup.", {"QA": 3.0}, []),
    ("Iraq votes in a general election in November.", {"IQ": 3.0}, []),
    ("Somalia voted in its first direct local elections in decades.", {"SO": 3.0}, []),
    # hosting talks and voting at the UN are acts of the state
    ("Qatar hosted talks between Kinshasa and the M23.", {"QA": 1.0, "CD": 2.0}, ["cd-gov", "qa-gov"]),
    ("Egypt voted against the resolution in New York.", {"EG": 3.0}, ["eg-gov"]),
])
def test_a_venue_is_no_actor(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # verbs of statements and appeals a state makes
    ("Washington reaffirmed its support for Ukraine at the summit.", {"UA": 2.0, "US": 1.0}, ["us-gov"]),
    ("The government appealed for help as the river rose.", {"SO": 3.0}, ["so-gov"]),
    ("Cairo expressed concern over the filling of the dam.", {"EG": 2.0, "ET": 1.0}, ["eg-gov"]),
    ("Kinshasa reiterated that it would not negotiate with the rebels.", {"CD": 3.0}, ["cd-gov"]),
    ("Abuja proposed a new tax on imported fuel.", {"NG": 3.0}, ["ng-gov"]),
    # a country merely supported by someone does not act; nor a country as an economy
    ("The statement reaffirmed support for Ukraine's sovereignty.", {"UA": 3.0}, []),
    ("Somalia imports most of its rice.", {"SO": 3.0}, []),
])
def test_the_state_acting_by_statements_and_appeals(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


BRANCHES = """
- {id: il-gov, name: Government of Israel, aliases: [Israeli government], type: government, country: IL}
- {id: il-idf, name: Israel Defense Forces, aliases: [IDF, Israeli army, Israeli military], type: state_forces, country: IL, parent: il-gov}
- {id: il-iaf, name: Israeli Air Force, aliases: [Israeli Air Force, IAF], type: state_forces, country: IL, parent: il-idf}
- {id: mm-junta, name: Myanmar military government, aliases: [Myanmar junta, Myanmar's junta], type: government, country: MM,
   generic: [the junta, the regime]}
- {id: mm-army, name: Tatmadaw, aliases: [Myanmar military, Myanmar army], type: state_forces, country: MM, parent: mm-junta,
   generic: [junta jets, junta warplanes]}
- {id: mm-air, name: Myanmar Air Force, aliases: [Myanmar Air Force], type: state_forces, country: MM, parent: mm-army,
   generic: [the air force]}
"""


@pytest.mark.parametrize("text, countries, expected", [
    # a country's aircraft, jets or warplanes are its national armed forces
    ("Israeli jets struck a former army site near Kisweh.", {"SY": 2.0, "IL": 1.0}, ["il-idf"]),
    ("Israeli fighter jets hit a depot near Nabatieh.", {"LB": 2.0, "IL": 1.0}, ["il-idf"]),
    ("Israeli aircraft bombed a house in Rafah.", {"PS": 2.0, "IL": 1.0}, ["il-idf"]),
    ("Junta jets bombed a school in Sagaing.", {"MM": 3.0}, ["mm-army"]),
    # the branch is an actor of its own only where the text names it
    ("The Israeli Air Force said it had hit 20 targets.", {"IL": 3.0}, ["il-iaf"]),
    ("The air force bombed the village twice.", {"MM": 3.0}, ["mm-air"]),
])
def test_aircraft_are_the_national_forces_and_a_branch_only_by_name(matcher_for, text, countries, expected):
    assert linked_ids(matcher_for(BRANCHES), text, countries) == expected


ORGS = """
- {id: un, name: United Nations, aliases: [United Nations, UN], type: international_org}
- {id: unhcr, name: UNHCR, aliases: [UNHCR, UN refugee agency, UN High Commissioner for Refugees], type: international_org, parent: un}
- {id: wfp, name: World Food Programme, aliases: [World Food Programme, WFP, UN food agency], type: international_org, parent: un}
- {id: au, name: African Union, aliases: [African Union, AU], type: international_org}
- {id: hrw, name: Human Rights Watch, aliases: [Human Rights Watch, HRW], type: monitor_ngo}
- {id: ml-gov, name: Government of Mali, aliases: [Malian government, Bamako government], type: government, country: ML}
- {id: sd-gov, name: Government of Sudan, aliases: [Sudanese government], type: government, country: SD}
- {id: sd-saf, name: Sudanese Armed Forces, aliases: [SAF, Sudanese army], type: state_forces, country: SD, parent: sd-gov}
- {id: sd-rsf, name: Rapid Support Forces, aliases: [RSF, Rapid Support Forces], type: rebel_group, country: SD}
- {id: sd-byun, name: Amal Osman, aliases: [Amal Osman], type: person, parent: unhcr}
"""


@pytest.fixture(scope="module")
def orgs(matcher_for) -> ActorMatcher:
    return matcher_for(ORGS)


@pytest.mark.parametrize("text, expected", [
    # a name inside another name is the inner body, not the umbrella (guideline section 1)
    ("The UN refugee agency said 12,000 people had crossed into Chad.", ["unhcr"]),
    ("The UN's food agency cut rations in the camps.", ["wfp"]),
    ("The UN humanitarian spokesperson said aid was blocked.", []),
    # an organisation's own spokesperson, officials or figures speak for it
    ("A UNHCR spokesperson said 2,000 people crossed every day.", ["unhcr"]),
    ("WFP officials said the convoy had been looted.", ["wfp"]),
    ("HRW figures show 300 executions this year.", ["hrw"]),
    ("An RSF official said the group would not withdraw.", ["sd-rsf"]),
    # the UN's own: most often the voice of the UN body the story is about, so no actor by itself
    ("A UN spokesperson said the mission was aware of the reports.", []),
    ("The United Nations said the convoy had been blocked.", ["un"]),
])
def test_names_inside_names_and_an_organisations_own_voice(orgs, text, expected):
    assert linked_ids(orgs, text, {"SD": 3.0}) == expected


def cite(matcher: ActorMatcher, text: str, countries=None, persons=()) -> list[str]:
    entities = [Entity("PERSON", p, text.index(p), text.index(p) + len(p)) for p in persons]
    actors = matcher.link(matcher.find(text), text, countries or {"SD": 3.0}, entities)
    return cited_sources(text, actors, entities)


@pytest.mark.parametrize("text, expected", [
    # an unnamed spokesperson or official cites the organisation; "a Malian official" the government
    ("A UNHCR spokesperson said 2,000 people crossed into Chad every day.", ["UNHCR"]),
    ("A spokesman for Human Rights Watch said soldiers had killed 14 villagers.", ["Human Rights Watch"]),
    ("An RSF official said the group would not withdraw from El Fasher.", ["Rapid Support Forces"]),
    ("A Sudanese army official said the drones came from the west.", ["Sudanese Armed Forces"]),
    ("A Malian official said the convoy had reached Kidal.", ["Government of Mali"]),
    # a named spokesperson is cited by name, not the organisation
    ("UNHCR spokesperson Amal Osman said 2,000 people crossed every day.", ["Amal Osman"]),
    # anonymous and generic sources are not cited
    ("A Western diplomat said the talks had stalled.", []),
    ("A spokesman said the base had been attacked.", []),
    ("A local official said the bridge had collapsed.", []),
    ("A UN spokesperson said the convoy had been blocked.", []),
    # a party only quoted about in someone else's statement is not cited
    ("Human Rights Watch said the RSF had killed dozens of men.", ["Human Rights Watch"]),
    # the patterns of section 4
    ("According to the World Food Programme, famine has spread to five areas.", ["World Food Programme"]),
    ("Figures from UNHCR show 900,000 refugees in Chad.", ["UNHCR"]),
    ("The Sudanese army put the toll at 40.", ["Sudanese Armed Forces"]),
])
def test_cited_sources_by_the_guideline(orgs, text, expected):
    assert cite(orgs, text, persons=[p for p in ("Amal Osman",) if p in text]) == expected


@pytest.mark.parametrize("text, expected", [
    # a source named with its article ("citing the interior ministry") is the ministry
    ("SUNA, citing the interior ministry, said 40 people had been arrested.", ["SUNA", "Sudanese Ministry of Interior"]),
    # an anonymous source, then a clause: what the clause names is no source
    ("According to residents, the Sudanese army shelled the village.", []),
    ("According to witnesses, the RSF looted the market.", []),
    # a description, then the name in apposition, is that name
    ("According to the UN agency for refugees, UNHCR, 32,000 people fled.", ["UNHCR"]),
])
def test_cited_after_according_to_and_citing(matcher_for, text, expected):
    moi = ORGS + "- {id: sd-moi, name: Sudanese Ministry of Interior, aliases: [Sudanese Interior Ministry], type: government, country: SD, parent: sd-gov, generic: [the interior ministry]}\n"
    assert cite(matcher_for(moi), text) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # "According to Kyiv, Russia launched ...": two clauses, each country in its own role
    ("According to Kyiv, Russia launched 400 drones overnight.", {"UA": 2.0, "RU": 1.0}, ["ru-af", "ua-gov"]),
    # a list ending in "and" shares one role
    ("Talks mediated by Qatar, Egypt and Washington resumed.", {"PS": 3.0}, ["eg-gov", "qa-gov", "us-gov"]),
    ("The truce was Qatar- and Egypt-mediated.", {"PS": 3.0}, ["eg-gov", "qa-gov"]),
])
def test_a_comma_between_two_clauses_is_no_list(matcher_for, text, countries, expected):
    base = BASE + """- {id: ru-gov, name: Government of Russia, aliases: [Russian government, Moscow government], type: government, country: RU}
- {id: ru-af, name: Russian Armed Forces, aliases: [Russian army, Russian military], type: state_forces, country: RU, parent: ru-gov}
- {id: ua-af, name: Armed Forces of Ukraine, aliases: [Ukrainian army, Ukrainian military], type: state_forces, country: UA, parent: ua-gov}
"""
    assert linked_ids(matcher_for(base), text, countries) == expected


def offices(matcher: ActorMatcher, text: str, places: tuple[str, ...]) -> list[tuple[str, str | None, int]]:
    """(name, type, mentions) of the unlinked actors, the given place names found as places."""
    spans = [(m.start(), m.end()) for p in places for m in re.finditer(re.escape(p), text)]
    return sorted((a.name, a.type, a.mentions) for a in matcher.link(matcher.find(text), text, {"SD": 3.0}, skip_spans=spans)
                  if not a.linked)


@pytest.mark.parametrize("text, places, expected", [
    # an official named by office and place, with no name, is a government actor "Governor of X" (guideline section 3)
    ("The governor of Kassala said 5,000 families had arrived. The governor said the camps were full.", ("Kassala",),
     [("Governor of Kassala", "government", 2)]),
    ("The Dhi Qar governor promised jobs to the graduates.", ("Dhi Qar",), [("Governor of Dhi Qar", "government", 1)]),
    ("Marib's governor appealed for reinforcements.", ("Marib",), [("Governor of Marib", "government", 1)]),
    ("The mayor of Goma said water had been cut.", ("Goma",), [("Mayor of Goma", "government", 1)]),
    # with a person's name, the person is the actor (NER's part), not the office
    ("The governor of Kassala, Ahmed Ali, said families had arrived.", ("Kassala",), []),
    ("Kassala governor Ahmed Ali said families had arrived.", ("Kassala",), []),
    ("The governor of Kassala said families had arrived. Governor Ahmed Ali later toured the camps.", ("Kassala",), []),
    # not an office of a place: a central bank's governor
    ("The Bank of Sudan governor said the pound would float.", ("Sudan",), []),
    ("The central bank governor said the pound would float.", (), []),
])
def test_officials_named_by_office(orgs, text, places, expected):
    assert offices(orgs, text, places) == expected


def test_an_office_speaking_is_a_cited_source(orgs):
    text = "The governor of Kassala said 5,000 families had arrived. The governor said the camps were full."
    spans = [(text.index("Kassala"), text.index("Kassala") + len("Kassala"))]
    actors = orgs.link(orgs.find(text), text, {"SD": 3.0}, skip_spans=spans)
    assert cited_sources(text, actors, skip_spans=spans) == ["Governor of Kassala"]


@pytest.mark.parametrize("text, countries, expected", [
    # a diplomatic protest is an act of the state; "Kenya protests" as a noun phrase is not
    ("Kigali protested to the UN over the shelling of Gisenyi.", {"RW": 2.0, "CD": 1.0}, ["rw-gov"]),
    ("Rwanda protests against fuel prices spread to three towns.", {"RW": 3.0}, []),
    # the relation noun may open the sentence
    ("Pressure from Washington kept the talks alive.", {"US": 1.0, "IQ": 2.0}, ["us-gov"]),
    ("Support from Baghdad arrived late.", {"IQ": 3.0}, ["iq-gov"]),
    # speakers located in a region of a country are not its government
    ("Tribal leaders in eastern Syria rejected the deal.", {"SY": 3.0}, []),
    ("Aid workers in north-western Syria said supplies ran out.", {"SY": 3.0}, []),
])
def test_protests_sentence_openings_and_regions_of_a_country(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected
