"""Enrichment quality and speed on the demo corpus, as the workers run it: each demo page rendered, extracted
(workers.extract) and enriched (workers.enrich.pipeline), scored against the articles' `gold:` per field and
level, for a dev half (sha1(slug) even) and a held-out half (odd); then CPU time per article of extraction,
enrichment with NER and base + gazetteer matching alone, side by side, against the budgets of issue 3.

    python bench/enrich_eval.py                          # both halves, targets, timings
    python bench/enrich_eval.py -v                       # + misses per dev article (--half held-out for the other)
    python bench/enrich_eval.py --no-timing --floors country_f1=0.95,linked_f1=0.9   # CI gate on the whole set
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from indexer.article import Article
from newsindex.settings import get_settings
from workers.enrich import ner
from workers.enrich.actors import ActorMatcher, default_matcher, fold
from workers.enrich.gazetteer import Gazetteer, name_key
from workers.enrich.gazetteer import fold as place_fold
from workers.enrich.pipeline import enrich_article, enrich_texts, gazetteer_names
from workers.enrich.regions import find_regions
from workers.extract import extract_article

FETCHED_AT = "2026-11-24T12:00:00Z"
HALVES = ("dev", "held-out")
REGION_LEVELS = ("country", "admin1", "locality", "focus")
SCORED = (*REGION_LEVELS, "linked", "unlinked", "cited")  # precision / recall / F1 fields
ACCURACIES = ("dateline", "type_linked", "type_all")
# Issue 3 targets (metric -> floor) and speed budgets (stage -> at most this many times extraction).
TARGETS = {"country_f1": 0.95, "admin1_f1": 0.85, "locality_f1": 0.85, "linked_f1": 0.90, "type_linked_acc": 0.95}
BUDGETS = {"enrich": 1.0, "matching": 0.1}


# ---------------------------------------------------------------------------------------------
# Corpus: the demo articles, served and split the same way on every run.


def half_of(slug: str) -> str:
    return "dev" if int(hashlib.sha1(slug.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def demo_items() -> list[dict]:
    """Each demo article (demo.site.load_articles()) with its gold and the page its outlet serves, as the
    crawler hands it to the workers."""
    from demo import site

    world, bases = site.build_world(), site.default_base_urls()
    items = []
    for article in site.load_articles():
        response = world[article["outlet"]][article["path"]]
        url = bases[article["outlet"]] + article["path"]
        page = {"url": url, "final_url": url, "status": 200, "headers": dict(response.headers),
                "html": response.body.decode("utf-8"), "encoding": "utf-8", "fetched_at": FETCHED_AT,
                "source": article["outlet"], "discovered_via": "bench"}
        items.append({"slug": article["slug"], "outlet": article["outlet"], "half": half_of(article["slug"]),
                      "gold": article.get("gold") or {}, "page": page})
    return items


# ---------------------------------------------------------------------------------------------
# Gold names to codes and ids: places through the gazetteer ("CC", "CC:Admin1", "CC:Admin1:Locality"),
# actors through the actor base's own names and aliases.


def place_codes(gaz: Gazetteer, item: str) -> set[str]:
    """The codes a gold place may denote; "?item" when the gazetteer knows none (it can then only be missed)."""
    parts = item.split(":")
    if len(parts) == 1:
        return {parts[0]}
    if len(parts) == 2:
        found = gaz.lookup(parts[1], country=parts[0], level="admin1")
        return {p.code for p in found[:1]} or {f"?{item}"}
    cc, admin1, name = parts[0], parts[1], ":".join(parts[2:])
    found = gaz.lookup(name, country=cc, level="locality", admin1=admin1)
    admin1_codes = {p.code for p in gaz.lookup(admin1, country=cc, level="admin1")}
    inside = [p for p in found if p.admin1_code and gaz.admin1[p.admin1_code].code in admin1_codes]
    return {p.code for p in (inside or found)} or {f"?{item}"}


def region_gold(gaz: Gazetteer, gold: dict) -> dict[str, list[tuple[str, set[str]]]]:
    """Per level, each gold place as (its gold label, the codes it may resolve to)."""
    keys = {"country": "countries", "admin1": "admin1", "locality": "localities", "focus": "focus"}
    return {level: [(item, place_codes(gaz, item)) for item in gold.get(key) or []] for level, key in keys.items()}


def dateline_ok(gaz: Gazetteer, gold: dict | None, predicted) -> bool:
    if not gold:
        return predicted is None
    if predicted is None or (gold.get("country") and predicted.country_code != gold["country"]):
        return False
    return name_key(gold["name"]) == name_key(predicted.name) or predicted.code in {
        p.code for p in gaz.lookup(gold["name"], country=gold.get("country"))}


def actor_key(name: str) -> str:
    return " ".join(fold(name).lower.replace(".", "").split())


class ActorResolver:
    """Gold actor names to actor-base ids by exact name or alias (the gold country breaks ties); a gold actor
    that resolves is linkable, one that does not must be found unlinked."""

    def __init__(self, matcher: ActorMatcher):
        self.base = matcher.base
        self.index: dict[str, list[str]] = {}
        for actor in self.base.actors.values():
            for name in (actor.name, *actor.aliases):
                ids = self.index.setdefault(actor_key(name), [])
                if actor.id not in ids:
                    ids.append(actor.id)

    def __call__(self, name: str, country: str | None = None) -> str | None:
        ids = self.index.get(actor_key(name), [])
        if len(ids) > 1 and country:
            ids = [i for i in ids if self.base.actors[i].country == country] or ids
        return ids[0] if len(ids) == 1 else None

    def same_source(self, predicted: str, gold: str) -> bool:
        if actor_key(predicted) == actor_key(gold):
            return True
        a = self(predicted)
        return a is not None and a == self(gold)


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def prf(self) -> tuple[float, float, float]:
        """Precision is 1 when nothing was claimed, recall 1 when nothing was there to find."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Score:
    """Counts over a set of articles: a Tally per scored field, (right, total) per accuracy."""

    articles: int = 0
    tallies: dict[str, Tally] = field(default_factory=lambda: {name: Tally() for name in SCORED})
    right: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)

    def merge(self, other: "Score") -> "Score":
        self.articles += other.articles
        for name, t in other.tallies.items():
            self.tallies[name].add(t.tp, t.fp, t.fn)
        self.right.update(other.right)
        self.total.update(other.total)
        return self

    def metrics(self) -> dict[str, float]:
        """Flat names for floors and tests: <field>_p, <field>_r, <field>_f1 and <accuracy>_acc."""
        out = {}
        for name, tally in self.tallies.items():
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = tally.prf()
        for name in ACCURACIES:
            out[f"{name}_acc"] = self.right[name] / self.total[name] if self.total[name] else 1.0
        return out


