"""Cited sources: attribution patterns, canonical names for linked actors, the text's form otherwise, unnamed
sources ignored and the publishing outlet left out."""
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


def entities_for(text: str, spans: list[tuple[str, str]]) -> list[Entity]:
    """Entities as a model would give them, located by their text (first occurrence)."""
    found = []
    for label, name in spans:
        start = text.index(name)
        found.append(Entity(label, name, start, start + len(name)))
    return found


def cite(matcher, text, spans=(), countries=("SY",), outlet=None):
    entities = entities_for(text, list(spans))
    actors = matcher.link(matcher.find(text), text, set(countries), entities)
    return cited_sources(text, actors, entities, outlet=outlet)


@pytest.mark.parametrize("text, expected", [
    ("Nine people died, according to SOHR.", ["Syrian Observatory for Human Rights"]),
    ("Nine people died, according to the Syrian Observatory for Human Rights.", ["Syrian Observatory for Human Rights"]),
    ("SANA reported that nine people died.", ["Syrian Arab News Agency"]),
    ("SANA, the state news agency, reported that nine people died.", ["Syrian Arab News Agency"]),
    ("The SOHR said on Tuesday that nine people died.", ["Syrian Observatory for Human Rights"]),
    ("A spokesperson for the RSF told reporters the claim was false.", ["Rapid Support Forces"]),
    ("Data from ACLED show a rise in attacks.", ["Armed Conflict Location & Event Data"]),
    ("ACLED data show a rise in attacks.", ["Armed Conflict Location & Event Data"]),
    ("The army said it repelled the attack, citing SANA.", ["Syrian Arab News Agency"]),
])
def test_base_actors_are_cited_by_canonical_name(matcher, text, expected):
    assert cite(matcher, text) == expected


def test_sources_outside_the_base_keep_their_text(matcher):
    text = "The Sudan Doctors Network said 40 people were killed, according to Dr Amina Yusuf."
    spans = [("ORG", "The Sudan Doctors Network"), ("PERSON", "Amina Yusuf")]
    assert cite(matcher, text, spans, countries=("SD",)) == ["Sudan Doctors Network", "Amina Yusuf"]


def test_quoted_speaker_after_the_quote(matcher):
    text = "\u201cWe have nothing left,\u201d said Umm Khaled, a mother of four."
    assert cite(matcher, text, [("PERSON", "Umm Khaled")]) == ["Umm Khaled"]


def test_a_role_noun_points_back_to_the_named_person(matcher):
    text = ("Oleh Syniehubov, the regional governor, visited the site. Later the governor wrote on Telegram that "
            "power was back.")
    assert cite(matcher, text, [("PERSON", "Oleh Syniehubov")], countries=("UA",)) == ["Oleh Syniehubov"]


def test_unnamed_sources_are_not_cited(matcher):
    text = "Residents said the town was empty. He said more. Officials told reporters nothing. Witnesses said so."
    assert cite(matcher, text) == []


def test_the_outlet_is_not_a_cited_source(matcher):
    text = "SANA reported the attack. The Levant Courier said its reporter saw it."
    spans = [("ORG", "The Levant Courier")]
    assert cite(matcher, text, spans, outlet="Levant Courier") == ["Syrian Arab News Agency"]


def test_each_source_is_listed_once_in_order(matcher):
    text = "SANA reported an attack. SOHR said it was shelling. SANA later said two died, according to SOHR."
    assert cite(matcher, text) == ["Syrian Arab News Agency", "Syrian Observatory for Human Rights"]


def test_mentioned_but_not_cited_actors_are_left_out(matcher):
    text = "HTS fighters attacked the SAA near Hama. The UN called for calm."
    assert cite(matcher, text) == []


def test_a_named_apposition_is_the_speaker(matcher):
    text = "The group's spokesman, Ahmed Yousif Hamid, has repeatedly said the claims were false."
    assert cite(matcher, text, [("PERSON", "Ahmed Yousif Hamid")], countries=("SD",)) == ["Ahmed Yousif Hamid"]


def test_a_parenthesised_acronym_does_not_hide_the_name(matcher):
    text = "The International Organization for Migration (IOM) said 3,400 families had returned."
    assert cite(matcher, text, [("ORG", "The International Organization for Migration")]) == [
        "International Organization for Migration"]


def test_a_place_is_no_source_but_a_name_around_it_is(matcher):
    text = "Officials in Ramallah said little. The Central Elections Commission in Ramallah said it was ready."
    places = [(m.start(), m.end()) for m in __import__("re").finditer("Ramallah", text)]
    actors = matcher.link(matcher.find(text), text, {"PS"}, [])
    assert cited_sources(text, actors, [], skip_spans=places) == ["Central Elections Commission"]


def test_a_later_surname_is_the_person_named_before(matcher):
    text = "Samer al-Ahmad runs the council. \u201cWe are ready,\u201d Ahmad said."
    assert cite(matcher, text, [("PERSON", "Samer al-Ahmad")]) == ["Samer al-Ahmad"]
