"""Naming what went wrong with a fetch: the discard reasons the crawl records in the outcome ledger."""
from __future__ import annotations

from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError

from crawler.offsite import OffsiteRequest

HTML_TYPES = ("text/html", "application/xhtml+xml")


def fault_reason(error: BaseException) -> str:
    """The discard reason for an exception that reached a request's errback."""
    if isinstance(error, HttpError):
        return f"http_{error.response.status}"
    if isinstance(error, OffsiteRequest):
        return "offsite"
    if isinstance(error, DownloadCancelledError):
        # The download handlers cancel only when a body passes DOWNLOAD_MAXSIZE.
        return "too_large"
    if isinstance(error, IgnoreRequest):
        return _ignored_reason(str(error))
    return "fetch_error"


def _ignored_reason(message: str) -> str:
    # Scrapy's middlewares say why they dropped a request only in the message.
    if "robots.txt" in message:
        return "robots_disallowed"
    if "redirections" in message:
        return "redirect_loop"
    if "DOWNLOAD_MAXSIZE" in message:
        return "too_large"
    return "ignored"


def is_html(content_type: str | None, sniffed_html: bool) -> bool:
    """Whether a response is a web page: by its Content-Type, or by Scrapy's sniffing when it has none."""
    if not content_type:
        return sniffed_html
    return content_type.split(";")[0].strip().lower() in HTML_TYPES
