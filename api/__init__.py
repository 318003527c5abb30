"""HTTP API: search, single articles and service health over FastAPI, plus a small search page."""
