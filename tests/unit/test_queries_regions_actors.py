"""Region, actor and cited-source parts of indexer.queries: filter clauses, the region tree and actor
aggregations, which facet keeps which filter, parsing of hand-written responses, hit summaries,
autocompletion bodies and parameter checks. Pure: no Elasticsearch."""
from __future__ import annotations

import json
import re

import pytest
from pydantic import ValidationError

from indexer.queries import (
    ActorBucket,
    SearchParams,
    actor_filters,
    actor_type_filter,
    build_actor_lookup,
    build_search,
    focus_places,
    parse_actors,
    parse_region_tree,
    parse_search,
    region_filter,
    region_tree_agg,
    top_actors,
    word_prefix_regexp,
)

LINKED = {"term": {"actors.linked": True}}


def body(**kw) -> dict:
    return build_search(SearchParams(**kw))


def facet_filter(b: dict, name: str) -> list[str]:
    """The clauses a facet's aggregation applies, as comparable text in a stable order."""
    f = b["aggs"][name]["filter"]
    return canon(f["bool"]["filter"] if "bool" in f else [])


def canon(clauses: list[dict]) -> list[str]:
    return sorted(json.dumps(c, sort_keys=True) for c in clauses)


# --- parameters ------------------------------------------------------------------------------------

def test_region_codes_are_normalised_and_blank_values_dropped():
    p = SearchParams(region=[" sy ", "", "sy-hm", "170063", "SY.04"], actor=["", " HTS "], cited_source=[""])
    assert p.region == ["SY", "SY-HM", "170063", "SY.04"]
    assert p.actor == ["HTS"] and p.cited_source == []
    assert "post_filter" not in build_search(SearchParams(actor=[""], actor_type=[" "]))


@pytest.mark.parametrize(
    "kw, fragment",
    [
        ({"region": ["Syria"]}, "not a region code"),
        ({"region": ["SY HM"]}, "not a region code"),
        ({"region": ["SYR"]}, "not a region code"),
        ({"actor_mode": "some"}, "actor_mode"),
        ({"actor": ["x" * 201]}, "actor"),
        ({"actor_type": ["t"] * 101}, "actor_type"),
        ({"country_size": 0}, "country_size"),
        ({"admin1_size": 101}, "admin1_size"),
        ({"actor_size": 201}, "actor_size"),
        ({"country_size": 101, "admin1_size": 10, "locality_size": 10}, "country_size × admin1_size × locality_size"),
    ],
)
def test_invalid_params_are_rejected(kw, fragment):
    with pytest.raises(ValidationError) as exc:
        SearchParams(**kw)
    assert fragment in str(exc.value)


# --- filters ---------------------------------------------------------------------------------------

def test_region_filter_matches_a_code_at_any_level_and_optionally_focus_only():
    f = region_filter(["SY", "SY-HM"])
    assert f["nested"]["path"] == "regions"
    q = f["nested"]["query"]["bool"]
    assert q["should"] == [
        {"terms": {"regions.code": ["SY", "SY-HM"]}},
        {"terms": {"regions.country_code": ["SY", "SY-HM"]}},
        {"terms": {"regions.admin1_code": ["SY", "SY-HM"]}},
    ]
    assert q["minimum_should_match"] == 1 and "filter" not in q
    # The focus condition sits on the same region object as the code.
    assert region_filter(["SY"], focus=True)["nested"]["query"]["bool"]["filter"] == [{"term": {"regions.focus": True}}]


def test_actor_filters_all_means_one_clause_per_actor_any_means_one_clause():
    both = actor_filters(["sy-hts", "Russian Armed Forces"], "all")
    assert len(both) == 2
    assert both[0] == {"nested": {"path": "actors", "query": {"bool": {
        "should": [{"terms": {"actors.id": ["sy-hts"]}}, {"terms": {"actors.name": ["sy-hts"]}}], "minimum_should_match": 1}}}}
    either = actor_filters(["a", "b"], "any")
    assert len(either) == 1 and either[0]["nested"]["query"]["bool"]["should"][0] == {"terms": {"actors.id": ["a", "b"]}}


def test_actor_type_filter_counts_linked_actors_unless_told_otherwise():
    linked_only = actor_type_filter(["rebel_group"], include_unlinked=False)["nested"]["query"]["bool"]["filter"]
    assert linked_only == [{"terms": {"actors.type": ["rebel_group"]}}, LINKED]
    anyone = actor_type_filter(["person"], include_unlinked=True)["nested"]["query"]["bool"]["filter"]
    assert anyone == [{"terms": {"actors.type": ["person"]}}]


