"""Gazetteer: the admin1 table joined right, news spellings and Arabic script resolving to codes, the
length-preserving normal form, and the cache (built once, then unpickled)."""
from __future__ import annotations

import csv

import pycountry
import pytest

from workers.enrich import gazetteer as gz
from workers.enrich.gazetteer import ADMIN1_CSV, SCOPE, Gazetteer, fold, name_key, name_variants


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def admin1_rows() -> list[dict]:
    with ADMIN1_CSV.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_admin1_table_covers_every_covered_country_with_real_iso_codes(admin1_rows):
    codes = [r["code"] for r in admin1_rows]
    assert len(codes) == len(set(codes))
    assert SCOPE <= {r["country"] for r in admin1_rows}
    for row in admin1_rows:
        if "-" in row["code"]:
            assert pycountry.subdivisions.get(code=row["code"]) is not None, row["code"]
        if row["country"] in SCOPE and int(row["population"]):  # a division holding places has a point
            assert row["lat"] and row["lon"], row["code"]


@pytest.mark.parametrize(
    "code, geonames",
    [("SY-HM", "SY.10"), ("SY-HL", "SY.09"), ("IQ-AR", "IQ.11"), ("UA-63", "UA.07"), ("UA-30", "UA.12"),
     ("SD-DN", "SD.55"), ("US-GA", "US.GA"), ("NG-NI", "NG.31")],
)
def test_iso_codes_join_the_geonames_admin1_codes(admin1_rows, code, geonames):
    row = next(r for r in admin1_rows if r["code"] == code)
    assert row["geonames"] == geonames


@pytest.mark.parametrize(
    "name, country, level, code",
    [
        ("Hamah", "SY", "admin1", "SY-HM"),
        ("Hama Governorate", "SY", "admin1", "SY-HM"),
        ("Deir al-Zour", "SY", "admin1", "SY-DY"),
        ("Dayr az Zawr", "SY", "admin1", "SY-DY"),
        ("Kharkiv Oblast", "UA", "admin1", "UA-63"),
        ("Kyiv Oblast", "UA", "admin1", "UA-32"),
        ("Tel Aviv District", "IL", "admin1", "IL-TA"),
        ("Ramallah and al-Bireh", "PS", "admin1", "PS-RBH"),
        ("Erbil", "IQ", "admin1", "IQ-AR"),
        ("North Darfur", "SD", "admin1", "SD-DN"),
        ("Kursk Oblast", "RU", "admin1", "RU-KRS"),
    ],
)
def test_lookup_resolves_division_spellings(gaz, name, country, level, code):
    assert gaz.lookup(name, country=country, level=level)[0].code == code


@pytest.mark.parametrize(
    "name, country, expected_name, admin1",
    [
        ("Aleppo", "SY", "Aleppo", "SY-HL"),
        ("Halab", "SY", "Aleppo", "SY-HL"),
        ("حلب", "SY", "Aleppo", "SY-HL"),
        ("Idleb", "SY", "Idlib", "SY-ID"),
        ("Al-Fashir", "SD", "El Fasher", "SD-DN"),
        ("الفاشر", "SD", "El Fasher", "SD-DN"),
        ("Kiev", "UA", "Kyiv", "UA-30"),
        ("Kharkov", "UA", "Kharkiv", "UA-63"),
        ("Muqdisho", "SO", "Mogadishu", "SO-BN"),
        ("Kafr Nabudah", "SY", "Kafr Nabudah", "SY-HM"),
        ("Jenin", "PS", "Jenin", "PS-JEN"),
    ],
)
def test_lookup_resolves_town_spellings(gaz, name, country, expected_name, admin1):
    place = gaz.lookup(name, country=country, level="locality")[0]
    assert place.name == expected_name and place.admin1_code == admin1


def test_countries_have_names_and_points(gaz):
    assert gaz.countries["SY"].name == "Syria" and gaz.countries["SY"].lat is not None
    assert gaz.lookup("DR Congo", level="country")[0].code == "CD"
    assert gaz.lookup("Türkiye", level="country")[0].code == "TR"


def test_fold_keeps_offsets_and_drops_case_marks_and_punctuation():
    text = "Ḩamāh's İdlib — Deir ez-Zor (حماة)"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("hamah s idlib   deir ez zor")
    assert name_key("  Ma‘arrat  an-Nu‘mān ") == "ma arrat an nu man"


def test_fold_of_a_text_is_the_fold_of_each_character():
    for text in ("Plain ASCII, with: PUNCTUATION!", "“Quoted” — São Tomé’s Ñandú", "Straße in Köln (حماة) – ok"):
        assert fold(text) == "".join(fold(ch) for ch in text)


def test_arabic_place_names_get_their_news_variants():
    keys = name_variants("Ar Raqqah", arabic_region=True)
    assert {"ar raqqah", "al raqqah", "raqqah", "raqqa"} <= keys
    assert "deir al zour" in name_variants("Dayr al Zour", arabic_region=True)
    assert name_variants("Raqqah") == {"raqqah"}


def test_scan_finds_names_on_token_boundaries_only(gaz):
    text = "Hamas fighters left Hama for Homs."
    found = {text[m.start:m.end] for m in gaz.scan(fold(text))}
    assert {"Hama", "Homs"} <= found
    assert "Ham" not in found


def test_cache_is_written_once_and_read_back(tmp_path, monkeypatch):
    gz._load_cached.cache_clear()
    try:
        built = Gazetteer.load(cache_dir=tmp_path)
        assert len(list(tmp_path.glob("gazetteer-*.pickle"))) == 1
        gz._load_cached.cache_clear()
        monkeypatch.setattr(Gazetteer, "build", classmethod(lambda cls: pytest.fail("rebuilt despite the cache")))
        again = Gazetteer.load(cache_dir=tmp_path)
        assert again is not built
        assert again.lookup("Hamah", country="SY", level="admin1")[0].code == "SY-HM"
    finally:
        gz._load_cached.cache_clear()
