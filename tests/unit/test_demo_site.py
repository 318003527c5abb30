"""Tests for the demo news world: article files, the three templates, feeds, sitemaps, robots.txt,
the faulty outlet, and the HTTP server."""
from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
import yaml
from protego import Protego

from demo import assets, faults, layout, render, site
from demo.server import start_demo_sites

BASE_URLS = site.default_base_urls(8701, faults=True)
OUTLETS = site.load_outlets(faults=True)
MAIN = ("meridian", "harbour", "sahel")
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ATOM_NS = "{http://www.w3.org/2005/Atom}"
BODY_XPATH = {
    "meridian": '//article[@class="story"]//div[@class="story-body"]',
    "harbour": '//div[@class="txt"]',
    "sahel": '//div[@class="story-body"]',
}


def _all_articles() -> list[dict]:
    """Every real article plus the samples, each once."""
    by_slug = {a["slug"]: a for a in site.load_articles() + site.load_sample_articles()}
    return sorted(by_slug.values(), key=lambda a: a["slug"])


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def world():
    return site.build_world(BASE_URLS, faults=True, samples=True)


def _articles(outlet: str) -> list[dict]:
    return site.load_articles(outlet, samples=True)


# --------------------------------------------------------------------------------------------
# Article files
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("file", sorted(site.ARTICLES_DIR.glob("*/*.yaml")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_article_file_follows_format(file: Path):
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert site.article_problems(data, file.stem) == []


def test_article_problems_catches_mistakes():
    bad = {"slug": "Other Slug", "title": "t", "section": "sport", "published": "2025-01-01T00:00:00Z", "authors": ["A"], "summary": "s", "body": ["p"]}
    problems = site.article_problems(bad, "file-name")
    assert any("differs from the file name" in p for p in problems)
    assert any("unknown section" in p for p in problems)
    assert site.article_problems({**bad, "slug": "file-name", "section": "world"}, "file-name", strict=False) == []
    assert any("outside" in p for p in site.article_problems({**bad, "slug": "file-name", "section": "world"}, "file-name"))


def test_load_articles_paths_and_samples():
    real = site.load_articles()
    assert all(site.SAMPLES_DIR not in a["file"] for a in real), "samples must only load when asked"
    for key in MAIN:
        mine = _articles(key)
        assert mine, f"{key} serves no articles"
        assert len({a["path"] for a in mine}) == len(mine)
        assert all(a["outlet"] == key and a["path"] == layout.article_path(a, OUTLETS[key]) for a in mine)
        assert [a["published"] for a in mine] == sorted((a["published"] for a in mine), reverse=True)
        assert all(a["published"].tzinfo is not None for a in mine)


def test_article_url_layouts():
    article = {"slug": "hama-shelling", "section": "world", "published": site._as_utc("2026-11-18T07:40:00Z")}
    assert layout.article_path(article, OUTLETS["meridian"]) == "/world/2026/11/18/hama-shelling/"
    assert re.fullmatch(r"/news/hama-shelling-\d{6}", layout.article_path(article, OUTLETS["harbour"]))
    assert layout.article_path(article, OUTLETS["sahel"]) == "/world/hama-shelling.html"


# --------------------------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("outlet_key", MAIN)
def test_every_article_renders_in_each_template(outlet_key):
    outlet = OUTLETS[outlet_key]
    base = BASE_URLS[outlet_key]
    articles = _all_articles()
    assert articles
    for article in articles:
        page = render.render_article(article, outlet, base, [a for a in articles if a is not article][:3])
        doc = lxml.html.fromstring(page)
        text = _norm(doc.text_content())
        url = base + layout.article_path(article, outlet)
        assert doc.xpath('//link[@rel="canonical"]/@href') == [url]
        assert article["title"] in doc.findtext(".//title")
        assert doc.xpath('//meta[@name="description"]/@content') == [article["summary"]]
        assert doc.xpath('//meta[@property="og:image"]/@content')[0].startswith(base + "/")
        assert layout.iso_time(article["published"]) in page
        for author in article["authors"]:
            assert author in page
        body = doc.xpath(BODY_XPATH[outlet_key])
        assert len(body) == 1, article["slug"]
        blocks = layout.body_blocks(article)
        assert len(body[0].xpath(".//h2")) == sum(k == "h2" for k, _ in blocks)
        assert len(body[0].xpath(".//blockquote")) == sum(k == "quote" for k, _ in blocks)
        first = _norm(body[0].xpath(".//p")[0].text_content())
        paragraphs = [t for k, t in blocks if k == "p"]
        if article.get("dateline"):
            assert first == _norm(f"{article['dateline']} \u2014 {paragraphs[0]}")
        else:
            assert first == _norm(paragraphs[0])
        body_text = _norm(body[0].text_content())
        for _, block in blocks:
            assert _norm(block) in body_text
        for comment in article.get("comments") or []:
            assert _norm(comment["text"]) in text
            assert _norm(comment["text"]) not in body_text
        assert _norm(outlet["cookie_text"]) in text


def test_templates_are_structurally_different():
    article = next(a for a in site.load_sample_articles() if a.get("dateline") and a.get("comments"))
    pages = {k: render.render_article(article, OUTLETS[k], BASE_URLS[k], site.load_sample_articles()) for k in MAIN}
    m, h, s = pages["meridian"], pages["harbour"], pages["sahel"]
    assert '"@type": "NewsArticle"' in m and "<article" in m and 'property="og:type"' in m
    assert '<table class="byline"' in h and "<time datetime=" in h and "<article" not in h and "ld+json" not in h
    assert 'class="story-body"' in s and 'itemtype="https://schema.org/NewsArticle"' in s and "ld+json" not in s
    # Sahel interleaves ads and Read-more boxes between the paragraphs of the story body.
    body = lxml.html.fromstring(s).xpath('//div[@class="story-body"]')[0]
    classes = [child.get("class") or child.tag for child in body]
    assert "read-more-box" in classes and "ad-slot ad-inline" in classes
    assert classes[-1] in ("p", "h2", "story-quote", "ad-slot ad-inline", "read-more-box")
    assert classes.index("read-more-box") > classes.index("p")


def test_charset_declarations_and_arabic(world):
    article = next(a for a in _articles("sahel") if "\u062d\u0645\u0627\u0629" in " ".join(a["body"]))
    meridian = world["meridian"][layout.article_path(article, OUTLETS["meridian"])]
    harbour = world["harbour"][layout.article_path(article, OUTLETS["harbour"])]
    sahel = world["sahel"][article["path"]]
    assert meridian.headers["Content-Type"] == "text/html; charset=utf-8" and b'<meta charset="utf-8">' in meridian.body
    assert harbour.headers["Content-Type"] == "text/html; charset=utf-8" and b"charset" not in harbour.body.lower()
    assert sahel.headers["Content-Type"] == "text/html" and b'content="text/html; charset=utf-8"' in sahel.body
    for resp in (meridian, harbour, sahel):
        assert "\u062d\u0645\u0627\u0629" in resp.body.decode("utf-8")


def test_body_blocks_and_dateline():
    article = {"dateline": "HAMA, Syria", "body": ["First.", "## Sub", "> Quote", "", "Last."]}
    assert layout.body_blocks(article) == [("p", "First."), ("h2", "Sub"), ("quote", "Quote"), ("p", "Last.")]
    assert layout.dateline_text(article) == "HAMA, Syria \u2014"
    assert layout.dateline_text({"dateline": None}) is None


# --------------------------------------------------------------------------------------------
# Site: listings, links, feeds, sitemaps, robots
# --------------------------------------------------------------------------------------------


def _links(page_url: str, body: bytes) -> set[str]:
    doc = lxml.html.fromstring(body)
    return {urljoin(page_url, ref) for ref in doc.xpath("//a/@href | //link/@href | //img/@src")}


def _target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.mark.parametrize("outlet_key", MAIN)
def test_internal_links_resolve_and_articles_are_reachable(world, outlet_key):
    pages, base = world[outlet_key], BASE_URLS[outlet_key]
    host = urlsplit(base).netloc
    html_pages = {p: r for p, r in pages.items() if r.status == 200 and r.headers["Content-Type"].startswith("text/html")}
    linked = set()
    for path, resp in html_pages.items():
        for url in _links(base + path, resp.body):
            if urlsplit(url).netloc != host:
                continue
            linked.add(urlsplit(url).path)
            assert site.resolve(pages, _target(url)).status == 200, f"{path} links to missing {url}"
    articles = _articles(outlet_key)
    listings = set(html_pages) - {a["path"] for a in articles}
    listing_links = {u.split("?")[0] for p in listings for u in _links(base + p, pages[p].body)}
    for article in articles:
        assert base + article["path"] in listing_links, f"{article['path']} is linked from no listing page"
    assert layout.private_path(OUTLETS[outlet_key]) in linked  # a trap: linked, but disallowed by robots.txt
    assert b"<a " not in pages[layout.private_path(OUTLETS[outlet_key])].body


@pytest.mark.parametrize("outlet_key", MAIN)
def test_feed_lists_newest_twenty_with_some_tracking(world, outlet_key):
    outlet, base = OUTLETS[outlet_key], BASE_URLS[outlet_key]
    resp = world[outlet_key][layout.feed_path(outlet)]
    root = ET.fromstring(resp.body)
    if outlet_key == "harbour":
        assert root.tag == f"{ATOM_NS}feed" and "atom" in resp.headers["Content-Type"]
        links = [entry.find(f"{ATOM_NS}link").get("href") for entry in root.iter(f"{ATOM_NS}entry")]
    else:
        assert root.tag == "rss" and root.get("version") == "2.0"
        links = [e.text for e in root.iter("link")][1:]  # the first is the channel's own link
    expected = [base + a["path"] for a in _articles(outlet_key)[:20]]  # the brief: only the 20 newest
    assert [link.split("?")[0] for link in links] == expected
    assert any("utm_source=" in link for link in links)


@pytest.mark.parametrize("outlet_key", MAIN)
def test_sitemaps_list_every_article(world, outlet_key):
    outlet, base, pages = OUTLETS[outlet_key], BASE_URLS[outlet_key], world[outlet_key]
    index = ET.fromstring(pages[layout.sitemap_index_path(outlet)].body)
    assert index.tag == f"{SITEMAP_NS}sitemapindex"
    listed = []
    for entry in index.iter(f"{SITEMAP_NS}sitemap"):
        loc = entry.findtext(f"{SITEMAP_NS}loc")
        assert loc.startswith(base) and entry.findtext(f"{SITEMAP_NS}lastmod")
        urlset = ET.fromstring(pages[loc[len(base):]].body)
        assert urlset.tag == f"{SITEMAP_NS}urlset"
        for url in urlset.iter(f"{SITEMAP_NS}url"):
            assert url.findtext(f"{SITEMAP_NS}lastmod")
            assert url.find(f"{{{layout.NEWS_NS}}}news/{{{layout.NEWS_NS}}}publication_date") is not None
            listed.append(url.findtext(f"{SITEMAP_NS}loc"))
    assert sorted(listed) == sorted(base + a["path"] for a in _articles(outlet_key))


@pytest.mark.parametrize("outlet_key", MAIN)
def test_robots_txt_disallows_private_and_names_sitemap(world, outlet_key):
    outlet, base = OUTLETS[outlet_key], BASE_URLS[outlet_key]
    text = world[outlet_key]["/robots.txt"].body.decode()
    robots = Protego.parse(text)
    assert "Disallow: /private/" in text
    assert not robots.can_fetch(base + layout.private_path(outlet), "newsindex")
    assert robots.can_fetch(base + _articles(outlet_key)[0]["path"], "newsindex")
    assert list(robots.sitemaps) == [base + layout.sitemap_index_path(outlet)]


def test_resolve_ignores_tracking_adds_slash_and_404s(world):
    pages = world["meridian"]
    path = _articles("meridian")[0]["path"]
    assert site.resolve(pages, path + "?utm_source=rss&utm_medium=feed") is pages[path]
    redirect = site.resolve(pages, path.rstrip("/") + "?ref=x")
    assert redirect.status == 301 and redirect.headers["Location"] == path + "?ref=x"
    assert site.resolve(pages, "/no/such/page").status == 404
    harbour = world["harbour"]
    world_pages = [p for p in harbour if p.startswith("/topics/world")]
    assert all(site.resolve(harbour, p) is harbour[p] for p in world_pages)


# --------------------------------------------------------------------------------------------
# Faulty outlet
# --------------------------------------------------------------------------------------------


def test_faulty_outlet_routes(world):
    outlet, pages, base = OUTLETS["faulty"], world["faulty"], BASE_URLS["faulty"]
    paths = faults.fault_paths(outlet)
    good = faults.good_articles()
    assert len(good) == faults.GOOD_COUNT
    assert pages[paths["not_found"]].status == 404
    assert pages[paths["server_error"]].status == 500
    pdf = pages[paths["pdf"]]
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.body.startswith(b"%PDF-") and pdf.body.rstrip().endswith(b"%%EOF")
    junk = pages[paths["undecodable"]]
    assert "utf-8" in junk.headers["Content-Type"]
    with pytest.raises(UnicodeDecodeError):
        junk.body.decode("utf-8")
    assert pages[paths["redirect_loop"]].headers["Location"] == paths["redirect_loop_partner"]
    assert pages[paths["redirect_loop_partner"]].headers["Location"] == paths["redirect_loop"]
    assert len(pages[paths["huge"]].body) >= 20 * 1024 * 1024
    moved = pages[paths["redirect_once"]]
    assert moved.status == 301 and site.resolve(pages, _target(moved.headers["Location"])).status == 200
    feed = ET.fromstring(pages[layout.feed_path(outlet)].body)
    feed_paths = {urlsplit(entry.find(f"{ATOM_NS}link").get("href")).path for entry in feed.iter(f"{ATOM_NS}entry")}
    fault_listed = {p for k, p in paths.items() if k != "redirect_loop_partner"}
    assert fault_listed | {layout.article_path(a, outlet) for a in good} == feed_paths
    sitemap_text = b"".join(pages[p].body for p in pages if p.startswith("/sitemap-"))
    assert all((base + p).encode() in sitemap_text for p in fault_listed)


def test_placeholder_png_and_pdf_are_well_formed():
    png = assets.placeholder_png("seed", 4, 3)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png.endswith(b"IEND\xaeB`\x82")
    pdf = faults.minimal_pdf("Hello")
    xref_at = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[xref_at:].startswith(b"xref")


# --------------------------------------------------------------------------------------------
# Over real HTTP
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served():
    with start_demo_sites(faults=True, samples=True) as sites:
        yield sites


def _get(url: str, method: str = "GET", headers: dict | None = None):
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def test_server_serves_each_outlet_on_its_own_port(served):
    assert set(served.urls) == {"meridian", "harbour", "sahel", "faulty"}
    assert len({urlsplit(u).port for u in served.urls.values()}) == 4
    for key in MAIN:
        status, headers, body = _get(served.url(key, "/robots.txt"))
        assert status == 200 and f"Sitemap: {served.urls[key]}" in body.decode()
        status, _, body = _get(served.url(key))
        assert status == 200 and OUTLETS[key]["name"] in html.unescape(body.decode())


def test_server_article_tracking_head_etag_and_hits(served):
    served.reset_hits()
    article = _articles("meridian")[0]
    url = served.url("meridian", article["path"])
    status, headers, clean = _get(url)
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert f'<link rel="canonical" href="{url}">' in clean.decode()
    assert _get(url + "?utm_source=rss")[2] == clean
    status, head_headers, head_body = _get(url, "HEAD")
    assert status == 200 and head_body == b"" and int(head_headers["Content-Length"]) == len(clean)
    assert _get(url, headers={"If-None-Match": headers["ETag"]})[0] == 304
    assert _get(served.url("meridian", "/nope"))[0] == 404
    hits = served.hits("meridian")
    assert hits[article["path"]] == 4 and hits["/nope"] == 1
    assert served.hits("meridian", with_query=True)[article["path"] + "?utm_source=rss"] == 1
    assert served.hits("harbour") == {}


def test_server_sahel_header_has_no_charset(served):
    article = _articles("sahel")[0]
    status, headers, body = _get(served.url("sahel", article["path"]))
    assert status == 200 and headers["Content-Type"] == "text/html"
    assert article["title"] in html.unescape(body.decode("utf-8"))


def test_server_fault_routes(served):
    paths = faults.fault_paths(OUTLETS["faulty"])
    assert _get(served.url("faulty", paths["server_error"]))[0] == 500
    assert _get(served.url("faulty", paths["not_found"]))[0] == 404
    status, headers, body = _get(served.url("faulty", paths["pdf"]))
    assert headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    with pytest.raises(urllib.error.HTTPError):  # urllib gives up on the loop
        urllib.request.urlopen(served.url("faulty", paths["redirect_loop"]), timeout=10)
    status, headers, body = _get(served.url("faulty", paths["redirect_once"]))
    assert status == 200 and b"canonical" in body
    status, headers, _ = _get(served.url("faulty", paths["huge"]), "HEAD")
    assert int(headers["Content-Length"]) >= 20 * 1024 * 1024


def test_start_demo_sites_with_fixed_base_port():
    with start_demo_sites(0) as probe:  # find a free neighbourhood, then release it
        port = urlsplit(probe.urls["meridian"]).port
    try:
        sites = start_demo_sites(port)
    except OSError:
        pytest.skip("ports were taken in between")
    with sites:
        assert [urlsplit(u).port for u in sites.urls.values()] == [port, port + 1, port + 2]
        assert _get(sites.url("harbour", "/robots.txt"))[0] == 200
