"""Linking classes of round 3 on invented news sentences: sanctions of a regional body are its own act, a person
inside a lower-case designation ("the government of transitional president X"), a state through its envoys, the
Palestinian Authority through its seat, a state holding ground through its forces, a group's armed wing named
through the group, "the government" of a de-facto state in a story about it, an abbreviation the text defines,
a country's central bank without its name, a government's forces named through it,
states as the two sides of a relation ("US-Iran talks"), a delegation from a state, states exchanging prisoners, a state's
relations with another, states barring, talking, viewing,
a long country name holding a shorter one, countries whose borders meet, a state
criticised or called on, what a state is yet to do, states that fought, a qualified junta."""
from __future__ import annotations

import pytest

from workers.enrich.actors import ActorMatcher

from .conftest import linked_ids

BASE = """
- {id: ml-gov, name: Government of Mali, aliases: [Malian government, Bamako government, Malian authorities], type: government, country: ML}
- {id: ml-fama, name: Malian Armed Forces, aliases: [FAMa, Malian army, Malian troops], type: state_forces, country: ML, parent: ml-gov}
- {id: ml-goita, name: Assimi Goita, aliases: [Assimi Goïta], type: person, country: ML, parent: ml-gov}
- {id: td-gov, name: Government of Chad, aliases: [Chadian government, N'Djamena government], type: government, country: TD}
- {id: cn-gov, name: Government of China, aliases: [Chinese government, Beijing government], type: government, country: CN}
- {id: us-gov, name: Government of the United States, aliases: [US government, Washington government], type: government, country: US}
- {id: ru-gov, name: Government of Russia, aliases: [Russian government, Moscow government], type: government, country: RU}
- {id: ua-gov, name: Government of Ukraine, aliases: [Ukrainian government, Kyiv government], type: government, country: UA}
- {id: ua-afu, name: Armed Forces of Ukraine, aliases: [Ukrainian army, Ukrainian troops, Ukraine's armed forces], type: state_forces, country: UA, parent: ua-gov}
- {id: ru-afrf, name: Russian Armed Forces, aliases: [Russian army, Russian troops, Russia's armed forces], type: state_forces, country: RU, parent: ru-gov}
- {id: ps-pa, name: Palestinian Authority, aliases: [Palestinian Authority, PA, government in Ramallah, Ramallah authorities], type: government, country: PS}
- {id: ye-houthis, name: Houthis, aliases: [Houthi movement, Houthis, Ansar Allah], type: rebel_group, country: YE}
- {id: ye-houthi-forces, name: Houthi armed forces, aliases: [Houthi forces, Houthi military], type: rebel_group, country: YE, parent: ye-houthis}
- {id: ye-saree, name: Yahya Saree, aliases: [Yahya Saree], type: person, country: YE, parent: ye-houthi-forces}
- {id: lb-hezbollah, name: Hezbollah, aliases: [Hezbollah], type: political_militia, country: LB}
- {id: lb-radwan, name: Radwan Force, aliases: [Radwan Force, Radwan Forces], type: political_militia, country: LB, parent: lb-hezbollah}
- {id: so-gov, name: Federal Government of Somalia, aliases: [Somali government, Mogadishu government, Somalia's government], type: government, country: SO}
- {id: so-sna, name: Somali National Army, aliases: [Somali army, Somali troops], type: state_forces, country: SO, parent: so-gov}
- {id: so-interior, name: Somali Ministry of Interior, aliases: [Somali interior ministry], type: government, country: SO, parent: so-gov}
- {id: so-somaliland, name: Government of Somaliland, aliases: [Somaliland government, Hargeisa government], type: government, country: SO}
- {id: so-sl-livestock, name: Somaliland Ministry of Livestock, aliases: [Somaliland Ministry of Livestock], type: government, country: SO, parent: so-somaliland}
- {id: so-al-shabaab, name: Al-Shabaab, aliases: [Al-Shabaab, al-Shabab], type: rebel_group, country: SO}
- {id: pk-hrc, name: Human Rights Commission of Pakistan, aliases: [Human Rights Commission of Pakistan], type: monitor_ngo, country: PK}
- {id: pk-ndma, name: National Disaster Management Authority, aliases: [National Disaster Management Authority], type: government, country: PK}
- {id: pk-gov, name: Government of Pakistan, aliases: [Pakistani government, Islamabad government], type: government, country: PK}
- {id: pk-sbp, name: State Bank of Pakistan, aliases: [State Bank of Pakistan, SBP], type: government, country: PK, parent: pk-gov}
- {id: ye-gov, name: Government of Yemen, aliases: [Yemeni government, Aden government], type: government, country: YE}
- {id: ye-cby, name: Central Bank of Yemen, aliases: [Central Bank of Yemen, CBY], type: government, country: YE, parent: ye-gov}
- {id: ps-pa-security, name: Palestinian Authority security forces, aliases: [PA security forces], type: state_forces, country: PS, parent: ps-pa}
- {id: nrc, name: Norwegian Refugee Council, aliases: [Norwegian Refugee Council], type: monitor_ngo, country: null}
- {id: pk-nrc, name: National Reconciliation Commission, aliases: [National Reconciliation Commission], type: government, country: PK}
- {id: ir-gov, name: Government of Iran, aliases: [Iranian government, Tehran government], type: government, country: IR}
- {id: qa-gov, name: Government of Qatar, aliases: [Qatari government, Doha government], type: government, country: QA}
- {id: ua-chamber, name: Ukraine-Russia Chamber of Commerce, aliases: [Ukraine-Russia Chamber of Commerce], type: monitor_ngo, country: UA}
- {id: dz-gov, name: Government of Algeria, aliases: [Algerian government, Algiers government], type: government, country: DZ}
- {id: sa-gov, name: Government of Saudi Arabia, aliases: [Saudi government, Riyadh government], type: government, country: SA}
- {id: cd-gov, name: Government of the Democratic Republic of the Congo, aliases: [Congolese government, government of the Democratic Republic of Congo], type: government, country: CD}
- {id: cg-gov, name: Government of the Republic of the Congo, aliases: [Republic of Congo government, Brazzaville government], type: government, country: CG}
- {id: rw-gov, name: Government of Rwanda, aliases: [Rwandan government, Kigali government], type: government, country: RW}
- {id: ne-gov, name: Government of Niger, aliases: [Nigerien government, Niamey government], type: government, country: NE}
- {id: bf-gov, name: Government of Burkina Faso, aliases: [Burkinabe government, Ouagadougou government], type: government, country: BF}
- {id: il-gov, name: Government of Israel, aliases: [Israeli government, Israeli authorities], type: government, country: IL}
- {id: il-idf, name: Israel Defense Forces, aliases: [IDF, Israeli army, Israeli military, Israeli troops], type: state_forces, country: IL, parent: il-gov}
- {id: ir-forces, name: Iranian Armed Forces, aliases: [Iranian military, Iranian army, Iranian troops], type: state_forces, country: IR, parent: ir-gov}
- {id: eu, name: European Union, aliases: [EU], type: international_org, country: null}
- {id: ecowas, name: Economic Community of West African States, aliases: [ECOWAS], type: international_org, country: null}
- {id: un, name: United Nations, aliases: [UN], type: international_org, country: null}
- {id: unsc, name: UN Security Council, aliases: [Security Council], type: international_org, country: null}
"""


