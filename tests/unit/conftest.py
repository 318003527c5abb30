"""Unit-test helpers shared by the actor tests: a matcher over a small actor base written by the test."""
from __future__ import annotations

import pytest

from workers.enrich.actors import ActorBase, ActorMatcher


@pytest.fixture(scope="session")
def matcher_for(tmp_path_factory):
    """Build an ActorMatcher from the YAML text of a test's own actor base."""
    def build(base_yaml: str) -> ActorMatcher:
        folder = tmp_path_factory.mktemp("actors")
        (folder / "base.yaml").write_text(base_yaml, encoding="utf-8")
        return ActorMatcher(ActorBase.load(folder))
    return build


def linked_ids(matcher: ActorMatcher, text: str, countries) -> list[str]:
    """Ids of the linked actors found in text, given the story's countries."""
    return sorted(a.id for a in matcher.link(matcher.find(text), text, countries) if a.linked)
