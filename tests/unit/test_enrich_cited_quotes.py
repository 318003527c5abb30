"""Cited sources in the common orders of news attribution (guideline section 4): who is cited around a quote, a
named or unnamed spokesperson, coordinated and participial verbs, and what is no source. Invented sentences."""
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


def cite(matcher, text, persons=(), orgs=(), countries=("SY",), places=()):
    """Cited sources of text, the given names found by NER as a model would (first occurrence)."""
    entities = [Entity(label, name, text.index(name), text.index(name) + len(name))
                for label, group in (("PERSON", persons), ("ORG", orgs)) for name in group]
    actors = matcher.link(matcher.find(text), text, set(countries), entities)
    skip = [(text.index(p), text.index(p) + len(p)) for p in places]
    return cited_sources(text, actors, entities, skip_spans=skip)


@pytest.mark.parametrize("text, persons, expected", [
    # a named spokesperson is cited by name, the organisation only where a claim is attributed to it directly
    ("Karam Haddad, a spokesman for SOHR, said the bakery was hit twice.", ["Karam Haddad"], ["Karam Haddad"]),
    ("Karam Haddad, spokesman for the SOHR, told reporters the bakery was hit.", ["Karam Haddad"], ["Karam Haddad"]),
    ("The bakery was hit twice, according to a SOHR spokesman, Karam Haddad, who visited it.", ["Karam Haddad"],
     ["Karam Haddad"]),
    ("Karam Haddad, a spokesman for SOHR, said the bakery was hit. SOHR said later that nine died.", ["Karam Haddad"],
     ["Karam Haddad", "Syrian Observatory for Human Rights"]),
    # an unnamed spokesperson cites the organisation
    ("A spokesman for SOHR said the bakery was hit twice.", [], ["Syrian Observatory for Human Rights"]),
    ("The bakery was hit twice, according to a SOHR spokesman.", [], ["Syrian Observatory for Human Rights"]),
])
def test_named_and_unnamed_spokespersons(matcher, text, persons, expected):
    assert cite(matcher, text, persons) == expected


@pytest.mark.parametrize("text, persons, expected", [
    # "..., said X": X is the speaker when the attribution closes with it or an apposition follows
    ("\u201cThe roads are closed,\u201d said Mariam Saleh, a nurse in the town.", ["Mariam Saleh"], ["Mariam Saleh"]),
    ("\u201cThe roads are closed,\u201d said Mariam Saleh.", ["Mariam Saleh"], ["Mariam Saleh"]),
    ("\u201cThe roads are closed,\u201d said Mariam Saleh of the town council.", ["Mariam Saleh"], ["Mariam Saleh"]),
    # ", said X did ...": X is the subject of the reported clause, not the speaker
    ("A report by the council, seen by this newspaper, said SANA had misreported the toll.", [], []),
    ("The statement, signed by the mayor, said HTS fighters had entered the town.", [], []),
])
def test_the_name_after_an_inverted_said(matcher, text, persons, expected):
    assert cite(matcher, text, persons) == expected


@pytest.mark.parametrize("text, expected", [
    # denials, accusations, warnings, estimates and forecasts are claims, in every tense and number
    ("Syrian officials insist the crossing will reopen.", ["Government of Syria"]),
    ("Syrian officials warn that the crossing may close.", ["Government of Syria"]),
    ("HTS fighters shelled the camp, a charge HTS rejects.", ["Hayat Tahrir al-Sham"]),
    ("HTS fighters shelled the camp, which HTS denies.", ["Hayat Tahrir al-Sham"]),
    ("The opposition and HTS accuse Damascus of starving the town.", ["Hayat Tahrir al-Sham"]),
    ("SOHR projected that more families would leave before winter.", ["Syrian Observatory for Human Rights"]),
    ("SOHR measured the damage at 40 per cent of homes.", ["Syrian Observatory for Human Rights"]),
    ("ACLED showed a rise in shelling over the month.", ["Armed Conflict Location & Event Data"]),
    ("SANA has criticised the decision as unlawful.", ["Syrian Arab News Agency"]),
    ("SANA has cited the drought as the main cause.", ["Syrian Arab News Agency"]),
    # "cited by X": X is the source of someone else's words, not the one citing
    ("The figure, cited by SANA, could not be checked.", ["Syrian Arab News Agency"]),
])
def test_claims_in_every_form(matcher, text, expected):
    assert cite(matcher, text) == expected


