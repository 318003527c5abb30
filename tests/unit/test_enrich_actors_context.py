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
