"""What people see while work runs and after: live crawl and queue counts, outcome tables, search results."""
from __future__ import annotations

import html
import time

from rich.console import Console
from rich.live import Live
from rich.markup import escape
from rich.table import Table

from .outcomes import Ledger
from .settings import Settings
from .stack import run_crawl


CRAWL_COUNTS = ("pages_fetched", "handed_off", "discarded", "in_flight", "queued")


def _progress_table(crawl: dict, counts: dict, depth: dict, started: float) -> Table:
    elapsed = max(time.monotonic() - started, 1e-6)
    done = counts.get("done", 0)
    table = Table(title=f"newsindex · {elapsed:.0f}s", show_header=False, box=None)
    shown = ", ".join(f"{k.replace('_', ' ')} {crawl[k]}" for k in CRAWL_COUNTS if k in crawl)
    table.add_row("crawl", f"{crawl.get('state', 'starting')}: {shown}" if shown else "starting")
    table.add_row("queues", ", ".join(f"{k} {v}" for k, v in depth.items()))
    table.add_row("outcomes", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none yet")
    table.add_row("rate", f"{done / elapsed:.1f} articles/s indexed")
    return table


def crawl_and_wait(settings: Settings, crawl_args: list[str], wait: bool = True, timeout: float = 900.0,
                   processes: int = 1, run_id: str | None = None) -> dict:
    """Crawl with a live display, then wait until every handed-off page reached an outcome."""
    from workers.queue import finished, queue_depth, wait_for_drain

    ledger = Ledger.from_settings(settings)
    baseline = ledger.counts()
    started = time.monotonic()
    state = {"crawl": {}, "counts": baseline, "depth": {}}
    console = Console(stderr=True)
    with Live(console=console, refresh_per_second=4, transient=False) as live:
        def show() -> None:
            live.update(_progress_table(state["crawl"], state["counts"], state["depth"], started))

        def on_crawl(stats: dict) -> None:
            state.update(crawl=stats, counts=ledger.counts(), depth=queue_depth(settings))
            show()

        final = run_crawl(settings, crawl_args, on_progress=on_crawl, processes=processes, run_id=run_id)
        expected = int(final.get("handed_off", 0)) + int(final.get("discarded", 0))
        drained = True
        if wait:
            def on_drain(counts: dict, depth: dict) -> None:
                state.update(counts=counts, depth=depth)
                show()

            drained = wait_for_drain(settings, expected, baseline, timeout=timeout, on_progress=on_drain)
    counts = ledger.counts()
    return {
        "crawl": final,
        "outcomes_this_run": {k: counts.get(k, 0) - baseline.get(k, 0) for k in counts},
        "finished": finished(counts) - finished(baseline),
        "expected": expected,
        "drained": drained,
        "seconds": round(time.monotonic() - started, 1),
    }


def print_outcomes(console: Console, ledger: Ledger, limit: int = 20) -> None:
    counts = ledger.counts()
    table = Table("outcome", "count", title="outcomes")
    for name in ("done", "discarded", "quarantined", "retried"):
        table.add_row(name, str(counts.get(name, 0)))
    console.print(table)
    warnings = ledger.warnings()
    if warnings:
        console.print("warnings: " + ", ".join(f"{name} {count}" for name, count in warnings.items()))
    reasons = ledger.discard_reasons()
    if reasons:
        table = Table("reason", "count", title="discarded by reason")
        for reason, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
            table.add_row(reason, str(count))
        console.print(table)
    recent = ledger.discarded(limit)
    if recent:
        table = Table("when", "stage", "reason", "url", title=f"latest {len(recent)} discarded")
        for entry in recent:
            table.add_row(entry["at"], entry["stage"], entry["reason"], entry["url"])
        console.print(table)
    quarantined = ledger.quarantined()
    if quarantined:
        console.print(f"[yellow]{len(quarantined)} task(s) in quarantine[/yellow]: `newsindex replay` re-sends them")


def print_result(console: Console, result) -> None:
    console.print(f"[bold]{result.total}[/bold] articles ({result.took_ms} ms)")
    for hit in result.hits:
        published = hit.published.date().isoformat() if hit.published else "undated"
        console.print(f"\n[bold]{hit.title}[/bold]  [dim]{hit.source} · {published}[/dim]\n{hit.url}")
        if hit.snippet:
            # The API escapes snippets for HTML; a terminal wants the text, with matches in reverse video.
            text = escape(html.unescape(hit.snippet.replace("<mark>", "\x00").replace("</mark>", "\x01")))
            console.print(text.replace("\x00", "[reverse]").replace("\x01", "[/reverse]"))
    for name, buckets in result.facets.model_dump().items():
        if buckets:
            row = ", ".join(f"{b.get('key') or b.get('name') or b.get('date')} ({b['count']})" for b in buckets[:12])
            console.print(f"[dim]{name}:[/dim] {row}")
