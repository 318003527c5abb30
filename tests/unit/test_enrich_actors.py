"""Actor base loading and validation, alias matching (folding, case, boundaries, longest match) and linking
(ambiguous aliases, generic phrases, surnames, NER actors outside the base), on a small fixture base."""
from __future__ import annotations

from pathlib import Path

import pytest

from workers.enrich.actors import ActorBase, ActorBaseError, ActorMatcher, fold, guess_org_type
from workers.enrich.ner import Entity

FIXTURE = Path(__file__).parent / "fixtures" / "actors"


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher(ActorBase.load(FIXTURE))


def ids(matcher, text, countries=(), entities=()):
    return [a.id for a in matcher.link(matcher.find(text), text, set(countries), entities) if a.linked]


def by_name(mentions):
    return {m.name: m for m in mentions}


# --- loading ---------------------------------------------------------------------------------

def write(folder: Path, name: str, body: str) -> None:
    (folder / name).write_text(body, encoding="utf-8")


def test_fixture_base_loads_with_parents():
    base = ActorBase.load(FIXTURE)
    assert base["sy-saa"].parent == "sy-gov"
    assert base["sd-rsf"].type == "rebel_group"
    assert len(base) >= 15


def test_duplicate_ids_across_files_are_rejected(tmp_path):
    write(tmp_path, "a.yaml", "- {id: sy-x, name: X, type: rebel_group, country: SY}\n")
    write(tmp_path, "b.yaml", "- {id: sy-x, name: Y, type: rebel_group, country: SY}\n")
    with pytest.raises(ActorBaseError, match="duplicate id 'sy-x'"):
        ActorBase.load(tmp_path)


@pytest.mark.parametrize("entry, message", [
    ("- {id: sy-x, name: X, type: rebels, country: SY}", "type"),
    ("- {id: sy-x, name: X, type: rebel_group, country: Syria}", "country"),
    ("- {id: sy-x, name: X, type: rebel_group, country: SY, parent: sy-nowhere}", "parent 'sy-nowhere'"),
    ("- {id: Sy X, name: X, type: rebel_group}", "id"),
    ("- {id: sy-x, name: X, type: rebel_group, colour: red}", "colour"),
    ("- {id: sy-x, name: X, type: rebel_group, parent: sy-y}\n- {id: sy-y, name: Y, type: rebel_group, parent: sy-x}", "loops"),
    ("id: sy-x", "list"),
])
def test_invalid_entries_are_reported_with_their_file(tmp_path, entry, message):
    write(tmp_path, "bad.yaml", entry + "\n")
    with pytest.raises(ActorBaseError, match="bad.yaml") as err:
        ActorBase.load(tmp_path)
    assert message in str(err.value)


def test_norway_survives_yaml(tmp_path):
    write(tmp_path, "no.yaml", "- {id: no-gov, name: Government of Norway, type: government, country: NO}\n")
    assert ActorBase.load(tmp_path)["no-gov"].country == "NO"


# --- folding and matching -------------------------------------------------------------------

def test_fold_keeps_offsets_through_deletions():
    text = "Hay\u2019at Tahrir  al\u2011Sham"
    folded = fold(text)
    assert folded.lower == "hayat tahrir al sham"
    start = folded.lower.index("sham")
    assert text[slice(*folded.original_span(start, start + 4))] == "Sham"


@pytest.mark.parametrize("text", [
    "Fighters of Hayat Tahrir al-Sham advanced.",
    "Fighters of Hay'at Tahrir al-Sham advanced.",
    "Fighters of Hay\u2019at Tahrir al Sham advanced.",
    "Fighters of HAYAT TAHRIR AL-SHAM advanced.",
    "Fighters of هيئة تحرير الشام advanced.",
    "Fighters of هيئةُ تحريرِ الشام advanced.",  # harakat are ignored
])
def test_name_variants_match(matcher, text):
    (match,) = matcher.find(text)
    assert match.candidates == ("sy-hts",)
    assert text[match.start:match.end] == match.text
    assert match.text.endswith(("Sham", "SHAM", "الشام"))


def test_diacritics_fold_both_ways(matcher):
    assert ids(matcher, "Medecins Sans Frontieres said") == ["intl-msf"]
    assert ids(matcher, "Médecins Sans Frontières said") == ["intl-msf"]


def test_abbreviations_are_case_sensitive(matcher):
    assert [m.alias for m in matcher.find("The RSF said it is in Hts and Rsf.")] == ["RSF"]
    assert matcher.find("This is what it is.") == []  # "is" is not the Islamic State
    assert [m.candidates for m in matcher.find("IS claimed the attack.")] == [("intl-is",)]


def test_word_boundaries_are_respected(matcher):
    assert matcher.find("UNESCO and the RSFX and SAFARI") == []
    assert [m.text for m in matcher.find("an HTS-led offensive, the RSF's gains (UN)")] == ["HTS", "RSF", "UN"]


