"""Builds the demo news world in memory: for each outlet, {path: Response(status, headers, body)}
covering articles, listings, feeds, sitemaps, robots.txt and assets, from demo/articles/<outlet>/*.yaml."""
from __future__ import annotations

import hashlib
import logging
import re
import zlib
from datetime import date, datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import NamedTuple

import yaml

from demo import assets, feeds, layout, render

log = logging.getLogger(__name__)

DEMO_DIR = Path(__file__).resolve().parent
ARTICLES_DIR = DEMO_DIR / "articles"
OUTLETS_FILE = DEMO_DIR / "outlets.yaml"
SAMPLES_DIR = "_samples"
SECTIONS = ("world", "politics", "disasters", "economy", "analysis")
REQUIRED = ("slug", "title", "section", "published", "authors", "summary", "body")
EARLIEST = datetime(2026, 10, 1, tzinfo=timezone.utc)
LATEST = datetime(2026, 11, 24, tzinfo=timezone.utc)
NOT_FOUND_PATH = "/404.html"  # served with status 404, and for every unknown path
RELATED = 4
MOST_READ = 5


class Response(NamedTuple):
    status: int
    headers: dict[str, str]
    body: bytes


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def load_outlets(faults: bool = False) -> dict[str, dict]:
    """Outlets in serving order (outlets.yaml order); the `faulty` outlet only when faults=True."""
    outlets = yaml.safe_load(OUTLETS_FILE.read_text(encoding="utf-8"))
    return {o["key"]: o for o in outlets if faults or not o.get("faults_only")}


def _as_utc(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    else:
        dt = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    if dt is not None and dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc) if dt else None


def article_problems(data, stem: str, strict: bool = True) -> list[str]:
    """What is wrong with one parsed article file. Non-strict checks only what rendering needs;
    strict also checks FORMAT.md's editorial rules (date range, paragraph and comment counts)."""
    if not isinstance(data, dict):
        return ["not a YAML mapping"]
    problems = [f"missing {key}" for key in REQUIRED if not data.get(key)]
    if data.get("slug") and data["slug"] != stem:
        problems.append(f"slug {data['slug']!r} differs from the file name")
    if data.get("slug") and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", str(data["slug"])):
        problems.append("slug is not lowercase-hyphenated")
    if data.get("section") and data["section"] not in SECTIONS:
        problems.append(f"unknown section {data['section']!r}")
    for key in ("published", "updated"):
        try:
            _as_utc(data.get(key))
        except (TypeError, ValueError):
            problems.append(f"{key} is not a timestamp")
    if not isinstance(data.get("body", []), list) or not all(isinstance(p, (str, int, float)) for p in data.get("body") or []):
        problems.append("body is not a list of paragraphs")
    if not isinstance(data.get("authors", []), list):
        problems.append("authors is not a list")
    comments = data.get("comments") or []
    if not isinstance(comments, list) or not all(isinstance(c, dict) and "text" in c for c in comments):
        problems.append("comments must be a list of {author, text}")
    if strict and not problems:
        published = _as_utc(data["published"])
        if not EARLIEST <= published < LATEST:
            problems.append(f"published {published:%Y-%m-%d} outside 2026-10-01..2026-11-23")
        updated = _as_utc(data.get("updated"))
        if updated and updated < published:
            problems.append("updated is before published")
        blocks = layout.body_blocks(data)
        paragraphs = sum(kind == "p" for kind, _ in blocks)
        if not 6 <= paragraphs <= 12:
            problems.append(f"{paragraphs} body paragraphs (want 6-12, not counting subheadings and quotes)")
        words = sum(len(text.split()) for _, text in blocks)
        if not 280 <= words <= 700:  # FORMAT.md asks for 300-650; a little slack for edits
            problems.append(f"{words} words in the body (want 300-650)")
        if len(comments) > 5:
            problems.append(f"{len(comments)} comments (want at most 5)")
        if not 1 <= len(data["authors"]) <= 2:
            problems.append(f"{len(data['authors'])} authors (want 1-2)")
        if "gold" not in data:
            problems.append("missing gold")
    return problems


