"""URL cleaning, page identity and the per-site origin filter of the crawler."""
import pytest

from crawler.urls import canonical_url, clean_url, domain_entry, origin, url_allowed


def test_clean_url_drops_fragment_and_tracking_but_keeps_the_rest():
    assert clean_url(" https://ex.com/a/?utm_source=x&id=3&fbclid=1#top ") == "https://ex.com/a/?id=3"
    assert clean_url("https://ex.com/a") == "https://ex.com/a"


@pytest.mark.parametrize("variant", [
    "https://EX.com/a/b/?z=1&a=2",
    "https://ex.com:443/a/b?a=2&z=1#frag",
    "https://ex.com/a/b?a=2&utm_campaign=c&z=1",
])
def test_variants_of_a_page_share_one_canonical_url(variant):
    assert canonical_url(variant) == "https://ex.com/a/b?a=2&z=1"


def test_canonical_url_keeps_a_non_default_port_and_the_root_slash():
    assert canonical_url("http://127.0.0.1:8701/news/x/") == "http://127.0.0.1:8701/news/x"
    assert canonical_url("http://ex.com") == "http://ex.com/"
    assert canonical_url("http://127.0.0.1:8701/a") != canonical_url("http://127.0.0.1:8702/a")


def test_origin_and_domain_entry():
    assert origin("http://127.0.0.1:8701/rss.xml") == "http://127.0.0.1:8701"
    assert domain_entry("http://127.0.0.1:8701/rss.xml") == "127.0.0.1:8701"
    assert domain_entry("https://www.Example.com/feed") == "example.com"


@pytest.mark.parametrize("url, allowed", [
    ("http://127.0.0.1:8701/news/a", True),
    ("http://127.0.0.1:8702/news/a", False),   # another outlet on the same host
    ("http://127.0.0.1/news/a", False),
    ("http://localhost:8701/news/a", False),
    ("https://example.com/x", True),
    ("https://www.example.com/x", True),
    ("http://news.example.com/x", True),
    ("https://example.com:8443/x", False),      # a bare domain means the default port
    ("https://badexample.com/x", False),
    ("https://example.com.evil.net/x", False),
    ("ftp://example.com/x", False),
    ("mailto:desk@example.com", False),
    ("http://example.com:notaport/x", False),
])
def test_url_allowed_by_host_and_port(url, allowed):
    assert url_allowed(url, ["127.0.0.1:8701", "example.com"]) is allowed
