"""Shared by the demo outlets' templates: their URL layouts, page sizes, and the article content
helpers (body blocks, dateline, dates, bylines, share links, JSON-LD)."""
from __future__ import annotations

import json
import posixpath
import re
import zlib
from datetime import datetime, timezone
from html import escape
from typing import Sequence
from urllib.parse import quote

FEED_SIZE = 20  # feeds carry only the newest items; sitemaps list everything
PAGE_SIZE = 10  # articles per section page
HOME_SIZE = 12
STATIC_PAGES = {
    "about": "About us",
    "contact": "Contact",
    "privacy": "Privacy policy",
    "terms": "Terms of use",
    "subscribe": "Subscribe",
}
DASH = "\u2014"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"

# Every URL an outlet serves follows its template's layout; {month} is "YYYY-MM".
_LAYOUTS = {
    "meridian": {
        "section": "/{section}/",
        "section_page": "/{section}/page/{page}/",
        "static": "/{name}/",
        "private": "/private/editorial-planning/",
        "feed": "/feed/rss.xml",
        "sitemap_index": "/sitemap.xml",
        "sitemap_month": "/sitemaps/news-{month}.xml",
    },
    "harbour": {
        "section": "/topics/{section}",
        "section_page": "/topics/{section}?page={page}",
        "static": "/{name}",
        "private": "/private/desk-roster",
        "feed": "/feeds/latest.atom",
        "sitemap_index": "/sitemap_index.xml",
        "sitemap_month": "/sitemap-{month}.xml",
    },
    "sahel": {
        "section": "/{section}/index.html",
        "section_page": "/{section}/index-{page}.html",
        "static": "/{name}.html",
        "private": "/private/drafts.html",
        "feed": "/rss.xml",
        "sitemap_index": "/sitemaps/index.xml",
        "sitemap_month": "/sitemaps/{year}/{mm}.xml",
    },
}
TEMPLATES = tuple(_LAYOUTS)


def e(value) -> str:
    return escape(str(value), quote=True)


def wire_id(slug: str) -> int:
    """The stable 6-digit story number in harbour-style URLs."""
    return zlib.crc32(slug.encode()) % 900_000 + 100_000


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _layout(outlet: dict) -> dict:
    return _LAYOUTS[outlet["template"]]


def article_path(article: dict, outlet: dict) -> str:
    """The clean (canonical) path of an article on an outlet."""
    slug, template = article["slug"], outlet["template"]
    if template == "meridian":
        return f"/{article['section']}/{article['published']:%Y/%m/%d}/{slug}/"
    if template == "harbour":
        return f"/news/{slug}-{wire_id(slug)}"
    return f"/{article['section']}/{slug}.html"


def section_path(outlet: dict, section: str, page: int = 1) -> str:
    key = "section" if page == 1 else "section_page"
    return _layout(outlet)[key].format(section=section, page=page)


def author_path(outlet: dict, name: str) -> str | None:
    """Only the broadsheet has author pages."""
    return f"/author/{slugify(name)}/" if outlet["template"] == "meridian" else None


def static_path(outlet: dict, name: str) -> str:
    return _layout(outlet)["static"].format(name=name)


def private_path(outlet: dict) -> str:
    return _layout(outlet)["private"]


def feed_path(outlet: dict) -> str:
    return _layout(outlet)["feed"]


def sitemap_index_path(outlet: dict) -> str:
    return _layout(outlet)["sitemap_index"]


def month_sitemap_path(outlet: dict, month: str) -> str:
    year, mm = month.split("-")
    return _layout(outlet)["sitemap_month"].format(month=month, year=year, mm=mm)


def stylesheet_path(outlet: dict) -> str:
    return f"/static/{outlet['template']}.css"


def logo_path(outlet: dict) -> str:
    return "/static/logo.png"


def image_path(article: dict, outlet: dict) -> str:
    template = outlet["template"]
    if template == "meridian":
        return f"/images/{article['published']:%Y/%m}/{article['slug']}.png"
    if template == "harbour":
        return f"/img/{wire_id(article['slug'])}.png"
    return f"/media/{article['slug']}.png"


def html_content_type(outlet: dict) -> str:
    """Sahel declares its charset only in a <meta>, so its HTTP header leaves it out."""
    return "text/html" if outlet["template"] == "sahel" else "text/html; charset=utf-8"


def _relative(from_path: str, to_path: str) -> str:
    target, _, query = to_path.partition("?")
    rel = posixpath.relpath(target, from_path.rsplit("/", 1)[0] or "/")
    if rel == ".":
        rel = "./"
    elif target.endswith("/"):
        rel += "/"
    return rel + (f"?{query}" if query else "")


def link(outlet: dict, base_url: str, from_path: str, to_path: str) -> str:
    """How each template writes internal links: absolute, root-relative or page-relative."""
    template = outlet["template"]
    if template == "meridian":
        return base_url + to_path
    if template == "sahel":
        return _relative(from_path, to_path)
    return to_path


def body_blocks(article: dict) -> list[tuple[str, str]]:
    """The body as (kind, text) blocks: kind is "p", "h2" (from "## ") or "quote" (from "> ")."""
    blocks = []
    for raw in article.get("body") or []:
        text = str(raw).strip()
        if text.startswith("## "):
            blocks.append(("h2", text[3:].strip()))
        elif text.startswith("> "):
            blocks.append(("quote", text[2:].strip()))
        elif text:
            blocks.append(("p", text))
    return blocks


def dateline_text(article: dict) -> str | None:
    """'HAMA, Syria —', the words that open the first paragraph, or None."""
    dateline = (article.get("dateline") or "").strip()
    return f"{dateline} {DASH}" if dateline else None


def iso_time(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def modified_at(article: dict) -> datetime:
    return article.get("updated") or article["published"]


def authors_text(authors: Sequence[str]) -> str:
    authors = list(authors)
    return " and ".join(authors) if len(authors) <= 2 else ", ".join(authors[:-1]) + " and " + authors[-1]


def section_label(outlet: dict, section: str) -> str:
    for entry in outlet["sections"]:
        if entry["key"] == section:
            return entry["label"]
    return section.title()


def og_image(article: dict, outlet: dict, base_url: str) -> str:
    path = image_path(article, outlet) if article.get("image") else logo_path(outlet)
    return base_url + path


def share_links(url: str, title: str) -> list[tuple[str, str]]:
    u, t = quote(url, safe=""), quote(title, safe="")
    return [
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ("X", f"https://twitter.com/intent/tweet?url={u}&text={t}"),
        ("WhatsApp", f"https://wa.me/?text={t}%20{u}"),
        ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        ("Email", f"mailto:?subject={t}&body={u}"),
    ]


def json_ld(data: dict) -> str:
    # "</" inside a script element would end it early.
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")


def copyright_line(outlet: dict) -> str:
    return f"\u00a9 2026 {e(outlet['copyright'])}. All rights reserved."
