"""RSS/Atom feeds, news sitemaps (index and monthly) and robots.txt of the demo outlets. No I/O."""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Sequence

from demo.layout import (
    FEED_SIZE, NEWS_NS, article_path, e, feed_path, image_path, iso_time, modified_at, month_sitemap_path,
    sitemap_index_path, wire_id,
)


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
    built = format_datetime(max((modified_at(a) for a in articles), default=datetime(2026, 10, 1, tzinfo=timezone.utc)), usegmt=True)
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
            f'<link rel="alternate" type="text/html" href="{e(href)}"/><published>{iso_time(a["published"])}</published>'
            f"<updated>{iso_time(modified_at(a))}</updated>{authors}<summary>{e(a.get('summary', ''))}</summary></entry>"
        )
    updated = iso_time(max((modified_at(a) for a in articles), default=datetime(2026, 10, 1, tzinfo=timezone.utc)))
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
        f"<sitemap><loc>{e(base_url + month_sitemap_path(outlet, month))}</loc><lastmod>{iso_time(max(modified_at(a) for a in group))}</lastmod></sitemap>\n"
        for month, group in sitemap_months(articles).items()
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n'


def render_month_sitemap(outlet: dict, base_url: str, articles: Sequence[dict]) -> str:
    """A Google-News-style urlset of one month's articles, with lastmod."""
    urls = "".join(
        f"<url><loc>{e(base_url + article_path(a, outlet))}</loc><lastmod>{iso_time(modified_at(a))}</lastmod>"
        f"<news:news><news:publication><news:name>{e(outlet['name'])}</news:name><news:language>{e(outlet.get('language', 'en'))}</news:language></news:publication>"
        f"<news:publication_date>{iso_time(a['published'])}</news:publication_date><news:title>{e(a['title'])}</news:title></news:news></url>\n"
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
