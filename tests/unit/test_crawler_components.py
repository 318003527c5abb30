"""The crawler's pure parts: fault naming, the page handed to the workers, duplicate fingerprints,
progress counts, settings, and parking pages when the broker is down."""

import base64
import json

import pytest
from scrapy import Request
from scrapy.exceptions import (CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError,
                               DownloadTimeoutError, IgnoreRequest)
from scrapy.http import HtmlResponse, Response
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.dupefilter import CrawlDupeFilter
from crawler.faults import fault_reason, is_html
from crawler.handoff import CelerySender, HandoffPipeline
from crawler.offsite import OffsiteRequest
from crawler.progress import flatten, summarize
from crawler.run import scrapy_settings
from crawler.spiders.news import page_from_response
from newsindex.settings import Settings
from newsindex.stack import combine_progress


@pytest.mark.parametrize("error, reason", [
    (HttpError(Response("http://ex.com/a", status=404)), "http_404"),
    (HttpError(Response("http://ex.com/a", status=503)), "http_503"),
    (IgnoreRequest("Forbidden by robots.txt"), "robots_disallowed"),
    (IgnoreRequest("max redirections reached"), "redirect_loop"),
    (DownloadCancelledError("Received 2000 bytes which is larger than download max size (1000)"), "too_large"),
    (IgnoreRequest("Ignored response because its body exceeded DOWNLOAD_MAXSIZE (10 B) during decompression."),
     "too_large"),
    (OffsiteRequest("offsite for x: http://other/"), "offsite"),
    (CannotResolveHostError("no such host"), "fetch_error"),
    (DownloadConnectionRefusedError("refused"), "fetch_error"),
    (DownloadTimeoutError("slow"), "fetch_error"),
    (IgnoreRequest("something else"), "ignored"),
])
def test_fault_reason(error, reason):
    assert fault_reason(error) == reason


@pytest.mark.parametrize("content_type, sniffed, html", [
    ("text/html; charset=utf-8", False, True),
    ("application/xhtml+xml", False, True),
    ("TEXT/HTML", False, True),
    ("application/pdf", True, False),
    ("text/plain", False, False),
    ("", True, True),
    (None, False, False),
])
def test_is_html(content_type, sniffed, html):
    assert is_html(content_type, sniffed) is html


def test_page_from_response_decodes_by_the_declared_charset():
    body = "<html><head><meta charset='windows-1252'></head><body>Caf\u00e9 \u2014 news</body></html>".encode("cp1252")
    request = Request("http://ex.com/moved", meta={"url": "http://ex.com/moved", "via": "sitemap"})
    response = HtmlResponse("http://ex.com/final", status=200, body=body, request=request,
                            headers={"Content-Type": "text/html", "X-Thing": ["a", "b"]})
    page = page_from_response(response, "desk", "sitemap")
    assert page["url"] == "http://ex.com/moved" and page["final_url"] == "http://ex.com/final"
    assert page["encoding"] == "cp1252"
    assert "Caf\u00e9 \u2014 news" in base64.b64decode(page["body_b64"]).decode(page["encoding"])
    assert page["headers"] == {"content-type": "text/html", "x-thing": "a, b"}
    assert page["source"] == "desk" and page["discovered_via"] == "sitemap" and page["status"] == 200
    json.dumps(page)  # it must travel as a JSON task argument


def test_dupefilter_fingerprint_is_the_canonical_url():
    fingerprint = CrawlDupeFilter(server=None, key="k").request_fingerprint
    assert fingerprint(Request("https://ex.com/a/?utm_source=x#top")) == fingerprint(Request("https://EX.com/a"))
    assert fingerprint(Request("https://ex.com/a")) != fingerprint(Request("https://ex.com/b"))
    assert fingerprint(Request("http://127.0.0.1:8701/a")) != fingerprint(Request("http://127.0.0.1:8702/a"))


