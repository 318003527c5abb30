"""GET /search: full-text search with facet filters, a date range and paging."""
from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError
from pydantic import BeforeValidator, ValidationError

from api.deps import EsDep, SettingsDep
from api.schemas import Problem
from indexer.queries import MAX_PAGE_SIZE, MAX_QUERY_CHARS, SearchParams, SearchResult, search

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
    region: Annotated[list[str], Query(description="region codes (country, admin1 or locality)")] = [],
    actor: Annotated[list[str], Query(description="actor names")] = [],
    cited_source: Annotated[list[str], Query(description="sources cited by the article")] = [],
    from_: Annotated[OptionalDay, Query(alias="from", description="first day, YYYY-MM-DD (UTC)")] = None,
    to: Annotated[OptionalDay, Query(description="last day, YYYY-MM-DD (UTC), inclusive")] = None,
    page: Annotated[int, Query(ge=1)] = 1,
    size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 10,
) -> SearchResult:
    """Hits for one page, the total, and facet counts. Each facet's counts ignore that facet's own
    selection so the other values stay visible; the per-day histogram honours every filter."""
    params = to_params(
        q=q, source=source, language=lang, region=region, actor=actor, cited_source=cited_source,
        date_from=from_, date_to=to, page=page, size=size,
    )
    return search(es, settings.index_alias, params)
