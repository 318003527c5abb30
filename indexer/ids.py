"""Document ids: a stable hash of the canonical URL, so a re-crawl overwrites instead of duplicating."""
from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

from courlan import clean_url
from w3lib.url import canonicalize_url, url_query_cleaner

# Query parameters that only track the reader, never select content.
TRACKING_PARAMS = (
    "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id",
    "fbclid", "gclid", "dclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "ref_src", "at_medium", "at_campaign",
)


def canonical_url(url: str) -> str:
    """Normalise a URL: drop tracking parameters and the fragment, sort the rest, lowercase the host,
    drop default ports and a trailing slash difference."""
    cleaned = clean_url(url.strip()) or url.strip()
    cleaned = url_query_cleaner(cleaned, TRACKING_PARAMS, remove=True, keep_fragments=False)
    cleaned = canonicalize_url(cleaned, keep_fragments=False)
    parts = urlsplit(cleaned)
    netloc = parts.hostname or ""
    if parts.port and (parts.scheme, parts.port) not in (("http", 80), ("https", 443)):
        netloc = f"{netloc}:{parts.port}"
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), netloc, path, parts.query, ""))


def article_id(url: str) -> str:
    """The Elasticsearch _id of the article at this URL (any variant of it)."""
    return hashlib.sha1(canonical_url(url).encode("utf-8")).hexdigest()
