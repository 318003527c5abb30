"""The crawl's duplicate filter in Redis: one fetch per canonical URL per crawl run, while redirect hops
always pass so that a loop ends in a recorded outcome rather than a silent drop."""
from __future__ import annotations

import hashlib

from scrapy_redis.dupefilter import RFPDupeFilter

from crawler.urls import canonical_url


class CrawlDupeFilter(RFPDupeFilter):
    def request_fingerprint(self, request) -> str:
        key = f"{request.method} {canonical_url(request.url)} {(request.body or b'').hex()}"
        return hashlib.sha1(key.encode()).hexdigest()

    def request_seen(self, request) -> bool:
        # A hop is remembered (so a later direct link to it is dropped) but never dropped itself: dropping
        # it would end the page silently, and RedirectMiddleware already bounds the chain.
        seen = super().request_seen(request)
        return seen and not request.meta.get("redirect_urls")
