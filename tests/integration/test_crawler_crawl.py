"""The crawler against a small site served in the test: pages reach a real Celery worker exactly once,
faults land in the outcome ledger with the right reasons, robots.txt is honoured."""
from __future__ import annotations

import base64

import gzip
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker

from newsindex.outcomes import Ledger
from newsindex.settings import Settings
from newsindex.stack import run_crawl as run_crawl_processes

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
MAX_PAGE_BYTES = 100_000


def article(title: str, charset: str = "utf-8") -> tuple[int, dict, bytes]:
    html = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>Story about {title}, café.</p>" \
           f"<a href='/news/linked'>more</a></body></html>"
    return 200, {"Content-Type": f"text/html; charset={charset}"}, html.encode(charset)


def xml(text: str) -> tuple[int, dict, bytes]:
    return 200, {"Content-Type": "application/xml"}, text.encode()


def urlset(base: str, paths: list[str]) -> str:
    urls = "".join(f"<url><loc>{base}{path}</loc></url>" for path in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def site_routes(base: str, other_origin: str) -> dict[str, tuple[int, dict, bytes]]:
    rss_items = ["/news/a1", "/news/a2?utm_source=rss#top", "/private/secret", "/news/missing", "/news/broken",
                 "/files/report.pdf", "/news/loop", "/news/huge", "/news/reset", "/news/away"]
    items = "".join(f"<item><title>t</title><link>{base}{path}</link></item>" for path in rss_items)
    items += f"<item><link>http://elsewhere.invalid/x</link></item><item><link>{other_origin}/news/x</link></item>"
    return {
        "/robots.txt": (200, {"Content-Type": "text/plain"},
                        f"User-agent: *\nDisallow: /private/\nSitemap: {base}/sitemap_index.xml\n".encode()),
        "/feed.xml": xml(f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'),
        "/atom.xml": xml('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                         f'<title>T</title><id>x</id><entry><title>a6</title><id>6</id>'
                         f'<link rel="alternate" href="{base}/news/a6"/></entry></feed>'),
        "/sitemap_index.xml": xml('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                  f"<sitemap><loc>{base}/sitemap-news.xml</loc></sitemap>"
                                  f"<sitemap><loc>{base}/sitemap-more.xml.gz</loc></sitemap></sitemapindex>"),
        "/sitemap-news.xml": xml(urlset(base, ["/news/a1", "/news/a2", "/news/a3", "/news/moved"])),
        "/sitemap-more.xml.gz": (200, {"Content-Type": "application/octet-stream"},
                                 gzip.compress(urlset(base, ["/news/a5", "/news/huge-stream"]).encode())),
        "/news/a1": article("a1"),
        "/news/a2": article("a2"),
        "/news/a3": article("a3", charset="iso-8859-1"),
        "/news/a4": article("a4"),
        "/news/a5": article("a5"),
        "/news/a6": article("a6"),
        "/news/linked": article("linked"),
        "/world": (200, {"Content-Type": "text/html"},
                   f"<html><body><a href='/news/a1'>1</a><a href='{base}/news/a2#c'>2</a><a href='/files/report.pdf'>pdf</a>"
                   f"<a href='{other_origin}/news/x'>other outlet</a></body></html>".encode()),
        "/private/secret": article("secret"),
        "/news/moved": (301, {"Location": f"{base}/news/a4"}, b""),
        "/news/broken": (500, {"Content-Type": "text/html"}, b"<html>oops</html>"),
        "/files/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not really"),
        "/news/away": (302, {"Location": f"{other_origin}/news/x"}, b""),
        "/news/loop": (302, {"Location": f"{base}/news/loop2"}, b""),
        "/news/loop2": (302, {"Location": f"{base}/news/loop"}, b""),
        "/news/huge": (200, {"Content-Type": "text/html"}, b"<html>" + b"x" * (3 * MAX_PAGE_BYTES) + b"</html>"),
    }


class FixtureSite:
    """A threaded HTTP server on a free port that logs every path it is asked for."""

    def __init__(self):
        self.hits: list[str] = []
        self.article_delay = 0.0  # seconds each /news/ page takes to answer
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                path = self.path.split("?")[0]
                site.hits.append(path)
                if path == "/news/reset":
                    self.close_connection = True  # no response at all: a fetch error
                    return
                if path == "/news/huge-stream":
                    return self.stream_huge()
                if path.startswith("/news/"):
                    time.sleep(site.article_delay)
                status, headers, body = site.routes.get(path, (404, {"Content-Type": "text/html"}, b"nope"))
                self.send_response(status)
                for name, value in {**headers, "Content-Length": str(len(body))}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def stream_huge(self):
                # No Content-Length: the size limit must trip while the body arrives.
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                try:
                    for _ in range(30):
                        self.wfile.write(b"y" * 10_000)
                except OSError:
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.routes = site_routes(self.base, f"http://127.0.0.1:{self.server.server_address[1] + 1}")
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def names(tmp_path, redis_url):
    """The test Redis, and a prefix and queue of this test alone; every key they name is deleted afterwards."""
    tag = f"crawlertest-{uuid.uuid4().hex[:8]}"
    yield {"prefix": tag, "queue": tag, "state_dir": tmp_path, "redis_url": redis_url}
    client = redis.Redis.from_url(redis_url)
    for key in [*client.scan_iter(f"{tag}*"), *client.scan_iter(f"_kombu.*{tag}*")]:
        client.delete(key)


@pytest.fixture
def site():
    with FixtureSite() as served:
        yield served


def crawl_env(names) -> dict[str, str]:
    return {**os.environ, "NEWSINDEX_REDIS_URL": names["redis_url"], "NEWSINDEX_REDIS_PREFIX": names["prefix"],
            "NEWSINDEX_QUEUE": names["queue"], "NEWSINDEX_STATE_DIR": str(names["state_dir"]),
            "NEWSINDEX_MAX_PAGE_BYTES": str(MAX_PAGE_BYTES), "NEWSINDEX_LOG_LEVEL": "WARNING"}


def run_module(names, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "crawler.run", *args], cwd=REPO, env=crawl_env(names),
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


class Received:
    """A Celery app whose "newsindex.extract" task records the pages it is given."""

    def __init__(self, names: dict):
        self.pages: list[dict] = []
        self.app = Celery("crawler-test", broker=names["redis_url"], set_as_current=False)
        self.app.conf.task_default_queue = names["queue"]

        # shared=False: a shared task would be copied into the next test's app with this closure.
        @self.app.task(name="newsindex.extract", shared=False)
        def extract(page):
            self.pages.append(page)

    def wait_for(self, count: int, timeout: float = 30.0) -> list[dict]:
        deadline = time.monotonic() + timeout
        while len(self.pages) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # room for any extra (duplicate) page to arrive and fail the test
        return self.pages


def test_crawl_hands_off_each_article_once_and_records_faults(site, names):
    received = Received(names)
    with start_worker(received.app, perform_ping_check=False, queues=[names["queue"]]):
        summary = run_module(names, "--feed", f"{site.base}/feed.xml", "--feed", f"{site.base}/atom.xml",
                             "--sitemap", f"{site.base}/sitemap_index.xml")
        pages = received.wait_for(6)

    by_url = {page["url"].removeprefix(site.base): page for page in pages}
    assert sorted(page["url"].removeprefix(site.base) for page in pages) == \
        ["/news/a1", "/news/a2", "/news/a3", "/news/a5", "/news/a6", "/news/moved"]
    assert by_url["/news/moved"]["final_url"] == f"{site.base}/news/a4"
    a3 = by_url["/news/a3"]
    assert a3["encoding"] == "cp1252" and "café" in base64.b64decode(a3["body_b64"]).decode(a3["encoding"])
    assert {page["discovered_via"] for page in pages} == {"feed", "sitemap"}
    assert by_url["/news/a6"]["discovered_via"] == "feed"
    assert by_url["/news/a5"]["discovered_via"] == "sitemap"
    first = by_url["/news/a1"]
    assert first["status"] == 200 and first["source"] == summary["sites"][0]
    assert first["headers"]["content-type"] == "text/html; charset=utf-8"
    assert first["fetched_at"].endswith("+00:00")

    ledger = Ledger(redis.Redis.from_url(names["redis_url"], decode_responses=True), names["prefix"])
    expected = {"robots_disallowed": 1, "http_404": 1, "http_500": 1, "non_html": 1, "redirect_loop": 1,
                "too_large": 2, "fetch_error": 1, "offsite": 1}
    assert ledger.discard_reasons() == expected
    assert {(entry["url"].removeprefix(site.base), entry["reason"]) for entry in ledger.discarded()} == {
        ("/private/secret", "robots_disallowed"), ("/news/missing", "http_404"), ("/news/broken", "http_500"),
        ("/files/report.pdf", "non_html"), ("/news/loop", "redirect_loop"), ("/news/huge", "too_large"),
        ("/news/huge-stream", "too_large"), ("/news/reset", "fetch_error"), ("/news/away", "offsite")}
    assert all(entry["stage"] == "crawl" for entry in ledger.discarded())

    hits = Counter(site.hits)
    assert hits["/robots.txt"] >= 1
    assert hits["/private/secret"] == 0
    assert hits["/news/a1"] == 1 and hits["/news/a2"] == 1
    assert hits["/news/broken"] == 3  # Scrapy's two retries, then one outcome
    assert hits["/news/linked"] == 0  # links are not followed unless the site asks
    assert summary["handed_off"] == 6 and summary["discard_reasons"] == expected
    assert summary["offsite_skipped"] == 2

    client = redis.Redis.from_url(names["redis_url"], decode_responses=True)
    [progress] = client.scan_iter(f"{names['prefix']}:crawl:progress:{summary['run_id']}:*")
    stats = client.hgetall(progress)
    assert stats["state"] == "finished" and stats["handed_off"] == "6" and stats["discarded:too_large"] == "2"
    # The frontier of the run is gone, so the next crawl starts afresh; its counts stay a while.
    assert [key for key in client.scan_iter(f"{names['prefix']}:crawl:*")] == [progress]
    assert 0 < client.ttl(progress) <= 7 * 24 * 3600


RUN_IN_PROCESS = """
import json, sys
from crawler.run import run_crawl
from crawler.sites import SiteConfig
calls = []
summary = run_crawl([SiteConfig.model_validate_json(sys.argv[1])], on_progress=calls.append)
print(json.dumps({"summary": summary, "calls": calls}))
"""


def run_in_process(names, site_config: dict) -> dict:
    """run_crawl in a fresh interpreter (the reactor runs once per process)."""
    done = subprocess.run([sys.executable, "-c", RUN_IN_PROCESS, json.dumps(site_config)], cwd=REPO, env=crawl_env(names),
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_second_crawl_hands_every_article_again_and_reports_progress(site, names):
    site.routes["/atom.xml"] = xml('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                                   "<title>T</title><id>x</id>" + "".join(
                                       f'<entry><title>a{n}</title><id>{n}</id><link href="{site.base}/news/a{n}"/></entry>'
                                       for n in (1, 2, 3)) + "</feed>")
    site.routes["/robots.txt"] = (404, {}, b"")
    received = Received(names)
    with start_worker(received.app, perform_ping_check=False, queues=[names["queue"]]):
        first = run_in_process(names, {"name": "desk", "feeds": [f"{site.base}/atom.xml"]})
        second = run_in_process(names, {"name": "desk", "feeds": [f"{site.base}/atom.xml"]})
        pages = received.wait_for(6)

    assert Counter(page["url"].removeprefix(site.base) for page in pages) == \
        {"/news/a1": 2, "/news/a2": 2, "/news/a3": 2}
    assert first["summary"]["run_id"] != second["summary"]["run_id"]
    for run in (first, second):
        assert run["summary"]["handed_off"] == 3 and run["summary"]["discarded"] == 0
        assert run["summary"]["finish_reason"] == "finished"
        # One report when the crawl opens, one a second while it runs (if it lasts), one when it ends.
        assert len(run["calls"]) >= 2
        assert run["calls"][0]["state"] == "running" and run["calls"][-1]["state"] == "finished"
        assert run["calls"][-1]["handed_off"] == 3 and run["calls"][-1]["pages_fetched"] == 3
    # A missing robots.txt is no fault of a page.
    assert Ledger(redis.Redis.from_url(names["redis_url"], decode_responses=True), names["prefix"]).counts() == {}


def test_start_urls_and_follow_links(site, names):
    site.routes["/robots.txt"] = (200, {}, b"User-agent: *\nDisallow:\n")
    received = Received(names)
    with start_worker(received.app, perform_ping_check=False, queues=[names["queue"]]):
        run = run_in_process(names, {"name": "desk", "start_urls": [f"{site.base}/world"], "follow_links": True})
        pages = received.wait_for(3)

    assert sorted((page["url"].removeprefix(site.base), page["discovered_via"]) for page in pages) == \
        [("/news/a1", "link"), ("/news/a2", "link"), ("/news/linked", "link")]
    # The hub page is fetched for its links but is no article; the PDF link is skipped by extension.
    assert run["summary"]["handed_off"] == 3 and run["summary"]["discarded"] == 0
    assert Counter(site.hits)["/world"] == 1 and "/files/report.pdf" not in site.hits


def test_crawler_processes_share_one_run_and_fetch_each_page_once(site, names):
    count = 40
    site.article_delay = 0.25  # slow enough that one process alone would take ~5 s: the other joins in
    site.routes["/robots.txt"] = (404, {}, b"")
    site.routes["/atom.xml"] = xml('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                                   "<title>T</title><id>x</id>" + "".join(
                                       f'<entry><title>s{n}</title><id>{n}</id><link href="{site.base}/news/s{n}"/></entry>'
                                       for n in range(count)) + "</feed>")
    for n in range(count):
        site.routes[f"/news/s{n}"] = article(f"s{n}")
    settings = Settings(redis_url=names["redis_url"], redis_prefix=names["prefix"], queue=names["queue"],
                        state_dir=names["state_dir"], crawl_concurrency=2, log_level="WARNING")
    live: list[dict] = []
    received = Received(names)
    with start_worker(received.app, perform_ping_check=False, queues=[names["queue"]]):
        run = run_crawl_processes(settings, ["--feed", f"{site.base}/atom.xml"], on_progress=live.append, processes=2)
        pages = received.wait_for(count)

    assert Counter(page["url"] for page in pages) == {f"{site.base}/news/s{n}": 1 for n in range(count)}
    assert Counter(site.hits)["/atom.xml"] == 1  # the second process found the feed already in the frontier
    assert run["processes"] == 2 and run["handed_off"] == count and run["pages_fetched"] == count
    assert run["finish_reason"] == "finished"
    client = redis.Redis.from_url(names["redis_url"], decode_responses=True)
    members = [client.hgetall(key) for key in client.scan_iter(f"{names['prefix']}:crawl:progress:{run['run_id']}:*")]
    assert len(members) == 2 and all(int(member["handed_off"]) > 0 for member in members), members
    assert any(update.get("handed_off", 0) for update in live)
    # The last process out dropped the shared frontier.
    assert not [key for key in client.scan_iter(f"{names['prefix']}:crawl:{run['run_id']}:*")]
