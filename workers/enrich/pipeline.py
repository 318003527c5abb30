"""Enrichment composed: actor-base matches and NER spans first (so names are not taken for places),
then regions with the dateline and focus, then actors linked in the story's country context, then
cited sources. Offsets are character positions in the article text."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Sequence

from indexer.article import ActorMention, Article, RegionMention

from .actors import default_matcher
from .cited import sources_and_actors
from .gazetteer import Gazetteer, fold
from .ner import configured_model, load_model
from .ner import entities_many
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
    return enrich_texts([(text, title, outlet)])[0]


def enrich_texts(stories: Sequence[tuple[str, str, str | None]]) -> list[Enrichment]:
    """enrich_text for several (text, title, outlet) at once: the same result for each, with one call of the NER
    model for all of them, which spares the model's fixed cost per call (a worker enriches a batch of pages)."""
    matcher, gazetteer = default_matcher(), Gazetteer.load()
    found = [matcher.find(text) for text, _, _ in stories]
    actor_spans = [[(m.start, m.end) for m in matches if m.candidates] for matches in found]
    spans = [gazetteer.span_list(fold(text)) for text, _, _ in stories]  # one pass: NER skip spans and regions
    if load_model(configured_model()) is not None:
        names = entities_many([(text, known + gazetteer_names(gazetteer, text, places))
                               for (text, _, _), known, places in zip(stories, actor_spans, spans)])
    else:
        names = [[] for _ in stories]
    return [_finish(story, *state, gazetteer) for story, *state in zip(stories, found, actor_spans, spans, names)]


def _finish(story: tuple[str, str, str | None], matches: list, actor_spans: list[tuple[int, int]],
            spans: list[tuple[int, int, int]], names: list, gazetteer: Gazetteer) -> Enrichment:
    """Regions, actors and cited sources of one story, from its matches, gazetteer spans and entities."""
    text, title, outlet = story
    places = find_regions(title, text, skip_spans=actor_spans, entities=names, gazetteer=gazetteer, spans=spans)
    place_spans = [span for region in places.regions for span in region.offsets]
    if places.dateline:
        place_spans += places.dateline.offsets
    actors = default_matcher().link(matches, text, country_weights(places.regions), names, skip_spans=place_spans)
    if outlet:  # "told the Harbour Daily Wire": the publishing outlet is no actor of its own story
        own = fold(outlet).lower()
        actors = [a for a in actors if a.linked or fold(a.name).lower().removeprefix("the ") != own]
    cited, cited_only = sources_and_actors(text, actors, names, outlet=outlet, skip_spans=place_spans)
    if cited_only:  # every cited source is an actor (guideline section 4)
        actors = sorted(actors + cited_only, key=lambda m: m.offsets[0] if m.offsets else (len(text), 0))
    return Enrichment(places.regions, actors, cited, places.dateline)


def enrich_article(article: Article) -> Article:
    """The article with its enrichment fields filled from its title and text."""
    return enrich_articles([article])[0]


def enrich_articles(articles: Sequence[Article]) -> list[Article]:
    """enrich_article for a batch (one NER call for all of them)."""
    found = enrich_texts([(a.text, a.title, a.site_name or a.source) for a in articles])
    now = datetime.now(timezone.utc)
    return [article.model_copy(update={
        "regions": f.regions, "actors": f.actors, "cited_sources": f.cited_sources, "dateline": f.dateline,
        "enriched_at": now,
    }) for article, f in zip(articles, found)]


def warm_up() -> None:
    """Load the gazetteer, the actor base and the NER model now, so a worker's first page is not slow."""
    Gazetteer.load()
    default_matcher()
    load_model(configured_model())
