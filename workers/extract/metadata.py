"""Metadata beside the main text: JSON-LD and meta tags to published date, authors, title, site name,
language and canonical URL."""
from __future__ import annotations

import json
import logging
import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

import justext
import lxml.html
from courlan import extract_domain
from w3lib.url import url_query_cleaner

from indexer.ids import TRACKING_PARAMS

from .paragraphs import normalize

logger = logging.getLogger(__name__)


ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
    "report", "techarticle", "scholarlyarticle", "socialmediaposting",
}
LISTING_TYPES = {"collectionpage", "itemlist", "searchresultspage", "profilepage", "contactpage"}
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
)


def json_ld_objects(tree: lxml.html.HtmlElement) -> list[dict]:
    found: list[dict] = []

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            found.append(node)
            for key in ("@graph", "mainEntity", "itemListElement"):
                if key in node:
                    walk(node[key])

    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text or ""))
        except ValueError:
            continue
    return found


def json_ld_types(obj: dict) -> set[str]:
    kind = obj.get("@type") or []
    return {str(t).lower() for t in (kind if isinstance(kind, list) else [kind])}


def meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content and key not in values:
            values[key] = content
    return values


def parse_datetime(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        value += "T00:00:00"
    value = re.sub(r"(\.\d+)?([+-]\d{2})(\d{2})$", r"\1\2:\3", value.replace(" ", "T", 1))
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


_STORY_TIME_XPATH = "//body//time[@datetime][not(ancestor::li or ancestor::aside or ancestor::nav or ancestor::footer)]"


def published_date(tree, meta: dict, ld: list[dict], fallback_date: str | None, fetched_at: datetime) -> datetime | None:
    """Publication time: JSON-LD, then meta tags (both carry a time of day), then htmldate's day."""
    candidates = [str(o.get("datePublished")) for o in ld if o.get("datePublished") and json_ld_types(o) & ARTICLE_TYPES]
    candidates += [meta[key] for key in _PUBLISHED_META if key in meta]
    candidates += [el.get("datetime", "") for el in tree.xpath("//time[@itemprop='datePublished' or @pubdate]")]
    # the first <time> outside lists and side boxes is the story's own (later ones: updates, related links)
    candidates += [el.get("datetime", "") for el in tree.xpath(_STORY_TIME_XPATH)[:1]]
    if fallback_date:
        candidates.append(fallback_date)
    latest_plausible = fetched_at + timedelta(days=1)
    for value in candidates:
        parsed = parse_datetime(value)
        if parsed and datetime(1990, 1, 1, tzinfo=timezone.utc) <= parsed <= latest_plausible:
            return parsed
    return None


BYLINE_RE = re.compile(r"^\s*(?:by|from|von|par|por)\s+", re.I)


def find_authors(ld: list[dict], trafilatura_author: str | None) -> list[str]:
    names: list[str] = []
    for obj in ld:
        if not json_ld_types(obj) & ARTICLE_TYPES:
            continue
        people = obj.get("author") or []
        for person in people if isinstance(people, list) else [people]:
            name = person.get("name") if isinstance(person, dict) else person
            if isinstance(name, str) and (not isinstance(person, dict) or "organization" not in json_ld_types(person)):
                names.append(name)
    if not names and trafilatura_author:
        names = re.split(r"\s*;\s*", trafilatura_author)
    cleaned: list[str] = []
    for name in names:
        name = BYLINE_RE.sub("", re.sub(r"\s+", " ", name)).strip(" ,;|")
        if name and "@" not in name and "://" not in name and len(name) <= 80 and name not in cleaned:
            cleaned.append(name)
    return cleaned


_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\-\u00b7\u2022:]\s+")


def clean_title(title: str, site_name: str | None, h1: str | None) -> str:
    """The headline without the site name that <title> tags often carry before or after it."""
    title = re.sub(r"\s+", " ", title or "").strip()
    if h1 and len(h1) >= 10 and h1 in title:
        return h1
    if site_name:
        site = re.escape(site_name.strip())
        title = re.sub(rf"\s+[|\u2013\u2014\-\u00b7\u2022:]\s+{site}$", "", title, flags=re.I)
        title = re.sub(rf"^{site}\s+[|\u2013\u2014\-\u00b7\u2022:]\s+", "", title, flags=re.I)
    return title or (h1 or "")


