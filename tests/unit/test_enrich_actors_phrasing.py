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
