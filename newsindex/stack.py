"""Start and stop the moving parts of a run as processes (Celery worker, crawl, API) with one
settings object passed down through NEWSINDEX_* variables; used by the CLI, benchmarks and tests."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import redis

from .settings import REPO_ROOT, Settings


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment that makes a child process see the same settings."""
    env = dict(os.environ)
    for name, value in settings.model_dump().items():
        if value is not None:
            env[f"NEWSINDEX_{name.upper()}"] = str(value)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def start_worker(settings: Settings, concurrency: int | None = None, log_file: Path | None = None) -> subprocess.Popen:
    """A real Celery worker process consuming the page and index queues."""
    queues = f"{settings.queue},{settings.queue}.index"
    command = [
        sys.executable, "-m", "celery", "-A", "workers.app", "worker", "-Q", queues,
        "--concurrency", str(concurrency or settings.worker_concurrency), "--loglevel", settings.log_level,
        "--without-gossip", "--without-mingle", "--without-heartbeat", "-n", f"newsindex-{uuid.uuid4().hex[:8]}@%h",
    ]
    out = open(log_file, "ab") if log_file else subprocess.DEVNULL
    return subprocess.Popen(command, env=settings_env(settings), stdout=out, stderr=subprocess.STDOUT, cwd=REPO_ROOT)


def stop_process(process: subprocess.Popen, timeout: float = 30.0) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def crawl_stats(settings: Settings) -> dict[str, str]:
    return redis.Redis.from_url(settings.redis_url, decode_responses=True).hgetall(f"{settings.redis_prefix}:crawl:stats")


def run_crawl(settings: Settings, args: list[str], on_progress: Callable[[dict[str, str]], None] | None = None,
              timeout: float = 1800.0) -> dict:
    """Run `python -m crawler.run ARGS` (Twisted's reactor cannot restart in one process) and return
    its final stats; on_progress sees the live counts it publishes in Redis."""
    process = subprocess.Popen([sys.executable, "-m", "crawler.run", *args], env=settings_env(settings),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT)
    deadline = time.monotonic() + timeout
    while process.poll() is None:
        if on_progress:
            on_progress(crawl_stats(settings))
        if time.monotonic() > deadline:
            stop_process(process)
            raise TimeoutError(f"crawl did not finish within {timeout:.0f}s")
        time.sleep(0.5)
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"crawl failed (exit {process.returncode}):\n{stderr[-3000:]}")
    return json.loads(stdout.strip().splitlines()[-1])
