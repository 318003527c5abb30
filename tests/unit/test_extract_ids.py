"""Extraction stage: which URL an article is filed under, and an id that stays put across URL variants."""
from __future__ import annotations

import pytest

from indexer.ids import article_id
from workers.extract import extract_article

BODY = "".join(
    f"<p>Paragraph {i} of the story: officials said the convoy reached the town on Tuesday after a week of delays at checkpoints.</p>"
    for i in range(5)
)
CANONICAL = "https://www.example-news.test/world/2026/11/20/convoy-reaches-town"


def page(final_url: str, head: str = "") -> dict:
    html = f"<html><head><title>Convoy reaches town</title>{head}</head><body><article><h1>Convoy reaches town</h1>{BODY}</article></body></html>"
    return {"url": final_url, "final_url": final_url, "status": 200, "headers": {"content-type": "text/html"},
            "html": html, "fetched_at": "2026-11-24T10:00:00Z", "source": "test"}


VARIANTS = [
    CANONICAL,
    CANONICAL + "/",
    CANONICAL + "?utm_source=twitter&utm_medium=social",
    CANONICAL + "?fbclid=abc123#comments",
    CANONICAL.replace("www.example-news.test", "WWW.Example-News.TEST"),
    CANONICAL.replace("https://www.example-news.test", "https://www.example-news.test:443"),
]


@pytest.mark.parametrize("variant", VARIANTS)
def test_id_is_stable_without_a_canonical_link(variant):
    assert extract_article(page(variant)).id == article_id(CANONICAL)


@pytest.mark.parametrize("variant", VARIANTS)
def test_canonical_link_wins_over_the_fetched_url(variant):
    article = extract_article(page(variant, f'<link rel="canonical" href="{CANONICAL}">'))
    assert article.url == CANONICAL
    assert article.id == article_id(CANONICAL)


def test_tracking_parameters_and_fragment_leave_the_stored_url():
    article = extract_article(page(CANONICAL + "?utm_campaign=x&page=2#top"))
    assert article.url == CANONICAL + "?page=2"


def test_relative_canonical_is_made_absolute():
    article = extract_article(page(CANONICAL + "?utm_source=x", '<link rel="canonical" href="/world/2026/11/20/convoy-reaches-town">'))
    assert article.url == CANONICAL


def test_og_url_when_there_is_no_canonical_link():
    article = extract_article(page("https://m.example-news.test/story/123", f'<meta property="og:url" content="{CANONICAL}">'))
    assert article.url == CANONICAL  # same site: m. and www. share the registrable domain


@pytest.mark.parametrize("bad", [
    "https://aggregator.test/world/2026/11/20/convoy-reaches-town",  # another site
    "https://www.example-news.test/",  # a CMS pointing every page at the home page
    "javascript:void(0)",
    "ftp://www.example-news.test/file",
])
def test_unusable_canonical_falls_back_to_the_final_url(bad):
    article = extract_article(page(CANONICAL + "?utm_source=x", f'<link rel="canonical" href="{bad}">'))
    assert article.url == CANONICAL


def test_local_outlets_differ_by_port():
    article = extract_article(page("http://127.0.0.1:8701/world/2026/11/20/convoy", '<link rel="canonical" href="http://127.0.0.1:8702/world/other">'))
    assert article.url == "http://127.0.0.1:8701/world/2026/11/20/convoy"
