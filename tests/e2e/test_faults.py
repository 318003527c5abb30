"""Faults end in exactly one recorded outcome: broken pages are discarded with a reason, and an
Elasticsearch outage mid-run delays articles (retried with backoff) without losing any."""
from __future__ import annotations

import time

import pytest

from demo.faults import GOOD_COUNT
from demo.site import load_articles
from newsindex.services.elasticsearch import client

pytestmark = pytest.mark.e2e


def test_broken_pages_are_discarded_with_their_reasons(stack):
    before = stack.ledger.discard_reasons()
    done_before = stack.ledger.counts().get("done", 0)
    stack.crawl("faulty")
    reasons = {k: v - before.get(k, 0) for k, v in stack.ledger.discard_reasons().items() if v - before.get(k, 0)}
    assert reasons.get("http_404") == 1
    assert reasons.get("http_500") == 1
    assert reasons.get("non_html") == 1
    assert reasons.get("undecodable") == 1
    assert reasons.get("redirect_loop") == 1
    assert reasons.get("too_large") == 1
    # The three good articles and the one that moved (one redirect) are indexed.
    assert stack.ledger.counts().get("done", 0) - done_before == GOOD_COUNT + 1
    listed = {entry["reason"] for entry in stack.ledger.discarded(50)}
    assert {"http_404", "http_500", "non_html", "undecodable", "redirect_loop", "too_large"} <= listed


def test_elasticsearch_outage_mid_run_loses_nothing(stack, local_es):
    if stack.settings.es_url != local_es.url:
        pytest.skip("needs the test-owned Elasticsearch (NEWSINDEX_TEST_ES_URL points elsewhere)")
    expected = len(load_articles("meridian"))
    counts_before = stack.ledger.counts()
    local_es.stop()
    try:
        final = stack.crawl("meridian", wait=False)
        assert int(final["handed_off"]) == expected
        deadline = time.monotonic() + 60
        while stack.ledger.counts().get("retried", 0) == counts_before.get("retried", 0):
            assert time.monotonic() < deadline, "the workers never retried"
            time.sleep(0.5)
        assert stack.ledger.counts().get("done", 0) == counts_before.get("done", 0)
    finally:
        local_es.start()
    deadline = time.monotonic() + 240
    while stack.ledger.counts().get("done", 0) - counts_before.get("done", 0) < expected:
        assert time.monotonic() < deadline, stack.ledger.counts()
        time.sleep(1)
    es = client(stack.settings.es_url)
    es.indices.refresh(index=stack.settings.index_alias)
    assert es.count(index=stack.settings.index_alias, query={"term": {"source": "meridian"}})["count"] == expected
    assert stack.ledger.counts().get("quarantined", 0) == counts_before.get("quarantined", 0)
