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
            # Those who may ask for reports: the check needs no query, so every page's menu
            # stays cheap. Chairs of a body can still open the list of their body's reports.
            "reports.request_report",
            "Accessible PDF reports: you said, we did, the board's self-evaluation summary "
            "and the inspection evidence pack.",
            order=70,
            in_menu=False,
        )
    )
    registry.add_demo_loader(
        DemoLoader(
            "reports",
            _seed,
            # Every figure and feedback row the reports read must be loaded first.
            after=(
                "people",
                "forums",
                "meetings",
                "initiatives",
                "training",
                "expenses",
                "dial",
                "conditions",
                "feedback",
            ),
        )
    )
