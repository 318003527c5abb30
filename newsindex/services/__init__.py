"""Run the real backing services locally without Docker: Redis and Elasticsearch, started, health-waited
and stopped by `newsindex services up|down|status`, each with its state under one directory."""
from __future__ import annotations

from dataclasses import dataclass


class ServiceError(RuntimeError):
    """A service cannot be started or reached; the message says what to do."""


@dataclass
class ServiceStatus:
    name: str
    url: str
    running: bool
    managed: bool  # started by us (pid file in the state dir) rather than found already running
    detail: str = ""
