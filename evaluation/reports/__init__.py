"""Reports: accessible PDFs (you said, we did; the board's self-evaluation summary; the
inspection evidence pack), asked for on a page and made by the Celery worker."""
