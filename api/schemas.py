"""Response schemas owned by the API. Search results and articles reuse the indexer's models
(indexer.queries.SearchResult, indexer.article.Article) so there is one definition of each."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class ParamError(BaseModel):
    param: str | None = Field(None, description="the query parameter at fault, when there is one")
    msg: str


class Problem(BaseModel):
    """Every error response: a sentence for people, and per-parameter details for invalid input."""

    detail: str
    errors: list[ParamError] | None = None


class ElasticsearchHealth(BaseModel):
    ok: bool
    cluster_status: str | None = None  # green | yellow | red
    alias: str
    index_exists: bool | None = None
    documents: int | None = None
    error: str | None = None


class RedisHealth(BaseModel):
    ok: bool
    queue: str
    queue_depth: int | None = Field(None, description="tasks waiting on the worker queue")
    outcomes: dict[str, int] = Field(default_factory=dict, description="pages done, discarded, retried, quarantined")
    error: str | None = None


class HealthReport(BaseModel):
    status: Literal["ok", "unavailable"]
    down: list[str] = Field(default_factory=list, description="dependencies that failed their check")
    elasticsearch: ElasticsearchHealth
    redis: RedisHealth
