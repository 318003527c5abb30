"""The outcome ledger on a real Redis: counts, reasons, listing, quarantine and replay hand-over."""
import pytest
import redis

from newsindex.outcomes import Ledger

pytestmark = pytest.mark.integration


def test_every_outcome_is_counted_and_listable(settings):
    ledger = Ledger(redis.Redis.from_url(settings.redis_url, decode_responses=True), settings.redis_prefix)
    ledger.done(3)
    ledger.discard("http://a/1", "http_404", "crawl")
    ledger.discard("http://a/2", "undecodable", "extract", "92% replacement characters")
    ledger.discard("http://a/3", "http_404", "crawl")
    ledger.quarantine("newsindex.index", {"article": {"id": "x"}, "attempt": 9}, "ConnectionError: down")
    assert ledger.counts() == {"done": 3, "discarded": 3, "quarantined": 1}
    assert ledger.discard_reasons() == {"http_404": 2, "undecodable": 1}
    assert [e["url"] for e in ledger.discarded()] == ["http://a/3", "http://a/2", "http://a/1"]
    assert ledger.discarded()[1]["detail"] == "92% replacement characters"
    taken = ledger.take_quarantined()
    assert taken[0]["kwargs"]["article"] == {"id": "x"}
    assert ledger.quarantined() == [] and ledger.counts()["quarantined"] == 0