def test_every_filter_narrows_hits_and_the_histogram():
    b = body(region=["SY"], focus=True, actor=["a", "b"], actor_type=["rebel_group"], cited_source=["SOHR"], source=["x"])
    clauses = b["post_filter"]["bool"]["filter"]
    assert len(clauses) == 6  # region, two actors, type, cited source, source
    assert facet_filter(b, "per_day") == canon(clauses)
    assert "filter" not in b["query"].get("bool", {})


def test_each_facet_ignores_its_own_filter_except_actors_in_all_mode():
    b = body(region=["SY"], actor=["a", "b"], actor_type=["state_forces"], cited_source=["SOHR"])
    region, types, cited = region_filter(["SY"]), actor_type_filter(["state_forces"], False), {"terms": {"cited_sources": ["SOHR"]}}
    a, bb = actor_filters(["a", "b"], "all")
    assert facet_filter(b, "regions") == canon([a, bb, types, cited])
    assert facet_filter(b, "actor_types") == canon([region, a, bb, cited])
    assert facet_filter(b, "cited_sources") == canon([region, a, bb, types])
    # All mode: the actor facet keeps the chosen actors, so it counts co-occurrence with them.
    assert facet_filter(b, "actors") == canon([region, a, bb, types, cited])
    any_mode = body(region=["SY"], actor=["a", "b"], actor_mode="any")
    assert facet_filter(any_mode, "actors") == canon([region])
    assert facet_filter(any_mode, "regions") == canon(actor_filters(["a", "b"], "any"))


# --- aggregations ----------------------------------------------------------------------------------

def test_region_tree_agg_groups_by_ancestor_codes_and_counts_articles():
    agg = region_tree_agg(SearchParams(country_size=5, admin1_size=4, locality_size=3))
    assert agg["nested"] == {"path": "regions"}
    countries = agg["aggs"]["countries"]
    assert countries["terms"] == {"field": "regions.country_code", "size": 5, "order": [{"articles": "desc"}, {"_key": "asc"}]}
    sub = countries["aggs"]
    assert sub["articles"] == {"reverse_nested": {}}
    assert sub["admin1"]["filter"] == {"exists": {"field": "regions.admin1_code"}}
    admin1 = sub["admin1"]["aggs"]["values"]
    assert admin1["terms"]["field"] == "regions.admin1_code" and admin1["terms"]["size"] == 4
    assert admin1["aggs"]["articles"] == {"reverse_nested": {}}
    localities = admin1["aggs"]["localities"]
    assert localities["filter"] == {"term": {"regions.level": "locality"}}
    loc_terms = localities["aggs"]["values"]
    assert loc_terms["terms"]["field"] == "regions.code" and loc_terms["terms"]["size"] == 3
    assert loc_terms["aggs"]["articles"] == {"reverse_nested": {}}
    own = sub["admin1_own"]
    assert own["filter"] == {"term": {"regions.level": "admin1"}} and own["aggs"]["values"]["terms"]["field"] == "regions.code"
    assert sub["loose"]["filter"]["bool"]["must_not"] == [{"exists": {"field": "regions.admin1_code"}}]


def test_focus_counts_only_focus_regions_in_the_tree():
    plain = region_tree_agg(SearchParams())
    focus = region_tree_agg(SearchParams(focus=True))
    assert focus["aggs"]["focus"]["filter"] == {"term": {"regions.focus": True}}
    assert focus["aggs"]["focus"]["aggs"] == plain["aggs"]


def test_actor_facet_scope_linked_types_and_sizes():
    actors = body(actor_type=["rebel_group"], actor_size=7)["aggs"]["actors"]["aggs"]["buckets"]
    assert actors["nested"] == {"path": "actors"}
    scope = actors["aggs"]["scope"]
    assert scope["filter"]["bool"]["filter"] == [LINKED, {"terms": {"actors.type": ["rebel_group"]}}]
    by_id = scope["aggs"]["by_id"]
    assert by_id["filter"] == {"exists": {"field": "actors.id"}}
    assert by_id["aggs"]["values"]["terms"]["field"] == "actors.id" and by_id["aggs"]["values"]["terms"]["size"] == 7
    assert scope["aggs"]["by_name"]["aggs"]["values"]["terms"]["field"] == "actors.name"
    unlinked = body(include_unlinked=True)["aggs"]["actors"]["aggs"]["buckets"]["aggs"]["scope"]["filter"]
    assert unlinked == {"match_all": {}}
    # The type facet is not limited by the chosen types (it ignores its own filter).
    types = body(actor_type=["rebel_group"])["aggs"]["actor_types"]["aggs"]["buckets"]["aggs"]["scope"]
    assert types["filter"]["bool"]["filter"] == [LINKED]


