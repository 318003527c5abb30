"""Pure renderers for the demo news world: three page templates (meridian, harbour, sahel) with their
URL layouts, plus listings, RSS/Atom feeds, news sitemaps, robots.txt and static assets. No I/O."""
from __future__ import annotations

import json
import logging
import math
import posixpath
import re
import struct
import zlib
from collections import defaultdict
from datetime import datetime, timezone
from email.utils import format_datetime
from html import escape
from typing import Sequence
from urllib.parse import quote

log = logging.getLogger(__name__)

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


# --------------------------------------------------------------------------------------------
# URLs
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Article content
# --------------------------------------------------------------------------------------------


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


def _iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _modified(article: dict) -> datetime:
    return article.get("updated") or article["published"]


def _authors_text(authors: Sequence[str]) -> str:
    authors = list(authors)
    return " and ".join(authors) if len(authors) <= 2 else ", ".join(authors[:-1]) + " and " + authors[-1]


def _section_label(outlet: dict, section: str) -> str:
    for entry in outlet["sections"]:
        if entry["key"] == section:
            return entry["label"]
    return section.title()


def _og_image(article: dict, outlet: dict, base_url: str) -> str:
    path = image_path(article, outlet) if article.get("image") else logo_path(outlet)
    return base_url + path


def _share_links(url: str, title: str) -> list[tuple[str, str]]:
    u, t = quote(url, safe=""), quote(title, safe="")
    return [
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
        ("X", f"https://twitter.com/intent/tweet?url={u}&text={t}"),
        ("WhatsApp", f"https://wa.me/?text={t}%20{u}"),
        ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={u}"),
        ("Email", f"mailto:?subject={t}&body={u}"),
    ]


def _json_ld(data: dict) -> str:
    # "</" inside a script element would end it early.
    return json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")


def _copyright(outlet: dict) -> str:
    return f"\u00a9 2026 {e(outlet['copyright'])}. All rights reserved."


# --------------------------------------------------------------------------------------------
# Template: meridian — semantic HTML5, <article>, JSON-LD NewsArticle, og:/article: meta
# --------------------------------------------------------------------------------------------


def _m_document(outlet, base_url, path, *, title, description, head="", body_class="", section=None, main=""):
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    sections = "".join(
        f'<li class="section-nav__item"><a href="{e(href(section_path(outlet, s["key"])))}"'
        + (' aria-current="true"' if s["key"] == section else "")
        + f'>{e(s["label"])}</a></li>'
        for s in outlet["sections"]
    )
    statics = "".join(f'<li><a href="{e(href(static_path(outlet, k)))}">{e(v)}</a></li>' for k, v in STATIC_PAGES.items())
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} | {e(outlet['name'])}</title>
<meta name="description" content="{e(description)}">
<link rel="canonical" href="{e(base_url + path)}">
<link rel="stylesheet" href="{e(href(stylesheet_path(outlet)))}">
<link rel="alternate" type="application/rss+xml" title="{e(outlet['name'])}" href="{e(href(feed_path(outlet)))}">
<meta property="og:site_name" content="{e(outlet['name'])}">
{head}<script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({{"pageType":"{e(body_class)}"}});</script>
</head>
<body class="{e(body_class)}">
<div id="cookie-consent" class="consent-banner" role="dialog" aria-label="Cookie consent">
 <p class="consent-banner__text">{e(outlet['cookie_text'])}</p>
 <button type="button" class="consent-banner__accept">Accept all</button>
 <button type="button" class="consent-banner__manage">Manage preferences</button>
</div>
<header class="site-header">
 <div class="masthead">
  <a class="masthead__logo" href="{e(href('/'))}"><img src="{e(href(logo_path(outlet)))}" alt="{e(outlet['name'])}" width="240" height="48"></a>
  <p class="masthead__tagline">{e(outlet['tagline'])}</p>
 </div>
 <nav class="top-menu" aria-label="Main menu">
  <ul>
   <li><a href="{e(href('/'))}">Home</a></li>
   <li><a href="{e(href(section_path(outlet, 'world')))}">News</a></li>
   <li><a href="{e(href(section_path(outlet, 'analysis')))}">Opinion</a></li>
   <li><a href="{e(href(static_path(outlet, 'subscribe')))}" class="top-menu__cta">Subscribe</a></li>
  </ul>
 </nav>
 <nav class="section-nav" aria-label="Sections"><ul>{sections}</ul></nav>
</header>
<div class="ad ad--leaderboard" data-ad-slot="leaderboard-top"><span class="ad__label">Advertisement</span></div>
{main}
<footer class="site-footer">
 <nav class="site-footer__links" aria-label="Footer"><ul>{statics}<li><a href="{e(href(private_path(outlet)))}">Staff area</a></li></ul></nav>
 <p class="site-footer__copyright">{_copyright(outlet)}</p>
