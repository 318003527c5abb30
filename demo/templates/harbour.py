"""Template harbour: HTML 4 div soup, byline table with <time>, charset only in the HTTP header."""
from __future__ import annotations

from datetime import datetime

from demo.layout import (
    STATIC_PAGES, article_path, authors_text, body_blocks, copyright_line, dateline_text, e, feed_path, image_path,
    iso_time, logo_path, og_image, private_path, section_label, section_path, share_links, slugify, static_path,
    stylesheet_path,
)


def _date(dt: datetime) -> str:
    return f"{dt:%b} {dt.day}, {dt:%Y %H:%M} GMT"


def _document(outlet, base_url, path, *, title, description, head="", section=None, crumbs="", main="", right=""):
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
<div id="ftr">{footer} &middot; <a href="{e(private_path(outlet))}">Desk login</a><br>{copyright_line(outlet)}</div>
</div>
</body>
</html>
"""


def _crumbs(outlet, section, current=None):
    parts = ['<a href="/">Home</a>']
    if section:
        parts.append(f'<a href="{e(section_path(outlet, section))}">{e(section_label(outlet, section))}</a>')
    if current:
        parts.append(f"<span>{e(current)}</span>")
    return " &raquo; ".join(parts)


def article_page(article, outlet, base_url, related):
    path = article_path(article, outlet)
    url = base_url + path
    title, summary = article["title"], article.get("summary", "")
    authors = list(article.get("authors") or [])
    head = (
        f'<meta name="author" content="{e(", ".join(authors))}">\n'
        f'<meta name="keywords" content="{e(", ".join(article.get("tags") or []))}">\n'
        f'<meta property="og:title" content="{e(title)}">\n'
        f'<meta property="og:image" content="{e(og_image(article, outlet, base_url))}">\n'
    )
    rows = [
        f'<tr><td class="lbl">By</td><td class="val">{e(authors_text(authors))}</td></tr>',
        f'<tr><td class="lbl">Filed</td><td class="val"><time datetime="{iso_time(article["published"])}">{_date(article["published"])}</time></td></tr>',
    ]
    if article.get("updated"):
        rows.append(f'<tr><td class="lbl">Updated</td><td class="val"><time datetime="{iso_time(article["updated"])}">{_date(article["updated"])}</time></td></tr>')
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
    tools = " ".join(f'<a href="{e(u)}" class="tool tool-{slugify(n)}">{e(n)}</a>' for n, u in share_links(url, title))
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
<div class="endnote">(Reporting by {e(authors_text(authors))}; editing by the {e(section_label(outlet, article['section']))} desk)</div>
<div class="tools">Share: {tools}</div>
<div class="cmts" id="comments"><div class="cmts-h">Reader comments ({len(comments)})</div>{cmts}</div>
</div>"""
    right = f'<div class="box related"><div class="box-h">More from the wire</div><ul>{more}</ul></div>'
    return _document(
        outlet, base_url, path, title=title, description=summary, head=head, section=article["section"],
        crumbs=_crumbs(outlet, article["section"], title), main=main, right=right,
    )


def listing_page(outlet, base_url, path, heading, articles, *, section, lead, pager, most_read):
    rows = "".join(
        f'<tr><td class="t">{a["published"]:%d %b %H:%M}</td><td class="h"><a href="{e(article_path(a, outlet))}">{e(a["title"])}</a>'
        f'<div class="s">{e(a.get("summary", ""))}</div></td><td class="sec">{e(section_label(outlet, a["section"]))}</td></tr>'
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
    return _document(
        outlet, base_url, path, title=heading, description=f"{heading} from {outlet['name']}", section=section,
        crumbs=_crumbs(outlet, section), main=main, right=right,
    )


def plain_page(outlet, base_url, path, title, paragraphs):
    main = f'<div class="listhd"><h1>{e(title)}</h1></div>' + "".join(f"<p>{e(p)}</p>" for p in paragraphs)
    return _document(outlet, base_url, path, title=title, description=paragraphs[0], crumbs=_crumbs(outlet, None, title), main=main)
