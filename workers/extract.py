"""Extraction stage: turn one fetched page into an Article (clean main text plus metadata), or raise
ExtractionError with a short machine reason when the page cannot give an article."""
from __future__ import annotations

import base64
import codecs
import json
import logging
import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Literal
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit

import justext
import lxml.html
import trafilatura
from courlan import extract_domain
from lxml import etree
from trafilatura.metadata import extract_metadata
from trafilatura.readability_lxml import Document as ReadabilityDocument
from w3lib.encoding import html_to_unicode
from w3lib.url import url_query_cleaner

from indexer.article import Article
from indexer.ids import TRACKING_PARAMS, article_id

logger = logging.getLogger(__name__)

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

# ---------------------------------------------------------------------------------------------
# Decoding and validation of the raw page

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SNIFF_TYPES = ("", "text/plain", "application/octet-stream", "binary/octet-stream", "application/x-unknown")
_MARKUP_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|p|div|article|main|section|title|h1|span|a)\b", re.I)
_NON_HTML_START_RE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?<(?:rss|feed|urlset|sitemapindex|svg)\b", re.I)
_JUNK_RE = re.compile("[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_MOJIBAKE_RE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc]|\u00e2\u20ac")
_SCRIPT_STYLE_RE = re.compile(
    r"<script\b(?![^>]*ld\+json)[^>]*>.*?</script\s*>|<style\b[^>]*>.*?</style\s*>|<!--.*?-->", re.I | re.S
)
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def _latin1_fallback(err: UnicodeEncodeError) -> tuple[bytes, int]:
    # cp1252 leaves five byte values undefined; text decoded as latin-1 still carries them as U+0080..U+009F
    chunk = err.object[err.start:err.end]
    if all(ord(ch) < 256 for ch in chunk):
        return bytes(ord(ch) for ch in chunk), err.end
    raise err


def _latin1_dec_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    # the reverse: bytes cp1252 leaves undefined become U+0080..U+009F instead of failing
    return "".join(chr(b) for b in err.object[err.start:err.end]), err.end


codecs.register_error("newsindex_latin1", _latin1_fallback)
codecs.register_error("newsindex_latin1_dec", _latin1_dec_fallback)


def _content_type(headers: dict) -> tuple[str, str | None]:
    value = str(headers.get("content-type") or "")
    mime = value.split(";")[0].strip().lower()
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", value, re.I)
    return mime, match.group(1) if match else None


def _decode_bytes(raw: bytes, content_type: str | None, declared: str | None) -> str:
    """Bytes to text: BOM, then HTTP/meta charset, then detection (w3lib); a page whose declared
    UTF-8 does not decode is retried as Windows-1252, the usual truth behind such pages."""
    header = content_type or (f"text/html; charset={declared}" if declared else None)
    encoding, text = html_to_unicode(header, raw)
    if "\ufffd" in text and codecs.lookup(encoding).name == "utf-8":
        alt = raw.decode("cp1252", errors="newsindex_latin1_dec")
        if alt.count("\ufffd") < text.count("\ufffd"):
            text = alt
    return text


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Windows-1252/latin-1 ("Ã©" for "é"), when the whole page is so."""
    if len(_MOJIBAKE_RE.findall(text[:200_000])) < 3:
        return text
    try:
        return text.encode("cp1252", errors="newsindex_latin1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def decode_page(page: dict, options: ExtractionOptions = DEFAULT_OPTIONS) -> str:
    """The page's HTML as clean text, or ExtractionError (not_html / undecodable / empty_page)."""
    headers = {str(k).lower(): v for k, v in (page.get("headers") or {}).items()}
    mime, charset = _content_type(headers)
    if mime and mime not in _HTML_TYPES and mime not in _SNIFF_TYPES:
        raise ExtractionError("not_html", f"content-type {mime}")
    raw = base64.b64decode(page["body_b64"]) if page.get("body_b64") is not None else page.get("html")
    if raw is None:
        raise ExtractionError("empty_page", "no body")
    if isinstance(raw, (bytes, bytearray)):
        text = _decode_bytes(bytes(raw), headers.get("content-type"), page.get("encoding") or charset)
    else:
        text = str(raw)
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise ExtractionError("empty_page", "blank body")
    sample = text[:200_000]
    visible = sum(1 for ch in sample if not ch.isspace())
    junk = len(_JUNK_RE.findall(sample))
    if junk and junk / max(visible, 1) > options.max_junk_ratio:
        raise ExtractionError("undecodable", f"{junk} replacement/control characters in {visible}")
    if _NON_HTML_START_RE.match(sample) or not _MARKUP_RE.search(sample):
        raise ExtractionError("not_html", "no HTML markup")
    # a few stray control characters are tolerated above, but lxml refuses them
    return _repair_mojibake(_CONTROL_RE.sub("", text))


