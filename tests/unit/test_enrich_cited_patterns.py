"""Cited sources, further attribution patterns: a source named past a description or a modifying name, and
what a trailing "said" is not followed by."""
from __future__ import annotations

from pathlib import Path

import pytest

from workers.enrich.actors import ActorBase, ActorMatcher
from workers.enrich.cited import cited_sources
from workers.enrich.ner import Entity

FIXTURE = Path(__file__).parent / "fixtures" / "actors"


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher(ActorBase.load(FIXTURE))


def cite(matcher, text, spans=(), countries=("SY",), places=()):
    entities = []
    for label, name in spans:
        start = text.index(name)
        entities.append(Entity(label, name, start, start + len(name)))
    actors = matcher.link(matcher.find(text), text, set(countries), entities)
    skip = [(text.index(p), text.index(p) + len(p)) for p in places]
    return cited_sources(text, actors, entities, skip_spans=skip)


def test_a_description_before_the_source_is_skipped(matcher):
    text = "Prices rose 8 per cent, according to the price reporting agency Fastmarkets."
    assert cite(matcher, text, [("ORG", "Fastmarkets")]) == ["Fastmarkets"]


def test_a_name_in_apposition_after_a_description_is_the_source(matcher):
    text = "According to the UN agency for Palestine refugees, UNRWA, 32,000 people remain displaced."
    assert cite(matcher, text, [("ORG", "UNRWA")]) == ["UNRWA"]


def test_a_possessive_name_only_modifies_the_source(matcher):
    text = "According to the UN's Office for the Coordination of Humanitarian Affairs, 90,000 people fled."
    assert cite(matcher, text, [("ORG", "Office for the Coordination of Humanitarian Affairs")]) == [
        "Office for the Coordination of Humanitarian Affairs"]


def test_an_agency_that_only_carried_a_statement_is_no_source(matcher):
    # the claim is the speaker's; the outlet is only where it ran (guideline §1/§4)
    text = "The ports authority said in a statement carried by the state agency SANA that the ports were open."
    assert cite(matcher, text) == []


def test_what_follows_a_trailing_said_is_no_source_unless_it_is_the_speaker(matcher):
    text = "Ahmed Ali, a lawyer, said in a post on X that the court would hear the case."
    assert cite(matcher, text, [("PERSON", "Ahmed Ali")]) == ["Ahmed Ali"]


def test_a_name_opening_the_sentence_speaks_past_a_long_apposition(matcher):
    text = ("Hiba Abdelrahim, an economist who teaches at the University of Khartoum, now working from Port Sudan, "
            "said the bank was trying to plug a leaking dam.")
    spans = [("PERSON", "Hiba Abdelrahim"), ("ORG", "University of Khartoum")]
    assert cite(matcher, text, spans, countries=("SD",), places=("Port Sudan",)) == ["Hiba Abdelrahim"]


def test_places_joined_by_and_are_no_source(matcher):
    text = "Dealers in Port Sudan and Omdurman quoted the pound at 4,250 to the dollar."
    spans = [("ORG", "Port Sudan and Omdurman")]
    assert cite(matcher, text, spans, countries=("SD",), places=("Port Sudan", "Omdurman")) == []


@pytest.mark.parametrize("text", [
    "Syrian officials said the crossing would reopen.",
    "Syria's envoy said the crossing would reopen.",
    "The Syrian government said the crossing would reopen.",
])
def test_officials_and_envoys_speak_for_their_government(matcher, text):
    assert cite(matcher, text) == ["Government of Syria"]


def test_an_office_speaks_for_the_person_it_serves(matcher):
    text = "Herzog's office said the president would begin consultations next week."
    assert cite(matcher, text, [("PERSON", "Herzog")], countries=("IL",)) == ["Herzog"]


def test_each_of_two_joined_subjects_is_a_source(matcher):
    text = "SOHR and ACLED have documented previous strikes on markets."
    assert cite(matcher, text) == ["Syrian Observatory for Human Rights", "Armed Conflict Location & Event Data"]


@pytest.mark.parametrize("text", [
    "SANA put the death toll at 17.",
    "SANA has calculated that a fifth of capacity was lost.",
])
def test_tolls_and_calculations_are_attributions(matcher, text):
    assert cite(matcher, text) == ["Syrian Arab News Agency"]
