"""The HTTP API against a real Elasticsearch and Redis: search with phrases, filters, facets, per-day
buckets and paging; single articles; input errors; health; and behaviour when a service is down."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest
import redis
from fastapi.testclient import TestClient

from api.app import create_app
from indexer.article import ActorMention, Article, RegionMention
from indexer.bulk import write_batch
from indexer.setup import ensure_index
from newsindex.outcomes import Ledger
from newsindex.services.elasticsearch import client as es_client
from newsindex.settings import Settings

pytestmark = pytest.mark.integration

DOWN_URL = "http://127.0.0.1:1"  # nothing listens on port 1

UA = RegionMention(level="country", code="UA", name="Ukraine", country_code="UA")
KYIV = RegionMention(level="locality", code="703448", name="Kyiv", country_code="UA")
SD = RegionMention(level="country", code="SD", name="Sudan", country_code="SD")


def _article(n: int, source: str, lang: str, day: int, hour: int, title: str, text: str, **extra) -> Article:
    url = f"https://{source}.example/news/{n}"
    return Article(
        id=f"api-test-{n:02d}", url=url, fetched_url=url, source=source, domain=f"{source}.example",
        title=title, text=text, language=lang,
        published=datetime(2024, 5, day, hour, 30, tzinfo=timezone.utc),
        fetched_at=datetime(2024, 5, 10, tzinfo=timezone.utc), **extra,
    )


# 12 articles: alpha 5, beta 4, gamma 3; en 8, fr 4; on 1, 2, 4, 5 and 6 May (none on the 3rd).
ARTICLES = [
    _article(1, "alpha", "en", 1, 8, "Convoy reaches the city", "Aid groups said the humanitarian corridor reopened on Monday after days of shelling.", regions=[UA, KYIV]),
    _article(2, "alpha", "en", 1, 12, "Talks stall", "The corridor for humanitarian traffic stayed closed; officials reopened a checkpoint instead.", regions=[UA]),
    _article(3, "alpha", "fr", 2, 9, "Réunion à Genève", "Les ministres se sont réunis à Genève pour discuter du cessez-le-feu."),
    _article(4, "alpha", "en", 4, 23, "Late night statement", "The foreign minister issued a statement late at night about the ceasefire.", actors=[ActorMention(name="NATO", type="organization")]),
    _article(5, "alpha", "en", 6, 7, "Markets react", "Grain prices rose as shipping lanes were disrupted.", description="Prices of grain & <oil> moved."),
    _article(6, "beta", "en", 2, 10, "Ministers meet", "Foreign ministers met to discuss sanctions and the ceasefire.", cited_sources=["Reuters"]),
    _article(7, "beta", "fr", 2, 15, "Sanctions", "Les sanctions ont été renforcées par plusieurs pays.", regions=[SD]),
    _article(8, "beta", "en", 5, 11, "Flooding in the south", "Heavy rain flooded villages across the southern provinces.", regions=[SD]),
    _article(9, "beta", "en", 6, 18, "Election monitors", "Observers reported irregularities at several polling stations."),
    _article(10, "gamma", "fr", 1, 6, "Crise humanitaire", "Le corridor humanitaire reste fermé selon les ONG.", regions=[UA]),
    _article(11, "gamma", "en", 4, 9, "Ceasefire holds", "The ceasefire held overnight, the ministry said.", actors=[ActorMention(name="NATO"), ActorMention(name="UN")], cited_sources=["Reuters", "AP"]),
    _article(12, "gamma", "fr", 5, 14, "Nouvelles", "Rien de nouveau aujourd'hui dans la capitale."),
]
BY_ID = {a.id: a for a in ARTICLES}


def _count(**match) -> int:
    return sum(all(getattr(a, k) == v for k, v in match.items()) for a in ARTICLES)


@pytest.fixture(scope="module")
def api_settings(es_url, redis_url):
    """One index for the whole module (the tests only read it), named for this part of the suite."""
    tag = f"api-test-{uuid.uuid4().hex[:8]}"
    settings = Settings(es_url=es_url, redis_url=redis_url, index_alias=tag, redis_prefix=tag, queue=f"{tag}-queue")
    es = es_client(es_url)
    index = ensure_index(es, settings.index_alias)
    report = write_batch(es, ARTICLES, settings.index_alias, refresh=True)
    assert not report.failed, report.failed
    yield settings
    # By name: Elasticsearch refuses wildcard deletes (action.destructive_requires_name).
    es.indices.delete(index=index)
    es.indices.delete_index_template(name=settings.template_name)
    es.close()


@pytest.fixture(scope="module")
def client(api_settings):
    with TestClient(create_app(api_settings)) as c:
        yield c


def search(client, **params) -> dict:
    params = {("from" if k == "from_" else k): v for k, v in params.items()}
    r = client.get("/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def counts(facet: list[dict]) -> dict[str, int]:
    return {b["key"]: b["count"] for b in facet}


def ids(result: dict) -> set[str]:
    return {h["id"] for h in result["hits"]}


def test_empty_query_lists_everything_newest_first(client):
    r = search(client, size=100)
    assert r["total"] == len(ARTICLES)
    published = [h["published"] for h in r["hits"]]
    assert published == sorted(published, reverse=True)


def test_phrase_finds_only_its_article(client):
    phrase = search(client, q='"humanitarian corridor reopened"')
    assert ids(phrase) == {"api-test-01"}
    assert "<mark>" in phrase["hits"][0]["snippet"]
    # The same words unquoted also match the article that has them apart.
    words = search(client, q="humanitarian corridor reopened")
    assert {"api-test-01", "api-test-02"} <= ids(words)


def test_english_analysis_matches_other_word_forms(client):
    r = search(client, q="minister")
    assert {"api-test-04", "api-test-06"} <= ids(r)
    assert all("<mark>" in h["snippet"] for h in r["hits"] if h["id"] in {"api-test-04", "api-test-06"})


def test_unbalanced_quote_is_tolerated(client):
    r = search(client, q='"ceasefire holds')
    assert "api-test-11" in ids(r)


def test_snippet_falls_back_to_escaped_description(client):
    r = search(client, q="", source="alpha", size=10)
    hit = next(h for h in r["hits"] if h["id"] == "api-test-05")
    assert hit["snippet"] == "Prices of grain &amp; &lt;oil&gt; moved."


def test_facet_counts_add_up_to_total(client):
    r = search(client)
    assert sum(counts(r["facets"]["source"]).values()) == r["total"] == 12
    assert sum(counts(r["facets"]["language"]).values()) == r["total"]
    assert sum(b["count"] for b in r["facets"]["per_day"]) == r["total"]
    assert counts(r["facets"]["source"]) == {"alpha": 5, "beta": 4, "gamma": 3}
    assert counts(r["facets"]["language"]) == {"en": 8, "fr": 4}


def test_source_filter_narrows_hits_but_not_its_own_facet(client):
    everything = search(client)
    r = search(client, source="beta")
    assert r["total"] == _count(source="beta") == 4
    assert all(h["source"] == "beta" for h in r["hits"])
    assert counts(r["facets"]["source"]) == counts(everything["facets"]["source"])
    assert counts(r["facets"]["language"]) == {"en": 3, "fr": 1}
    assert sum(b["count"] for b in r["facets"]["per_day"]) == r["total"]


def test_multiple_values_of_one_facet_are_ored(client):
    r = search(client, source=["alpha", "gamma"])
    assert r["total"] == 8


def test_each_facet_ignores_only_its_own_filter(client):
    r = search(client, source="alpha", lang="en")
    assert r["total"] == _count(source="alpha", language="en") == 4
    # Source counts are restricted by language only; language counts by source only.
    assert counts(r["facets"]["source"]) == {"alpha": 4, "beta": 3, "gamma": 1}
    assert counts(r["facets"]["language"]) == {"en": 4, "fr": 1}


def test_date_range_and_per_day_buckets(client):
    r = search(client, from_="2024-05-02", to="2024-05-04", size=50)
    # Inclusive at both ends: the article at 23:30 on the 4th is in.
    assert ids(r) == {"api-test-03", "api-test-06", "api-test-07", "api-test-04", "api-test-11"}
    days = [(b["date"], b["count"]) for b in r["facets"]["per_day"]]
    assert days == [("2024-05-02", 3), ("2024-05-03", 0), ("2024-05-04", 2)]
    assert sum(counts(r["facets"]["source"]).values()) == r["total"]


def test_per_day_zero_fill_covers_the_whole_range(client):
    r = search(client, from_="2024-04-29", to="2024-05-08")
    assert [b["date"] for b in r["facets"]["per_day"]][0] == "2024-04-29"
    assert len(r["facets"]["per_day"]) == 10


def test_paging_walks_every_hit_once(client):
    pages = [search(client, size=5, page=p) for p in (1, 2, 3)]
    assert [len(p["hits"]) for p in pages] == [5, 5, 2]
    seen = [h["id"] for p in pages for h in p["hits"]]
    assert sorted(seen) == sorted(BY_ID)
    assert search(client, size=5, page=4)["hits"] == []


def test_region_actor_and_cited_source_facets(client):
    r = search(client)
    regions = {n["code"]: (n["count"], n["name"], [(c["code"], c["count"]) for c in n["children"]]) for n in r["facets"]["regions"]}
    # Article 1 names Ukraine and Kyiv: it counts once under each, articles not mentions. Kyiv has no
    # admin1 here, so it hangs under its country.
    assert regions == {"UA": (3, "Ukraine", [("703448", 1)]), "SD": (2, "Sudan", [])}
    # Actors linked to the base (the default for ActorMention) are counted; by name when they have no id.
    assert {a["name"]: a["count"] for a in r["facets"]["actors"]} == {"NATO": 2, "UN": 1}
    assert counts(r["facets"]["actor_types"]) == {"organization": 1}
    assert counts(r["facets"]["cited_sources"]) == {"Reuters": 2, "AP": 1}
    ua = search(client, region="UA")
    assert ids(ua) == {"api-test-01", "api-test-02", "api-test-10"}
    assert {n["code"] for n in ua["facets"]["regions"]} == {"UA", "SD"}  # ignores its own filter
    assert ids(search(client, region="703448")) == {"api-test-01"}
    assert ids(search(client, actor="UN")) == {"api-test-11"}
    assert ids(search(client, cited_source="Reuters", lang="en")) == {"api-test-06", "api-test-11"}


def test_get_article(client):
    r = client.get("/articles/api-test-04")
    assert r.status_code == 200
    got = Article.model_validate(r.json())
    assert got.title == BY_ID["api-test-04"].title and got.actors[0].name == "NATO"


def test_missing_article_is_404_with_message(client):
    r = client.get("/articles/no-such-id")
    assert r.status_code == 404
    assert "no-such-id" in r.json()["detail"]


@pytest.mark.parametrize(
    "params, param",
    [
        ({"size": 101}, "size"),
        ({"size": 0}, "size"),
        ({"page": 0}, "page"),
        ({"page": "two"}, "page"),
        ({"page": 101, "size": 100}, None),
        ({"from": "2024-05-04", "to": "2024-05-01"}, None),
        ({"from": "2024-13-45"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"q": "x" * 600}, "q"),
    ],
)
def test_bad_parameters_are_4xx_with_message(client, params, param):
    r = client.get("/search", params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert isinstance(body["detail"], str) and body["detail"].startswith("invalid request")
    assert body["errors"][0]["param"] == param


def test_empty_dates_mean_no_bound(client):
    assert search(client, from_="", to="")["total"] == 12


def test_health_reports_queue_and_outcomes(client, api_settings, redis_url):
    r_client = redis.Redis.from_url(redis_url, decode_responses=True)
    ledger = Ledger(r_client, api_settings.redis_prefix)
    try:
        r_client.rpush(api_settings.queue, "t1", "t2", "t3")
        ledger.done(5)
        ledger.discard("https://x.example/1", "too_short", "extract")
        r = client.get("/health")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["status"] == "ok" and body["down"] == []
        assert body["elasticsearch"]["ok"] and body["elasticsearch"]["cluster_status"] in ("green", "yellow")
        assert body["elasticsearch"]["documents"] == 12
        assert body["redis"]["queue_depth"] == 3
        assert body["redis"]["outcomes"] == {"done": 5, "discarded": 1}
    finally:
        r_client.delete(api_settings.queue)
        ledger.reset()
        r_client.close()


def test_openapi_and_page_are_served(client):
    assert client.get("/docs").status_code == 200
    assert "/search" in client.get("/openapi.json").json()["paths"]
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert client.get("/static/app.js").status_code == 200


def test_elasticsearch_down_is_503_not_500(api_settings):
    down = api_settings.model_copy(update={"es_url": DOWN_URL})
    with TestClient(create_app(down)) as c:
        for path in ("/search?q=x", "/articles/api-test-01"):
            r = c.get(path)
            assert r.status_code == 503, r.text
            assert "Elasticsearch" in r.json()["detail"]
        health = c.get("/health")
        assert health.status_code == 503
        assert health.json()["down"] == ["elasticsearch"]
        assert health.json()["redis"]["ok"] is True


def test_redis_down_fails_health_naming_redis(api_settings):
    down = api_settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    with TestClient(create_app(down)) as c:
        r = c.get("/health")
        assert r.status_code == 503
        assert r.json()["down"] == ["redis"] and r.json()["redis"]["error"]
        assert c.get("/search").status_code == 200  # search does not need Redis


def test_missing_index_is_503_with_message(api_settings):
    missing = api_settings.model_copy(update={"index_alias": f"api-test-missing-{uuid.uuid4().hex[:8]}"})
    with TestClient(create_app(missing)) as c:
        r = c.get("/search")
        assert r.status_code == 503
        assert "does not exist" in r.json()["detail"]
        assert c.get("/health").json()["elasticsearch"]["index_exists"] is False
