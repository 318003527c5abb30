"""Search queries: pure builders for Elasticsearch request bodies and parsers of their responses,
then thin functions that run them with an Elasticsearch client."""
from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Literal

from elasticsearch import Elasticsearch, NotFoundError
from pydantic import AfterValidator, BaseModel, Field, StringConstraints, model_validator

from indexer.article import Article

logger = logging.getLogger(__name__)

# Elasticsearch refuses from+size beyond index.max_result_window (10,000 by default).
MAX_RESULT_WINDOW = 10_000
MAX_PAGE_SIZE = 100
MAX_QUERY_CHARS = 500
MAX_FILTER_VALUES = 100
MAX_VALUE_CHARS = 200
# Days without articles are returned as zero buckets only for a bounded range this long, so a
# range of decades cannot ask Elasticsearch for tens of thousands of empty buckets.
MAX_FILLED_DAYS = 3660
# Facet sizes a request may ask for. The region tree costs about three buckets per place, so the
# product of its level sizes is capped to stay well under Elasticsearch's search.max_buckets (65,536).
MAX_COUNTRIES = 250
MAX_CHILDREN = 100
MAX_REGION_PRODUCT = 10_000
MAX_ACTORS = 200
ACTOR_TYPES_SIZE = 30
TOP_ACTORS_PER_HIT = 3
FOCUS_PER_HIT = 3

TEXT_FIELDS = ["title^3", "description^2", "text"]
# Quoted phrases mean exact wording: the `exact` sub-fields are neither stemmed nor stop-worded.
PHRASE_FIELDS = ["title.exact^3", "description^2", "text.exact"]
HIT_SOURCE = ["id", "url", "title", "description", "published", "source", "authors", "language", "regions", "actors"]
SNIPPET_CHARS = 180
SNIPPET_FRAGMENTS = 2
SNIPPET_JOINER = " … "
MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"

LEVELS = ("country", "admin1", "locality")
# Country ISO 3166-1 alpha-2 (SY), admin1 ISO 3166-2 or GeoNames admin1 (SY-HM, SY.04), locality GeoNames id.
REGION_CODE = re.compile(r"[A-Z]{2}|[A-Z]{2}[-.][A-Z0-9]{1,3}|\d{1,12}")
# Terms of a nested field are ranked by the articles holding them, not by how many objects do.
BY_ARTICLES = [{"articles": "desc"}, {"_key": "asc"}]
_LUCENE_RESERVED = re.compile(r'([.?+*|{}\[\]()"\\#@&<>~])')


def _drop_blank(values: list[str]) -> list[str]:
    # `actor=` from a form means nothing selected, not an actor named "".
    return [v for v in values if v]


def _region_codes(values: list[str]) -> list[str]:
    out = []
    for value in values:
        code = value.upper()
        if not REGION_CODE.fullmatch(code):
            raise ValueError(
                f"{value!r} is not a region code: use a country code (SY), an admin1 code (SY-HM) or a GeoNames id (170063)"
            )
        out.append(code)
    return out


Value = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_VALUE_CHARS)]
Values = Annotated[list[Value], AfterValidator(_drop_blank)]
RegionCodes = Annotated[list[Value], AfterValidator(_drop_blank), AfterValidator(_region_codes)]


class SearchParams(BaseModel):
    """What a search asks for. Values within one filter are OR-ed and filters are AND-ed, except
    `actor` with actor_mode "all" (the default): every listed actor must appear in the article."""

    q: str = Field("", max_length=MAX_QUERY_CHARS)
    source: Values = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    language: Values = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    region: RegionCodes = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    focus: bool = Field(False, description="region filter and region facet consider focus regions only")
    actor: Values = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    actor_mode: Literal["all", "any"] = "all"
    actor_type: Values = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    include_unlinked: bool = Field(False, description="count actors not linked to the actor base too")
    cited_source: Values = Field(default_factory=list, max_length=MAX_FILTER_VALUES)
    date_from: date | None = None  # inclusive, UTC day
    date_to: date | None = None  # inclusive, UTC day
    page: int = Field(1, ge=1)
    size: int = Field(10, ge=1, le=MAX_PAGE_SIZE)
    country_size: int = Field(30, ge=1, le=MAX_COUNTRIES)
    admin1_size: int = Field(10, ge=1, le=MAX_CHILDREN)
    locality_size: int = Field(10, ge=1, le=MAX_CHILDREN)
    actor_size: int = Field(30, ge=1, le=MAX_ACTORS)

    @model_validator(mode="after")
    def _check(self) -> SearchParams:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"from ({self.date_from}) is after to ({self.date_to})")
        if self.page * self.size > MAX_RESULT_WINDOW:
            raise ValueError(
                f"page × size must be at most {MAX_RESULT_WINDOW} (got {self.page} × {self.size}); narrow the search instead"
            )
        if self.country_size * self.admin1_size * self.locality_size > MAX_REGION_PRODUCT:
            raise ValueError(f"country_size × admin1_size × locality_size must be at most {MAX_REGION_PRODUCT}")
        return self


