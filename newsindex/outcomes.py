"""The outcome ledger: every page ends in exactly one outcome (done, discarded with a reason,
or quarantined for replay), counted in Redis so any process can record and any tool can list."""
from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from typing import Any

import redis

logger = logging.getLogger(__name__)

DONE, DISCARDED, RETRIED, QUARANTINED = "done", "discarded", "retried", "quarantined"
KEEP_DISCARDED = 10_000


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Ledger:
    """Counts and lists outcomes under one Redis key prefix."""

    def __init__(self, client: redis.Redis, prefix: str):
        self.redis = client
        self.prefix = prefix

    @classmethod
    def from_settings(cls, settings) -> "Ledger":
        return cls(redis.Redis.from_url(settings.redis_url, decode_responses=True), settings.redis_prefix)

    def key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def done(self, count: int = 1) -> None:
        self.redis.hincrby(self.key("outcomes"), DONE, count)

    def retried(self) -> None:
        # Not a final outcome: counted so operators see retry pressure.
        self.redis.hincrby(self.key("outcomes"), RETRIED, 1)

    def warn(self, name: str) -> None:
        """Count a problem that did not stop the item (e.g. enrichment failed, the article was indexed bare)."""
        self.redis.hincrby(self.key("warnings"), name, 1)

    def warnings(self) -> dict[str, int]:
        return {k: int(v) for k, v in self.redis.hgetall(self.key("warnings")).items()}

    def discard(self, url: str, reason: str, stage: str, detail: str = "") -> None:
        entry = json.dumps({"url": url, "reason": reason, "stage": stage, "detail": detail[:500], "at": _now()})
        pipe = self.redis.pipeline()
        pipe.hincrby(self.key("outcomes"), DISCARDED, 1)
        pipe.hincrby(self.key("discard_reasons"), reason, 1)
        pipe.lpush(self.key("discarded"), entry)
        pipe.ltrim(self.key("discarded"), 0, KEEP_DISCARDED - 1)
        pipe.execute()
        logger.info("discarded", extra={"url": url, "reason": reason, "stage": stage})

    def quarantine(self, task: str, kwargs: dict[str, Any], error: str) -> None:
        entry = json.dumps({"task": task, "kwargs": kwargs, "error": error[:1000], "at": _now()})
        pipe = self.redis.pipeline()
        pipe.hincrby(self.key("outcomes"), QUARANTINED, 1)
        pipe.rpush(self.key("quarantine"), entry)
        pipe.execute()
        logger.warning("quarantined", extra={"task": task, "error": error[:200]})

    def counts(self) -> dict[str, int]:
        return {k: int(v) for k, v in self.redis.hgetall(self.key("outcomes")).items()}

    def discard_reasons(self) -> dict[str, int]:
        return {k: int(v) for k, v in self.redis.hgetall(self.key("discard_reasons")).items()}

    def discarded(self, limit: int = 100) -> list[dict[str, Any]]:
        return [json.loads(e) for e in self.redis.lrange(self.key("discarded"), 0, limit - 1)]

    def quarantined(self) -> list[dict[str, Any]]:
        return [json.loads(e) for e in self.redis.lrange(self.key("quarantine"), 0, -1)]

    def take_quarantined(self) -> list[dict[str, Any]]:
        """Pop every quarantined entry (for replay); a replay that fails quarantines again."""
        pipe = self.redis.pipeline()
        pipe.lrange(self.key("quarantine"), 0, -1)
        pipe.delete(self.key("quarantine"))
        entries, _ = pipe.execute()
        if entries:
            self.redis.hincrby(self.key("outcomes"), QUARANTINED, -len(entries))
        return [json.loads(e) for e in entries]

    def reset(self) -> None:
        self.redis.delete(*(self.key(n) for n in ("outcomes", "discard_reasons", "discarded", "quarantine", "warnings")))