def match_codes(gold: list[tuple[str, set[str]]], predicted: set[str]) -> tuple[int, list[str], set[str]]:
    """(true positives, missed gold labels, predicted codes left over): a gold place is found when any code
    it may denote was predicted; each predicted code serves one gold place."""
    left, tp, missed = set(predicted), 0, []
    for label, codes in gold:
        hit = codes & left
        if hit:
            tp += 1
            left.discard(min(hit))
        else:
            missed.append(label)
    return tp, missed, left


def score_article(article: Article, gold: dict, gaz: Gazetteer, resolve: ActorResolver) -> tuple[Score, list[str]]:
    """One enriched article against its gold: the counts, and a line per kind of miss."""
    score, misses = Score(articles=1), []

    predicted = {level: {r.code for r in article.regions if r.level == level} for level in REGION_LEVELS[:3]}
    predicted["focus"] = {r.code for r in article.regions if r.focus}
    for level, items in region_gold(gaz, gold).items():
        tp, missed, extra = match_codes(items, predicted[level])
        score.tallies[level].add(tp, len(extra), len(missed))
        if missed or extra:
            misses.append(f"  {level:9s} missed {missed}  extra {sorted(_place_label(gaz, c) for c in extra)}")
    ok = dateline_ok(gaz, gold.get("dateline"), article.dateline)
    score.right["dateline"] += ok
    score.total["dateline"] += 1
    if not ok:
        got = f"{article.dateline.name}, {article.dateline.country_code}" if article.dateline else None
        misses.append(f"  dateline  gold {gold.get('dateline')}  got {got}")

    gold_ids, gold_free = {}, {}
    for g in gold.get("actors") or []:
        actor_id = resolve(g["name"], g.get("country"))
        if actor_id:
            gold_ids[actor_id] = g
        else:
            gold_free[actor_key(g["name"])] = g
    linked = {a.id: a for a in article.actors if a.linked}
    free = {actor_key(a.name): a for a in article.actors if not a.linked}
    for name, pred, want in (("linked", linked, gold_ids), ("unlinked", free, gold_free)):
        both = set(pred) & set(want)
        score.tallies[name].add(len(both), len(set(pred) - both), len(set(want) - both))
        wrong = sorted((pred[k].name, pred[k].type, want[k].get("type")) for k in both if pred[k].type != want[k].get("type"))
        for kind in ("type_linked", "type_all") if name == "linked" else ("type_all",):
            score.right[kind] += len(both) - len(wrong)
            score.total[kind] += len(both)
        if set(want) - both or set(pred) - both:
            misses.append(f"  {name:9s} missed {sorted(want[k]['name'] for k in set(want) - both)}"
                          f"  extra {sorted(pred[k].name for k in set(pred) - both)}")
        if wrong:
            misses.append(f"  {name:9s} wrong type (name, got, gold) {wrong}")

    gold_cited, cited = list(gold.get("cited_sources") or []), list(article.cited_sources)
    found = [g for g in gold_cited if any(resolve.same_source(p, g) for p in cited)]
    extra = [p for p in cited if not any(resolve.same_source(p, g) for g in gold_cited)]
    score.tallies["cited"].add(len(found), len(extra), len(gold_cited) - len(found))
    if len(found) < len(gold_cited) or extra:
        misses.append(f"  cited     missed {[g for g in gold_cited if g not in found]}  extra {extra}")
    return score, misses