# comments and processing instructions are dropped at parse time, as trafilatura's own loader does: left in
# the tree, a comment before an inline image made trafilatura lose the paragraph around it
_HTML_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True)


def _parse(html: str, options: ExtractionOptions) -> lxml.html.HtmlElement:
    html = _XML_DECL_RE.sub("", html, count=1)
    if len(html) > options.max_html_chars:
        html = _SCRIPT_STYLE_RE.sub("", html)
        if len(html) > options.max_html_chars:
            logger.info("page cut from %d to %d characters", len(html), options.max_html_chars)
            html = html[: options.max_html_chars]
    try:
        tree = lxml.html.document_fromstring(html, parser=_HTML_PARSER)
    except (etree.ParserError, ValueError) as err:
        raise ExtractionError("empty_page", f"unparsable: {err}") from err
    body = tree.find("body")
    if body is None or not "".join(body.itertext()).strip():
        raise ExtractionError("empty_page", "no visible text")
    return tree


# ---------------------------------------------------------------------------------------------
# Metadata beside the main text

_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
    "report", "techarticle", "scholarlyarticle", "socialmediaposting",
}
_LISTING_TYPES = {"collectionpage", "itemlist", "searchresultspage", "profilepage", "contactpage"}
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
)


def _json_ld_objects(tree: lxml.html.HtmlElement) -> list[dict]:
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


def _ld_types(obj: dict) -> set[str]:
    kind = obj.get("@type") or []
    return {str(t).lower() for t in (kind if isinstance(kind, list) else [kind])}


def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content and key not in values:
            values[key] = content
    return values


def _parse_datetime(value: str) -> datetime | None:
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


def _published(tree, meta: dict, ld: list[dict], fallback_date: str | None, fetched_at: datetime) -> datetime | None:
    """Publication time: JSON-LD, then meta tags (both carry a time of day), then htmldate's day."""
    candidates = [str(o.get("datePublished")) for o in ld if o.get("datePublished") and _ld_types(o) & _ARTICLE_TYPES]
    candidates += [meta[key] for key in _PUBLISHED_META if key in meta]
    candidates += [el.get("datetime", "") for el in tree.xpath("//time[@itemprop='datePublished' or @pubdate]")]
    # the first <time> outside lists and side boxes is the story's own (later ones: updates, related links)
    candidates += [el.get("datetime", "") for el in tree.xpath(_STORY_TIME_XPATH)[:1]]
    if fallback_date:
        candidates.append(fallback_date)
    latest_plausible = fetched_at + timedelta(days=1)
    for value in candidates:
        parsed = _parse_datetime(value)
        if parsed and datetime(1990, 1, 1, tzinfo=timezone.utc) <= parsed <= latest_plausible:
            return parsed
    return None


_BY_RE = re.compile(r"^\s*(?:by|from|von|par|por)\s+", re.I)


