"""Bulk writes: Article → Elasticsearch action (pure), and batch writers that report per-document results."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from elasticsearch import Elasticsearch, helpers

from .article import Article

logger = logging.getLogger(__name__)

# Per-document statuses that mean "try again later", not "this document is bad".
TRANSIENT_STATUSES = frozenset({429, 502, 503, 504})


@dataclass
class BulkReport:
    indexed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # id → error, for documents ES rejected
    transient: set[str] = field(default_factory=set)  # ids rejected for a passing reason (shards not ready…)


def to_action(article: Article, alias: str) -> dict:
    """An `index` action keyed by the URL-derived id: writing the same article twice overwrites it."""
    return {"_op_type": "index", "_index": alias, "_id": article.id, "_source": article.model_dump(mode="json")}


def to_partial_update(article_id: str, fields: dict, alias: str) -> dict:
    """An `update` action that replaces some fields of an indexed article (re-enrichment)."""
    return {"_op_type": "update", "_index": alias, "_id": article_id, "doc": fields}


def run_bulk(es: Elasticsearch, actions: list[dict], refresh: bool = False) -> BulkReport:
    """Send actions; 429s are retried with backoff by the helper. Connection errors propagate so the
    caller (a Celery task) retries the whole batch; rejected documents are reported, not raised."""
    report = BulkReport()
    for ok, item in helpers.streaming_bulk(
        es, actions, raise_on_error=False, raise_on_exception=True, max_retries=5, initial_backoff=1,
        max_backoff=30, refresh="wait_for" if refresh else False,
    ):
        result = next(iter(item.values()))
        if ok:
            report.indexed.append(result["_id"])
        elif result.get("status") in TRANSIENT_STATUSES:
            report.transient.add(result["_id"])
        else:
            report.failed[result["_id"]] = str(result.get("error"))[:500]
    if report.failed:
        logger.warning("bulk rejected documents", extra={"failed": len(report.failed)})
    return report


def write_batch(es: Elasticsearch, articles: list[Article], alias: str, refresh: bool = False) -> BulkReport:
    return run_bulk(es, [to_action(article, alias) for article in articles], refresh)


def update_fields(es: Elasticsearch, updates: list[tuple[str, dict]], alias: str) -> BulkReport:
    return run_bulk(es, [to_partial_update(article_id, fields, alias) for article_id, fields in updates])
