"""Extraction stage: turn one fetched page into an Article (clean main text plus metadata), or raise
ExtractionError with a short machine reason when the page cannot give an article. One module per step:
options, decoding, metadata, listing, furniture, body, and article (which puts them together)."""
from .article import extract_article
from .metadata import guess_language
from .options import DEFAULT_OPTIONS, REASONS, ExtractionError, ExtractionOptions

__all__ = ["DEFAULT_OPTIONS", "REASONS", "ExtractionError", "ExtractionOptions", "extract_article", "guess_language"]
