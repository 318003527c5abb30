"""The composed enrichment stage (workers.enrich.pipeline) with the repository's gazetteer, actor base and,
when installed, the NER model."""
import pytest

from workers.enrich import ner
from workers.enrich.pipeline import enrich_text, enrich_texts

STORY = ("KHARTOUM, Sudan — Fighting resumed near Omdurman on Monday, a resident told the Harbour Daily Wire. "
         "The Sudanese army said it repelled an RSF attack.")


def test_places_actors_and_dateline_come_together():
    found = enrich_text(STORY, "Fighting near Omdurman")
    assert found.dateline is not None and found.dateline.name == "Khartoum"
    assert {"SD", "SD-KH"} <= {region.code for region in found.regions}
    assert {"sd-saf", "sd-rsf"} <= {actor.id for actor in found.actors if actor.linked}


@pytest.mark.skipif(ner.load_model(ner.configured_model()) is None, reason="the NER model finds outlets named in text")
def test_the_publishing_outlet_is_no_actor_of_its_own_story():
    assert "Harbour Daily Wire" in [a.name for a in enrich_text(STORY, "Fighting near Omdurman").actors]
    assert "Harbour Daily Wire" not in [a.name for a in enrich_text(STORY, "Fighting near Omdurman",
                                                                    outlet="Harbour Daily Wire").actors]


OTHER = ("GOMA, Democratic Republic of Congo — M23 fighters entered Sake on Tuesday, according to the UN mission, "
         "as Jean Mbala, a trader, said prices doubled.")


def test_a_batch_is_enriched_as_each_story_alone():
    stories = [(STORY, "Fighting near Omdurman", None), (OTHER, "M23 in Sake", "Harbour Daily Wire"), ("", "", None)]
    batched = [found.as_json() for found in enrich_texts(stories)]
    assert batched == [enrich_text(*story).as_json() for story in stories]
    assert "cd-m23" in [actor["id"] for actor in batched[1]["actors"]]


def test_a_worker_batch_whose_joint_enrichment_fails_is_enriched_one_by_one(monkeypatch):
    from indexer.article import Article
    from workers import tasks

    def fails(_articles):
        raise RuntimeError("one bad article in the batch")

    articles = [Article(id=str(n), url=f"https://example.org/{n}", fetched_url=f"https://example.org/{n}",
                        source="example.org", domain="example.org", title="Fighting near Omdurman", text=STORY,
                        fetched_at="2026-11-20T08:00:00Z") for n in range(2)]
    monkeypatch.setattr(tasks, "enrich_articles", fails)
    enriched = tasks.enrich_batch(articles)
    assert [a.url for a in enriched] == [a.url for a in articles]
    assert all({"sd-saf", "sd-rsf"} <= {actor.id for actor in a.actors} for a in enriched)
