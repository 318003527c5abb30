"""Loading site configurations from YAML and building ad hoc sites from URLs."""
from urllib.parse import urlsplit

import pytest
from pydantic import ValidationError

from crawler.run import sites_from_args
from crawler.sites import SiteConfig, adhoc_site, get_site, load_sites, site_name_for


def test_the_demo_outlets_are_configured_on_their_own_ports():
    sites = load_sites()
    demo = {name: sites[name] for name in ("meridian", "harbour", "sahel", "faulty")}
    for port, site in enumerate(demo.values(), start=8701):
        assert site.allowed_domains == [f"127.0.0.1:{port}"]
        assert site.feeds and site.sitemaps
        assert all(urlsplit(url).port == port for url in site.feeds + site.sitemaps)


def test_yaml_file_with_relative_paths_and_defaults(tmp_path):
    path = tmp_path / "sites.yaml"
    path.write_text("""
sites:
  - name: desk
    base_url: https://www.example.com
    feeds: [/rss, "https://feeds.example.com/all.xml"]
    start_urls: [/world/]
    follow_links: true
""")
    site = load_sites(path)["desk"]
    assert site.feeds == ["https://www.example.com/rss", "https://feeds.example.com/all.xml"]
    assert site.start_urls == ["https://www.example.com/world/"]
    assert site.allowed_domains == ["example.com", "feeds.example.com"]
    assert site.follow_links and site.robots_sitemaps and site.sitemaps == []
    assert site.origins() == ["https://feeds.example.com", "https://www.example.com"]
    assert get_site("desk", path) == site
    with pytest.raises(KeyError, match="desk"):
        get_site("nope", path)


@pytest.mark.parametrize("fields", [
    {"name": "x"},                                          # nothing to crawl
    {"name": "x", "feeds": ["/rss"]},                       # relative without base_url
    {"name": "x", "feeds": ["ftp://ex.com/rss"]},
    {"name": "Bad Name", "feeds": ["https://ex.com/rss"]},
    {"name": "x", "feeds": ["https://ex.com/rss"], "folow_links": True},   # typo in a field
])
def test_invalid_site_configs_are_refused(fields):
    with pytest.raises(ValidationError):
        SiteConfig(**fields)


def test_a_base_url_alone_is_enough_when_robots_lists_sitemaps():
    assert SiteConfig(name="x", base_url="https://ex.com").origins() == ["https://ex.com"]


def test_adhoc_site_is_named_after_the_first_domain():
    site = adhoc_site(feeds=["http://127.0.0.1:8701/rss.xml"], sitemaps=["http://127.0.0.1:8701/sitemap.xml"])
    assert site.name == "127.0.0.1-8701" and site.allowed_domains == ["127.0.0.1:8701"]
    assert site_name_for("https://www.Example.co.uk/feed") == "example.co.uk"
    with pytest.raises(ValueError):
        adhoc_site()


def test_sites_from_command_line_arguments():
    sites = sites_from_args(["meridian"], ["https://ex.com/rss"], [])
    assert [site.name for site in sites] == ["meridian", "ex.com"]
    with pytest.raises(KeyError):
        sites_from_args(["no-such-site"], [], [])
