"""Worker stage: Celery tasks that extract pages into articles and hand them to the indexer."""
