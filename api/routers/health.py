"""GET /health: Elasticsearch and Redis reachable, how deep the worker queue is, and page outcomes."""
from __future__ import annotations

import logging

import redis
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from fastapi import APIRouter, Response

from api.deps import EsDep, RedisDep, SettingsDep
from api.schemas import ElasticsearchHealth, HealthReport, RedisHealth
from newsindex.outcomes import Ledger
from newsindex.settings import Settings

logger = logging.getLogger(__name__)

router = APIRouter(tags=["health"])

CHECK_TIMEOUT = 5.0


def _brief(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def check_elasticsearch(es: Elasticsearch, alias: str) -> ElasticsearchHealth:
    # The minimal distribution has no GET /, so cluster health is the liveness probe.
    es = es.options(request_timeout=CHECK_TIMEOUT)
    try:
        status = es.cluster.health()["status"]
    except (TransportError, ApiError) as exc:
        return ElasticsearchHealth(ok=False, alias=alias, error=_brief(exc))
    report = ElasticsearchHealth(ok=status != "red", cluster_status=status, alias=alias)
    if status == "red":
        report.error = "cluster status is red: some primary shards are unassigned"
    try:
        report.documents = es.count(index=alias)["count"]
        report.index_exists = True
    except NotFoundError:
        # Not a failed dependency: a fresh install has no index until the first article is stored.
        report.index_exists = False
    except (TransportError, ApiError) as exc:
        report.error = report.error or _brief(exc)
    return report


def check_redis(client: redis.Redis, settings: Settings) -> RedisHealth:
    report = RedisHealth(ok=False, queue=settings.queue)
    try:
        client.ping()
        report.queue_depth = client.llen(settings.queue)
        report.outcomes = Ledger(client, settings.redis_prefix).counts()
    except redis.RedisError as exc:
        report.error = _brief(exc)
        return report
    report.ok = True
    return report


@router.get("/health", response_model=HealthReport, responses={503: {"model": HealthReport, "description": "a dependency is down"}})
def health(settings: SettingsDep, es: EsDep, redis_client: RedisDep, response: Response) -> HealthReport:
    es_report = check_elasticsearch(es, settings.index_alias)
    redis_report = check_redis(redis_client, settings)
    down = [name for name, r in (("elasticsearch", es_report), ("redis", redis_report)) if not r.ok]
    if down:
        logger.warning("health check failed", extra={"down": down})
        response.status_code = 503
    return HealthReport(status="unavailable" if down else "ok", down=down, elasticsearch=es_report, redis=redis_report)
