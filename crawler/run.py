"""Running a crawl: `run_crawl` blocks while Scrapy crawls in this process (Twisted's reactor cannot
restart, so one crawl per process), and `python -m crawler.run` prints the final stats as JSON."""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import socket
import sys
import uuid
import warnings
from pathlib import Path
from typing import Any, Callable

import redis
from scrapy.crawler import CrawlerProcess
from scrapy.exceptions import ScrapyDeprecationWarning
from scrapy.settings import Settings as ScrapySettings

from crawler.progress import summarize
from crawler.settings import from_project
from crawler.sites import SITES_FILE, SiteConfig, adhoc_site, get_site
from crawler.spiders.news import NewsSpider
from newsindex import logs
from newsindex.settings import Settings, get_settings


class CrawlError(RuntimeError):
    """The crawl could not start."""


def new_run_id() -> str:
    return uuid.uuid4().hex[:12]


def run_id_arg(value: str) -> str:
    """A run id names Redis keys: letters, digits, - and _ only."""
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,64}", value):
        raise argparse.ArgumentTypeError(f"run id {value!r}: use 1-64 letters, digits, - or _")
    return value


def member_name() -> str:
    """This crawler process, as the members of a shared crawl run know it."""
    return f"{socket.gethostname()}-{os.getpid()}"


def scrapy_settings(project: Settings, run_id: str, on_progress: Callable[[dict[str, Any]], None] | None = None,
                    member: str | None = None) -> ScrapySettings:
    settings = ScrapySettings()
    settings.setmodule("crawler.settings", priority="project")
    settings.update(from_project(project, run_id, member or member_name()), priority="project")
    if on_progress:
        settings.set("PROGRESS_CALLBACK", on_progress, priority="project")
    return settings


def check_redis(url: str) -> None:
    """Fail early and plainly: the frontier, the ledger and the handoff all live in Redis."""
    try:
        redis.Redis.from_url(url, socket_connect_timeout=5).ping()
    except redis.RedisError as error:
        raise CrawlError(f"Redis at {url} is not reachable: {error}") from error


def quiet_process(settings: ScrapySettings, log_level: str) -> CrawlerProcess:
    """A CrawlerProcess that logs at log_level: Scrapy sets its loggers to DEBUG and announces itself
    while it starts, which would bypass the caller's quiet logging."""
    level = logging.getLevelName(log_level.upper())
    logging.disable(level - 1)
    try:
        process = CrawlerProcess(settings)
    finally:
        logging.disable(logging.NOTSET)
    logging.getLogger("scrapy").setLevel(level)
    # scrapy-redis 0.9 still passes `spider` to the stats collector; nothing for us to act on.
    warnings.filterwarnings("ignore", message="Passing a 'spider' argument", category=ScrapyDeprecationWarning)
    return process


def run_crawl(sites: list[SiteConfig], settings: Settings | None = None,
              on_progress: Callable[[dict[str, Any]], None] | None = None, run_id: str | None = None) -> dict[str, Any]:
    """Crawl the sites and hand their pages to the workers; returns the final counts of this process.
    on_progress gets the running counts about every second and once at the end. Processes given the same
    run_id (and sites) share one frontier: each page is fetched once by one of them."""
    project = settings or get_settings()
    check_redis(project.redis_url)
    run_id = run_id or new_run_id()
    process = quiet_process(scrapy_settings(project, run_id, on_progress), project.log_level)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, sites=sites)
    process.start()
    stats = crawler.stats.get_stats()
    summary = summarize(stats, stats.get("elapsed_time_seconds", 0.0))
    summary.update(run_id=run_id, sites=[site.name for site in sites], finish_reason=stats.get("finish_reason", ""))
    return summary


def sites_from_args(names: list[str], feeds: list[str], sitemaps: list[str],
                    sites_file: Path = SITES_FILE) -> list[SiteConfig]:
    """Named sites plus, when URLs are given, one ad hoc site made of them."""
    sites = [get_site(name, sites_file) for name in names]
    if feeds or sitemaps:
        sites.append(adhoc_site(feeds=feeds, sitemaps=sitemaps))
    return sites


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.run", description="Crawl news sites.")
    parser.add_argument("--site", action="append", default=[], help="a site named in crawler/sites.yaml")
    parser.add_argument("--feed", action="append", default=[], help="feed URL of an ad hoc site")
    parser.add_argument("--sitemap", action="append", default=[], help="sitemap URL of an ad hoc site")
    parser.add_argument("--run-id", type=run_id_arg, help="join crawl run RUN_ID: processes of one run share its frontier "
                                             "(default: a new run)")
    parser.add_argument("--sites-file", type=Path, help="YAML file of named sites (default: NEWSINDEX_SITES_FILE, "
                                                            "else crawler/sites.yaml)")
    args = parser.parse_args(argv)
    project = get_settings()
    try:
        sites = sites_from_args(args.site, args.feed, args.sitemap, args.sites_file or project.sites_file or SITES_FILE)
    except (KeyError, ValueError) as error:
        parser.error(str(error.args[0]))
    if not sites:
        parser.error("give --site NAME, or --feed/--sitemap URLs")
    logs.configure(project.log_level)
    try:
        summary = run_crawl(sites, project, run_id=args.run_id)
    except CrawlError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(json.dumps(summary))
    return 0 if summary["finish_reason"] == "finished" else 1


if __name__ == "__main__":
    sys.exit(main())
