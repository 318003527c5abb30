"""Install the index template and create the versioned index behind its alias (articles → articles-v1)."""
from __future__ import annotations

import copy
import json
import logging
from functools import lru_cache
from pathlib import Path

from elasticsearch import BadRequestError, Elasticsearch

logger = logging.getLogger(__name__)

TEMPLATE_PATH = Path(__file__).parent / "templates" / "articles.json"


@lru_cache
def _template_file() -> dict:
    return json.loads(TEMPLATE_PATH.read_text())


def index_template(alias: str) -> dict:
    """The composable template body for indices named `<alias>-v*`."""
    body = copy.deepcopy(_template_file())
    body.pop("_comment", None)
    body["index_patterns"] = [pattern.replace("{alias}", alias) for pattern in body["index_patterns"]]
    return body


def ensure_index(es: Elasticsearch, alias: str, version: int = 1) -> str:
    """Idempotent: (re)install the template, create `<alias>-v<version>` if absent and point the alias at it."""
    body = index_template(alias)
    es.indices.put_index_template(name=f"{alias}-template", **body)
    index = f"{alias}-v{version}"
    if not es.indices.exists(index=index):
        try:
            es.indices.create(index=index, aliases={alias: {"is_write_index": True}})
            logger.info("created index", extra={"index": index, "alias": alias})
        except BadRequestError as error:
            # Several worker processes start at once; losing the race to create it is fine.
            if error.error != "resource_already_exists_exception":
                raise
    return index


def drop_index(es: Elasticsearch, alias: str) -> None:
    """Delete every versioned index behind the alias and the template (tests and `newsindex reset`)."""
    # Wildcard deletes are refused (action.destructive_requires_name), so name each index.
    names = list(es.indices.get(index=f"{alias}-v*", allow_no_indices=True, ignore_unavailable=True))
    if names:
        es.indices.delete(index=",".join(names))
    es.options(ignore_status=404).indices.delete_index_template(name=f"{alias}-template")