class FacetBucket(BaseModel):
    key: str
    count: int


class RegionNode(BaseModel):
    """One place in the region facet with the number of articles about it or about places inside it."""

    level: str  # country | admin1 | locality
    code: str
    name: str
    count: int
    children: list[RegionNode] = Field(default_factory=list)


class ActorBucket(BaseModel):
    name: str
    id: str | None = None  # actor-base id; None for actors the base does not know
    type: str | None = None
    country: str | None = None
    linked: bool = True
    count: int


class DayBucket(BaseModel):
    date: date
    count: int


class Facets(BaseModel):
    source: list[FacetBucket] = Field(default_factory=list)
    language: list[FacetBucket] = Field(default_factory=list)
    regions: list[RegionNode] = Field(default_factory=list, description="country → admin1 → locality")
    actors: list[ActorBucket] = Field(default_factory=list)
    actor_types: list[FacetBucket] = Field(default_factory=list)
    cited_sources: list[FacetBucket] = Field(default_factory=list)
    per_day: list[DayBucket] = Field(default_factory=list)


class PlaceRef(BaseModel):
    level: str
    code: str
    name: str
    admin1: str | None = None  # for localities
    country: str | None = None  # for admin1s and localities


class ActorRef(BaseModel):
    name: str
    id: str | None = None
    type: str | None = None
    linked: bool = True


class Hit(BaseModel):
    id: str
    url: str
    title: str
    snippet: str = Field("", description="HTML-escaped text; matched words wrapped in <mark>")
    published: datetime | None = None
    source: str
    authors: list[str] = Field(default_factory=list)
    language: str | None = None
    focus_regions: list[PlaceRef] = Field(default_factory=list, description="most specific focus places first")
    top_actors: list[ActorRef] = Field(default_factory=list, description="most mentioned actors, linked ones first")


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


def _nested(path: str, query: dict) -> dict:
    return {"nested": {"path": path, "query": query}}


def _any_of(clauses: list[dict]) -> dict:
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


def _terms(field: str, size: int, **aggs: dict) -> dict:
    """Top values of a field inside nested objects, counted and ranked by article."""
    return {"terms": {"field": field, "size": size, "order": BY_ARTICLES}, "aggs": {"articles": {"reverse_nested": {}}, **aggs}}


def _one(field: str) -> dict:
    # A label shared by every object of the bucket (the name for a code): any one value will do.
    return {"terms": {"field": field, "size": 1}}


def _within(clause: dict, agg: dict) -> dict:
    return {"filter": clause, "aggs": {"values": agg}}


def _label(agg: dict) -> str | None:
    buckets = agg["buckets"]
    return str(buckets[0]["key"]) if buckets else None


# --- flat keyword facets ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Facet:
    """A keyword field of the article counted by value; `param` names the SearchParams list that
    filters on it (values OR-ed)."""

    name: str  # the Facets field
    param: str
    field: str
    size: int

    def filter(self, values: list[str]) -> dict:
        return {"terms": {self.field: values}}

    def agg(self) -> dict:
        return {"terms": {"field": self.field, "size": self.size}}

    def buckets(self, agg: dict) -> list[FacetBucket]:
        return [FacetBucket(key=str(b["key"]), count=b["doc_count"]) for b in agg["buckets"]]


FLAT_FACETS: tuple[Facet, ...] = (
    Facet("source", "source", "source", size=100),
    Facet("language", "language", "language", size=30),
    Facet("cited_sources", "cited_source", "cited_sources", size=30),
)


# --- regions ---------------------------------------------------------------------------------------

def _level(level: str) -> dict:
    return {"term": {"regions.level": level}}


def region_filter(codes: list[str], focus: bool = False) -> dict:
    """Articles with a region at or inside any of the codes, whatever its level: every region object
    carries its ancestors' codes, so `SY` also matches an article that names only Hama city.
    With focus, only regions flagged as the article's focus count."""
    match = _any_of([{"terms": {f"regions.{f}": codes}} for f in ("code", "country_code", "admin1_code")])
    if focus:
        match["bool"]["filter"] = [{"term": {"regions.focus": True}}]
    return _nested("regions", match)


