"""`newsindex demo`: the whole product on one machine — services up, demo outlets served, a worker
started, the outlets crawled with progress, the queue drained, counts and a faceted search printed,
and the API left running."""
from __future__ import annotations

import signal
import sys

from rich.console import Console

from .settings import Settings
from .stack import start_worker, stop_process

DEMO_SITES = ("meridian", "harbour", "sahel")
SAMPLE_QUERY = "ceasefire"
DEMO_BASE_PORT = 8701  # crawler/sites.yaml lists the demo outlets on these ports


def run_demo(settings: Settings, serve: bool = True) -> dict:
    from demo.server import start_demo_sites
    from indexer.queries import SearchParams, search
    from indexer.setup import ensure_index

    from .cli import services_up
    from .outcomes import Ledger
    from .progress import crawl_and_wait, print_outcomes, print_result
    from .services.elasticsearch import client

    console = Console()
    # A SIGTERM (kill, a supervisor, uvicorn re-raising it after its own shutdown) would end the process without
    # unwinding; as SystemExit it stops the worker and the demo outlets below like Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
    services_up()
    es = client(settings.es_url)
    ensure_index(es, settings.index_alias, settings.index_version)
    sites = start_demo_sites(base_port=DEMO_BASE_PORT)
    console.print("demo outlets: " + ", ".join(f"{k} {v}" for k, v in sites.urls.items()))
    worker = start_worker(settings, log_file=settings.state_dir / "worker.log")
    try:
        summary = crawl_and_wait(settings, [a for name in DEMO_SITES for a in ("--site", name)])
        es.indices.refresh(index=settings.index_alias)
        indexed = es.count(index=settings.index_alias)["count"]
        console.print(f"\n[bold]{indexed}[/bold] articles indexed; this run: {summary['outcomes_this_run']} "
                      f"in {summary['seconds']}s")
        print_outcomes(console, Ledger.from_settings(settings), limit=5)
        console.rule(f"sample search: {SAMPLE_QUERY!r}")
        print_result(console, search(es, settings.index_alias, SearchParams(q=SAMPLE_QUERY, size=5)))
        if serve:
            import uvicorn
            from api.app import create_app

            console.print(f"\n[bold green]API and search page: http://{settings.api_host}:{settings.api_port}/[/bold green]"
                          f"  (OpenAPI: /docs; Ctrl-C stops the API, worker and demo outlets; "
                          f"`newsindex services down` stops Redis and Elasticsearch)")
            uvicorn.run(create_app(settings), host=settings.api_host, port=settings.api_port, log_level="warning")
        return {"indexed": indexed, **summary}
    finally:
        stop_process(worker)
        sites.stop()