def _authors(ld: list[dict], trafilatura_author: str | None) -> list[str]:
    names: list[str] = []
    for obj in ld:
        if not _ld_types(obj) & _ARTICLE_TYPES:
            continue
        people = obj.get("author") or []
        for person in people if isinstance(people, list) else [people]:
            name = person.get("name") if isinstance(person, dict) else person
            if isinstance(name, str) and (not isinstance(person, dict) or "organization" not in _ld_types(person)):
                names.append(name)
    if not names and trafilatura_author:
        names = re.split(r"\s*;\s*", trafilatura_author)
    cleaned: list[str] = []
    for name in names:
        name = _BY_RE.sub("", re.sub(r"\s+", " ", name)).strip(" ,;|")
        if name and "@" not in name and "://" not in name and len(name) <= 80 and name not in cleaned:
            cleaned.append(name)
    return cleaned


_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014\-\u00b7\u2022:]\s+")


def _clean_title(title: str, site_name: str | None, h1: str | None) -> str:
    """The headline without the site name that <title> tags often carry before or after it."""
    title = re.sub(r"\s+", " ", title or "").strip()
    if h1 and len(h1) >= 10 and h1 in title:
        return h1
    if site_name:
        site = re.escape(site_name.strip())
        title = re.sub(rf"\s+[|\u2013\u2014\-\u00b7\u2022:]\s+{site}$", "", title, flags=re.I)
        title = re.sub(rf"^{site}\s+[|\u2013\u2014\-\u00b7\u2022:]\s+", "", title, flags=re.I)
    return title or (h1 or "")


def _site_name(doc_sitename: str | None, meta: dict, ld: list[dict], title: str, h1: str | None, url: str) -> str | None:
    """The outlet's name from metadata, never the bare host name trafilatura falls back to."""
    host = (urlsplit(url).hostname or "").lower()
    publishers = [o.get("publisher") for o in ld if isinstance(o.get("publisher"), dict)]
    for value in (meta.get("og:site_name"), meta.get("application-name"), *(p.get("name") for p in publishers), doc_sitename):
        if isinstance(value, str) and value.strip() and host not in value.lower() and not value.strip().startswith(("http", "www.")):
            return value.strip()
    # "<headline> - <site>" where the headline is the page's <h1>
    parts = _TITLE_SEPARATORS.split(re.sub(r"\s+", " ", title or "").strip())
    if len(parts) > 1 and h1 and _normalize(" ".join(parts[:-1])) == _normalize(h1) and len(parts[-1]) <= 60:
        return parts[-1]
    return None


_LANGUAGE_STOPLISTS = {
    "en": "English", "fr": "French", "es": "Spanish", "de": "German", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "tr": "Turkish", "pl": "Polish",
    "id": "Indonesian", "sw": "Swahili",
}


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    available = set(justext.get_stoplists())
    return {code: frozenset(justext.get_stoplist(name)) for code, name in _LANGUAGE_STOPLISTS.items() if name in available}


def guess_language(text: str) -> str | None:
    """The language whose stopwords cover most of the text (pages that do not declare one)."""
    words = re.findall(r"\w+", text.lower())[:3000]
    if len(words) < 30:
        return None
    shares = {code: sum(w in stop for w in words) / len(words) for code, stop in _stoplists().items()}
    best = max(shares, key=shares.get)
    return best if shares[best] >= 0.25 else None


def _language(tree, meta: dict, headers: dict) -> str | None:
    for value in (
        tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang"), meta.get("content-language"),
        meta.get("og:locale"), meta.get("language"), headers.get("content-language"),
    ):
        if value:
            code = re.split(r"[-_,;\s]", str(value).strip().lower())[0]
            if re.fullmatch(r"[a-z]{2,3}", code):
                return code
    return None


def _site_key(url: str) -> str:
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
        if _site_key(absolute) != _site_key(final_url):
            logger.debug("canonical %s is off-site for %s", absolute, final_url)
            continue
        if final_path and not parts.path.rstrip("/"):
            continue  # a CMS that points every page at the home page
        return _clean_url(absolute)
    return _clean_url(final_url)


# ---------------------------------------------------------------------------------------------
# Listing pages

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


