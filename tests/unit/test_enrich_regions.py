"""Region resolution: disambiguation by context and cue words, person and feature look-alikes, demonyms,
implied ancestors, mention counts and offsets, the dateline kept apart, and the focus."""
from __future__ import annotations

import pytest

from workers.enrich.gazetteer import Gazetteer
from workers.enrich.regions import find_regions


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def codes(result, level: str) -> set[str]:
    return {r.code for r in result.regions if r.level == level}


def region(result, code: str):
    return next(r for r in result.regions if r.code == code)


def test_plain_city_name_is_the_city_and_brings_its_governorate_and_country(gaz):
    result = find_regions("", "Shelling hit Hama on Tuesday, residents said.", gazetteer=gaz)
    hama_city = gaz.lookup("Hama", country="SY", level="locality")[0].code
    assert codes(result, "locality") == {hama_city}
    assert codes(result, "admin1") == {"SY-HM"}
    assert codes(result, "country") == {"SY"}
    city = region(result, hama_city)
    assert city.admin1 == "Hama" and city.country == "Syria" and city.location is not None


def test_province_cue_makes_it_the_division_only(gaz):
    result = find_regions("", "Fighting spread across Hama province and the province of Idlib.", gazetteer=gaz)
    assert codes(result, "admin1") == {"SY-HM", "SY-ID"}
    assert codes(result, "locality") == set()


def test_plural_cue_covers_a_list(gaz):
    result = find_regions("", "Drones were launched from Russia's Kursk and Bryansk regions overnight.", gazetteer=gaz)
    assert {"RU-KRS", "RU-BRY"} <= codes(result, "admin1")
    assert codes(result, "locality") == set()


def test_transliterations_and_arabic_script_resolve_to_one_place(gaz):
    text = ("Aid reached Deir al-Zour and Idleb. In Hama (حماة), families fled. Convoys left Halab "
            "for Dayr az Zawr later.")
    result = find_regions("", text, gazetteer=gaz)
    assert {"SY-DY", "SY-ID", "SY-HM", "SY-HL"} <= codes(result, "admin1")
    hama_city = gaz.lookup("Hama", country="SY", level="locality")[0].code
    hama = region(result, hama_city)
    assert hama.mentions == 2
    assert [text[s:e] for s, e in hama.offsets] == ["Hama", "حماة"]


def test_person_named_like_a_country_is_not_the_country(gaz):
    text = ("Jordan Whitaker, a volunteer from Ohio, handed out blankets in Gaziantep, Turkey. "
            "Whitaker said the nights were getting colder. Jordan said she would stay another month.")
    result = find_regions("", text, gazetteer=gaz)
    assert "JO" not in codes(result, "country")
    assert not any(r.name == "Whitaker" for r in result.regions)


def test_country_named_like_a_person_stays_the_country(gaz):
    result = find_regions("", "Jordan closed its border crossing with Syria after the attack.", gazetteer=gaz)
    assert {"JO", "SY"} <= codes(result, "country")


def test_georgia_is_the_us_state_among_us_places(gaz):
    text = "Voters in Atlanta queued for hours as Georgia and Texas counted ballots in the Senate races."
    result = find_regions("", text, gazetteer=gaz)
    assert "US-GA" in codes(result, "admin1")
    assert "GE" not in codes(result, "country")


def test_georgia_is_the_country_among_its_own_places(gaz):
    text = "Protesters filled the streets of Tbilisi as Georgia's parliament debated the bill, Georgian media said."
    result = find_regions("", text, gazetteer=gaz)
    assert "GE" in codes(result, "country")
    assert "US-GA" not in codes(result, "admin1")


def test_town_state_qualifier_beats_the_country_of_the_same_name(gaz):
    text = "The shipment was seized in Paris, Texas, and a second one in Lebanon, Pennsylvania."
    result = find_regions("", text, gazetteer=gaz)
    assert {"US-TX", "US-PA"} <= codes(result, "admin1")
    assert codes(result, "country") == {"US"}


