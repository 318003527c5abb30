"""How far two careful annotators agree on actors and cited sources, as the ceiling the system is judged
against: the team's gold vs a second annotation written blind from the text and ANNOTATION.md alone
(bench/agreement/<slug>.yaml), and the system vs each, on the same sample of articles.

    python bench/annotation_agreement.py
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from enrich_eval import ActorResolver, Tally, actor_key, demo_items
from workers.enrich.actors import default_matcher
from workers.enrich.pipeline import enrich_article
from workers.extract import extract_article

AGREEMENT_DIR = Path(__file__).resolve().parent / "agreement"
FIELDS = ("linked", "unlinked", "cited")


def actor_sets(actors: list[dict], resolve: ActorResolver) -> tuple[set[str], set[str]]:
    """(actor-base ids, keys of names the base does not hold) of an annotation's actors."""
    linked, free = set(), set()
    for actor in actors or []:
        actor_id = resolve(actor["name"], actor.get("country"))
        if actor_id:
            linked.add(actor_id)
        else:
            free.add(actor_key(actor["name"]))
    return linked, free


def compare(reference: dict, other: dict, resolve: ActorResolver, tallies: dict[str, Tally]) -> None:
    """Add `other`'s agreement with `reference` (each {actors, cited_sources}) to the tallies."""
    ref_linked, ref_free = actor_sets(reference.get("actors"), resolve)
    got_linked, got_free = actor_sets(other.get("actors"), resolve)
    for name, want, got in (("linked", ref_linked, got_linked), ("unlinked", ref_free, got_free)):
        tallies[name].add(len(want & got), len(got - want), len(want - got))
    want_cited, got_cited = list(reference.get("cited_sources") or []), list(other.get("cited_sources") or [])
    found = sum(any(resolve.same_source(g, w) for g in got_cited) for w in want_cited)
    extra = sum(not any(resolve.same_source(g, w) for w in want_cited) for g in got_cited)
    tallies["cited"].add(found, extra, len(want_cited) - found)


def as_annotation(article) -> dict:
    return {"actors": [{"name": a.name, "country": a.country} for a in article.actors],
            "cited_sources": list(article.cited_sources)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, default=AGREEMENT_DIR, help="second annotations, one <slug>.yaml each")
    args = parser.parse_args(argv)
    second = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(args.dir.glob("*.yaml"))}
    items = [item for item in demo_items() if item["slug"] in second]
    if not items:
        print(f"no second annotations in {args.dir}", file=sys.stderr)
        return 2
    resolve = ActorResolver(default_matcher())
    pairs = {"second annotator vs gold": {}, "system vs gold": {}, "system vs second annotator": {}}
    for half in ("dev", "held-out", "both"):
        for tallies in pairs.values():
            tallies[half] = {name: Tally() for name in FIELDS}
    for item in items:
        system = as_annotation(enrich_article(extract_article(item["page"])))
        for half in (item["half"], "both"):
            compare(item["gold"], second[item["slug"]], resolve, pairs["second annotator vs gold"][half])
            compare(item["gold"], system, resolve, pairs["system vs gold"][half])
            compare(second[item["slug"]], system, resolve, pairs["system vs second annotator"][half])
    counts = {half: sum(item["half"] == half for item in items) for half in ("dev", "held-out")}
    print(f"{len(items)} articles with a second annotation (dev {counts['dev']}, held-out {counts['held-out']}); F1")
    print(f"{'':28s}" + "".join(f"{half:>24s}" for half in ("dev", "held-out", "both")))
    print(f"{'':28s}" + "".join(f"{'linked unlinked cited':>24s}" for _ in range(3)))
    for label, by_half in pairs.items():
        row = "".join("   " + " ".join(f"{by_half[h][name].prf()[2]:6.3f}" for name in FIELDS) for h in ("dev", "held-out", "both"))
        print(f"{label:28s}{row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
