"""Actors and cited sources against the demo gold (demo/articles/*/*.yaml `gold.actors`, `gold.cited_sources`),
on articles extracted by the real extraction stage; dev/held-out split by sha1(slug) parity; CPU time per
article of extraction, base matching and NER side by side.

    python bench/enrich_eval_actors.py                 # dev half (even sha1) and held-out half
    python bench/enrich_eval_actors.py --half dev -v   # dev only, with per-article misses
    python bench/enrich_eval_actors.py --countries gold    # story countries from the gold instead of regions
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field

from workers.enrich import ner
from workers.enrich.actors import ActorBase, ActorMatcher, default_matcher, fold
from workers.enrich.cited import cited_sources
from workers.enrich.gazetteer import Gazetteer
from workers.enrich.pipeline import country_weights
from workers.enrich.regions import find_regions
from workers.extract import extract_article

FETCHED_AT = "2026-11-24T12:00:00Z"


def half_of(slug: str) -> str:
    return "dev" if int(hashlib.sha1(slug.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def demo_articles() -> list[dict]:
    """Each demo article once (samples included): its gold and the page its outlet serves."""
    from demo import site

    world = site.build_world(samples=True)
    bases = site.default_base_urls()
    seen, items = set(), []
    for key in site.load_outlets():
        if key not in world or key == "faulty":
            continue
        for article in site.load_articles(key, samples=True):
            if article["slug"] in seen or "gold" not in article:
                continue
            seen.add(article["slug"])
            response = world[key][article["path"]]
            url = bases[key] + article["path"]
            page = {"url": url, "final_url": url, "status": 200, "headers": dict(response.headers),
                    "html": response.body.decode("utf-8"), "encoding": "utf-8", "fetched_at": FETCHED_AT,
                    "source": key, "discovered_via": "bench"}
            items.append({"slug": article["slug"], "outlet": key, "gold": article["gold"] or {}, "page": page})
    return items


def place_spans(text: str) -> list[tuple[int, int]]:
    """Capitalised gazetteer names in text: spans NER need not look at unless a name goes on past them."""
    from workers.enrich import gazetteer

    gaz = gazetteer.Gazetteer.load()
    return [(m.start, m.end) for m in gaz.scan(gazetteer.fold(text)) if text[m.start:m.end][:1].isupper()]


def _key(name: str) -> str:
    return " ".join(fold(name).lower.replace(".", "").split())


class Resolver:
    """Gold names to actor-base ids through the base's own names and aliases (gold country breaks ties)."""

    def __init__(self, matcher: ActorMatcher):
        self.base = matcher.base
        self.index: dict[str, list[str]] = {}
        for actor in self.base.actors.values():
            for name in (actor.name, *actor.aliases):
                ids = self.index.setdefault(_key(name), [])
                if actor.id not in ids:
                    ids.append(actor.id)

    def __call__(self, name: str, country: str | None = None) -> str | None:
        ids = self.index.get(_key(name), [])
        if len(ids) > 1 and country:
            ids = [i for i in ids if self.base.actors[i].country == country] or ids
        return ids[0] if len(ids) == 1 else None


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set, gold: set) -> tuple[set, set]:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        return predicted - gold, gold - predicted

    def prf(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


@dataclass
class Result:
    linked: Tally = field(default_factory=Tally)
    unlinked: Tally = field(default_factory=Tally)
    cited: Tally = field(default_factory=Tally)
    types: Counter = field(default_factory=Counter)
    linked_types: Counter = field(default_factory=Counter)
    unlinkable: int = 0
    cpu: dict = field(default_factory=lambda: {"extract": [], "match": [], "ner": [], "link": [], "cited": [], "regions": []})


def _same_source(predicted: str, gold: str, resolve: Resolver) -> bool:
    if _key(predicted) == _key(gold):
        return True
    a, b = resolve(predicted), resolve(gold)
    return a is not None and a == b


def evaluate(items: list[dict], matcher: ActorMatcher, countries_from: str, verbose: bool, ner_skips_places: bool = True) -> Result:
    resolve = Resolver(matcher)
    result = Result()
    for item in items:
        gold = item["gold"]
        t0 = time.process_time()
        article = extract_article(item["page"])
        t1 = time.process_time()
        # as workers.enrich.pipeline.enrich_text does: actors in the text, regions from title and text
        text = article.text
        matches = matcher.find(text)
        t2 = time.process_time()
        actor_spans = [(m.start, m.end) for m in matches if m.candidates]
        skip_for_ner = actor_spans + (place_spans(text) if ner_skips_places else [])
        entities = ner.entities(text, skip_spans=skip_for_ner)
        t3 = time.process_time()
        skip: list[tuple[int, int]] = []
        if countries_from == "gold":
            countries = set(gold.get("countries") or [])
        else:
            found = find_regions(article.title, text, skip_spans=actor_spans, entities=entities, gazetteer=Gazetteer.load())
            countries = country_weights(found.regions)
            skip = [span for region in found.regions for span in region.offsets]
            if found.dateline:
                skip += found.dateline.offsets
        t3b = time.process_time()
        actors = matcher.link(matches, text, countries, entities, skip_spans=skip)
        t4 = time.process_time()
        cited = cited_sources(text, actors, entities, outlet=article.site_name or article.source, skip_spans=skip)
        t5 = time.process_time()
        result.cpu["regions"].append((t3b - t3) * 1000)
        for name, a, b in (("extract", t0, t1), ("match", t1, t2), ("ner", t2, t3), ("link", t3b, t4), ("cited", t4, t5)):
            result.cpu[name].append((b - a) * 1000)

        gold_actors = gold.get("actors") or []
        gold_ids, gold_free = {}, {}
        for g in gold_actors:
            actor_id = resolve(g["name"], g.get("country"))
            if actor_id:
                gold_ids[actor_id] = g
            else:
                gold_free[_key(g["name"])] = g
        result.unlinkable += len(gold_free)
        predicted_ids = {a.id: a for a in actors if a.linked}
        extra, missed = result.linked.add(set(predicted_ids), set(gold_ids))
        for actor_id in set(predicted_ids) & set(gold_ids):
            same = predicted_ids[actor_id].type == gold_ids[actor_id].get("type")
            result.types[same] += 1
            result.linked_types[same] += 1
        free = {_key(a.name): a for a in actors if not a.linked}
        extra_free, missed_free = result.unlinked.add(set(free), set(gold_free))
        for key in set(free) & set(gold_free):
            result.types[free[key].type == gold_free[key].get("type")] += 1

        gold_cited = list(gold.get("cited_sources") or [])
        hit_gold = {g for g in gold_cited if any(_same_source(p, g, resolve) for p in cited)}
        hit_pred = {p for p in cited if any(_same_source(p, g, resolve) for g in gold_cited)}
        result.cited.tp += len(hit_gold)
        result.cited.fn += len(gold_cited) - len(hit_gold)
        result.cited.fp += len(set(cited) - hit_pred)

        if verbose:
            wrong_types = [(i, predicted_ids[i].type, gold_ids[i].get("type")) for i in set(predicted_ids) & set(gold_ids)
                           if predicted_ids[i].type != gold_ids[i].get("type")]
            lines = []
            if extra:
                lines.append(f"  linked extra : {sorted(extra)}")
            if missed:
                lines.append(f"  linked missed: {sorted(missed)}")
            if wrong_types:
                lines.append(f"  wrong type   : {wrong_types}")
            if missed_free:
                lines.append(f"  gold not in base, not found: {sorted(gold_free[k]['name'] for k in missed_free)}")
            if extra_free:
                lines.append(f"  unlinked extra: {sorted(free[k].name for k in extra_free)}")
            if set(gold_cited) - hit_gold or set(cited) - hit_pred:
                lines.append(f"  cited missed {sorted(set(gold_cited) - hit_gold)}  extra {sorted(set(cited) - hit_pred)}")
            if lines:
                print(f"{item['outlet']}/{item['slug']}  countries={sorted(countries)}")
                print("\n".join(lines))
    return result


def report(name: str, items: list[dict], result: Result) -> None:
    print(f"== {name}: {len(items)} articles")
    print(f"linked actors    {result.linked.prf()}")
    print(f"unlinked actors  {result.unlinked.prf()}   (gold actors not in the base: {result.unlinkable})")
    total = result.types[True] + result.types[False]
    print(f"actor type acc   {result.types[True] / total if total else 0:.3f}  ({result.types[True]}/{total}, matched actors)"
          f"   linked only {result.linked_types[True] / max(1, sum(result.linked_types.values())):.3f}")
    print(f"cited sources    {result.cited.prf()}")
    cpu = {k: statistics.mean(v) for k, v in result.cpu.items() if v}
    print("cpu ms/article   " + "  ".join(f"{k} {v:.2f}" for k, v in cpu.items())
          + f"   | match/extract {cpu['match'] / cpu['extract']:.3f}"
          + f"  actors+ner+cited/extract {(cpu['match'] + cpu['ner'] + cpu['link'] + cpu['cited']) / cpu['extract']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--half", choices=["dev", "held-out", "both"], default="both")
    parser.add_argument("--countries", choices=["gold", "regions"], default="regions",
                        help="story countries for link(): weights from workers.enrich.regions (default), or the gold")
    parser.add_argument("--ner-all-places", action="store_true",
                        help="let NER see gazetteer names too (as the pipeline does now) instead of skipping them")
    parser.add_argument("--base", help="actor base folder (default: workers/enrich/data/actors)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    items = demo_articles()
    matcher = ActorMatcher(ActorBase.load(args.base)) if args.base else default_matcher()
    ner.load_model(ner.configured_model())
    for item in items[:3]:  # warm-up: first calls pay for lazy imports and caches
        extract_article(item["page"])
    place_spans("Warm-up in Damascus.")
    print(f"actor base: {len(matcher.base)} actors; NER model: {ner.configured_model() or 'off'} "
          f"({'loaded' if ner.load_model(ner.configured_model()) else 'not available'}); countries from {args.countries}")
    halves = ["dev", "held-out"] if args.half == "both" else [args.half]
    for half in halves:
        subset = [i for i in items if half_of(i["slug"]) == half]
        report(half, subset, evaluate(subset, matcher, args.countries, args.verbose, not args.ner_all_places))


if __name__ == "__main__":
    main()
