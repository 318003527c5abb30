"""Fixtures for whole-stack tests: the demo outlets on free ports, a sites file naming them, a real
Celery worker process, and a helper that crawls and waits until every page reached its outcome."""
from __future__ import annotations

import pytest
import yaml

from newsindex.outcomes import Ledger
from newsindex.stack import run_crawl, start_worker, stop_process
from workers.queue import wait_for_drain

from ..conftest import cleanup, make_settings

SITEMAPS = {"meridian": "/sitemap.xml", "harbour": "/sitemap_index.xml", "sahel": "/sitemaps/index.xml",
            "faulty": "/sitemap_index.xml"}
FEEDS = {"meridian": "/feed/rss.xml", "harbour": "/feeds/latest.atom", "sahel": "/rss.xml", "faulty": "/feeds/latest.atom"}


@pytest.fixture(scope="module")
def demo_sites():
    from demo.server import start_demo_sites

    with start_demo_sites(faults=True, samples=False) as sites:
        yield sites


@pytest.fixture(scope="module")
def stack(es_url, redis_url, demo_sites, tmp_path_factory):
    """Settings for this module, a sites file for the demo outlets, and a running worker."""
    settings = make_settings(es_url, redis_url, task_max_retries=30)
    sites_file = tmp_path_factory.mktemp("sites") / "sites.yaml"
    sites_file.write_text(yaml.safe_dump({"sites": [
        {"name": name, "base_url": url, "feeds": [url + FEEDS[name]], "sitemaps": [url + SITEMAPS[name]]}
        for name, url in demo_sites.urls.items()]}))
    worker = start_worker(settings, log_file=settings.state_dir / "worker.log")
    yield Stack(settings, sites_file)
    stop_process(worker)
    cleanup(settings)


class Stack:
    def __init__(self, settings, sites_file):
        self.settings, self.sites_file = settings, sites_file
        self.ledger = Ledger.from_settings(settings)

    def crawl(self, *sites: str, wait: bool = True, timeout: float = 300) -> dict:
        """Crawl the named demo outlets; with wait, block until every page reached an outcome."""
        baseline = self.ledger.counts()
        args = ["--sites-file", str(self.sites_file), *[a for s in sites for a in ("--site", s)]]
        final = run_crawl(self.settings, args)
        if wait:
            expected = int(final["handed_off"]) + int(final.get("discarded", 0))
            assert wait_for_drain(self.settings, expected, baseline, timeout=timeout), (final, self.ledger.counts())
        return final
