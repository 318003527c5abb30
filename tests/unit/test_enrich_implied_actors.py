"""Actors the text implies without naming them by a base alias (demo/articles/ANNOTATION.md, sections 2-3): a
country's forces through what the country does with them, a state through what only states impose, states in a
list of partners or through their leaders, ministries and legislatures named generically, regional and de-facto
governments. Invented sentences on a small base written by the test; negatives beside positives."""
from __future__ import annotations

import pytest

from workers.enrich.actors import ActorMatcher

from .conftest import linked_ids

BASE = """
- {id: us-gov, name: Government of the United States, aliases: [US government, United States government, Washington government], type: government, country: US}
- {id: us-forces, name: US Armed Forces, aliases: [US military, US forces, US troops, American troops], type: state_forces, country: US, parent: us-gov}
- {id: ru-gov, name: Government of Russia, aliases: [Russian government, Moscow government], type: government, country: RU}
- {id: ru-forces, name: Russian Armed Forces, aliases: [Russian military, Russian forces, Russian troops], type: state_forces, country: RU, parent: ru-gov}
- {id: il-gov, name: Government of Israel, aliases: [Israeli government, Israeli authorities], type: government, country: IL}
- {id: il-idf, name: Israel Defense Forces, aliases: [IDF, Israeli army, Israeli forces, Israeli troops], type: state_forces, country: IL, parent: il-gov}
- {id: sa-gov, name: Government of Saudi Arabia, aliases: [Saudi government, Riyadh government, Saudi authorities], type: government, country: SA}
- {id: so-gov, name: Federal Government of Somalia, aliases: [Somali government, Mogadishu government, Somali federal government], type: government, country: SO}
- {id: so-army, name: Somali National Army, aliases: [Somali army, Somali troops], type: state_forces, country: SO, parent: so-gov}
- {id: so-pl, name: Puntland State of Somalia (government), aliases: [Puntland government, Puntland authorities, Puntland State government], type: government, country: SO}
- {id: so-jl, name: Jubaland State (government), aliases: [Jubaland government, Jubaland State government], type: government, country: SO}
- {id: so-sl, name: Government of Somaliland, aliases: [Somaliland government, Somaliland authorities, Somaliland administration], type: government, country: SO}
- {id: un, name: United Nations, aliases: [UN], type: international_org}
- {id: au, name: African Union, aliases: [AU], type: international_org}
- {id: cn-gov, name: Government of China, aliases: [Chinese government, Beijing government], type: government, country: CN}
"""


@pytest.fixture(scope="module")
def matcher(matcher_for) -> ActorMatcher:
    return matcher_for(BASE)


