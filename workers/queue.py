"""Queue inspection and replay: depth of the work queues, waiting for a run to drain, re-sending
quarantined work. Talks to Redis and sends tasks by name, so any process can use it."""
from __future__ import annotations

import time
from collections.abc import Callable

import redis

from newsindex.outcomes import DISCARDED, DONE, QUARANTINED, Ledger
from newsindex.settings import Settings

from .app import create_app, index_queue


def queue_depth(settings: Settings) -> dict[str, int]:
    client = redis.Redis.from_url(settings.redis_url)
    return {name: int(client.llen(name)) for name in (settings.queue, index_queue(settings))}


def finished(counts: dict[str, int]) -> int:
    """How many items have reached a final outcome."""
    return sum(counts.get(k, 0) for k in (DONE, DISCARDED, QUARANTINED))


def wait_for_drain(settings: Settings, expected: int, baseline: dict[str, int], timeout: float = 600.0,
                   on_progress: Callable[[dict[str, int], dict[str, int]], None] | None = None) -> bool:
    """Wait until `expected` more items than in `baseline` reached an outcome (the crawl's hand-offs and
    crawl-stage discards); True if they all did within the timeout."""
    ledger = Ledger.from_settings(settings)
    deadline = time.monotonic() + timeout
    while True:
        counts = ledger.counts()
        if on_progress:
            on_progress(counts, queue_depth(settings))
        if finished(counts) - finished(baseline) >= expected:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.5)


def replay_quarantined(settings: Settings) -> int:
    """Send every quarantined task again, by name; returns how many were re-sent."""
    ledger = Ledger.from_settings(settings)
    app = create_app(settings)
    entries = ledger.take_quarantined()
    for entry in entries:
        app.send_task(entry["task"], kwargs=entry["kwargs"])
    return len(entries)
