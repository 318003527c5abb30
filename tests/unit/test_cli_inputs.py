"""`newsindex enrich FILE|URL` input: pages read from disk or fetched over real local HTTP, with the size limit."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsindex import inputs

PAGE = "<html><head><meta charset='windows-1256'></head><body><p>Hama</p></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        body = PAGE.encode() if self.path == "/page" else b"x" * 50_000
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_redirected_url_keeps_the_asked_url_and_records_where_it_ended(server):
    page = inputs.read_page(f"{server}/moved")
    assert page["url"] == f"{server}/moved"
    assert page["final_url"] == f"{server}/page"
    assert "Hama" in page["html"] and page["status"] == 200


def test_a_response_over_the_limit_is_refused_with_the_url_named(server, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_BYTES", 10_000)
    with pytest.raises(ValueError, match="/big: response larger than 10000 bytes"):
        inputs.read_page(f"{server}/big")


def test_a_file_is_read_with_the_encoding_its_page_declares(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.replace("Hama", "حماة").encode("windows-1256"))
    page = inputs.read_page(str(path))
    assert "حماة" in page["html"]
    assert page["url"] == path.resolve().as_uri()


def test_a_file_over_the_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_BYTES", 10)
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    with pytest.raises(ValueError, match="larger than 10 bytes"):
        inputs.read_page(str(path))
