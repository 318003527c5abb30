"""Region, actor and cited-source search through the HTTP API against a real Elasticsearch: the
country → admin1 → locality tree checked against counts worked out here from hand-made enriched
articles, filters at every level, focus, actor co-occurrence and types, unlinked actors, cited
sources, facets ignoring their own filter, empty enrichment, autocompletion and bad parameters."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from indexer.article import ActorMention, Article, RegionMention
from indexer.bulk import write_batch
from indexer.setup import ensure_index
from newsindex.services.elasticsearch import client as es_client
from tests.conftest import cleanup, make_settings

pytestmark = pytest.mark.integration

COUNTRIES = {"SY": "Syria", "UA": "Ukraine", "SD": "Sudan"}
ADMIN1 = {
    "SY-HM": ("Hama Governorate", "SY"), "SY-HL": ("Aleppo Governorate", "SY"), "SY-ID": ("Idlib Governorate", "SY"),
    "SY-DI": ("Damascus", "SY"), "UA-63": ("Kharkiv Oblast", "UA"), "UA-30": ("Kyiv", "UA"),
    "SD-KH": ("Khartoum State", "SD"), "SD-DN": ("North Darfur", "SD"),
}
LOCALITIES = {
    "170063": ("Hama", "SY-HM"), "170005": ("Aleppo", "SY-HL"), "169389": ("Idlib", "SY-ID"),
    "170654": ("Damascus", "SY-DI"), "706483": ("Kharkiv", "UA-63"), "703448": ("Kyiv", "UA-30"),
    "379252": ("Khartoum", "SD-KH"), "372753": ("El Fasher", "SD-DN"),
    "9990001": ("Tawila", None),  # a locality whose admin1 the gazetteer does not know
}
LOCALITY_COUNTRY = {"9990001": "SD"}


def place(code: str, focus: bool = False, mentions: int = 1, own_admin1_code: bool = False) -> RegionMention:
    """One region object carrying its ancestors' codes and names. `own_admin1_code` makes an admin1
    repeat its own code in admin1_code (the tree must work either way)."""
    if code in COUNTRIES:
        return RegionMention(level="country", code=code, name=COUNTRIES[code], country_code=code, country=COUNTRIES[code],
                             focus=focus, mentions=mentions)
    if code in ADMIN1:
        name, cc = ADMIN1[code]
        return RegionMention(level="admin1", code=code, name=name, country_code=cc, country=COUNTRIES[cc],
                             admin1_code=code if own_admin1_code else None, admin1=name if own_admin1_code else None,
                             focus=focus, mentions=mentions)
    name, a1 = LOCALITIES[code]
    cc = ADMIN1[a1][1] if a1 else LOCALITY_COUNTRY[code]
    return RegionMention(level="locality", code=code, name=name, country_code=cc, country=COUNTRIES[cc], admin1_code=a1,
                         admin1=ADMIN1[a1][0] if a1 else None, location={"lat": 35.1, "lon": 36.7},
                         focus=focus, mentions=mentions)


def places(*codes: str, focus: tuple[str, ...] = (), own_admin1_code: bool = False, focus_up: bool = True) -> list[RegionMention]:
    """Region objects for the named places plus their implied ancestors, as enrichment writes them.
    With focus_up, a focus place makes its admin1 and country the focus too; without, only itself."""
    wanted: dict[str, bool] = {}
    for code in codes:
        chain = [code]
        if code in LOCALITIES:
            a1 = LOCALITIES[code][1]
            chain += [a1, ADMIN1[a1][1]] if a1 else [LOCALITY_COUNTRY[code]]
        elif code in ADMIN1:
            chain.append(ADMIN1[code][1])
        for c in chain:
            wanted[c] = wanted.get(c, False) or (code in focus and (focus_up or c == code))
    return [place(c, focus=f, mentions=2 if c in focus else 1, own_admin1_code=own_admin1_code) for c, f in wanted.items()]


def actor(id: str | None, name: str, type: str | None, country: str | None = None, mentions: int = 1, linked: bool = True) -> ActorMention:
    return ActorMention(id=id, name=name, type=type, country=country, linked=linked, mentions=mentions)


HTS = actor("sy-hts", "Hayat Tahrir al-Sham", "rebel_group", "SY", mentions=3)
SYGOV = actor("sy-gov-forces", "Syrian government forces", "state_forces", "SY", mentions=2)
RUAF = actor("ru-armed-forces", "Russian Armed Forces", "state_forces", "RU")
AFU = actor("ua-afu", "Armed Forces of Ukraine", "state_forces", "UA", mentions=2)
RU_MOD = actor("ru-mod", "Ministry of Defence", "government", "RU")
UA_MOD = actor("ua-mod", "Ministry of Defence", "government", "UA")
RSF = actor("sd-rsf", "Rapid Support Forces", "rebel_group", "SD", mentions=4)
SAF = actor("sd-saf", "Sudanese Armed Forces", "state_forces", "SD", mentions=2)
UN = actor("intl-un", "United Nations", "international_org")
ABU_KHALED = actor(None, "Abu Khaled", "person", linked=False, mentions=5)
LOCAL_COUNCIL = actor(None, "Local Council", None, linked=False)


def _article(n: int, regions=(), actors=(), cited=(), dateline=None, source="alpha", text="Report from the field.") -> Article:
    url = f"https://{source}.example/news/{n}"
    return Article(
        id=f"ra-{n:02d}", url=url, fetched_url=url, source=source, domain=f"{source}.example", title=f"Story {n}",
        text=text, language="en", published=datetime(2024, 6, 1 + n % 5, 9, tzinfo=timezone.utc),
        fetched_at=datetime(2024, 6, 10, tzinfo=timezone.utc), regions=list(regions), actors=list(actors),
        cited_sources=list(cited), dateline=dateline, enriched_at=datetime(2024, 6, 10, tzinfo=timezone.utc),
    )


def world(own_admin1_code: bool = False) -> list[Article]:
    """15 enriched articles (one with nothing found) across Syria, Ukraine and Sudan."""
    p = lambda *codes, focus=(), up=True: places(*codes, focus=focus, own_admin1_code=own_admin1_code, focus_up=up)  # noqa: E731
    return [
        _article(1, p("170063", focus=("170063",)), [HTS, SYGOV], ["SOHR"]),
        _article(2, p("SY-HM", focus=("SY-HM",)), [SYGOV, RUAF], ["SANA"]),
        _article(3, p("170005", "169389", focus=("170005",)), [HTS, RUAF], ["SOHR", "Reuters"]),
        _article(4, p("169389", focus=("169389",), up=False), [HTS], source="beta"),  # only the city is flagged
        _article(5, p("SY", focus=("SY",)), [SYGOV], ["SANA"], source="beta"),
        # Filed from Kyiv, about Kharkiv: the dateline is not a region of the story.
        _article(6, p("706483", focus=("706483",)), [RUAF, AFU, RU_MOD], ["Reuters"], dateline=place("703448")),
        _article(7, p("703448", "SY", focus=("703448",)), [AFU, UA_MOD, UN], ["Reuters"], source="beta"),
        _article(8, p("UA-63", focus=("UA-63",)), [RUAF]),
        _article(9, p("379252", focus=("379252",)), [RSF, SAF], ["UN OCHA", "Reuters"], source="gamma"),
        _article(10, p("372753", focus=("372753",)), [RSF, UN], ["UN OCHA"], source="gamma"),
        _article(11, p("9990001", focus=("9990001",)), [RSF], source="gamma"),
        _article(12, p("SD", focus=("SD",)), [SAF, ABU_KHALED]),
        _article(13, text="A story in which enrichment found nothing at all: a unique zebra sentence."),
        _article(14, p("170063"), [ABU_KHALED, LOCAL_COUNCIL], source="beta"),
        _article(15, p("170654", "SD", focus=("170654",)), [SYGOV], ["SANA", "Reuters"], source="gamma"),
    ]


ARTICLES = world()


# --- the truth, worked out from the articles -------------------------------------------------------

def region_objects(a: Article, focus: bool):
    return [r for r in a.regions if r.focus or not focus]


def articles_in(code: str, articles=ARTICLES, focus: bool = False) -> set[str]:
    return {a.id for a in articles if any(code in (r.code, r.country_code, r.admin1_code) for r in region_objects(a, focus))}


def expected_tree(articles=ARTICLES, focus: bool = False) -> dict:
    """{country: (count, {admin1-or-loose-locality: (count, {locality: count})})}"""
    tree: dict = {}
    for cc in {r.country_code for a in articles for r in region_objects(a, focus)}:
        children = {}
        # An admin1 is there for its own object or for a locality inside it.
        for a1 in {r.code if r.level == "admin1" else r.admin1_code for a in articles for r in region_objects(a, focus)
                   if r.level != "country" and r.country_code == cc and (r.level == "admin1" or r.admin1_code)}:
            locs = {r.code for a in articles for r in region_objects(a, focus) if r.level == "locality" and r.admin1_code == a1}
            children[a1] = (len(articles_in(a1, articles, focus)), {loc: len(articles_in(loc, articles, focus)) for loc in locs})
        for loc in {r.code for a in articles for r in region_objects(a, focus)
                    if r.level == "locality" and r.country_code == cc and not r.admin1_code}:
            children[loc] = (len(articles_in(loc, articles, focus)), {})
        tree[cc] = (len(articles_in(cc, articles, focus)), children)
    return tree


def as_counts(nodes: list[dict]) -> dict:
    return {n["code"]: (n["count"], as_counts(n["children"])) if n["level"] != "locality" else n["count"] for n in nodes}


def expected_as_counts(tree: dict) -> dict:
    return {cc: (count, {code: (c, locs) if code in ADMIN1 else c for code, (c, locs) in kids.items()})
            for cc, (count, kids) in tree.items()}


def with_actor(value: str, articles=ARTICLES) -> set[str]:
    return {a.id for a in articles if any(value in (m.id, m.name) for m in a.actors)}


# --- fixtures --------------------------------------------------------------------------------------

def _serve(settings, articles):
    es = es_client(settings.es_url)
    ensure_index(es, settings.index_alias)
    report = write_batch(es, articles, settings.index_alias, refresh=True)
    assert not report.failed, report.failed
    es.close()
    return TestClient(create_app(settings))


@pytest.fixture(scope="module")
def client(es_url, redis_url):
    """One index for the module's read-only tests, isolated and removed like the `settings` fixture's."""
    settings = make_settings(es_url, redis_url)
    try:
        with _serve(settings, ARTICLES) as c:
            yield c
    finally:
        cleanup(settings)


def search(client, **params) -> dict:
    params = {("from" if k == "from_" else k): v for k, v in params.items()}
    r = client.get("/search", params={"size": 100, **params})
    assert r.status_code == 200, r.text
    return r.json()


def ids(result: dict) -> set[str]:
    assert len(result["hits"]) == result["total"]  # size=100 fetches everything here
    return {h["id"] for h in result["hits"]}


def counts(buckets: list[dict], key: str = "key") -> dict[str, int]:
    return {b[key]: b["count"] for b in buckets}


# --- regions ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("own_admin1_code", [False, True], ids=["admin1-code-on-descendants-only", "admin1-repeats-own-code"])
def test_region_tree_counts_articles_at_every_level(settings, own_admin1_code):
    articles = world(own_admin1_code)
    with _serve(settings, articles) as c:
        tree = search(c)["facets"]["regions"]
    assert as_counts(tree) == expected_as_counts(expected_tree(articles))
    assert [n["code"] for n in tree] == ["SY", "SD", "UA"]  # by article count: 8, 5, 3
    assert tree[0]["count"] == 8
    for country in tree:
        assert country["level"] == "country" and country["name"] == COUNTRIES[country["code"]]
        for child in country["children"]:
            assert country["count"] >= child["count"]
            for loc in child["children"]:
                assert child["count"] >= loc["count"] and loc["level"] == "locality"
    hama = next(n for n in tree[0]["children"] if n["code"] == "SY-HM")
    # Articles 1 and 14 name Hama city, article 2 only the governorate: 3 articles, not 5 mentions.
    assert (hama["name"], hama["count"], hama["level"]) == ("Hama Governorate", 3, "admin1")
    assert [(n["code"], n["name"], n["count"]) for n in hama["children"]] == [("170063", "Hama", 2)]


def test_locality_without_admin1_hangs_under_its_country(client):
    sudan = next(n for n in search(client)["facets"]["regions"] if n["code"] == "SD")
    tawila = next(n for n in sudan["children"] if n["code"] == "9990001")
    assert (tawila["level"], tawila["name"], tawila["count"], tawila["children"]) == ("locality", "Tawila", 1, [])


def test_region_facet_sizes_cut_each_level(client):
    tree = search(client, country_size=1, admin1_size=1, locality_size=1)["facets"]["regions"]
    assert [n["code"] for n in tree] == ["SY"]
    # Syria's admin1s: Hama 3, Idlib 2 (articles 3, 4), Aleppo 1, Damascus 1.
    assert [(n["code"], n["count"]) for n in tree[0]["children"]] == [("SY-HM", 3)]
    assert len(tree[0]["children"][0]["children"]) == 1


@pytest.mark.parametrize("codes", [["SY"], ["SY-HM"], ["170063"], ["SD"], ["9990001"], ["SY-ID", "UA"], ["ua-63"]])
def test_region_filter_at_any_level(client, codes):
    expected = set().union(*(articles_in(c.upper()) for c in codes))
    assert ids(search(client, region=codes)) == expected
    assert expected


def test_region_filter_ignores_the_dateline(client):
    # Article 6 was filed from Kyiv but is about Kharkiv.
    assert ids(search(client, region="703448")) == {"ra-07"}
    assert "ra-06" in ids(search(client, region="706483"))


def test_focus_restricts_region_filter_and_facet_to_focus_regions(client):
    # Article 7 is about Kyiv and merely mentions Syria; article 14 mentions Hama without a focus.
    everywhere = ids(search(client, region="SY"))
    focused = search(client, region="SY", focus="true")
    assert {"ra-07", "ra-14"} <= everywhere
    assert ids(focused) == articles_in("SY", focus=True) == everywhere - {"ra-07", "ra-14"}
    assert as_counts(focused["facets"]["regions"]) == expected_as_counts(expected_tree(focus=True))
    assert ids(search(client, region="170063", focus="true")) == {"ra-01"}
    # Article 4 flags only Idlib city as its focus; Idlib governorate and Syria are its focus through it.
    assert "ra-04" in ids(search(client, region="SY-ID", focus="true")) & ids(focused)
    idlib = next(n for n in focused["facets"]["regions"][0]["children"] if n["code"] == "SY-ID")
    assert (idlib["name"], idlib["count"], [c["code"] for c in idlib["children"]]) == ("Idlib Governorate", 1, ["169389"])


def test_region_facet_ignores_its_own_filter_but_narrows_the_others(client):
    everything = search(client)
    ukraine = search(client, region="UA")
    assert ids(ukraine) == {"ra-06", "ra-07", "ra-08"}
    assert ukraine["facets"]["regions"] == everything["facets"]["regions"]
    assert counts(ukraine["facets"]["source"]) == {"alpha": 2, "beta": 1}
    assert counts(ukraine["facets"]["cited_sources"]) == {"Reuters": 2}
    assert {a["id"] for a in ukraine["facets"]["actors"]} == {"ru-armed-forces", "ua-afu", "ru-mod", "ua-mod", "intl-un"}
    # The tree respects the other facets: only gamma's articles (9, 10, 11, 15).
    gamma = search(client, source="gamma")["facets"]["regions"]
    assert as_counts(gamma) == expected_as_counts(expected_tree([a for a in ARTICLES if a.source == "gamma"]))


# --- actors ----------------------------------------------------------------------------------------

def test_actor_facet_counts_linked_actors_by_id(client):
    actors = search(client)["facets"]["actors"]
    by_id = {a["id"]: a for a in actors}
    assert by_id["sy-hts"] == {"name": "Hayat Tahrir al-Sham", "id": "sy-hts", "type": "rebel_group", "country": "SY",
                               "linked": True, "count": 3}
    assert [a["count"] for a in actors] == sorted((a["count"] for a in actors), reverse=True)
    # Two actors share a canonical name and stay apart.
    assert {(a["id"], a["country"]) for a in actors if a["name"] == "Ministry of Defence"} == {("ru-mod", "RU"), ("ua-mod", "UA")}
    assert all(a["linked"] for a in actors) and "Abu Khaled" not in {a["name"] for a in actors}
    assert {a["id"]: a["count"] for a in actors} == {m.id: len(with_actor(m.id)) for a in ARTICLES for m in a.actors if m.linked}


def test_unlinked_actors_only_on_request(client):
    actors = search(client, include_unlinked="true")["facets"]["actors"]
    abu = next(a for a in actors if a["name"] == "Abu Khaled")
    assert (abu["id"], abu["linked"], abu["type"], abu["count"]) == (None, False, "person", 2)
    assert "Local Council" in {a["name"] for a in actors}
    assert "person" in counts(search(client, include_unlinked="true")["facets"]["actor_types"])
    assert "person" not in counts(search(client)["facets"]["actor_types"])
    # Naming an unlinked actor filters by it either way.
    assert ids(search(client, actor="Abu Khaled")) == {"ra-12", "ra-14"}


@pytest.mark.parametrize("value", ["sy-hts", "Hayat Tahrir al-Sham"])
def test_actor_filter_by_id_or_canonical_name(client, value):
    assert ids(search(client, actor=value)) == {"ra-01", "ra-03", "ra-04"}


def test_actor_co_occurrence(client):
    both = search(client, actor=["sy-hts", "Russian Armed Forces"])
    assert ids(both) == with_actor("sy-hts") & with_actor("ru-armed-forces") == {"ra-03"}
    either = search(client, actor=["sy-hts", "ru-armed-forces"], actor_mode="any")
    assert ids(either) == with_actor("sy-hts") | with_actor("ru-armed-forces")
    assert ids(search(client, actor=["sy-hts", "sd-rsf"])) == set()


def test_actor_facet_shows_co_occurrence_in_all_mode_and_ignores_itself_in_any_mode(client):
    everything = {a["id"]: a["count"] for a in search(client)["facets"]["actors"]}
    all_mode = {a["id"]: a["count"] for a in search(client, actor="sy-hts")["facets"]["actors"]}
    # Next to each actor: the articles it shares with HTS, i.e. what ticking it would leave.
    assert all_mode == {m.id: len(with_actor("sy-hts") & with_actor(m.id))
                        for a in ARTICLES if a.id in with_actor("sy-hts") for m in a.actors if m.linked}
    assert all_mode["ru-armed-forces"] == len(ids(search(client, actor=["sy-hts", "ru-armed-forces"])))
    any_mode = {a["id"]: a["count"] for a in search(client, actor="sy-hts", actor_mode="any")["facets"]["actors"]}
    assert any_mode == everything


def test_actor_type_filter_and_facets(client):
    r = search(client, actor_type="rebel_group")
    rebels = {a.id for a in ARTICLES if any(m.type == "rebel_group" and m.linked for m in a.actors)}
    assert ids(r) == rebels == {"ra-01", "ra-03", "ra-04", "ra-09", "ra-10", "ra-11"}
    # The actor facet lists actors of the chosen type only; the type facet ignores its own filter.
    assert {a["type"] for a in r["facets"]["actors"]} == {"rebel_group"}
    assert counts(r["facets"]["actor_types"]) == counts(search(client)["facets"]["actor_types"])
    assert counts(r["facets"]["actor_types"])["state_forces"] == 10
    several = search(client, actor_type=["rebel_group", "government"])
    assert ids(several) == rebels | {"ra-06", "ra-07"}
    # Unlinked actors count for the type filter only when asked for.
    assert ids(search(client, actor_type="person")) == set()
    assert ids(search(client, actor_type="person", include_unlinked="true")) == {"ra-12", "ra-14"}


# --- cited sources ---------------------------------------------------------------------------------

def test_cited_source_facet_and_filter(client):
    r = search(client)
    assert counts(r["facets"]["cited_sources"]) == {"Reuters": 5, "SANA": 3, "SOHR": 2, "UN OCHA": 2}
    picked = search(client, cited_source=["SOHR", "UN OCHA"])
    assert ids(picked) == {"ra-01", "ra-03", "ra-09", "ra-10"}
    assert counts(picked["facets"]["cited_sources"]) == counts(r["facets"]["cited_sources"])


def test_each_facet_ignores_only_its_own_filter(client):
    r = search(client, actor_type="rebel_group", cited_source="Reuters")
    assert ids(r) == {"ra-03", "ra-09"}
    reuters = {a.id for a in ARTICLES if "Reuters" in a.cited_sources}
    rebels = {a.id for a in ARTICLES if any(m.type == "rebel_group" for m in a.actors)}
    # Cited sources counted over the rebel-group articles; actor types over the Reuters articles.
    assert counts(r["facets"]["cited_sources"]) == {"SOHR": 2, "Reuters": 2, "UN OCHA": 2}
    assert counts(r["facets"]["actor_types"]) == {
        t: len({a.id for a in ARTICLES if a.id in reuters and any(m.type == t and m.linked for m in a.actors)})
        for t in {m.type for a in ARTICLES if a.id in reuters for m in a.actors if m.linked}
    }
    assert counts(r["facets"]["source"]) == {"alpha": 1, "gamma": 1}
    tree = as_counts(r["facets"]["regions"])
    assert {cc: c for cc, (c, _) in tree.items()} == {"SY": 1, "SD": 1}
    assert sum(b["count"] for b in r["facets"]["per_day"]) == r["total"]
    assert rebels & reuters == ids(r)


# --- hits and empty enrichment ---------------------------------------------------------------------

def test_hits_show_focus_region_and_top_actors(client):
    hit = next(h for h in search(client, region="SY-HL")["hits"] if h["id"] == "ra-03")
    assert hit["focus_regions"] == [
        {"level": "locality", "code": "170005", "name": "Aleppo", "admin1": "Aleppo Governorate", "country": "Syria"}
    ]
    assert [a["id"] for a in hit["top_actors"]] == ["sy-hts", "ru-armed-forces"]
    unlinked = next(h for h in search(client, actor="Abu Khaled")["hits"] if h["id"] == "ra-14")
    assert unlinked["focus_regions"] == [] and unlinked["top_actors"] == []
    shown = next(h for h in search(client, actor="Abu Khaled", include_unlinked="true")["hits"] if h["id"] == "ra-14")
    assert [a["name"] for a in shown["top_actors"]] == ["Abu Khaled", "Local Council"]


def test_article_without_enrichment_is_found_and_breaks_nothing(client):
    r = search(client, q="zebra")
    assert ids(r) == {"ra-13"}
    assert r["hits"][0]["focus_regions"] == [] and r["hits"][0]["top_actors"] == []
    facets = r["facets"]
    assert facets["regions"] == [] and facets["actors"] == [] and facets["actor_types"] == [] and facets["cited_sources"] == []
    assert search(client)["total"] == len(ARTICLES)
    assert client.get("/articles/ra-13").json()["regions"] == []


# --- autocompletion and bad input ------------------------------------------------------------------

@pytest.mark.parametrize(
    "params, expected",
    [
        ({"prefix": "tah"}, ["sy-hts"]),  # a word inside the name
        ({"prefix": "HAYAT"}, ["sy-hts"]),
        ({"prefix": "sy-"}, ["sy-gov-forces", "sy-hts"]),  # the id
        ({"prefix": "armed"}, ["ru-armed-forces", "ua-afu", "sd-saf"]),
        ({"prefix": "armed", "actor_type": "state_forces", "size": 1}, ["ru-armed-forces"]),
        ({"prefix": "abu"}, []),
        ({"prefix": "abu", "include_unlinked": "true"}, [None]),
        ({"prefix": "al-s"}, ["sy-hts"]),  # a word may hold a hyphen
        ({"prefix": "ham"}, []),  # words start after a space or hyphen, not inside one ("al-Sham")
        ({"prefix": "(["}, []),  # regexp syntax is taken literally
    ],
)
def test_actor_autocomplete(client, params, expected):
    r = client.get("/actors", params=params)
    assert r.status_code == 200, r.text
    got = r.json()
    assert sorted(a["id"] or "" for a in got) == sorted(e or "" for e in expected)
    assert [a["count"] for a in got] == sorted((a["count"] for a in got), reverse=True)


@pytest.mark.parametrize(
    "path, params, param",
    [
        ("/search", {"region": "Syria"}, "region"),
        ("/search", {"region": ["SY", "SY HM"]}, "region"),
        ("/search", {"actor_mode": "some"}, "actor_mode"),
        ("/search", {"focus": "maybe"}, "focus"),
        ("/search", {"include_unlinked": "2"}, "include_unlinked"),
        ("/search", {"country_size": 0}, "country_size"),
        ("/search", {"locality_size": 101}, "locality_size"),
        ("/search", {"country_size": 200, "admin1_size": 10, "locality_size": 10}, None),
        ("/search", {"actor": "x" * 201}, "actor"),
        ("/search", {"cited_source": ["s"] * 101}, "cited_source"),
        ("/actors", {}, "prefix"),
        ("/actors", {"prefix": ""}, "prefix"),
        ("/actors", {"prefix": "a", "size": 51}, "size"),
    ],
)
def test_bad_parameters_are_422_with_message(client, path, params, param):
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["detail"].startswith("invalid request") and body["errors"][0]["param"] == param