def _read_dir(folder: Path) -> list[dict]:
    articles = []
    for file in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            log.warning("skipping unparsable article", extra={"file": str(file), "error": str(exc)})
            continue
        problems = article_problems(data, file.stem, strict=False)
        if problems:
            log.warning("skipping invalid article", extra={"file": str(file), "problems": problems})
            continue
        article = dict(data)
        article["published"] = _as_utc(data["published"])
        article["updated"] = _as_utc(data.get("updated"))
        article["authors"] = [str(a) for a in data["authors"]]
        article["comments"] = list(data.get("comments") or [])
        article["file"] = str(file)
        articles.append(article)
    return articles


def load_articles(outlet: str | None = None, samples: bool = False, root: Path = ARTICLES_DIR) -> list[dict]:
    """The articles an outlet (or all three) serves, newest first: each parsed YAML dict with UTC
    datetimes plus `outlet`, `path` (the canonical URL path) and `file`. With samples=True the files
    in articles/_samples/ are served by every outlet too (a slug the outlet already has wins)."""
    outlets = load_outlets()
    keys = [outlet] if outlet else list(outlets)
    sample_articles = _read_dir(root / SAMPLES_DIR) if samples else []
    result = []
    for key in keys:
        seen: set[str] = set()
        for article in _read_dir(root / key) + sample_articles:
            path = layout.article_path(article, outlets[key])
            if path in seen:
                log.warning("duplicate article path skipped", extra={"outlet": key, "path": path})
                continue
            seen.add(path)
            result.append({**article, "outlet": key, "path": path})
    return [a for key in keys for a in feeds.newest([a for a in result if a["outlet"] == key])]


def load_sample_articles(root: Path = ARTICLES_DIR) -> list[dict]:
    """The development samples in articles/_samples/, sorted by slug."""
    return _read_dir(root / SAMPLES_DIR)


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------


def html_response(outlet: dict, html: str, status: int = 200, modified: datetime | None = None) -> Response:
    headers = {"Content-Type": layout.html_content_type(outlet)}
    if modified:
        headers["Last-Modified"] = format_datetime(modified, usegmt=True)
    return Response(status, headers, html.encode("utf-8"))


def text_response(content_type: str, text: str) -> Response:
    return Response(200, {"Content-Type": content_type}, text.encode("utf-8"))


def related_articles(article: dict, articles: list[dict], n: int = RELATED) -> list[dict]:
    """Other articles sharing the most tags, then the same section, then nearest in time."""
    tags = set(article.get("tags") or [])

    def score(other: dict):
        shared = len(tags & set(other.get("tags") or []))
        gap = abs((other["published"] - article["published"]).total_seconds())
        return (-shared, other["section"] != article["section"], gap, other["slug"])

    return sorted((a for a in articles if a["slug"] != article["slug"]), key=score)[:n]


def most_read(articles: list[dict], n: int = MOST_READ) -> list[dict]:
    """A stable stand-in for a popularity ranking."""
    return sorted(articles, key=lambda a: zlib.crc32(a["slug"].encode()))[:n]


def feed_and_sitemaps(outlet: dict, base_url: str, listed: list[dict]) -> dict[str, Response]:
    """The feed, sitemap index and monthly news sitemaps for the given (article-like) entries."""
    pages = {
        layout.feed_path(outlet): text_response(feeds.feed_content_type(outlet), feeds.render_feed(outlet, base_url, listed)),
        layout.sitemap_index_path(outlet): text_response("application/xml; charset=utf-8", feeds.render_sitemap_index(outlet, base_url, listed)),
    }
    for month, group in feeds.sitemap_months(listed).items():
        pages[layout.month_sitemap_path(outlet, month)] = text_response(
            "application/xml; charset=utf-8", feeds.render_month_sitemap(outlet, base_url, group)
        )
    return pages


