"""The `newsindex` command: the front door to services, crawling, workers, search and the demo."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from . import logs
from .settings import get_settings

app = typer.Typer(help="Crawl, extract, enrich and search news.", no_args_is_help=True, add_completion=False)
services_app = typer.Typer(help="Run Redis and Elasticsearch locally without Docker.", no_args_is_help=True)
app.add_typer(services_app, name="services")
console = Console(stderr=True)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log at INFO level.")] = False) -> None:
    logs.configure("INFO" if verbose else get_settings().log_level)


def _fail(message: str) -> None:
    console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(2)


@services_app.command("up")
def services_up() -> None:
    """Start Redis and Elasticsearch (idempotent) and install the index template."""
    from .services import ServiceError
    from .services import elasticsearch as es_service
    from .services import redis as redis_service
    from indexer.setup import ensure_index

    s = get_settings()
    if not s.es_version:
        _fail("no Elasticsearch version pinned: run from the repository (its .env) or set NEWSINDEX_ES_VERSION")
    try:
        with console.status("starting Redis"):
            redis_service.up(s.redis_url, s.state_dir)
        with console.status(f"starting Elasticsearch {s.es_version} (first run fetches it with Maven)"):
            es_service.up(s.es_url, s.state_dir, s.es_version, s.es_heap, s.es_user, s.java_home, s.dist_dir)
        ensure_index(es_service.client(s.es_url), s.index_alias, s.index_version)
    except ServiceError as error:
        _fail(str(error))
    services_status()


@services_app.command("down")
def services_down() -> None:
    """Stop the Redis and Elasticsearch that `services up` started."""
    from .services import elasticsearch as es_service
    from .services import redis as redis_service

    s = get_settings()
    stopped = [name for name, ok in (("elasticsearch", es_service.down(s.state_dir)),
                                     ("redis", redis_service.down(s.redis_url, s.state_dir))) if ok]
    console.print(f"stopped: {', '.join(stopped) or 'nothing was running'}")


@services_app.command("status")
def services_status() -> None:
    """Show whether Redis and Elasticsearch answer, and whether we started them."""
    from .services import elasticsearch as es_service
    from .services import redis as redis_service

    s = get_settings()
    table = Table("service", "url", "state", "started by newsindex", "detail")
    for status in (redis_service.status(s.redis_url, s.state_dir), es_service.status(s.es_url, s.state_dir)):
        state = "[green]up[/green]" if status.running else "[red]down[/red]"
        table.add_row(status.name, status.url, state, "yes" if status.managed else "no", status.detail)
    Console().print(table)


@app.command()
def worker(concurrency: Annotated[Optional[int], typer.Option(help="Worker processes.")] = None) -> None:
    """Run a Celery worker in the foreground (extract → index)."""
    from workers.app import app as celery_app, index_queue

    s = get_settings()
    celery_app.worker_main(["worker", "-Q", f"{s.queue},{index_queue(s)}", "--loglevel", s.log_level,
                            "--concurrency", str(concurrency or s.worker_concurrency)])


@app.command()
def crawl(
    sites: Annotated[Optional[list[str]], typer.Argument(help="Site names from crawler/sites.yaml.")] = None,
    feed: Annotated[Optional[list[str]], typer.Option(help="Feed URL of an ad hoc site (repeatable).")] = None,
    sitemap: Annotated[Optional[list[str]], typer.Option(help="Sitemap URL of an ad hoc site (repeatable).")] = None,
    wait: Annotated[bool, typer.Option(help="Wait until the workers have processed every page.")] = True,
    processes: Annotated[int, typer.Option(min=1, max=64, help="Crawler processes sharing the run's frontier.")] = 1,
    run_id: Annotated[Optional[str], typer.Option(
        help="Join this crawl run (e.g. started on another machine with the same sites); default: a new run.")] = None,
) -> None:
    """Crawl sites and hand their pages to the workers; shows progress."""
    from argparse import ArgumentTypeError

    from crawler.run import run_id_arg

    from .progress import crawl_and_wait

    args = [arg for name in sites or [] for arg in ("--site", name)]
    args += [arg for url in feed or [] for arg in ("--feed", url)]
    args += [arg for url in sitemap or [] for arg in ("--sitemap", url)]
    if not args:
        _fail("name a site from crawler/sites.yaml, or give --feed/--sitemap URLs")
    if run_id is not None:
        try:
            run_id_arg(run_id)
        except ArgumentTypeError as error:
            _fail(str(error))
    summary = crawl_and_wait(get_settings(), args, wait=wait, processes=processes, run_id=run_id)
    Console().print_json(data=summary)


@app.command()
def extract(
    sources: Annotated[list[str], typer.Argument(help="HTML files or URLs.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Extract articles from files or URLs (one process for all of them)."""
    from .inputs import read_page
    from workers.extract import ExtractionError, extract_article

    failures = 0
    for source in sources:
        try:
            article = extract_article(read_page(source))
        except (ExtractionError, OSError, ValueError) as error:
            failures += 1
            print(json.dumps({"source": source, "error": str(error)}), file=sys.stderr)
            continue
        if as_json:
            print(article.model_dump_json(exclude={"fetched_url"}))
        else:
            Console().rule(article.title)
            Console().print(f"{article.url}\n{article.published} · {', '.join(article.authors)} · {article.language}\n")
            Console().print(article.text)
    if failures:
        raise typer.Exit(1)