@pytest.fixture(scope="module")
def matcher(matcher_for) -> ActorMatcher:
    return matcher_for(BASE)


@pytest.mark.parametrize("text, countries, expected", [
    # a regional body's sanctions are its own act (it imposes them)
    ("Exporters are still waiting for EU sanctions to be eased.", {"RU": 3.0}, ["eu"]),
    ("ECOWAS sanctions closed the borders for six months.", {"ML": 3.0}, ["ecowas"]),
    ("The lifting of EU economic sanctions was welcomed in Damascus.", {"SY": 3.0}, ["eu"]),
    # the UN's sanctions are the Security Council's: the UN as a whole does nothing
    ("Exporters are still waiting for UN sanctions to be eased.", {"RU": 3.0}, []),
    ("The UN arms sanctions on the group remain in force.", {"RU": 3.0}, []),
    # a sanctions regime or list is a topic, not an act
    ("He was added to the EU sanctions list in May.", {"RU": 3.0}, []),
])
def test_sanctions_of_a_regional_body(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # a person named only inside the designation of a government, whatever the case of the title
    ("The government of transitional president Assimi Goïta has blamed foreign sponsors for the shortages.",
     {"ML": 3.0}, ["ml-gov"]),
    ("The military government of Assimi Goita said the convoy had reached Bamako.", {"ML": 3.0}, ["ml-gov"]),
    ("The regime of interim leader Assimi Goita has banned political parties.", {"ML": 3.0}, []),
    # the person acting keeps the person
    ("Transitional president Assimi Goita said the convoy had reached Bamako.", {"ML": 3.0}, ["ml-goita"]),
    # "the government of <a country>" names that country, not the story's government
    ("The government of Chad said the border would stay closed.", {"ML": 3.0}, ["td-gov"]),
    ("The government of National Unity said the vote would go ahead.", {"ML": 3.0}, []),
])
def test_person_inside_a_lower_case_designation(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # a state speaks through its envoys, whatever their rank
    ("China's deputy ambassador told the council the draft went too far.", {"CN": 2.0}, ["cn-gov"]),
    ("The US ambassador warned that aid would be cut.", {"US": 2.0}, ["us-gov"]),
    ("Russia's permanent representative vetoed the text.", {"RU": 2.0}, ["ru-gov"]),
    ("The Chinese deputy envoy said the draft was unbalanced.", {"CN": 2.0}, ["cn-gov"]),
    # a former envoy speaks for no state
    ("China's former ambassador to Mali wrote a memoir.", {"CN": 2.0}, []),
])
def test_state_through_its_envoys(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # the Palestinian Authority sits in Ramallah: its officials there speak for it
    ("Officials in Ramallah said they would not attend the meeting.", {"PS": 3.0}, ["ps-pa"]),
    ("Ramallah rejected the plan on Tuesday.", {"PS": 3.0}, ["ps-pa"]),
    # the town as a place does nothing
    ("The road from Ramallah to Nablus was closed for hours.", {"PS": 3.0}, []),
])
def test_palestinian_authority_through_its_seat(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # a state holds or occupies ground through its armed forces
    ("Kramatorsk is one of the largest towns Ukraine still controls in the region.", {"UA": 3.0}, ["ua-afu"]),
    ("Russia occupies about a fifth of the country.", {"UA": 2.0, "RU": 1.0}, ["ru-afrf"]),
    # what a state controls besides ground is no military matter, and a place controlled by no one acts not
    ("Russia controls prices of bread and fuel by decree.", {"RU": 3.0}, []),
    ("Traders from Ukraine said controls at the border had been tightened.", {"UA": 3.0}, []),
])
def test_state_holding_ground_through_its_forces(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # "the group's military" after a group with one armed wing in the base is that wing
    ("The Houthi movement denied any role. A spokesman for the group's military, Yahya Saree, said the navy was not involved.",
     {"YE": 3.0}, ["ye-houthi-forces", "ye-houthis", "ye-saree"]),
    ("The Houthis said its armed wing would keep up the blockade.", {"YE": 3.0}, ["ye-houthi-forces", "ye-houthis"]),
    # a thing of the group's military is not the wing
    ("The Houthis said Israel had hit the group's military infrastructure near the port.", {"YE": 3.0},
     ["il-idf", "ye-houthis"]),
    # a unit is no wing: "the group's military" after Hezbollah names no Radwan Force
    ("Hezbollah said the group's military would respond.", {"LB": 3.0}, ["lb-hezbollah"]),
])
def test_wing_named_through_its_group(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # in a story about a de-facto state, with no word of the national government, "the government" is its own
    ("The Somaliland Ministry of Livestock said exports would resume. The government would ask buyers to lift the ban.",
     {"SO": 3.0}, ["so-sl-livestock", "so-somaliland"]),
    ("Hargeisa rejected the claim, and the government said talks would go on.", {"SO": 3.0}, ["so-somaliland"]),
    # with the national government acting in the story, or no other government named, it stays the national one
    ("Mogadishu rejected the claim, and the government said talks would go on.", {"SO": 3.0}, ["so-gov"]),
    ("Al-Shabaab attacked a base, and the government said it would respond.", {"SO": 3.0}, ["so-al-shabaab", "so-gov"]),
])
def test_the_government_of_a_de_facto_state(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


def _mentions(matcher, text, countries):
    return {(a.name, a.linked, a.mentions) for a in matcher.link(matcher.find(text), text, countries)}


def test_abbreviation_defined_in_the_text_is_the_same_actor(matcher):
    text = ("The Human Rights Commission of Pakistan (HRCP) published its annual report on Monday. "
            "HRCP said 300 people had gone missing in the province.")
    assert _mentions(matcher, text, {"PK": 3.0}) == {("Human Rights Commission of Pakistan", True, 3)}


def test_abbreviation_defined_for_two_actors_is_left_alone(matcher):
    text = ("The Norwegian Refugee Council (NRC) and the National Reconciliation Commission (NRC) met. "
            "NRC said the talks were useful.")
    found = _mentions(matcher, text, {"PK": 3.0})
    assert ("Norwegian Refugee Council", True, 1) in found and ("National Reconciliation Commission", True, 1) in found


def test_abbreviation_of_a_longer_name_ending_in_an_actor_is_not_that_actor(matcher):
    text = ("At least 27 people were killed, according to the Human Rights Council of Pakistan (HRCoP). "
            "HRCoP urged the government to act.")
    # (the government acts twice: "of Pakistan" after "according to", "urged the government"; never as "HRCoP")
    assert ("Government of Pakistan", True, 2) in _mentions(matcher, text, {"PK": 3.0})


def test_a_bracketed_word_that_is_no_abbreviation_is_no_alias(matcher):
    text = "The Human Rights Commission of Pakistan (Lahore) said the report was late. Lahore was quiet."
    assert ("Human Rights Commission of Pakistan", True, 1) in _mentions(matcher, text, {"PK": 3.0})


@pytest.mark.parametrize("text, countries, expected", [
    # "the central bank" in a story about one country is that country's central bank, however the bank is named
    ("The central bank has cut its policy rate four times this year.", {"PK": 3.0}, ["pk-sbp"]),
    ("The central bank in Aden said it would auction $30 million.", {"YE": 3.0}, ["ye-cby"]),
    ("Pakistan's central bank kept rates on hold.", {"PK": 1.0, "YE": 1.0}, ["pk-sbp"]),
    ("The Yemeni central bank said the old notes were void.", {"PK": 1.0, "YE": 1.0}, ["ye-cby"]),
    # in a story about no one country, "the central bank" is no one's; "a central bank economist" is no bank
    ("The central bank has cut its policy rate four times this year.", {"PK": 1.0, "YE": 1.0}, []),
    ("A former central bank economist said the rupee was weak.", {"PK": 3.0}, []),
])
def test_central_bank_of_the_story(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # "X, whose security services ...", "X's security forces": the one state force under that government
    ("Residents blamed the Palestinian Authority, whose security services raided the camp in December.", {"PS": 3.0},
     ["ps-pa", "ps-pa-security"]),
    ("The Palestinian Authority's security forces withdrew from the camp.", {"PS": 3.0}, ["ps-pa-security"]),
    # the government alone: no forces
    ("The Palestinian Authority said the camp would be rebuilt.", {"PS": 3.0}, ["ps-pa"]),
])
def test_forces_named_through_their_government(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # the two sides of a relation named in one hyphenated word both act
    ("US-Iran talks resumed in Muscat on Sunday.", {"US": 1.0, "IR": 1.0}, ["ir-gov", "us-gov"]),
    ("The Russia-Ukraine prisoner exchange went ahead.", {"UA": 1.0, "RU": 1.0}, ["ru-gov", "ua-gov"]),
    # a war is the forces' doing and a border no act; a longer name holding the pair is its own actor
    ("The Russia-Ukraine war entered its fourth year.", {"UA": 1.0, "RU": 1.0}, []),
    ("The US-Mexico border was quiet.", {"US": 3.0}, []),
    ("The Ukraine-Russia Chamber of Commerce said trade had halved.", {"UA": 3.0}, ["ua-chamber"]),
    # a delegation or envoy from a state is the state; states exchanging or releasing prisoners act
    ("A delegation from Qatar arrived in Cairo on Monday.", {"QA": 1.0, "EG": 1.0}, ["qa-gov"]),
    ("Moscow and Kyiv exchanged 150 prisoners each.", {"UA": 1.0, "RU": 1.0}, ["ru-gov", "ua-gov"]),
    ("Iran released two French nationals.", {"IR": 3.0}, ["ir-gov"]),
    # a possessive government with a qualifier is still the government
    ("Tehran's central government said it would pay the salaries.", {"IR": 3.0}, ["ir-gov"]),
])
def test_states_as_sides_and_delegations(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # a state's relations, deal or talks with another: both act
    ("Bamako's relations with Algiers have soured since January.", {"ML": 1.0, "DZ": 1.0}, ["dz-gov", "ml-gov"]),
    ("Riyadh's talks with the Houthis have stalled.", {"YE": 1.0, "SA": 1.0}, ["sa-gov", "ye-houthis"]),
    # a state that bars, talks to or views someone acts
    ("Russia has barred the EU's envoy from entering.", {"RU": 3.0}, ["ru-gov"]),
    ("Saudi Arabia has been talking to the Houthis for months.", {"YE": 1.0, "SA": 1.0}, ["sa-gov", "ye-houthis"]),
    # "talks" after a place is the noun: the venue of talks does nothing
    ("The Riyadh talks between the two sides have stalled.", {"YE": 1.0, "SA": 1.0}, []),
    ("Bamako's markets reopened on Monday.", {"ML": 3.0}, []),
])
def test_relations_and_more_state_verbs(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # the long name of a country is its own form, with or without "the": the shorter name inside is not meant
    ("The deal between the Democratic Republic of the Congo and Rwanda has not held.", {"CD": 1.0, "RW": 1.0},
     ["cd-gov", "rw-gov"]),
    ("The deal between the Democratic Republic of Congo and Rwanda has not held.", {"CD": 1.0, "RW": 1.0},
     ["cd-gov", "rw-gov"]),
    ("The deal between the Republic of the Congo and Rwanda has not held.", {"CG": 1.0, "RW": 1.0}, ["cg-gov", "rw-gov"]),
])
def test_long_country_names(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # countries whose borders meet at a place are places
    ("The attack hit the tri-border area where Niger, Mali and Burkina Faso meet.", {"NE": 3.0}, []),
    ("The town lies near the point where the borders of Niger and Mali meet.", {"NE": 3.0}, []),
    # states meeting are states acting
    ("Niger, Mali and Burkina Faso meet in Niamey next week to discuss a joint force.", {"NE": 3.0},
     ["bf-gov", "ml-gov", "ne-gov"]),
])
def test_countries_whose_borders_meet(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # the state criticised, called on or appealed to is the one pressed
    ("Criticism of Israel grew after the strike on the school.", {"IL": 3.0}, ["il-gov"]),
    ("Calls on Israel to let fuel in have grown louder.", {"IL": 3.0}, ["il-gov"]),
    ("An appeal to Rwanda to pull back went unanswered.", {"RW": 3.0}, ["rw-gov"]),
    # what a state is yet, due or expected to do is its act
    ("Israel has yet to withdraw from five hilltop positions.", {"IL": 3.0}, ["il-gov"]),
    ("Israel is expected to announce the new crossings this week.", {"IL": 3.0}, ["il-gov"]),
    # states that fought a war did so through their forces
    ("Iran and Israel fought a 12-day war in June.", {"IL": 1.0, "IR": 1.0}, ["il-idf", "ir-forces"]),
    # criticism "of" a place is no pressure on a state: the state is only where
    ("A wave of criticism in Israel followed the verdict.", {"IL": 3.0}, []),
])
def test_states_pressed_and_yet_to_act(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # "the ruling junta", "the country's military junta" of the story's country is its government
    ("The ruling junta suspended two broadcasters on Monday.", {"ML": 3.0}, ["ml-gov"]),
    ("The country's military junta said elections would be delayed.", {"ML": 3.0}, ["ml-gov"]),
    # in a story about no one country it is no one's; a junta only described does nothing
    ("The ruling junta suspended two broadcasters on Monday.", {"ML": 1.0, "NE": 1.0}, []),
    ("A film about the ruling junta won a prize in Cannes.", {"ML": 3.0}, []),
])
def test_qualified_junta_of_the_story(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected
