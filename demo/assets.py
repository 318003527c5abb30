"""Static assets of the demo outlets: stylesheets and placeholder PNG images. No I/O."""
from __future__ import annotations

import struct
import zlib


def render_stylesheet(outlet: dict) -> str:
    return {
        "meridian": "body{font-family:Georgia,serif;margin:0}.layout{display:grid;grid-template-columns:2fr 1fr;gap:2rem}"
        ".consent-banner{position:fixed;bottom:0;background:#111;color:#fff}.dateline{font-weight:bold}\n",
        "harbour": "body{font:13px Arial,sans-serif}#cols{width:960px}#maincol{float:left;width:640px}#rightcol{float:right;width:300px}"
        ".byline td{padding:2px 6px}.cookiebar{background:#ffc}\n",
        "sahel": "body{font-family:'Noto Sans',sans-serif}.gdpr-overlay{position:fixed;inset:0;background:rgba(0,0,0,.6)}"
        ".card-grid{display:flex;flex-wrap:wrap}.read-more-box{border-left:4px solid #c60;padding:.5em}\n",
    }[outlet["template"]]


def placeholder_png(seed: str, width: int = 48, height: int = 27) -> bytes:
    """A small solid-colour PNG whose colour comes from `seed` (stands in for photos and logos)."""
    digest = zlib.crc32(seed.encode())
    pixel = bytes([digest & 0xFF, (digest >> 8) & 0xFF, (digest >> 16) & 0xFF])
    raw = b"".join(b"\x00" + pixel * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
