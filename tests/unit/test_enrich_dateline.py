"""Dateline rule: a capitalised place (optionally ", Qualifier", a date, an agency) and a dash opening the
text or one of its first paragraphs; ordinary openings are not datelines."""
from __future__ import annotations

import pytest

from workers.enrich.dateline import expand_qualifier, parse_dateline


@pytest.mark.parametrize(
    "text, place, qualifier",
    [
        ("HAMA, Syria — Shelling hit the town.", "HAMA", "Syria"),
        ("KHARKIV, Ukraine — Drones struck overnight.", "KHARKIV", "Ukraine"),
        ("DUBAI, UAE - Oil prices rose.", "DUBAI", "UAE"),
        ("UNITED NATIONS (AP) — The council voted.", "UNITED NATIONS", None),
        ("KYIV, Nov 18 (Reuters) - Ukraine said.", "KYIV", None),
        ("GOMA, Democratic Republic of Congo — Traders returned.", "GOMA", "Democratic Republic of Congo"),
        ("CÚCUTA, Colombia — Families fled.", "CÚCUTA", "Colombia"),
        ("COX'S BAZAR, Bangladesh — The cyclone weakened.", "COX'S BAZAR", "Bangladesh"),
        ("PORT-AU-PRINCE, Haiti -- Gangs attacked.", "PORT-AU-PRINCE", "Haiti"),
        ("LEBANON, Pa. — Police seized fentanyl.", "LEBANON", "Pa."),
        ("Hama, Syria — Shelling hit the town.", "Hama", "Syria"),
    ],
)
def test_datelines_are_found(text, place, qualifier):
    dl = parse_dateline(text)
    assert dl is not None
    assert dl.place == place and dl.country_text == qualifier
    start, end = dl.span
    assert start == 0 and text[end - 1] == " " and text[end] != " "


def test_dateline_after_a_byline_line():
    text = "By Lina Haddad\nHAMA, Syria — Shelling hit the town."
    dl = parse_dateline(text)
    assert dl is not None and dl.place == "HAMA"
    assert text[dl.span[0]:dl.span[1]] == "HAMA, Syria — "


@pytest.mark.parametrize(
    "text",
    [
        "The shelling began on Tuesday — residents said it did not stop.",
        "Hama residents — many of them displaced — waited.",  # title case without a qualifier
        "BREAKING — Markets fell sharply.",
        "Residents said the town was quiet.\nIn Idlib, schools reopened.",
        "",
    ],
)
def test_ordinary_openings_are_not_datelines(text):
    assert parse_dateline(text) is None


def test_us_state_abbreviations_are_spelled_out():
    assert expand_qualifier("Pa.") == "Pennsylvania"
    assert expand_qualifier("Syria") == "Syria"
    assert expand_qualifier(None) is None
