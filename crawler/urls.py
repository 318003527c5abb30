"""URL rules of the crawl: what to fetch, what counts as the same page, and which origins a site owns."""
from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only track the reader and never select content.
TRACKING_PARAMS = (
    "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id",
    "fbclid", "gclid", "dclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "ref_src", "at_medium", "at_campaign",
)


def clean_url(url: str) -> str:
    """The URL to fetch: as published, less whitespace, fragment and tracking parameters."""
    return url_query_cleaner(url.strip(), TRACKING_PARAMS, remove=True, keep_fragments=False)


def canonical_url(url: str) -> str:
    """The identity of a page for de-duplication: cleaned, query sorted, host lowercased,
    default port and trailing slash dropped."""
    parts = urlsplit(canonicalize_url(clean_url(url), keep_fragments=False))
    host, port = parts.hostname or "", _port(parts)
    netloc = host if port in (None, DEFAULT_PORTS.get(parts.scheme)) else f"{host}:{port}"
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/") or "/", parts.query, ""))


def origin(url: str) -> str:
    """scheme://host[:port] of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def domain_entry(url: str) -> str:
    """The allowed_domains entry a URL implies: host:port when the port is explicit (local outlets
    share one host), else the host without "www." so that sibling subdomains stay in."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port is not None:
        return f"{host}:{parts.port}"
    return host.removeprefix("www.")


def url_allowed(url: str, allowed_domains: list[str]) -> bool:
    """Whether url belongs to one of the entries: "host:port" matches exactly that host and port;
    a bare "example.com" matches it and its subdomains on the scheme's default port."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS:
        return False
    host, port = (parts.hostname or "").lower(), _port(parts) or DEFAULT_PORTS[parts.scheme]
    return any(_entry_matches(host, port, parts.scheme, entry) for entry in allowed_domains)


def _entry_matches(host: str, port: int, scheme: str, entry: str) -> bool:
    want = urlsplit(f"//{entry.strip().lower()}")
    want_host, want_port = want.hostname or "", _port(want)
    if want_port is not None:
        return host == want_host and port == want_port
    return (host == want_host or host.endswith(f".{want_host}")) and port == DEFAULT_PORTS[scheme]


def _port(parts) -> int | None:
    # urlsplit raises on a malformed port; such a URL matches nothing.
    try:
        return parts.port
    except ValueError:
        return -1