</footer>
</body>
</html>
"""


def _m_breadcrumbs(outlet, base_url, path, section, current=None):
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    items = [f'<li><a href="{e(href("/"))}">Home</a></li>']
    if section:
        items.append(f'<li><a href="{e(href(section_path(outlet, section)))}">{e(_section_label(outlet, section))}</a></li>')
    if current:
        items.append(f'<li aria-current="page">{e(current)}</li>')
    return f'<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>{"".join(items)}</ol></nav>'


def _m_newsletter(outlet):
    nl = outlet["newsletter"]
    return (
        f'<section class="newsletter-signup"><h2>{e(nl["title"])}</h2><p>{e(nl["text"])}</p>'
        '<form action="/newsletter/signup" method="post"><label>Email <input type="email" name="email" '
        'placeholder="you@example.com"></label><button type="submit">Sign up</button></form></section>'
    )


def _m_article(article, outlet, base_url, related):
    path = article_path(article, outlet)
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    url = base_url + path
    title, summary = article["title"], article.get("summary", "")
    authors = list(article.get("authors") or [])
    published, modified = _iso(article["published"]), _iso(_modified(article))
    image = _og_image(article, outlet, base_url)
    section = article["section"]
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": title,
        "description": summary,
        "image": [image],
        "datePublished": published,
        "dateModified": modified,
        "author": [{"@type": "Person", "name": a, "url": base_url + author_path(outlet, a)} for a in authors],
        "publisher": {"@type": "Organization", "name": outlet["name"], "logo": {"@type": "ImageObject", "url": base_url + logo_path(outlet)}},
        "articleSection": _section_label(outlet, section),
        "keywords": list(article.get("tags") or []),
    }
    if article.get("dateline"):
        ld["dateline"] = article["dateline"]
    head = "".join(
        [
            '<meta property="og:type" content="article">\n',
            f'<meta property="og:title" content="{e(title)}">\n',
            f'<meta property="og:description" content="{e(summary)}">\n',
            f'<meta property="og:url" content="{e(url)}">\n',
            f'<meta property="og:image" content="{e(image)}">\n',
            f'<meta property="article:published_time" content="{published}">\n',
            f'<meta property="article:modified_time" content="{modified}">\n',
            f'<meta property="article:section" content="{e(_section_label(outlet, section))}">\n',
            *(f'<meta property="article:author" content="{e(a)}">\n' for a in authors),
            *(f'<meta property="article:tag" content="{e(t)}">\n' for t in article.get("tags") or []),
            '<meta name="twitter:card" content="summary_large_image">\n',
            f'<script type="application/ld+json">{_json_ld(ld)}</script>\n',
        ]
    )
    byline = " and ".join(f'<a rel="author" class="byline__name" href="{e(href(author_path(outlet, a)))}">{e(a)}</a>' for a in authors)
    updated = ""
    if article.get("updated"):
        updated = f' <span class="story-meta__updated">Updated <time datetime="{modified}">{_m_date(_modified(article))}</time></span>'
    figure = ""
    if article.get("image"):
        img = article["image"]
        figure = (
            f'<figure class="story-media"><img src="{e(href(image_path(article, outlet)))}" alt="{e(img.get("caption", ""))}" width="1200" height="675">'
            f'<figcaption>{e(img.get("caption", ""))} <span class="story-media__credit">{e(img.get("credit", ""))}</span></figcaption></figure>'
        )
    content, paragraphs, dateline = [], 0, dateline_text(article)
    for kind, text in body_blocks(article):
        if kind == "h2":
            content.append(f'<h2 class="story-subhead">{e(text)}</h2>')
        elif kind == "quote":
            content.append(f'<blockquote class="pull-quote"><p>{e(text)}</p></blockquote>')
        else:
            lead = f'<span class="dateline">{e(dateline)}</span> ' if dateline and paragraphs == 0 else ""
            content.append(f"<p>{lead}{e(text)}</p>")
            paragraphs += 1
            if paragraphs == 3:
                content.append(
                    f'<aside class="inline-promo" aria-label="Promotion"><a href="{e(href(static_path(outlet, "subscribe")))}">'
                    "Get unlimited access to The Meridian Post from \u00a31 a week</a></aside>"
                )
    share = "".join(f'<li><a class="share__{slugify(n)}" href="{e(u)}" rel="noopener" target="_blank">{e(n)}</a></li>' for n, u in _share_links(url, title))
    related_items = "".join(
        f'<li><a href="{e(href(article_path(r, outlet)))}">{e(r["title"])}</a> <time datetime="{_iso(r["published"])}">{_m_date(r["published"])}</time></li>'
        for r in related
    )
    comments = article.get("comments") or []
    comment_items = "".join(
        f'<li class="comment"><p class="comment__author">{e(c.get("author", "anonymous"))}</p><div class="comment__body"><p>{e(c.get("text", ""))}</p></div></li>'
        for c in comments
    ) or '<li class="comment comment--empty">No comments yet. Start the conversation.</li>'
    main = f"""<main id="main" class="layout layout--article">
{_m_breadcrumbs(outlet, base_url, path, section, title)}
<article class="story" itemid="{e(url)}">
 <header class="story-header">
  <p class="story-header__kicker"><a href="{e(href(section_path(outlet, section)))}">{e(_section_label(outlet, section))}</a></p>
  <h1 class="story-header__headline">{e(title)}</h1>
  <p class="story-header__standfirst">{e(summary)}</p>
  <div class="story-meta"><span class="byline">By {byline}</span> <time class="story-meta__published" datetime="{published}">{_m_date(article['published'])}</time>{updated}</div>
 </header>
 {figure}
 <div class="story-body">
{chr(10).join(content)}
 </div>
 <footer class="story-footer">
  <ul class="share" aria-label="Share this story">{share}</ul>
 </footer>
