"""Site configurations: the named sites of sites.yaml and ad hoc sites built from feed/sitemap URLs."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from crawler.urls import domain_entry, origin

SITES_FILE = Path(__file__).with_name("sites.yaml")


class SiteConfig(BaseModel):
    """One outlet: where its article URLs are listed and which origins belong to it."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    base_url: str | None = None
    allowed_domains: list[str] = []
    feeds: list[str] = []
    sitemaps: list[str] = []
    start_urls: list[str] = []
    follow_links: bool = False
    robots_sitemaps: bool = True

    @model_validator(mode="after")
    def _resolve(self) -> "SiteConfig":
        self.feeds, self.sitemaps, self.start_urls = (
            [self._absolute(url) for url in urls] for urls in (self.feeds, self.sitemaps, self.start_urls)
        )
        if not (self.feeds or self.sitemaps or self.start_urls or (self.base_url and self.robots_sitemaps)):
            raise ValueError(f"site {self.name!r} lists no feed, sitemap or start URL")
        if not self.allowed_domains:
            self.allowed_domains = sorted({domain_entry(url) for url in self.urls()})
        return self

    def _absolute(self, url: str) -> str:
        url = urljoin(self.base_url or "", url.strip())
        if urlsplit(url).scheme not in ("http", "https"):
            raise ValueError(f"site {self.name!r}: {url!r} is not an absolute http(s) URL")
        return url

    def urls(self) -> list[str]:
        """Every URL the configuration names."""
        return [*([self.base_url] if self.base_url else []), *self.feeds, *self.sitemaps, *self.start_urls]

    def origins(self) -> list[str]:
        """The scheme://host[:port] origins whose robots.txt may list sitemaps."""
        return sorted({origin(url) for url in self.urls()})


def load_sites(path: Path = SITES_FILE) -> dict[str, SiteConfig]:
    """The named sites of a YAML file (a top-level `sites:` list)."""
    data = yaml.safe_load(path.read_text()) or {}
    sites = [SiteConfig.model_validate(entry) for entry in data.get("sites", [])]
    return {site.name: site for site in sites}


def get_site(name: str, path: Path = SITES_FILE) -> SiteConfig:
    sites = load_sites(path)
    if name not in sites:
        raise KeyError(f"unknown site {name!r}; known: {', '.join(sorted(sites)) or 'none'}")
    return sites[name]


def site_name_for(url: str) -> str:
    """A site name derived from a URL's host (and port): www.example.com → example.com."""
    netloc = urlsplit(url).netloc.lower().removeprefix("www.")
    return re.sub(r"[^a-z0-9._-]+", "-", netloc).strip("-.") or "site"


def adhoc_site(feeds: list[str] = (), sitemaps: list[str] = (), start_urls: list[str] = (),
               follow_links: bool = False) -> SiteConfig:
    """A site made from URLs given on the command line, named after the first URL's domain."""
    urls = [*feeds, *sitemaps, *start_urls]
    if not urls:
        raise ValueError("an ad hoc site needs at least one feed, sitemap or start URL")
    return SiteConfig(name=site_name_for(urls[0]), feeds=list(feeds), sitemaps=list(sitemaps),
                      start_urls=list(start_urls), follow_links=follow_links)
