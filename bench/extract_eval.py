"""Main-text quality of the extraction stage: token precision/recall/F1 of trafilatura with its defaults,
trafilatura tuned, and ours (workers.extract, with its fallback), on the demo corpus or an external set;
plus metadata accuracy and listing-page rejection on the demo corpus.

    python bench/extract_eval.py                       # demo corpus (rendered from demo/articles)
    python bench/extract_eval.py --dataset DIR         # ScrapingHub layout: DIR/ground-truth.json, DIR/html/<id>.html[.gz]
    python bench/extract_eval.py --dataset DIR         # snippet layout: DIR/snippets.json (per page: snippets the
                                                       #   text must contain, "with", and must not, "without")
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


def _squash(text: str) -> str:
    return " ".join((text or "").split())


def snippet_scores(gold: dict, pred: str) -> tuple[float, float]:
    """(precision, recall) of one page against evaldata-style snippets: recall is the share of "with"
    snippets found in the text, precision one minus the share of "without" snippets found."""
    text = _squash(pred)
    found_with = sum(_squash(s) in text for s in gold["with"])
    found_without = sum(_squash(s) in text for s in gold["without"])
    recall = found_with / len(gold["with"]) if gold["with"] else 1.0
    precision = 1 - found_without / len(gold["without"]) if gold["without"] else 1.0
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
    from demo import layout, site

    outlets = site.load_outlets()
    world = site.build_world()
    for key, outlet in outlets.items():
        pages = world[key]
        base = site.default_base_urls()[key]
        article_paths = set()
        for article in site.load_articles(key):
            article_paths.add(article["path"])
            blocks = layout.body_blocks(article)
            texts = [text for _, text in blocks]
            dateline = layout.dateline_text(article)
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
            if response.status != 200 or not html_page or path in article_paths or path == layout.private_path(outlet):
                continue
            yield {"id": f"{key}{path}", "page": _page(base + path, response.body.decode("utf-8"), key, response.headers["Content-Type"]), "gold": None}


def snippet_items(folder: Path) -> Iterator[dict]:
    """An evaldata-style set (trafilatura's tests/evaldata.py): snippets.json maps id -> {url, with, without};
    pages in html/<id>.html."""
    truth = json.loads((folder / "snippets.json").read_text(encoding="utf-8"))
    for key, entry in sorted(truth.items()):
        path = folder / "html" / f"{key}.html"
        if path.exists():
            html = path.read_text(encoding="utf-8", errors="replace")
            gold = {"with": list(entry["with"]), "without": list(entry.get("without", []))}
            yield {"id": key, "page": _page(entry["url"], html, "external"), "gold": gold}


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


def _f1(score: tuple[float, float]) -> float:
    return 2 * score[0] * score[1] / (score[0] + score[1]) if sum(score) else 0.0


def evaluate(items: list[dict], configs: dict[str, Callable[[dict], str]], ngram: int, worst: int) -> tuple[dict[str, dict], dict[str, dict]]:
    """Aggregate scores per configuration, and per page {id: {configuration: F1}}."""
    results: dict[str, dict] = {}
    pages: dict[str, dict] = {item["id"]: {} for item in items}
    for name, run in configs.items():
        scores, started = [], time.process_time()
        per_page = []
        for item in items:
            pred = run(item["page"])
            gold = item["gold"]
            score = snippet_scores(gold, pred) if isinstance(gold, dict) else page_scores(gold, pred, ngram)
            scores.append(score)
            per_page.append((_f1(score), item["id"], score))
            pages[item["id"]][name] = _f1(score)
        elapsed = time.process_time() - started
        results[name] = {**aggregate(scores), "cpu_ms_per_page": 1000 * elapsed / max(len(items), 1)}
        if worst:
            for f1, key, (p, r) in sorted(per_page)[:worst]:
                print(f"  worst {name:<20} F1={f1:.3f} P={p:.3f} R={r:.3f} {key}")
    return results, pages


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

    if args.dataset:
        # a folder may hold both kinds of gold; each gets its own table
        runs = [(f"{args.dataset} (main-text gold)", list(external_items(args.dataset)))] if (args.dataset / "ground-truth.json").exists() else []
        if (args.dataset / "snippets.json").exists():
            runs.append((f"{args.dataset} (snippet gold)", list(snippet_items(args.dataset))))
    else:
        runs = [("demo corpus", list(demo_items()))]
    configs = {**CONFIGS, **(SWEEP if args.sweep else {})}
    report: dict = {"runs": []}
    for label, items in runs:
        articles = [i for i in items if i["gold"] is not None]
        if not articles:
            print(f"no article pages found in {label}", file=sys.stderr)
            return 2
        results, pages = evaluate(articles, configs, args.ngram, args.worst)
        snippets = isinstance(articles[0]["gold"], dict)
        unit = "with/without snippets" if snippets else "tokens" if args.ngram == 1 else f"{args.ngram}-gram shingles"
        print(f"\nMain text on {label}: {len(articles)} pages, {unit}")
        print(f"{'configuration':<22}{'precision':>10}{'recall':>10}{'F1':>10}{'cpu ms/page':>14}")
        for name, r in results.items():
            print(f"{name:<22}{r['precision']:>10.4f}{r['recall']:>10.4f}{r['f1']:>10.4f}{r['cpu_ms_per_page']:>14.1f}")
        losses = {key: f1s for key, f1s in pages.items()
                  if f1s["ours"] < max(f1s["trafilatura-default"], f1s["trafilatura-tuned"]) - 1e-9}
        for key, f1s in sorted(losses.items()):
            print(f"  ours loses on {key}: " + "  ".join(f"{name}={f1:.3f}" for name, f1 in f1s.items()))
        report["runs"].append({"dataset": label, "pages": len(articles), "gold": "snippets" if snippets else "main text",
                               "ngram": args.ngram, "main_text": results, "per_page_f1": pages})

    if not args.dataset:
        listings = [i for i in items if i["gold"] is None]
        meta = metadata_accuracy(articles)
        print("\nMetadata accuracy (ours): " + "  ".join(f"{k}={v:.3f}" for k, v in meta.items()))
        rejected, total, reasons = listing_rejection(listings)
        print(f"Non-article pages refused: {rejected}/{total} " + str(dict(reasons)))
        report.update(metadata=meta, non_articles={"refused": rejected, "total": total, "reasons": dict(reasons)})
    if args.json:
        args.json.write_text(json.dumps(report, indent=2))

    worst_ours = min(run["main_text"]["ours"]["f1"] for run in report["runs"])
    if args.min_f1 is not None and worst_ours < args.min_f1:
        print(f"FAIL: ours F1 {worst_ours:.4f} < floor {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
