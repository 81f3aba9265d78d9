"""`make bench`: server time of the portal's main pages on a large data set.

Each scenario module (bench/people.py, ...) has `build()` (creates its data in the bench
database once; it must be safe to call again) and `pages()` (the pages to time, each a
(name, url, person) tuple). The runner in __main__.py times them through Django's full stack
in-process and writes bench/results.json and the README's performance table.
"""