# --- parsing ---------------------------------------------------------------------------------------

def _b(key, articles, **sub) -> dict:
    return {"key": key, "doc_count": articles * 3, "articles": {"doc_count": articles}, **sub}


def _names(*names) -> dict:
    return {"buckets": [{"key": n, "doc_count": 1} for n in names]}


def _values(*buckets) -> dict:
    return {"doc_count": 0, "values": {"buckets": list(buckets)}}


def _country(code, articles, own=(), name=(), admin1=(), admin1_own=(), loose=()) -> dict:
    return _b(code, articles, own=_values(*[{"key": n, "doc_count": 1} for n in own]), name=_names(*name),
              admin1=_values(*admin1), admin1_own=_values(*admin1_own), loose=_values(*loose))


def test_parse_region_tree_merges_admin1_groupings_and_keeps_loose_localities():
    hama_city = _b("170063", 2, name=_names("Hama"))
    agg = {"countries": {"buckets": [
        _country(
            "SY", 5, own=["Syria"],
            # From localities' admin1_code: Hama has 2 articles through its city, Idlib 1.
            admin1=[_b("SY-HM", 2, name=_names("Hama Governorate"), localities=_values(hama_city)),
                    _b("SY-ID", 1, name=_names(), localities=_values(_b("169389", 1, name=_names())))],
            # From admin1 objects: Hama has 3 (one article names only the governorate); Aleppo 1.
            admin1_own=[_b("SY-HM", 3, name=_names("Hama")), _b("SY-HL", 1, name=_names("Aleppo Governorate"))],
            loose=[_b("9990001", 2, name=_names("Tawila"))],
        ),
        _country("SD", 1, name=["Sudan"]),
    ]}}
    tree = parse_region_tree(agg, SearchParams(admin1_size=2))
    assert [(c.code, c.name, c.count, c.level) for c in tree] == [("SY", "Syria", 5, "country"), ("SD", "Sudan", 1, "country")]
    kids = [(k.level, k.code, k.name, k.count) for k in tree[0].children]
    # Hama: the larger count, its own object's name, the localities found through admin1_code.
    # Cut to admin1_size=2 (Hama 3, then Aleppo and Idlib tie on 1: by name); loose localities join by count.
    assert kids == [("admin1", "SY-HM", "Hama", 3), ("locality", "9990001", "Tawila", 2), ("admin1", "SY-HL", "Aleppo Governorate", 1)]
    assert [(c.code, c.count) for c in tree[0].children[0].children] == [("170063", 2)]
    assert tree[1].children == []


def test_parse_region_tree_falls_back_to_code_for_a_missing_name_and_unwraps_focus():
    agg = {"focus": {"countries": {"buckets": [_country("XK", 1, admin1=[_b("XK-01", 1, name=_names(), localities=_values())])]}}}
    tree = parse_region_tree(agg, SearchParams(focus=True))
    assert (tree[0].name, tree[0].children[0].name) == ("XK", "XK-01")


def test_parse_actors_merges_linked_by_id_and_unlinked_by_name():
    agg = {"scope": {
        "by_id": _values(
            _b("ru-mod", 2, name=_names("Ministry of Defence"), type=_names("government"), country=_names("RU")),
            _b("ua-mod", 4, name=_names("Ministry of Defence"), type=_names("government"), country=_names("UA")),
        ),
        "by_name": _values(
            _b("Abu Khaled", 3, type=_names("person"), country=_names(), linked={"buckets": [{"key": 0, "key_as_string": "false", "doc_count": 5}]}),
            _b("NATO", 1, type=_names(), country=_names(), linked={"buckets": [{"key": 1, "key_as_string": "true", "doc_count": 1}]}),
        ),
    }}
    got = parse_actors(agg, size=3)
    assert got == [
        ActorBucket(name="Ministry of Defence", id="ua-mod", type="government", country="UA", linked=True, count=4),
        ActorBucket(name="Abu Khaled", id=None, type="person", country=None, linked=False, count=3),
        ActorBucket(name="Ministry of Defence", id="ru-mod", type="government", country="RU", linked=True, count=2),
    ]


# --- hits ------------------------------------------------------------------------------------------

SY = {"level": "country", "code": "SY", "name": "Syria", "country_code": "SY", "focus": True, "mentions": 1}
HM = {"level": "admin1", "code": "SY-HM", "name": "Hama Governorate", "country_code": "SY", "country": "Syria", "focus": True}
HAMA = {"level": "locality", "code": "170063", "name": "Hama", "country_code": "SY", "country": "Syria",
        "admin1_code": "SY-HM", "admin1": "Hama Governorate", "focus": True, "mentions": 3}
