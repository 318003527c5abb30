"""Governments named through their country, capital or a bare "the government" (demo/articles/ANNOTATION.md,
section 2): which wordings make the state an actor, on a small base written by the test."""
from __future__ import annotations

import pytest

from workers.enrich.actors import ActorMatcher

from .conftest import linked_ids

BASE = """
- {id: sy-gov, name: Syrian government, aliases: [Government of Syria, Damascus government], type: government, country: SY}
- {id: sy-army, name: Syrian Army, aliases: [Syrian army, Syrian troops], type: state_forces, country: SY, parent: sy-gov}
- {id: sy-moi, name: Syrian Ministry of Interior, type: government, country: SY, parent: sy-gov}
- {id: tr-gov, name: Turkish government, aliases: [Government of Turkey, Ankara government], type: government, country: TR}
- {id: tr-mfa, name: Turkish Ministry of Foreign Affairs, type: government, country: TR, parent: tr-gov}
- {id: qa-gov, name: Qatari government, aliases: [Government of Qatar], type: government, country: QA}
- {id: ru-gov, name: Russian government, aliases: [Government of Russia], type: government, country: RU}
- {id: il-gov, name: Israeli government, aliases: [Government of Israel], type: government, country: IL}
- {id: il-idf, name: Israel Defense Forces, aliases: [Israeli army, Israeli troops], type: state_forces, country: IL, parent: il-gov}
- {id: ye-gov, name: Yemeni government, aliases: [Government of Yemen], type: government, country: YE}
- {id: ye-mod, name: Yemeni Ministry of Defence, type: government, country: YE, parent: ye-gov}
- {id: ye-houthi-gov, name: Houthi government, aliases: [Sanaa government], type: government, country: YE}
- {id: ye-houthi-mod, name: Houthi Ministry of Defence, type: government, country: YE, parent: ye-houthi-gov}
"""


@pytest.fixture(scope="module")
def matcher(matcher_for) -> ActorMatcher:
    return matcher_for(BASE)


ids = linked_ids


@pytest.mark.parametrize("text, expected", [
    # a suspended hyphen coordinates the two mediators
    ("The clashes ended with a Qatar- and Turkey-mediated truce.", ["qa-gov", "tr-gov"]),
    ("Officials in Ankara have pointed to the scale of reconstruction.", ["tr-gov"]),
    ("Syria's new authorities have raided factories.", ["sy-gov"]),
    ("Turkey has been pressing Damascus to speed up the process.", ["sy-gov", "tr-gov"]),
    ("The bloc approved new sanctions against Russia on Wednesday.", ["ru-gov"]),
    # a war with a country is its forces' doing, not its government's
    ("Tehran is under pressure after the 2025 war with Israel.", ["il-idf"]),
    ("Syria's coast was calm and exports to Russia rose.", []),
])
def test_country_forms_act_only_as_the_guideline_says(matcher, text, expected):
    assert ids(matcher, text, {"SY": 2.0, "TR": 2.0, "QA": 1.0, "RU": 1.0, "IL": 1.0}) == expected


@pytest.mark.parametrize("text, expected", [
    ("The government said it would rebuild the homes.", ["sy-gov"]),
    ("Farmers urged the federal government to pay them.", ["sy-gov"]),
    # not acting, or not the government itself
    ("Burhan, who heads the government now based in the east, was abroad.", []),
    ("Government forces shelled the town.", []),
    ("The government of Qatar hosted the talks.", ["qa-gov"]),
])
def test_the_government_is_the_story_countrys_when_it_acts(matcher, text, expected):
    assert ids(matcher, text, {"SY": 5.0, "QA": 1.0}) == expected


def test_the_government_stays_unlinked_without_a_dominant_country(matcher):
    assert ids(matcher, "The government said it would rebuild the homes.", {"SY": 3.0, "TR": 2.0}) == []


def test_a_country_with_two_rival_authorities_has_no_default_government(matcher):
    # Yemen's two governments have one body each under them: neither is "the government"
    assert ids(matcher, "The government said salaries would be paid.", {"YE": 5.0}) == []
    assert ids(matcher, "The government said salaries would be paid.", {"IL": 5.0}) == ["il-gov"]
