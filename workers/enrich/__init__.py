"""Enrichment stage: tag an Article with regions, actors, cited sources and dateline."""
