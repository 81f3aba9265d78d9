"""What reports add to the portal's frame (see `coproduction.registry`)."""

from coproduction.registry import AreaPage, DemoLoader, registry


def _seed() -> None:
    from evaluation.reports import demo

    demo.seed()


def register() -> None:
    registry.add_area_page(
        AreaPage(
            "Reports",
            "reports:list",
            "reports.view_reports",
            "Accessible PDF reports: you said, we did, the board's self-evaluation summary "
            "and the inspection evidence pack.",
            order=70,
        )
    )
    registry.add_demo_loader(
        DemoLoader("reports", _seed, after=("people", "forums", "meetings", "initiatives"))
    )
