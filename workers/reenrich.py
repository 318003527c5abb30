"""Re-enrich indexed articles from their stored title and text — after the alias list or the actor
base changed — without re-crawling; updates only the enrichment fields, in batches, with progress."""
from __future__ import annotations

from collections.abc import Callable

from elasticsearch import Elasticsearch, helpers

from indexer.article import Article
from indexer.bulk import update_fields
from .enrich.pipeline import ENRICHMENT_FIELDS, enrich_article

BATCH = 200


def reenrich_all(es: Elasticsearch, alias: str, on_progress: Callable[[int, int], None] | None = None,
                 query: dict | None = None) -> dict[str, int]:
    """Re-enrich every article matching query (all by default); returns counts."""
    query = query or {"match_all": {}}
    total = es.count(index=alias, query=query)["count"]
    done = failed = 0
    batch: list[tuple[str, dict]] = []

    def flush() -> None:
        nonlocal done, failed
        report = update_fields(es, batch, alias)
        done += len(report.indexed)
        failed += len(report.failed)
        batch.clear()
        if on_progress:
            on_progress(done + failed, total)

    for hit in helpers.scan(es, index=alias, query={"query": query}, size=BATCH):
        article = enrich_article(Article.model_validate(hit["_source"]))
        batch.append((hit["_id"], article.model_dump(mode="json", include=set(ENRICHMENT_FIELDS))))
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return {"total": total, "updated": done, "failed": failed}