def test_longest_match_wins(matcher):
    (match,) = matcher.find("The Islamic State group claimed it.")
    assert match.text == "Islamic State group"
    (match,) = matcher.find("said Harakat al-Shabaab al-Mujahideen")
    assert match.candidates == ("so-shabaab",)


# --- linking ----------------------------------------------------------------------------------

def test_sna_is_resolved_by_country_context(matcher):
    text = "The SNA said its units had pushed back the attack."
    assert ids(matcher, text, {"SO"}) == ["so-sna"]
    assert ids(matcher, text, {"SY", "TR"}) == ["sy-sna"]


def test_sna_is_resolved_by_the_other_actors_of_the_story(matcher):
    text = "Al-Shabaab fighters attacked a base; the SNA said it repelled them."
    assert ids(matcher, text) == ["so-shabaab", "so-sna"]


def test_unresolvable_ambiguity_stays_visible_but_unlinked(matcher):
    text = "The SNA said its units had pushed back the attack."
    (mention,) = matcher.link(matcher.find(text), text, set(), [])
    assert (mention.name, mention.id, mention.linked) == ("SNA", None, False)


def test_generic_phrase_links_only_with_an_unambiguous_country(matcher):
    text = "Regime forces shelled the town overnight."
    assert ids(matcher, text, {"SY"}) == ["sy-saa"]
    assert ids(matcher, text, {"SD"}) == []
    assert ids(matcher, text, set()) == []
    # "government forces" is generic for the Syrian, Somali and Sudanese armies
    other = "Government forces shelled the town overnight."
    assert ids(matcher, other, {"SO"}) == ["so-sna"]
    assert ids(matcher, other, {"SO", "SD"}) == []


def test_linked_mention_carries_the_base_facts(matcher):
    text = "Hay'at Tahrir al-Sham (HTS) and the HTS police."
    (mention,) = matcher.link(matcher.find(text), text, {"SY"}, [])
    assert mention.model_dump() == {"name": "Hayat Tahrir al-Sham", "id": "sy-hts", "type": "rebel_group",
                                    "country": "SY", "parent": None, "linked": True, "mentions": 3}
    assert [text[s:e] for s, e in mention.offsets] == ["Hay'at Tahrir al-Sham", "HTS", "HTS"]


def test_surname_only_mentions_count_for_the_person(matcher):
    text = "Abdel Fattah al-Burhan visited Omdurman. Burhan said the war would end. Later, al-Burhan left."
    (mention,) = matcher.link(matcher.find(text), text, {"SD"}, [])
    assert mention.id == "sd-burhan"
    assert [text[s:e] for s, e in mention.offsets] == ["Abdel Fattah al-Burhan", "Burhan", "al-Burhan"]


def test_surname_before_the_full_name_is_not_counted(matcher):
    text = "Burhan is a common name. Abdel Fattah al-Burhan spoke."
    (mention,) = matcher.link(matcher.find(text), text, {"SD"}, [])
    assert mention.mentions == 1


def test_ner_actors_outside_the_base_are_unlinked(matcher):
    text = "Ahmed Saleh of the Free Idlib Brigade met HTS envoys. Saleh said the Idlib Health Directorate agreed."
    entities = [
        Entity("PERSON", "Ahmed Saleh", 0, 11),
        Entity("ORG", "the Free Idlib Brigade", 15, 37),
        Entity("ORG", "HTS", 42, 45),  # overlaps a base hit: dropped
        Entity("PERSON", "Saleh", 54, 59),
        Entity("ORG", "the Idlib Health Directorate", 69, 97),
        Entity("GPE", "Idlib", 19, 24),  # not an actor label
    ]
    mentions = by_name(matcher.link(matcher.find(text), text, {"SY"}, entities))
    assert set(mentions) == {"Ahmed Saleh", "Free Idlib Brigade", "Hayat Tahrir al-Sham", "Idlib Health Directorate"}
    assert (mentions["Ahmed Saleh"].type, mentions["Ahmed Saleh"].linked, mentions["Ahmed Saleh"].mentions) == ("person", False, 2)
    assert mentions["Free Idlib Brigade"].type == "rebel_group"
    assert mentions["Free Idlib Brigade"].id is None


def test_features_storms_and_weapon_models_are_no_unlinked_actors(matcher):
    text = "Near the Tishreen Dam, Shahed-136 drones hit. Cyclone Mocha passed. The G7 said it would help."
    entities = [Entity("ORG", "the Tishreen Dam", 5, 21), Entity("ORG", "Shahed-136", 23, 33),
                Entity("ORG", "Cyclone Mocha", 46, 59), Entity("ORG", "G7", 72, 74)]
    assert [text[e.start:e.end] for e in entities] == ["the Tishreen Dam", "Shahed-136", "Cyclone Mocha", "G7"]
    assert set(by_name(matcher.link(matcher.find(text), text, {"SY"}, entities))) == {"G7"}