def _listing_evidence(tree, meta: dict, ld: list[dict], url: str) -> str | None:
    """Why this page looks like an index, listing or service page rather than one article (None if not)."""
    path = urlsplit(url).path
    if not path.strip("/"):
        return "site front page"
    if _SERVICE_PATH_RE.match(path):
        return f"service page {path}"
    types = set().union(*(_ld_types(o) for o in ld)) if ld else set()
    if types & _LISTING_TYPES and not types & _ARTICLE_TYPES:
        return f"structured data says {sorted(types & _LISTING_TYPES)[0]}"
    if _has_article_markup(meta, types):
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


def _has_article_markup(meta: dict, ld_types: set[str]) -> bool:
    return bool(ld_types & _ARTICLE_TYPES) or meta.get("og:type", "").lower() == "article" or any(
        k in meta for k in ("article:published_time", "og:published_time")
    )


def _headline_links(tree, url: str) -> set[str]:
    """Normalised texts of links that look like headlines of other pages on the same site."""
    site, own = _site_key(url), urlsplit(url).path.rstrip("/")
    found = set()
    for a in tree.iter("a"):
        text = _normalize(a.text_content())
        href = a.get("href") or ""
        if len(text.split()) < 5 or href.startswith(("#", "mailto:", "javascript:")):
            continue
        target = urljoin(url, href)
        if _site_key(target) == site and urlsplit(target).path.rstrip("/") not in ("", own):
            found.add(text)
    return found


def _teaser_list(paras: list[str], headlines: set[str]) -> bool:
    """Main text that is mostly headline links with their summaries: a listing, not an article."""
    if len(paras) < 2 or not headlines:
        return False
    with_headline = sum(1 for p in paras if any(h in _normalize(p) for h in headlines))
    return with_headline >= 2 and with_headline >= 0.5 * len(paras)


# ---------------------------------------------------------------------------------------------
# Main text: trafilatura, then a paragraph vote with other extractors when the result looks wrong

# a short line that opens with these words is site furniture, not reporting
_FURNITURE_LINE_START_RE = re.compile(
    r"^\W*(?:advertisement|sponsored|read (?:more|also|next)|related\b|more (?:on|from) |see also|recommended|most read"
    r"|trending|comments?\b|tags?:|topics?:|filed under|share (?:this|on)|follow us|sign up|subscribe|newsletter"
    r"|(?:photo|image|picture|video)s?\s*(?::|by\b)|credit:)",
    re.I,
)
# ... and these wherever they appear in a short line
_FURNITURE_LINE_ANY_RE = re.compile(r"all rights reserved|\u00a9|click here|download (?:our|the) app|\bcopyright\s+(?:\u00a9\s*)?\d{4}", re.I)


