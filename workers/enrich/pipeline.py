"""Enrichment composed: actor-base matches and NER spans first (so names are not taken for places),
then regions with the dateline and focus, then actors linked in the story's country context, then
cited sources. Offsets are character positions in the article text."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from indexer.article import ActorMention, Article, RegionMention

from .actors import default_matcher
from .cited import cited_sources
from .gazetteer import Gazetteer, fold
from .ner import configured_model, load_model
from .ner import entities as find_entities
from .regions import find_regions

# The Article fields this stage owns (re-enrichment rewrites exactly these).
ENRICHMENT_FIELDS = ("regions", "actors", "cited_sources", "dateline", "enriched_at")


@dataclass
class Enrichment:
    regions: list[RegionMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    cited_sources: list[str] = field(default_factory=list)
    dateline: RegionMention | None = None

    @property
    def focus(self) -> list[RegionMention]:
        return [region for region in self.regions if region.focus]

    def as_json(self) -> dict:
        """Everything, mention offsets included (the index leaves offsets out)."""
        def with_offsets(mention) -> dict:
            return {**mention.model_dump(mode="json"), "offsets": [list(span) for span in mention.offsets]}

        return {
            "dateline": with_offsets(self.dateline) if self.dateline else None,
            "focus": [region.code for region in self.focus],
            "regions": [with_offsets(region) for region in self.regions],
            "actors": [with_offsets(actor) for actor in self.actors],
            "cited_sources": self.cited_sources,
        }


def country_weights(regions: list[RegionMention]) -> dict[str, float]:
    """How much the story is about each country: mentions at any level, focus counting double."""
    weights: dict[str, float] = {}
    for region in regions:
        weights[region.country_code] = weights.get(region.country_code, 0.0) + region.mentions * (2 if region.focus else 1)
    return weights


def gazetteer_names(gazetteer: Gazetteer, text: str,
                    spans: list[tuple[int, int, int]] | None = None) -> list[tuple[int, int]]:
    """Capitalised gazetteer names: spans the NER model need not see unless a name runs on past them.
    `spans`: the text's gazetteer spans when already found."""
    found = gazetteer.span_list(fold(text)) if spans is None else spans
    return [(start, end) for start, end, _ in found if text[start].isupper()]


def enrich_text(text: str, title: str = "", outlet: str | None = None) -> Enrichment:
    matcher, gazetteer = default_matcher(), Gazetteer.load()
    matches = matcher.find(text)
    actor_spans = [(m.start, m.end) for m in matches if m.candidates]
    ner_on = load_model(configured_model()) is not None
    spans = gazetteer.span_list(fold(text))  # one gazetteer pass serves the NER skip spans and the regions
    names = find_entities(text, skip_spans=actor_spans + gazetteer_names(gazetteer, text, spans)) if ner_on else []
    places = find_regions(title, text, skip_spans=actor_spans, entities=names, gazetteer=gazetteer, spans=spans)
    place_spans = [span for region in places.regions for span in region.offsets]
    if places.dateline:
        place_spans += places.dateline.offsets
    actors = matcher.link(matches, text, country_weights(places.regions), names, skip_spans=place_spans)
    if outlet:  # "told the Harbour Daily Wire": the publishing outlet is no actor of its own story
        own = fold(outlet).lower()
        actors = [a for a in actors if a.linked or fold(a.name).lower().removeprefix("the ") != own]
    cited = cited_sources(text, actors, names, outlet=outlet, skip_spans=place_spans)
    return Enrichment(places.regions, actors, cited, places.dateline)


def enrich_article(article: Article) -> Article:
    """The article with its enrichment fields filled from its title and text."""
    found = enrich_text(article.text, article.title, outlet=article.site_name or article.source)
    return article.model_copy(update={
        "regions": found.regions, "actors": found.actors, "cited_sources": found.cited_sources,
        "dateline": found.dateline, "enriched_at": datetime.now(timezone.utc),
    })


def warm_up() -> None:
    """Load the gazetteer, the actor base and the NER model now, so a worker's first page is not slow."""
    Gazetteer.load()
    default_matcher()
    load_model(configured_model())
