"""Extraction on layouts met in real news pages (bench/extract_eval.py --dataset): a body opened by an HTML
comment and an inline image, and a standfirst set as an <h2> in the story header."""
from __future__ import annotations

from workers.extract import extract_article

URL = "https://weekly-review.test/reviews/2026/11/handbook-of-media-law"

_FILLER = (
    "The chapters on liability, contracts and data protection each close with a short list of leading "
    "court rulings, so that a reader can check how the courts have applied the rules discussed. "
)


def _page(html: str) -> dict:
    return {
        "url": URL, "final_url": URL, "status": 200, "headers": {"content-type": "text/html; charset=utf-8"},
        "html": html, "encoding": "utf-8", "fetched_at": "2026-11-24T10:00:00Z", "source": "fixture",
        "discovered_via": "test",
    }


OPENING = ("Is the internet a lawless space? This handbook settles that question for good. Media law is now taught "
           "at many universities, and in practice the demand for qualified legal advice keeps growing. With this book "
           "the field has found a standard work, out in its fifth edition since the end of last year.")

COMMENT_THEN_IMAGE = f"""<!doctype html><html lang="en"><head><title>Review: Handbook of Media Law</title></head>
<body><header><a href="/">Weekly Review</a><nav><a href="/archive">Archive</a> <a href="/about">About</a></nav></header>
<article class="entry extended" itemscope itemtype="http://schema.org/BlogPosting"><section class="article-header"><div class="entry-info"><time datetime="2026-11-13">13 November
2026</time>, by <a href="/people/jo-reviewer">Jo Reviewer</a></div><div class="entry-tools"><a href="#">Share</a> <a href="#">Print</a>
</div></section><h1 class="entry-title"><a href="/reviews/2026/11/handbook-of-media-law">Review: Handbook of Media Law</a></h1>
<section class="body" itemprop="articleBody"><!-- cms:image 1366 --><img class="image-left" src="/covers/handbook.jpg" alt="">{OPENING}<br>
<div style="clear:both;"></div><div id="extended"></div><br><br>
<h2>Structure and content</h2><br>
{_FILLER * 3}<br><br>
{_FILLER * 2} The index is thorough and the cross references work.<br>
</section></article>
<aside class="related"><h2>Related reviews</h2><ul><li><a href="/reviews/a">Press law, sixth edition</a></li></ul></aside>
<footer>Imprint</footer></body></html>"""


def test_opening_text_after_a_comment_and_an_inline_image_is_kept():
    article = extract_article(_page(COMMENT_THEN_IMAGE))
    assert article.text.startswith("Is the internet a lawless space?")
    assert "the cross references work." in article.text
    assert "Related reviews" not in article.text


H2_STANDFIRST = f"""<!doctype html><html lang="en"><head><title>Ride-hailing firm adds driverless cars</title></head>
<body><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>
<article><header><h1>Ride-hailing firm adds driverless cars</h1>
<h2 class="article-header-lead">Ten vehicles will join the platform in the coming months, the company said on Tuesday.</h2></header>
<div class="paragraphs"><p>Some customers in the city will soon be driven by robot cars, the company announced.</p>
<p>{_FILLER * 2}</p><p>{_FILLER} Shares fell about four percent in after-hours trading.</p></div></article>
<footer><a href="/terms">Terms of use</a></footer></body></html>"""


def test_h2_standfirst_in_the_story_header_is_not_body():
    article = extract_article(_page(H2_STANDFIRST))
    assert article.text.startswith("Some customers in the city")
    assert "Ten vehicles will join" not in article.text
    assert article.text.endswith("after-hours trading.")


QUERY_STORY = f"""<!doctype html><html lang="en"><head><title>Teachers' assembly votes to join the strike</title></head>
<body><div class="header"><a href="/">Campus Watch</a></div>
<div class="content"><p class="arbo"><a href="/">Home</a> &gt; <a href="cms.php?section4">News</a></p>
<h1>Teachers' assembly votes to join the strike</h1>
<div class="texte"><p>The regional assembly of teachers met on Tuesday with eighty colleagues from thirty schools.</p>
<p>{_FILLER * 2}</p><p>{_FILLER} A press conference is planned for Wednesday afternoon.</p></div></div>
<div class="aside"><h2>In the same section</h2><ul><li><a href="cms.php?article8530">Earlier call of the assembly</a></li></ul></div>
</body></html>"""


def test_story_named_in_the_query_string_is_an_article():
    # no article markup and a short path ("/cms.php"): the query string names the story
    page = _page(QUERY_STORY) | {"url": "https://campus-watch.test/cms.php?article8532", "final_url": "https://campus-watch.test/cms.php?article8532"}
    assert extract_article(page).text.startswith("The regional assembly of teachers")


WRAPPING_HEADER = f"""<!doctype html><html lang="en"><head><title>Outage hits messaging apps worldwide</title></head>
<body><header id="site-head"><nav><a href="/">Home</a> <a href="/tech/">Tech</a></nav>
<main><article><h1>Outage hits messaging apps worldwide</h1>
<div class="content"><p>A major outage cut users off from three messaging apps on Friday morning.</p>
<p>Reports began shortly before ten in the morning and peaked an hour later.</p><p>{_FILLER * 2}</p>
<p>{_FILLER} The company has not yet explained the cause.</p></div></article></main></header></body></html>"""


def test_header_wrapping_the_whole_story_is_not_a_standfirst():
    # an unclosed or site-wide <header> around <main>: its paragraphs are the story, not a summary
    article = extract_article(_page(WRAPPING_HEADER))
    assert article.text.startswith("A major outage cut users off")
    assert "Reports began shortly before ten" in article.text