def find_site_name(doc_sitename: str | None, meta: dict, ld: list[dict], title: str, h1: str | None, url: str) -> str | None:
    """The outlet's name from metadata, never the bare host name trafilatura falls back to."""
    host = (urlsplit(url).hostname or "").lower()
    publishers = [o.get("publisher") for o in ld if isinstance(o.get("publisher"), dict)]
    for value in (meta.get("og:site_name"), meta.get("application-name"), *(p.get("name") for p in publishers), doc_sitename):
        if isinstance(value, str) and value.strip() and host not in value.lower() and not value.strip().startswith(("http", "www.")):
            return value.strip()
    # "<headline> - <site>" where the headline is the page's <h1>
    parts = _TITLE_SEPARATORS.split(re.sub(r"\s+", " ", title or "").strip())
    if len(parts) > 1 and h1 and normalize(" ".join(parts[:-1])) == normalize(h1) and len(parts[-1]) <= 60:
        return parts[-1]
    return None


LANGUAGE_STOPLISTS = {
    "en": "English", "fr": "French", "es": "Spanish", "de": "German", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "tr": "Turkish", "pl": "Polish",
    "id": "Indonesian", "sw": "Swahili",
}


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    available = set(justext.get_stoplists())
    return {code: frozenset(justext.get_stoplist(name)) for code, name in LANGUAGE_STOPLISTS.items() if name in available}


def guess_language(text: str) -> str | None:
    """The language whose stopwords cover most of the text (pages that do not declare one)."""
    words = re.findall(r"\w+", text.lower())[:3000]
    if len(words) < 30:
        return None
    shares = {code: sum(w in stop for w in words) / len(words) for code, stop in _stoplists().items()}
    best = max(shares, key=shares.get)
    return best if shares[best] >= 0.25 else None


def page_language(tree, meta: dict, headers: dict) -> str | None:
    for value in (
        tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"), meta.get("content-language"),
        meta.get("og:locale"), meta.get("language"), headers.get("content-language"),
    ):
        if value:
            code = re.split(r"[-_,;\s]", str(value).strip().lower())[0]
            if re.fullmatch(r"[a-z]{2,3}", code):
                return code
    return None


def site_key(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    domain = extract_domain(f"http://{host}/", fast=True) if "." in host and not re.fullmatch(r"[\d.]+", host) else None
    # registrable domain for public hosts; host and port for local ones (demo outlets differ by port)
    return domain or f"{host}:{parts.port or ''}"


def _clean_url(url: str) -> str:
    """Without tracking parameters and fragment, with a lower-case host and no default port."""
    parts = urlsplit(url_query_cleaner(url, TRACKING_PARAMS, remove=True, keep_fragments=False))
    netloc = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in (("http", 80), ("https", 443)):
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", parts.query, ""))


def choose_canonical(tree, meta: dict, final_url: str) -> str:
    """The page's own canonical URL (link rel=canonical, then og:url) when it is absolute-able, http(s),
    on the same site and not the site root; otherwise the final fetched URL."""
    final_path = urlsplit(final_url).path.rstrip("/")
    candidates = [el.get("href", "") for el in tree.xpath("//head/link[@href]") if "canonical" in (el.get("rel") or "").lower().split()]
    candidates.append(meta.get("og:url", ""))
    for candidate in candidates:
        candidate = candidate.strip()
        if not candidate:
            continue
        absolute = urljoin(final_url, candidate)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            continue
        if site_key(absolute) != site_key(final_url):
            logger.debug("canonical %s is off-site for %s", absolute, final_url)
            continue
        if final_path and not parts.path.rstrip("/"):
            continue  # a CMS that points every page at the home page
        return _clean_url(absolute)
    return _clean_url(final_url)
