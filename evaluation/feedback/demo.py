"""Demo feedback: placeholder until the full loader is written."""


def seed() -> None:
    return None
