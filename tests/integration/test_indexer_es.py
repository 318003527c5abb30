"""Index setup and bulk writes against a real Elasticsearch: alias, English analysis, idempotent ids."""
from datetime import datetime, timezone

import pytest

from indexer.article import Article, RegionMention
from indexer.bulk import write_batch
from indexer.ids import article_id
from indexer.setup import ensure_index
from newsindex.services.elasticsearch import client

pytestmark = pytest.mark.integration


def _article(url: str, title: str, text: str, **extra) -> Article:
    return Article(id=article_id(url), url=url, fetched_url=url, source="meridian", domain="127.0.0.1", title=title,
                   text=text, fetched_at=datetime.now(timezone.utc), **extra)


def test_alias_points_at_versioned_index_and_setup_is_idempotent(settings):
    es = client(settings.es_url)
    first = ensure_index(es, settings.index_alias, 1)
    assert ensure_index(es, settings.index_alias, 1) == first == f"{settings.index_alias}-v1"
    assert list(es.indices.get_alias(name=settings.index_alias)) == [first]


def test_rewriting_the_same_url_updates_instead_of_duplicating(settings):
    es = client(settings.es_url)
    ensure_index(es, settings.index_alias)
    url = "http://127.0.0.1:8701/world/2026/11/18/floods/"
    write_batch(es, [_article(url, "Floods", "First version of the story.")], settings.index_alias, refresh=True)
    variant = url + "?utm_source=rss#comments"
    report = write_batch(es, [_article(variant, "Floods", "Second version of the story.")], settings.index_alias,
                         refresh=True)
    assert report.indexed == [article_id(url)] and not report.failed
    assert es.count(index=settings.index_alias)["count"] == 1
    assert es.get(index=settings.index_alias, id=article_id(url))["_source"]["text"].startswith("Second")


def test_english_analysis_matches_inflected_forms(settings):
    es = client(settings.es_url)
    ensure_index(es, settings.index_alias)
    write_batch(es, [_article("http://x.test/a", "Militias attacked villages", "Fighters were displaced.")],
                settings.index_alias, refresh=True)
    hits = es.search(index=settings.index_alias, query={"match": {"title": "militia attack village"}})["hits"]
    assert hits["total"]["value"] == 1


def test_region_fields_accept_enrichment_and_geo_points(settings):
    es = client(settings.es_url)
    ensure_index(es, settings.index_alias)
    region = RegionMention(level="admin1", code="SY-HM", name="Hama", country_code="SY", country="Syria",
                           location={"lat": 35.13, "lon": 36.75}, mentions=3, focus=True)
    write_batch(es, [_article("http://x.test/b", "Hama", "Text.", regions=[region])], settings.index_alias, refresh=True)
    query = {"nested": {"path": "regions", "query": {"geo_distance": {"distance": "20km",
                                                                         "regions.location": {"lat": 35.1, "lon": 36.7}}}}}
    assert es.count(index=settings.index_alias, query=query)["count"] == 1


def test_rejected_documents_are_reported_not_raised(settings):
    es = client(settings.es_url)
    ensure_index(es, settings.index_alias)
    bad = _article("http://x.test/c", "Bad", "Text.", regions=[RegionMention(
        level="locality", code="1", name="Nowhere", country_code="XX", location={"lat": 500.0, "lon": 0.0})])
    good = _article("http://x.test/d", "Good", "Text.")
    report = write_batch(es, [bad, good], settings.index_alias, refresh=True)
    assert report.indexed == [good.id] and list(report.failed) == [bad.id]
