"""Celery tasks, thin wrappers over the pure stages: extract a page, then index articles in batches.
Each page ends in one outcome in the ledger: done, discarded with a reason, or quarantined for replay."""
from __future__ import annotations

import logging
from functools import lru_cache

from celery_batches import Batches
from elasticsearch import exceptions as es_exceptions

from indexer.article import Article
from indexer.bulk import write_batch
from indexer.setup import ensure_index
from newsindex.outcomes import Ledger
from newsindex.services.elasticsearch import client as es_client
from newsindex.settings import get_settings

from .app import EXTRACT_TASK, INDEX_TASK, app, index_queue
from .extract import ExtractionError, extract_article

logger = logging.getLogger(__name__)
settings = get_settings()

# Errors that mean "Elasticsearch is unreachable or overloaded right now": retry later, never discard.
ES_UNAVAILABLE = (es_exceptions.ConnectionError, es_exceptions.ConnectionTimeout, es_exceptions.TransportError)


@lru_cache
def ledger() -> Ledger:
    return Ledger.from_settings(settings)


@lru_cache
def elasticsearch():
    es = es_client(settings.es_url)
    ensure_index(es, settings.index_alias, settings.index_version)
    return es


def backoff_seconds(attempt: int) -> int:
    return min(settings.retry_backoff_max, 2 ** (attempt + 1))


@app.task(name=EXTRACT_TASK)
def extract_page(page: dict) -> None:
    url = page.get("final_url") or page.get("url", "?")
    try:
        article = extract_article(page)
    except ExtractionError as error:
        ledger().discard(url, error.reason, "extract", error.detail)
        return
    except Exception as error:  # a bug or a pathological page: park it for replay, never lose it
        logger.exception("extraction crashed", extra={"url": url})
        ledger().quarantine(EXTRACT_TASK, {"page": page}, f"{type(error).__name__}: {error}")
        return
    app.send_task(INDEX_TASK, kwargs={"article": article.model_dump(mode="json"), "attempt": 0},
                  queue=index_queue(settings))


@app.task(name=INDEX_TASK, base=Batches, flush_every=settings.index_batch_size,
          flush_interval=settings.index_flush_seconds)
def index_articles(requests) -> None:
    articles = [Article.model_validate(request.kwargs["article"]) for request in requests]
    try:
        report = write_batch(elasticsearch(), articles, settings.index_alias)
    except ES_UNAVAILABLE as error:
        elasticsearch.cache_clear()
        for request in requests:
            _retry_or_quarantine(request.kwargs, error)
        return
    ledger().done(len(report.indexed))
    for article in articles:
        if article.id in report.failed:
            ledger().discard(article.url, "rejected_by_elasticsearch", "index", report.failed[article.id])


def _retry_or_quarantine(kwargs: dict, error: Exception) -> None:
    attempt = kwargs.get("attempt", 0) + 1
    if attempt > settings.task_max_retries:
        ledger().quarantine(INDEX_TASK, {**kwargs, "attempt": 0}, f"{type(error).__name__}: {error}")
        return
    ledger().retried()
    app.send_task(INDEX_TASK, kwargs={**kwargs, "attempt": attempt}, queue=index_queue(settings),
                  countdown=backoff_seconds(attempt))
