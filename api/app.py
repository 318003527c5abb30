"""The FastAPI application: create_app wires settings, clients, routers, error handlers and the page.
Run with `uvicorn api.app:create_app --factory`."""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

import redis
from elasticsearch import ApiError, Elasticsearch, TransportError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from api.routers import actors, articles, health, search
from newsindex.settings import Settings, get_settings

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
ES_TIMEOUT = 15.0


def _problem(status: int, detail: str, errors: list[dict] | None = None) -> JSONResponse:
    body: dict = {"detail": detail}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(status_code=status, content=body)


def _param_errors(exc: RequestValidationError) -> list[dict]:
    out = []
    for e in exc.errors():
        loc = [str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body")]
        msg = str(e.get("msg", "invalid value")).removeprefix("Value error, ")
        out.append({"param": loc[0] if loc else None, "msg": msg})
    return out


async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = _param_errors(exc)
    summary = "; ".join(f"{e['param']}: {e['msg']}" if e["param"] else e["msg"] for e in errors)
    return _problem(422, f"invalid request: {summary}", errors)


async def es_unreachable(request: Request, exc: TransportError) -> JSONResponse:
    logger.warning("elasticsearch unreachable", extra={"error": str(exc)[:300], "path": request.url.path})
    return _problem(503, "Elasticsearch is unavailable; try again shortly")


async def es_refused(request: Request, exc: ApiError) -> JSONResponse:
    status, kind = exc.meta.status, exc.error
    if status == 404 and kind == "index_not_found_exception":
        alias = request.app.state.settings.index_alias
        return _problem(503, f"the search index {alias!r} does not exist yet: nothing has been indexed")
    if status in (429, 503):
        return _problem(503, "Elasticsearch is busy or not ready; try again shortly")
    logger.error("elasticsearch refused a request", extra={"status": status, "error": str(exc)[:500], "path": request.url.path})
    return _problem(502, f"Elasticsearch rejected the request ({status} {kind})")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    # Few retries and a bounded timeout: a down Elasticsearch should answer 503 fast, not hang.
    es = Elasticsearch(settings.es_url, request_timeout=ES_TIMEOUT, max_retries=1, retry_on_timeout=False)
    redis_client = redis.Redis.from_url(settings.redis_url, decode_responses=True, socket_connect_timeout=2, socket_timeout=5)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        es.close()
        redis_client.close()

    app = FastAPI(
        title="newsindex",
        summary="Search news articles crawled, extracted and tagged by newsindex.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.es = es
    app.state.redis = redis_client

    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(TransportError, es_unreachable)
    app.add_exception_handler(ApiError, es_refused)

    app.include_router(search.router)
    app.include_router(articles.router)
    app.include_router(actors.router)
    app.include_router(health.router)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html")

    return app