def _place_label(gaz: Gazetteer, code: str) -> str:
    place = next((p for p in (gaz.get(level, code) for level in REGION_LEVELS[:3]) if p), None)
    return f"{code}:{place.name}" if place else code


def evaluate(items: list[dict], verbose_half: str | None = None) -> dict[str, Score]:
    """Extract and enrich each item as the workers do; a Score per half. Prints the misses of the
    articles in verbose_half."""
    gaz, resolve = Gazetteer.load(), ActorResolver(default_matcher())
    scores = {half: Score() for half in HALVES}
    for item in items:
        article = enrich_article(extract_article(item["page"]))
        score, misses = score_article(article, item["gold"], gaz, resolve)
        scores[item["half"]].merge(score)
        if item["half"] == verbose_half and misses:
            print(f"{item['outlet']}/{item['slug']}")
            print("\n".join(misses))
    return scores


# ---------------------------------------------------------------------------------------------
# Speed: CPU time per article of each stage, interleaved article by article so they share conditions.


def matching_alone(text: str, title: str) -> None:
    """Actor-base and gazetteer matching without NER: what enrich_text does before the model is asked,
    with the place resolution that rests on it."""
    matches = default_matcher().find(text)
    find_regions(title, text, skip_spans=[(m.start, m.end) for m in matches if m.candidates], gazetteer=Gazetteer.load())


def automata_alone(text: str) -> None:
    """The two multi-pattern passes alone: actor aliases and gazetteer names."""
    default_matcher().find(text)
    for _ in Gazetteer.load().scan(place_fold(text)):
        pass


def time_stages(items: list[dict], repeat: int = 1, warmup: int = 3) -> dict[str, list[float]]:
    """CPU ms per article and stage (time.process_time: every thread of this process), each stage run as a worker
    runs enrichment: a batch of `page_batch_size` pages extracted, then the batch enriched (one NER call), the
    batch's time shared per page. Each stage has its own pass over the corpus, so it finds the CPU caches as
    extraction left them, never warmed by a neighbouring stage; extraction is timed in every pass."""
    articles = [extract_article(item["page"]) for item in items]
    outlets = [a.site_name or a.source for a in articles]
    gaz = Gazetteer.load()
    # what enrich_text spares the model: actor-base hits and capitalised gazetteer names
    known = [[(m.start, m.end) for m in default_matcher().find(a.text) if m.candidates] + gazetteer_names(gaz, a.text)
             for a in articles]
    extract = lambda n: extract_article(items[n]["page"])  # noqa: E731
    stages = {  # each over a batch of pages, as enrich_texts goes through a worker's batch
        "enrich": lambda batch: enrich_texts([(articles[n].text, articles[n].title, outlets[n]) for n in batch]),
        "ner": lambda batch: ner.entities_many([(articles[n].text, known[n]) for n in batch]),
        "matching": lambda batch: [matching_alone(articles[n].text, articles[n].title) for n in batch],
        "automata": lambda batch: [automata_alone(articles[n].text) for n in batch],
    }
    size = get_settings().page_batch_size
    for n in range(min(warmup, len(items))):  # lazy imports, the NER model, caches
        for run in stages.values():
            extract(n)
            run([n])
    cpu: dict[str, list[float]] = {name: [] for name in ("extract", *stages)}
    for _ in range(repeat):
        for name, run in stages.items():
            for first in range(0, len(items), size):
                batch = range(first, min(first + size, len(items)))
                for n in batch:
                    started = time.process_time()
                    extract(n)
                    cpu["extract"].append((time.process_time() - started) * 1000)
                started = time.process_time()
                run(batch)
                cpu[name] += [(time.process_time() - started) * 1000 / len(batch)] * len(batch)
    return cpu


# ---------------------------------------------------------------------------------------------
# Report


def _mark(ok: bool) -> str:
    return "pass" if ok else "MISS"


