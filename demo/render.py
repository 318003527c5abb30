"""Pure renderers of the demo outlets' HTML pages (article, home, section, author, static, private,
not found) in each outlet's template. No I/O."""
from __future__ import annotations

import math
from typing import Sequence

from demo.layout import HOME_SIZE, PAGE_SIZE, STATIC_PAGES, section_label, author_path, e, section_path, static_path
from demo.templates import harbour, meridian, sahel


_TEMPLATES = {"meridian": meridian, "harbour": harbour, "sahel": sahel}


def render_article(article: dict, outlet: dict, base_url: str, related: Sequence[dict] = ()) -> str:
    """One article page in the outlet's template; `related` are other articles of the same outlet."""
    return _TEMPLATES[outlet["template"]].article_page(article, outlet, base_url, list(related))


def render_home(outlet: dict, base_url: str, articles: Sequence[dict], most_read: Sequence[dict] = ()) -> str:
    """The front page: the newest HOME_SIZE articles (pass them newest first)."""
    return _TEMPLATES[outlet["template"]].listing_page(
        outlet, base_url, "/", outlet["name"], list(articles[:HOME_SIZE]), section=None, lead=True, pager=None, most_read=list(most_read)
    )


def render_section(outlet: dict, base_url: str, section: str, articles: Sequence[dict], page: int = 1) -> str:
    """Page `page` of a section index; `articles` is the whole section, newest first."""
    pages = max(1, math.ceil(len(articles) / PAGE_SIZE))
    chunk = list(articles[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    heading = section_label(outlet, section) + (f" \u2014 page {page}" if page > 1 else "")
    return _TEMPLATES[outlet["template"]].listing_page(
        outlet, base_url, section_path(outlet, section, page), heading, chunk, section=section, lead=False, pager=(page, pages), most_read=[]
    )


def render_author(outlet: dict, base_url: str, name: str, articles: Sequence[dict]) -> str:
    """An author's page (templates with author pages only)."""
    return _TEMPLATES[outlet["template"]].listing_page(
        outlet, base_url, author_path(outlet, name), f"Stories by {name}", list(articles), section=None, lead=False, pager=None, most_read=[]
    )


def render_static(outlet: dict, base_url: str, name: str) -> str:
    """About/contact/privacy/terms/subscribe: boilerplate pages that are not articles."""
    title = STATIC_PAGES[name]
    org = outlet["name"]
    text = {
        "about": [f"{org} was founded to give readers clear, sourced reporting. {outlet['tagline']}.", "Our correspondents file from capitals and front lines alike."],
        "contact": [f"To reach the {org} newsroom, write to the desk editor on duty.", "For corrections, please include the headline and date of the story."],
        "privacy": [f"This policy explains what {org} collects when you visit and why.", "We keep server logs for thirty days and use cookies as described in the banner."],
        "terms": [f"By using the {org} website you accept these terms.", "Articles may be quoted briefly with attribution and a link."],
        "subscribe": [f"Support independent journalism: subscribe to {org}.", "Digital access starts at a small weekly price and can be cancelled at any time."],
    }[name]
    return _TEMPLATES[outlet["template"]].plain_page(outlet, base_url, static_path(outlet, name), title, text)


def render_private(outlet: dict) -> str:
    """The robots-disallowed staff page: it links nowhere and a polite crawler never fetches it."""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><meta name="robots" content="noindex, nofollow">'
        f"<title>Internal \u2014 {e(outlet['name'])}</title></head><body><h1>Internal planning notes</h1>"
        "<p>Not for publication. Embargoed drafts and staff rotas live here; crawlers must stay out.</p></body></html>\n"
    )


def render_not_found(outlet: dict) -> str:
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>Page not found \u2014 {e(outlet['name'])}</title></head><body><h1>Page not found</h1>"
        "<p>The page you asked for does not exist or has moved.</p></body></html>\n"
    )