def _normalize(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _paragraphs(text: str) -> list[str]:
    return [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in (text or "").splitlines() if line.strip()]


_COOKIE_RE = re.compile(r"\bcookies?\b", re.I)
_AGREE_RE = re.compile(r"\b(?:agree|accept|consent|continu\w* (?:to )?(?:browse|browsing|use|using))", re.I)


_STANDFIRST_RE = re.compile(
    r"standfirst|strapline|(?:^|[\s_-])(?:dek|deck|subtitle|sub-?headline|summary|excerpt|lede-text)(?:$|[\s_-])", re.I
)


def standfirsts(tree) -> set[str]:
    """Normalised texts the page marks as standfirst/dek (or puts in the story header): summary, not body."""
    found = set()
    for el in tree.xpath("//body//*[self::p or self::div or self::h2 or self::span]"):
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        # a paragraph or h2 inside the story's <header> is its standfirst (the headline is an h1); a <header>
        # wrapping <main> or <article> is a site-wide (or unclosed) one, not the story's
        story_header = "ancestor::header[not(ancestor::footer)][not(.//main or .//article)]"
        if _STANDFIRST_RE.search(marks) or (el.tag in ("p", "h2") and el.xpath(story_header)):
            text = _normalize(el.text_content())
            if 5 <= len(text.split()) <= 80:
                found.add(text)
    return found


def _strip_furniture(paras: list[str], title: str, authors: list[str], summaries: set[str] = frozenset()) -> list[str]:
    """Drop the headline and standfirst repeated atop the body, byline/date lines and boilerplate lines."""
    norm_title = _normalize(title)
    author_norms = [_normalize(a) for a in authors if a]
    kept = []
    for i, para in enumerate(paras):
        norm = _normalize(para)
        if not norm:
            continue
        words = len(norm.split())
        if i < 3 and (norm == norm_title or norm in summaries):
            continue
        if "|" in para and words <= 4:
            continue  # cells of a byline/date table
        if words <= 80 and _COOKIE_RE.search(para) and _AGREE_RE.search(para):
            continue
        if words <= 12 and (_BY_RE.match(para) or any(a and a in norm for a in author_norms)) and i < 5:
            continue
        if words <= 25 and (_FURNITURE_LINE_START_RE.search(para) or _FURNITURE_LINE_ANY_RE.search(para)):
            continue
        kept.append(para)
    return kept


_FURNITURE_RE = re.compile(
    r"(?:^|[\s_-])(?:cookie\w*|consent|gdpr|cmp|onetrust|newsletter\w*|paywall|promo\w*|related\w*|share|sharing|sharebar"
    r"|social\w*|comments?|cmts?|disqus|advert\w*|adv|ads?|adbox|adslot|sponsor\w*|outbrain|taboola|subscribe\w*|signup"
    r"|popup|modal|most-?read|trending|recommend\w*|read-?more|breadcrumbs?|crumbs)(?:$|[\s_-])",
    re.I,
)


def prune_furniture(tree, url: str) -> lxml.html.HtmlElement:
    """A copy of the page without banners, promos, share bars, related links and comment threads, found by
    their class/id; an element holding a quarter of the page's text or the headline is never removed."""
    tree = deepcopy(tree)
    body = tree.find("body")
    if body is None:
        return tree
    limit = 0.25 * len(" ".join(body.text_content().split()))
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el.tag in ("body", "html", "main") or el.getparent() is None:
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not marks.strip() or not _FURNITURE_RE.search(marks):
            continue
        if el.find(".//h1") is not None or len(" ".join(el.text_content().split())) > limit:
            continue
        el.drop_tree()
    for teaser in _teasers(tree, url):
        if teaser.getparent() is not None:
            teaser.drop_tree()
    return tree


def _teasers(tree, url: str) -> list:
    """Teaser cards: the largest block around a headline that links to another page of the site, holding
    nothing but that headline and a short summary ("next story", "more from", unlabelled related boxes)."""
    site, own = _site_key(url), urlsplit(url).path.rstrip("/")

    def targets(heading) -> set[str]:
        """Paths of other pages of the site that this heading links to."""
        paths = set()
        for a in heading.xpath(".//a[@href] | ancestor::a[@href]"):
            target = urljoin(url, a.get("href"))
            path = urlsplit(target).path.rstrip("/")
            if _site_key(target) == site and path not in ("", own):
                paths.add(path)
        return paths

    found = []
    for heading in tree.xpath("//body//*[self::h2 or self::h3 or self::h4]"):
        if not targets(heading):
            continue
        block, parent = None, heading.getparent()
        while parent is not None and parent.tag not in ("body", "html", "main"):
            text = " ".join(parent.text_content().split())
            linked = set().union(*(targets(h) for h in parent.xpath(".//h2|.//h3|.//h4")))
            if len(text) > 700 or len(linked) > 1 or parent.find(".//h1") is not None:
                break
            block, parent = parent, parent.getparent()
        if block is not None:
            found.append(block)
    return found


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
        stoplist = justext.get_stoplist(_LANGUAGE_STOPLISTS.get(language or "en", "English"))
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
    linked = sum(len(p) for p in paras if _normalize(p) in link_texts)
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


def _vote(candidates: dict[str, list[str]], page_norm: str, primary: str) -> list[str]:
    """Paragraph-level majority vote: a paragraph stays when most extractors kept it (the primary's
    paragraphs need one supporter fewer), in page order."""
    joined = {name: " " + " ".join(_normalize(p) for p in paras) + " " for name, paras in candidates.items()}
    seen: set[str] = set()
    scored: list[tuple[int, str]] = []
    for name, paras in candidates.items():
        for para in paras:
            norm = _normalize(para)
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
    kept_norms = [_normalize(p) for _, p in scored]
    result = []
    for i, (_, para) in enumerate(scored):
        norm = kept_norms[i]
        if any(j != i and len(other) > len(norm) and norm in other for j, other in enumerate(kept_norms)):
            continue
        result.append(para)
    return result


def main_text(tree, url: str, language: str | None, options: ExtractionOptions) -> tuple[list[str], str]:
    """The article body as paragraphs, and the name of the extractor path that produced it."""
    primary = _paragraphs(_trafilatura_text(tree, url, options))
    if options.fallback == "never":
        return primary, "trafilatura"
    page = _page_text(tree)
    link_texts = {_normalize(a.text_content()) for a in tree.iter("a") if len(a.text_content()) > 20}
    reason = _suspicious(primary, len(page), link_texts)
    if options.fallback == "auto" and reason is None:
        return primary, "trafilatura"
    logger.debug("voting on %s: %s", url, reason or "always")
    candidates = {
        "trafilatura": primary,
        "recall": _paragraphs(_trafilatura_text(tree, url, options, favor_recall=True, favor_precision=False)),
        "readability": _paragraphs(_readability_text(tree)),
        "justext": _paragraphs(_justext_text(tree, language)),
    }
    voted = _vote(candidates, _normalize(page), "trafilatura")
    if sum(len(p) for p in voted) < 0.5 * sum(len(p) for p in primary):
        return primary, "trafilatura"
    return voted, "trafilatura+vote"


# ---------------------------------------------------------------------------------------------


def _fetched_at(page: dict) -> datetime:
    value = page.get("fetched_at")
    parsed = _parse_datetime(value) if isinstance(value, str) else value if isinstance(value, datetime) else None
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
    tree = _parse(html, options)
    headers = {str(k).lower(): v for k, v in (page.get("headers") or {}).items()}
    fetched_at = _fetched_at(page)

    meta = _meta(tree)
    ld = _json_ld_objects(tree)
    url = choose_canonical(tree, meta, final_url)
    listing = _listing_evidence(tree, meta, ld, url)
    if listing:
        raise ExtractionError("not_article", listing)

    doc = extract_metadata(deepcopy(tree), default_url=final_url, date_config={"original_date": True, "extensive_search": True})
    h1s = [" ".join(h.text_content().split()) for h in tree.iter("h1")]
    h1 = h1s[0] if len(h1s) == 1 else None
    site_name = _site_name(doc.sitename, meta, ld, (tree.findtext(".//title") or ""), h1, final_url)
    title = _clean_title(doc.title or meta.get("og:title", ""), site_name, h1)
    authors = _authors(ld, doc.author)
    description = doc.description or meta.get("og:description") or None

    content_tree = prune_furniture(tree, final_url) if options.prune_furniture else tree
    paras, extractor = main_text(content_tree, final_url, _language(tree, meta, headers), options)
    ld_types = set().union(*(_ld_types(o) for o in ld)) if ld else set()
    if not _has_article_markup(meta, ld_types):
        if _teaser_list(paras, _headline_links(tree, url)):
            raise ExtractionError("not_article", "main text is a list of headlines")
        teasers = len(_teasers(tree, final_url))
        if teasers >= 5 and sum(len(p) for p in paras) < 1000:
            raise ExtractionError("not_article", f"{teasers} teaser cards around little text")
    if options.strip_boilerplate_lines:
        paras = _strip_furniture(paras, title, authors, standfirsts(tree))
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
        published=_published(tree, meta, ld, doc.date, fetched_at),
        language=_language(tree, meta, headers) or guess_language(text),
        site_name=site_name,
        top_image=_absolute_http(doc.image or meta.get("og:image"), final_url),
        tags=list(dict.fromkeys(tags))[:30],
        fetched_at=fetched_at,
        extractor=extractor,
        word_count=len(text.split()),
    )
