"""Decoding and validating the raw page: bytes to text by header, meta and sniffing, mojibake repair,
and the lxml tree, refusing what is not HTML."""
from __future__ import annotations

import base64
import codecs
import logging
import re

import lxml.html
from lxml import etree
from w3lib.encoding import html_to_unicode


from .options import DEFAULT_OPTIONS, ExtractionError, ExtractionOptions

logger = logging.getLogger(__name__)


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


def parse_html(html: str, options: ExtractionOptions) -> lxml.html.HtmlElement:
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
