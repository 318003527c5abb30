"""Scale the demo corpus to N article pages for benchmarks: the real demo articles, repeated with
new slugs (and dates kept in range) across the three outlets, written to a folder demo.server can serve."""
from __future__ import annotations

import itertools
from pathlib import Path

import yaml

from demo.site import load_articles

OUTLETS = ("meridian", "harbour", "sahel")
KEYS_TO_DROP = ("outlet", "path", "file")


def write_scaled_corpus(pages: int, root: Path) -> int:
    """Write `pages` article files under root/<outlet>/; returns how many were written."""
    originals = [a for a in load_articles() if a["outlet"] in OUTLETS]
    if not originals:
        raise RuntimeError("the demo corpus is empty")
    for outlet in OUTLETS:
        (root / outlet).mkdir(parents=True, exist_ok=True)
    for n, article in zip(range(pages), itertools.cycle(originals)):
        copy = {k: v for k, v in article.items() if k not in KEYS_TO_DROP}
        round_ = n // len(originals)
        if round_:
            copy["slug"] = f"{article['slug']}-r{round_}"
            copy["title"] = f"{article['title']} ({round_ + 1})"
        (root / article["outlet"] / f"{copy['slug']}.yaml").write_text(yaml.safe_dump(copy, allow_unicode=True))
    return pages