@pytest.mark.parametrize("text, persons, expected", [
    # a second verb of the sentence's subject
    ("Samir Khoury toured the camp on Monday and said more tents were needed.", ["Samir Khoury"], ["Samir Khoury"]),
    ("Samir Khoury, the camp manager, toured the site but warned that water was short.", ["Samir Khoury"],
     ["Samir Khoury"]),
    ("The Syrian government extended the curfew until Friday and said it would review it.", [], ["Government of Syria"]),
    ("Turkey and Qatar backed the plan but said talks must go on.", [], ["Turkish government", "Qatari government"]),
    # a participle after the clause
    ("HTS withdrew from two villages on Sunday, saying the truce had to be respected.", [], ["Hayat Tahrir al-Sham"]),
    ("SANA raised its toll to 40, citing hospital sources.", [], ["Syrian Arab News Agency"]),
    # a relative clause after the name
    ("Aid reached the town despite objections from HTS, which accuses the UN of bias.", [], ["Hayat Tahrir al-Sham"]),
    # not the sentence's subject: a subordinate clause, a name later in the sentence, an anonymous opening
    ("After HTS entered the town, residents fled and said the shelling went on.", [], []),
    ("Residents of the town sheltered HTS fighters and said nothing to the army.", [], []),
    ("HTS shelled the town, which the army retook and said it would hold.", [], []),
])
def test_the_subject_of_a_second_verb_or_a_participle(matcher, text, persons, expected):
    assert cite(matcher, text, persons, countries=("SY", "TR", "QA")) == expected


@pytest.mark.parametrize("text, persons, expected", [
    # a quote given to a pronoun is the person just introduced
    ("Nadia Farouk, 52, waits at the clinic gate every morning. \u201cThey open two hours a day,\u201d she said.",
     ["Nadia Farouk"], ["Nadia Farouk"]),
    ("Omar Bitar sells fuel by the road. \u201cPrices doubled.\u201d he told reporters.", ["Omar Bitar"], ["Omar Bitar"]),
    # an owner is not the one introduced; a person named far before the quote is not its speaker
    ("Yusuf Dagher's brother runs the bakery. \u201cWe bake at night,\u201d he said.", ["Yusuf Dagher"], []),
    ("Nadia Farouk left in May. " + "The town emptied over the summer as the shelling went on. " * 8
     + "\u201cNobody is left,\u201d she said.", ["Nadia Farouk"], []),
])
def test_a_quote_given_to_a_pronoun(matcher, text, persons, expected):
    assert cite(matcher, text, persons) == expected


@pytest.mark.parametrize("text, countries, expected", [
    # a state speaks through its envoys, its officials (what they think included) and officials in its capital
    ("The Turkish ambassador told the council the border would stay open.", ("TR",), ["Turkish government"]),
    ("Syrian officials regard the deal as a first step.", ("SY",), ["Government of Syria"]),
    ("Syrian officials believe the crossing can reopen by spring.", ("SY",), ["Government of Syria"]),
    ("Officials in Damascus have warned that the crossing may close.", ("SY",), ["Government of Syria"]),
    # not a state: what a group of fighters or residents believes, or an envoy of a body that is no government
    ("HTS fighters believe the truce will not hold.", ("SY",), []),
    ("Residents in Idlib fear a new offensive.", ("SY",), []),
])
def test_a_state_speaks_through_its_people(matcher, text, countries, expected):
    assert cite(matcher, text, countries=countries) == expected


@pytest.mark.parametrize("text, persons, orgs, expected", [
    # a title before the speaker's name
    ("\u201cWe pray for rain,\u201d said Pastor Elias Haddad.", ["Elias Haddad"], [], ["Elias Haddad"]),
    ("\u201cWe pray for rain,\u201d said Rev. Elias Haddad.", ["Elias Haddad"], [], ["Elias Haddad"]),
    # a description, then the name between commas, then the verb
    ("The convoy was stopped twice, and the UN's monitoring mission in the area, Levant Watch, reported new shelling.",
     [], ["Levant Watch"], ["Levant Watch"]),
    # a clause between commas is no apposition of its name
    ("The army, backed by Levant Watch, said the road was open.", [], ["Levant Watch"], []),
])
def test_titles_and_names_in_apposition(matcher, text, persons, orgs, expected):
    assert cite(matcher, text, persons, orgs) == expected


@pytest.mark.parametrize("text, expected", [
    # a country closing a longer name is not the speaker: the body named as a whole is
    ("The Chamber of Commerce of Syria said exports fell by a third.", []),
    ("The Bar Association for Syria said the trials were unfair.", []),
    ("Syria said exports fell by a third.", ["Government of Syria"]),
])
def test_a_name_inside_a_longer_name_does_not_speak(matcher, text, expected):
    assert cite(matcher, text) == expected
