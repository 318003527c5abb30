"""Site furniture: lines and page blocks that are not reporting (cookie notices, bylines, promos,
related links, comment threads, teaser cards)."""
from __future__ import annotations

import re
from copy import deepcopy
from urllib.parse import urljoin, urlsplit

import lxml.html


from .paragraphs import normalize
from .metadata import BYLINE_RE, site_key


# a short line that opens with these words is site furniture, not reporting
_FURNITURE_LINE_START_RE = re.compile(
    r"^\W*(?:advertisement|sponsored|read (?:more|also|next)|related\b|more (?:on|from) |see also|recommended|most read"
    r"|trending|comments?\b|tags?:|topics?:|filed under|share (?:this|on)|follow us|sign up|subscribe|newsletter"
    r"|(?:photo|image|picture|video)s?\s*(?::|by\b)|credit:)",
    re.I,
)
# ... and these wherever they appear in a short line
_FURNITURE_LINE_ANY_RE = re.compile(r"all rights reserved|\u00a9|click here|download (?:our|the) app|\bcopyright\s+(?:\u00a9\s*)?\d{4}", re.I)


_COOKIE_RE = re.compile(r"\bcookies?\b", re.I)
_AGREE_RE = re.compile(r"\b(?:agree|accept|consent|continu\w* (?:to )?(?:browse|browsing|use|using))", re.I)


_STANDFIRST_RE = re.compile(
    r"standfirst|strapline|(?:^|[\s_-])(?:dek|deck|subtitle|sub-?headline|summary|excerpt|lede-text)(?:$|[\s_-])", re.I
)


def standfirsts(tree) -> set[str]:
    """Normalised texts the page marks as standfirst/dek (or puts in the story header): summary, not body."""
    found = set()
    for el in tree.xpath("//body//*[self::p or self::div or self::h2 or self::span]"):
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        # a paragraph or h2 inside the story's <header> is its standfirst (the headline is an h1); a <header>
        # wrapping <main> or <article> is a site-wide (or unclosed) one, not the story's
        story_header = "ancestor::header[not(ancestor::footer)][not(.//main or .//article)]"
        if _STANDFIRST_RE.search(marks) or (el.tag in ("p", "h2") and el.xpath(story_header)):
            text = normalize(el.text_content())
            if 5 <= len(text.split()) <= 80:
                found.add(text)
    return found


def strip_furniture(paras: list[str], title: str, authors: list[str], summaries: set[str] = frozenset()) -> list[str]:
    """Drop the headline and standfirst repeated atop the body, byline/date lines and boilerplate lines."""
    norm_title = normalize(title)
    author_norms = [normalize(a) for a in authors if a]
    kept = []
    for i, para in enumerate(paras):
        norm = normalize(para)
        if not norm:
            continue
        words = len(norm.split())
        if i < 3 and (norm == norm_title or norm in summaries):
            continue
        if "|" in para and words <= 4:
            continue  # cells of a byline/date table
        if words <= 80 and _COOKIE_RE.search(para) and _AGREE_RE.search(para):
            continue
        if words <= 12 and (BYLINE_RE.match(para) or any(a and a in norm for a in author_norms)) and i < 5:
            continue
        if words <= 25 and (_FURNITURE_LINE_START_RE.search(para) or _FURNITURE_LINE_ANY_RE.search(para)):
            continue
        kept.append(para)
    return kept


_FURNITURE_RE = re.compile(
    r"(?:^|[\s_-])(?:cookie\w*|consent|gdpr|cmp|onetrust|newsletter\w*|paywall|promo\w*|related\w*|share|sharing|sharebar"
    r"|social\w*|comments?|cmts?|disqus|advert\w*|adv|ads?|adbox|adslot|sponsor\w*|outbrain|taboola|subscribe\w*|signup"
    r"|popup|modal|most-?read|trending|recommend\w*|read-?more|breadcrumbs?|crumbs)(?:$|[\s_-])",
    re.I,
)


def prune_furniture(tree, url: str) -> lxml.html.HtmlElement:
    """A copy of the page without banners, promos, share bars, related links and comment threads, found by
    their class/id; an element holding a quarter of the page's text or the headline is never removed."""
    tree = deepcopy(tree)
    body = tree.find("body")
    if body is None:
        return tree
    limit = 0.25 * len(" ".join(body.text_content().split()))
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el.tag in ("body", "html", "main") or el.getparent() is None:
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not marks.strip() or not _FURNITURE_RE.search(marks):
            continue
        if el.find(".//h1") is not None or len(" ".join(el.text_content().split())) > limit:
            continue
        el.drop_tree()
    for teaser in teaser_blocks(tree, url):
        if teaser.getparent() is not None:
            teaser.drop_tree()
    return tree


def teaser_blocks(tree, url: str) -> list:
    """Teaser cards: the largest block around a headline that links to another page of the site, holding
    nothing but that headline and a short summary ("next story", "more from", unlabelled related boxes)."""
    site, own = site_key(url), urlsplit(url).path.rstrip("/")

    def targets(heading) -> set[str]:
        """Paths of other pages of the site that this heading links to."""
        paths = set()
        for a in heading.xpath(".//a[@href] | ancestor::a[@href]"):
            target = urljoin(url, a.get("href"))
            path = urlsplit(target).path.rstrip("/")
            if site_key(target) == site and path not in ("", own):
                paths.add(path)
        return paths

    found = []
    for heading in tree.xpath("//body//*[self::h2 or self::h3 or self::h4]"):
        if not targets(heading):
            continue
        block, parent = None, heading.getparent()
        while parent is not None and parent.tag not in ("body", "html", "main"):
            text = " ".join(parent.text_content().split())
            linked = set().union(*(targets(h) for h in parent.xpath(".//h2|.//h3|.//h4")))
            if len(text) > 700 or len(linked) > 1 or parent.find(".//h1") is not None:
                break
            block, parent = parent, parent.getparent()
        if block is not None:
            found.append(block)
    return found