def test_summarize_and_flatten():
    stats = {"newsindex/fetched": 10, "newsindex/handed_off": 8, "newsindex/discarded/http_404": 1,
             "newsindex/discarded/non_html": 1, "downloader/request_count": 14}
    summary = summarize(stats, elapsed=4.0, in_flight=2, queued=5)
    assert summary["pages_fetched"] == 10 and summary["handed_off"] == 8 and summary["discarded"] == 2
    assert summary["discard_reasons"] == {"http_404": 1, "non_html": 1}
    assert summary["rate"] == 2.5 and summary["in_flight"] == 2 and summary["queued"] == 5
    fields = flatten(summary)
    assert fields["discarded:http_404"] == "1" and fields["handed_off"] == "8" and "discard_reasons" not in fields
    assert summarize({}, elapsed=0)["rate"] == 0.0


def test_the_processes_of_one_run_add_up_but_share_their_queue():
    one = summarize({"newsindex/fetched": 6, "newsindex/handed_off": 5, "newsindex/discarded/http_404": 1},
                    elapsed=3.0, queued=7)
    two = summarize({"newsindex/fetched": 4, "newsindex/handed_off": 3, "newsindex/discarded/http_404": 1,
                     "newsindex/discarded/non_html": 1}, elapsed=2.0, queued=7)
    run = combine_progress([{**one, "run_id": "r1", "sites": ["a"], "finish_reason": "finished"},
                            {**two, "run_id": "r1", "sites": ["a", "b"], "finish_reason": "shutdown"}])
    assert run["pages_fetched"] == 10 and run["handed_off"] == 8 and run["discarded"] == 3
    assert run["discard_reasons"] == {"http_404": 2, "non_html": 1}
    assert run["queued"] == 7 and run["elapsed"] == 3.0 and run["sites"] == ["a", "b"] and run["run_id"] == "r1"
    assert run["finish_reason"] == "shutdown"  # one process stopped early: the run did not simply finish
    # Live hashes from Redis hold strings; a run is finished only when every process is.
    live = combine_progress([{**flatten(one), "state": "finished"}, {**flatten(two), "state": "running"}])
    assert live["handed_off"] == 8 and live["discarded:http_404"] == 2 and live["state"] == "running"
    assert combine_progress([]) == {}
    assert combine_progress([{"run_id": "12e456", "handed_off": "2"}])["run_id"] == "12e456"  # an id, not a number


def test_scrapy_settings_come_from_the_project_settings(tmp_path):
    project = Settings(redis_prefix="desk", queue="pages", max_page_bytes=1234, obey_robots=True,
                       crawl_concurrency=4, state_dir=tmp_path, log_level="ERROR")
    settings = scrapy_settings(project, "run1", on_progress=print, member="host-42")
    assert settings["SCHEDULER"] == "scrapy_redis.scheduler.Scheduler"
    assert settings["SCHEDULER_QUEUE_KEY"] == "desk:crawl:run1:requests"
    assert settings["SCHEDULER_DUPEFILTER_KEY"] == "desk:crawl:run1:dupefilter"
    assert settings["PROGRESS_KEY"] == "desk:crawl:progress:run1:host-42"
    assert settings["RUN_MEMBERS_KEY"] == "desk:crawl:run1:members" and settings["CRAWL_MEMBER"] == "host-42"
    assert settings.getint("DOWNLOAD_MAXSIZE") == 1234 and settings.getbool("ROBOTSTXT_OBEY")
    assert settings.getint("CONCURRENT_REQUESTS") == 4 and settings["HANDOFF_QUEUE"] == "pages"
    assert settings["PARKED_DIR"] == str(tmp_path / "parked") and settings["PROGRESS_CALLBACK"] is print
    assert settings["LOG_LEVEL"] == "ERROR"


def test_a_page_the_broker_refuses_is_parked_for_replay(tmp_path):
    # Nothing listens on port 1: every publish attempt is refused, then the page is parked.
    pipeline = HandoffPipeline(CelerySender("redis://127.0.0.1:1/0", "pages"), tmp_path / "parked" / "run.jsonl")
    page = {"url": "http://ex.com/a", "html": "<p>x</p>"}
    assert pipeline.process_item(page) == page
    pipeline.close_spider()
    [entry] = [json.loads(line) for line in (tmp_path / "parked" / "run.jsonl").read_text().splitlines()]
    assert entry["task"] == "newsindex.extract" and entry["kwargs"] == {"page": page}
    assert entry["reason"] == "handoff_failed" and "refused" in entry["error"].lower()