</article>
<aside class="sidebar">
 <section class="related-stories"><h2>Related stories</h2><ul>{related_items}</ul></section>
 <div class="ad ad--mpu" data-ad-slot="mpu-1"><span class="ad__label">Advertisement</span></div>
 {_m_newsletter(outlet)}
</aside>
<section id="comments" class="comments"><h2>Comments ({len(comments)})</h2><ol class="comments__list">{comment_items}</ol></section>
</main>"""
    return _m_document(outlet, base_url, path, title=title, description=summary, head=head, body_class="article-page", section=section, main=main)


def _m_date(dt: datetime) -> str:
    return f"{dt.day} {dt:%B %Y, %H:%M} GMT"


def _m_listing(outlet, base_url, path, heading, articles, *, section, lead, pager, most_read):
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    cards = []
    for i, a in enumerate(articles):
        url = href(article_path(a, outlet))
        authors = ", ".join(a.get("authors") or [])
        if lead and i == 0:
            image = f'<a href="{e(url)}"><img src="{e(href(image_path(a, outlet)))}" alt=""></a>' if a.get("image") else ""
            cards.append(
                f'<article class="card card--lead">{image}<h2 class="card__title"><a href="{e(url)}">{e(a["title"])}</a></h2>'
                f'<p class="card__standfirst">{e(a.get("summary", ""))}</p><p class="card__meta">{e(authors)} \u00b7 '
                f'<time datetime="{_iso(a["published"])}">{_m_date(a["published"])}</time></p></article>'
            )
        else:
            cards.append(
                f'<li class="card"><h3 class="card__title"><a href="{e(url)}">{e(a["title"])}</a></h3>'
                f'<p class="card__standfirst">{e(a.get("summary", ""))}</p><p class="card__meta">{e(authors)} \u00b7 '
                f'<time datetime="{_iso(a["published"])}">{_m_date(a["published"])}</time></p></li>'
            )
    lead_html = cards.pop(0) if lead and cards else ""
    pagination = ""
    if pager:
        page, pages = pager
        prev = f'<a rel="prev" href="{e(href(section_path(outlet, section, page - 1)))}">Newer stories</a>' if page > 1 else ""
        nxt = f'<a rel="next" href="{e(href(section_path(outlet, section, page + 1)))}">Older stories</a>' if page < pages else ""
        pagination = f'<nav class="pagination" aria-label="Pages">{prev} <span>Page {page} of {pages}</span> {nxt}</nav>'
    trending = ""
    if most_read:
        items = "".join(f'<li><a href="{e(href(article_path(a, outlet)))}">{e(a["title"])}</a></li>' for a in most_read)
        trending = f'<section class="trending"><h2>Most read</h2><ol>{items}</ol></section>'
    main = f"""<main id="main" class="layout layout--listing">
{_m_breadcrumbs(outlet, base_url, path, section) if section else ''}
<h1 class="page-title">{e(heading)}</h1>
{lead_html}
<ul class="story-list">{''.join(cards) or '<li class="card card--empty">No stories yet.</li>'}</ul>
{pagination}
<aside class="sidebar">{trending}<div class="ad ad--mpu" data-ad-slot="mpu-1"><span class="ad__label">Advertisement</span></div>{_m_newsletter(outlet)}</aside>
</main>"""
    return _m_document(outlet, base_url, path, title=heading, description=f"{heading}: the latest from {outlet['name']}.", body_class="listing-page", section=section, main=main)


def _m_plain(outlet, base_url, path, title, paragraphs):
    body = "".join(f"<p>{e(p)}</p>" for p in paragraphs)
    main = f'<main id="main" class="layout layout--page">{_m_breadcrumbs(outlet, base_url, path, None, title)}<h1 class="page-title">{e(title)}</h1>{body}</main>'
    return _m_document(outlet, base_url, path, title=title, description=paragraphs[0], body_class="static-page", main=main)


# --------------------------------------------------------------------------------------------
# Template: harbour — HTML 4 div soup, byline table with <time>, charset only in the HTTP header
# --------------------------------------------------------------------------------------------


def _h_date(dt: datetime) -> str:
    return f"{dt:%b} {dt.day}, {dt:%Y %H:%M} GMT"


def _h_document(outlet, base_url, path, *, title, description, head="", section=None, crumbs="", main="", right=""):
    menu = " | ".join(
        ['<a href="/">Home</a>']
        + [f'<a href="{e(section_path(outlet, s["key"]))}"{" class=on" if s["key"] == section else ""}>{e(s["label"])}</a>' for s in outlet["sections"]]
    )
    subnav = "".join(f'<span class="sn"><a href="{e(static_path(outlet, k))}">{e(v)}</a></span>' for k, v in STATIC_PAGES.items() if k in ("subscribe", "contact"))
    footer = " &middot; ".join(f'<a href="{e(static_path(outlet, k))}">{e(v)}</a>' for k, v in STATIC_PAGES.items())
    nl = outlet["newsletter"]
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<title>{e(title)} - {e(outlet['name'])}</title>
<meta name="description" content="{e(description)}">
<link rel="canonical" href="{e(base_url + path)}">
<link rel="stylesheet" type="text/css" href="{e(stylesheet_path(outlet))}">
<link rel="alternate" type="application/atom+xml" title="{e(outlet['name'])} latest" href="{e(feed_path(outlet))}">
{head}<script type="text/javascript">var hdw = {{slots: ["top", "right1"], page: "{e(path)}"}};</script>
</head>
<body>
<div id="wrap">
<div id="cookiebar" class="cookiebar"><div class="cookiebar-in">{e(outlet['cookie_text'])} <a href="{e(static_path(outlet, 'privacy'))}" class="cookiebar-more">More info</a> <a href="#" class="cookiebar-ok" onclick="return false;">OK</a></div></div>
<div id="hdr">
 <div class="hdr-logo"><a href="/"><img src="{e(logo_path(outlet))}" alt="{e(outlet['name'])}" border="0"></a></div>
 <div class="hdr-tag">{e(outlet['tagline'])}</div>
 <div id="menu">{menu}</div>
 <div id="subnav">{subnav}</div>
</div>
<div class="adv adv-top"><div class="adlbl">Advertisement</div><div class="adbox" id="div-gpt-top"></div></div>
<div class="crumbs">{crumbs}</div>
<div id="cols">
<div id="maincol">
{main}
</div>
<div id="rightcol">
<div class="box adv"><div class="adlbl">Sponsored</div><div class="adbox" id="div-gpt-right1"></div></div>
{right}
<div class="box nl"><div class="box-h">{e(nl['title'])}</div><div class="box-c">{e(nl['text'])}<form action="/alerts/join" method="post"><input type="text" name="email" size="18"> <input type="submit" value="Join"></form></div></div>
</div>
</div>
<div id="ftr">{footer} &middot; <a href="{e(private_path(outlet))}">Desk login</a><br>{_copyright(outlet)}</div>
</div>
</body>
</html>
"""