def region_tree_agg(params: SearchParams) -> dict:
    """Country → admin1 → locality article counts, each level its own top N.

    Places are grouped by the ancestor codes each region object carries (country_code, admin1_code),
    so a place counts for the levels above it even if an ancestor object were missing. An admin1 is
    also counted from its own object (`admin1_own`), which keeps the tree whole whether or not admin1
    objects repeat their code in admin1_code; localities without a known admin1 hang under the country.
    """
    locality = _terms("regions.code", params.locality_size, name=_one("regions.name"))
    no_admin1 = {"bool": {"filter": [_level("locality")], "must_not": [{"exists": {"field": "regions.admin1_code"}}]}}
    country = _terms(
        "regions.country_code",
        params.country_size,
        own=_within(_level("country"), _one("regions.name")),
        name=_one("regions.country"),
        admin1=_within(
            {"exists": {"field": "regions.admin1_code"}},
            _terms("regions.admin1_code", params.admin1_size, name=_one("regions.admin1"),
                   localities=_within(_level("locality"), locality)),
        ),
        admin1_own=_within(_level("admin1"), _terms("regions.code", params.admin1_size, name=_one("regions.name"))),
        loose=_within(no_admin1, locality),
    )
    tree: dict[str, Any] = {"countries": country}
    if params.focus:
        tree = {"focus": {"filter": {"term": {"regions.focus": True}}, "aggs": tree}}
    return {"nested": {"path": "regions"}, "aggs": tree}


def _node(level: str, bucket: dict, name: str | None, children: list[RegionNode] | None = None) -> RegionNode:
    code = str(bucket["key"])
    return RegionNode(level=level, code=code, name=name or code, count=bucket["articles"]["doc_count"], children=children or [])


def _ranked(nodes) -> list[RegionNode]:
    return sorted(nodes, key=lambda n: (-n.count, n.name, n.code))


def parse_region_tree(agg: dict, params: SearchParams) -> list[RegionNode]:
    if params.focus:
        agg = agg["focus"]
    countries = []
    for c in agg["countries"]["buckets"]:
        admin1: dict[str, RegionNode] = {}
        for a in c["admin1"]["values"]["buckets"]:
            localities = [_node("locality", b, _label(b["name"])) for b in a["localities"]["values"]["buckets"]]
            admin1[str(a["key"])] = _node("admin1", a, _label(a["name"]), localities)
        for a in c["admin1_own"]["values"]["buckets"]:
            own = _node("admin1", a, _label(a["name"]))
            if grouped := admin1.get(own.code):
                # Both counts are exact for the objects they saw; the larger is the article count
                # (an admin1 object exists wherever one of its localities does).
                own = own.model_copy(update={"count": max(own.count, grouped.count), "children": grouped.children})
            admin1[own.code] = own
        loose = [_node("locality", b, _label(b["name"])) for b in c["loose"]["values"]["buckets"]]
        children = _ranked(_ranked(admin1.values())[: params.admin1_size] + loose)
        countries.append(_node("country", c, _label(c["own"]["values"]) or _label(c["name"]), children))
    return countries


def focus_places(regions: list[dict]) -> list[PlaceRef]:
    """An article's focus regions, most mentioned first, leaving out a focus region whose focused
    descendant is listed (Hama city stands for Hama governorate and Syria)."""
    focus = [r for r in regions if r.get("focus")]
    ancestors = {a for r in focus for a in (r.get("country_code"), r.get("admin1_code")) if a and a != r["code"]}
    names = {r["code"]: r["name"] for r in regions}
    out = []
    depth = {level: i for i, level in enumerate(LEVELS)}
    for r in sorted(focus, key=lambda r: (-(r.get("mentions") or 1), -depth.get(r["level"], 0), r["name"])):
        if r["code"] in ancestors:
            continue
        level = r["level"]
        out.append(
            PlaceRef(
                level=level, code=r["code"], name=r["name"],
                admin1=(r.get("admin1") or names.get(r.get("admin1_code"))) if level == "locality" else None,
                country=(r.get("country") or names.get(r.get("country_code"))) if level != "country" else None,
            )
        )
    return out[:FOCUS_PER_HIT]


# --- actors ----------------------------------------------------------------------------------------