def build_site(outlet: dict, base_url: str, articles: list[dict]) -> dict[str, Response]:
    """Every URL of one outlet: {path (with query where it matters): Response}."""
    base_url = base_url.rstrip("/")
    articles = feeds.newest(articles)
    site: dict[str, Response] = {}
    for article in articles:
        html = render.render_article(article, outlet, base_url, related_articles(article, articles))
        site[layout.article_path(article, outlet)] = html_response(outlet, html, modified=article.get("updated") or article["published"])
        if article.get("image"):
            site[layout.image_path(article, outlet)] = Response(200, {"Content-Type": "image/png"}, assets.placeholder_png(article["slug"]))

    home = html_response(outlet, render.render_home(outlet, base_url, articles, most_read(articles)))
    site["/"] = home
    if outlet["template"] == "sahel":
        site["/index.html"] = home  # same page, two URLs; the canonical link says "/"
    for entry in outlet["sections"]:
        in_section = [a for a in articles if a["section"] == entry["key"]]
        pages = max(1, -(-len(in_section) // layout.PAGE_SIZE))
        for page in range(1, pages + 1):
            html = render.render_section(outlet, base_url, entry["key"], in_section, page)
            site[layout.section_path(outlet, entry["key"], page)] = html_response(outlet, html)
    if layout.author_path(outlet, "x"):
        for name in sorted({n for a in articles for n in a["authors"]}):
            mine = [a for a in articles if name in a["authors"]]
            site[layout.author_path(outlet, name)] = html_response(outlet, render.render_author(outlet, base_url, name, mine))
    for name in layout.STATIC_PAGES:
        site[layout.static_path(outlet, name)] = html_response(outlet, render.render_static(outlet, base_url, name))
    site[layout.private_path(outlet)] = html_response(outlet, render.render_private(outlet))
    site[NOT_FOUND_PATH] = html_response(outlet, render.render_not_found(outlet), status=404)

    site.update(feed_and_sitemaps(outlet, base_url, articles))
    site["/robots.txt"] = text_response("text/plain; charset=utf-8", feeds.render_robots(outlet, base_url))
    site[layout.stylesheet_path(outlet)] = text_response("text/css; charset=utf-8", assets.render_stylesheet(outlet))
    site[layout.logo_path(outlet)] = Response(200, {"Content-Type": "image/png"}, assets.placeholder_png(outlet["key"], 240, 48))
    return with_etags(site)


def with_etags(site: dict[str, Response]) -> dict[str, Response]:
    """Adds a strong ETag to every 200 response so re-crawls can use conditional requests."""
    tagged = {}
    for path, resp in site.items():
        if resp.status == 200 and "ETag" not in resp.headers:
            etag = '"' + hashlib.sha1(resp.body).hexdigest()[:16] + '"'
            resp = Response(resp.status, {**resp.headers, "ETag": etag}, resp.body)
        tagged[path] = resp
    return tagged


def default_base_urls(base_port: int = 8701, faults: bool = False, host: str = "127.0.0.1") -> dict[str, str]:
    """Outlet i at http://host:(base_port + i)."""
    return {key: f"http://{host}:{base_port + i}" for i, key in enumerate(load_outlets(faults))}


def build_world(
    base_urls: dict[str, str] | None = None, faults: bool = False, samples: bool = False, root: Path = ARTICLES_DIR
) -> dict[str, dict[str, Response]]:
    """{outlet key: {path: Response}} for the three outlets, plus `faulty` with faults=True."""
    from demo import faults as fault_routes  # faults builds on this module

    base_urls = base_urls or default_base_urls(faults=faults)
    outlets = load_outlets(faults)
    world = {}
    for key, outlet in outlets.items():
        if outlet.get("faults_only"):
            world[key] = fault_routes.build_faulty_site(outlet, base_urls[key], root)
        else:
            world[key] = build_site(outlet, base_urls[key], load_articles(key, samples=samples, root=root))
        log.info("built demo outlet", extra={"outlet": key, "urls": len(world[key])})
    return world


def resolve(site: dict[str, Response], target: str) -> Response:
    """The response for a request target ("/path?query"): an exact match first, then the path with
    its query ignored (tracking parameters change nothing), then a slash-adding 301, else 404."""
    if target in site:
        return site[target]
    path, _, query = target.partition("?")
    if path in site:
        return site[path]
    if not path.endswith("/") and path + "/" in site:
        return Response(301, {"Location": path + "/" + (f"?{query}" if query else "")}, b"")
    return site.get(NOT_FOUND_PATH) or Response(404, {"Content-Type": "text/plain; charset=utf-8"}, b"Not found\n")
