"""Search queries: pure builders for Elasticsearch request bodies and parsers of their responses,
then thin functions that run them with an Elasticsearch client."""
from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from elasticsearch import Elasticsearch, NotFoundError
from pydantic import BaseModel, Field, model_validator

from indexer.article import Article

logger = logging.getLogger(__name__)

# Elasticsearch refuses from+size beyond index.max_result_window (10,000 by default).
MAX_RESULT_WINDOW = 10_000
MAX_PAGE_SIZE = 100
MAX_QUERY_CHARS = 500
MAX_FILTER_VALUES = 100
# Days without articles are returned as zero buckets only for a bounded range this long, so a
# range of decades cannot ask Elasticsearch for tens of thousands of empty buckets.
MAX_FILLED_DAYS = 3660

TEXT_FIELDS = ["title^3", "description^2", "text"]
# Quoted phrases mean exact wording: the `exact` sub-fields are neither stemmed nor stop-worded.
PHRASE_FIELDS = ["title.exact^3", "description^2", "text.exact"]
HIT_SOURCE = ["id", "url", "title", "description", "published", "source", "authors", "language"]
SNIPPET_CHARS = 180
SNIPPET_FRAGMENTS = 2
SNIPPET_JOINER = " … "
MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"


@dataclass(frozen=True)
class Facet:
    """A keyword field the UI can filter on and count by. Adding a facet is one entry in FACETS plus
    a same-named list field on SearchParams and Facets."""

    name: str
    field: str
    size: int
    nested: str | None = None  # path of the nested objects holding the field
    label: str | None = None  # a field giving a display name for the key (e.g. region name for a code)

    def filter(self, values: list[str]) -> dict:
        clause = {"terms": {self.field: values}}
        return {"nested": {"path": self.nested, "query": clause}} if self.nested else clause

    def agg(self) -> dict:
        terms: dict[str, Any] = {"terms": {"field": self.field, "size": self.size}}
        sub: dict[str, Any] = {}
        if self.label:
            sub["label"] = {"terms": {"field": self.label, "size": 1}}
        if self.nested:
            # Count articles, not mentions: one article can hold several objects with the same key.
            sub["articles"] = {"reverse_nested": {}}
            terms["terms"]["order"] = [{"articles": "desc"}, {"_key": "asc"}]
        if sub:
            terms["aggs"] = sub
        if self.nested:
            return {"nested": {"path": self.nested}, "aggs": {"values": terms}}
        return terms

    def buckets(self, agg: dict) -> list[FacetBucket]:
        if self.nested:
            agg = agg["values"]
        out = []
        for b in agg["buckets"]:
            label = b["label"]["buckets"][0]["key"] if self.label and b["label"]["buckets"] else None
            count = b["articles"]["doc_count"] if self.nested else b["doc_count"]
            out.append(FacetBucket(key=str(b["key"]), count=count, label=label))
        return out


FACETS: tuple[Facet, ...] = (
    Facet("source", "source", size=100),
    Facet("language", "language", size=30),
    Facet("region", "regions.code", size=30, nested="regions", label="regions.name"),
    Facet("actor", "actors.name", size=30, nested="actors"),
    Facet("cited_source", "cited_sources", size=30),
)


class SearchParams(BaseModel):
    """What a search asks for. Each facet filter is a list: values within one facet are OR-ed,
    facets are AND-ed."""

    q: str = Field("", max_length=MAX_QUERY_CHARS)
    source: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    language: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    region: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    actor: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    cited_source: list[str] = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    date_from: date | None = None  # inclusive, UTC day
    date_to: date | None = None  # inclusive, UTC day
    page: int = Field(1, ge=1)
    size: int = Field(10, ge=1, le=MAX_PAGE_SIZE)

    @model_validator(mode="after")
    def _check(self) -> SearchParams:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"from ({self.date_from}) is after to ({self.date_to})")
        if self.page * self.size > MAX_RESULT_WINDOW:
            raise ValueError(
                f"page × size must be at most {MAX_RESULT_WINDOW} (got {self.page} × {self.size}); narrow the search instead"
            )
        return self


