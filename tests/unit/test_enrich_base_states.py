"""Every UN member state (with Kosovo and Taiwan) in the repository's actor base as demo/articles/ANNOTATION.md
section 2 reads them: the state acting through its name, demonym or capital is its government, its military
action its national armed forces; the same names as a place, an origin or a people are no actor."""
from __future__ import annotations

import pytest

from workers.enrich.actors import default_matcher
from workers.enrich.actors.derived import country_form_map, national_forces, national_governments, person_surnames

from .conftest import linked_ids

UN_MEMBERS = frozenset("""
DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ NA NE NG
RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW
AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY VE
AL AD AT BY BE BA BG HR CZ DK EE FI FR DE GR HU IS IE IT LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI
ES SE CH UA GB
AF AM AZ BH BD BT BN KH CN CY GE IN ID IR IQ IL JP JO KZ KW KG LA LB MY MV MN MM NP KP OM PK PH QA SA SG KR LK SY
TJ TH TL TR TM AE UZ VN YE
AU FJ KI MH FM NR NZ PW PG WS SB TO TV VU
""".split())
# two rival authorities each: Libya's (the guideline does not say which one "Libya" means) and Gaza's and Ramallah's
NO_NATIONAL_GOVERNMENT = frozenset({"LY", "PS"})
# states without armed forces of their own
NO_ARMED_FORCES = frozenset("CR PA IS LI MC AD SM DM GD LC VC MU KI MH FM NR PW WS SB TV VU".split())


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


@pytest.fixture(scope="module")
def derived(matcher):
    forms = country_form_map(matcher.base, person_surnames(matcher.base))
    return national_governments(matcher.base, forms), national_forces(matcher.base, forms)


def test_the_un_list_is_complete():
    assert len(UN_MEMBERS) == 193


def test_every_state_has_a_national_government_with_country_forms(derived):
    governments, _ = derived
    expected = (UN_MEMBERS | {"PS", "XK", "TW"}) - NO_NATIONAL_GOVERNMENT
    assert sorted(expected - set(governments)) == []


def test_every_state_with_an_army_has_national_forces(derived):
    governments, forces = derived
    armed = UN_MEMBERS - NO_ARMED_FORCES - NO_NATIONAL_GOVERNMENT
    assert sorted(c for c in armed if governments.get(c) not in forces) == []


