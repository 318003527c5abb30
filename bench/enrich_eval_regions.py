"""Regions quality on the demo corpus: precision, recall and F1 of countries, admin1 and localities,
focus and dateline accuracy against the `gold:` of demo/articles/*/*.yaml, per half of a deterministic
split (sha1(slug) even -> dev, odd -> held-out); plus gazetteer load time and matching speed.

    python bench/enrich_eval_regions.py                 # both halves
    python bench/enrich_eval_regions.py --errors dev    # also list misses and false hits of the dev half
"""
from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from pathlib import Path

import yaml

from workers.enrich.gazetteer import Gazetteer, name_key
from workers.enrich.regions import find_regions

ARTICLES = Path(__file__).resolve().parent.parent / "demo" / "articles"
DASH = "—"


def load(root: Path = ARTICLES) -> list[dict]:
    articles = []
    for path in sorted(root.glob("*/*.yaml")):
        if path.parent.name.startswith("_"):
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data and data.get("gold") is not None:
            articles.append(data)
    return articles


def half(slug: str) -> str:
    return "dev" if int(hashlib.sha1(slug.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def article_text(a: dict) -> str:
    """The text as extraction gives it: paragraphs (subheadings and quotes included), the dateline
    opening the first paragraph."""
    paras = []
    for raw in a.get("body") or []:
        text = str(raw).strip()
        if text.startswith("## ") or text.startswith("> "):
            text = text[3:].strip() if text.startswith("## ") else text[2:].strip()
        if text:
            paras.append(text)
    if a.get("dateline") and paras:
        paras[0] = f"{a['dateline'].strip()} {DASH} {paras[0]}"
    return "\n".join(paras)


def gold_sets(gaz: Gazetteer, gold: dict) -> dict[str, list[set[str]]]:
    """Each gold item as the set of codes it may resolve to (its own text when it resolves to nothing)."""
    out: dict[str, list[set[str]]] = {"country": [], "admin1": [], "locality": [], "focus": []}
    for cc in gold.get("countries") or []:
        out["country"].append({cc})
    for item in gold.get("admin1") or []:
        out["admin1"].append(_resolve(gaz, item))
    for item in gold.get("localities") or []:
        out["locality"].append(_resolve(gaz, item))
    for item in gold.get("focus") or []:
        out["focus"].append(_resolve(gaz, item))
    return out


def _resolve(gaz: Gazetteer, item: str) -> set[str]:
    parts = item.split(":")
    if len(parts) == 1:
        return {parts[0]}
    if len(parts) == 2:
        found = gaz.lookup(parts[1], country=parts[0], level="admin1")
        return {p.code for p in found[:1]} or {f"?{item}"}
    cc, admin1, name = parts[0], parts[1], ":".join(parts[2:])
    found = gaz.lookup(name, country=cc, level="locality", admin1=admin1)
    inside = [p for p in found if p.admin1_code and gaz.admin1[p.admin1_code].code in _admin1_codes(gaz, cc, admin1)]
    return {p.code for p in (inside or found)} or {f"?{item}"}


def _admin1_codes(gaz: Gazetteer, cc: str, name: str) -> set[str]:
    return {p.code for p in gaz.lookup(name, country=cc, level="admin1")}


def score(gold: list[set[str]], predicted: set[str]) -> tuple[int, int, int, list[str], list[str]]:
    """(tp, fp, fn, misses, false hits): a gold item is found when any of its codes is predicted."""
    left = set(predicted)
    tp, misses = 0, []
    for codes in gold:
        hit = codes & left
        if hit:
            tp += 1
            left -= {sorted(hit)[0]}
        else:
            misses.append("/".join(sorted(codes)))
    return tp, len(left), len(misses), misses, sorted(left)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=["dev", "held-out"], help="list per-article errors of one half")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    gaz = Gazetteer.load()
    load_s = time.perf_counter() - started
    articles = load()
    totals: dict[str, dict[str, list[int]]] = {}
    extra: dict[str, dict[str, int]] = {}
    times, words = [], []
    for a in articles:
        h = half(a["slug"])
        text, title = article_text(a), a.get("title", "")
        t0 = time.perf_counter()
        result = find_regions(title, text, gazetteer=gaz)
        times.append(time.perf_counter() - t0)
        words.append(len(text.split()))
        predicted = {lvl: {r.code for r in result.regions if r.level == lvl} for lvl in ("country", "admin1", "locality")}
        predicted["focus"] = {r.code for r in result.regions if r.focus}
        gold = gold_sets(gaz, a["gold"])
        bucket = totals.setdefault(h, {k: [0, 0, 0] for k in gold})
        errors = []
        for level in gold:
            tp, fp, fn, misses, false_hits = score(gold[level], predicted[level])
            for i, v in enumerate((tp, fp, fn)):
                bucket[level][i] += v
            if misses or false_hits:
                errors.append(f"  {level}: missed {misses} extra {[_label(gaz, level, c) for c in false_hits]}")
        gdl = a["gold"].get("dateline")
        ok = _dateline_ok(gaz, gdl, result.dateline)
        counts = extra.setdefault(h, {"dateline_ok": 0, "articles": 0})
        counts["dateline_ok"] += ok
        counts["articles"] += 1
        if not ok:
            errors.append(f"  dateline: gold {gdl} got {result.dateline.name if result.dateline else None}")
        if args.errors == h and errors:
            print(a["slug"])
            print("\n".join(errors))
    print(f"gazetteer load {load_s:.2f}s; {len(articles)} articles; find_regions median "
          f"{statistics.median(times) * 1000:.2f} ms, p95 {sorted(times)[int(0.95 * len(times))] * 1000:.2f} ms, "
          f"{sum(times) / sum(words) * 500 * 1000:.2f} ms per 500 words")
    for h in ("dev", "held-out"):
        if h not in totals:
            continue
        print(f"[{h}] {extra[h]['articles']} articles, dateline accuracy {extra[h]['dateline_ok'] / extra[h]['articles']:.3f}")
        for level, (tp, fp, fn) in totals[h].items():
            p, r, f = prf(tp, fp, fn)
            print(f"  {level:9s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (tp {tp}, fp {fp}, fn {fn})")
    return 0


def _label(gaz: Gazetteer, level: str, code: str) -> str:
    place = gaz.get(level, code) if level != "focus" else None
    if level == "focus":
        for lvl in ("locality", "admin1", "country"):
            place = gaz.get(lvl, code)
            if place:
                break
    return f"{code}:{place.name}" if place else code


def _dateline_ok(gaz: Gazetteer, gold, predicted) -> bool:
    if not gold:
        return predicted is None
    if predicted is None:
        return False
    if gold.get("country") and predicted.country_code != gold["country"]:
        return False
    return name_key(gold["name"]) == name_key(predicted.name) or predicted.code in {
        p.code for p in gaz.lookup(gold["name"], country=gold.get("country"))}


if __name__ == "__main__":
    sys.exit(main())
