"""Quality gate of the enrichment stage on the whole demo corpus (bench/enrich_eval.py): regions, actors and
cited sources scored against the articles' gold must not fall below today's figures."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "enrich_eval.py"
# Floors a little below what the pipeline scored on the whole demo corpus (dev + held-out), to catch
# regressions; the targets are higher for linked actors (0.90) and are
# reported by the benchmark, not asserted here.
# Measured: country 0.976, admin1 0.943, locality 0.893, focus 0.573, dateline 0.987, linked 0.852,
# type of linked actors 0.964. After the gold cleanup by demo/articles/ANNOTATION.md and the actor-base and
# matcher work that followed: linked 0.889, type of linked actors 1.000 (floors raised to ~0.02 below).
# Branches, fighting governments, leader-named groups and country-less ministries: linked 0.894 (floor +0.005).
# 204 articles (48 new, written blind to the system) after two more rounds of general rules: country 0.983,
# admin1 0.956, locality 0.895, focus 0.583, linked 0.919; focus rules (countries and capitals weigh less, a
# town with its province): focus 0.615. Session 3 (gold adjudicated by the guideline, actor base 1,376 -> 2,234,
# rule classes probed with invented sentences per guideline clause): linked 0.924, country 0.985, admin1 0.960.
# Session 4, on the gold re-read article by article (ADJUDICATION.md) and four rounds of guideline rules: linked 0.937.
FLOORS = {
    "country_f1": 0.97,
    "admin1_f1": 0.94,
    "locality_f1": 0.88,
    "focus_f1": 0.59,
    "dateline_acc": 0.97,
    "linked_f1": 0.92,
    "type_linked_acc": 0.98,
}
# These rest on the NER model (unlinked actors come only from it). Measured: unlinked 0.560, type of all
# matched actors 0.897, cited sources 0.693; after the cleanup above: 0.611, 0.977, 0.736; 204 articles and the
# unlinked-name rules (features, storms, models out; "and" tails, abbreviations joined): 0.637, 0.975, 0.753;
# attribution patterns (descriptions before a source, apposition, bodies and envoys of countries): cited 0.776; session 3: unlinked 0.641, cited 0.789;
# session 4 (re-read gold; anaphora, quotes, cited names as actors, names grown to the full form): 0.698, 0.975, 0.866.
NER_FLOORS = {"unlinked_f1": 0.68, "type_all_acc": 0.95, "cited_f1": 0.85}


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("enrich_eval", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def items(bench):
    return bench.demo_items()


@pytest.fixture(scope="module")
def scores(bench, items):
    return bench.evaluate(items)


@pytest.fixture(scope="module")
def whole(bench, scores):
    return bench.Score().merge(scores["dev"]).merge(scores["held-out"]).metrics()


def test_split_is_by_slug_hash_and_keeps_both_halves(bench, items, scores):
    assert bench.half_of("hama-shelling-displaces-families") == bench.half_of("hama-shelling-displaces-families")
    assert {bench.half_of(f"slug-{n}") for n in range(8)} == {"dev", "held-out"}
    assert all(item["half"] == bench.half_of(item["slug"]) for item in items)
    assert len(items) >= 80
    assert scores["dev"].articles >= 30 and scores["held-out"].articles >= 30
    assert scores["dev"].articles + scores["held-out"].articles == len(items)


def test_place_scoring_counts_each_prediction_once(bench):
    gold = [("SY:Hama", {"SY-HM"}), ("SY:Hama:Hama", {"170063"}), ("SY:Nowhere", {"?SY:Nowhere"})]
    tp, missed, extra = bench.match_codes(gold, {"SY-HM", "SY-ID"})
    assert (tp, missed, extra) == (1, ["SY:Hama:Hama", "SY:Nowhere"], {"SY-ID"})
    # two gold items that may both denote one code take it once
    assert bench.match_codes([("a", {"1"}), ("b", {"1", "2"})], {"1"})[0] == 1


def test_tally_precision_recall_f1(bench):
    tally = bench.Tally()
    tally.add(3, 1, 2)
    assert tally.prf() == pytest.approx((0.75, 0.6, 2 * 0.75 * 0.6 / 1.35))
    assert bench.Tally(0, 0, 4).prf() == (1.0, 0.0, 0.0)


def test_gold_resolves_through_gazetteer_and_actor_base(bench):
    gaz = bench.Gazetteer.load()
    assert bench.place_codes(gaz, "SY:Hama") == {"SY-HM"}
    assert bench.place_codes(gaz, "SY:Nowhere Land") == {"?SY:Nowhere Land"}
    resolve = bench.ActorResolver(bench.default_matcher())
    hts = resolve("Hayat Tahrir al-Sham", "SY")
    assert hts is not None and resolve("HTS", "SY") == hts
    assert resolve.same_source("HTS", "Hayat Tahrir al-Sham")
    assert not resolve.same_source("SANA", "Hayat Tahrir al-Sham")


def test_floors_flag_fails_below_a_floor(bench, whole):
    floors = bench.parse_floors(["country_f1=0.5,linked_f1=0.4", "cited_f1=1.01"])
    assert floors == {"country_f1": 0.5, "linked_f1": 0.4, "cited_f1": 1.01}
    assert [line.split()[0] for line in bench.below_floors(whole, floors)] == ["cited_f1"]


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_quality_floor_on_whole_demo_set(whole, metric):
    assert whole[metric] >= FLOORS[metric], f"{metric} {whole[metric]:.3f} fell below {FLOORS[metric]}"


@pytest.mark.parametrize("metric", sorted(NER_FLOORS))
def test_ner_quality_floor_on_whole_demo_set(bench, whole, metric):
    if bench.ner.load_model(bench.ner.configured_model()) is None:
        pytest.skip("no NER model installed: unlinked actors are not found")
    assert whole[metric] >= NER_FLOORS[metric], f"{metric} {whole[metric]:.3f} fell below {NER_FLOORS[metric]}"
