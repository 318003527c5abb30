"""Against real Redis: the crawl-run duplicate filter, and parked pages replayed to a real Celery worker."""
from __future__ import annotations

import json
import time
import uuid

import pytest
import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker
from scrapy import Request

from crawler.dupefilter import CrawlDupeFilter
from crawler.handoff import park, replay_parked
from crawler.membership import RunMembership
from newsindex.settings import Settings

pytestmark = pytest.mark.integration

@pytest.fixture
def tag(redis_url):
    name = f"crawlertest-{uuid.uuid4().hex[:8]}"
    yield name
    client = redis.Redis.from_url(redis_url)
    for key in [*client.scan_iter(f"{name}*"), *client.scan_iter(f"_kombu.*{name}*")]:
        client.delete(key)


def test_dupefilter_drops_repeats_but_never_a_redirect_hop(tag, redis_url):
    seen = CrawlDupeFilter(redis.Redis.from_url(redis_url), key=f"{tag}:crawl:run:dupefilter").request_seen
    assert not seen(Request("http://ex.com/a?utm_source=rss"))
    assert seen(Request("http://ex.com/a/"))
    hop = Request("http://ex.com/a", meta={"redirect_urls": ["http://ex.com/b"]})
    assert not seen(hop) and not seen(hop)
    assert not seen(Request("http://ex.com/c", meta={"redirect_urls": ["http://ex.com/b"]}))
    assert seen(Request("http://ex.com/c"))  # a hop is remembered for later direct links


def test_parked_pages_are_replayed_to_the_workers(tag, tmp_path, redis_url):
    settings = Settings(redis_url=redis_url, redis_prefix=tag, queue=tag, state_dir=tmp_path)
    parked = tmp_path / "parked"
    park(parked / "crawl-a.jsonl", {"url": "http://ex.com/1"}, "broker down")
    park(parked / "crawl-a.jsonl", {"url": "http://ex.com/2"}, "broker down")
    park(parked / "crawl-b.jsonl", {"url": "http://ex.com/3"}, "broker down")

    pages: list[dict] = []
    app = Celery("crawler-replay-test", broker=redis_url, set_as_current=False)

    @app.task(name="newsindex.extract", shared=False)
    def extract(page):
        pages.append(page)

    with start_worker(app, perform_ping_check=False, queues=[tag]):
        assert replay_parked(settings) == 3
        deadline = time.monotonic() + 20
        while len(pages) < 3 and time.monotonic() < deadline:
            time.sleep(0.1)
    assert sorted(page["url"] for page in pages) == ["http://ex.com/1", "http://ex.com/2", "http://ex.com/3"]
    assert not list(parked.glob("*.jsonl"))


def test_pages_that_still_fail_stay_parked(tmp_path):
    settings = Settings(redis_url="redis://127.0.0.1:1/0", state_dir=tmp_path)
    path = tmp_path / "parked" / "crawl-a.jsonl"
    park(path, {"url": "http://ex.com/1"}, "broker down")
    assert replay_parked(settings) == 0
    assert [json.loads(line)["kwargs"]["page"]["url"] for line in path.read_text().splitlines()] == ["http://ex.com/1"]


def test_a_member_that_stopped_reporting_does_not_hold_the_run_open(tag, redis_url):
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    key = f"{tag}:crawl:run:members"
    me = RunMembership(None, client, key, "me", [], interval=1.0, stale_after=30.0)
    client.hset(key, mapping={"killed": json.dumps({"state": "busy", "at": time.time() - 60}),
                              "me": json.dumps({"state": "idle", "at": time.time()})})
    assert not me.others_busy()
    assert set(client.hkeys(key)) == {"me"}  # the silent member is dropped
    client.hset(key, "alive", json.dumps({"state": "busy", "at": time.time()}))
    assert me.others_busy()
    client.hset(key, "alive", json.dumps({"state": "idle", "at": time.time()}))
    assert not me.others_busy()
