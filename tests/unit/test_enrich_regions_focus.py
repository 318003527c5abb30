"""Region focus: the specific place over its country, capitals as stand-ins for governments, and a
locality with its division as a nested pair of focus regions."""
from __future__ import annotations

import pytest

from workers.enrich.gazetteer import Gazetteer
from workers.enrich.regions import find_regions


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def focus(result) -> set[tuple[str, str]]:
    return {(r.level, r.name) for r in result.regions if r.focus}


def test_a_place_named_twice_outweighs_its_country_named_often(gaz):
    text = ("Syria's army said shelling hit Hama overnight. Syria's health ministry said Hama hospitals were "
            "full. Syria and its neighbours met. Aid to Syria slowed.")
    result = find_regions("", text, gazetteer=gaz)
    assert focus(result) == {("locality", "Hama")}


def test_a_capital_speaking_for_its_government_is_not_the_focus(gaz):
    text = ("Officials in Damascus said shelling hit Jableh on Monday. Damascus blamed armed groups, and "
            "Jableh residents fled.")
    result = find_regions("", text, gazetteer=gaz)
    names = {name for _, name in focus(result)}
    assert "Jableh" in names and "Damascus" not in names


def test_a_locality_and_its_division_can_both_be_the_focus(gaz):
    title = "Earthquake strikes Antakya"
    text = ("A strong earthquake struck Antakya in Hatay province on Monday. Rescue teams across Hatay "
            "province worked through the night.")
    result = find_regions(title, text, gazetteer=gaz)
    assert focus(result) == {("locality", "Antakya"), ("admin1", "Hatay")}


def test_the_country_is_never_a_second_focus_beside_its_own_place(gaz):
    title = "Quake hits Antakya in Turkey"
    text = "A strong earthquake struck Antakya in southern Turkey on Monday."
    result = find_regions(title, text, gazetteer=gaz)
    assert ("country", "Turkey") not in focus(result)
