"""Extraction stage on article pages: the body is kept, site furniture is dropped, metadata is right
(hand-written layouts in fixtures/extract/ and the three demo templates)."""
from __future__ import annotations

from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import pytest

from indexer.ids import article_id
from workers.extract import ExtractionError, ExtractionOptions, extract_article, guess_language
from workers.extract.body import vote

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
WIRE_URL = "https://news.coastline-courier.test/africa/2026/11/02/beledweyne-floods-shabelle"


def page(name: str, url: str, content_type: str = "text/html; charset=utf-8") -> dict:
    return {
        "url": url, "final_url": url, "status": 200, "headers": {"content-type": content_type},
        "html": (FIXTURES / name).read_text(encoding="utf-8"), "encoding": "utf-8",
        "fetched_at": "2026-11-24T10:00:00Z", "source": "fixture", "discovered_via": "test",
    }


@pytest.fixture(scope="module")
def wire():
    return extract_article(page("wire_story.html", WIRE_URL + "?utm_source=rss#top"))


@pytest.mark.parametrize("phrase", [
    "BELEDWEYNE, Somalia \u2014 The Shabelle river broke through sandbag barriers",
    "Roads and markets under water",  # subheading
    '"We have seen floods before, but never this fast,"',  # blockquote
    "would stay closed for at least a week.",  # last paragraph
])
def test_body_is_kept(wire, phrase):
    assert phrase in wire.text


@pytest.mark.parametrize("phrase", [
    "cookies",  # consent banner
    "Subscribe today",  # menu
    "Africa\nMiddle East",
    "Floodwaters cut the road",  # headline repeated atop the body
    "Thousands of families moved to higher ground",  # standfirst: it is the description
    "By Hodan Warsame",  # byline
    "Residents wade through",  # caption
    "Read more: Forecasters warn",  # inline related link
    "Share on",  # share bar
    "Tags:",
    "Sign up for our newsletter",  # newsletter box
    "Kismayo port reopens",  # related stories
    "Every year the same story",  # reader comment
    "Stay safe everyone",
    "sky_watcher",
    "All rights reserved",  # footer
    "Advertisement",
])
def test_furniture_is_dropped(wire, phrase):
    assert phrase not in wire.text


def test_metadata(wire):
    assert wire.title == "Floodwaters cut the road to Beledweyne as Shabelle river bursts its banks"
    assert wire.authors == ["Hodan Warsame", "Peter Lindqvist"]
    assert wire.published == datetime(2026, 11, 2, 4, 45, tzinfo=timezone.utc)
    assert wire.url == WIRE_URL  # the page's canonical link, not the tracked URL it was fetched at
    assert wire.fetched_url == WIRE_URL + "?utm_source=rss#top"
    assert wire.id == article_id(WIRE_URL)
    assert wire.domain == "news.coastline-courier.test"
    assert wire.site_name == "Coastline Courier"
    assert wire.language == "en"
    assert wire.description == "Thousands of families moved to higher ground after the river rose two metres overnight."
    assert wire.top_image == "https://news.coastline-courier.test/media/beledweyne-floods.jpg"
    assert wire.tags == ["Somalia", "Floods"]
    assert wire.source == "fixture"
    assert wire.fetched_at == datetime(2026, 11, 24, 10, tzinfo=timezone.utc)
    assert wire.word_count == len(wire.text.split())


def test_body_split_by_ads_with_br_paragraphs():
    article = extract_article(page("split_body.html", "https://gulfledger.test/news/doha-ceasefire-talks-resume-20261114"))
    for phrase in ("Delegations of the Sudanese Armed Forces", "Neither side commented publicly on the agenda.",
                   "acutely malnourished", "while their delegations were still in Doha."):
        assert phrase in article.text
    for phrase in ("ADVERTISEMENT", "READ ALSO", "El Fasher siege: a timeline", "Most read", "Oil prices end the week",
                   "Copyright 2026", "Log in"):
        assert phrase not in article.text
    assert article.title == "Ceasefire talks resume in Doha with new mediators"
    assert article.authors == ["Rania Khoury"]
    assert article.published is not None and article.published.date().isoformat() == "2026-11-14"
    assert article.tags == ["Sudan", "ceasefire", "Doha"]
    assert article.language == "en"  # guessed from the text: the page declares none


def test_short_french_brief():
    article = extract_article(page("brief.html", "https://sahelmatin.test/afrique/2026/11/20/niamey-couvre-feu-leve"))
    assert article.language == "fr"
    assert article.authors == ["A\u00efssata Ma\u00efga"]  # "Par " dropped
    assert article.title == "Niamey : couvre-feu lev\u00e9 dans deux quartiers"
    assert article.site_name is None  # never the host name, never half of the headline
    assert article.text.startswith("Les autorit\u00e9s de Niamey")
    assert "vingt heures" in article.text and "Accueil" not in article.text


