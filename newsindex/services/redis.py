"""Redis from Debian's redis-server: one instance per state directory, append-only persistence on."""
from __future__ import annotations

import logging
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import redis

from . import ServiceError, ServiceStatus
from .ports import port_in_use, read_pid, stop_pid

logger = logging.getLogger(__name__)


def _paths(state_dir: Path) -> tuple[Path, Path]:
    home = state_dir / "redis"
    return home, home / "redis.pid"


def ping(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2).ping())
    except redis.RedisError:
        return False


def status(url: str, state_dir: Path) -> ServiceStatus:
    _, pid_file = _paths(state_dir)
    return ServiceStatus("redis", url, ping(url), read_pid(pid_file) is not None)


def up(url: str, state_dir: Path, timeout: float = 20.0) -> ServiceStatus:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 6379
    if ping(url):
        return status(url, state_dir)
    if port_in_use(host, port):
        raise ServiceError(f"port {port} is busy but does not answer as Redis: free it or set NEWSINDEX_REDIS_URL")
    server = shutil.which("redis-server")
    if not server:
        raise ServiceError("redis-server is not installed: run deploy/install.sh (apt-get install redis-server)")
    home, pid_file = _paths(state_dir)
    home.mkdir(parents=True, exist_ok=True)
    conf = home / "redis.conf"
    conf.write_text(
        "\n".join(
            [
                f"bind {host}",
                f"port {port}",
                f"dir {home}",
                f"pidfile {pid_file}",
                f"logfile {home / 'redis.log'}",
                "daemonize yes",
                "appendonly yes",
                "appendfsync everysec",
                "save 300 10",
                "protected-mode yes",
            ]
        )
        + "\n"
    )
    subprocess.run([server, str(conf)], check=True)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ping(url):
            logger.info("redis up", extra={"url": url})
            return status(url, state_dir)
        time.sleep(0.1)
    raise ServiceError(f"redis did not answer on {url} within {timeout:.0f}s: see {home / 'redis.log'}")


def down(url: str, state_dir: Path) -> bool:
    _, pid_file = _paths(state_dir)
    return stop_pid(pid_file)
