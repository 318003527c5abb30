"""Downloader middleware that keeps every request, redirects included, on its site's origins
(host and port: local outlets share one host)."""
from __future__ import annotations

from scrapy.exceptions import IgnoreRequest

from crawler.urls import url_allowed


class OffsiteRequest(IgnoreRequest):
    """A request left the origins of its site."""


class SiteOffsiteMiddleware:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        # Requests without a site (robots.txt fetched by Scrapy itself) are not ours to filter.
        site = self.crawler.spider.sites.get(request.meta.get("site"))
        if site and not url_allowed(request.url, site.allowed_domains):
            raise OffsiteRequest(f"offsite for {site.name}: {request.url}")
