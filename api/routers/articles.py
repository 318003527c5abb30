"""GET /articles/{id}: one stored article, in full."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path

from api.deps import EsDep, SettingsDep
from api.schemas import Problem
from indexer.article import Article
from indexer.queries import get_article

router = APIRouter(tags=["articles"])


@router.get("/articles/{article_id}", response_model=Article, responses={404: {"model": Problem}, 503: {"model": Problem}})
def read_article(article_id: Annotated[str, Path(max_length=512)], settings: SettingsDep, es: EsDep) -> Article:
    article = get_article(es, settings.index_alias, article_id)
    if article is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
    return article
