"""Request bodies built by indexer.queries: text and phrase handling, filters, paging limits, facets,
and snippet choice. Pure: no Elasticsearch."""
from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from indexer.queries import (
    FLAT_FACETS,
    MAX_FILLED_DAYS,
    PHRASE_FIELDS,
    TEXT_FIELDS,
    SearchParams,
    build_search,
    parse_query,
    parse_search,
    region_filter,
    snippet,
)


def body(**kw) -> dict:
    return build_search(SearchParams(**kw))


@pytest.mark.parametrize(
    "q, words, phrases",
    [
        ("", "", []),
        ("ceasefire talks", "ceasefire talks", []),
        ('"foreign minister" Geneva', "Geneva", ["foreign minister"]),
        ('a "b  c" d "e"', "a d", ["b c", "e"]),
        ('"unclosed phrase', "unclosed phrase", []),
        ('"one" "two', "two", ["one"]),
        ('""  "   "', "", []),
        ("“smart quotes” here", "here", ["smart quotes"]),
    ],
)
def test_parse_query(q, words, phrases):
    assert parse_query(q) == (words, phrases)


def test_empty_query_is_match_all_newest_first():
    b = body()
    assert b["query"] == {"match_all": {}}
    assert b["sort"][0] == {"published": {"order": "desc", "missing": "_last"}}
    assert "highlight_query" not in b["highlight"]["fields"]["text"]
    assert "post_filter" not in b


def test_words_search_all_text_fields_with_and():
    mm = body(q="ceasefire talks")["query"]["bool"]["must"]
    assert mm == [
        {"multi_match": {"query": "ceasefire talks", "fields": TEXT_FIELDS, "type": "cross_fields", "operator": "and"}}
    ]
    assert TEXT_FIELDS == ["title^3", "description^2", "text"]


def test_quoted_phrase_becomes_phrase_query_on_exact_fields():
    b = body(q='"foreign minister" Geneva')
    must = b["query"]["bool"]["must"]
    assert must[0]["multi_match"]["query"] == "Geneva"
    assert must[1] == {"multi_match": {"query": "foreign minister", "fields": PHRASE_FIELDS, "type": "phrase"}}
    assert b["sort"][0] == "_score"
    # The highlighter is told to mark both, on the field it highlights.
    hq = b["highlight"]["fields"]["text"]["highlight_query"]["bool"]["should"]
    assert [c["multi_match"]["fields"] for c in hq] == [["text"], ["text"]]


def test_unbalanced_quote_is_tolerated():
    must = body(q='"ceasefire talks')["query"]["bool"]["must"]
    assert len(must) == 1 and must[0]["multi_match"]["query"] == "ceasefire talks"


def test_date_range_is_in_query_and_inclusive_of_last_day():
    b = body(date_from="2024-05-01", date_to="2024-05-03")
    assert b["query"] == {"bool": {"filter": [{"range": {"published": {"gte": "2024-05-01", "lte": "2024-05-03||/d"}}}]}}
    only_from = body(date_from="2024-05-01")["query"]["bool"]["filter"][0]["range"]["published"]
    assert only_from == {"gte": "2024-05-01"}


def test_facet_filters_go_to_post_filter():
    b = body(q="x", source=["a", "b"], language=["en"])
    clauses = b["post_filter"]["bool"]["filter"]
    assert {"terms": {"source": ["a", "b"]}} in clauses
    assert {"terms": {"language": ["en"]}} in clauses
    assert len(clauses) == 2
    # Hits are not narrowed by facet filters in the main query (that would narrow every facet too).
    assert "filter" not in b["query"]["bool"]


def test_each_facet_ignores_its_own_filter_but_applies_the_others():
    b = body(source=["a"], language=["en"], region=["UA"])
    aggs = b["aggs"]
    src = aggs["source"]["filter"]["bool"]["filter"]
    assert {"terms": {"source": ["a"]}} not in src
    assert {"terms": {"language": ["en"]}} in src
    lang = aggs["language"]["filter"]["bool"]["filter"]
    assert {"terms": {"source": ["a"]}} in lang and {"terms": {"language": ["en"]}} not in lang
    ua = region_filter(["UA"])
    assert ua in src and ua in lang
    assert ua not in aggs["regions"]["filter"]["bool"]["filter"]
    # The histogram honours every facet filter.
    assert len(aggs["per_day"]["filter"]["bool"]["filter"]) == 3


def test_facets_without_filters_use_match_all():
    aggs = body()["aggs"]
    assert set(aggs) == {f.name for f in FLAT_FACETS} | {"regions", "actors", "actor_types", "per_day"}
    for name, agg in aggs.items():
        assert agg["filter"] == {"match_all": {}}, name
    assert aggs["source"]["aggs"]["buckets"]["terms"]["field"] == "source"
    assert aggs["language"]["aggs"]["buckets"]["terms"]["field"] == "language"


def test_cited_source_filter_is_a_terms_clause_on_the_article():
    cited = body(cited_source=["Reuters"])
    assert cited["post_filter"]["bool"]["filter"] == [{"terms": {"cited_sources": ["Reuters"]}}]
    assert body()["aggs"]["cited_sources"]["aggs"]["buckets"] == {"terms": {"field": "cited_sources", "size": 30}}


