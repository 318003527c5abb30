"""The demo news world: three fictional outlets rendered from article YAML and served locally
over HTTP, so the crawler, extractor and enrichment can be tested end to end without the internet."""
