"""The demo outlets' page templates, one module each: article_page, listing_page and plain_page."""
