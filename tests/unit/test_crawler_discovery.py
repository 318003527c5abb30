"""Reading article URLs out of RSS/Atom feeds, sitemaps (plain, gzipped, indexes) and robots.txt."""
import gzip

import pytest

from crawler.discovery import DiscoveryError, feed_links, robots_sitemaps, sitemap_links

SM = "http://www.sitemaps.org/schemas/sitemap/0.9"


def test_rss2_links_in_order_with_relative_links_resolved():
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>
      <item><title>One</title><link>https://ex.com/one</link></item>
      <item><title>Two</title><link>/news/two</link></item>
      <item><title>No link</title></item></channel></rss>"""
    assert feed_links(rss, "https://ex.com/feed.xml") == ["https://ex.com/one", "https://ex.com/news/two"]


def test_atom_uses_the_alternate_link():
    atom = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>D</title><id>d</id>
      <entry><title>A</title><id>1</id><link rel="self" href="https://ex.com/api/1"/>
        <link rel="alternate" type="text/html" href="https://ex.com/a"/></entry>
      <entry><title>B</title><id>2</id><link href="https://ex.com/b"/></entry></feed>"""
    assert feed_links(atom, "https://ex.com/atom.xml") == ["https://ex.com/a", "https://ex.com/b"]


def test_rss1_rdf_feed():
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="https://ex.com/"><title>D</title><link>https://ex.com/</link></channel>
      <item rdf:about="https://ex.com/r1"><title>R1</title><link>https://ex.com/r1</link></item></rdf:RDF>"""
    assert feed_links(rdf, "https://ex.com/index.rdf") == ["https://ex.com/r1"]


def test_an_empty_feed_is_no_error():
    assert feed_links(b'<?xml version="1.0"?><rss version="2.0"><channel><title>D</title></channel></rss>',
                      "https://ex.com/f") == []


@pytest.mark.parametrize("body", [b"<html><body><p>Not a feed</p></body></html>", b"", b"\x00\x01garbage"])
def test_what_is_not_a_feed_raises(body):
    with pytest.raises(DiscoveryError):
        feed_links(body, "https://ex.com/f")


def test_urlset_lists_pages():
    body = f'<?xml version="1.0"?><urlset xmlns="{SM}"><url><loc> https://ex.com/a </loc><lastmod>2026-11-01</lastmod></url>' \
           f"<url><loc>https://ex.com/b</loc></url><url><lastmod>2026-11-01</lastmod></url></urlset>"
    found = sitemap_links(body.encode())
    assert found.pages == ["https://ex.com/a", "https://ex.com/b"] and found.sitemaps == []


def test_gzipped_sitemap_index_lists_sitemaps():
    body = f'<sitemapindex xmlns="{SM}"><sitemap><loc>https://ex.com/s1.xml</loc></sitemap>' \
           f"<sitemap><loc>https://ex.com/s2.xml.gz</loc></sitemap></sitemapindex>"
    found = sitemap_links(gzip.compress(body.encode()))
    assert found.sitemaps == ["https://ex.com/s1.xml", "https://ex.com/s2.xml.gz"] and found.pages == []


def test_gzip_bomb_is_refused():
    body = f'<urlset xmlns="{SM}">' + "<url><loc>https://ex.com/a</loc></url>" * 5000 + "</urlset>"
    with pytest.raises(DiscoveryError):
        sitemap_links(gzip.compress(body.encode()), max_size=10_000)


@pytest.mark.parametrize("body", [b"", b"plain text", b"<html><body/></html>", b"\x1f\x8bnot gzip"])
def test_what_is_not_a_sitemap_raises(body):
    with pytest.raises(DiscoveryError):
        sitemap_links(body)


def test_robots_sitemap_lines():
    robots = b"User-agent: *\nDisallow: /private/\nSitemap: /sitemap.xml\nsitemap:https://cdn.ex.com/news.xml\n"
    assert robots_sitemaps(robots, "https://ex.com/robots.txt") == \
        ["https://ex.com/sitemap.xml", "https://cdn.ex.com/news.xml"]
    assert robots_sitemaps(b"User-agent: *\nDisallow:\n", "https://ex.com/robots.txt") == []