class FacetBucket(BaseModel):
    key: str
    count: int
    label: str | None = None


class DayBucket(BaseModel):
    date: date
    count: int


class Facets(BaseModel):
    source: list[FacetBucket] = Field(default_factory=list)
    language: list[FacetBucket] = Field(default_factory=list)
    region: list[FacetBucket] = Field(default_factory=list)
    actor: list[FacetBucket] = Field(default_factory=list)
    cited_source: list[FacetBucket] = Field(default_factory=list)
    per_day: list[DayBucket] = Field(default_factory=list)


class Hit(BaseModel):
    id: str
    url: str
    title: str
    snippet: str = Field("", description="HTML-escaped text; matched words wrapped in <mark>")
    published: datetime | None = None
    source: str
    authors: list[str] = Field(default_factory=list)
    language: str | None = None


class SearchResult(BaseModel):
    total: int
    page: int
    size: int
    took_ms: int
    hits: list[Hit]
    facets: Facets


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_PHRASE = re.compile(r'"([^"]*)"')


def parse_query(q: str) -> tuple[str, list[str]]:
    """Split a query into free words and "quoted phrases". Typographic quotes count as quotes; a quote
    left open is ignored, so its words are searched as free words."""
    q = q.translate(_QUOTES)
    phrases = [" ".join(p.split()) for p in _PHRASE.findall(q)]
    words = " ".join(_PHRASE.sub(" ", q).replace('"', " ").split())
    return words, [p for p in phrases if p]


def _text_clauses(words: str, phrases: list[str], words_fields: list[str], phrase_fields: list[str]) -> list[dict]:
    clauses = []
    if words:
        # cross_fields + and: every word must appear, in any of the fields.
        clauses.append({"multi_match": {"query": words, "fields": words_fields, "type": "cross_fields", "operator": "and"}})
    clauses += [{"multi_match": {"query": p, "fields": phrase_fields, "type": "phrase"}} for p in phrases]
    return clauses


def _date_range(params: SearchParams) -> dict | None:
    if not (params.date_from or params.date_to):
        return None
    bounds: dict[str, str] = {}
    if params.date_from:
        bounds["gte"] = params.date_from.isoformat()
    if params.date_to:
        bounds["lte"] = f"{params.date_to.isoformat()}||/d"  # through the end of that day
    return {"range": {"published": bounds}}


def _all_of(clauses: list[dict]) -> dict:
    return {"bool": {"filter": clauses}} if clauses else {"match_all": {}}


def facet_filters(params: SearchParams) -> dict[str, dict]:
    """The filter clause of every facet that has values selected, by facet name."""
    return {f.name: f.filter(values) for f in FACETS if (values := getattr(params, f.name))}


def per_day_agg(params: SearchParams) -> dict:
    hist: dict[str, Any] = {"field": "published", "calendar_interval": "day", "format": "yyyy-MM-dd", "min_doc_count": 1}
    lo, hi = params.date_from, params.date_to
    if lo and hi and (hi - lo).days < MAX_FILLED_DAYS:
        hist["min_doc_count"] = 0
        hist["extended_bounds"] = {"min": lo.isoformat(), "max": hi.isoformat()}
    return {"date_histogram": hist}


