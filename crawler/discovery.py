"""Finding URLs in what a site publishes for machines: RSS/Atom feeds, XML sitemaps (plain, gzipped,
indexes) and the Sitemap: lines of robots.txt. Pure functions over bytes."""
from __future__ import annotations

from dataclasses import dataclass, field

import feedparser
from scrapy.utils._compression import _DecompressionMaxSizeExceeded
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

GZIP_MAGIC = b"\x1f\x8b"


class DiscoveryError(ValueError):
    """The document is not a feed or sitemap we can read."""


@dataclass
class SitemapLinks:
    """What one sitemap lists: article pages (a urlset) or further sitemaps (an index)."""

    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def feed_links(body: bytes, base_url: str) -> list[str]:
    """Entry links of an RSS (0.9x/1.0/2.0) or Atom feed, relative links resolved, in feed order."""
    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    # feedparser flags harmless quirks as "bozo"; only a document it cannot place as a feed is an error.
    if not parsed.entries and not parsed.get("version"):
        raise DiscoveryError(f"not a feed: {parsed.get('bozo_exception') or 'no entries'}")
    links = (entry.get("link") or _alternate_link(entry) for entry in parsed.entries)
    return [link for link in links if link]


def _alternate_link(entry) -> str | None:
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def sitemap_links(body: bytes, max_size: int = 0) -> SitemapLinks:
    """Locations listed by a sitemap (gzipped or not): pages of a urlset or children of an index."""
    if body[:2] == GZIP_MAGIC:
        try:
            body = gunzip(body, max_size=max_size)
        except _DecompressionMaxSizeExceeded as error:
            raise DiscoveryError("sitemap larger than the page size limit once decompressed") from error
        except OSError as error:
            raise DiscoveryError(f"bad gzip: {error}") from error
    try:
        sitemap = Sitemap(body)
    except (StopIteration, SyntaxError) as error:
        raise DiscoveryError("not XML") from error
    locs = [entry["loc"] for entry in sitemap if entry.get("loc")]
    if sitemap.type == "sitemapindex":
        return SitemapLinks(sitemaps=locs)
    if sitemap.type == "urlset":
        return SitemapLinks(pages=locs)
    raise DiscoveryError(f"not a sitemap: root element <{sitemap.type}>")


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    """The Sitemap: lines of a robots.txt, resolved against its URL."""
    return list(sitemap_urls_from_robots(body, base_url=base_url))
