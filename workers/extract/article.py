"""One crawled page to an Article: decoding, metadata, listing check and body, put together."""
from __future__ import annotations

import unicodedata
from copy import deepcopy
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

from trafilatura.metadata import extract_metadata

from indexer.article import Article
from indexer.ids import article_id

from .options import DEFAULT_OPTIONS, ExtractionError, ExtractionOptions
from .decoding import decode_page, parse_html
from .metadata import (choose_canonical, clean_title, find_authors, find_site_name, guess_language, json_ld_objects,
                       json_ld_types, meta_tags, page_language, parse_datetime, published_date)
from .listing import has_article_markup, headline_links, listing_evidence, teaser_list
from .furniture import prune_furniture, standfirsts, strip_furniture, teaser_blocks
from .body import main_text


def _fetched_at(page: dict) -> datetime:
    value = page.get("fetched_at")
    parsed = parse_datetime(value) if isinstance(value, str) else value if isinstance(value, datetime) else None
    return parsed or datetime.now(timezone.utc)


def _absolute_http(url: str | None, base: str) -> str | None:
    if not url:
        return None
    absolute = urljoin(base, url.strip())
    return absolute if urlsplit(absolute).scheme in ("http", "https") else None


def extract_article(page: dict, options: ExtractionOptions | None = None) -> Article:
    """One crawled page (the crawler's hand-off dict) to an Article, or ExtractionError."""
    options = options or DEFAULT_OPTIONS
    final_url = page.get("final_url") or page["url"]
    html = decode_page(page, options)
    tree = parse_html(html, options)
    headers = {str(k).lower(): v for k, v in (page.get("headers") or {}).items()}
    fetched_at = _fetched_at(page)

    meta = meta_tags(tree)
    ld = json_ld_objects(tree)
    url = choose_canonical(tree, meta, final_url)
    listing = listing_evidence(tree, meta, ld, url)
    if listing:
        raise ExtractionError("not_article", listing)

    doc = extract_metadata(deepcopy(tree), default_url=final_url, date_config={"original_date": True, "extensive_search": True})
    h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    h1 = h1s[0] if len(h1s) == 1 else None
    site_name = find_site_name(doc.sitename, meta, ld, (tree.findtext(".//title") or ""), h1, final_url)
    title = clean_title(doc.title or meta.get("og:title", ""), site_name, h1)
    authors = find_authors(ld, doc.author)
    description = doc.description or meta.get("og:description") or None

    content_tree = prune_furniture(tree, final_url) if options.prune_furniture else tree
    paras, extractor = main_text(content_tree, final_url, page_language(tree, meta, headers), options)
    ld_types = set().union(*(json_ld_types(o) for o in ld)) if ld else set()
    if not has_article_markup(meta, ld_types):
        if teaser_list(paras, headline_links(tree, url)):
            raise ExtractionError("not_article", "main text is a list of headlines")
        teasers = len(teaser_blocks(tree, final_url))
        if teasers >= 5 and sum(len(p) for p in paras) < 1000:
            raise ExtractionError("not_article", f"{teasers} teaser cards around little text")
    if options.strip_boilerplate_lines:
        paras = strip_furniture(paras, title, authors, standfirsts(tree))
    text = unicodedata.normalize("NFC", "\n\n".join(paras))
    if len(text) < options.min_text_chars:
        raise ExtractionError("no_main_text", f"{len(text)} characters of main text")
    tags = [t.strip() for tag in (doc.tags or []) for t in tag.split(",") if t.strip()]

    host = (urlsplit(url).hostname or "").lower()
    return Article(
        id=article_id(url),
        url=url,
        fetched_url=page.get("url") or final_url,
        source=page.get("source") or host,
        domain=host.removeprefix("www."),
        title=title,
        text=text,
        description=description,
        authors=authors,
        published=published_date(tree, meta, ld, doc.date, fetched_at),
        language=page_language(tree, meta, headers) or guess_language(text),
        site_name=site_name,
        top_image=_absolute_http(doc.image or meta.get("og:image"), final_url),
        tags=list(dict.fromkeys(tags))[:30],
        fetched_at=fetched_at,
        extractor=extractor,
        word_count=len(text.split()),
    )
