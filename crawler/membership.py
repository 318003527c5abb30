"""Scrapy extension that lets several crawler processes share one crawl run (one frontier in Redis):
a process that runs dry waits while another member may still add requests, and the last member out
deletes the run's frontier, so the next run starts afresh."""
from __future__ import annotations

import json
import logging
import time

import redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.asyncio import create_looping_call

logger = logging.getLogger(__name__)

BUSY, IDLE = "busy", "idle"


class RunMembership:
    def __init__(self, crawler, client: redis.Redis, members_key: str, member: str, run_keys: list[str],
                 interval: float, stale_after: float):
        self.crawler = crawler
        self.redis = client
        self.members_key = members_key
        self.member = member
        self.run_keys = run_keys
        self.interval = interval
        self.stale_after = stale_after
        self.task = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        ext = cls(crawler, redis.Redis.from_url(settings["REDIS_URL"], decode_responses=True),
                  settings["RUN_MEMBERS_KEY"], settings["CRAWL_MEMBER"],
                  [settings["SCHEDULER_QUEUE_KEY"], settings["SCHEDULER_DUPEFILTER_KEY"]],
                  settings.getfloat("RUN_HEARTBEAT_INTERVAL", 1.0), settings.getfloat("RUN_MEMBER_STALE_AFTER", 30.0))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self):
        self.announce(BUSY)
        self.task = create_looping_call(self.heartbeat)
        self.task.start(self.interval)

    def heartbeat(self) -> None:
        engine = self.crawler.engine
        if engine is None or getattr(engine, "_slot", None) is None:
            return
        self.announce(IDLE if engine.spider_is_idle() else BUSY)
        # Scrapy looks at the scheduler again only on its own 5 s heartbeat: requests another member
        # pushed (or the end of the run) would wait that long.
        engine._slot.nextcall.schedule()

    def spider_idle(self):
        self.announce(IDLE)
        try:
            others_busy = self.others_busy()
        except redis.RedisError as error:  # no way to know: this process's own work is done
            logger.warning("crawl run members not readable", extra={"error": str(error)})
            others_busy = False
        if others_busy:
            # Another member may still push requests into the shared queue: keep pulling from it.
            raise DontCloseSpider

    def spider_closed(self, reason):
        if self.task and self.task.running:
            self.task.stop()
        try:
            with self.redis.pipeline() as pipe:  # MULTI: leaving and counting who is left is one step
                pipe.hdel(self.members_key, self.member)
                pipe.hlen(self.members_key)
                _, left = pipe.execute()
        except redis.RedisError as error:
            logger.warning("crawl run not left cleanly; its keys stay", extra={"error": str(error)})
            return
        if left == 0:
            self.redis.delete(*self.run_keys, self.members_key)
        else:
            logger.info("crawl run continues in other processes", extra={"members_left": left})

    def announce(self, state: str) -> None:
        try:
            self.redis.hset(self.members_key, self.member, json.dumps({"state": state, "at": time.time()}))
        except redis.RedisError as error:  # the others will count this member gone after RUN_MEMBER_STALE_AFTER
            logger.warning("crawl run heartbeat not written", extra={"error": str(error)})

    def others_busy(self) -> bool:
        """Whether a live member other than this one is fetching or parsing; members that stopped
        reporting (a killed process) are dropped so they cannot hold the run open."""
        now = time.time()
        busy = False
        for member, raw in self.redis.hgetall(self.members_key).items():
            if member == self.member:
                continue
            beat = json.loads(raw)
            if now - beat["at"] > self.stale_after:
                logger.warning("dropping a crawl member that stopped reporting", extra={"member": member})
                self.redis.hdel(self.members_key, member)
            elif beat["state"] == BUSY:
                busy = True
        return busy
