"""Paragraph helpers shared by the extraction modules: text to paragraphs, and a normal form for
comparing them."""
from __future__ import annotations

import re


def normalize(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def split_paragraphs(text: str) -> list[str]:
    return [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in (text or "").splitlines() if line.strip()]