def test_link_dense_paragraphs_are_kept():
    article = extract_article(page("link_heavy.html", "https://greatlakes-monitor.test/explainers/who-controls-what-eastern-congo"))
    assert article.text.count("\n\n") == 4  # five paragraphs
    assert "Filed under" not in article.text and "Popular" not in article.text


def test_listing_page_is_not_an_article():
    with pytest.raises(ExtractionError) as err:
        extract_article(page("section_listing.html", "https://news.coastline-courier.test/africa/latest"))
    assert err.value.reason == "not_article"


@pytest.mark.parametrize("fallback", ["never", "auto", "always"])
def test_every_fallback_policy_gives_the_body(fallback):
    article = extract_article(page("wire_story.html", WIRE_URL), ExtractionOptions(fallback=fallback))
    assert "Roads and markets under water" in article.text and "Kismayo" not in article.text
    assert article.extractor == ("trafilatura+vote" if fallback == "always" else "trafilatura")


def test_vote_keeps_majority_paragraphs_in_page_order():
    page_text = "alpha one two three. beta four five six. gamma seven eight. delta nine ten. menu home login"
    candidates = {
        "trafilatura": ["beta four five six.", "alpha one two three.", "menu home login"],
        "recall": ["alpha one two three.", "beta four five six.", "gamma seven eight."],
        "readability": ["alpha one two three. beta four five six.", "gamma seven eight."],
        "justext": ["gamma seven eight.", "delta nine ten."],
    }
    # gamma: three extractors besides the primary agree -> added; delta: one -> not; the menu line is the
    # primary's alone -> dropped; alpha/beta are contained in readability's merged block -> kept once each
    assert vote(candidates, page_text, "trafilatura") == ["alpha one two three.", "beta four five six.", "gamma seven eight."]


def test_guess_language():
    english = "The army said on Monday that it had taken control of the town and that the road was open again to traffic from the north, officials said. "
    french = "Le gouvernement a annonc\u00e9 lundi que la route \u00e9tait de nouveau ouverte et que les habitants pourraient rentrer chez eux dans les prochains jours. "
    assert guess_language(english * 2) == "en"
    assert guess_language(french * 2) == "fr"
    assert guess_language("too short") is None


# ---------------------------------------------------------------------------------------------
# The demo outlets: three templates, gold text from the source YAML


@lru_cache(maxsize=1)
def demo_world():
    from demo import layout, site

    world = site.build_world()
    bases = site.default_base_urls()
    return layout, site, world, bases


def demo_page(outlet: str, path: str) -> dict:
    _, _, world, bases = demo_world()
    response = world[outlet][path]
    url = bases[outlet] + path
    return {"url": url, "final_url": url, "status": 200, "headers": {k.lower(): v for k, v in response.headers.items()},
            "html": response.body.decode("utf-8"), "fetched_at": "2026-11-24T10:00:00Z", "source": outlet}


@pytest.mark.parametrize("outlet", ["meridian", "harbour", "sahel"])
def test_demo_article(outlet):
    layout, site, _, bases = demo_world()
    outlet_conf = site.load_outlets()[outlet]
    source = next(a for a in site.load_articles(outlet) if a.get("comments"))
    article = extract_article(demo_page(outlet, source["path"]))

    for kind, text in layout.body_blocks(source):
        assert text in article.text, kind
    for comment in source["comments"]:
        assert comment["text"] not in article.text
    assert outlet_conf["cookie_text"].split(".")[0] not in article.text
    assert outlet_conf["newsletter"]["text"] not in article.text
    assert outlet_conf["copyright"] not in article.text
    assert "Advertisement" not in article.text
    for other in site.related_articles(source, site.load_articles(outlet)):
        assert other["title"] not in article.text
    if source.get("dateline"):
        assert article.text.startswith(layout.dateline_text(source))

    assert article.title == source["title"]
    assert article.authors == source["authors"]
    assert article.published == source["published"]
    assert article.url == bases[outlet] + source["path"]
    assert article.id == article_id(bases[outlet] + source["path"])
    assert article.language == "en"


@pytest.mark.parametrize("outlet", ["meridian", "harbour", "sahel"])
def test_demo_non_articles_are_refused(outlet):
    layout, site, world, _ = demo_world()
    outlet_conf = site.load_outlets()[outlet]
    paths = ["/", layout.section_path(outlet_conf, "world"), layout.section_path(outlet_conf, "politics", 1),
             layout.static_path(outlet_conf, "about"), layout.static_path(outlet_conf, "subscribe")]
    for path in paths:
        with pytest.raises(ExtractionError) as err:
            extract_article(demo_page(outlet, path))
        assert err.value.reason == "not_article", path
