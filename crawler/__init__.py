"""The crawl stage: a Scrapy project that finds article URLs in feeds and sitemaps, fetches the pages
and hands them to the workers as Celery tasks by name. Entry points: `crawler.run` and `crawler.sites`."""