def _h_crumbs(outlet, section, current=None):
    parts = ['<a href="/">Home</a>']
    if section:
        parts.append(f'<a href="{e(section_path(outlet, section))}">{e(_section_label(outlet, section))}</a>')
    if current:
        parts.append(f"<span>{e(current)}</span>")
    return " &raquo; ".join(parts)


def _h_article(article, outlet, base_url, related):
    path = article_path(article, outlet)
    url = base_url + path
    title, summary = article["title"], article.get("summary", "")
    authors = list(article.get("authors") or [])
    head = (
        f'<meta name="author" content="{e(", ".join(authors))}">\n'
        f'<meta name="keywords" content="{e(", ".join(article.get("tags") or []))}">\n'
        f'<meta property="og:title" content="{e(title)}">\n'
        f'<meta property="og:image" content="{e(_og_image(article, outlet, base_url))}">\n'
    )
    rows = [
        f'<tr><td class="lbl">By</td><td class="val">{e(_authors_text(authors))}</td></tr>',
        f'<tr><td class="lbl">Filed</td><td class="val"><time datetime="{_iso(article["published"])}">{_h_date(article["published"])}</time></td></tr>',
    ]
    if article.get("updated"):
        rows.append(f'<tr><td class="lbl">Updated</td><td class="val"><time datetime="{_iso(article["updated"])}">{_h_date(article["updated"])}</time></td></tr>')
    pic = ""
    if article.get("image"):
        img = article["image"]
        pic = f'<div class="pic"><img src="{e(image_path(article, outlet))}" alt="{e(img.get("caption", ""))}" width="600"><div class="cap">{e(img.get("caption", ""))} ({e(img.get("credit", ""))})</div></div>'
    content, first, dateline = [], True, dateline_text(article)
    for kind, text in body_blocks(article):
        if kind == "h2":
            content.append(f"<h2>{e(text)}</h2>")
        elif kind == "quote":
            content.append(f"<blockquote>{e(text)}</blockquote>")
        else:
            lead = f'<span class="dl">{e(dateline)}</span> ' if dateline and first else ""
            content.append(f"<p>{lead}{e(text)}</p>")
            first = False
    tools = " ".join(f'<a href="{e(u)}" class="tool tool-{slugify(n)}">{e(n)}</a>' for n, u in _share_links(url, title))
    comments = article.get("comments") or []
    cmts = "".join(f'<div class="cmt"><div class="cmt-u">{e(c.get("author", "guest"))} wrote:</div><div class="cmt-t">{e(c.get("text", ""))}</div></div>' for c in comments)
    cmts = cmts or '<div class="cmt cmt-none">Be the first to comment on this story.</div>'
    more = "".join(f'<li><a href="{e(article_path(r, outlet))}">{e(r["title"])}</a></li>' for r in related)
    main = f"""<div class="story">
<div class="hl"><h1>{e(title)}</h1></div>
<div class="dek">{e(summary)}</div>
<table class="byline" cellpadding="0" cellspacing="0" border="0">{''.join(rows)}</table>
{pic}
<div class="txt">
{chr(10).join(content)}
</div>
<div class="endnote">(Reporting by {e(_authors_text(authors))}; editing by the {e(_section_label(outlet, article['section']))} desk)</div>
<div class="tools">Share: {tools}</div>
<div class="cmts" id="comments"><div class="cmts-h">Reader comments ({len(comments)})</div>{cmts}</div>
</div>"""
    right = f'<div class="box related"><div class="box-h">More from the wire</div><ul>{more}</ul></div>'
    return _h_document(
        outlet, base_url, path, title=title, description=summary, head=head, section=article["section"],
        crumbs=_h_crumbs(outlet, article["section"], title), main=main, right=right,
    )