def test_niger_state_is_the_nigerian_division_not_niger(gaz):
    text = "Gunmen abducted villagers in Niger State, north-central Nigeria, police in Minna said."
    result = find_regions("", text, gazetteer=gaz)
    assert "NG-NI" in codes(result, "admin1")
    assert "NE" not in codes(result, "country")


def test_features_and_seas_named_after_places_are_not_those_places(gaz):
    text = "Farmers in the Jordan Valley lost crops; ships avoided the Red Sea; Lake Chad is shrinking."
    result = find_regions("", text, gazetteer=gaz)
    assert not codes(result, "country") & {"JO", "TD"}
    assert "SD-RS" not in codes(result, "admin1")


def test_sentence_initial_common_words_and_months_are_not_towns(gaz):
    text = "Police said the convoy left in August. Reading the statement, the governor of Kharkiv Oblast wept."
    result = find_regions("", text, gazetteer=gaz)
    assert codes(result, "country") == {"UA"}
    assert codes(result, "admin1") == {"UA-63"}
    assert codes(result, "locality") == set()


def test_demonym_alone_makes_the_country_count(gaz):
    text = "Syrian refugees waited at the border. Officials expected more Syrians next week."
    result = find_regions("", text, gazetteer=gaz)
    syria = region(result, "SY")
    assert syria.mentions == 2
    assert [text[s:e] for s, e in syria.offsets] == ["Syrian", "Syrians"]


def test_language_use_of_a_demonym_is_not_a_country(gaz):
    result = find_regions("", "The group, known by its French initials, monitors abuses.", gazetteer=gaz)
    assert "FR" not in codes(result, "country")


def test_abbreviations_match_only_in_their_case(gaz):
    assert "US" in codes(find_regions("", "US officials declined to comment.", gazetteer=gaz), "country")
    assert "US" not in codes(find_regions("", "They told us nothing.", gazetteer=gaz), "country")


def test_place_inside_a_longer_skip_span_is_dropped_but_its_demonym_counts(gaz):
    text = "The Kharkiv Regional Military Administration said the Syrian Democratic Forces left."
    skip = [(4, 45), (55, 79)]  # "Kharkiv Regional Military Administration", "Syrian Democratic Forces"
    result = find_regions("", text, skip_spans=skip, gazetteer=gaz)
    assert "UA" not in codes(result, "country")
    assert "SY" in codes(result, "country")


def test_plain_gaza_is_the_strip_and_gaza_city_the_city(gaz):
    result = find_regions("", "Aid entered Gaza on Monday.", gazetteer=gaz)
    assert codes(result, "country") == {"PS"} and codes(result, "locality") == set()
    result = find_regions("", "Strikes hit Gaza City overnight.", gazetteer=gaz)
    assert codes(result, "admin1") == {"PS-GZA"} and len(codes(result, "locality")) == 1


def test_dateline_place_is_kept_apart_from_the_story_places(gaz):
    text = "KHARKIV, Ukraine — Drones struck Odesa overnight, officials said."
    result = find_regions("", text, gazetteer=gaz)
    assert result.dateline is not None and result.dateline.name == "Kharkiv"
    assert result.dateline.country_code == "UA" and result.dateline.offsets == [(0, 19)]
    assert "UA-63" not in codes(result, "admin1")
    assert any(r.name == "Odesa" for r in result.regions)


def test_focus_is_the_most_prominent_place(gaz):
    title = "Glide bombs hit Kostiantynivka as evacuations speed up"
    text = ("Russian glide bombs struck Kostiantynivka on Monday. Officials in Kyiv said evacuations from "
            "Kostiantynivka would continue. Ukraine's army said the front near Pokrovsk held.")
    result = find_regions(title, text, gazetteer=gaz)
    focus = [r for r in result.regions if r.focus]
    assert 1 <= len(focus) <= 2
    assert focus[0].name == "Kostiantynivka" and focus[0].level == "locality"


