"""Celery tasks, thin wrappers over the pure stages: extract a page, then index articles in batches.
Each page ends in one outcome in the ledger: done, discarded with a reason, or quarantined for replay."""
from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache

from celery.signals import worker_process_init
from celery_batches import Batches
from elasticsearch import exceptions as es_exceptions

from indexer.article import Article
from indexer.bulk import TRANSIENT_STATUSES, write_batch
from indexer.setup import ensure_index
from newsindex.outcomes import Ledger
from newsindex.services.elasticsearch import client as es_client
from newsindex.settings import get_settings

from .app import EXTRACT_TASK, INDEX_TASK, app, index_queue
from .enrich.pipeline import enrich_article, enrich_articles, warm_up
from .extract import ExtractionError, extract_article

logger = logging.getLogger(__name__)
settings = get_settings()


def is_transient(error: Exception) -> bool:
    """Elasticsearch unreachable, overloaded or not ready yet: retry later, never discard."""
    if isinstance(error, es_exceptions.TransportError):  # connection refused, timeouts
        return True
    return isinstance(error, es_exceptions.ApiError) and error.meta.status in TRANSIENT_STATUSES


@lru_cache
def ledger() -> Ledger:
    return Ledger.from_settings(settings)


@lru_cache
def elasticsearch():
    es = es_client(settings.es_url)
    ensure_index(es, settings.index_alias, settings.index_version)
    return es


@worker_process_init.connect
def _load_enrichment_data(**_) -> None:
    warm_up()


def backoff_seconds(attempt: int) -> int:
    return min(settings.retry_backoff_max, 2 ** (attempt + 1))


def page_to_article(page: dict) -> Article | None:
    """Extract one page; None when the page ended here (discarded or quarantined)."""
    url = page.get("final_url") or page.get("url", "?")
    try:
        return extract_article(page)
    except ExtractionError as error:
        ledger().discard(url, error.reason, "extract", error.detail)
        return None
    except Exception as error:  # a bug or a pathological page: park it for replay, never lose it
        logger.exception("extraction crashed", extra={"url": url})
        ledger().quarantine(EXTRACT_TASK, {"page": page}, f"{type(error).__name__}: {error}")
        return None


def enrich_batch(articles: list[Article]) -> list[Article]:
    """The articles enriched together (one NER call); if that fails, one by one, so that one bad article does not
    leave the others bare."""
    try:
        return enrich_articles(articles)
    except Exception:  # noqa: BLE001 - find the article at fault below
        return [enrich_one(article) for article in articles]


def enrich_one(article: Article) -> Article:
    try:
        return enrich_article(article)
    except Exception:  # index it bare rather than hold it back; `newsindex reenrich` fills it in later
        logger.exception("enrichment crashed", extra={"url": article.url})
        ledger().warn("enrich_failed")
        return article


# Pages arrive in batches, so one process extracts, enriches and bulk-writes them without a second trip
# through the broker; the index task below only carries articles whose write must be retried or replayed.
@app.task(name=EXTRACT_TASK, base=Batches, flush_every=settings.page_batch_size,
          flush_interval=settings.index_flush_seconds)
def process_pages(requests) -> None:
    articles = enrich_batch([article for request in requests if (article := page_to_article(request.kwargs["page"]))])
    index(articles, lambda i: {"article": articles[i].model_dump(mode="json"), "attempt": 0})


@app.task(name=INDEX_TASK, base=Batches, flush_every=settings.index_batch_size,
          flush_interval=settings.index_flush_seconds)
def index_articles(requests) -> None:
    index([Article.model_validate(request.kwargs["article"]) for request in requests], lambda i: requests[i].kwargs)


def index(articles: list[Article], retry_kwargs: Callable[[int], dict]) -> None:
    """Bulk-write articles; each ends done, discarded (rejected), re-queued with backoff, or quarantined.
    retry_kwargs(i) is what re-sends article i as an index task (built only when needed)."""
    if not articles:
        return
    try:
        report = write_batch(elasticsearch(), articles, settings.index_alias)
    except Exception as error:
        elasticsearch.cache_clear()
        if not is_transient(error):  # a bug or a mapping conflict: park the batch for replay, never drop it
            logger.exception("index batch crashed")
        for i in range(len(articles)):
            if is_transient(error):
                _retry_or_quarantine(retry_kwargs(i), error)
            else:
                ledger().quarantine(INDEX_TASK, {**retry_kwargs(i), "attempt": 0}, f"{type(error).__name__}: {error}")
        return
    ledger().done(len(report.indexed))
    for i, article in enumerate(articles):
        if article.id in report.transient:
            _retry_or_quarantine(retry_kwargs(i), RuntimeError("Elasticsearch asked to retry this document"))
        elif article.id in report.failed:
            ledger().discard(article.url, "rejected_by_elasticsearch", "index", report.failed[article.id])


def _retry_or_quarantine(kwargs: dict, error: Exception) -> None:
    attempt = kwargs.get("attempt", 0) + 1
    if attempt > settings.task_max_retries:
        ledger().quarantine(INDEX_TASK, {**kwargs, "attempt": 0}, f"{type(error).__name__}: {error}")
        return
    ledger().retried()
    app.send_task(INDEX_TASK, kwargs={**kwargs, "attempt": attempt}, queue=index_queue(settings),
                  countdown=backoff_seconds(attempt))
