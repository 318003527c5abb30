"""Scrapy extension that reports crawl progress every second: to an optional callback and to a Redis
hash per crawler process (crawler.settings.progress_key), so another process (the CLI) can display it."""
from __future__ import annotations

import logging
import time
from typing import Any, Callable

import redis
from scrapy import signals
from scrapy.utils.asyncio import create_looping_call

logger = logging.getLogger(__name__)

# Stats the crawl components count; Scrapy's own counters sit beside them in crawler.stats.
FETCHED = "newsindex/fetched"
HANDED_OFF = "newsindex/handed_off"
PARKED = "newsindex/parked"
OFFSITE = "newsindex/offsite"
DISCARDED = "newsindex/discarded/"


def summarize(stats: dict[str, Any], elapsed: float, in_flight: int = 0, queued: int = 0) -> dict[str, Any]:
    """The progress counts out of a Scrapy stats dict."""
    reasons = {key.removeprefix(DISCARDED): n for key, n in stats.items() if key.startswith(DISCARDED)}
    fetched = stats.get(FETCHED, 0)
    return {
        "pages_fetched": fetched,
        "handed_off": stats.get(HANDED_OFF, 0),
        "parked": stats.get(PARKED, 0),
        "discarded": sum(reasons.values()),
        "discard_reasons": dict(sorted(reasons.items())),
        "offsite_skipped": stats.get(OFFSITE, 0),
        "requests": stats.get("downloader/request_count", 0),
        "in_flight": in_flight,
        "queued": queued,
        "elapsed": round(elapsed, 2),
        "rate": round(fetched / elapsed, 2) if elapsed > 0 else 0.0,
    }


def flatten(summary: dict[str, Any]) -> dict[str, str]:
    """A summary as Redis hash fields: discard reasons become discarded:<reason>."""
    fields = {key: str(value) for key, value in summary.items() if not isinstance(value, dict)}
    fields.update({f"discarded:{reason}": str(n) for reason, n in summary["discard_reasons"].items()})
    return fields


class ProgressExtension:
    def __init__(self, crawler, client: redis.Redis, key: str, interval: float,
                 callback: Callable[[dict[str, Any]], None] | None, ttl: int):
        self.crawler = crawler
        self.redis = client
        self.key = key
        self.interval = interval
        self.ttl = ttl
        self.callback = callback
        self.started = time.monotonic()
        self.task = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        ext = cls(crawler, redis.Redis.from_url(settings["REDIS_URL"], decode_responses=True),
                  settings["PROGRESS_KEY"], settings.getfloat("PROGRESS_INTERVAL", 1.0), settings.get("PROGRESS_CALLBACK"),
                  settings.getint("PROGRESS_TTL"))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self):
        self.started = time.monotonic()
        self.redis.delete(self.key)
        self.task = create_looping_call(self.report)
        self.task.start(self.interval)

    def spider_closed(self, reason):
        if self.task and self.task.running:
            self.task.stop()
        self.report(state="finished", finish_reason=reason)

    def report(self, state: str = "running", finish_reason: str = "") -> None:
        summary = self.snapshot()
        summary.update(state=state, finish_reason=finish_reason, run_id=self.crawler.settings["CRAWL_RUN_ID"])
        try:
            with self.redis.pipeline() as pipe:
                pipe.hset(self.key, mapping=flatten(summary))
                pipe.expire(self.key, self.ttl)
                pipe.execute()
        except redis.RedisError as error:
            logger.warning("progress not written to Redis", extra={"error": str(error)})
        if self.callback:
            self.callback(summary)

    def snapshot(self) -> dict[str, Any]:
        engine = self.crawler.engine
        in_flight = len(engine.downloader.active) if engine and engine.downloader else 0
        return summarize(self.crawler.stats.get_stats(), time.monotonic() - self.started, in_flight, self.queued())

    def queued(self) -> int:
        try:
            return self.redis.zcard(self.crawler.settings["SCHEDULER_QUEUE_KEY"])
        except redis.RedisError:
            return 0
