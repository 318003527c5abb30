"""The `faulty` demo outlet: three good articles plus URLs that fail in the ways real sites do
(404, 500, a PDF, undecodable bytes, a redirect loop, a 20 MB page, a one-hop redirect)."""
from __future__ import annotations

import random
from datetime import datetime, timezone
from pathlib import Path

from demo import layout
from demo.site import (
    ARTICLES_DIR,
    NOT_FOUND_PATH,
    Response,
    build_site,
    feed_and_sitemaps,
    load_sample_articles,
    with_etags,
)

HUGE_BYTES = 20 * 1024 * 1024
GOOD_COUNT = 3

# kind -> the slug of the feed/sitemap entry that leads to it (paths follow the outlet's layout).
FAULT_SLUGS = {
    "not_found": "ministry-statement-withdrawn",
    "server_error": "port-strike-enters-second-week",
    "pdf": "quarterly-humanitarian-funding-report",
    "undecodable": "corrupted-dispatch-from-the-coast",
    "redirect_loop": "ceasefire-talks-live-updates",
    "huge": "complete-archive-of-election-results",
    "redirect_once": "story-moved-to-new-address",
}
_LOOP_PARTNER = "ceasefire-talks-live-updates-continued"  # the loop's second hop, listed nowhere


def _entry(kind: str, slug: str, day: int) -> dict:
    title = slug.replace("-", " ").capitalize()
    return {
        "slug": slug,
        "title": title,
        "section": "world",
        "published": datetime(2026, 11, day, 9, 0, tzinfo=timezone.utc),
        "authors": ["Gazette Staff"],
        "summary": f"{title} (fault fixture: {kind}).",
        "tags": [],
    }


def fault_entries() -> dict[str, dict]:
    """The article-like feed/sitemap entries for each fault kind."""
    return {kind: _entry(kind, slug, 10 + i) for i, (kind, slug) in enumerate(FAULT_SLUGS.items())}


def fault_paths(outlet: dict) -> dict[str, str]:
    """kind -> URL path on the faulty outlet (the loop's second hop as `redirect_loop_partner`)."""
    paths = {kind: layout.article_path(entry, outlet) for kind, entry in fault_entries().items()}
    paths["redirect_loop_partner"] = layout.article_path({"slug": _LOOP_PARTNER}, outlet)
    return paths


def good_articles(root: Path = ARTICLES_DIR) -> list[dict]:
    """The faulty outlet's well-behaved articles: the first GOOD_COUNT development samples."""
    return load_sample_articles(root)[:GOOD_COUNT]


def minimal_pdf(text: str) -> bytes:
    """A valid one-page PDF showing one line of text."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def undecodable_body() -> bytes:
    """Declared as UTF-8 HTML, but mostly binary junk with invalid UTF-8 sequences."""
    junk = random.Random(1234).randbytes(8192)
    return b"<html><head><title>\xff\xfe\xc3\x28 dispatch</title></head><body><p>\xc0\xaf\xed\xa0\x80" + junk + b"</p></body></html>"


def huge_page(size: int = HUGE_BYTES) -> bytes:
    """A well-formed HTML page of at least `size` bytes."""
    head = b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Complete archive of election results</title></head><body><h1>Complete archive</h1>\n'
    para = b"<p>Precinct results follow in full, every ballot box and every count, as filed by the commission.</p>\n"
    tail = b"</body></html>\n"
    return head + para * (-(-(size - len(head) - len(tail)) // len(para))) + tail


def build_faulty_site(outlet: dict, base_url: str, root: Path = ARTICLES_DIR) -> dict[str, Response]:
    """The faulty outlet: a normal site for the good articles, a feed and sitemaps that also list
    every fault URL, and the fault responses themselves."""
    base_url = base_url.rstrip("/")
    good = good_articles(root)
    site = build_site(outlet, base_url, good)
    site.update(with_etags(feed_and_sitemaps(outlet, base_url, good + list(fault_entries().values()))))
    paths = fault_paths(outlet)
    html = {"Content-Type": "text/html; charset=utf-8"}
    site[paths["not_found"]] = site[NOT_FOUND_PATH]
    site[paths["server_error"]] = Response(500, html, b"<html><body><h1>500 Internal Server Error</h1></body></html>\n")
    site[paths["pdf"]] = Response(200, {"Content-Type": "application/pdf"}, minimal_pdf("Quarterly humanitarian funding report"))
    site[paths["undecodable"]] = Response(200, html, undecodable_body())
    site[paths["redirect_loop"]] = Response(302, {"Location": paths["redirect_loop_partner"]}, b"")
    site[paths["redirect_loop_partner"]] = Response(302, {"Location": paths["redirect_loop"]}, b"")
    site[paths["huge"]] = Response(200, html, huge_page())
    if good:
        site[paths["redirect_once"]] = Response(301, {"Location": base_url + layout.article_path(good[0], outlet)}, b"")
    return site
