"""Elasticsearch stage: the Article schema and its mapping, bulk writes, and search queries."""
