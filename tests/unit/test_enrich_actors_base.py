"""The repository's actor base (workers/enrich/data/actors) against demo/articles/ANNOTATION.md: institutions
that news cites often are there, typed as the guideline says; no generic civilians actors; phrases that only
mean an actor in one country's story are generic, not aliases."""
from __future__ import annotations

import pytest

from workers.enrich.actors import default_matcher


@pytest.fixture(scope="module")
def matcher():
    return default_matcher()


def linked(matcher, text, countries):
    return sorted(a.id for a in matcher.link(matcher.find(text), text, countries) if a.linked)


@pytest.mark.parametrize("text, countries, expected", [
    ("The IMF approved the review; the World Bank and the African Development Bank pledged loans.", {"PK": 1.0},
     ["intl-afdb", "intl-imf", "intl-world-bank"]),
    ("Turkey's disaster agency AFAD said 24 people had died.", {"TR": 3.0}, ["tr-afad"]),
    ("The NDMA said the floods had displaced 700,000 people.", {"PK": 3.0}, ["pk-ndma"]),
    ("The NDMA said the floods had displaced 700,000 people.", {"IN": 3.0}, ["in-ndma"]),
    ("The Office of the UN Special Envoy for Yemen said talks would resume.", {"YE": 2.0}, ["intl-osesgy"]),
    ("NEMA said 700,000 people were affected across Nigeria's states.", {"NG": 2.0}, ["ng-nema"]),
])
def test_institutions_the_news_cites_are_in_the_base(matcher, text, countries, expected):
    assert linked(matcher, text, countries) == expected


def test_no_generic_nationality_civilians_actors(matcher):
    civilians = [a for a in matcher.base.actors.values() if a.type == "civilians"]
    assert all("civilians" not in a.generic for a in civilians)
    assert linked(matcher, "Civilians fled the shelling, residents said.", {"SY": 3.0}) == []


@pytest.mark.parametrize("actor_id, kind", [
    ("pk-pti", "government"), ("ps-fatah", "government"), ("iq-kdp", "government"),  # parties
    ("iq-pmf", "state_forces"), ("sy-asayish", "political_militia"), ("cd-mai-mai", "political_militia"),
    ("sd-err", "monitor_ngo"), ("intl-anti-isis-coalition", "international_org"), ("intl-cjtf-oir", "state_forces"),
])
def test_types_follow_the_annotation_guideline(matcher, actor_id, kind):
    assert matcher.base[actor_id].type == kind


def test_a_phrase_that_names_one_countrys_forces_stays_generic(matcher):
    text = "Soldiers clashed with the rebels before the government-aligned forces withdrew."
    assert "ye-army" not in linked(matcher, text, {"CD": 3.0})
    assert "ye-army" in linked(matcher, text, {"YE": 3.0})
