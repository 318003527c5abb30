"""Scrapy settings of the crawler. The constants are fixed choices; `from_project` adds the values that
come from the project Settings (NEWSINDEX_* environment) and name one crawl run's Redis keys."""
from __future__ import annotations

from pathlib import Path
from typing import Any

BOT_NAME = "newsindex"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

ROBOTSTXT_PARSER = "scrapy.robotstxt.ProtegoRobotParser"
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False  # no debugging consoles listening on ports
REMOTE_CONTROL_ENABLED = False
LOG_INSTALL_ROOT_HANDLER = False  # the caller owns logging (newsindex.logs)

# The frontier (request queue and seen-set) lives in Redis via scrapy-redis, under keys of one run.
SCHEDULER = "scrapy_redis.scheduler.Scheduler"
SCHEDULER_QUEUE_CLASS = "scrapy_redis.queue.PriorityQueue"
DUPEFILTER_CLASS = "crawler.dupefilter.CrawlDupeFilter"
# Keys are per run. Several processes may share a run (crawler.membership); the last one out drops its
# keys, so a second crawl re-fetches and re-hands every page.
SCHEDULER_PERSIST = True

DOWNLOADER_MIDDLEWARES = {"crawler.offsite.SiteOffsiteMiddleware": 60}
ITEM_PIPELINES = {"crawler.handoff.HandoffPipeline": 300}
EXTENSIONS = {"crawler.progress.ProgressExtension": 500, "crawler.membership.RunMembership": 510}

DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
# Faults are recorded in the outcome ledger; Scrapy need not shout about them too.
RETRY_GIVE_UP_LOG_LEVEL = "INFO"
REDIRECT_MAX_TIMES = 10
DEPTH_LIMIT = 3  # only matters for sites with follow_links
PROGRESS_INTERVAL = 1.0
PROGRESS_CALLBACK = None
PROGRESS_TTL = 7 * 24 * 3600  # a run's counts outlive its frontier, for whoever asks how it went
RUN_HEARTBEAT_INTERVAL = 1.0
RUN_MEMBER_STALE_AFTER = 30.0  # a member silent this long (killed) no longer holds the run open


def progress_key(prefix: str, run_id: str, member: str = "*") -> str:
    """The Redis hash of one member's counts in crawl run run_id (member "*": a pattern for them all)."""
    return f"{prefix}:crawl:progress:{run_id}:{member}"


def from_project(project, run_id: str, member: str) -> dict[str, Any]:
    """The settings taken from the project Settings, with the Redis keys of crawl run run_id as seen by
    crawler process `member`."""
    crawl_keys = f"{project.redis_prefix}:crawl"
    return {
        "USER_AGENT": project.user_agent,
        "ROBOTSTXT_OBEY": project.obey_robots,
        "CONCURRENT_REQUESTS": project.crawl_concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": min(8, project.crawl_concurrency),
        "DOWNLOAD_DELAY": project.crawl_delay,
        "DOWNLOAD_MAXSIZE": project.max_page_bytes,
        "DOWNLOAD_WARNSIZE": project.max_page_bytes // 2,
        "LOG_LEVEL": project.log_level.upper(),
        "REDIS_URL": project.redis_url,
        "SCHEDULER_QUEUE_KEY": f"{crawl_keys}:{run_id}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{crawl_keys}:{run_id}:dupefilter",
        "CRAWL_RUN_ID": run_id,
        "CRAWL_MEMBER": member,
        "RUN_MEMBERS_KEY": f"{crawl_keys}:{run_id}:members",
        "LEDGER_PREFIX": project.redis_prefix,
        "HANDOFF_QUEUE": project.queue,
        "PARKED_DIR": str(Path(project.state_dir) / "parked"),
        "PROGRESS_KEY": progress_key(project.redis_prefix, run_id, member),
    }
