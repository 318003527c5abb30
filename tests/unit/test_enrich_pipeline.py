"""The composed enrichment stage (workers.enrich.pipeline) with the repository's gazetteer, actor base and,
when installed, the NER model."""
import pytest

from workers.enrich import ner
from workers.enrich.pipeline import enrich_text

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