@pytest.mark.parametrize("text, countries, expected", [
    # a country that carries out strikes or raids: its armed forces (section 2, military action by a country)
    ("The United States has carried out several drone strikes against the group this year.", {"SO": 3.0, "US": 1.0}, ["us-forces"]),
    ("Russia conducted overnight air strikes on the port.", {"UA": 3.0, "RU": 1.0}, ["ru-forces"]),
    ("Israel mounted a ground operation in the north of the camp.", {"PS": 3.0, "IL": 1.0}, ["il-idf"]),
    # a country that keeps, sends or deploys troops: its forces, and its government where the verb is a state's act
    ("Russia still keeps forces at two bases on the coast.", {"SY": 3.0, "RU": 1.0}, ["ru-forces", "ru-gov"]),
    ("The United States has about 900 troops in the north-east.", {"SY": 3.0, "US": 1.0}, ["us-forces"]),
    ("Washington deployed additional troops to the region in March.", {"IQ": 3.0, "US": 1.0}, ["us-forces", "us-gov"]),
    # not an act of war or a presence of troops
    ("Russia carried out a census of its citizens abroad.", {"RU": 3.0}, []),
    ("The United States has carried out an audit of the aid programme.", {"SO": 3.0, "US": 1.0}, []),
    ("Russia has good relations with the junta.", {"ML": 3.0, "RU": 1.0}, []),
])
def test_military_action_and_presence_by_a_country(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # what only a state imposes names its government (section 2: it restricts, bans, sanctions)
    ("Israeli restrictions on the agency's work have closed two clinics.", {"PS": 3.0, "IL": 1.0}, ["il-gov"]),
    ("A Saudi ban on livestock imports has hit herders in the north.", {"SO": 3.0, "SA": 1.0}, ["sa-gov"]),
    ("Chinese tariffs on the country's steel took effect on Monday.", {"US": 3.0, "CN": 1.0}, ["cn-gov"]),
    # military action by the same country stays its forces'; a place or an origin is no actor
    ("Israeli shelling damaged the water network.", {"PS": 3.0, "IL": 1.0}, ["il-idf"]),
    ("Saudi livestock markets reopened after the holiday.", {"SA": 3.0}, []),
])
def test_what_only_a_state_imposes(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # states among the partners who act together (section 2: a state that urges, signs, votes)
    ("International partners, including the United Nations, the African Union and the United States, urged all sides "
     "to return to talks.", {"SO": 3.0, "US": 1.0}, ["au", "un", "us-gov"]),
    ("Regional partners such as Saudi Arabia have pledged funds for the port.", {"SO": 3.0, "SA": 1.0}, ["sa-gov"]),
    # a state acting through its leaders; ties deepened or severed are the state's doing
    ("The member states of Puntland and Jubaland, whose leaders have cut ties with Mogadishu, stayed away.",
     {"SO": 3.0}, ["so-gov", "so-jl", "so-pl"]),
    ("Russia, which has deepened ties with the juntas, is a likely buyer.", {"NE": 3.0, "RU": 1.0}, ["ru-gov"]),
    # a place in a list, a rift that deepens, a country whose land is described: no actor
    ("Distrust of Moscow has deepened the rift inside the coalition.", {"UA": 3.0, "RU": 1.0}, []),
    ("Trading partners such as traders in Berbera were hit hardest.", {"SO": 3.0}, []),
    ("Puntland, whose coastline is the longest in the country, is mostly desert.", {"SO": 3.0}, []),
])
def test_states_in_a_list_of_partners_and_through_their_leaders(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


MINISTRIES = """
- {id: ye-gov, name: Government of Yemen, aliases: [Yemeni government, Aden government], type: government, country: YE}
- {id: ye-moh, name: Yemeni Ministry of Public Health and Population, aliases: [Yemen's health ministry], type: government, country: YE, parent: ye-gov}
- {id: ye-houthi, name: Houthi-run government in Sanaa, aliases: [Houthi authorities, Houthi-run administration, Sanaa authorities], type: government, country: YE}
- {id: ye-houthi-moh, name: Houthi-run Ministry of Health, aliases: [Houthi health ministry], type: government, country: YE, parent: ye-houthi}
- {id: sd-gov, name: Government of Sudan, aliases: [Sudanese government, Port Sudan authorities], type: government, country: SD}
- {id: sd-moh, name: Sudanese Ministry of Health, aliases: [Sudan's health ministry, Federal Ministry of Health], type: government, country: SD, parent: sd-gov}
- {id: sd-kh, name: Khartoum State Government, aliases: [Khartoum State authorities], type: government, country: SD, parent: sd-gov}
- {id: sd-kh-moh, name: Khartoum State Ministry of Health, aliases: [Khartoum state health ministry], type: government, country: SD, parent: sd-kh}
"""


@pytest.mark.parametrize("text, countries, expected", [
    # "the <subject> ministry of <a government>" is that government's ministry, national or not
    ("The health ministry of the Houthi-run administration said 40 clinics had closed.", {"YE": 3.0}, ["ye-houthi-moh"]),
    ("At least 23 people were killed, according to the health ministry of Khartoum State.", {"SD": 3.0}, ["sd-kh-moh"]),
    ("The health ministry of Sudan reported 300 new cases.", {"SD": 3.0}, ["sd-moh"]),
    # "the health ministry" alone is the national one of the country the story is about, and no other's
    ("The health ministry said vaccines had arrived in Kassala.", {"SD": 3.0}, ["sd-moh"]),
    ("The health ministry said vaccines had arrived.", {"SD": 1.0, "YE": 1.0}, []),
])
def test_a_ministry_named_through_its_government(matcher_for, text, countries, expected):
    assert linked_ids(matcher_for(MINISTRIES), text, countries) == expected


MINISTERS = """
- {id: tr-gov, name: Government of Turkey, aliases: [Turkish government, Ankara government], type: government, country: TR}
- {id: tr-mod, name: Turkish Ministry of National Defence, aliases: [Turkish Defence Ministry], type: government, country: TR, parent: tr-gov}
- {id: tr-mfa, name: Turkish Ministry of Foreign Affairs, aliases: [Turkish Foreign Ministry], type: government, country: TR, parent: tr-gov}
- {id: sy-gov, name: Government of Syria, aliases: [Syrian government, Damascus government], type: government, country: SY}
- {id: sy-mod, name: Syrian Ministry of Defence, aliases: [Syrian Defence Ministry], type: government, country: SY, parent: sy-gov}
- {id: iq-gov, name: Government of Iraq, aliases: [Iraqi government, Baghdad government], type: government, country: IQ}
- {id: iq-oil, name: Iraqi Ministry of Oil, aliases: [Iraq's Oil Ministry], type: government, country: IQ, parent: iq-gov}
"""


@pytest.mark.parametrize("text, countries, expected", [
    # an unnamed minister named by a country and an office: the ministry acts (section 3, officials named by office)
    ("Turkish and Syrian defence ministers signed a training agreement in Ankara.", {"SY": 2.0, "TR": 2.0}, ["sy-mod", "tr-mod"]),
    ("Iraq's oil minister said exports through Ceyhan would resume.", {"IQ": 3.0}, ["iq-oil"]),
    ("The Turkish foreign minister told reporters the border would stay open.", {"TR": 3.0}, ["tr-mfa"]),
    # a named minister is the person (not in this base); an office the base has no ministry for makes none
    ("Turkey's foreign minister, Kemal Aydin, said the border would stay open.", {"TR": 3.0}, []),
    ("Iraqi Oil Minister Karim Saleh said exports would resume.", {"IQ": 3.0}, []),
    ("Syrian tourism ministers have come and gone.", {"SY": 3.0}, []),
])
def test_a_ministry_named_through_its_unnamed_minister(matcher_for, text, countries, expected):
    assert linked_ids(matcher_for(MINISTERS), text, countries) == expected


PARLIAMENTS = """
- {id: iq-gov, name: Government of Iraq, aliases: [Iraqi government, Baghdad government], type: government, country: IQ}
- {id: iq-army, name: Iraqi Army, aliases: [Iraqi army], type: state_forces, country: IQ, parent: iq-gov}
- {id: iq-cor, name: Council of Representatives of Iraq, aliases: [Iraqi parliament, "Iraq's parliament"], type: government, country: IQ}
- {id: iq-krg, name: Kurdistan Regional Government, aliases: [KRG, Erbil government], type: government, country: IQ}
- {id: iq-kurd-parl, name: Kurdistan Parliament, aliases: [Kurdistan Region parliament], type: government, country: IQ}
- {id: td-gov, name: Government of Chad, aliases: [Chadian government, N'Djamena government], type: government, country: TD}
- {id: td-army, name: Chadian National Army, aliases: [Chadian army], type: state_forces, country: TD, parent: td-gov}
- {id: td-parl, name: Parliament of Chad, aliases: [Chadian parliament], type: government, country: TD}
"""


@pytest.mark.parametrize("text, countries, expected", [
    # a bare "parliament" that acts, in a story about one country, is its national legislature (as "the government")
    ("In 2025 the previous parliament debated a law on the force's structure.", {"IQ": 3.0}, ["iq-cor"]),
    ("Parliament passed the budget on Sunday after months of delay.", {"IQ": 3.0}, ["iq-cor"]),
    ("The opposition urged parliament to reject the constitutional changes.", {"TD": 3.0}, ["td-parl"]),
    # a regional parliament, a place, members, a story about several countries: not the national legislature
    ("The regional parliament in Erbil approved the budget.", {"IQ": 3.0}, []),
    ("Several members of parliament walked out of the session.", {"IQ": 3.0}, []),
    ("Protesters gathered outside parliament on Monday.", {"IQ": 3.0}, []),
    ("Parliament passed the budget on Sunday.", {"IQ": 1.0, "TD": 1.0}, []),
])
def test_a_bare_parliament_is_the_national_legislature(matcher_for, text, countries, expected):
    assert linked_ids(matcher_for(PARLIAMENTS), text, countries) == expected


AUTHORITIES = """
- {id: ht-gov, name: Government of Haiti, aliases: [Haitian government, Port-au-Prince government], type: government, country: HT}
- {id: ht-pnh, name: Haitian National Police, aliases: [PNH], type: state_forces, country: HT, parent: ht-gov}
- {id: sy-gov, name: Government of Syria, aliases: [Syrian government, Damascus government], type: government, country: SY, generic: [interim authorities, the new authorities]}
- {id: sy-army, name: Syrian Army, aliases: [Syrian army], type: state_forces, country: SY, parent: sy-gov}
"""


@pytest.mark.parametrize("text, countries, expected", [
    # "the interim/transitional/federal authorities" with no country named: the story's country (section 2)
    ("The gang leader said his men would fight until the interim authorities stepped down.", {"HT": 3.0}, ["ht-gov"]),
    ("Aid groups urged the transitional authorities to reopen the airport.", {"HT": 3.0}, ["ht-gov"]),
    # another country's generic phrase does not hold the words in this story; in its own story it decides
    ("The interim authorities said the curfew would be lifted.", {"SY": 3.0}, ["sy-gov"]),
    # unqualified or local authorities, or authorities that do nothing: no actor
    ("Local authorities said the road was closed.", {"HT": 3.0}, []),
    ("The interim authorities' mandate ends in February.", {"HT": 3.0}, []),
    ("The interim authorities stepped down.", {"HT": 1.0, "KE": 1.0}, []),
])
def test_the_national_authorities_of_the_story(matcher_for, text, countries, expected):
    assert linked_ids(matcher_for(AUTHORITIES), text, countries) == expected
