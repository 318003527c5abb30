"""The news spider: per site, reads feeds, sitemaps (and those robots.txt names), optionally hub pages
and links, fetches each article page once and yields it as a page dict for the handoff pipeline.
Every failed page ends in one discard in the outcome ledger (stage "crawl")."""
from __future__ import annotations

import base64

import logging
from datetime import datetime, timezone
from typing import Any, Iterator

import redis
from scrapy import Request, Spider
from scrapy.http import HtmlResponse, Response
from scrapy.linkextractors import LinkExtractor

from crawler.discovery import DiscoveryError, feed_links, robots_sitemaps, sitemap_links
from crawler.faults import fault_reason, is_html
from crawler.progress import DISCARDED, FETCHED, OFFSITE
from crawler.sites import SiteConfig
from crawler.urls import clean_url, url_allowed
from newsindex.outcomes import Ledger

logger = logging.getLogger(__name__)

# What a request fetches (meta "kind"), and how an article was found (meta "via").
FEED, SITEMAP, ROBOTS, HUB, ARTICLE = "feed", "sitemap", "robots", "hub", "article"
VIA_FEED, VIA_SITEMAP, VIA_LINK = "feed", "sitemap", "link"
ARTICLE_PRIORITY = 10  # pages before more discovery, so workers get work early


def page_from_response(response: Response, source: str, via: str) -> dict[str, Any]:
    """The page dict the workers receive (JSON-safe: the body travels base64-encoded)."""
    return {
        "url": response.meta.get("url", response.url),
        "final_url": response.url,
        "status": response.status,
        "headers": {key.decode("latin-1").lower(): b", ".join(values).decode("latin-1")
                    for key, values in response.headers.items()},
        # The raw bytes, not Scrapy's decoding: extraction can then repair a page whose declared charset lies.
        "body_b64": base64.b64encode(response.body).decode("ascii"),
        "encoding": response.encoding,
        "fetched_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "source": source,
        "discovered_via": via,
    }


class NewsSpider(Spider):
    name = "news"

    def __init__(self, sites: list[SiteConfig] = (), **kwargs):
        super().__init__(**kwargs)
        self.sites = {site.name: site for site in sites}
        self.links = LinkExtractor()

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.ledger = Ledger(redis.Redis.from_url(settings["REDIS_URL"], decode_responses=True),
                               settings["LEDGER_PREFIX"])
        spider.max_size = settings.getint("DOWNLOAD_MAXSIZE")
        return spider

    async def start(self):
        for site in self.sites.values():
            for request in self.site_requests(site):
                yield request

    def site_requests(self, site: SiteConfig) -> Iterator[Request]:
        for url in site.feeds:
            yield from self.request(url, site, FEED, self.parse_feed)
        for url in site.sitemaps:
            yield from self.request(url, site, SITEMAP, self.parse_sitemap)
        if site.robots_sitemaps:
            for site_origin in site.origins():
                yield from self.request(f"{site_origin}/robots.txt", site, ROBOTS, self.parse_robots)
        for url in site.start_urls:
            yield from self.request(url, site, HUB, self.parse_hub)

    def request(self, url: str, site: SiteConfig, kind: str, callback, via: str | None = None) -> Iterator[Request]:
        """A request for url on behalf of site, or nothing when url is not the site's."""
        url = clean_url(url)
        if not url_allowed(url, site.allowed_domains):
            self.crawler.stats.inc_value(OFFSITE)
            return
        yield Request(url, callback=callback, errback=self.on_error,
                      priority=ARTICLE_PRIORITY if kind == ARTICLE else 0,
                      meta={"site": site.name, "kind": kind, "via": via, "url": url})

    def articles(self, urls: list[str], site: SiteConfig, via: str) -> Iterator[Request]:
        for url in urls:
            yield from self.request(url, site, ARTICLE, self.parse_article, via)

    def parse_feed(self, response: Response) -> Iterator[Request]:
        site = self.site_of(response)
        try:
            links = feed_links(response.body, response.url)
        except DiscoveryError as error:
            self.discard(response.meta["url"], "bad_feed", f"feed: {error}")
            return
        yield from self.articles(links, site, VIA_FEED)

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        site = self.site_of(response)
        try:
            found = sitemap_links(response.body, self.max_size)
        except DiscoveryError as error:
            self.discard(response.meta["url"], "bad_sitemap", f"sitemap: {error}")
            return
        for url in found.sitemaps:
            yield from self.request(url, site, SITEMAP, self.parse_sitemap)
        yield from self.articles(found.pages, site, VIA_SITEMAP)

    def parse_robots(self, response: Response) -> Iterator[Request]:
        site = self.site_of(response)
        for url in robots_sitemaps(response.body, response.url):
            yield from self.request(url, site, SITEMAP, self.parse_sitemap)

    def parse_hub(self, response: Response) -> Iterator[Request]:
        # Hub pages (start_urls) are not articles: only their links are.
        if isinstance(response, HtmlResponse):
            yield from self.follow(response, self.site_of(response))

    def parse_article(self, response: Response) -> Iterator[Any]:
        self.crawler.stats.inc_value(FETCHED)
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        if not is_html(content_type, isinstance(response, HtmlResponse)):
            self.discard(response.meta["url"], "non_html", f"content type {content_type or 'unknown'}")
            return
        site = self.site_of(response)
        yield page_from_response(response, site.name, response.meta["via"])
        if site.follow_links:
            yield from self.follow(response, site)

    def follow(self, response: HtmlResponse, site: SiteConfig) -> Iterator[Request]:
        links = [link.url for link in self.links.extract_links(response)]
        yield from self.articles(links, site, VIA_LINK)

    def on_error(self, failure) -> None:
        request = failure.request
        reason = fault_reason(failure.value)
        if request.meta.get("kind") == ROBOTS:
            # Most sites without a robots.txt answer 404; that only means no sitemaps to learn there.
            logger.info("robots.txt not read", extra={"url": request.url, "reason": reason})
            return
        self.discard(request.meta.get("url", request.url), reason,
                     f"{request.meta.get('kind', ARTICLE)}: {failure.value}")

    def discard(self, url: str, reason: str, detail: str) -> None:
        self.ledger.discard(url, reason, stage="crawl", detail=detail)
        self.crawler.stats.inc_value(f"{DISCARDED}{reason}")

    def site_of(self, response: Response) -> SiteConfig:
        return self.sites[response.meta["site"]]
