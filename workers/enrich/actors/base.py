"""The curated actor base: workers/enrich/data/actors/*.yaml loaded and checked (ids, types, parents,
no cycles) into Actor records."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Mapping

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator


logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
ActorType = Literal[
    "state_forces", "rebel_group", "political_militia", "identity_militia", "protesters", "civilians",
    "government", "international_org", "monitor_ngo", "media_agency", "person",
]


class ActorBaseError(ValueError):
    """The actor base files do not validate; the message lists every problem with its file."""


class Actor(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    type: ActorType
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    parent: str | None = None
    generic: tuple[str, ...] = ()
    abbreviations_case_sensitive: bool = True

    @field_validator("country", mode="before")
    @classmethod
    def _norway(cls, value):
        # YAML 1.1 reads a bare NO (Norway) as false
        return "NO" if value is False else value

    @field_validator("aliases", "generic", mode="before")
    @classmethod
    def _strings(cls, value):
        if value is None:
            return ()
        return tuple(str(v) for v in value) if isinstance(value, (list, tuple)) else value


@dataclass(frozen=True)
class ActorBase:
    actors: dict[str, Actor]

    @classmethod
    def load(cls, folder: Path | str = DATA_DIR) -> ActorBase:
        """Every *.yaml of folder (a YAML list of actors each), validated as a whole."""
        folder = Path(folder)
        actors: dict[str, Actor] = {}
        where: dict[str, str] = {}
        problems: list[str] = []
        files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
        for path in files:
            try:
                entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            except yaml.YAMLError as err:
                problems.append(f"{path.name}: not valid YAML: {err}")
                continue
            if not isinstance(entries, list):
                problems.append(f"{path.name}: must be a YAML list of actors")
                continue
            for n, entry in enumerate(entries):
                label = f"{path.name}[{n}]" + (f" ({entry.get('id')})" if isinstance(entry, dict) else "")
                try:
                    actor = Actor.model_validate(entry)
                except ValidationError as err:
                    details = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors())
                    problems.append(f"{label}: {details}")
                    continue
                if actor.id in actors:
                    problems.append(f"{label}: duplicate id {actor.id!r} (first in {where[actor.id]})")
                    continue
                actors[actor.id] = actor
                where[actor.id] = path.name
        for actor in actors.values():
            if actor.parent is not None and actor.parent not in actors:
                problems.append(f"{where[actor.id]} ({actor.id}): parent {actor.parent!r} is not in the base")
        problems += _parent_cycles(actors, where)
        if problems:
            raise ActorBaseError(f"actor base {folder} has {len(problems)} problem(s):\n  " + "\n  ".join(problems))
        if not actors:
            logger.warning("actor base %s is empty", folder)
        return cls(actors)

    def __len__(self) -> int:
        return len(self.actors)

    def __getitem__(self, actor_id: str) -> Actor:
        return self.actors[actor_id]


def _parent_cycles(actors: Mapping[str, Actor], where: Mapping[str, str]) -> list[str]:
    problems, reported = [], set()
    for start in actors:
        chain, node = [], start
        while node is not None and node in actors and node not in chain:
            chain.append(node)
            node = actors[node].parent
        if node in chain:
            loop = frozenset(chain[chain.index(node):])
            if loop not in reported:
                reported.add(loop)
                problems.append(f"{where[node]} ({node}): parent chain loops: {' -> '.join(sorted(loop))}")
    return problems
