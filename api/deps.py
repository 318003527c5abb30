"""Request dependencies: the settings and the Elasticsearch and Redis clients that create_app built."""
from __future__ import annotations

from typing import Annotated

import redis
from elasticsearch import Elasticsearch
from fastapi import Depends, Request

from newsindex.settings import Settings


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_es(request: Request) -> Elasticsearch:
    return request.app.state.es


def get_redis(request: Request) -> redis.Redis:
    return request.app.state.redis


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
EsDep = Annotated[Elasticsearch, Depends(get_es)]
RedisDep = Annotated[redis.Redis, Depends(get_redis)]
