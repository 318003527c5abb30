"""`newsindex services`: real Redis and Elasticsearch start idempotently and fail clearly on a busy port."""
import socket

import pytest

from newsindex.services import ServiceError
from newsindex.services import elasticsearch as es_service
from newsindex.services import redis as redis_service
from newsindex.services.ports import free_port

pytestmark = pytest.mark.integration


def test_redis_up_is_idempotent_and_persistent(tmp_path_factory):
    state = tmp_path_factory.mktemp("redis")
    url = f"redis://127.0.0.1:{free_port()}/0"
    try:
        assert redis_service.up(url, state).running
        assert redis_service.up(url, state).managed  # second call finds it running
        assert "appendonly yes" in (state / "redis" / "redis.conf").read_text()
    finally:
        assert redis_service.down(url, state)
    assert not redis_service.ping(url)


def test_busy_port_gives_a_clear_error(tmp_path_factory):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        with pytest.raises(ServiceError, match="busy"):
            redis_service.up(f"redis://127.0.0.1:{port}/0", tmp_path_factory.mktemp("r"))
        with pytest.raises(ServiceError, match="busy"):
            es_service.up(f"http://127.0.0.1:{port}", tmp_path_factory.mktemp("e"), "9.5.4")


def test_local_elasticsearch_is_healthy_and_runs_the_pinned_version(local_es):
    health = es_service.health(local_es.url)
    assert health["status"] in ("green", "yellow")
    nodes = es_service.client(local_es.url).nodes.info()["nodes"]
    assert [n["version"] for n in nodes.values()] == [local_es.version]


def test_missing_java_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("ES_JAVA_HOME", "")
    monkeypatch.setenv("JAVA_HOME", "")
    monkeypatch.setattr(es_service.glob, "glob", lambda pattern: [])
    with pytest.raises(ServiceError, match="Java 21"):
        es_service.find_java(tmp_path)
