"""Telling listing pages (sections, tags, searches, teaser lists) from articles."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit


from .paragraphs import normalize
from .metadata import ARTICLE_TYPES, LISTING_TYPES, json_ld_types, site_key


_LISTING_PATH_RE = re.compile(
    r"/(?:tags?|topics?|category|categories|section|sections|author|authors|archive|archives|search|page)(?:/|$)|/page/\d+/?$",
    re.I,
)
# site service pages: never news, whatever their length
_SERVICE_PATH_RE = re.compile(
    r"^/(?:[a-z]{2}(?:-[a-z]{2})?/)?(?:about(?:-us)?|contact(?:-us)?|privacy(?:-policy)?|cookies?(?:-policy)?|terms(?:-of-(?:use|service))?"
    r"|legal|imprint|impressum|subscribe|subscriptions?|login|sign-?in|register|account|help|faq|careers|jobs|advertise"
    r"|newsletters?)(?:\.html?|/)?$",
    re.I,
)


def listing_evidence(tree, meta: dict, ld: list[dict], url: str) -> str | None:
    """Why this page looks like an index, listing or service page rather than one article (None if not)."""
    path = urlsplit(url).path
    if not path.strip("/"):
        return "site front page"
    if _SERVICE_PATH_RE.match(path):
        return f"service page {path}"
    types = set().union(*(json_ld_types(o) for o in ld)) if ld else set()
    if types & LISTING_TYPES and not types & ARTICLE_TYPES:
        return f"structured data says {sorted(types & LISTING_TYPES)[0]}"
    if has_article_markup(meta, types):
        return None
    if _LISTING_PATH_RE.search(path):
        return f"listing URL {path}"
    if _section_like(path) and not _query_names_a_story(urlsplit(url).query):
        return f"section-like URL {path} without article markup"
    return None


def _section_like(path: str) -> bool:
    """A path of at most two short words and no story number ("/economy/", "/topics/world", "/world/index.html")."""
    segments = [seg for seg in path.split("/") if seg]
    if segments and re.fullmatch(r"(?:index|default|home)\.\w+", segments[-1], re.I):
        segments.pop()
    segments = [re.sub(r"\.\w{2,5}$", "", seg) for seg in segments]
    return len(segments) <= 2 and all(len(seg.split("-")) <= 2 and not re.search(r"\d{4}", seg) for seg in segments)


_PAGING_KEYS = {"page", "paged", "pg", "p_page", "offset", "start", "limit", "sort", "order", "from", "size"}


def _query_names_a_story(query: str) -> bool:
    """Dynamic CMS pages name the story in the query string ("spip.php?article8532", "index.php?id=4471");
    a page number or sort order does not count."""
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key.lower() not in _PAGING_KEYS and re.search(r"\d{2,}", key + value):
            return True
    return False


def has_article_markup(meta: dict, ld_types: set[str]) -> bool:
    return bool(ld_types & ARTICLE_TYPES) or meta.get("og:type", "").lower() == "article" or any(
        k in meta for k in ("article:published_time", "og:published_time")
    )


def headline_links(tree, url: str) -> set[str]:
    """Normalised texts of links that look like headlines of other pages on the same site."""
    site, own = site_key(url), urlsplit(url).path.rstrip("/")
    found = set()
    for a in tree.iter("a"):
        text = normalize(a.text_content())
        href = a.get("href") or ""
        if len(text.split()) < 5 or href.startswith(("#", "mailto:", "javascript:")):
            continue
        target = urljoin(url, href)
        if site_key(target) == site and urlsplit(target).path.rstrip("/") not in ("", own):
            found.add(text)
    return found


def teaser_list(paras: list[str], headlines: set[str]) -> bool:
    """Main text that is mostly headline links with their summaries: a listing, not an article."""
    if len(paras) < 2 or not headlines:
        return False
    with_headline = sum(1 for p in paras if any(h in normalize(p) for h in headlines))
    return with_headline >= 2 and with_headline >= 0.5 * len(paras)
