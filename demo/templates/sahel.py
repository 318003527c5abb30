"""Template sahel: "story-body" with inline ads and Read-more boxes, microdata, charset in <meta>."""
from __future__ import annotations

from datetime import datetime

from demo.layout import (
    STATIC_PAGES, article_path, body_blocks, copyright_line, dateline_text, e, feed_path, image_path, iso_time,
    link, logo_path, og_image, private_path, section_label, section_path, share_links, slugify, static_path,
    stylesheet_path,
)


def _date(dt: datetime) -> str:
    return f"{dt:%A} {dt.day} {dt:%B %Y}"


def _document(outlet, base_url, path, *, title, description, head="", section=None, main="", side=""):
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
<p class="copyright">{copyright_line(outlet)}</p></footer>
<script>(function(){{var b=document.getElementById("gdpr-consent");if(localStorage.getItem("consent"))b.style.display="none";}})();</script>
</body>
</html>
"""


def _breadcrumbs(outlet, base_url, path, section):
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    items = [f'<li><a href="{e(href("/"))}">Home</a></li>']
    if section:
        items.append(f'<li><a href="{e(href(section_path(outlet, section)))}">{e(section_label(outlet, section))}</a></li>')
    return f'<ul class="breadcrumbs">{"".join(items)}</ul>'


def article_page(article, outlet, base_url, related):
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
        f'<meta property="og:image" content="{e(og_image(article, outlet, base_url))}">\n'
        f'<meta property="article:published_time" content="{iso_time(article["published"])}">\n'
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
    share = "".join(f'<a class="share-btn share-{slugify(n)}" href="{e(u)}">{e(n)}</a>' for n, u in share_links(url, title))
    comments = article.get("comments") or []
    comment_html = "".join(
        f'<div class="comment" itemprop="comment" itemscope itemtype="https://schema.org/Comment"><span class="comment-author" itemprop="author">{e(c.get("author", "reader"))}</span>'
        f'<p class="comment-text" itemprop="text">{e(c.get("text", ""))}</p></div>'
        for c in comments
    ) or '<p class="no-comments">No comments have been posted yet.</p>'
    related_items = "".join(f'<li><a href="{e(href(article_path(r, outlet)))}">{e(r["title"])}</a></li>' for r in related)
    main = f"""{_breadcrumbs(outlet, base_url, path, article['section'])}
<div class="story" itemscope itemtype="https://schema.org/NewsArticle">
<meta itemprop="mainEntityOfPage" content="{e(url)}">
<h1 class="story-title" itemprop="headline">{e(title)}</h1>
<h2 class="story-summary" itemprop="description">{e(summary)}</h2>
<div class="story-meta"><span class="by">By {people}</span> <span class="pubdate">Published <time itemprop="datePublished" datetime="{iso_time(article['published'])}">{_date(article['published'])}</time></span></div>
<div class="share-bar">{share}</div>
{image}
<div class="story-body" itemprop="articleBody">
{chr(10).join(content)}
</div>
<div class="story-tags">Filed under: {e(", ".join(article.get("tags") or []))}</div>
<div class="reader-comments" id="comments"><h3>What readers say ({len(comments)})</h3>{comment_html}</div>
</div>
<div class="related-strip"><h3>Related stories</h3><ul>{related_items}</ul></div>"""
    return _document(outlet, base_url, path, title=title, description=summary, head=head, section=article["section"], main=main)


def listing_page(outlet, base_url, path, heading, articles, *, section, lead, pager, most_read):
    href = lambda p: link(outlet, base_url, path, p)  # noqa: E731
    cards = []
    for a in articles:
        url = href(article_path(a, outlet))
        thumb = f'<a class="card-link" href="{e(url)}"><img class="thumb" src="{e(href(image_path(a, outlet)))}" alt=""></a>' if a.get("image") else ""
        cards.append(
            f'<div class="card">{thumb}<h3 class="card-title"><a href="{e(url)}">{e(a["title"])}</a></h3>'
            f'<p class="card-summary">{e(a.get("summary", ""))}</p><span class="card-date">{_date(a["published"])}</span></div>'
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
        (_breadcrumbs(outlet, base_url, path, None) if section else "")
        + f'<h1 class="section-title">{e(heading)}</h1><div class="card-grid">{"".join(cards) or "<p>No stories yet.</p>"}</div>{pages}'
    )
    return _document(outlet, base_url, path, title=heading, description=f"{heading} \u2014 {outlet['tagline']}", section=section, main=main, side=side)


def plain_page(outlet, base_url, path, title, paragraphs):
    main = f'{_breadcrumbs(outlet, base_url, path, None)}<h1 class="section-title">{e(title)}</h1>' + "".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return _document(outlet, base_url, path, title=title, description=paragraphs[0], main=main)
