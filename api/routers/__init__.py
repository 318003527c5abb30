"""One router per resource: search, articles, health."""