def _h_listing(outlet, base_url, path, heading, articles, *, section, lead, pager, most_read):
    rows = "".join(
        f'<tr><td class="t">{a["published"]:%d %b %H:%M}</td><td class="h"><a href="{e(article_path(a, outlet))}">{e(a["title"])}</a>'
        f'<div class="s">{e(a.get("summary", ""))}</div></td><td class="sec">{e(_section_label(outlet, a["section"]))}</td></tr>'
        for a in articles
    ) or '<tr><td colspan="3">No stories on the wire yet.</td></tr>'
    pages = ""
    if pager:
        page, count = pager
        links = [f"<b>{n}</b>" if n == page else f'<a href="{e(section_path(outlet, section, n))}">{n}</a>' for n in range(1, count + 1)]
        pages = f'<div class="pager">Page: {" ".join(links)}</div>'
    main = f'<div class="listhd"><h1>{e(heading)}</h1></div><table class="wire" width="100%">{rows}</table>{pages}'
    right = ""
    if most_read:
        items = "".join(f'<li><a href="{e(article_path(a, outlet))}">{e(a["title"])}</a></li>' for a in most_read)
        right = f'<div class="box top"><div class="box-h">Top stories</div><ol>{items}</ol></div>'
    return _h_document(
        outlet, base_url, path, title=heading, description=f"{heading} from {outlet['name']}", section=section,
        crumbs=_h_crumbs(outlet, section), main=main, right=right,
    )


def _h_plain(outlet, base_url, path, title, paragraphs):
    main = f'<div class="listhd"><h1>{e(title)}</h1></div>' + "".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return _h_document(outlet, base_url, path, title=title, description=paragraphs[0], crumbs=_h_crumbs(outlet, None, title), main=main)


# --------------------------------------------------------------------------------------------
# Template: sahel — "story-body" with inline ads and Read-more boxes, microdata, charset in <meta>
# --------------------------------------------------------------------------------------------


def _s_date(dt: datetime) -> str:
    return f"{dt:%A} {dt.day} {dt:%B %Y}"


def _s_document(outlet, base_url, path, *, title, description, head="", section=None, main="", side=""):
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    menu = "".join(
        f'<li class="menu-item{" current" if s["key"] == section else ""}"><a href="{e(href(section_path(outlet, s["key"])))}">{e(s["label"])}</a></li>'
        for s in outlet["sections"]
    )
    footer = "".join(f'<li><a href="{e(href(static_path(outlet, k)))}">{e(v)}</a></li>' for k, v in STATIC_PAGES.items())
    nl = outlet["newsletter"]
    return f"""<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width">
<title>{e(title)} \u2014 {e(outlet['name'])}</title>
<meta name="description" content="{e(description)}">
<link rel="canonical" href="{e(base_url + path)}">
<meta property="og:site_name" content="{e(outlet['name'])}">
<link rel="alternate" type="application/rss+xml" href="{e(href(feed_path(outlet)))}">
<link rel="stylesheet" href="{e(href(stylesheet_path(outlet)))}">
{head}</head>
<body>
<div class="gdpr-overlay" id="gdpr-consent">
 <div class="gdpr-box"><h4>Your privacy</h4><p>{e(outlet['cookie_text'])}</p>
 <a class="gdpr-btn gdpr-accept" href="#">I agree</a> <a class="gdpr-btn gdpr-reject" href="#">Essential only</a></div>
</div>
<div class="topbar"><a href="{e(href(static_path(outlet, 'subscribe')))}">Subscribe</a> <a href="{e(href(static_path(outlet, 'contact')))}">Contact</a></div>
<div id="masthead"><a class="brand" href="{e(href('/'))}"><img src="{e(href(logo_path(outlet)))}" alt=""> {e(outlet['name'])}</a><span class="slogan">{e(outlet['tagline'])}</span></div>
<nav id="main-nav"><ul class="menu"><li class="menu-item"><a href="{e(href('/'))}">Home</a></li>{menu}</ul></nav>
<div class="ad-slot ad-billboard"><span class="ad-label">Advertisement</span><ins class="adsbygoogle" data-ad-slot="billboard"></ins></div>
<div class="page-wrap">
<div class="main-column">
{main}
</div>
<div class="side-column">
{side}
<div class="widget widget-newsletter"><h3 class="widget-title">{e(nl['title'])}</h3><p>{e(nl['text'])}</p><form action="/newsletter" method="post"><input type="email" name="email" placeholder="Email address"><button>Subscribe</button></form></div>
<div class="widget ad-slot ad-sidebar"><span class="ad-label">Advertisement</span><ins class="adsbygoogle" data-ad-slot="sidebar"></ins></div>
</div>
</div>
<footer class="site-foot"><ul class="foot-links">{footer}<li><a href="{e(href(private_path(outlet)))}">Contributors</a></li></ul>
<p class="copyright">{_copyright(outlet)}</p></footer>
<script>(function(){{var b=document.getElementById("gdpr-consent");if(localStorage.getItem("consent"))b.style.display="none";}})();</script>
</body>
</html>
"""


