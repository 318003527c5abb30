"""Item pipeline that hands each fetched page to the workers as the Celery task "newsindex.extract"
(by name, never importing the workers). A page the broker refuses after a few retries is parked in a
JSONL file under {state_dir}/parked/ and re-sent later by `replay_parked`."""
from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import redis
from celery import Celery
from kombu.exceptions import OperationalError

from crawler.progress import HANDED_OFF, PARKED

logger = logging.getLogger(__name__)

EXTRACT_TASK = "newsindex.extract"
# Kombu's publish retries: about 3 s in all before a page is parked.
RETRY_POLICY = {"max_retries": 3, "interval_start": 0.5, "interval_step": 0.5, "interval_max": 1.5}
SEND_ERRORS = (OperationalError, redis.RedisError, OSError)


class CelerySender:
    """Sends pages as tasks by name on one queue."""

    def __init__(self, broker_url: str, queue: str):
        self.queue = queue
        self.app = Celery("newsindex-crawler", broker=broker_url, set_as_current=False)
        # A broker that hangs must fail like one that is down, not stall the crawl.
        self.app.conf.broker_transport_options = {"socket_connect_timeout": 5, "socket_timeout": 30}

    def send(self, page: dict[str, Any]) -> None:
        self.app.send_task(EXTRACT_TASK, kwargs={"page": page}, queue=self.queue,
                           retry=True, retry_policy=RETRY_POLICY)

    def close(self) -> None:
        self.app.close()


def park(path: Path, page: dict[str, Any], error: str) -> None:
    """Append a page that could not be handed off to a JSONL file, for replay."""
    path.parent.mkdir(parents=True, exist_ok=True)
    entry = {"task": EXTRACT_TASK, "kwargs": {"page": page}, "reason": "handoff_failed", "error": error[:1000],
             "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(entry) + "\n")


def replay_parked(settings, sender: CelerySender | None = None) -> int:
    """Re-send every parked page; what still fails stays parked. Returns how many were sent."""
    sender = sender or CelerySender(settings.redis_url, settings.queue)
    sent = 0
    for path in sorted((Path(settings.state_dir) / "parked").glob("*.jsonl")):
        entries = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        left = [entry for entry in entries if not _resend(sender, entry)]
        sent += len(entries) - len(left)
        if left:
            path.write_text("".join(json.dumps(entry) + "\n" for entry in left), encoding="utf-8")
        else:
            path.unlink()
    return sent


def _resend(sender: CelerySender, entry: dict[str, Any]) -> bool:
    try:
        sender.send(entry["kwargs"]["page"])
        return True
    except SEND_ERRORS as error:
        logger.warning("replay failed", extra={"url": entry["kwargs"]["page"].get("url"), "error": str(error)})
        return False


class HandoffPipeline:
    def __init__(self, sender: CelerySender, parked_path: Path, stats=None):
        self.sender = sender
        self.parked_path = parked_path
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        # One file per process, so parallel crawlers never interleave lines.
        name = f"crawl-{settings['CRAWL_RUN_ID']}-{os.getpid()}.jsonl"
        return cls(CelerySender(settings["REDIS_URL"], settings["HANDOFF_QUEUE"]),
                   Path(settings["PARKED_DIR"]) / name, crawler.stats)

    def process_item(self, item: dict[str, Any]) -> dict[str, Any]:
        try:
            self.sender.send(item)
            self._count(HANDED_OFF)
        except SEND_ERRORS as error:
            logger.error("handoff failed; page parked", extra={"url": item.get("url"), "error": str(error)})
            park(self.parked_path, item, str(error))
            self._count(PARKED)
        return item

    def close_spider(self) -> None:
        self.sender.close()

    def _count(self, key: str) -> None:
        if self.stats:
            self.stats.inc_value(key)