def build_search(params: SearchParams) -> dict:
    """The request body for one page of results plus facets.

    The text query and the date range go in `query`, so they narrow hits and every facet. Facet
    filters go in `post_filter`, so they narrow hits only; each facet aggregation then re-applies
    the other facets' filters, which makes every facet ignore its own selection (a checked source
    still lists the other sources with their counts). The per-day histogram honours all filters.
    """
    words, phrases = parse_query(params.q)
    must = _text_clauses(words, phrases, TEXT_FIELDS, PHRASE_FIELDS)
    date_range = _date_range(params)
    query: dict[str, Any] = {"bool": {}}
    if must:
        query["bool"]["must"] = must
    if date_range:
        query["bool"]["filter"] = [date_range]
    if not query["bool"]:
        query = {"match_all": {}}

    selected = facet_filters(params)
    aggs = {
        f.name: {"filter": _all_of([c for name, c in selected.items() if name != f.name]), "aggs": {"buckets": f.agg()}}
        for f in FACETS
    }
    aggs["per_day"] = {"filter": _all_of(list(selected.values())), "aggs": {"buckets": per_day_agg(params)}}

    body: dict[str, Any] = {
        "query": query,
        "from": (params.page - 1) * params.size,
        "size": params.size,
        "track_total_hits": True,
        "_source": HIT_SOURCE,
        "aggs": aggs,
        "highlight": {
            "pre_tags": [MARK_OPEN],
            "post_tags": [MARK_CLOSE],
            "encoder": "html",
            "fields": {
                "text": {
                    "fragment_size": SNIPPET_CHARS,
                    "number_of_fragments": SNIPPET_FRAGMENTS,
                    # Without a match, the opening of the text (used when there is no description).
                    "no_match_size": SNIPPET_CHARS,
                }
            },
        },
    }
    if selected:
        body["post_filter"] = _all_of(list(selected.values()))
    if must:
        # Phrases ran on text.exact, which the highlighter does not map back to `text`; say what to mark.
        body["highlight"]["fields"]["text"]["highlight_query"] = {
            "bool": {"should": _text_clauses(words, phrases, ["text"], ["text"])}
        }
        body["sort"] = ["_score", {"published": {"order": "desc", "missing": "_last"}}]
    else:
        body["sort"] = [{"published": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
    return body


def snippet(fragments: list[str], description: str | None) -> str:
    """Highlighted fragments when the text matched, else the description, else the text's opening.
    Always HTML-safe: fragments come escaped by the highlighter's html encoder."""
    if fragments and any(MARK_OPEN in f for f in fragments):
        return SNIPPET_JOINER.join(f.strip() for f in fragments)
    if description:
        return html.escape(description)
    return fragments[0].strip() if fragments else ""


def parse_search(response: dict, params: SearchParams) -> SearchResult:
    """Turn a search response for build_search(params) into a SearchResult."""
    hits = []
    for h in response["hits"]["hits"]:
        src = h["_source"]
        hits.append(
            Hit(
                id=h["_id"],
                url=src["url"],
                title=src["title"],
                snippet=snippet(h.get("highlight", {}).get("text", []), src.get("description")),
                published=src.get("published"),
                source=src["source"],
                authors=src.get("authors") or [],
                language=src.get("language"),
            )
        )
    aggs = response["aggregations"]
    facets = {f.name: f.buckets(aggs[f.name]["buckets"]) for f in FACETS}
    facets["per_day"] = [
        DayBucket(date=b["key_as_string"], count=b["doc_count"]) for b in aggs["per_day"]["buckets"]["buckets"]
    ]
    return SearchResult(
        total=response["hits"]["total"]["value"],
        page=params.page,
        size=params.size,
        took_ms=response["took"],
        hits=hits,
        facets=Facets(**facets),
    )


def search(es: Elasticsearch, alias: str, params: SearchParams) -> SearchResult:
    """Run one search against the alias. Elasticsearch errors propagate to the caller."""
    response = es.search(index=alias, body=build_search(params))
    return parse_search(response.body, params)


def get_article(es: Elasticsearch, alias: str, article_id: str) -> Article | None:
    """The stored article with this id, or None when there is none. A missing index still raises."""
    try:
        response = es.get(index=alias, id=article_id)
    except NotFoundError as exc:
        if exc.body and isinstance(exc.body, dict) and exc.body.get("found") is False:
            return None
        raise
    return Article.model_validate(response["_source"])
