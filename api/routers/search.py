"""GET /search: full-text search with facet filters (source, language, region, actor, actor type,
cited source), a date range and paging."""
from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError
from pydantic import BeforeValidator, ValidationError

from api.deps import EsDep, SettingsDep
from api.schemas import Problem
from indexer.queries import (
    MAX_ACTORS,
    MAX_CHILDREN,
    MAX_COUNTRIES,
    MAX_PAGE_SIZE,
    MAX_QUERY_CHARS,
    SearchParams,
    SearchResult,
    search,
)

router = APIRouter(tags=["search"])

# SearchParams field → the query parameter a client sends.
HTTP_NAMES = {"language": "lang", "date_from": "from", "date_to": "to"}


def _blank_is_none(value):
    # HTML forms send an empty date input as `from=`; that means no bound, not a malformed date.
    return None if value == "" else value


OptionalDay = Annotated[date | None, BeforeValidator(_blank_is_none)]


def to_params(**fields) -> SearchParams:
    """Build SearchParams, reporting cross-parameter problems (from after to, paging too deep) the
    same way as single-parameter ones."""
    try:
        return SearchParams(**fields)
    except ValidationError as exc:
        raise RequestValidationError(
            [
                {**e, "loc": ("query", *(HTTP_NAMES.get(str(p), str(p)) for p in e["loc"][:1]))}
                for e in exc.errors(include_url=False, include_context=False)
            ]
        ) from None


@router.get(
    "/search",
    response_model=SearchResult,
    responses={422: {"model": Problem, "description": "invalid parameters"}, 503: {"model": Problem}},
)
def search_articles(
    settings: SettingsDep,
    es: EsDep,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description='words (all must match) and "quoted phrases"')] = "",
    source: Annotated[list[str], Query(description="outlet keys; repeat to select several")] = [],
    lang: Annotated[list[str], Query(description="language codes; repeat to select several")] = [],
    region: Annotated[list[str], Query(description="region codes at any level: country (SY), admin1 (SY-HM) or GeoNames locality id; repeat for any of several")] = [],
    focus: Annotated[bool, Query(description="region filter and region facet count only the articles' focus regions")] = False,
    actor: Annotated[list[str], Query(description="actor canonical names or actor-base ids; repeatable")] = [],
    actor_mode: Annotated[Literal["all", "any"], Query(description="all: every listed actor appears in the article (co-occurrence); any: at least one")] = "all",
    actor_type: Annotated[list[str], Query(description="articles with at least one actor of any of these types")] = [],
    include_unlinked: Annotated[bool, Query(description="also count actors not in the actor base (facets, actor_type filter, hits' top actors)")] = False,
    cited_source: Annotated[list[str], Query(description="sources the article cites; repeat for any of several")] = [],
    from_: Annotated[OptionalDay, Query(alias="from", description="first day, YYYY-MM-DD (UTC)")] = None,
    to: Annotated[OptionalDay, Query(description="last day, YYYY-MM-DD (UTC), inclusive")] = None,
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 10,
    country_size: Annotated[int, Query(ge=1, le=MAX_COUNTRIES, description="countries in the region facet")] = 30,
    admin1_size: Annotated[int, Query(ge=1, le=MAX_CHILDREN, description="admin1 regions per country")] = 10,
    locality_size: Annotated[int, Query(ge=1, le=MAX_CHILDREN, description="localities per admin1 (or per country when the admin1 is unknown)")] = 10,
    actor_size: Annotated[int, Query(ge=1, le=MAX_ACTORS, description="actors in the actor facet")] = 30,
) -> SearchResult:
    """Hits for one page, the total, and facets: source, language, cited sources, actor types,
    actors, and regions as a country → admin1 → locality tree, all counting articles. Each facet's
    counts ignore that facet's own selection so the other values stay visible, except the actor facet
    with actor_mode=all, which counts co-occurrence with the chosen actors. The per-day histogram
    honours every filter."""
    params = to_params(
        q=q, source=source, language=lang, region=region, focus=focus, actor=actor, actor_mode=actor_mode,
        actor_type=actor_type, include_unlinked=include_unlinked, cited_source=cited_source,
        date_from=from_, date_to=to, page=page, size=size, country_size=country_size,
        admin1_size=admin1_size, locality_size=locality_size, actor_size=actor_size,
    )
    return search(es, settings.index_alias, params)
