"""Writes for expenses: claims and their approval (claims.py), the incentives portfolio and
the area's settings (portfolio.py)."""