def _s_breadcrumbs(outlet, base_url, path, section):
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    items = [f'<li><a href="{e(href("/"))}">Home</a></li>']
    if section:
        items.append(f'<li><a href="{e(href(section_path(outlet, section)))}">{e(_section_label(outlet, section))}</a></li>')
    return f'<ul class="breadcrumbs">{"".join(items)}</ul>'


def _s_article(article, outlet, base_url, related):
    path = article_path(article, outlet)
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    url = base_url + path
    title, summary = article["title"], article.get("summary", "")
    authors = list(article.get("authors") or [])
    head = (
        f'<meta name="author" content="{e(", ".join(authors))}">\n'
        f'<meta name="keywords" content="{e(", ".join(article.get("tags") or []))}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{e(title)}">\n'
        f'<meta property="og:url" content="{e(url)}">\n'
        f'<meta property="og:image" content="{e(_og_image(article, outlet, base_url))}">\n'
        f'<meta property="article:published_time" content="{_iso(article["published"])}">\n'
    )
    people = ", ".join(f'<span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{e(a)}</span></span>' for a in authors)
    image = ""
    if article.get("image"):
        img = article["image"]
        image = (
            f'<div class="story-image"><img itemprop="image" src="{e(href(image_path(article, outlet)))}" alt="{e(img.get("caption", ""))}">'
            f'<p class="img-caption">{e(img.get("caption", ""))} \u2014 {e(img.get("credit", ""))}</p></div>'
        )
    read_more = list(related[:2])
    content, paragraphs, dateline = [], 0, dateline_text(article)
    for kind, text in body_blocks(article):
        if kind == "h2":
            content.append(f"<h2>{e(text)}</h2>")
        elif kind == "quote":
            content.append(f'<blockquote class="story-quote">{e(text)}</blockquote>')
        else:
            lead = f'<strong class="dateline">{e(dateline)}</strong> ' if dateline and paragraphs == 0 else ""
            content.append(f"<p>{lead}{e(text)}</p>")
            paragraphs += 1
            if paragraphs in (2, 5) and read_more:
                r = read_more.pop(0)
                content.append(f'<div class="read-more-box"><span class="read-more-label">Read more:</span> <a href="{e(href(article_path(r, outlet)))}">{e(r["title"])}</a></div>')
            if paragraphs in (3, 6):
                content.append(f'<div class="ad-slot ad-inline"><span class="ad-label">Advertisement</span><ins class="adsbygoogle" data-ad-slot="inline-{paragraphs}"></ins></div>')
    share = "".join(f'<a class="share-btn share-{slugify(n)}" href="{e(u)}">{e(n)}</a>' for n, u in _share_links(url, title))
    comments = article.get("comments") or []
    comment_html = "".join(
        f'<div class="comment" itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span class="comment-author" itemprop="author">{e(c.get("author", "reader"))}</span>'
        f'<p class="comment-text" itemprop="text">{e(c.get("text", ""))}</p></div>'
        for c in comments
    ) or '<p class="no-comments">No comments have been posted yet.</p>'
    related_items = "".join(f'<li><a href="{e(href(article_path(r, outlet)))}">{e(r["title"])}</a></li>' for r in related)
    main = f"""{_s_breadcrumbs(outlet, base_url, path, article['section'])}
<div class="story" itemscope itemtype="https://schema.org/NewsArticle">
<meta itemprop="mainEntityOfPage" content="{e(url)}">
<h1 class="story-title" itemprop="headline">{e(title)}</h1>
<h2 class="story-summary" itemprop="description">{e(summary)}</h2>
<div class="story-meta"><span class="by">By {people}</span> <span class="pubdate">Published <time itemprop="datePublished" datetime="{_iso(article['published'])}">{_s_date(article['published'])}</time></span></div>
<div class="share-bar">{share}</div>
{image}
<div class="story-body" itemprop="articleBody">
{chr(10).join(content)}
</div>
<div class="story-tags">Filed under: {e(", ".join(article.get("tags") or []))}</div>
<div class="reader-comments" id="comments"><h3>What readers say ({len(comments)})</h3>{comment_html}</div>
</div>
<div class="related-strip"><h3>Related stories</h3><ul>{related_items}</ul></div>"""
    return _s_document(outlet, base_url, path, title=title, description=summary, head=head, section=article["section"], main=main)


def _s_listing(outlet, base_url, path, heading, articles, *, section, lead, pager, most_read):
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    cards = []
    for a in articles:
        url = href(article_path(a, outlet))
        thumb = f'<a class="card-link" href="{e(url)}"><img class="thumb" src="{e(href(image_path(a, outlet)))}" alt=""></a>' if a.get("image") else ""
        cards.append(
            f'<div class="card">{thumb}<h3 class="card-title"><a href="{e(url)}">{e(a["title"])}</a></h3>'
            f'<p class="card-summary">{e(a.get("summary", ""))}</p><span class="card-date">{_s_date(a["published"])}</span></div>'
        )
    pages = ""
    if pager:
        page, count = pager
        links = [f'<span class="current">{n}</span>' if n == page else f'<a href="{e(href(section_path(outlet, section, n)))}">{n}</a>' for n in range(1, count + 1)]
        pages = f'<div class="pages">{"".join(links)}</div>'
    side = ""
    if most_read:
        # Editors' widgets carry a tracking parameter; the page itself stays canonical.
        items = "".join(f'<li><a href="{e(href(article_path(a, outlet)))}?ref=mostread">{e(a["title"])}</a></li>' for a in most_read)
        side = f'<div class="widget most-read"><h3 class="widget-title">Most read</h3><ol>{items}</ol></div>'
    main = (
        (_s_breadcrumbs(outlet, base_url, path, None) if section else "")
        + f'<h1 class="section-title">{e(heading)}</h1><div class="card-grid">{"".join(cards) or "<p>No stories yet.</p>"}</div>{pages}'
    )
    return _s_document(outlet, base_url, path, title=heading, description=f"{heading} \u2014 {outlet['tagline']}", section=section, main=main, side=side)