@app.command()
def enrich(
    source: Annotated[str, typer.Argument(help="A text or HTML file, or - for standard input.")],
    title: Annotated[str, typer.Option(help="The article's title, for plain text input.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON with every mention's offsets.")] = False,
) -> None:
    """Tag a text with regions, actors, cited sources, dateline and focus (offsets into the text)."""
    from .inputs import page_from_bytes
    from workers.enrich.pipeline import enrich_text
    from workers.extract import ExtractionError, extract_article

    raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    if raw.lstrip()[:1] == b"<":  # HTML: enrich what extraction keeps, as the workers do
        try:
            article = extract_article(page_from_bytes(raw, Path(source).resolve().as_uri() if source != "-" else "stdin:"))
        except ExtractionError as error:
            _fail(str(error))
        title, text = article.title, article.text
    else:
        text = raw.decode("utf-8", errors="replace")
    found = enrich_text(text, title)
    result = {"title": title, **found.as_json()}
    if as_json:
        print(json.dumps(result, ensure_ascii=False))
        return
    out = Console()
    if found.dateline:
        out.print(f"[dim]dateline:[/dim] {found.dateline.name} ({found.dateline.country_code})")
    out.print("[dim]focus:[/dim] " + (", ".join(f"{r.name} ({r.code})" for r in found.focus) or "none"))
    table = Table("level", "code", "name", "country", "mentions", "focus", title="regions")
    for r in found.regions:
        table.add_row(r.level, r.code, r.name, r.country_code, str(r.mentions), "yes" if r.focus else "")
    out.print(table)
    table = Table("actor", "type", "country", "linked", "mentions", title="actors")
    for a in found.actors:
        table.add_row(a.name, a.type or "", a.country or "", "yes" if a.linked else "no", str(a.mentions))
    out.print(table)
    out.print("[dim]cited sources:[/dim] " + (", ".join(found.cited_sources) or "none"))


@app.command()
def reenrich() -> None:
    """Re-tag every indexed article from its stored text (after changing the alias list or actor base)."""
    from rich.progress import Progress

    from workers.reenrich import reenrich_all
    from .services.elasticsearch import client

    s = get_settings()
    with Progress(console=console) as progress:
        task = progress.add_task("re-enriching", total=None)
        counts = reenrich_all(client(s.es_url), s.index_alias,
                              on_progress=lambda done, total: progress.update(task, completed=done, total=total))
    Console().print_json(data=counts)
    if counts["failed"]:
        raise typer.Exit(1)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Query; "quoted phrases" match exactly.')] = "",
    source: Annotated[Optional[list[str]], typer.Option(help="Only these outlets (repeatable).")] = None,
    lang: Annotated[Optional[list[str]], typer.Option(help="Only these languages (repeatable).")] = None,
    region: Annotated[Optional[list[str]], typer.Option(help="Region code at any level: SY, SY-HM, a GeoNames id (repeatable, any).")] = None,
    focus: Annotated[bool, typer.Option(help="Region filters match focus regions only.")] = False,
    actor: Annotated[Optional[list[str]], typer.Option(help="Actor name or id (repeatable; all must appear).")] = None,
    actor_type: Annotated[Optional[list[str]], typer.Option(help="Actor type, e.g. rebel_group (repeatable).")] = None,
    cited_source: Annotated[Optional[list[str]], typer.Option(help="Cited source (repeatable).")] = None,
    since: Annotated[Optional[str], typer.Option("--from", help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option("--to", help="Published on or before (YYYY-MM-DD).")] = None,
    size: Annotated[int, typer.Option(help="Hits per page.")] = 10,
    page: Annotated[int, typer.Option(help="Page number, from 1.")] = 1,
    as_json: Annotated[bool, typer.Option("--json", help="Print hits and facets as JSON.")] = False,
) -> None:
    """Search indexed articles, with facets."""
    from indexer.queries import SearchParams, search as run_search
    from pydantic import ValidationError
    from .services.elasticsearch import client

    s = get_settings()
    try:
        params = SearchParams(q=query, source=source or [], language=lang or [], region=region or [], focus=focus,
                              actor=actor or [], actor_type=actor_type or [], cited_source=cited_source or [],
                              date_from=date.fromisoformat(since) if since else None,
                              date_to=date.fromisoformat(until) if until else None, page=page, size=size)
    except (ValidationError, ValueError) as error:
        _fail(str(error))
    result = run_search(client(s.es_url), s.index_alias, params)
    if as_json:
        print(result.model_dump_json())
        return
    from .progress import print_result
    print_result(Console(), result)


@app.command()
def outcomes(limit: Annotated[int, typer.Option(help="Recent discards to list.")] = 20) -> None:
    """Counts of outcomes, discard reasons, the latest discarded pages and the quarantine."""
    from .outcomes import Ledger
    from .progress import print_outcomes

    print_outcomes(Console(), Ledger.from_settings(get_settings()), limit)


@app.command()
def replay() -> None:
    """Re-send quarantined work to the workers (after fixing what made it fail)."""
    from workers.queue import replay_quarantined

    console.print(f"re-sent {replay_quarantined(get_settings())} quarantined task(s)")


@app.command()
def api(
    host: Annotated[Optional[str], typer.Option(help="Bind address.")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port.")] = None,
) -> None:
    """Serve the search API and web page."""
    import uvicorn
    from api.app import create_app

    s = get_settings()
    uvicorn.run(create_app(s), host=host or s.api_host, port=port or s.api_port, log_level="warning")


@app.command()
def demo(
    serve: Annotated[bool, typer.Option(help="Leave the API running afterwards.")] = True,
) -> None:
    """Start the local stack, crawl the demo outlets, index them, search them, serve the API."""
    from .demo_run import run_demo

    run_demo(get_settings(), serve=serve)


if __name__ == "__main__":
    app()
