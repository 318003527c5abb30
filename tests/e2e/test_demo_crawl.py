"""The whole pipeline on the demo outlets: real Scrapy crawl over HTTP → Redis/Celery worker →
trafilatura → Elasticsearch, then searched through the same queries the API uses."""
from __future__ import annotations

import re

import pytest

from demo.site import load_articles
from indexer.ids import article_id
from indexer.queries import SearchParams, search
from newsindex.services.elasticsearch import client

pytestmark = pytest.mark.e2e

OUTLETS = ("meridian", "harbour", "sahel")


@pytest.fixture(scope="module")
def corpus():
    return [a for a in load_articles() if a["outlet"] in OUTLETS]


@pytest.fixture(scope="module")
def crawled(stack, corpus):
    final = stack.crawl(*OUTLETS)
    es = client(stack.settings.es_url)
    es.indices.refresh(index=stack.settings.index_alias)
    return final, es


def _docs(es, alias):
    return {hit["_id"]: hit["_source"] for hit in es.search(index=alias, size=1000, query={"match_all": {}})["hits"]["hits"]}


def test_every_article_is_indexed_once_with_its_title_and_date(stack, crawled, corpus, demo_sites):
    final, es = crawled
    docs = _docs(es, stack.settings.index_alias)
    assert len(docs) == len(corpus), final
    for article in corpus:
        doc = docs[article_id(demo_sites.url(article["outlet"], article["path"]))]
        assert doc["title"] == article["title"]
        assert doc["published"][:16] == article["published"].isoformat()[:16]
        assert doc["source"] == article["outlet"]


def test_boilerplate_and_comments_are_not_indexed(stack, crawled, corpus, demo_sites):
    _, es = crawled
    docs = _docs(es, stack.settings.index_alias)
    page_chrome = re.compile(r"cookie|newsletter|all rights reserved|related stories|share on|sign up", re.I)
    for article in corpus:
        text = docs[article_id(demo_sites.url(article["outlet"], article["path"]))]["text"]
        assert not page_chrome.search(text), (article["slug"], page_chrome.search(text).group())
        for comment in article.get("comments") or []:
            assert comment["text"][:60] not in text, article["slug"]


def test_a_phrase_from_the_body_finds_its_article(stack, crawled, corpus, demo_sites):
    _, es = crawled
    for article in corpus[::9]:
        paragraph = max((p for p in article["body"] if not p.startswith(("## ", "> "))), key=len)
        words = [w.strip('"“”') for w in paragraph.split()[3:10]]
        result = search(es, stack.settings.index_alias, SearchParams(q=f'"{" ".join(words)}"'))
        assert result.hits and result.hits[0].id == article_id(demo_sites.url(article["outlet"], article["path"])), words


def test_facet_counts_add_up_to_the_total(stack, crawled, corpus):
    _, es = crawled
    result = search(es, stack.settings.index_alias, SearchParams(q="", size=1))
    assert result.total == len(corpus)
    assert sum(b.count for b in result.facets.source) == result.total
    assert {b.key for b in result.facets.source} == set(OUTLETS)
    assert sum(b.count for b in result.facets.language) == result.total
    assert sum(b.count for b in result.facets.per_day) == result.total
    only = search(es, stack.settings.index_alias, SearchParams(q="", source=["sahel"], size=1))
    assert only.total == sum(1 for a in corpus if a["outlet"] == "sahel")


def test_robots_disallowed_pages_are_never_fetched(crawled, demo_sites):
    fetched = {hit for outlet in OUTLETS for hit in demo_sites.hits(outlet)}
    assert not [path for path in fetched if "/private/" in str(path)]


def test_a_second_crawl_updates_without_duplicates(stack, crawled, corpus):
    _, es = crawled
    done_before = stack.ledger.counts().get("done", 0)
    stack.crawl(*OUTLETS)
    es.indices.refresh(index=stack.settings.index_alias)
    assert es.count(index=stack.settings.index_alias)["count"] == len(corpus)
    assert stack.ledger.counts().get("done", 0) - done_before == len(corpus)


# Regions and actors: the facets an analyst clicks must agree with the team's gold annotations.
KEY_COUNTRIES = ("SY", "UA", "SD", "CD", "YE", "MM")


def _overlap(found: set[str], gold: set[str]) -> float:
    return len(found & gold) / max(1, len(found | gold))


def test_region_facet_and_filter_agree_with_the_gold_annotations(stack, crawled, corpus, demo_sites):
    _, es = crawled
    result = search(es, stack.settings.index_alias, SearchParams(q="", size=1, country_size=60))
    counts = {node.code: node.count for node in result.facets.regions}
    for country in KEY_COUNTRIES:
        gold = {article_id(demo_sites.url(a["outlet"], a["path"])) for a in corpus if country in a["gold"]["countries"]}
        found = {hit.id for hit in search(es, stack.settings.index_alias,
                                          SearchParams(q="", region=[country], size=100)).hits}
        assert counts[country] == len(found)
        assert _overlap(found, gold) >= 0.85, (country, len(found), len(gold))
    syria = next(node for node in result.facets.regions if node.code == "SY")
    assert {"SY-HM", "SY-ID", "SY-HL"} <= {child.code for child in syria.children}
    assert all(child.count <= syria.count for child in syria.children)


def test_actor_facet_and_co_occurrence_filter(stack, crawled, corpus):
    _, es = crawled
    result = search(es, stack.settings.index_alias, SearchParams(q="", size=1, actor_size=100))
    by_id = {bucket.id: bucket for bucket in result.facets.actors}
    rsf, saf = by_id["sd-rsf"], by_id["sd-saf"]
    assert (rsf.type, rsf.country, saf.type) == ("rebel_group", "SD", "state_forces")
    gold_rsf = sum(1 for a in corpus if any(x["name"] == "Rapid Support Forces" for x in a["gold"]["actors"]))
    assert abs(rsf.count - gold_rsf) <= max(2, gold_rsf // 5), (rsf.count, gold_rsf)
    both = search(es, stack.settings.index_alias, SearchParams(q="", actor=["sd-rsf", "sd-saf"], size=100))
    either = search(es, stack.settings.index_alias, SearchParams(q="", actor=["sd-rsf", "sd-saf"], actor_mode="any", size=100))
    assert 0 < both.total <= min(rsf.count, saf.count) <= max(rsf.count, saf.count) <= either.total
    rebels = search(es, stack.settings.index_alias, SearchParams(q="", actor_type=["rebel_group"], size=1))
    assert rebels.total >= rsf.count


def test_cited_sources_are_a_facet_of_their_own(stack, crawled):
    _, es = crawled
    result = search(es, stack.settings.index_alias, SearchParams(q="", size=1))
    cited = {bucket.key for bucket in result.facets.cited_sources}
    assert cited and not cited & set(OUTLETS)
