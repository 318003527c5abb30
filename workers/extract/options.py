"""Extraction options and failures: the one options object of the stage, and ExtractionError
with the machine reasons recorded in the outcome ledger."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


REASONS = ("undecodable", "not_html", "empty_page", "no_main_text", "not_article")


class ExtractionError(Exception):
    """A page that cannot give an article; `reason` is one of REASONS, recorded in the outcome ledger."""

    def __init__(self, reason: str, detail: str = ""):
        if reason not in REASONS:
            raise ValueError(f"unknown extraction failure reason: {reason}")
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class ExtractionOptions:
    """Every knob of the extraction stage (defaults chosen on bench/extract_eval.py)."""

    # trafilatura's own knobs for the primary pass
    favor_precision: bool = False
    favor_recall: bool = False
    include_tables: bool = True
    include_comments: bool = False
    deduplicate: bool = False
    fast: bool = False  # True skips trafilatura's internal readability/justext comparison
    # "auto": vote with other extractors only when the primary result looks wrong;
    # "always": vote on every page; "never": trafilatura alone
    fallback: Literal["auto", "always", "never"] = "auto"
    # remove banners, promos, share bars, related links and comment threads (by class/id) before extracting
    prune_furniture: bool = True
    # drop lines that are plainly site furniture (headline/standfirst repeats, bylines, cookie notices, credits)
    strip_boilerplate_lines: bool = True
    min_text_chars: int = 200
    # larger pages are cut (after removing scripts and styles) so one page cannot stall a worker
    max_html_chars: int = 3_000_000
    # share of replacement/control characters above which a page is "undecodable"
    max_junk_ratio: float = 0.10


DEFAULT_OPTIONS = ExtractionOptions()
