"""Shared fixtures: real Redis and Elasticsearch, each started on a free port with its own data
directory (or reused when NEWSINDEX_TEST_REDIS_URL / NEWSINDEX_TEST_ES_URL point at running ones),
and per-test settings with their own index alias, Redis key prefix and queue."""
from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

from newsindex.settings import Settings, get_settings


def _state_dir(name: str) -> Path:
    # Under /tmp, not pytest's tmp_path: Elasticsearch runs as another user and must reach it.
    path = Path(tempfile.mkdtemp(prefix=f"newsindex-test-{name}-"))
    path.chmod(0o755)
    return path


@pytest.fixture(scope="session")
def redis_url():
    if url := os.environ.get("NEWSINDEX_TEST_REDIS_URL"):
        yield url
        return
    from newsindex.services import redis as redis_service
    from newsindex.services.ports import free_port

    state = _state_dir("redis")
    url = f"redis://127.0.0.1:{free_port()}/0"
    redis_service.up(url, state)
    yield url
    redis_service.down(url, state)
    shutil.rmtree(state, ignore_errors=True)


class LocalElasticsearch:
    """A test-owned Elasticsearch that tests may stop and start again (fault tests)."""

    def __init__(self):
        from newsindex.services.ports import free_port

        base = get_settings()
        self.state = _state_dir("es")
        self.url = f"http://127.0.0.1:{free_port()}"
        self.version = base.es_version
        self.dist_dir = base.dist_dir or base.state_dir / "dist"
        self.user = base.es_user

    def start(self):
        from newsindex.services import elasticsearch as es_service

        es_service.up(self.url, self.state, self.version, heap="1g", user=self.user, dist_dir=self.dist_dir)

    def stop(self):
        from newsindex.services import elasticsearch as es_service

        es_service.down(self.state)


@pytest.fixture(scope="session")
def local_es():
    """An Elasticsearch this test session owns (always started here: some tests stop it)."""
    server = LocalElasticsearch()
    server.start()
    yield server
    server.stop()
    shutil.rmtree(server.state, ignore_errors=True)


@pytest.fixture(scope="session")
def es_url(request):
    if url := os.environ.get("NEWSINDEX_TEST_ES_URL"):
        return url
    return request.getfixturevalue("local_es").url


def make_settings(es_url: str, redis_url: str, **overrides) -> Settings:
    tag = uuid.uuid4().hex[:8]
    values = dict(
        es_url=es_url, redis_url=redis_url, index_alias=f"test-{tag}", redis_prefix=f"test-{tag}",
        queue=f"test-{tag}", state_dir=_state_dir("run"), worker_concurrency=2, index_batch_size=50,
        index_flush_seconds=0.5, task_max_retries=8, retry_backoff_max=8,
    )
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def settings(es_url, redis_url):
    """Settings isolated for one test; its index and Redis keys are removed afterwards."""
    s = make_settings(es_url, redis_url)
    yield s
    cleanup(s)


def cleanup(s: Settings) -> None:
    import redis

    from indexer.setup import drop_index
    from newsindex.services.elasticsearch import client

    try:
        drop_index(client(s.es_url), s.index_alias)
    except Exception:  # the service may be the thing a test stopped
        pass
    r = redis.Redis.from_url(s.redis_url)
    keys = list(r.scan_iter(f"{s.redis_prefix}:*")) + [s.queue.encode(), f"{s.queue}.index".encode()]
    r.delete(*keys)
    shutil.rmtree(s.state_dir, ignore_errors=True)
