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


# Crawl counts that do not add up across the processes of one run (they share the queue and the clock).
_SHARED_COUNTS = {"queued": max, "elapsed": max}
_TEXT_FIELDS = ("run_id", "state", "finish_reason")


def _count(value) -> int | float:
    """A count from a summary (a number) or from its Redis hash (a string)."""
    if isinstance(value, str):
        return float(value) if any(c in value for c in ".eE") else int(value)
    return value


def combine_progress(parts: list[dict]) -> dict:
    """The counts of a crawl run from those of its processes (summaries or their Redis hashes): counts
    add up, the shared queue and the elapsed time do not, the run is finished when every process is."""
    combined: dict = {}
    for part in parts:
        for key, value in part.items():
            if key in _TEXT_FIELDS:
                combined.setdefault(key, value)
            elif key == "sites":
                combined[key] = list(dict.fromkeys([*combined.get(key, []), *value]))
            elif isinstance(value, dict):  # discard reasons
                totals = combined.setdefault(key, {})
                for name, n in value.items():
                    totals[name] = totals.get(name, 0) + n
            elif key in combined:
                combined[key] = _SHARED_COUNTS.get(key, lambda a, b: a + b)(combined[key], _count(value))
            else:
                combined[key] = _count(value)
    states = {part.get("state") for part in parts}
    if "state" in combined:
        combined["state"] = "finished" if states == {"finished"} else "running"
    reasons = [part.get("finish_reason") for part in parts]
    if "finish_reason" in combined:
        combined["finish_reason"] = next((r for r in reasons if r and r != "finished"), reasons[0])
    return combined


def crawl_stats(settings: Settings, run_id: str) -> dict:
    """The live counts of crawl run run_id, over all its processes."""
    from crawler.settings import progress_key

    client = redis.Redis.from_url(settings.redis_url, decode_responses=True)
    parts = [client.hgetall(key) for key in client.scan_iter(progress_key(settings.redis_prefix, run_id))]
    return combine_progress([part for part in parts if part])


def run_crawl(settings: Settings, args: list[str], on_progress: Callable[[dict], None] | None = None,
              timeout: float = 1800.0, processes: int = 1, run_id: str | None = None) -> dict:
    """Run `python -m crawler.run ARGS` in `processes` processes sharing crawl run run_id (a new one by
    default; Twisted's reactor cannot restart in one process) and return the run's final counts;
    on_progress sees the live counts they publish in Redis."""
    run_id = run_id or uuid.uuid4().hex[:12]
    command = [sys.executable, "-m", "crawler.run", *args, "--run-id", run_id]
    crawlers = [subprocess.Popen(command, env=settings_env(settings), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, cwd=REPO_ROOT) for _ in range(processes)]
    deadline = time.monotonic() + timeout
    while any(process.poll() is None for process in crawlers):
        if on_progress:
            on_progress(crawl_stats(settings, run_id))
        if time.monotonic() > deadline:
            for process in crawlers:
                stop_process(process)
            raise TimeoutError(f"crawl did not finish within {timeout:.0f}s")
        time.sleep(0.5)
    summaries = []
    for process in crawlers:
        stdout, stderr = process.communicate()
        if process.returncode != 0:
            raise RuntimeError(f"crawl failed (exit {process.returncode}):\n{stderr[-3000:]}")
        summaries.append(json.loads(stdout.strip().splitlines()[-1]))
    return {**combine_progress(summaries), "processes": processes}