def _actor_scope(include_unlinked: bool) -> list[dict]:
    """Which actor objects count for the actor and actor-type facets and the actor-type filter."""
    return [] if include_unlinked else [{"term": {"actors.linked": True}}]


def _actor_match(values: list[str]) -> dict:
    # A value may be the canonical name or the actor-base id.
    return _any_of([{"terms": {"actors.id": values}}, {"terms": {"actors.name": values}}])


def actor_filters(values: list[str], mode: str) -> list[dict]:
    """`all`: one clause per actor, so every one must appear (co-occurrence); `any`: one clause."""
    groups = [values] if mode == "any" else [[v] for v in values]
    return [_nested("actors", _actor_match(g)) for g in groups]


def actor_type_filter(types: list[str], include_unlinked: bool) -> dict:
    """Articles with at least one counted actor of any of the types."""
    return _nested("actors", _all_of([{"terms": {"actors.type": types}}, *_actor_scope(include_unlinked)]))


def actors_agg(size: int, scope: list[dict]) -> dict:
    """Top actors by article count among the actor objects matching `scope`. Actors in the base are
    grouped by id (two may share a name), others by the name the text used."""
    details = {"type": _one("actors.type"), "country": _one("actors.country")}
    has_id = {"exists": {"field": "actors.id"}}
    groups = {
        "by_id": _within(has_id, _terms("actors.id", size, name=_one("actors.name"), **details)),
        "by_name": _within(
            {"bool": {"must_not": [has_id]}},
            _terms("actors.name", size, linked={"terms": {"field": "actors.linked", "size": 2}}, **details),
        ),
    }
    return {"nested": {"path": "actors"}, "aggs": {"scope": {"filter": _all_of(scope), "aggs": groups}}}


def parse_actors(agg: dict, size: int) -> list[ActorBucket]:
    groups = agg["scope"]
    out = [
        ActorBucket(
            name=_label(b["name"]) or str(b["key"]), id=str(b["key"]), type=_label(b["type"]),
            country=_label(b["country"]), linked=True, count=b["articles"]["doc_count"],
        )
        for b in groups["by_id"]["values"]["buckets"]
    ]
    out += [
        ActorBucket(
            name=str(b["key"]), type=_label(b["type"]), country=_label(b["country"]),
            linked=any(x.get("key_as_string") == "true" for x in b["linked"]["buckets"]), count=b["articles"]["doc_count"],
        )
        for b in groups["by_name"]["values"]["buckets"]
    ]
    return sorted(out, key=lambda a: (-a.count, a.name))[:size]


def actor_types_agg(scope: list[dict]) -> dict:
    return {"nested": {"path": "actors"}, "aggs": {"scope": {"filter": _all_of(scope), "aggs": {"values": _terms("actors.type", ACTOR_TYPES_SIZE)}}}}


def parse_actor_types(agg: dict) -> list[FacetBucket]:
    return [FacetBucket(key=str(b["key"]), count=b["articles"]["doc_count"]) for b in agg["scope"]["values"]["buckets"]]


def top_actors(actors: list[dict], include_unlinked: bool = False) -> list[ActorRef]:
    """The article's most mentioned actors, linked ones first; unlinked only when asked for."""
    pool = [a for a in actors if include_unlinked or a.get("linked", True)]
    pool.sort(key=lambda a: (not a.get("linked", True), -(a.get("mentions") or 1), a["name"]))
    return [
        ActorRef(name=a["name"], id=a.get("id"), type=a.get("type"), linked=a.get("linked", True))
        for a in pool[:TOP_ACTORS_PER_HIT]
    ]


def word_prefix_regexp(prefix: str) -> str:
    """A Lucene regexp for values having a word (at the start, or after a space or hyphen) that
    begins with `prefix`."""
    return "(.*[ \\-])?" + _LUCENE_RESERVED.sub(r"\\\1", prefix) + ".*"


def build_actor_lookup(prefix: str, types: list[str], include_unlinked: bool, size: int) -> dict:
    """Actors whose name has a word starting with `prefix` (any case), or whose id starts with it,
    with their article counts over the whole index: for autocompletion."""
    scope = _actor_scope(include_unlinked)
    if types:
        scope.append({"terms": {"actors.type": types}})
    scope.append(
        _any_of([
            {"regexp": {"actors.name": {"value": word_prefix_regexp(prefix), "case_insensitive": True}}},
            {"prefix": {"actors.id": {"value": prefix, "case_insensitive": True}}},
        ])
    )
    return {"size": 0, "query": _nested("actors", _all_of(scope)), "aggs": {"actors": actors_agg(size, scope)}}


