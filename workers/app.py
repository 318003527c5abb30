"""The Celery application: Redis broker, late acks, one queue for pages and one for index batches."""
from __future__ import annotations

import math

from celery import Celery

from newsindex.settings import Settings, get_settings

EXTRACT_TASK = "newsindex.extract"
INDEX_TASK = "newsindex.index"


def index_queue(settings: Settings) -> str:
    return f"{settings.queue}.index"


def create_app(settings: Settings | None = None) -> Celery:
    settings = settings or get_settings()
    app = Celery("newsindex", broker=settings.redis_url, include=["workers.tasks"])
    app.conf.update(
        task_default_queue=settings.queue,
        task_routes={INDEX_TASK: {"queue": index_queue(settings)}},
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        # A page is acknowledged only once it reached its outcome; a killed worker's pages are redelivered.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        # The index batch task needs at least a batch's worth of messages in hand to fill a batch.
        worker_prefetch_multiplier=max(4, math.ceil(settings.index_batch_size / max(1, settings.worker_concurrency))),
        worker_concurrency=settings.worker_concurrency,
        worker_hijack_root_logger=False,
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": 3600},
    )
    return app


app = create_app()
