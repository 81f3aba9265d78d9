"""What the board dashboard adds to the portal's frame (see `coproduction.registry`)."""

from coproduction.registry import AreaPage, registry


def register() -> None:
    registry.add_area_page(
        AreaPage(
            "Dashboard",
            "evaluation:dashboard",
            "evaluation.view_dashboard",
            "The board dashboard: where the partnership stands on co-production, for the "
            "whole area or one board or work stream, by school year or term.",
            order=50,
        )
    )
