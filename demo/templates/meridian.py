"""Template meridian: semantic HTML5, <article>, JSON-LD NewsArticle, og:/article: meta."""
from __future__ import annotations

from datetime import datetime

from demo.layout import (
    STATIC_PAGES, article_path, author_path, body_blocks, copyright_line, dateline_text, e, feed_path, image_path,
    iso_time, json_ld, link, logo_path, modified_at, og_image, private_path, section_label, section_path,
    share_links, slugify, static_path, stylesheet_path,
)


def _document(outlet, base_url, path, *, title, description, head="", body_class="", section=None, main=""):
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
 <p class="site-footer__copyright">{copyright_line(outlet)}</p>
</footer>
</body>
</html>
"""


def _breadcrumbs(outlet, base_url, path, section, current=None):
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    items = [f'<li><a href="{e(href("/"))}">Home</a></li>']
    if section:
        items.append(f'<li><a href="{e(href(section_path(outlet, section)))}">{e(section_label(outlet, section))}</a></li>')
    if current:
        items.append(f'<li aria-current="page">{e(current)}</li>')
    return f'<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>{"".join(items)}</ol></nav>'


def _newsletter(outlet):
    nl = outlet["newsletter"]
    return (
        f'<section class="newsletter-signup"><h2>{e(nl["title"])}</h2><p>{e(nl["text"])}</p>'
        '<form action="/newsletter/signup" method="post"><label>Email <input type="email" name="email" '
        'placeholder="you@example.com"></label><button type="submit">Sign up</button></form></section>'
    )


def article_page(article, outlet, base_url, related):
    path = article_path(article, outlet)
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    url = base_url + path
    title, summary = article["title"], article.get("summary", "")
    authors = list(article.get("authors") or [])
    published, modified = iso_time(article["published"]), iso_time(modified_at(article))
    image = og_image(article, outlet, base_url)
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
        "articleSection": section_label(outlet, section),
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
            f'<meta property="article:section" content="{e(section_label(outlet, section))}">\n',
            *(f'<meta property="article:author" content="{e(a)}">\n' for a in authors),
            *(f'<meta property="article:tag" content="{e(t)}">\n' for t in article.get("tags") or []),
            '<meta name="twitter:card" content="summary_large_image">\n',
            f'<script type="application/ld+json">{json_ld(ld)}</script>\n',
        ]
    )
    byline = " and ".join(f'<a rel="author" class="byline__name" href="{e(href(author_path(outlet, a)))}">{e(a)}</a>' for a in authors)
    updated = ""
    if article.get("updated"):
        updated = f' <span class="story-meta__updated">Updated <time datetime="{modified}">{_date(modified_at(article))}</time></span>'
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
    share = "".join(f'<li><a class="share__{slugify(n)}" href="{e(u)}" rel="noopener" target="_blank">{e(n)}</a></li>' for n, u in share_links(url, title))
    related_items = "".join(
        f'<li><a href="{e(href(article_path(r, outlet)))}">{e(r["title"])}</a> <time datetime="{iso_time(r["published"])}">{_date(r["published"])}</time></li>'
        for r in related
    )
    comments = article.get("comments") or []
    comment_items = "".join(
        f'<li class="comment"><p class="comment__author">{e(c.get("author", "anonymous"))}</p><div class="comment__body"><p>{e(c.get("text", ""))}</p></div></li>'
        for c in comments
    ) or '<li class="comment comment--empty">No comments yet. Start the conversation.</li>'
    main = f"""<main id="main" class="layout layout--article">
{_breadcrumbs(outlet, base_url, path, section, title)}
<article class="story" itemid="{e(url)}">
 <header class="story-header">
  <p class="story-header__kicker"><a href="{e(href(section_path(outlet, section)))}">{e(section_label(outlet, section))}</a></p>
  <h1 class="story-header__headline">{e(title)}</h1>
  <p class="story-header__standfirst">{e(summary)}</p>
  <div class="story-meta"><span class="byline">By {byline}</span> <time class="story-meta__published" datetime="{published}">{_date(article['published'])}</time>{updated}</div>
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
 {_newsletter(outlet)}
</aside>
<section id="comments" class="comments"><h2>Comments ({len(comments)})</h2><ol class="comments__list">{comment_items}</ol></section>
</main>"""
    return _document(outlet, base_url, path, title=title, description=summary, head=head, body_class="article-page", section=section, main=main)


def _date(dt: datetime) -> str:
    return f"{dt.day} {dt:%B %Y, %H:%M} GMT"


def listing_page(outlet, base_url, path, heading, articles, *, section, lead, pager, most_read):
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
                f'<time datetime="{iso_time(a["published"])}">{_date(a["published"])}</time></p></article>'
            )
        else:
            cards.append(
                f'<li class="card"><h3 class="card__title"><a href="{e(url)}">{e(a["title"])}</a></h3>'
                f'<p class="card__standfirst">{e(a.get("summary", ""))}</p><p class="card__meta">{e(authors)} \u00b7 '
                f'<time datetime="{iso_time(a["published"])}">{_date(a["published"])}</time></p></li>'
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
{_breadcrumbs(outlet, base_url, path, section) if section else ''}
<h1 class="page-title">{e(heading)}</h1>
{lead_html}
<ul class="story-list">{''.join(cards) or '<li class="card card--empty">No stories yet.</li>'}</ul>
{pagination}
<aside class="sidebar">{trending}<div class="ad ad--mpu" data-ad-slot="mpu-1"><span class="ad__label">Advertisement</span></div>{_newsletter(outlet)}</aside>
</main>"""
    return _document(outlet, base_url, path, title=heading, description=f"{heading}: the latest from {outlet['name']}.", body_class="listing-page", section=section, main=main)


def plain_page(outlet, base_url, path, title, paragraphs):
    body = "".join(f"<p>{e(p)}</p>" for p in paragraphs)
    main = f'<main id="main" class="layout layout--page">{_breadcrumbs(outlet, base_url, path, None, title)}<h1 class="page-title">{e(title)}</h1>{body}</main>'
    return _document(outlet, base_url, path, title=title, description=paragraphs[0], body_class="static-page", main=main)
