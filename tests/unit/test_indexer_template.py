"""The index template is valid JSON, reserves the enrichment fields, and matches the Article schema."""
import json
from datetime import datetime, timezone

from indexer.article import Article, RegionMention
from indexer.bulk import to_action
from indexer.setup import TEMPLATE_PATH, index_template


def test_template_is_json_for_versioned_indices():
    body = json.loads(TEMPLATE_PATH.read_text())
    assert body["index_patterns"] == ["{alias}-v*"]
    assert index_template("news")["index_patterns"] == ["news-v*"]
    assert "_comment" not in index_template("news")


def test_template_reserves_region_actor_and_cited_source_fields():
    props = index_template("a")["template"]["mappings"]["properties"]
    regions = props["regions"]
    assert regions["type"] == "nested"
    assert regions["properties"]["location"]["type"] == "geo_point"
    assert {"level", "code", "name", "country_code", "admin1_code", "mentions", "focus"} <= set(regions["properties"])
    assert props["actors"]["type"] == "nested"
    assert {"name", "type", "country", "linked"} <= set(props["actors"]["properties"])
    assert props["cited_sources"]["type"] == "keyword"


def test_facet_fields_are_keywords_and_text_is_english():
    props = index_template("a")["template"]["mappings"]["properties"]
    for field in ("source", "language", "authors"):
        assert props[field]["type"] == "keyword"
    assert props["published"]["type"] == "date"
    assert props["title"]["analyzer"] == props["text"]["analyzer"] == "english_news"


def test_mapping_covers_every_article_field_and_nothing_else():
    props = index_template("a")["template"]["mappings"]["properties"]
    assert set(props) == set(Article.model_fields)
    assert set(props["regions"]["properties"]) == set(RegionMention.model_fields) - {"offsets"}


def test_action_is_keyed_by_article_id_and_serialisable():
    article = Article(id="abc", url="http://x/a", fetched_url="http://x/a?utm_source=rss", source="x", domain="x",
                      title="T", text="body", fetched_at=datetime(2026, 11, 1, tzinfo=timezone.utc))
    action = to_action(article, "articles")
    assert action["_id"] == "abc" and action["_index"] == "articles" and action["_op_type"] == "index"
    assert json.loads(json.dumps(action["_source"]))["fetched_at"].startswith("2026-11-01")