def test_per_day_fills_empty_days_only_within_a_bounded_range():
    hist = body(date_from="2024-05-01", date_to="2024-05-07")["aggs"]["per_day"]["aggs"]["buckets"]["date_histogram"]
    assert hist["calendar_interval"] == "day" and hist["field"] == "published"
    assert hist["min_doc_count"] == 0
    assert hist["extended_bounds"] == {"min": "2024-05-01", "max": "2024-05-07"}
    open_ended = body(date_from="2024-05-01")["aggs"]["per_day"]["aggs"]["buckets"]["date_histogram"]
    assert open_ended["min_doc_count"] == 1 and "extended_bounds" not in open_ended
    huge = body(date_from=date(1900, 1, 1), date_to=date(1900, 1, 1).replace(year=1900 + MAX_FILLED_DAYS // 365 + 1))
    assert "extended_bounds" not in huge["aggs"]["per_day"]["aggs"]["buckets"]["date_histogram"]


def test_paging():
    b = body(page=3, size=20)
    assert (b["from"], b["size"]) == (40, 20)
    assert b["track_total_hits"] is True
    last = body(page=100, size=100)
    assert last["from"] + last["size"] == 10_000


@pytest.mark.parametrize(
    "kw, fragment",
    [
        ({"page": 101, "size": 100}, "page × size"),
        ({"page": 1001}, "page × size"),
        ({"size": 101}, "size"),
        ({"size": 0}, "size"),
        ({"page": 0}, "page"),
        ({"date_from": "2024-05-03", "date_to": "2024-05-01"}, "is after"),
        ({"date_from": "2024-02-30"}, "date_from"),
        ({"q": "x" * 501}, "q"),
        ({"source": ["s"] * 101}, "source"),
    ],
)
def test_invalid_params_are_rejected(kw, fragment):
    with pytest.raises(ValidationError) as exc:
        SearchParams(**kw)
    assert fragment in str(exc.value)


def test_highlight_settings():
    h = body(q="x")["highlight"]
    assert h["pre_tags"] == ["<mark>"] and h["post_tags"] == ["</mark>"]
    assert h["encoder"] == "html"
    text = h["fields"]["text"]
    assert text["fragment_size"] == 180 and text["number_of_fragments"] in (1, 2)


def test_snippet_prefers_highlight_then_description_then_text_opening():
    assert snippet(["a <mark>b</mark>", " c <mark>d</mark> "], "desc") == "a <mark>b</mark> … c <mark>d</mark>"
    assert snippet(["opening of the text"], "R&D <b>news</b>") == "R&amp;D &lt;b&gt;news&lt;/b&gt;"
    assert snippet(["opening of the text"], None) == "opening of the text"
    assert snippet([], None) == ""


def test_parse_search_reads_hits_and_facets():
    params = SearchParams(q="x", page=2, size=1)
    response = {
        "took": 7,
        "hits": {
            "total": {"value": 3, "relation": "eq"},
            "hits": [
                {
                    "_id": "id1",
                    "_source": {"id": "id1", "url": "http://n/1", "title": "T", "source": "s1", "published": "2024-05-01T10:00:00Z", "description": "D"},
                    "highlight": {"text": ["<mark>x</mark> y"]},
                }
            ],
        },
        "aggregations": {
            "source": {"doc_count": 3, "buckets": {"buckets": [{"key": "s1", "doc_count": 2}, {"key": "s2", "doc_count": 1}]}},
            "language": {"doc_count": 3, "buckets": {"buckets": []}},
            "regions": {"doc_count": 3, "buckets": {"doc_count": 0, "countries": {"buckets": []}}},
            "actors": {"doc_count": 3, "buckets": {"doc_count": 0, "scope": {"doc_count": 0, "by_id": {"doc_count": 0, "values": {"buckets": []}}, "by_name": {"doc_count": 0, "values": {"buckets": []}}}}},
            "actor_types": {"doc_count": 3, "buckets": {"doc_count": 0, "scope": {"doc_count": 0, "values": {"buckets": []}}}},
            "cited_sources": {"doc_count": 3, "buckets": {"buckets": [{"key": "Reuters", "doc_count": 1}]}},
            "per_day": {"doc_count": 3, "buckets": {"buckets": [{"key_as_string": "2024-05-01", "key": 0, "doc_count": 3}]}},
        },
    }
    r = parse_search(response, params)
    assert (r.total, r.page, r.size, r.took_ms) == (3, 2, 1, 7)
    assert r.hits[0].snippet == "<mark>x</mark> y" and r.hits[0].authors == []
    assert [(b.key, b.count) for b in r.facets.source] == [("s1", 2), ("s2", 1)]
    assert [(b.key, b.count) for b in r.facets.cited_sources] == [("Reuters", 1)]
    assert r.facets.regions == [] and r.facets.actors == [] and r.facets.actor_types == []
    assert r.hits[0].focus_regions == [] and r.hits[0].top_actors == []
    assert r.facets.per_day[0].date == date(2024, 5, 1) and r.facets.per_day[0].count == 3