def _s_plain(outlet, base_url, path, title, paragraphs):
    main = f'{_s_breadcrumbs(outlet, base_url, path, None)}<h1 class="section-title">{e(title)}</h1>' + "".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return _s_document(outlet, base_url, path, title=title, description=paragraphs[0], main=main)


# --------------------------------------------------------------------------------------------
# Public page renderers
# --------------------------------------------------------------------------------------------

_ARTICLE = {"meridian": _m_article, "harbour": _h_article, "sahel": _s_article}
_LISTING = {"meridian": _m_listing, "harbour": _h_listing, "sahel": _s_listing}
_PLAIN = {"meridian": _m_plain, "harbour": _h_plain, "sahel": _s_plain}


def render_article(article: dict, outlet: dict, base_url: str, related: Sequence[dict] = ()) -> str:
    """One article page in the outlet's template; `related` are other articles of the same outlet."""
    return _ARTICLE[outlet["template"]](article, outlet, base_url, list(related))


def render_home(outlet: dict, base_url: str, articles: Sequence[dict], most_read: Sequence[dict] = ()) -> str:
    """The front page: the newest HOME_SIZE articles (pass them newest first)."""
    return _LISTING[outlet["template"]](
        outlet, base_url, "/", outlet["name"], list(articles[:HOME_SIZE]), section=None, lead=True, pager=None, most_read=list(most_read)
    )