ALEPPO = {"level": "locality", "code": "170005", "name": "Aleppo", "country_code": "SY", "admin1_code": "SY-HL", "focus": False}


def test_focus_places_lists_the_most_specific_focus():
    assert [p.model_dump() for p in focus_places([SY, HM, HAMA, ALEPPO])] == [
        {"level": "locality", "code": "170063", "name": "Hama", "admin1": "Hama Governorate", "country": "Syria"}
    ]
    # Names of ancestors come from the article's other region objects when the object lacks them.
    bare = {**HAMA, "admin1": None, "country": None}
    assert (focus_places([SY, HM, bare])[0].admin1, focus_places([SY, HM, bare])[0].country) == ("Hama Governorate", "Syria")
    assert [(f.level, f.code, f.admin1, f.country) for f in focus_places([SY, ALEPPO])] == [("country", "SY", None, None)]
    assert focus_places([ALEPPO]) == [] and focus_places([]) == []


def test_top_actors_linked_first_by_mentions():
    actors = [
        {"name": "B", "id": "b", "type": "t", "linked": True, "mentions": 1},
        {"name": "Unlinked", "linked": False, "mentions": 9},
        {"name": "A", "id": "a", "type": "t", "linked": True, "mentions": 5},
        {"name": "C", "id": "c", "linked": True, "mentions": 1},
        {"name": "D", "id": "d", "linked": True, "mentions": 1},
    ]
    assert [a.name for a in top_actors(actors)] == ["A", "B", "C"]
    assert [a.name for a in top_actors(actors[:3], include_unlinked=True)] == ["A", "B", "Unlinked"]
    assert top_actors([]) == []


def test_parse_search_fills_hit_summaries_from_source():
    params = SearchParams()
    empty = {"doc_count": 0, "values": {"buckets": []}}
    response = {
        "took": 1,
        "hits": {"total": {"value": 1}, "hits": [{"_id": "x", "_source": {
            "url": "u", "title": "t", "source": "s", "regions": [SY, HM, HAMA],
            "actors": [{"name": "HTS", "id": "sy-hts", "type": "rebel_group", "linked": True, "mentions": 2}],
        }}]},
        "aggregations": {
            "source": {"buckets": {"buckets": []}}, "language": {"buckets": {"buckets": []}},
            "cited_sources": {"buckets": {"buckets": []}},
            "regions": {"buckets": {"countries": {"buckets": []}}},
            "actors": {"buckets": {"scope": {"by_id": empty, "by_name": empty}}},
            "actor_types": {"buckets": {"scope": {"values": {"buckets": [_b("rebel_group", 1)]}}}},
            "per_day": {"buckets": {"buckets": []}},
        },
    }
    r = parse_search(response, params)
    assert r.hits[0].focus_regions[0].code == "170063"
    assert [a.id for a in r.hits[0].top_actors] == ["sy-hts"]
    assert [(b.key, b.count) for b in r.facets.actor_types] == [("rebel_group", 1)]


# --- autocompletion --------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "prefix, matches, misses",
    [
        ("tah", ["Hayat Tahrir al-Sham", "tahrir"], ["Mustahil"]),
        ("al-s", ["Hayat Tahrir al-Sham"], ["Khalsa"]),
        ("sham", ["Hayat Tahrir al-Sham"], ["Hisham"]),
    ],
)
def test_word_prefix_regexp(prefix, matches, misses):
    # Lucene and Python agree on this subset of syntax; Elasticsearch adds the case folding.
    pattern = re.compile(word_prefix_regexp(prefix), re.IGNORECASE)
    assert all(pattern.fullmatch(m) for m in matches)
    assert not any(pattern.fullmatch(m) for m in misses)


def test_word_prefix_regexp_escapes_syntax():
    assert word_prefix_regexp('a.b*(c)"') == '(.*[ \\-])?a\\.b\\*\\(c\\)\\".*'


def test_actor_lookup_body():
    b = build_actor_lookup("tah", ["rebel_group"], include_unlinked=False, size=5)
    assert b["size"] == 0
    scope = b["query"]["nested"]["query"]["bool"]["filter"]
    assert scope[:2] == [LINKED, {"terms": {"actors.type": ["rebel_group"]}}]
    name, id_ = scope[2]["bool"]["should"]
    assert name == {"regexp": {"actors.name": {"value": "(.*[ \\-])?tah.*", "case_insensitive": True}}}
    assert id_ == {"prefix": {"actors.id": {"value": "tah", "case_insensitive": True}}}
    # The aggregation counts only the matching actor objects, not every actor of a matching article.
    assert b["aggs"]["actors"]["aggs"]["scope"]["filter"]["bool"]["filter"] == scope