@pytest.mark.parametrize("text, countries, expected", [
    ("Brazil voted against the draft resolution on Friday.", {"BR": 1.0}, ["br-gov"]),
    ("South Africa's foreign ministry said the ambassador had been recalled.", {"ZA": 2.0}, ["za-dirco"]),
    ("South Africa filed a case against Israel at the International Court of Justice.", {"ZA": 1.0, "IL": 2.0},
     ["il-gov", "intl-icj", "za-gov"]),
    ("The Tunisian government said the boats would be turned back.", {"TN": 3.0}, ["tn-gov"]),
    ("Officials in Pretoria said the talks would resume next month.", {"ZA": 3.0}, ["za-gov"]),
    ("Rabat recalled its ambassador for consultations.", {"MA": 3.0}, ["ma-gov"]),
    ("Mozambique asked Rwanda to send more troops to Cabo Delgado.", {"MZ": 2.0, "RW": 1.0}, ["mz-gov", "rw-gov"]),
    ("The truce was brokered by Turkey and Brazil.", {"IR": 2.0}, ["br-gov", "tr-gov"]),
    ("Taipei said eleven warships had crossed the median line.", {"TW": 2.0}, ["tw-gov"]),
    ("The talks between Belgrade and Pristina stalled again.", {"RS": 2.0, "XK": 2.0}, ["rs-gov", "xk-gov"]),
    ("Kazakhstan offered to host the next round.", {"KZ": 1.0}, ["kz-gov"]),
    ("Guinea-Bissau's military authorities suspended the count.", {"GW": 3.0}, ["gw-gov"]),
])
def test_a_state_acting_is_its_government(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries, expected", [
    ("Mozambican troops retook the port town on Sunday.", {"MZ": 3.0}, ["mz-fadm"]),
    ("South African troops withdrew from eastern Congo.", {"ZA": 2.0, "CD": 2.0}, ["za-sandf"]),
    ("Tanzanian and Malawian soldiers stayed on in Goma.", {"CD": 3.0, "TZ": 1.0, "MW": 1.0}, ["mw-mdf", "tz-tpdf"]),
    ("The Moroccan army repelled an attack near the berm.", {"MA": 3.0}, ["ma-far"]),
    ("Sri Lanka's army said it had cleared the road.", {"LK": 3.0}, ["lk-armed-forces"]),
    ("Irish troops came under fire near the border.", {"LB": 2.0, "IE": 1.0}, ["ie-defence-forces"]),
    # bare "the army" and "police" in a story about one country: that country's forces
    ("The army said it had pushed the insurgents out of the district.", {"MZ": 3.0}, ["mz-fadm"]),
    ("Police fired tear gas at the crowd outside the stadium.", {"ZA": 3.0}, ["za-saps"]),
    ("Moroccan police arrested the suspect.", {"MA": 3.0}, ["ma-dgsn"]),
    ("The Philippine Coast Guard said its boat was rammed.", {"PH": 3.0}, ["ph-coast-guard"]),
])
def test_military_and_police_action_is_the_states_forces(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected


@pytest.mark.parametrize("text, countries", [
    ("Exports to Brazil rose by a fifth last year.", {"BR": 1.0, "AR": 1.0}),
    ("The freighter sailed from Brazil to Nigeria.", {"BR": 1.0, "NG": 1.0}),
    ("The gang used Brazilian-made rifles.", {"HT": 3.0}),
    ("A Liberian-flagged tanker was hit off the coast.", {"YE": 3.0}),
    ("Peruvian farmers blocked the highway for a week.", {"PE": 3.0}),
    ("She moved from Cuba to Spain in 1990.", {"CU": 1.0, "ES": 1.0}),
    ("Thousands of Filipino workers were stranded in the camps.", {"PH": 1.0, "KW": 1.0}),
    ("Voters in Georgia backed the challenger.", {"US": 3.0}),
    ("Piracy in the Gulf of Guinea fell this year.", {"NG": 1.0}),
    ("He flew to Taiwan last week.", {"TW": 2.0}),
    ("Bosnian Serb leaders rejected the ruling.", {"BA": 3.0}),
    ("Ethnic Albanian parties joined the coalition.", {"MK": 3.0}),
    # peoples of Afghanistan, Syria and Iraq that share a name with a state
    ("Fighters from Turkmen factions joined the offensive.", {"SY": 3.0}),
])
def test_a_place_origin_or_people_is_no_actor(matcher, text, countries):
    assert linked_ids(matcher, text, countries) == []


@pytest.mark.parametrize("text, countries, expected", [
    # one name inside another: the longer state wins
    ("Equatorial Guinean authorities detained the crew.", {"GQ": 3.0}, ["gq-gov"]),
    ("Guinean authorities detained the crew.", {"GN": 3.0}, ["gn-gov"]),
    ("Bissau-Guinean troops left the capital.", {"GW": 3.0}, ["gw-armed-forces"]),
    ("Papua New Guinean soldiers guarded the mine.", {"PG": 3.0}, ["pg-pngdf"]),
    ("Equatorial Guinea and Guinea-Bissau signed the accord.", {"GQ": 1.0, "GW": 1.0}, ["gq-gov", "gw-gov"]),
    ("Nigeria and Niger signed a security pact.", {"NG": 1.0, "NE": 1.0}, ["ne-gov", "ng-gov"]),
    ("South Sudan accused Sudan of backing the rebels.", {"SS": 2.0, "SD": 2.0}, ["sd-gov", "ss-gov"]),
    ("The Republic of Congo denied sending troops.", {"CG": 2.0}, ["cg-gov"]),
    ("Dominica voted for the resolution.", {"DM": 1.0}, ["dm-gov"]),
    ("Dominican troops patrolled the border with Haiti.", {"DO": 2.0, "HT": 2.0}, ["do-armed-forces"]),
    ("Georgia's government said it would not join the sanctions.", {"GE": 3.0}, ["ge-gov"]),
])
def test_states_with_overlapping_names_stay_apart(matcher, text, countries, expected):
    assert linked_ids(matcher, text, countries) == expected
