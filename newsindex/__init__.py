"""newsindex: crawl news sites, extract articles, tag regions and actors, search them in Elasticsearch.

This package holds what every stage shares: the settings object and logging setup, and the CLI.
"""
