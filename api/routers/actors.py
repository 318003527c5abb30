"""GET /actors: actors whose name or id starts with what the user typed, for autocompletion."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import EsDep, SettingsDep
from api.schemas import Problem
from indexer.queries import MAX_VALUE_CHARS, ActorBucket, lookup_actors

router = APIRouter(tags=["actors"])

MAX_SUGGESTIONS = 50


@router.get(
    "/actors",
    response_model=list[ActorBucket],
    responses={422: {"model": Problem, "description": "invalid parameters"}, 503: {"model": Problem}},
)
def suggest_actors(
    settings: SettingsDep,
    es: EsDep,
    prefix: Annotated[str, Query(min_length=1, max_length=MAX_VALUE_CHARS, description="start of a word of the name (any case), or of the id")],
    actor_type: Annotated[list[str], Query(description="only actors of these types")] = [],
    include_unlinked: Annotated[bool, Query(description="also actors not in the actor base")] = False,
    size: Annotated[int, Query(ge=1, le=MAX_SUGGESTIONS)] = 10,
) -> list[ActorBucket]:
    """Matching actors with the number of indexed articles naming them, most frequent first."""
    return lookup_actors(es, settings.index_alias, prefix.strip(), actor_type, include_unlinked, size)
