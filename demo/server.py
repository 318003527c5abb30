"""Serves the demo news world over real HTTP: each outlet on its own 127.0.0.1 port (threaded), with
quiet per-request bookkeeping for tests. Foreground: `python -m demo.server --port 8701 [--faults]`."""
from __future__ import annotations

import argparse
import logging
import signal
import threading
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from demo.site import ARTICLES_DIR, Response, build_world, load_outlets, resolve

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Hit:
    outlet: str
    method: str
    target: str  # as requested, query included
    path: str  # without the query
    status: int
    user_agent: str


class _OutletServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, outlet: str, record):
        super().__init__(address, _Handler)
        self.outlet = outlet
        self.site: dict[str, Response] = {}
        self.record = record


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive; every response carries Content-Length
    server_version = "DemoNews/1.0"
    timeout = 30  # drop idle keep-alive connections

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _serve(self, send_body: bool) -> None:
        target = self.path
        if not target.startswith("/"):  # absolute-form request target
            parts = urlsplit(target)
            target = parts.path + (f"?{parts.query}" if parts.query else "")
        resp = resolve(self.server.site, target)
        status, body = resp.status, resp.body
        etag = resp.headers.get("ETag")
        if status == 200 and etag and etag in self.headers.get("If-None-Match", ""):
            status, body = 304, b""
        self.server.record(Hit(self.server.outlet, self.command, target, target.partition("?")[0], status, self.headers.get("User-Agent", "")))
        self.send_response(status)
        for name, value in resp.headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and body:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                # Clients that abort big pages (max-size limits) hang up mid-body; that is expected.
                log.debug("client hung up", extra={"outlet": self.server.outlet, "target": target})

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's signature
        log.debug(format % args, extra={"outlet": self.server.outlet})


class DemoSites:
    """Handle on running demo outlets: base URLs, request bookkeeping, stop()."""

    def __init__(self, servers: dict[str, _OutletServer], threads: list[threading.Thread], lock: threading.Lock, log_: list[Hit]):
        self._servers, self._threads, self._lock, self._log = servers, threads, lock, log_
        self.urls = {key: f"http://{s.server_address[0]}:{s.server_address[1]}" for key, s in servers.items()}

    @property
    def sites(self) -> dict[str, dict[str, Response]]:
        return {key: s.site for key, s in self._servers.items()}

    def url(self, outlet: str, path: str = "/") -> str:
        return self.urls[outlet] + path

    def requests(self, outlet: str | None = None) -> list[Hit]:
        with self._lock:
            return [h for h in self._log if outlet is None or h.outlet == outlet]

    def hits(self, outlet: str, with_query: bool = False) -> Counter:
        """Requests per path on one outlet (GET and HEAD); with_query keeps query strings apart."""
        return Counter(h.target if with_query else h.path for h in self.requests(outlet))

    def reset_hits(self) -> None:
        with self._lock:
            self._log.clear()

    def stop(self) -> None:
        for server in self._servers.values():
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> DemoSites:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_demo_sites(
    base_port: int = 0, *, host: str = "127.0.0.1", faults: bool = False, samples: bool = False, root: Path = ARTICLES_DIR,
    public_host: str | None = None,
) -> DemoSites:
    """Serve every outlet in background threads: outlet i on base_port + i, or free ports when
    base_port is 0. faults=True adds the `faulty` outlet; samples=True adds articles/_samples/.
    public_host is the host name the pages' absolute URLs use (e.g. a compose service name)."""
    lock, hits = threading.Lock(), []

    def record(hit: Hit) -> None:
        with lock:
            hits.append(hit)

    servers: dict[str, _OutletServer] = {}
    try:
        for i, key in enumerate(load_outlets(faults)):
            servers[key] = _OutletServer((host, base_port + i if base_port else 0), key, record)
    except OSError:
        for server in servers.values():
            server.server_close()
        raise
    # Pages carry absolute URLs, so the world is built once the ports are known.
    base_urls = {key: f"http://{public_host or host}:{s.server_address[1]}" for key, s in servers.items()}
    world = build_world(base_urls, faults=faults, samples=samples, root=root)
    threads = []
    for key, server in servers.items():
        server.site = world[key]
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name=f"demo-{key}", daemon=True)
        thread.start()
        threads.append(thread)
    log.info("demo sites up", extra={"urls": base_urls})
    return DemoSites(servers, threads, lock, hits)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m demo.server", description="Serve the demo news world.")
    parser.add_argument("--port", type=int, default=8701, help="base port: outlet i listens on port+i (0 = free ports)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--public-host", help="host name in the pages' absolute URLs (default: --host)")
    parser.add_argument("--faults", action="store_true", help="also serve the `faulty` outlet")
    parser.add_argument("--samples", action="store_true", help="also serve demo/articles/_samples/")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    sites = start_demo_sites(args.port, host=args.host, faults=args.faults, samples=args.samples,
                             public_host=args.public_host)
    signal.signal(signal.SIGTERM, lambda *_: None)  # a handled SIGTERM ends pause() below
    for key, url in sites.urls.items():
        print(f"{key:10} {url}/  ({len(sites.sites[key])} URLs)", flush=True)
    try:
        signal.pause()
    except KeyboardInterrupt:
        pass
    finally:
        sites.stop()


if __name__ == "__main__":
    main()
