"""Pipeline benchmark: pages/s of trafilatura-only extraction vs. the full pipeline (crawl → extracted →
indexed and searchable) on the demo corpus scaled to N pages, with the same number of processes, in one
run; prints both, their ratio, and peak memory per process.

    python bench/pipeline.py --pages 600 --processes 2
Uses NEWSINDEX_BENCH_ES_URL / NEWSINDEX_BENCH_REDIS_URL when set, else starts its own services."""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import OUTLETS, write_scaled_corpus  # noqa: E402
from demo.server import start_demo_sites  # noqa: E402
from demo.site import load_articles  # noqa: E402
from newsindex.settings import get_settings  # noqa: E402


def _trafilatura_only(html: str) -> float:
    """CPU seconds trafilatura spends on one page."""
    import trafilatura

    started = time.process_time()
    trafilatura.extract(html)
    return time.process_time() - started


def _our_stages(pages: list[tuple[str, str]]) -> float:
    """CPU seconds of the pure stage functions the workers run on a batch of pages (extract each, enrich the
    batch together, as process_pages does), without any plumbing."""
    from workers.enrich.pipeline import enrich_articles
    from workers.extract import extract_article

    started = time.process_time()
    enrich_articles([extract_article({"url": url, "final_url": url, "status": 200, "headers": {"content-type": "text/html"},
                                      "html": html, "fetched_at": "2026-11-24T00:00:00+00:00", "source": "bench"})
                     for url, html in pages])
    return time.process_time() - started


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_in_pool(function, items: list, processes: int, pages_per_item: int = 1) -> tuple[float, float, float]:
    """pages/s of `function` over items (pages, or batches of pages_per_item pages) in a pool of processes, the
    peak RSS (MB) of one of them, and the CPU ms per page the function reports."""
    with multiprocessing.Pool(processes) as pool:
        pool.map(function, items[: processes * 4])  # warm imports and data
        started = time.perf_counter()
        cpu = pool.map(function, items, chunksize=max(1, 8 // pages_per_item))
        elapsed = time.perf_counter() - started
        peak = max(pool.map(_pool_peak, range(processes * 4)))
    pages = len(items) * pages_per_item
    return pages / elapsed, peak, 1000 * sum(cpu) / pages


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its live children (the worker and its pool)."""
    root = psutil.Process(pid)
    total = 0.0
    for proc in [root, *root.children(recursive=True)]:
        try:
            times = proc.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            continue
    return total


def _pool_peak(_: int) -> float:
    time.sleep(0.05)  # spread the calls over the pool's processes
    return _peak_rss_mb()


class MemorySampler:
    """Samples the RSS of a process tree and keeps each process's peak."""

    def __init__(self, roots: list[psutil.Process]):
        self.roots, self.peaks, self._stop = roots, {}, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for root in self.roots:
                try:
                    for proc in [root, *root.children(recursive=True)]:
                        key = f"{proc.pid} {' '.join(proc.cmdline()[1:4])[:60]}"
                        self.peaks[key] = max(self.peaks.get(key, 0.0), proc.memory_info().rss / 2**20)
                except psutil.Error:
                    continue
            time.sleep(0.2)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self.thread.join()


def wait_until_idle(pid: int, timeout: float = 120.0) -> None:
    """Wait until a process tree has started (some CPU spent) and then stays nearly idle for a second."""
    deadline = time.monotonic() + timeout
    last = tree_cpu_seconds(pid)
    quiet = 0
    while time.monotonic() < deadline and quiet < 2:
        time.sleep(0.5)
        now = tree_cpu_seconds(pid)
        quiet = quiet + 1 if now - last < 0.05 and now > 1.0 else 0
        last = now


def bench_pipeline(root: Path, pages: int, processes: int) -> tuple[float, float, dict[str, float]]:
    """pages/s from crawl start to searchable, the workers' CPU ms per page, and peak memory per process."""
    import os
    import subprocess

    import redis
    import yaml

    from indexer.setup import drop_index, ensure_index
    from newsindex.outcomes import Ledger
    from newsindex.services import elasticsearch as es_service
    from newsindex.services import redis as redis_service
    from newsindex.services.ports import free_port
    from newsindex.settings import Settings
    from newsindex.stack import settings_env, start_worker, stop_process
    from workers.queue import wait_for_drain

    state = Path(tempfile.mkdtemp(prefix="newsindex-bench-"))
    state.chmod(0o755)
    es_url = os.environ.get("NEWSINDEX_BENCH_ES_URL")
    redis_url = os.environ.get("NEWSINDEX_BENCH_REDIS_URL")
    base = get_settings()
    if not redis_url:
        redis_url = f"redis://127.0.0.1:{free_port()}/0"
        redis_service.up(redis_url, state)
    if not es_url:
        es_url = f"http://127.0.0.1:{free_port()}"
        es_service.up(es_url, state, base.es_version, "2g", base.es_user, base.java_home, base.dist_dir or base.state_dir / "dist")
    run = f"bench-{uuid.uuid4().hex[:8]}"  # fresh queues and keys: nothing left from an earlier run leaks in
    settings = Settings(es_url=es_url, redis_url=redis_url, state_dir=state, index_alias="bench", redis_prefix=run,
                        queue=run, worker_concurrency=processes)
    es = es_service.client(es_url)
    drop_index(es, "bench")
    ensure_index(es, "bench")
    sites = start_demo_sites(root=root)
    sites_file = state / "sites.yaml"
    sites_file.write_text(yaml.safe_dump({"sites": [
        {"name": o, "base_url": sites.urls[o], "sitemaps": [sites.urls[o] + p]}
        for o, p in zip(OUTLETS, ("/sitemap.xml", "/sitemap_index.xml", "/sitemaps/index.xml"))]}))
    ledger = Ledger.from_settings(settings)
    ledger.reset()
    worker = start_worker(settings, processes)
    try:
        wait_until_idle(worker.pid)  # worker boot (loading the gazetteer, actor base, NER model) is not measured
        with MemorySampler([psutil.Process(worker.pid), psutil.Process()]) as sampler:
            worker_cpu = tree_cpu_seconds(worker.pid)
            started = time.perf_counter()
            crawl = subprocess.run([sys.executable, "-m", "crawler.run", "--sites-file", str(sites_file),
                                    *[a for o in OUTLETS for a in ("--site", o)]],
                                   env=settings_env(settings), capture_output=True, text=True, check=True)
            import json
            final = json.loads(crawl.stdout.strip().splitlines()[-1])
            wait_for_drain(settings, int(final["handed_off"]) + int(final.get("discarded", 0)), {}, timeout=1800)
            ledger.reset()
            es.indices.refresh(index="bench")
            elapsed = time.perf_counter() - started
            worker_cpu = tree_cpu_seconds(worker.pid) - worker_cpu
        count = es.count(index="bench")["count"]
        if count != pages:
            print(f"warning: {count} of {pages} pages searchable", file=sys.stderr)
        return count / elapsed, 1000 * worker_cpu / max(count, 1), sampler.peaks
    finally:
        stop_process(worker)
        sites.stop()
        drop_index(es, "bench")
        keys = redis.Redis.from_url(redis_url)
        keys.delete(run, f"{run}.index", *keys.scan_iter(f"{run}:*"))
        if not os.environ.get("NEWSINDEX_BENCH_ES_URL"):
            es_service.down(state)
        if not os.environ.get("NEWSINDEX_BENCH_REDIS_URL"):
            redis_service.down(redis_url, state)
        shutil.rmtree(state, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="newsindex-bench-corpus-"))
    try:
        write_scaled_corpus(args.pages, root)
        with start_demo_sites(root=root) as sites:
            import httpx

            urls = [sites.url(a["outlet"], a["path"]) for a in load_articles(root=root)]
            with httpx.Client() as http:
                html = [http.get(url).text for url in urls]
        extract_rate, extract_peak, extract_cpu = bench_in_pool(_trafilatura_only, html, args.processes)
        size = get_settings().page_batch_size  # whole batches, as the workers take them
        batches = [list(zip(urls, html))[i:i + size] for i in range(0, len(html) - size + 1, size)]
        stages_rate, stages_peak, stages_cpu = bench_in_pool(_our_stages, batches, args.processes, size)
        pipeline_rate, worker_cpu, peaks = bench_pipeline(root, len(html), args.processes)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"\npages: {len(html)}   processes: {args.processes}")
    print(f"{'trafilatura only':<40}{extract_rate:>10.1f} pages/s   peak {extract_peak:.0f} MB per process")
    print(f"{'extract+enrich functions, no plumbing':<40}{stages_rate:>10.1f} pages/s   peak {stages_peak:.0f} MB per process")
    print(f"{'full pipeline (searchable)':<40}{pipeline_rate:>10.1f} pages/s")
    print(f"{'ratio pipeline / trafilatura':<40}{pipeline_rate / extract_rate:>10.2f}")
    print(f"{'ratio pipeline / stage functions':<40}{pipeline_rate / stages_rate:>10.2f}")
    print(f"\nCPU per page: trafilatura {extract_cpu:.1f} ms; extract+enrich functions {stages_cpu:.1f} ms; "
          f"worker processes in the pipeline {worker_cpu:.1f} ms")
    print(f"{'plumbing in the workers (Celery, JSON, bulk)':<40}{100 * (worker_cpu / stages_cpu - 1):>9.0f}%  (goal: at most 20%)")
    print("\npeak memory per process (MB):")
    for name, peak in sorted(peaks.items(), key=lambda kv: -kv[1]):
        print(f"  {peak:8.0f}  {name}")


if __name__ == "__main__":
    main()
