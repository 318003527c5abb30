"""The one settings object: every knob is an environment variable prefixed NEWSINDEX_."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


def pinned_es_version() -> str | None:
    """The Elasticsearch version pinned in the repository's .env (also read by docker compose); None in an
    installed copy without the repository, where only `services up` needs it (set NEWSINDEX_ES_VERSION)."""
    env_file = REPO_ROOT / ".env"
    if not env_file.exists():
        return None
    for line in env_file.read_text().splitlines():
        key, _, value = line.partition("=")
        if key.strip() == "NEWSINDEX_ES_VERSION":
            return value.strip()
    raise RuntimeError(".env does not pin NEWSINDEX_ES_VERSION")


def _default_state_dir() -> Path:
    # Elasticsearch runs as an unprivileged user, so as root the state must live where that user
    # can reach it (root's home is not traversable by others).
    if os.geteuid() == 0:
        return Path("/var/lib/newsindex")
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "newsindex"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSINDEX_", extra="ignore")

    # Where the services are. Point these at an existing Elasticsearch/Redis to skip local ones.
    es_url: str = "http://127.0.0.1:9200"
    redis_url: str = "redis://127.0.0.1:6379/0"
    # Namespace of every Redis key the project writes (outcome ledger, quarantine, crawl frontier).
    redis_prefix: str = "newsindex"

    # Local services (`newsindex services up`).
    state_dir: Path = Field(default_factory=_default_state_dir)
    es_version: str | None = Field(default_factory=pinned_es_version)
    es_heap: str = "2g"
    es_user: str = "newsindex"  # the unprivileged user Elasticsearch runs as when we are root
    # Where the Elasticsearch zip is unpacked once and shared by every local instance (tests too).
    dist_dir: Path | None = None
    java_home: Path | None = None

    # Index names: the alias is what everything reads and writes; the versioned index sits behind it.
    index_alias: str = "articles"
    index_version: int = 1

    # Crawling. sites_file replaces crawler/sites.yaml (named sites, their feeds and sitemaps).
    sites_file: Path | None = None
    user_agent: str = "newsindex/0.1 (+https://github.com/newsindex/newsindex)"
    crawl_concurrency: int = 16
    crawl_delay: float = 0.0
    max_page_bytes: int = 10 * 1024 * 1024
    obey_robots: bool = True

    # Workers. Pages travel as Celery tasks by name on this queue (a Redis list of the same name).
    queue: str = "newsindex"
    worker_concurrency: int = 2
    page_batch_size: int = 16  # pages one worker process extracts, enriches and writes together
    index_batch_size: int = 200  # articles per bulk write when retrying or replaying
    index_flush_seconds: float = 1.0
    task_max_retries: int = 8
    retry_backoff_max: int = 120

    # Enrichment. The spaCy model for names the actor base lacks; "" turns NER off (base matching only).
    ner_model: str = "en_core_web_sm"
    # Where built data is cached between runs (the gazetteer, ~60 MB); default ~/.cache/newsindex.
    cache_dir: Path | None = None

    # API.
    api_host: str = "127.0.0.1"
    api_port: int = 8000

    log_level: str = "WARNING"

    @property
    def index_name(self) -> str:
        return f"{self.index_alias}-v{self.index_version}"

    @property
    def template_name(self) -> str:
        return f"{self.index_alias}-template"


@lru_cache
def get_settings() -> Settings:
    return Settings()
