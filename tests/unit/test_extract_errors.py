"""Extraction stage on pages that are not clean UTF-8 articles: each ExtractionError reason, wrong or
missing encodings, byte-order marks, and a huge page."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from workers.extract import ExtractionError, extract_article

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
URL = "https://news.example.test/world/2026/11/20/story-slug"

FRENCH = (
    "<html><head><meta charset=\"utf-8\"><title>R\u00e9fugi\u00e9s : l'\u00e9t\u00e9 s'ach\u00e8ve</title>"
    "<meta property=\"og:type\" content=\"article\"></head><body><article><h1>R\u00e9fugi\u00e9s</h1>"
    + "".join(
        f"<p>Paragraphe {i} : les autorit\u00e9s ont annonc\u00e9 que les r\u00e9fugi\u00e9s arriv\u00e9s cet \u00e9t\u00e9 "
        "seraient h\u00e9berg\u00e9s dans des \u00e9coles et des b\u00e2timents publics jusqu'\u00e0 la fin de l'ann\u00e9e.</p>"
        for i in range(6)
    )
    + "</article></body></html>"
)


def page(html, content_type="text/html; charset=utf-8", url=URL) -> dict:
    return {"url": url, "final_url": url, "status": 200, "headers": {"content-type": content_type} if content_type else {},
            "html": html, "encoding": None, "fetched_at": "2026-11-24T10:00:00Z", "source": "test"}


def reason(p: dict) -> str:
    with pytest.raises(ExtractionError) as err:
        extract_article(p)
    assert err.value.detail  # the ledger gets a human hint too
    return err.value.reason


def test_unknown_reason_is_a_bug():
    with pytest.raises(ValueError):
        ExtractionError("whatever")


@pytest.mark.parametrize("content_type, body", [
    ("application/pdf", "%PDF-1.4 binary"),
    ("image/png", "\x89PNG\r\n"),
    ("application/json", '{"articles": []}'),
    ("", '{"title": "no markup here at all", "body": "just JSON"}'),
    ("text/xml", '<?xml version="1.0"?><rss><channel><title>Feed</title></channel></rss>'),
    ("", '<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title></item></channel></rss>'),
])
def test_not_html(content_type, body):
    assert reason(page(body, content_type)) == "not_html"


def test_undecodable_binary_junk():
    junk = os.urandom(20_000).decode("latin-1")
    assert reason(page("<html><body><p>" + junk + "</p></body></html>")) == "undecodable"


def test_undecodable_replacement_characters():
    assert reason(page("<html><body><p>" + "\ufffd\ufffd ab \ufffd" * 500 + "</p></body></html>")) == "undecodable"


def test_undecodable_nul_bytes():
    utf16_read_as_latin1 = "<html><body><p>hello world</p></body></html>".encode("utf-16-le").decode("latin-1")
    assert reason(page(utf16_read_as_latin1 * 50)) == "undecodable"


@pytest.mark.parametrize("body", ["", "   \n ", "<html><head><title>x</title></head><body>  </body></html>"])
def test_empty_page(body):
    assert reason(page(body)) == "empty_page"


def test_no_main_text():
    html = "<html><head><title>Live</title></head><body><article><h1>Live</h1><p>Updates to follow.</p></article></body></html>"
    assert reason(page(html)) == "no_main_text"


def test_not_article():
    html = (FIXTURES / "section_listing.html").read_text(encoding="utf-8")
    assert reason(page(html, url="https://news.coastline-courier.test/africa/latest")) == "not_article"
    assert reason(page(html, url="https://news.coastline-courier.test/")) == "not_article"


def test_a_few_stray_control_characters_are_dropped():
    article = extract_article(page(FRENCH.replace("Paragraphe 2", "Paragraphe\x00 2\x07")))
    assert "Paragraphe 2 :" in article.text


def test_latin1_bytes_declared_utf8_are_recovered():
    raw = FRENCH.encode("latin-1")
    article = extract_article(page(raw))
    assert "les autorit\u00e9s ont annonc\u00e9 que les r\u00e9fugi\u00e9s" in article.text
    assert "\ufffd" not in article.text
    assert article.language == "fr"


def test_latin1_already_decoded_as_utf8_still_gives_an_article():
    # a crawler that decoded with the declared charset replaced every accent: degraded, not undecodable
    damaged = FRENCH.encode("latin-1").decode("utf-8", errors="replace")
    article = extract_article(page(damaged))
    assert "Paragraphe 5 : les autorit" in article.text


def test_utf8_read_as_latin1_is_repaired():
    mojibake = FRENCH.encode("utf-8").decode("cp1252")
    article = extract_article(page(mojibake))
    assert "les r\u00e9fugi\u00e9s arriv\u00e9s cet \u00e9t\u00e9" in article.text


def test_bytes_without_declared_charset():
    html = FRENCH.replace('<meta charset="utf-8">', "")
    article = extract_article(page(html.encode("utf-8"), content_type="text/html"))
    assert "b\u00e2timents publics" in article.text


@pytest.mark.parametrize("as_bytes", [False, True])
def test_byte_order_mark(as_bytes):
    html = "\ufeff" + FRENCH
    article = extract_article(page(html.encode("utf-8") if as_bytes else html))
    assert article.text.startswith("Paragraphe 0")
    assert "\ufeff" not in article.text and "\ufeff" not in article.title


def test_huge_page():
    story = (FIXTURES / "wire_story.html").read_text(encoding="utf-8")
    menu = "<ul class='mega-menu'>" + "".join(f"<li><a href='/tag/t{i}'>Topic number {i}</a></li>" for i in range(20_000)) + "</ul>"
    tracker = "<script>var blob = '" + "x" * 3_000_000 + "';</script>"
    html = story.replace("<main>", tracker + menu + "<main>")
    assert len(html) > 3_500_000
    started = time.process_time()
    article = extract_article(page(html, url="https://news.coastline-courier.test/africa/2026/11/02/beledweyne-floods-shabelle"))
    assert time.process_time() - started < 20
    assert "Roads and markets under water" in article.text
    assert "Topic number" not in article.text and "blob" not in article.text
