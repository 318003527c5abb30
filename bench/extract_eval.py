"""Main-text quality of the extraction stage: token precision/recall/F1 of trafilatura with its defaults,
trafilatura tuned, and ours (workers.extract, with its fallback), on the demo corpus or an external set;
plus metadata accuracy and listing-page rejection on the demo corpus.

    python bench/extract_eval.py                       # demo corpus (rendered from demo/articles)
    python bench/extract_eval.py --dataset DIR         # ScrapingHub layout: DIR/ground-truth.json, DIR/html/<id>.html[.gz]
    python bench/extract_eval.py --min-f1 0.97         # CI gate: exit 1 when ours scores below
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import statistics
import sys
import time
from collections import Counter
from datetime import timezone
from pathlib import Path
from typing import Callable, Iterator

import trafilatura

from workers.extract import ExtractionError, ExtractionOptions, extract_article

FETCHED_AT = "2026-11-24T12:00:00Z"
_TOKEN_RE = re.compile(r"\w+")


# ---------------------------------------------------------------------------------------------
# Scoring: per-page precision/recall over a bag of tokens (or n-gram shingles), averaged over pages
# the way the ScrapingHub article-extraction benchmark does it.


def _grams(text: str, n: int) -> Counter:
    tokens = _TOKEN_RE.findall(text or "")
    if n == 1:
        return Counter(tokens)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_scores(gold: str, pred: str, n: int = 1) -> tuple[float, float]:
    """(precision, recall) of one page's predicted main text against its gold text."""
    g, p = _grams(gold, n), _grams(pred, n)
    tp = sum((g & p).values())
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def aggregate(scores: list[tuple[float, float]]) -> dict[str, float]:
    precision = statistics.mean(s[0] for s in scores)
    recall = statistics.mean(s[1] for s in scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


# ---------------------------------------------------------------------------------------------
# Extractors under comparison: each takes the crawler's page dict and returns main text.


def _trafilatura(**kwargs) -> Callable[[dict], str]:
    def run(page: dict) -> str:
        return trafilatura.extract(page["html"], url=page["final_url"], **kwargs) or ""

    return run


def _ours_with(options: ExtractionOptions | None = None) -> Callable[[dict], str]:
    def run(page: dict) -> str:
        try:
            return extract_article(page, options).text
        except ExtractionError:
            return ""

    return run


CONFIGS: dict[str, Callable[[dict], str]] = {
    "trafilatura-default": _trafilatura(),
    # the usual tuning for news: no reader comments, precision-leaning
    "trafilatura-tuned": _trafilatura(include_comments=False, favor_precision=True),
    "ours": _ours_with(),
}
SWEEP: dict[str, Callable[[dict], str]] = {
    "traf-nocomments": _trafilatura(include_comments=False),
    "traf-recall": _trafilatura(include_comments=False, favor_recall=True),
    "traf-fast": _trafilatura(include_comments=False, fast=True),
    "ours-no-vote": _ours_with(ExtractionOptions(fallback="never")),
    "ours-vote-always": _ours_with(ExtractionOptions(fallback="always")),
    "ours-fast-primary": _ours_with(ExtractionOptions(fast=True)),
    "ours-no-pruning": _ours_with(ExtractionOptions(prune_furniture=False)),
}


# ---------------------------------------------------------------------------------------------
# Datasets: items of {"id", "page", "gold", "meta" (optional)}; listing pages have gold None.


def _page(url: str, html: str, source: str, content_type: str = "text/html; charset=utf-8") -> dict:
    return {
        "url": url, "final_url": url, "status": 200, "headers": {"content-type": content_type}, "html": html,
        "encoding": "utf-8", "fetched_at": FETCHED_AT, "source": source, "discovered_via": "bench",
    }


def demo_items() -> Iterator[dict]:
    """Every page the demo outlets serve as HTML (demo.site): articles, whose gold text is the body of
    their source YAML (dateline included, standfirst and comments not), and front, section, author and
    service pages, which must be refused as not articles."""
    from demo import render, site

    outlets = site.load_outlets()
    world = site.build_world()
    for key, outlet in outlets.items():
        pages = world[key]
        base = site.default_base_urls()[key]
        article_paths = set()
        for article in site.load_articles(key):
            article_paths.add(article["path"])
            blocks = render.body_blocks(article)
            texts = [text for _, text in blocks]
            dateline = render.dateline_text(article)
            first = next((i for i, (kind, _) in enumerate(blocks) if kind == "p"), None)
            if dateline and first is not None:
                texts[first] = f"{dateline} {texts[first]}"
            response = pages[article["path"]]
            yield {
                "id": f"{key}{article['path']}",
                "page": _page(base + article["path"], response.body.decode("utf-8"), key, response.headers.get("Content-Type", "")),
                "gold": "\n\n".join(texts),
                "meta": {"title": article["title"], "published": article["published"], "authors": list(article["authors"])},
            }
        for path, response in sorted(pages.items()):
            html_page = response.headers.get("Content-Type", "").startswith("text/html")
            if response.status != 200 or not html_page or path in article_paths or path == render.private_path(outlet):
                continue
            yield {"id": f"{key}{path}", "page": _page(base + path, response.body.decode("utf-8"), key, response.headers["Content-Type"]), "gold": None}


def external_items(folder: Path) -> Iterator[dict]:
    """A ScrapingHub-style set: ground-truth.json maps id -> {articleBody, url}; pages in html/<id>.html[.gz]."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key, entry in sorted(truth.items()):
        plain, packed = folder / "html" / f"{key}.html", folder / "html" / f"{key}.html.gz"
        if plain.exists():
            html = plain.read_text(encoding="utf-8", errors="replace")
        elif packed.exists():
            html = gzip.decompress(packed.read_bytes()).decode("utf-8", errors="replace")
        else:
            continue
        url = entry.get("url") or f"https://example.org/{key}"
        yield {"id": key, "page": _page(url, html, "external"), "gold": entry.get("articleBody", "")}


# ---------------------------------------------------------------------------------------------


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def metadata_accuracy(items: list[dict]) -> dict[str, float]:
    hits = Counter()
    for item in items:
        try:
            article = extract_article(item["page"])
        except ExtractionError:
            continue
        expected = item["meta"]
        published = expected["published"]
        if published.tzinfo is None:
            published = published.replace(tzinfo=timezone.utc)
        hits["title"] += _same_title(article.title, expected["title"])
        hits["published"] += article.published == published
        hits["published_day"] += article.published is not None and article.published.date() == published.date()
        hits["authors"] += article.authors == expected["authors"]
    return {key: hits[key] / len(items) for key in ("title", "published", "published_day", "authors")}


def listing_rejection(items: list[dict]) -> tuple[int, int, Counter]:
    reasons: Counter = Counter()
    for item in items:
        try:
            extract_article(item["page"])
            reasons["accepted"] += 1
        except ExtractionError as err:
            reasons[err.reason] += 1
    return len(items) - reasons["accepted"], len(items), reasons


def evaluate(items: list[dict], configs: dict[str, Callable[[dict], str]], ngram: int, worst: int) -> dict[str, dict]:
    results = {}
    for name, run in configs.items():
        scores, started = [], time.process_time()
        per_page = []
        for item in items:
            pred = run(item["page"])
            score = page_scores(item["gold"], pred, ngram)
            scores.append(score)
            per_page.append((2 * score[0] * score[1] / (score[0] + score[1]) if sum(score) else 0.0, item["id"], score))
        elapsed = time.process_time() - started
        results[name] = {**aggregate(scores), "cpu_ms_per_page": 1000 * elapsed / max(len(items), 1)}
        if worst:
            for f1, key, (p, r) in sorted(per_page)[:worst]:
                print(f"  worst {name:<20} F1={f1:.3f} P={p:.3f} R={r:.3f} {key}")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", type=Path, help="external set in ScrapingHub layout (default: the demo corpus)")
    parser.add_argument("--min-f1", type=float, help="exit 1 when ours scores below this main-text F1")
    parser.add_argument("--ngram", type=int, default=1, help="1 = bag of tokens; 4 = ScrapingHub's shingles")
    parser.add_argument("--sweep", action="store_true", help="also score other trafilatura settings")
    parser.add_argument("--worst", type=int, default=0, help="print the N worst pages of each configuration")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)

    items = list(external_items(args.dataset) if args.dataset else demo_items())
    articles = [i for i in items if i["gold"] is not None]
    listings = [i for i in items if i["gold"] is None]
    if not articles:
        print("no article pages found", file=sys.stderr)
        return 2
    configs = {**CONFIGS, **(SWEEP if args.sweep else {})}
    results = evaluate(articles, configs, args.ngram, args.worst)

    label = str(args.dataset) if args.dataset else "demo corpus"
    unit = "tokens" if args.ngram == 1 else f"{args.ngram}-gram shingles"
    print(f"\nMain text on {label}: {len(articles)} pages, {unit}")
    print(f"{'configuration':<22}{'precision':>10}{'recall':>10}{'F1':>10}{'cpu ms/page':>14}")
    for name, r in results.items():
        print(f"{name:<22}{r['precision']:>10.4f}{r['recall']:>10.4f}{r['f1']:>10.4f}{r['cpu_ms_per_page']:>14.1f}")
    report: dict = {"dataset": label, "pages": len(articles), "ngram": args.ngram, "main_text": results}

    if not args.dataset:
        meta = metadata_accuracy(articles)
        print("\nMetadata accuracy (ours): " + "  ".join(f"{k}={v:.3f}" for k, v in meta.items()))
        rejected, total, reasons = listing_rejection(listings)
        print(f"Non-article pages refused: {rejected}/{total} " + str(dict(reasons)))
        report.update(metadata=meta, non_articles={"refused": rejected, "total": total, "reasons": dict(reasons)})
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))

    if args.min_f1 is not None and results["ours"]["f1"] < args.min_f1:
        print(f"FAIL: ours F1 {results['ours']['f1']:.4f} < floor {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