def render_section(outlet: dict, base_url: str, section: str, articles: Sequence[dict], page: int = 1) -> str:
    """Page `page` of a section index; `articles` is the whole section, newest first."""
    pages = max(1, math.ceil(len(articles) / PAGE_SIZE))
    chunk = list(articles[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    heading = _section_label(outlet, section) + (f" \u2014 page {page}" if page > 1 else "")
    return _LISTING[outlet["template"]](
        outlet, base_url, section_path(outlet, section, page), heading, chunk, section=section, lead=False, pager=(page, pages), most_read=[]
    )


def render_author(outlet: dict, base_url: str, name: str, articles: Sequence[dict]) -> str:
    """An author's page (templates with author pages only)."""
    return _LISTING[outlet["template"]](
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
    return _PLAIN[outlet["template"]](outlet, base_url, static_path(outlet, name), title, text)


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


# --------------------------------------------------------------------------------------------
# Feeds, sitemaps, robots.txt
# --------------------------------------------------------------------------------------------


def newest(articles: Sequence[dict], n: int | None = None) -> list[dict]:
    ordered = sorted(articles, key=lambda a: (a["published"], a["slug"]), reverse=True)
    return ordered if n is None else ordered[:n]


def _rss(outlet, base_url, articles, *, tracked, permalink_guid):
    items = []
    for i, a in enumerate(newest(articles, FEED_SIZE)):
        url = base_url + article_path(a, outlet)
        link_url = f"{url}?utm_source=rss&utm_medium=feed" if tracked(i) else url
        guid = url if permalink_guid else f"{outlet['domain']}/story/{a['slug']}"
        creators = "".join(f"<dc:creator>{e(name)}</dc:creator>" for name in a.get("authors") or [])
        categories = "".join(f"<category>{e(t)}</category>" for t in a.get("tags") or [])
        media = ""
        if a.get("image"):
            media = f'<media:content url="{e(base_url + image_path(a, outlet))}" medium="image" type="image/png"/>'
        items.append(
            f"<item><title>{e(a['title'])}</title><link>{e(link_url)}</link>"
            f'<guid isPermaLink="{str(permalink_guid).lower()}">{e(guid)}</guid>'
            f"<pubDate>{format_datetime(a['published'], usegmt=True)}</pubDate>{creators}{categories}"
            f"<description>{e(a.get('summary', ''))}</description>{media}</item>"
        )
    built = format_datetime(max((_modified(a) for a in articles), default=datetime(2026, 10, 1, tzinfo=timezone.utc)), usegmt=True)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
<title>{e(outlet['name'])}</title>
<link>{e(base_url)}/</link>
<atom:link href="{e(base_url + feed_path(outlet))}" rel="self" type="application/rss+xml"/>
<description>{e(outlet['tagline'])}</description>
<language>{e(outlet.get('language', 'en'))}</language>
<lastBuildDate>{built}</lastBuildDate>
{chr(10).join(items)}
</channel>
</rss>
"""


def _atom(outlet, base_url, articles):
    entries = []
    for i, a in enumerate(newest(articles, FEED_SIZE)):
        url = base_url + article_path(a, outlet)
        href = f"{url}?utm_source=atom&utm_medium=syndication" if i % 3 == 0 else url
        authors = "".join(f"<author><name>{e(name)}</name></author>" for name in a.get("authors") or [])
        entries.append(
            f"<entry><id>tag:{e(outlet['domain'])},2026:{wire_id(a['slug'])}</id><title>{e(a['title'])}</title>"
            f'<link rel="alternate" type="text/html" href="{e(href)}"/><published>{_iso(a["published"])}</published>'
            f"<updated>{_iso(_modified(a))}</updated>{authors}<summary>{e(a.get('summary', ''))}</summary></entry>"
        )
    updated = _iso(max((_modified(a) for a in articles), default=datetime(2026, 10, 1, tzinfo=timezone.utc)))
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{e(outlet['name'])}: latest</title>
<subtitle>{e(outlet['tagline'])}</subtitle>
<id>tag:{e(outlet['domain'])},2026:feed</id>
<link rel="self" href="{e(base_url + feed_path(outlet))}"/>
<link rel="alternate" type="text/html" href="{e(base_url)}/"/>
<updated>{updated}</updated>
{chr(10).join(entries)}
</feed>
"""


def feed_content_type(outlet: dict) -> str:
    return {
        "meridian": "application/rss+xml; charset=utf-8",
        "harbour": "application/atom+xml; charset=utf-8",
        "sahel": "text/xml; charset=utf-8",
    }[outlet["template"]]


def render_feed(outlet: dict, base_url: str, articles: Sequence[dict]) -> str:
    """The outlet's feed (RSS 2.0 for meridian and sahel, Atom for harbour) of the FEED_SIZE newest
    articles; some item links carry utm_* tracking parameters."""
    template = outlet["template"]
    if template == "meridian":
        return _rss(outlet, base_url, articles, tracked=lambda i: i % 2 == 1, permalink_guid=True)
    if template == "sahel":
        return _rss(outlet, base_url, articles, tracked=lambda i: True, permalink_guid=False)
    return _atom(outlet, base_url, articles)


def sitemap_months(articles: Sequence[dict]) -> dict[str, list[dict]]:
    """Articles grouped by publication month ("YYYY-MM"), months in order."""
    months: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        months[f"{a['published']:%Y-%m}"].append(a)
    return dict(sorted(months.items()))


def render_sitemap_index(outlet: dict, base_url: str, articles: Sequence[dict]) -> str:
    entries = "".join(
        f"<sitemap><loc>{e(base_url + month_sitemap_path(outlet, month))}</loc><lastmod>{_iso(max(_modified(a) for a in group))}</lastmod></sitemap>\n"
        for month, group in sitemap_months(articles).items()
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n'


def render_month_sitemap(outlet: dict, base_url: str, articles: Sequence[dict]) -> str:
    """A Google-News-style urlset of one month's articles, with lastmod."""
    urls = "".join(
        f"<url><loc>{e(base_url + article_path(a, outlet))}</loc><lastmod>{_iso(_modified(a))}</lastmod>"
        f"<news:news><news:publication><news:name>{e(outlet['name'])}</news:name><news:language>{e(outlet.get('language', 'en'))}</news:language></news:publication>"
        f"<news:publication_date>{_iso(a['published'])}</news:publication_date><news:title>{e(a['title'])}</news:title></news:news></url>\n"
        for a in newest(articles)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="{NEWS_NS}">\n{urls}</urlset>\n'
    )


def render_robots(outlet: dict, base_url: str) -> str:
    return (
        "# robots.txt for " + outlet["name"] + "\n"
        "User-agent: *\n"
        "Disallow: /private/\n"
        "Allow: /\n\n"
        "User-agent: GPTBot\n"
        "Disallow: /\n\n"
        f"Sitemap: {base_url}{sitemap_index_path(outlet)}\n"
    )


# --------------------------------------------------------------------------------------------
# Static assets
# --------------------------------------------------------------------------------------------


def render_stylesheet(outlet: dict) -> str:
    return {
        "meridian": "body{font-family:Georgia,serif;margin:0}.layout{display:grid;grid-template-columns:2fr 1fr;gap:2rem}"
        ".consent-banner{position:fixed;bottom:0;background:#111;color:#fff}.dateline{font-weight:bold}\n",
        "harbour": "body{font:13px Arial,sans-serif}#cols{width:960px}#maincol{float:left;width:640px}#rightcol{float:right;width:300px}"
        ".byline td{padding:2px 6px}.cookiebar{background:#ffc}\n",
        "sahel": "body{font-family:'Noto Sans',sans-serif}.gdpr-overlay{position:fixed;inset:0;background:rgba(0,0,0,.6)}"
        ".card-grid{display:flex;flex-wrap:wrap}.read-more-box{border-left:4px solid #c60;padding:.5em}\n",
    }[outlet["template"]]


def placeholder_png(seed: str, width: int = 48, height: int = 27) -> bytes:
    """A small solid-colour PNG whose colour comes from `seed` (stands in for photos and logos)."""
    digest = zlib.crc32(seed.encode())
    pixel = bytes([digest & 0xFF, (digest >> 8) & 0xFF, (digest >> 16) & 0xFF])
    raw = b"".join(b"\x00" + pixel * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