def quality_table(scores: dict[str, Score]) -> list[str]:
    m = {half: scores[half].metrics() for half in HALVES}
    width = 35
    lines = [f"{'':15s}" + "".join(f"{f'{h} ({scores[h].articles} articles)':^{width}s}   " for h in HALVES) + "target",
             f"{'':15s}" + f"{'P':>5s} {'R':>5s} {'F1':>5s} {'':4s} {'tp/fp/fn':>12s}   " * len(HALVES)]
    rows = [(name, name, f"{name}_f1") for name in SCORED]
    rows[6:6] = [("type (linked)", None, "type_linked_acc"), ("type (all)", None, "type_all_acc")]
    rows.insert(4, ("dateline", None, "dateline_acc"))
    for label, tallied, key in rows:
        target = TARGETS.get(key)
        cells = []
        for h in HALVES:
            value = m[h][key]
            mark = _mark(value >= target) if target is not None else ""
            if tallied:
                t = scores[h].tallies[tallied]
                cells.append(f"{m[h][f'{tallied}_p']:5.3f} {m[h][f'{tallied}_r']:5.3f} {value:5.3f} {mark:4s} "
                             f"{f'{t.tp}/{t.fp}/{t.fn}':>12s}")
            else:
                name = key.removesuffix("_acc")
                cells.append(f"{'accuracy':>11s} {value:5.3f} {mark:4s} {f'{scores[h].right[name]}/{scores[h].total[name]}':>12s}")
        want = f"{'F1' if tallied else 'acc'} >= {target:.2f}" if target is not None else ""
        lines.append((f"{label:15s}" + "".join(f"{c:{width}s}   " for c in cells) + want).rstrip())
    return lines


def speed_table(cpu: dict[str, list[float]], ner_on: bool) -> list[str]:
    mean = {name: statistics.fmean(values) for name, values in cpu.items()}
    labels = {"extract": "extraction (workers.extract)",
              "enrich": f"enrichment, NER {'on' if ner_on else 'OFF'} (worker batches)",
              "ner": "  of which NER (ner.entities_many)", "matching": "base + gazetteer matching, no NER",
              "automata": "  of which the two automata passes"}
    lines = [f"{'CPU per article':36s} {'mean ms':>8s} {'median':>7s} {'x extract':>9s}  budget"]
    for name, label in labels.items():
        ratio = mean[name] / mean["extract"]
        budget = BUDGETS.get(name)
        note = f"<= {budget:.1f}x {_mark(ratio <= budget)}" if budget is not None else ""
        lines.append(f"{label:36s} {mean[name]:8.2f} {statistics.median(cpu[name]):7.2f} {ratio:9.3f}  {note}")
    return lines


def parse_floors(specs: list[str]) -> dict[str, float]:
    floors = {}
    for spec in specs:
        for part in filter(None, (p.strip() for p in spec.split(","))):
            name, _, value = part.partition("=")
            floors[name.strip()] = float(value)
    return floors


def below_floors(metrics: dict[str, float], floors: dict[str, float]) -> list[str]:
    return [f"{name} {metrics[name]:.3f} < {floor}" for name, floor in floors.items() if metrics[name] < floor]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses of each article of --half")
    parser.add_argument("--half", choices=HALVES, default="dev", help="the half -v lists (default dev: keep held-out unseen)")
    parser.add_argument("--no-timing", action="store_true", help="quality only")
    parser.add_argument("--repeat", type=int, default=1, help="timing passes over the corpus (default 1)")
    parser.add_argument("--floors", action="append", default=[], metavar="METRIC=X[,...]",
                        help="exit 1 when a whole-set metric is below X; metrics: <field>_p|_r|_f1 for "
                             f"{', '.join(SCORED)}; {', '.join(a + '_acc' for a in ACCURACIES)}")
    args = parser.parse_args(argv)
    floors = parse_floors(args.floors)
    known = set(Score().metrics())
    if unknown := sorted(set(floors) - known):
        parser.error(f"unknown metric(s) {unknown}; known: {sorted(known)}")

    items = demo_items()
    model = ner.configured_model()
    ner_on = ner.load_model(model) is not None
    print(f"{len(items)} demo articles; actor base {len(default_matcher().base)} actors; NER model "
          f"{model or 'off'} ({'loaded' if ner_on else 'not available'})")
    scores = evaluate(items, args.half if args.verbose else None)
    print("\n".join(quality_table(scores)))
    whole = Score().merge(scores["dev"]).merge(scores["held-out"]).metrics()
    print("whole set: " + "  ".join(f"{k} {whole[k]:.3f}" for k in TARGETS))

    if not args.no_timing:
        print()
        print("\n".join(speed_table(time_stages(items, repeat=args.repeat), ner_on)))

    failed = below_floors(whole, floors)
    if floors:
        print(f"floors: {'FAILED ' + '; '.join(failed) if failed else 'all met'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
