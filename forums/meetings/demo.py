"""Demo meetings (filled in by a later step)."""


def seed() -> None:
    """Load the demo meetings; safe to run again."""