# --- the search request ----------------------------------------------------------------------------

def facet_filters(params: SearchParams) -> dict[str, list[dict]]:
    """The filter clauses of every facet that has values selected, by facet name."""
    selected = {f.name: [f.filter(values)] for f in FLAT_FACETS if (values := getattr(params, f.param))}
    if params.region:
        selected["regions"] = [region_filter(params.region, params.focus)]
    if params.actor:
        selected["actors"] = actor_filters(params.actor, params.actor_mode)
    if params.actor_type:
        selected["actor_types"] = [actor_type_filter(params.actor_type, params.include_unlinked)]
    return selected


def per_day_agg(params: SearchParams) -> dict:
    hist: dict[str, Any] = {"field": "published", "calendar_interval": "day", "format": "yyyy-MM-dd", "min_doc_count": 1}
    lo, hi = params.date_from, params.date_to
    if lo and hi and (hi - lo).days < MAX_FILLED_DAYS:
        hist["min_doc_count"] = 0
        hist["extended_bounds"] = {"min": lo.isoformat(), "max": hi.isoformat()}
    return {"date_histogram": hist}


def facet_aggs(params: SearchParams) -> dict[str, dict]:
    """Every facet's aggregation, by facet name, before the other facets' filters are applied."""
    aggs = {f.name: f.agg() for f in FLAT_FACETS}
    aggs["regions"] = region_tree_agg(params)
    scope = _actor_scope(params.include_unlinked)
    type_scope = [{"terms": {"actors.type": params.actor_type}}] if params.actor_type else []
    aggs["actors"] = actors_agg(params.actor_size, scope + type_scope)
    aggs["actor_types"] = actor_types_agg(scope)
    return aggs


def build_search(params: SearchParams) -> dict:
    """The request body for one page of results plus facets.

    The text query and the date range go in `query`, so they narrow hits and every facet. Facet
    filters go in `post_filter`, so they narrow hits only; each facet aggregation then re-applies
    the other facets' filters, which makes a facet ignore its own selection (a checked source still
    lists the other sources with their counts). One exception: with actor_mode "all" the actor facet
    keeps the actor filter, so next to each actor stands the number of articles it shares with the
    actors already chosen, which is what choosing it would leave. The per-day histogram honours all
    filters.
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
    keeps_own = {"actors"} if params.actor_mode == "all" else set()

    def scope(name: str) -> dict:
        return _all_of([c for other, clauses in selected.items() if other != name or other in keeps_own for c in clauses])

    every_filter = [c for clauses in selected.values() for c in clauses]
    aggs = {name: {"filter": scope(name), "aggs": {"buckets": agg}} for name, agg in facet_aggs(params).items()}
    aggs["per_day"] = {"filter": _all_of(every_filter), "aggs": {"buckets": per_day_agg(params)}}

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
    if every_filter:
        body["post_filter"] = _all_of(every_filter)
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
                focus_regions=focus_places(src.get("regions") or []),
                top_actors=top_actors(src.get("actors") or [], params.include_unlinked),
            )
        )
    aggs = {name: agg["buckets"] for name, agg in response["aggregations"].items()}
    facets: dict[str, Any] = {f.name: f.buckets(aggs[f.name]) for f in FLAT_FACETS}
    facets["regions"] = parse_region_tree(aggs["regions"], params)
    facets["actors"] = parse_actors(aggs["actors"], params.actor_size)
    facets["actor_types"] = parse_actor_types(aggs["actor_types"])
    facets["per_day"] = [DayBucket(date=b["key_as_string"], count=b["doc_count"]) for b in aggs["per_day"]["buckets"]]
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


def lookup_actors(es: Elasticsearch, alias: str, prefix: str, types: list[str], include_unlinked: bool, size: int) -> list[ActorBucket]:
    """Actors for autocompletion (see build_actor_lookup), most frequent first."""
    response = es.search(index=alias, body=build_actor_lookup(prefix, types, include_unlinked, size))
    return parse_actors(response["aggregations"]["actors"], size)


def get_article(es: Elasticsearch, alias: str, article_id: str) -> Article | None:
    """The stored article with this id, or None when there is none. A missing index still raises."""
    try:
        response = es.get(index=alias, id=article_id)
    except NotFoundError as exc:
        if exc.body and isinstance(exc.body, dict) and exc.body.get("found") is False:
            return None
        raise
    return Article.model_validate(response["_source"])
