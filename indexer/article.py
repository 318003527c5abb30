"""The Article schema shared by workers, indexer and API; its Elasticsearch mapping sits beside it
in templates/articles.json, and the two are checked against each other in tests."""
from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class RegionMention(BaseModel):
    """A resolved place at one level of country → admin1 → locality (filled by enrichment)."""

    level: str  # "country" | "admin1" | "locality"
    code: str  # ISO 3166-1 alpha-2, ISO 3166-2 / GeoNames admin1 code, or GeoNames id
    name: str
    country_code: str
    country: str | None = None
    admin1_code: str | None = None
    admin1: str | None = None
    location: dict[str, float] | None = None  # {"lat": .., "lon": ..}
    mentions: int = 1
    focus: bool = False
    offsets: list[tuple[int, int]] = Field(default_factory=list, exclude=True)


class ActorMention(BaseModel):
    """An actor named in the text: linked to the actor base, or found by NER and left unlinked."""

    name: str  # canonical name when linked to the actor base, the text's form otherwise
    id: str | None = None  # actor-base id when linked
    type: str | None = None
    country: str | None = None
    parent: str | None = None
    linked: bool = True
    mentions: int = 1
    offsets: list[tuple[int, int]] = Field(default_factory=list, exclude=True)


class Article(BaseModel):
    id: str  # derived from the canonical URL: re-crawls overwrite, never duplicate
    url: str  # canonical URL
    fetched_url: str
    source: str  # the outlet's key (sites.yaml name or domain)
    domain: str
    title: str
    text: str
    description: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: datetime | None = None
    language: str | None = None
    site_name: str | None = None
    top_image: str | None = None
    tags: list[str] = Field(default_factory=list)
    fetched_at: datetime
    extractor: str = "trafilatura"
    word_count: int = 0

    # Enrichment: reserved now, filled by the regions-and-actors stage.
    regions: list[RegionMention] = Field(default_factory=list)
    actors: list[ActorMention] = Field(default_factory=list)
    cited_sources: list[str] = Field(default_factory=list)
    dateline: RegionMention | None = None  # where the story was filed, kept apart from what it is about
    enriched_at: datetime | None = None
