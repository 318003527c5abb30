"""The article body: trafilatura first, then a paragraph vote with readability and jusText when the
primary result looks wrong."""
from __future__ import annotations

import logging
from copy import deepcopy

import justext
import lxml.html
import trafilatura
from trafilatura.readability_lxml import Document as ReadabilityDocument


from .options import ExtractionOptions
from .paragraphs import normalize, split_paragraphs
from .metadata import LANGUAGE_STOPLISTS

logger = logging.getLogger(__name__)


def _trafilatura_text(tree, url: str, options: ExtractionOptions, **overrides) -> str:
    settings = dict(
        favor_precision=options.favor_precision, favor_recall=options.favor_recall,
        include_comments=options.include_comments, include_tables=options.include_tables,
        deduplicate=options.deduplicate, fast=options.fast,
    )
    settings.update(overrides)
    doc = trafilatura.bare_extraction(deepcopy(tree), url=url, with_metadata=False, **settings)
    return (doc.text or "") if doc is not None else ""


def _readability_text(tree) -> str:
    try:
        summary = ReadabilityDocument(deepcopy(tree), min_text_length=25).summary()
    except Exception as err:  # readability raises bare Exceptions on odd trees
        logger.debug("readability failed: %s", err)
        return ""
    root = lxml.html.fromstring(summary) if summary else None
    if root is None:
        return ""
    blocks = root.xpath("//p|//h1|//h2|//h3|//h4|//li|//blockquote|//pre|//td")
    texts = [" ".join(b.text_content().split()) for b in blocks if not b.xpath("ancestor::p|ancestor::li|ancestor::blockquote")]
    return "\n".join(t for t in texts if t) or " ".join(root.text_content().split())


def _justext_text(tree, language: str | None) -> str:
    try:
        stoplist = justext.get_stoplist(LANGUAGE_STOPLISTS.get(language or "en", "English"))
        html = lxml.html.tostring(tree, encoding="unicode")
        paras = justext.justext(html, stoplist)
    except Exception as err:  # justext raises on degenerate input
        logger.debug("justext failed: %s", err)
        return ""
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def _page_text(tree) -> str:
    clean = deepcopy(tree)
    for el in clean.xpath("//script|//style|//noscript|//template"):
        el.drop_tree()
    return " ".join(clean.text_content().split())


def _link_text_ratio(paras: list[str], link_texts: set[str]) -> float:
    total = sum(len(p) for p in paras)
    linked = sum(len(p) for p in paras if normalize(p) in link_texts)
    return linked / total if total else 0.0


def _suspicious(paras: list[str], page_chars: int, link_texts: set[str]) -> str | None:
    """Why the primary extraction looks wrong (None if it looks like a clean article body)."""
    chars = sum(len(p) for p in paras)
    if chars < 800 and page_chars > 4 * max(chars, 1):
        return "short against page text"
    if _link_text_ratio(paras, link_texts) > 0.3:
        return "link-heavy"
    short = sum(1 for p in paras if len(p.split()) < 8)
    if len(paras) >= 6 and short / len(paras) > 0.5:
        return "mostly fragments"
    return None


def _contains(haystack_norm: str, para_norm: str) -> bool:
    return bool(para_norm) and para_norm in haystack_norm


def vote(candidates: dict[str, list[str]], page_norm: str, primary: str) -> list[str]:
    """Paragraph-level majority vote: a paragraph stays when most extractors kept it (the primary's
    paragraphs need one supporter fewer), in page order."""
    joined = {name: " " + " ".join(normalize(p) for p in paras) + " " for name, paras in candidates.items()}
    seen: set[str] = set()
    scored: list[tuple[int, str]] = []
    for name, paras in candidates.items():
        for para in paras:
            norm = normalize(para)
            if not norm or norm in seen:
                continue
            seen.add(norm)
            votes = sum(1 for other in joined.values() if _contains(other, " " + norm + " "))
            need = (len(candidates) // 2) + (0 if _contains(joined[primary], " " + norm + " ") else 1)
            if votes >= need:
                pos = page_norm.find(norm)
                scored.append((pos if pos >= 0 else len(page_norm), para))
    scored.sort(key=lambda item: item[0])
    # drop paragraphs contained in a longer kept one (readability and justext segment differently)
    kept_norms = [normalize(p) for _, p in scored]
    result = []
    for i, (_, para) in enumerate(scored):
        norm = kept_norms[i]
        if any(j != i and len(other) > len(norm) and norm in other for j, other in enumerate(kept_norms)):
            continue
        result.append(para)
    return result


def main_text(tree, url: str, language: str | None, options: ExtractionOptions) -> tuple[list[str], str]:
    """The article body as paragraphs, and the name of the extractor path that produced it."""
    primary = split_paragraphs(_trafilatura_text(tree, url, options))
    if options.fallback == "never":
        return primary, "trafilatura"
    page = _page_text(tree)
    link_texts = {normalize(a.text_content()) for a in tree.iter("a") if len(a.text_content()) > 20}
    reason = _suspicious(primary, len(page), link_texts)
    if options.fallback == "auto" and reason is None:
        return primary, "trafilatura"
    logger.debug("voting on %s: %s", url, reason or "always")
    candidates = {
        "trafilatura": primary,
        "recall": split_paragraphs(_trafilatura_text(tree, url, options, favor_recall=True, favor_precision=False)),
        "readability": split_paragraphs(_readability_text(tree)),
        "justext": split_paragraphs(_justext_text(tree, language)),
    }
    voted = vote(candidates, normalize(page), "trafilatura")
    if sum(len(p) for p in voted) < 0.5 * sum(len(p) for p in primary):
        return primary, "trafilatura"
    return voted, "trafilatura+vote"