def spans_of(text: str, label: str, *names: str) -> list[Entity]:
    return [Entity(label, name, text.index(name), text.index(name) + len(name)) for name in names]


def test_an_institution_cut_at_and_is_completed_and_its_abbreviation_joins_it(matcher):
    text = ("The Ministry of Refugees and Repatriation (MoRR) said on Monday that MoRR teams and the Red Cross and "
            "Save the Children were ready.")
    entities = spans_of(text, "ORG", "Ministry of Refugees", "Red Cross", "Save the Children")
    entities.append(Entity("ORG", "MoRR", text.index("MoRR teams"), text.index("MoRR teams") + 4))
    mentions = by_name(matcher.link(matcher.find(text), text, {"AF"}, entities))
    assert set(mentions) == {"Ministry of Refugees and Repatriation", "Red Cross", "Save the Children"}
    assert mentions["Ministry of Refugees and Repatriation"].mentions == 2  # the name and a later "MoRR"


def test_ner_hits_in_skip_spans_are_dropped(matcher):
    text = "Hama residents fled."
    entities = [Entity("ORG", "Hama", 0, 4)]
    assert matcher.link(matcher.find(text), text, {"SY"}, entities, skip_spans=[(0, 4)]) == []


def test_without_entities_base_matching_still_works(matcher):
    text = "The RSF attacked El Fasher; the SAF said it held the city."
    assert ids(matcher, text, {"SD"}) == ["sd-rsf", "sd-saf"]


@pytest.mark.parametrize("name, kind", [
    ("Free Idlib Brigade", "rebel_group"),
    ("Arakan Army", "rebel_group"),
    ("National Liberation Front", "rebel_group"),
    ("Ministry of Health", "government"),
    ("Kharkiv Regional Council", "government"),
    ("Haiti National Police", "state_forces"),
    ("World Food Programme", "international_org"),
    ("Sudan Doctors Network", "monitor_ngo"),
    ("Al-Quds News Network", "media_agency"),
    ("Acme Holdings", None),
    ("National Emergency Management Agency", "government"),
    ("Democratic Unionist Party", "government"),
])
def test_org_types_are_guessed_by_keywords(name, kind):
    assert guess_org_type(name) == kind


def test_a_country_form_makes_an_institution_a_state_body():
    assert guess_org_type("Central Bank of Yemen", frozenset({"Yemen"})) == "government"
    assert guess_org_type("Ethiopian Statistics Service", frozenset({"Ethiopian"})) == "government"
    assert guess_org_type("Ethiopian Statistics Service") is None


# --- countries acting as governments ----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Damascus said it would respond to the attack.", ["sy-gov"]),
    ("Turkey has repeatedly denied the reports.", ["tr-gov"]),
    ("The truce was brokered by Qatar and Turkey in October.", ["qa-gov", "tr-gov"]),
    ("Turkish officials raised the matter with their counterparts.", ["tr-gov"]),
    ("Talks between Ankara and Damascus resumed.", ["sy-gov", "tr-gov"]),
    ("The Sudanese drone strikes hit a market.", ["sd-saf"]),
    ("Families fled to Turkey in 2015.", []),
    ("Syria's coast was calm; a Turkish port reopened.", []),
    ("HAMA, Syria — Shelling resumed.", []),
])
def test_countries_count_as_governments_only_where_they_act(matcher, text, expected):
    assert sorted(ids(matcher, text, {"SY", "TR", "QA", "SD"})) == expected


def test_a_country_form_never_shadows_a_real_alias(matcher):
    text = "The Sudanese army said it retook the town."
    assert ids(matcher, text, {"SD"}) == ["sd-saf"]


# --- names that are not the actor --------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The UN said aid was blocked.", ["intl-un"]),
    ("The UN refugee agency said aid was blocked.", []),
    ("The UN's humanitarian office said aid was blocked.", []),
    ("A UN-brokered truce held.", []),
    ("The UN Group of Experts said aid was blocked.", []),  # a longer name the base lacks
])
def test_an_organisation_named_only_as_an_umbrella_is_not_acting(matcher, text, expected):
    assert ids(matcher, text) == expected


def test_capitalised_aliases_need_a_capital_in_the_text(matcher):
    assert matcher.find("the hemedti faction") == []
    assert [m.candidates for m in matcher.find("Hemedti said")] == [("sd-hemedti",)]


def test_a_namesake_is_not_the_person(matcher):
    text = "Abdel Fattah al-Burhan spoke in Omdurman. Later Omar Burhan, a trader, said prices rose."
    (mention,) = matcher.link(matcher.find(text), text, {"SD"}, [])
    assert mention.mentions == 1


def test_an_unresolved_generic_phrase_falls_back_to_its_alias(matcher):
    text = "Islamic State fighters attacked a checkpoint near Mosul."
    assert ids(matcher, text, {"IQ"}) == ["intl-is"]
    assert ids(matcher, text, {"SO"}) == ["so-is"]