def test_mentions_add_up_through_the_hierarchy_and_offsets_stay_direct(gaz):
    text = "Shelling hit Kharkiv. Kharkiv Oblast governors met in Kharkiv."
    result = find_regions("", text, gazetteer=gaz)
    oblast = region(result, "UA-63")
    assert oblast.mentions == 3
    assert [text[s:e] for s, e in oblast.offsets] == ["Kharkiv Oblast"]
    assert region(result, "UA").mentions == 3


def test_nothing_to_find_gives_nothing(gaz):
    result = find_regions("Markets steady", "Prices held steady on Tuesday as traders waited.", gazetteer=gaz)
    assert result.regions == [] and result.dateline is None


def test_area_named_like_a_foreign_division_follows_the_story_country(gaz):
    syria = find_regions("", "Farmers in Hasakah, Syria, say the Jazira could once feed Syria.", gazetteer=gaz)
    assert codes(syria, "country") == {"SY"}
    assert not any(r.country_code == "SD" for r in syria.regions)
    sudan = find_regions("", "RSF fighters in Sudan swept through Jazira and Khartoum this week.", gazetteer=gaz)
    assert "SD-GZ" in codes(sudan, "admin1")
    assert codes(sudan, "country") == {"SD"}


def test_area_keeps_its_name_against_a_foreign_village(gaz):
    # Iran has a village called Golan; a story on Iran naming the Golan still means Syria's Golan
    result = find_regions("", "Iran condemned the strikes on the Golan, officials in Tehran said.", gazetteer=gaz)
    assert "SY" in codes(result, "country")
    assert not any(r.level == "locality" and r.country_code == "IR" and r.name == "Golan" for r in result.regions)


@pytest.mark.parametrize("subheading", ["Rivers running low", "Rivers Running Low", "Lakes and Rivers Dry Up"])
def test_word_opening_a_subheading_is_no_place(gaz, subheading):
    text = f"Drought grips Hasakah in Syria.\n{subheading}\nIrrigation canals are dry."
    result = find_regions("", text, gazetteer=gaz)
    assert codes(result, "country") == {"SY"}
    assert not any(r.country_code in ("NG", "SS") for r in result.regions)


def test_word_named_division_still_counts_with_its_cue_and_country(gaz):
    result = find_regions("", "Gunmen attacked a village in Rivers State, Nigeria, police said.", gazetteer=gaz)
    assert "NG-RI" in codes(result, "admin1")


@pytest.mark.parametrize("subheading", ["A Fight for Liberty", "Rules of Commerce"])
def test_town_named_by_a_word_in_a_title_case_subheading_is_no_place(gaz, subheading):
    # Liberty and Commerce are Texas towns; inside a subheading their capital letters say nothing
    text = (f"Lawmakers in Austin, Texas, debated the bill.\n{subheading}\n"
            "The vote is due Friday in Houston, Texas.")
    result = find_regions("", text, gazetteer=gaz)
    assert {r.name for r in result.regions if r.level == "locality"} == {"Austin", "Houston"}


def test_town_named_by_a_word_counts_with_a_city_cue(gaz):
    text = "Lawmakers in Austin, Texas, debated the bill.\nThe town of Liberty sent its mayor."
    result = find_regions("", text, gazetteer=gaz)
    assert "Liberty" in {r.name for r in result.regions if r.level == "locality"}


def test_given_spans_and_a_warm_cache_change_nothing(gaz):
    from workers.enrich.gazetteer import fold

    text = ("Shelling hit Hama and Idlib provinces, Syria. Jordan Whitaker said Central Hama was calm.\n"
            "Rivers Running Low\nIn Gaza, aid stalled.")
    first = find_regions("Syria: Hama Shelled", text, gazetteer=gaz)
    again = find_regions("Syria: Hama Shelled", text, gazetteer=gaz, spans=gaz.span_list(fold(text)))
    assert first.regions
    assert [(r.model_dump(), r.offsets) for r in first.regions] == [(r.model_dump(), r.offsets) for r in again.regions]
