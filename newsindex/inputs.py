"""Turn a file or URL given on the command line into the page dict the workers consume."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from w3lib.encoding import html_to_unicode

MAX_BYTES = 20 * 1024 * 1024


def page_from_bytes(body: bytes, url: str, status: int = 200, headers: dict[str, str] | None = None,
                    source: str | None = None) -> dict:
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    encoding, html = html_to_unicode(headers.get("content-type"), body)
    return {
        "url": url, "final_url": url, "status": status, "headers": headers, "html": html, "encoding": encoding,
        "fetched_at": datetime.now(timezone.utc).isoformat(), "source": source or urlsplit(url).netloc or "file",
        "discovered_via": "cli",
    }


def read_page(source: str) -> dict:
    if source.startswith(("http://", "https://")):
        return _fetch(source)
    path = Path(source)
    if path.stat().st_size > MAX_BYTES:
        raise ValueError(f"{source}: file larger than {MAX_BYTES} bytes")
    return page_from_bytes(path.read_bytes(), path.resolve().as_uri(), headers={"content-type": "text/html"})


def _fetch(url: str) -> dict:
    # Streamed so that a huge response is refused at the limit instead of being held in memory first.
    with httpx.Client(follow_redirects=True, timeout=30, max_redirects=10) as client:
        with client.stream("GET", url) as response:
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_BYTES:
                    raise ValueError(f"{url}: response larger than {MAX_BYTES} bytes")
    page = page_from_bytes(bytes(body), url, response.status_code, dict(response.headers))
    page["final_url"] = str(response.url)
    return page
